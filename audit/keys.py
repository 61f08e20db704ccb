"""The audit trail's signing keys, held outside the database (settings, from the environment).

Every event, link of the chain and checkpoint records the id of the key that signed it, so
keys can be rotated: the new key signs from now on, retired keys still verify what they
signed. A key id is a short digest of the key, never the key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import cache

from django.conf import settings


@cache  # asked for every event signed
def key_id_of(key: str) -> str:
    return hashlib.sha256(b"hrdd-audit-key-id:" + key.encode()).hexdigest()[:12]


@cache
def _keys(current: str, retired: tuple[str, ...]) -> dict[str, bytes]:
    return {key_id_of(k): k.encode() for k in (*retired, current) if k}


def known_keys() -> dict[str, bytes]:
    return _keys(settings.AUDIT_HMAC_KEY, tuple(settings.AUDIT_HMAC_RETIRED_KEYS))


def current_key_id() -> str:
    return key_id_of(settings.AUDIT_HMAC_KEY)


def canonical(message: dict) -> str:
    """The JSON a signature covers: keys sorted, no spaces, other values as text."""
    return json.dumps(message, sort_keys=True, default=str, separators=(",", ":"))


def sign(key_id: str, message: dict | str) -> str | None:
    """HMAC-SHA256 of a canonical JSON body (or a string); None for an unknown key id."""
    key = known_keys().get(key_id)
    if key is None:
        return None
    if not isinstance(message, str):
        message = canonical(message)
    mac = _keyed(key).copy()  # the key's pads hashed once, not for every event and link
    mac.update(message.encode())
    return mac.hexdigest()


@cache
def _keyed(key: bytes) -> hmac.HMAC:
    return hmac.new(key, digestmod=hashlib.sha256)


def signature_ok(key_id: str, message: dict | str, signature: str) -> bool:
    expected = sign(key_id, message)
    return expected is not None and hmac.compare_digest(expected, signature or "")
