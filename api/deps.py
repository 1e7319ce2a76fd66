"""Request dependencies: the unit-of-work session and who is asking.

``SessionDep`` commits when the route returns and rolls back when it raises:
the one place a request's work is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Path, Request
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col

from core import accounts
from core.db import session_scope
from core.errors import Forbidden, Unauthorized
from core.models import User, utcnow

SESSION_COOKIE = "tipoff_session"


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


_WRITES_ON_READ = "__tipoff_writes_on_read__"
F = TypeVar("F", bound=Callable[..., Any])


def writes_on_read(endpoint: F) -> F:
    """Mark a GET route that writes (an audited download): its unit of work takes
    SQLite's write lock up front like any write, instead of beginning deferred."""
    setattr(endpoint, _WRITES_ON_READ, True)
    return endpoint


def get_session(request: Request) -> Iterator[Session]:
    """The request's unit of work: the same commit-or-rollback as jobs use.

    Safe methods read only, so on SQLite they never wait for the write lock.
    """
    writes = getattr(request.scope.get("endpoint"), _WRITES_ON_READ, False)
    with session_scope(reads_only=request.method in SAFE_METHODS and not writes) as session:
        yield session


# scope="function": commit as soon as the route returns, *before* the response is
# sent, so a client never sees 2xx for work that then fails to commit.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def get_optional_user(request: Request, session: SessionDep) -> User | None:
    token = _bearer_token(request)
    user: User | None = None
    if token is not None:
        user = accounts.user_for_api_token(session, token)
        if user is None:
            raise Unauthorized("invalid or revoked API token")
    elif cookie := request.cookies.get(SESSION_COOKIE):
        user = accounts.user_for_web_session(session, cookie)
    if user is not None and request.method not in SAFE_METHODS:
        _seen(session, user)
    return user


SEEN_EVERY = timedelta(minutes=5)


def _seen(session: Session, user: User) -> None:
    """Keep "last seen" (People page) to within minutes: on sign-in, and on writes at most
    every 5 minutes. Reads never write, so they never wait for SQLite's write lock."""
    now = utcnow()
    if user.last_seen_at is None or user.last_seen_at < now - SEEN_EVERY:
        # A plain UPDATE, not a dirty object: routes that close their read snapshot
        # before slow network work (calendar connect) require a clean session.
        session.execute(update(User).where(col(User.id) == user.id).values(last_seen_at=now))
        set_committed_value(user, "last_seen_at", now)


OptionalUser = Annotated[User | None, Depends(get_optional_user)]


def get_current_user(user: OptionalUser) -> User:
    if user is None:
        raise Unauthorized("sign in, or send 'Authorization: Bearer <token>'")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


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


def client_address(request: Request) -> str:
    """Where a request comes from, for rate limits and the audit log."""
    return request.client.host if request.client else "unknown"


ClientAddress = Annotated[str, Depends(client_address)]


# Every integer id in a path: bounded so absurd ids are a 422, not a database overflow.
MAX_ID = 2**31 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
