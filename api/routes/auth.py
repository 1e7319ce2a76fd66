"""Password sign-in for the PWA: an HttpOnly, SameSite=Lax session cookie."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from api.deps import SESSION_COOKIE, CurrentUser, ReadSessionDep, SessionDep
from core import accounts, ratelimit
from core.models.user import UserPublic
from core.settings import get_settings

router = APIRouter(prefix="/api/auth", tags=["auth"])


class LoginRequest(BaseModel, extra="forbid"):
    email: str = Field(max_length=320)
    password: str = Field(max_length=512)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def set_session_cookie(response: Response, token: str) -> None:
    settings = get_settings()
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=settings.public_url.startswith("https://"),
        path="/",
    )


@router.post("/login", response_model=UserPublic)
def login(
    body: LoginRequest,
    request: Request,
    response: Response,
    reader: ReadSessionDep,
    session: SessionDep,
) -> UserPublic:
    settings = get_settings()
    ratelimit.check(
        "login", f"{client_ip(request)}:{accounts.email_key(body.email)}", settings.rate_limit_login
    )
    # The password check (argon2, tens of ms of CPU) reads only: it runs before the
    # write unit begins, so on SQLite the write slot is held for the session insert alone.
    user = accounts.authenticate(reader, body.email, body.password)
    set_session_cookie(response, accounts.start_web_session(session, user))
    return UserPublic.model_validate(user, from_attributes=True)


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, session: SessionDep, _user: CurrentUser) -> None:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        accounts.end_web_session(session, cookie)
    response.delete_cookie(SESSION_COOKIE, path="/")
