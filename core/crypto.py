"""Encryption of secrets at rest (calendar URLs, CalDAV passwords, the VAPID key).

The Fernet key is derived from ``TIPOFF_SECRET_KEY`` with HKDF, so one root
secret in the data directory protects everything and rotating it is one move.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core.errors import TipoffError
from core.settings import get_settings


class DecryptionFailed(TipoffError):
    status_code = 500


@lru_cache(maxsize=8)
def _fernet(secret_key: str, purpose: str) -> Fernet:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"tipoff-at-rest", info=purpose.encode()
    ).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


@lru_cache(maxsize=8)
def _mac_key(secret_key: str, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"tipoff-mac", info=purpose.encode()
    ).derive(secret_key.encode())


def mac_key(purpose: str) -> bytes:
    """A key for keyed hashes (HMAC) of one purpose, derived like the encryption keys."""
    return _mac_key(get_settings().ensure_secret_key(), purpose)


def encrypt(plaintext: str, purpose: str = "secrets") -> str:
    key = get_settings().ensure_secret_key()
    return _fernet(key, purpose).encrypt(plaintext.encode()).decode()


def decrypt(ciphertext: str, purpose: str = "secrets") -> str:
    key = get_settings().ensure_secret_key()
    try:
        return _fernet(key, purpose).decrypt(ciphertext.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionFailed(
            "a stored secret cannot be decrypted (was the secret key changed?)"
        ) from exc


def decrypt_fresh(ciphertext: str, purpose: str, max_age_seconds: int) -> str | None:
    """Decrypt something sealed at most ``max_age_seconds`` ago; None if older or forged."""
    key = get_settings().ensure_secret_key()
    try:
        return _fernet(key, purpose).decrypt(ciphertext.encode(), ttl=max_age_seconds).decode()
    except InvalidToken:
        return None
