"""SCIM Groups: membership sets roles through the same group names as SSO.

A group named in ``TIPOFF_OIDC_ADMIN_GROUPS`` or ``TIPOFF_OIDC_CURATOR_GROUPS``
is a role group: whenever its members change (or it is renamed or deleted),
each affected person's role is worked out again from all their groups, exactly
as an SSO sign-in does from the groups claim. Other groups are kept so the
provider reads back what it wrote, and mean nothing to Tipoff.
"""

from __future__ import annotations

from typing import Any

from scim2_models import Context, PatchOp
from sqlmodel import Session, col, select

from core.errors import Conflict, InvalidInput, NotFound
from core.models import ScimGroup, ScimGroupMember, ScimUser, User, utcnow
from core.people import audit, roles
from core.people.scim.discovery import GroupResource, location

KIND = "Groups"
_NOT_STORED = ("id", "meta", "displayName", "externalId")


def _get(session: Session, resource_id: str) -> ScimGroup:
    if not resource_id.isdigit() or not 0 < int(resource_id) < 2**31:
        raise NotFound(f"no group {resource_id!r}")
    group = session.get(ScimGroup, int(resource_id))
    if group is None:
        raise NotFound(f"no group {resource_id!r}")
    return group


def _member_ids(session: Session, group_id: int) -> list[int]:
    return list(
        session.exec(
            select(ScimGroupMember.user_id)
            .where(ScimGroupMember.group_id == group_id)
            .order_by(col(ScimGroupMember.user_id))
        )
    )


def document(session: Session, group: ScimGroup) -> dict[str, Any]:
    assert group.id is not None
    data: dict[str, Any] = dict(group.resource)
    given = {str(m.get("value")): m for m in data.pop("members", None) or []}
    data.update(
        schemas=[str(GroupResource.__schema__)],
        id=str(group.id),
        displayName=group.display_name,
        meta={
            "resourceType": "Group",
            "created": group.created_at.isoformat(),
            "lastModified": group.updated_at.isoformat(),
            "location": location(KIND, str(group.id)),
        },
    )
    if group.external_id:
        data["externalId"] = group.external_id
    members = _member_ids(session, group.id)
    if members:
        names = dict(
            session.exec(select(User.id, User.name).where(col(User.id).in_(members))).all()
        )
        data["members"] = [
            {
                "value": str(uid),
                "display": given.get(str(uid), {}).get("display") or names.get(uid, ""),
                "type": "User",
                "$ref": location("Users", str(uid)),
            }
            for uid in members
        ]
    return data


def _wanted_members(session: Session, resource: Any) -> set[int]:
    ids: set[int] = set()
    for member in resource.members or []:
        value = str(member.value or "")
        user = session.get(User, int(value)) if value.isdigit() and int(value) < 2**31 else None
        row = session.get(ScimUser, user.id) if user else None
        if user is None or user.erased_at is not None or (row and row.deleted_at):
            raise InvalidInput(f"group member {value!r} is not a user here")
        ids.add(int(value))
    return ids


def _recompute_roles(session: Session, user_ids: set[int], client: str) -> None:
    for user_id in sorted(user_ids):
        user = session.get(User, user_id)
        if user is None or not user.active:
            continue
        names = session.exec(
            select(ScimGroup.display_name)
            .join(ScimGroupMember, col(ScimGroupMember.group_id) == col(ScimGroup.id))
            .where(ScimGroupMember.user_id == user_id)
        ).all()
        role = roles.role_for_groups(names)
        if role is not None:
            roles.apply_role(session, user, role, client=client)


def _apply(session: Session, group: ScimGroup, resource: Any, client: str) -> ScimGroup:
    name = (resource.display_name or "").strip()
    if not name:
        raise InvalidInput("displayName is required")
    if len(name) > 255 or len(resource.external_id or "") > 255:
        raise InvalidInput("displayName and externalId are limited to 255 characters")
    clash = session.exec(select(ScimGroup).where(ScimGroup.display_name == name)).first()
    if clash is not None and clash.id != group.id:
        raise Conflict(f"a group named {name!r} already exists")
    wanted = _wanted_members(session, resource)
    was_role_group = group.id is not None and roles.is_role_group(group.display_name)
    stored = resource.model_dump(scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
    group.display_name = name
    group.external_id = resource.external_id
    group.resource = {k: v for k, v in stored.items() if k not in _NOT_STORED}
    group.updated_at = utcnow()
    session.add(group)
    session.flush()
    assert group.id is not None
    current = set(_member_ids(session, group.id))
    for user_id in current - wanted:
        member = session.get(ScimGroupMember, (group.id, user_id))
        if member is not None:
            session.delete(member)
    for user_id in wanted - current:
        session.add(ScimGroupMember(group_id=group.id, user_id=user_id))
    session.flush()
    if was_role_group or roles.is_role_group(name):
        renamed = was_role_group != roles.is_role_group(name)
        _recompute_roles(session, (current | wanted) if renamed else current ^ wanted, client)
    return group


def _audit(session: Session, action: str, group: ScimGroup, client: str) -> None:
    audit.record(
        session,
        actor=None,
        action=f"scim.group.{action}",
        target=f"group:{group.id} {group.display_name}",
        client=client,
    )


def create(session: Session, payload: dict[str, Any], *, client: str) -> dict[str, Any]:
    resource = GroupResource.model_validate(payload, scim_ctx=Context.RESOURCE_CREATION_REQUEST)
    group = _apply(session, ScimGroup(display_name=""), resource, client)
    _audit(session, "create", group, client)
    return document(session, group)


def read(session: Session, resource_id: str) -> dict[str, Any]:
    return document(session, _get(session, resource_id))


def replace(
    session: Session, resource_id: str, payload: dict[str, Any], *, client: str
) -> dict[str, Any]:
    group = _get(session, resource_id)
    resource = GroupResource.model_validate(payload, scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
    _apply(session, group, resource, client)
    _audit(session, "replace", group, client)
    return document(session, group)


def patch(
    session: Session, resource_id: str, payload: dict[str, Any], *, client: str
) -> dict[str, Any]:
    group = _get(session, resource_id)
    current = GroupResource.model_validate(document(session, group))
    operation = PatchOp[GroupResource].model_validate(
        payload, scim_ctx=Context.RESOURCE_PATCH_REQUEST
    )
    operation.patch(current)
    _apply(session, group, current, client)
    _audit(session, "patch", group, client)
    return document(session, group)


def delete(session: Session, resource_id: str, *, client: str) -> None:
    group = _get(session, resource_id)
    assert group.id is not None
    members = set(_member_ids(session, group.id))
    _audit(session, "delete", group, client)
    was_role_group = roles.is_role_group(group.display_name)
    session.delete(group)
    session.flush()
    if was_role_group:
        _recompute_roles(session, members, client)


def candidates(session: Session) -> list[dict[str, Any]]:
    groups = session.exec(select(ScimGroup).order_by(col(ScimGroup.id))).all()
    return [document(session, group) for group in groups]
