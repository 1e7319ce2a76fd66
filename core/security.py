"""Password hashing, random tokens and their at-rest hashes.

API tokens and session cookies are high-entropy random strings, so a fast
SHA-256 is the right at-rest hash for them (a lookup by hash must be cheap);
passwords are low-entropy and get argon2.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
# Verifying against this keeps login timing the same whether or not the user exists.
_DUMMY_HASH = _hasher.hash("not-a-real-password")

TOKEN_PREFIX = "tip_"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token(prefix: str = TOKEN_PREFIX) -> str:
    return prefix + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
