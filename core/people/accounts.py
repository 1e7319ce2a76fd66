"""People: creating them, signing them in, their tokens and their profile."""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session, col, func, select

from core.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from core.models import ApiToken, Role, User, WebSession, utcnow
from core.models.user import UserUpdate
from core.security import hash_password, new_token, token_hash, verify_password
from core.settings import get_settings
from core.textrules import check_text


def normalise_email(email: str) -> str:
    """The one form of an address, the same at sign-up, sign-in and invite: NFKC (so a
    fullwidth or otherwise look-alike spelling is the same address), IDNA domain,
    lower case."""
    check_text("email", email)
    folded = unicodedata.normalize("NFKC", email.strip())
    try:
        return validate_email(folded, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise InvalidInput(f"not a valid email address: {email!r}") from exc


def email_key(email: str) -> str:
    """What to look an address up by: its normal form, or (not a valid address at all)
    the folded text, which matches no one."""
    try:
        return normalise_email(email)
    except InvalidInput:
        return unicodedata.normalize("NFKC", email.strip()).lower()


def validate_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput(
            f"unknown time zone {name!r}: use an IANA name like Europe/Berlin"
        ) from exc
    return name


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    role: Role = Role.member,
    timezone: str = "UTC",
    password: str | None = None,
) -> User:
    email = normalise_email(email)
    if not name.strip():
        raise InvalidInput("name must not be empty")
    if password is not None and len(password) < 8:
        raise InvalidInput("password must be at least 8 characters")
    if session.exec(select(User).where(User.email == email)).first():
        raise Conflict(f"a user with email {email} already exists")
    user = User(
        email=email,
        name=name.strip(),
        role=Role(role),
        timezone=validate_timezone(timezone),
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    return user


def get_user_by_email(session: Session, email: str) -> User:
    user = session.exec(select(User).where(User.email == email_key(email))).first()
    if user is None:
        raise NotFound(f"no user with email {email}")
    return user


def list_users(session: Session) -> list[User]:
    return list(
        session.exec(select(User).where(col(User.erased_at).is_(None)).order_by(col(User.id)))
    )


def admin_exists(session: Session) -> bool:
    count = session.exec(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.admin, col(User.active).is_(True))
    ).one()
    return count > 0


def set_password(session: Session, user: User, password: str) -> None:
    if len(password) < 8:
        raise InvalidInput("password must be at least 8 characters")
    user.password_hash = hash_password(password)
    session.add(user)


def authenticate(session: Session, email: str, password: str) -> User:
    user = session.exec(select(User).where(User.email == email_key(email))).first()
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise Unauthorized("wrong email or password")
    if not user.active:
        raise Unauthorized("this account is deactivated: ask an admin")
    if not password_login_allowed(user):
        raise Forbidden("password sign-in is turned off here: sign in with single sign-on")
    return user


def password_login_allowed(user: User) -> bool:
    """TIPOFF_PASSWORD_LOGIN=false leaves passwords only to break-glass admins (CLI-made)."""
    return get_settings().password_login or (user.break_glass and user.role == Role.admin)


def update_profile(session: Session, user: User, changes: UserUpdate) -> User:
    data = changes.model_dump(exclude_unset=True)
    if data.get("name") is not None:
        user.name = data["name"].strip()
    if data.get("timezone") is not None:
        user.timezone = validate_timezone(data["timezone"])
    if data.get("lead_minutes") is not None:
        user.lead_minutes = data["lead_minutes"]
    for flag in ("debrief_enabled", "requests_enabled", "show_in_helpers"):
        if data.get(flag) is not None:
            setattr(user, flag, data[flag])
    if data.get("emails") is not None:
        user.emails = sorted({normalise_email(e) for e in data["emails"]} - {user.email})
    for name in ("brief_channel", "fallback_minutes", "travel_minutes"):
        if data.get(name) is not None:
            setattr(user, name, data[name])
    if "digest_at" in data:  # null switches the morning digest off
        user.digest_at = data["digest_at"]
    if "quiet_hours" in data:  # null switches quiet hours off
        quiet = changes.quiet_hours
        user.quiet_start, user.quiet_end = (quiet.start, quiet.end) if quiet else (None, None)
    session.add(user)
    session.flush()
    return user


# --- API tokens ---------------------------------------------------------------


def create_api_token(session: Session, user: User, name: str = "") -> str:
    """Create a token and return it: only its hash is stored, so this is the one look at it."""
    token = new_token()
    assert user.id is not None
    session.add(
        ApiToken(user_id=user.id, token_hash=token_hash(token), prefix=token[:10], name=name)
    )
    session.flush()
    return token


def revoke_api_tokens(session: Session, user: User, prefix: str | None = None) -> int:
    query = select(ApiToken).where(ApiToken.user_id == user.id, col(ApiToken.revoked_at).is_(None))
    if prefix:
        query = query.where(ApiToken.prefix == prefix[:10])
    revoked = 0
    for token in session.exec(query):
        token.revoked_at = utcnow()
        session.add(token)
        revoked += 1
    session.flush()
    return revoked


def user_for_api_token(session: Session, token: str) -> User | None:
    row = session.exec(
        select(ApiToken).where(
            ApiToken.token_hash == token_hash(token), col(ApiToken.revoked_at).is_(None)
        )
    ).first()
    if row is None:
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.active else None


# --- browser sessions ------------------------------------------------------------


def start_web_session(session: Session, user: User, *, method: str = "password") -> str:
    """Sign a browser in. ``method`` (password, invite, reset, oidc ...) is kept with the
    session: with its ``created_at`` it tells how fresh and how strong the sign-in was."""
    token = new_token(prefix="")
    assert user.id is not None
    if not user.active:
        raise Unauthorized("this account is deactivated: ask an admin")
    now = utcnow()
    session.add(
        WebSession(
            user_id=user.id,
            token_hash=token_hash(token),
            expires_at=now + timedelta(days=get_settings().session_days),
            method=method,
        )
    )
    user.last_seen_at = now
    session.add(user)
    session.flush()
    return token


def web_session_for(session: Session, token: str) -> WebSession | None:
    row = session.exec(select(WebSession).where(WebSession.token_hash == token_hash(token))).first()
    if row is None or row.expires_at < utcnow():
        return None
    return row


def user_for_web_session(session: Session, token: str) -> User | None:
    row = web_session_for(session, token)
    if row is None:
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.active else None


def end_web_session(session: Session, token: str) -> None:
    row = session.exec(select(WebSession).where(WebSession.token_hash == token_hash(token))).first()
    if row is not None:
        session.delete(row)
        session.flush()
