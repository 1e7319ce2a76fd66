"""Changing a password, and "forgot password" links.

A reset link is a random token whose SHA-256 hash is stored (like invites and
API tokens), valid once for ``TIPOFF_PASSWORD_RESET_MINUTES`` (60). Asking for
one never reveals whether an address has an account: the API answers 202
either way, and only an existing, active account gets a mail. Using a link
(or changing the password) ends every other browser session, so a stolen
session does not survive the owner's reaction to it.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from core.errors import Forbidden, InvalidInput, NotFound
from core.models import PasswordReset, User, WebSession, utcnow
from core.notifications.mail_outbox import enqueue_template
from core.people import audit
from core.security import hash_password, new_token, token_hash, verify_password
from core.settings import get_settings

TOKEN_PREFIX = "pwr_"
MIN_LENGTH = 8
_GONE = "this link has expired or was already used: ask for a new one"


def reset_path(token: str) -> str:
    return f"/reset/{token}"


def _check_new(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"the new password must be at least {MIN_LENGTH} characters")


def _end_sessions(session: Session, user_id: int, *, keep_hash: str | None = None) -> None:
    query = delete(WebSession).where(col(WebSession.user_id) == user_id)
    if keep_hash is not None:
        query = query.where(col(WebSession.token_hash) != keep_hash)
    session.execute(query)


def change_password(
    session: Session,
    user: User,
    *,
    current_password: str,
    new_password: str,
    keep_session_token: str | None = None,
    client: str | None = None,
) -> None:
    """Change one's own password; other browsers are signed out, this one stays."""
    if not user.password_hash:
        raise Forbidden("this account has no password: it signs in another way (single sign-on)")
    if not verify_password(user.password_hash, current_password):
        raise Forbidden("the current password is wrong")
    _check_new(new_password)
    assert user.id is not None
    user.password_hash = hash_password(new_password)
    session.add(user)
    keep = token_hash(keep_session_token) if keep_session_token else None
    _end_sessions(session, user.id, keep_hash=keep)
    audit.record(
        session, actor=user, action="user.password_change", target=audit.user_target(user),
        client=client,
    )  # fmt: skip
    session.flush()


def create_reset_link(session: Session, user: User, *, base_url: str) -> str:
    """A fresh one-time link for ``user``; older unused links stop working."""
    if not user.active or user.id is None:
        raise NotFound("this account is deactivated")
    now = utcnow()
    session.execute(
        delete(PasswordReset).where(
            col(PasswordReset.user_id) == user.id, col(PasswordReset.used_at).is_(None)
        )
    )
    token = new_token(prefix=TOKEN_PREFIX)
    session.add(
        PasswordReset(
            user_id=user.id,
            token_hash=token_hash(token),
            expires_at=now + timedelta(minutes=get_settings().password_reset_minutes),
        )
    )
    session.flush()
    return base_url.rstrip("/") + reset_path(token)


def request_reset(session: Session, email: str, *, base_url: str) -> bool:
    """Mail a reset link if ``email`` belongs to an active account; says whether it did
    (for logs and tests only: the API answers the same either way)."""
    address = email.strip().lower()
    user = session.exec(
        select(User).where(User.email == address, col(User.active).is_(True))
    ).first()
    if user is None:
        return False
    url = create_reset_link(session, user, base_url=base_url)
    enqueue_template(
        session,
        "password_reset",
        to=user.email,
        subject="Reset your Tipoff password",
        user_id=user.id,
        name=user.name,
        url=url,
        minutes=get_settings().password_reset_minutes,
        site=base_url.rstrip("/"),
    )
    return True


def check_reset_token(session: Session, token: str) -> PasswordReset:
    row = session.exec(
        select(PasswordReset).where(PasswordReset.token_hash == token_hash(token))
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= utcnow():
        raise NotFound(_GONE)
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise NotFound(_GONE)
    return row


def reset_password(
    session: Session, token: str, new_password: str, *, client: str | None = None
) -> User:
    """Use a reset link: set the password, use the link up, sign out every browser."""
    _check_new(new_password)
    row = check_reset_token(session, token)
    claimed = session.execute(
        update(PasswordReset)
        .where(col(PasswordReset.id) == row.id, col(PasswordReset.used_at).is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise NotFound(_GONE)
    user = session.get(User, row.user_id)
    assert user is not None and user.id is not None
    user.password_hash = hash_password(new_password)
    session.add(user)
    _end_sessions(session, user.id)
    audit.record(
        session, actor=user, action="user.password_reset", target=audit.user_target(user),
        client=client,
    )  # fmt: skip
    session.flush()
    return user
