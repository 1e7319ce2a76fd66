"""Password sign-in for the PWA: an HttpOnly, SameSite=Lax session cookie."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import SESSION_COOKIE, CurrentUser, ReadSessionDep, SessionDep, client_address
from core import ratelimit
from core.models.user import (
    Accepted,
    ForgotPassword,
    LoginRequest,
    PasswordResetRequest,
    UserPublic,
)
from core.people import accounts, passwords
from core.settings import get_settings

router = APIRouter(prefix="/api/auth", tags=["auth"])


def client_ip(request: Request) -> str:
    return client_address(request)


def set_session_cookie(response: Response, token: str) -> None:
    settings = get_settings()
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=settings.effective_public_url.startswith("https://"),
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
    reader.expunge(user)  # the write unit below takes it over (and records "last seen")
    set_session_cookie(response, accounts.start_web_session(session, user))
    return UserPublic.model_validate(user, from_attributes=True)


@router.post("/forgot", status_code=202, response_model=Accepted)
def forgot_password(body: ForgotPassword, request: Request, session: SessionDep) -> Accepted:
    """Mail a one-time link to choose a new password, if the address has an active
    account. The answer is the same either way, so it tells nobody who has an account."""
    settings = get_settings()
    address = body.email.strip().lower()
    limit = settings.rate_limit_password_reset
    ratelimit.check("password reset", f"ip:{client_ip(request)}", limit)
    ratelimit.check("password reset", f"email:{address}", limit)
    # The link's address comes from TIPOFF_PUBLIC_URL, never from the request's Host
    # header: a forged Host would otherwise mail the victim a link to the attacker.
    passwords.request_reset(session, address, base_url=settings.effective_public_url)
    return Accepted()


@router.post("/reset", response_model=UserPublic)
def reset_password(
    body: PasswordResetRequest, request: Request, response: Response, session: SessionDep
) -> UserPublic:
    """Choose a new password through the mailed link; signs this browser in (and every
    other browser out)."""
    ratelimit.check("reset", client_ip(request), get_settings().rate_limit_login)
    user = passwords.reset_password(
        session, body.token, body.new_password, client=client_ip(request)
    )
    set_session_cookie(response, accounts.start_web_session(session, user, method="reset"))
    return UserPublic.model_validate(user, from_attributes=True)


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, session: SessionDep, _user: CurrentUser) -> None:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        accounts.end_web_session(session, cookie)
    response.delete_cookie(SESSION_COOKIE, path="/")
