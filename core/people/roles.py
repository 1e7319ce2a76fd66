"""Roles from the identity provider's groups, shared by SSO sign-in and SCIM groups.

The same group names (``TIPOFF_OIDC_ADMIN_GROUPS``, ``TIPOFF_OIDC_CURATOR_GROUPS``)
mean the same thing whether they arrive in an ID token or as SCIM group
membership, so a company configures them once. When neither is set, the
identity provider does not manage roles at all and admins set them in Tipoff.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlmodel import Session

from core.errors import Conflict
from core.models import Role, User
from core.people import lifecycle
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


def apply_role(session: Session, user: User, role: Role, *, client: str) -> bool:
    """Give ``user`` the role the provider says (audited); never demote the last active admin.

    Returns whether the role changed. A refused demotion is logged, not raised:
    the person still signs in, and an admin sees why in the log.
    """
    if user.role == role:
        return False
    try:
        lifecycle.set_role(session, user, role, actor=None, client=client)
    except Conflict:
        log.warning("kept user %s as admin: the provider's groups would remove the last", user.id)
        return False
    return True
