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
# Reads that also count (a brief viewed by its owner counts as "opened", see
# core.insights.signals): they take the write lock like any write.
COUNTING_READS = frozenset({"/api/meetings/{meeting_id}/brief", "/m/{meeting_id}"})


def get_session(request: Request) -> Iterator[Session]:
    """The request's unit of work: the same commit-or-rollback as jobs use.

    Safe methods read only, so on SQLite they never wait for the write lock.
    """
    route = getattr(request.scope.get("route"), "path", None)
    reads_only = request.method in SAFE_METHODS and route not in COUNTING_READS
    with session_scope(reads_only=reads_only) as session:
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
