"""The "this helped" links in a brief email: signed, single-use, no sign-in needed.

A link names one emailed brief (``BriefEmail`` row) and one of its tips, with an
HMAC over both under a key derived from ``TIPOFF_SECRET_KEY`` for this purpose
alone: it cannot be forged, and it is good for nothing but this one vote (no
session, no data). It works once: the tip id is added to the row's ``helped``
list, and a second use says "already counted". Recording the vote itself is the
caller's (``core.tips.feedback``), so this room stays below the library.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from sqlmodel import Session

from core.errors import Conflict, NotFound
from core.models import BriefEmail
from core.settings import get_settings

_TOKEN = re.compile(r"^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$")


def _key() -> bytes:
    secret = get_settings().ensure_secret_key().encode()
    return hmac.new(secret, b"tipoff helped-link v1", hashlib.sha256).digest()


def _mac(email_id: int, tip_id: int) -> str:
    digest = hmac.new(_key(), f"{email_id}.{tip_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def sign(email_id: int, tip_id: int) -> str:
    return f"{email_id}.{tip_id}.{_mac(email_id, tip_id)}"


def verify(session: Session, token: str, *, lock: bool = False) -> tuple[BriefEmail, int]:
    """The emailed brief and tip the token names; 404 for anything forged or stale."""
    match = _TOKEN.match(token or "")
    if match is None:
        raise NotFound("this link is not valid")
    email_id, tip_id, mac = int(match[1]), int(match[2]), match[3]
    if not hmac.compare_digest(mac, _mac(email_id, tip_id)):
        raise NotFound("this link is not valid")
    row = session.get(BriefEmail, email_id, with_for_update=lock)
    if row is None or tip_id not in row.tip_ids:
        raise NotFound("this link is no longer valid")
    return row, tip_id


def consume(session: Session, token: str) -> tuple[BriefEmail, int]:
    """Verify and use the link once; a second use is a 409 "already counted"."""
    row, tip_id = verify(session, token, lock=True)  # one use, even when clicked twice at once
    if tip_id in row.helped:
        raise Conflict("already counted: thank you")
    row.helped = [*row.helped, tip_id]  # a new list, so the JSON column is written
    session.add(row)
    session.flush()
    return row, tip_id
