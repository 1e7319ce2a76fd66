"""Request dependencies: the unit-of-work session and who is asking.

``SessionDep`` commits when the route returns and rolls back when it raises:
the one place a request's work is committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlmodel import Session

from core import accounts
from core.db import session_scope
from core.errors import Forbidden, Unauthorized
from core.models import User

SESSION_COOKIE = "tipoff_session"


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_session(request: Request) -> Iterator[Session]:
    """The request's unit of work: the same commit-or-rollback as jobs use.

    Safe methods read only, so on SQLite they never wait for the write lock.
    """
    with session_scope(reads_only=request.method in SAFE_METHODS) as session:
        yield session


# scope="function": commit as soon as the route returns, *before* the response is
# sent, so a client never sees 2xx for work that then fails to commit.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def _bearer_token(request: Request) -> str | None:
    """The bearer token, None without one; a blank one is refused, never ignored (the
    CSRF layer lets any ``Bearer`` request through, so falling back to the session
    cookie would skip the CSRF check)."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    if not value.strip():
        raise Unauthorized("empty bearer token")
    return value.strip()


def get_optional_user(request: Request, session: SessionDep) -> User | None:
    token = _bearer_token(request)
    if token is not None:
        user = accounts.user_for_api_token(session, token)
        if user is None:
            raise Unauthorized("invalid or revoked API token")
        return user
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return accounts.user_for_web_session(session, cookie)
    return None


OptionalUser = Annotated[User | None, Depends(get_optional_user)]


def get_current_user(user: OptionalUser) -> User:
    if user is None:
        raise Unauthorized("sign in, or send 'Authorization: Bearer <token>'")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_read_session() -> Iterator[Session]:
    """A short read-only unit of work of its own (tests override it with theirs)."""
    with session_scope(reads_only=True) as session:
        yield session


def get_user_before_writing(
    request: Request, session: Annotated[Session, Depends(get_read_session, scope="function")]
) -> User:
    """Who is asking, looked up in a read-only unit of its own, so a route can do its
    CPU-heavy preparation (profiling a tip) *before* its own unit of work first
    touches the database: on SQLite the write slot is then held only for the writes.
    The user returned is detached: use it for who-is-asking, do not modify it."""
    return get_current_user(get_optional_user(request, session))


UserBeforeWriting = Annotated[User, Depends(get_user_before_writing)]
# A read-only unit beside the request's own, for CPU-heavy checks before any write.
ReadSessionDep = Annotated[Session, Depends(get_read_session, scope="function")]


def get_current_curator(user: CurrentUser) -> User:
    if not user.is_curator:
        raise Forbidden("only curators and admins can do this")
    return user


CurrentCurator = Annotated[User, Depends(get_current_curator)]


def get_current_admin(user: CurrentUser) -> User:
    if user.role != "admin":
        raise Forbidden("only admins can do this")
    return user


CurrentAdmin = Annotated[User, Depends(get_current_admin)]


# Every integer id in a path: bounded so absurd ids are a 422, not a database overflow.
MAX_ID = 2**31 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
