"""Signing a delivery as Stripe and GitHub do: HMAC-SHA256 over "<timestamp>.<body>".

Header: `HRDD-Signature: t=<unix seconds>,v1=<hex digest>`. The receiver recomputes the
digest with the endpoint's secret, compares in constant time, and refuses a timestamp
older than a few minutes (a replayed capture). `signature_verify` is what a Python
receiver can copy (docs/integrations.md).
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "HRDD-Signature"
TOLERANCE_SECONDS = 300


def signature_header(*, secret: str, body: bytes, timestamp: int | None = None) -> str:
    t = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"


def signature_verify(
    *, secret: str, body: bytes, header: str, tolerance: int = TOLERANCE_SECONDS, now=None
) -> bool:
    """True when `header` signs `body` with `secret` and is at most `tolerance` s old."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        t = int(fields["t"])
    except (KeyError, ValueError):
        return False
    now = int(time.time()) if now is None else now
    if abs(now - t) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))
