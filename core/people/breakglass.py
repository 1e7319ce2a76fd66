"""Break-glass admins: who may still sign in with a password when SSO is the only way.

With ``TIPOFF_PASSWORD_LOGIN=false`` an outage at the identity provider would
lock everyone out, admins included. An operator with shell access marks one or
two admins as break-glass through the CLI (never through the API, so a stolen
session cannot mint one); they keep a password sign-in at ``/signin?breakglass=1``.
"""

from __future__ import annotations

from sqlmodel import Session

from core.errors import InvalidInput
from core.models import Role, User
from core.people.accounts import set_password


def set_break_glass(
    session: Session, user: User, *, enabled: bool, password: str | None = None
) -> None:
    if enabled:
        if user.role != Role.admin:
            raise InvalidInput(f"{user.email} is a {user.role}: only admins can be break-glass")
        if password:
            set_password(session, user, password)
        if not user.password_hash:
            raise InvalidInput(f"{user.email} has no password: give one with --password-stdin")
    user.break_glass = enabled
    session.add(user)
    session.flush()
