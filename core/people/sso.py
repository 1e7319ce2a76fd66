"""Who an OpenID Connect sign-in is: link, join or refuse, and the role from groups.

The provider's word is trusted only for what it vouches for: the subject
(``sub``) identifies the person at the provider, and the email address links an
existing Tipoff account only when the provider says it is verified. Someone new
joins when their address's domain is in ``TIPOFF_OIDC_ALLOWED_DOMAINS`` or an
admin invited that address. Every refusal says why, so the page can too; nothing
is written before all the checks pass.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import object_session
from sqlmodel import Session, col, select

from core.errors import Forbidden, InvalidInput
from core.models import ExternalIdentity, Invite, Role, User, utcnow
from core.people import audit, directory, roles
from core.people.accounts import create_user, normalise_email
from core.settings import get_settings

OIDC = "oidc"


def linked_method(user: User) -> str | None:
    """ "oidc" for someone who has signed in through SSO (the admins' list shows it)."""
    session = object_session(user)
    if session is None or user.id is None:
        return None
    query = select(ExternalIdentity.id).where(
        ExternalIdentity.user_id == user.id, ExternalIdentity.provider == OIDC
    )
    return OIDC if session.execute(query).first() else None


directory.AUTH_METHODS.append(linked_method)


def _groups(claims: dict[str, Any]) -> list[str]:
    value = claims.get(get_settings().oidc_groups_claim)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def _open_invite(session: Session, email: str) -> Invite | None:
    return session.exec(
        select(Invite).where(
            Invite.email == email,
            col(Invite.used_at).is_(None),
            col(Invite.revoked_at).is_(None),
            Invite.expires_at > utcnow(),
        )
    ).first()


def sign_in(session: Session, claims: dict[str, Any], *, client: str = "sso") -> User:
    """The Tipoff user for verified ID token ``claims``; raises Forbidden with the reason."""
    subject = str(claims.get("sub") or "")
    raw_email = claims.get("email")
    if not isinstance(raw_email, str) or not raw_email:
        raise Forbidden("your identity provider did not share your email address with Tipoff")
    if claims.get("email_verified") is not True:
        raise Forbidden(
            f"your identity provider has not verified the address {raw_email}, "
            "so Tipoff cannot tell it is yours"
        )
    try:
        email = normalise_email(raw_email)
    except InvalidInput as exc:
        raise Forbidden(exc.detail) from exc

    identity = session.exec(
        select(ExternalIdentity).where(
            ExternalIdentity.provider == OIDC, ExternalIdentity.subject == subject
        )
    ).first()
    user = session.get(User, identity.user_id) if identity else None
    if user is None:
        user = session.exec(select(User).where(User.email == email)).first()
    if user is not None and not user.active:
        raise Forbidden(
            "your Tipoff account is deactivated: ask an admin of your Tipoff if this is a mistake"
        )

    role = roles.role_for_groups(_groups(claims))
    if user is None:
        invite = _open_invite(session, email)
        domain = email.rsplit("@", 1)[1]
        allowed = {d.lower().lstrip("@") for d in get_settings().oidc_allowed_domains}
        if invite is None and domain not in allowed:
            raise Forbidden(
                f"addresses at {domain} may not join this Tipoff through single sign-on: "
                "ask an admin of your Tipoff to invite you"
            )
        name = str(claims.get("name") or claims.get("given_name") or email.split("@")[0])
        first_role = role or (invite.role if invite else Role.member)
        user = create_user(session, email=email, name=name[:120] or email, role=first_role)
        audit.record(
            session,
            actor=None,
            action="user.join_sso",
            target=audit.user_target(user),
            client=client,
            detail={"role": str(user.role), "invited": invite is not None},
        )
        if invite is not None:
            invite.used_at = utcnow()
            invite.used_by_id = user.id
            session.add(invite)
    elif role is not None:
        roles.apply_role(session, user, role, client=client)

    if identity is None and subject:
        assert user.id is not None
        session.add(ExternalIdentity(user_id=user.id, provider=OIDC, subject=subject))
    session.flush()
    return user
