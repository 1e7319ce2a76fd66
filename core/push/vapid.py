"""The server's VAPID key pair (RFC 8292): created once, private half encrypted at rest.

Browsers bind every subscription to this public key (``applicationServerKey``), so
it must never change by accident: it lives in the database (shared by every
worker on every machine), not in a per-process file, and creating it is
race-free. The private key is stored as PKCS#8 DER encrypted with
``core.crypto`` and decrypted once per process.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid02
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core.crypto import decrypt, encrypt
from core.models import VapidKey
from core.settings import get_settings

CRYPTO_PURPOSE = "vapid"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class VapidKeys:
    public_key: str  # base64url uncompressed point: the browser's applicationServerKey
    vapid: Vapid02  # py_vapid signer holding the private key


def _public_b64(vapid: Vapid02) -> str:
    return b64url(
        vapid.public_key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )


def _create(session: Session) -> VapidKey:
    vapid = Vapid02()
    vapid.generate_keys()
    der = vapid.private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    row = VapidKey(
        public_key=_public_b64(vapid),
        private_key_encrypted=encrypt(b64url(der), CRYPTO_PURPOSE),
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        # Another process created it between our read and our insert: use theirs.
        existing = session.exec(select(VapidKey).where(VapidKey.name == "default")).one()
        return existing
    return row


def ensure_key_row(session: Session) -> VapidKey:
    """The stored key, created on first use."""
    row = session.exec(select(VapidKey).where(VapidKey.name == "default")).first()
    return row if row is not None else _create(session)


@lru_cache(maxsize=4)
def _load(public_key: str, private_key_encrypted: str) -> VapidKeys:
    der = b64url_decode(decrypt(private_key_encrypted, CRYPTO_PURPOSE))
    vapid = Vapid02.from_der(b64url(der).encode())
    if _public_b64(vapid) != public_key:
        raise ValueError("the stored VAPID public key does not match its private key")
    return VapidKeys(public_key=public_key, vapid=vapid)


def get_keys(session: Session) -> VapidKeys:
    """The key pair, decrypted once per process (the row is the cache key)."""
    row = ensure_key_row(session)
    return _load(row.public_key, row.private_key_encrypted)


def public_key(session: Session) -> str:
    return ensure_key_row(session).public_key


def vapid_subject() -> str:
    """Who push services contact about our traffic: the setting, else derived from public_url."""
    settings = get_settings()
    if settings.vapid_subject:
        return settings.vapid_subject
    parts = urlsplit(settings.effective_public_url)
    if parts.scheme == "https" and parts.hostname:
        return f"https://{parts.hostname}"
    return f"mailto:tipoff@{parts.hostname or 'localhost'}"
