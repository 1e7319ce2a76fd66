"""Request dependencies: the unit-of-work session and who is asking.

``SessionDep`` commits when the route returns and rolls back when it raises:
the one place a request's work is committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlmodel import Session

from core.db import UnitOfWork, session_scope, units_of
from core.errors import Forbidden, Unauthorized
from core.models import User
from core.people import accounts

SESSION_COOKIE = "tipoff_session"


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_session(request: Request) -> Iterator[Session]:
    """The request's unit of work: the same commit-or-rollback as jobs use.

    Safe methods read only, so on SQLite they never wait for the write lock; so do
    routes marked ``DownloadsFirst``, whose flow opens its own write units.
    """
    reads_only = request.method in SAFE_METHODS or getattr(request.state, "reads_only", False)
    with session_scope(reads_only=reads_only) as session:
        yield session


# scope="function": commit as soon as the route returns, *before* the response is
# sent, so a client never sees 2xx for work that then fails to commit.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def downloads_first(request: Request) -> None:
    """Mark a route whose work starts with a download (connect or sync a calendar).

    Its request session then only reads (who is asking); the flow it calls opens
    its own short write units after the network, through ``UnitsDep``. Route-level
    dependencies run before the route's own, so the mark is set before the session
    opens.
    """
    request.state.reads_only = True


DownloadsFirst = Depends(downloads_first)


def get_units() -> UnitOfWork:
    """How a flow opens its own units of work (tests swap in ``units_within``)."""
    return units_of()


UnitsDep = Annotated[UnitOfWork, Depends(get_units)]


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


# Every integer id in a path: bounded so absurd ids are a 422, not a database overflow.
MAX_ID = 2**31 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
