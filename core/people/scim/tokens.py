"""The provisioning token the identity provider presents (``Authorization: Bearer``).

One token at a time: making a new one replaces the old, so rotating is one
command. Only its SHA-256 is stored; ``tipoff scim token`` shows it once.
"""

from __future__ import annotations

from sqlmodel import Session, delete, select

from core.models import ScimToken, utcnow
from core.people import audit
from core.security import new_token, token_hash

PREFIX = "scim_"


def create(session: Session) -> str:
    session.execute(delete(ScimToken))
    token = new_token(prefix=PREFIX)
    session.add(ScimToken(token_hash=token_hash(token), prefix=token[:10]))
    audit.record(session, actor=None, action="scim.token.create", client="cli")
    session.flush()
    return token


def revoke(session: Session) -> int:
    removed = session.execute(delete(ScimToken)).rowcount  # type: ignore[attr-defined]
    if removed:
        audit.record(session, actor=None, action="scim.token.revoke", client="cli")
    session.flush()
    return int(removed)


def is_valid(session: Session, token: str, *, touch: bool = True) -> bool:
    """Whether ``token`` is the current one; ``touch`` records its use (not on reads)."""
    row = session.exec(select(ScimToken).where(ScimToken.token_hash == token_hash(token))).first()
    if row is None:
        return False
    now = utcnow()
    if touch and (row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60):
        row.last_used_at = now  # at most once a minute, so a sync burst writes once
        session.add(row)
    return True
