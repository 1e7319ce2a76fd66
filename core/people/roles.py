"""Roles from the identity provider's groups, shared by SSO sign-in and SCIM groups.

The same group names (``TIPOFF_OIDC_ADMIN_GROUPS``, ``TIPOFF_OIDC_CURATOR_GROUPS``)
mean the same thing whether they arrive in an ID token or as SCIM group
membership, so a company configures them once. When neither is set, the
identity provider does not manage roles at all and admins set them in Tipoff.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlmodel import Session, func, select

from core.models import Role, User
from core.settings import get_settings

log = logging.getLogger("tipoff.people")


def groups_manage_roles() -> bool:
    settings = get_settings()
    return bool(settings.oidc_admin_groups or settings.oidc_curator_groups)


def is_role_group(name: str) -> bool:
    settings = get_settings()
    wanted = {g.casefold() for g in (*settings.oidc_admin_groups, *settings.oidc_curator_groups)}
    return name.casefold() in wanted


def role_for_groups(groups: Iterable[str]) -> Role | None:
    """admin beats curator beats member; None when groups do not manage roles."""
    if not groups_manage_roles():
        return None
    settings = get_settings()
    names = {g.casefold() for g in groups}
    if names & {g.casefold() for g in settings.oidc_admin_groups}:
        return Role.admin
    if names & {g.casefold() for g in settings.oidc_curator_groups}:
        return Role.curator
    return Role.member


def is_active(user: User) -> bool:
    return bool(getattr(user, "active", True))


def other_active_admins(session: Session, user: User) -> int:
    query = select(func.count()).select_from(User)
    query = query.where(User.role == Role.admin, User.id != user.id)
    if hasattr(User, "active"):
        query = query.where(User.active == True)  # noqa: E712
    return int(session.exec(query).one())


def apply_role(session: Session, user: User, role: Role) -> bool:
    """Give ``user`` the role the provider says; never demote the last active admin.

    Returns whether the role changed. A refused demotion is logged, not raised:
    the person still signs in, and an admin sees why in the log.
    """
    if user.role == role:
        return False
    if user.role == Role.admin and other_active_admins(session, user) == 0:
        log.warning("kept %s as admin: the provider's groups would remove the last admin", user.id)
        return False
    user.role = role
    session.add(user)
    session.flush()
    return True
