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

from core.db import UnitOfWork, session_scope, units_of
from core.errors import Forbidden, Unauthorized
from core.models import User, utcnow
from core.people import accounts

SESSION_COOKIE = "tipoff_session"


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Reads that also count (a brief viewed by its owner counts as "opened", see
# core.insights.signals): they take the write lock like any write.
COUNTING_READS = frozenset({"/api/meetings/{meeting_id}/brief", "/m/{meeting_id}"})


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
        finish_request(request, session)


def finish_request(request: Request, session: Session) -> None:
    """What a request's unit of work does once the route is done: whoever asked through
    ``UserBeforeWriting`` (a read-only unit) is "seen" here, in the write unit."""
    if (user := getattr(request.state, "seen_later", None)) is not None:
        _seen(session, user)


# scope="function": commit as soon as the route returns, *before* the response is
# sent, so a client never sees 2xx for work that then fails to commit.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_units() -> UnitOfWork:
    """How a flow opens its own units of work (tests swap in ``units_within``)."""
    return units_of()


UnitsDep = Annotated[UnitOfWork, Depends(get_units)]


def get_write_session() -> Iterator[Session]:
    """For the few GET routes that must write (a sign-in callback starts a session)."""
    with session_scope() as session:
        yield session


WriteSessionDep = Annotated[Session, Depends(get_write_session, scope="function")]


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


def _authenticate(request: Request, session: Session) -> User | None:
    """Who is asking (bearer token or session cookie), reading only."""
    token = _bearer_token(request)
    if token is not None:
        user = accounts.user_for_api_token(session, token)
        if user is None:
            raise Unauthorized("invalid or revoked API token")
        return user
    if cookie := request.cookies.get(SESSION_COOKIE):
        return accounts.user_for_web_session(session, cookie)
    return None


def get_optional_user(request: Request, session: SessionDep) -> User | None:
    user = _authenticate(request, session)
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


def get_read_session() -> Iterator[Session]:
    """A short read-only unit of work of its own (tests override it with theirs)."""
    with session_scope(reads_only=True) as session:
        yield session


def get_user_before_writing(
    request: Request, session: Annotated[Session, Depends(get_read_session, scope="function")]
) -> User:
    """Who is asking, looked up in a read-only unit of its own, so a route can do its
    slow part *before* any write unit touches the database: CPU-heavy preparation
    (profiling a tip) before its ``SessionDep``, or a download (connecting or syncing
    a calendar) before the flow opens its own write units through ``UnitsDep``. On
    SQLite the write slot is then held only for the writes. The user returned is
    detached: use it for who-is-asking, do not modify it."""
    # Reads only: a write here would need SQLite's write lock in this read unit.
    user = get_current_user(_authenticate(request, session))
    session.expunge(user)  # detached: a write unit may take it over without a conflict
    if request.method not in SAFE_METHODS:
        request.state.seen_later = user  # written by the request's write unit, if it has one
    return user


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


def client_address(request: Request) -> str:
    """Where a request comes from, for rate limits and the audit log."""
    return request.client.host if request.client else "unknown"


ClientAddress = Annotated[str, Depends(client_address)]


# Every integer id in a path: bounded so absurd ids are a 422, not a database overflow.
MAX_ID = 2**31 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
