"""Answer once, share by consent: a partner's questionnaire as a signed JSON document.

Ed25519 (not HMAC): the importing installation verifies with the exporter's *public* key,
so no secret is shared between vendors, and a key only signs, it cannot be used to forge
another origin's documents. The document holds the partner's own record (who it is, its
answers, its evidence files with their SHA-256, when it answered), never the vendor's
review (reviewer notes, the maturity a vendor gave). What is signed is the canonical JSON
of everything but the signature (sorted keys, no spaces, UTF-8).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from datetime import date, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings

from hrdd.errors import ApplicationError

FORMAT = "hrdd-partner-profile"
VERSION = 1


def canonical(document: dict[str, Any]) -> bytes:
    body = {k: v for k, v in document.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def signing_key() -> Ed25519PrivateKey:
    raw = settings.PARTNER_DD_SIGNING_KEY
    if raw:
        try:
            return Ed25519PrivateKey.from_private_bytes(base64.b64decode(raw, validate=True))
        except (ValueError, binascii.Error) as exc:
            raise ApplicationError("PARTNER_DD_SIGNING_KEY is not a base64 32-byte key.") from exc
    if not settings.DEBUG:
        raise ApplicationError("Profile exports are off: set PARTNER_DD_SIGNING_KEY.")
    seed = hashlib.sha256(b"partner-dd-local:" + settings.SECRET_KEY.encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key_b64(key: Ed25519PrivateKey | None = None) -> str:
    pub = (key or signing_key()).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(pub).decode()


def sign(document: dict[str, Any]) -> dict[str, Any]:
    key = signing_key()
    signed = {**document, "origin": settings.PARTNER_DD_ORIGIN, "public_key": public_key_b64(key)}
    signed["signature"] = base64.b64encode(key.sign(canonical(signed))).decode()
    return signed


def trusted_keys() -> dict[str, str]:
    """Origin name -> base64 public key: PARTNER_DD_TRUSTED_KEYS and this installation."""
    keys = {}
    for item in settings.PARTNER_DD_TRUSTED_KEYS:
        name, _, pub = item.partition("=")
        if name.strip() and pub.strip():
            keys[name.strip()] = pub.strip()
    try:
        keys.setdefault(settings.PARTNER_DD_ORIGIN, public_key_b64())
    except ApplicationError:
        pass
    return keys


def verify(document: Any) -> None:
    """Raise ApplicationError unless the document is a profile signed by a trusted origin."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ApplicationError("This is not a partner profile document.")
    if document.get("version") != VERSION:
        raise ApplicationError(f"Unsupported profile document version {document.get('version')!r}.")
    origin = str(document.get("origin") or "")
    expected = trusted_keys().get(origin)
    if expected is None:
        raise ApplicationError(f'The origin "{origin}" is not trusted (PARTNER_DD_TRUSTED_KEYS).')
    if document.get("public_key") != expected:
        raise ApplicationError(f'The document is not signed with the key of "{origin}".')
    try:
        pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(expected, validate=True))
        pub.verify(
            base64.b64decode(str(document.get("signature") or ""), validate=True),
            canonical(document),
        )
    except (InvalidSignature, ValueError, binascii.Error) as exc:
        raise ApplicationError("The signature does not match: the document was changed.") from exc


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
