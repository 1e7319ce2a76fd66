"""SCIM Users: every Tipoff person is one; the identity provider's fields are kept.

Tipoff acts on three things: the email (``userName`` when it is an address,
else the primary ``emails`` value), the name and ``active``. Everything else
the provider sends is stored as it came (``scim_user.resource``), so it reads
back what it wrote. ``active: false`` and DELETE both deprovision exactly as an
admin's deactivation does (``core.people.lifecycle.deactivate``): sessions,
tokens, calendars, devices and pending notifications end at once; tips stay.
After a DELETE the user is gone from SCIM; creating the same userName again
brings the account back.
"""

from __future__ import annotations

import re
from typing import Any

from scim2_models import Context, PatchOp
from sqlmodel import Session, col, func, select

from core.errors import Conflict, InvalidInput, NotFound
from core.models import ScimGroup, ScimGroupMember, ScimUser, User, utcnow
from core.people import audit, lifecycle
from core.people.accounts import create_user, normalise_email
from core.people.scim.discovery import UserResource, location

KIND = "Users"
_USER_NAME_EQ = re.compile(r'^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$', re.IGNORECASE)
_NOT_STORED = ("id", "meta", "password", "groups")


def _user_id(resource_id: str) -> int:
    if not resource_id.isdigit() or not 0 < int(resource_id) < 2**31:
        raise NotFound(f"no user {resource_id!r}")
    return int(resource_id)


def _visible(session: Session, user_id: int) -> tuple[User, ScimUser | None]:
    user = session.get(User, user_id)
    row = session.get(ScimUser, user_id)
    if user is None or user.erased_at is not None or (row and row.deleted_at):
        raise NotFound(f"no user {user_id}")
    return user, row


def groups_of(session: Session, user_ids: list[int]) -> dict[int, list[ScimGroup]]:
    """Each user's groups, in one query for a whole page of users."""
    found: dict[int, list[ScimGroup]] = {uid: [] for uid in user_ids}
    if not user_ids:
        return found
    rows = session.exec(
        select(ScimGroupMember.user_id, ScimGroup)
        .join(ScimGroup, col(ScimGroupMember.group_id) == col(ScimGroup.id))
        .where(col(ScimGroupMember.user_id).in_(user_ids))
        .order_by(col(ScimGroup.id))
    )
    for user_id, group in rows:
        found[user_id].append(group)
    return found


def document(
    session: Session,
    user: User,
    row: ScimUser | None,
    groups: list[ScimGroup] | None = None,
) -> dict[str, Any]:
    """The SCIM User as JSON-ready data (Tipoff's truth over the provider's copy)."""
    assert user.id is not None
    data: dict[str, Any] = dict(row.resource) if row else {}
    if row is None:
        data["emails"] = [{"value": user.email, "primary": True, "type": "work"}]
        data["displayName"] = user.name
    # ``active`` as the provider left it, unless Tipoff's state says otherwise.
    if row is None or "active" in data or not user.active:
        data["active"] = user.active
    data.update(
        schemas=data.get("schemas") or [str(UserResource.__schema__)],
        id=str(user.id),
        userName=row.user_name if row else user.email,
        meta={
            "resourceType": "User",
            "created": user.created_at.isoformat(),
            "lastModified": (row.updated_at if row else user.created_at).isoformat(),
            "location": location(KIND, str(user.id)),
        },
    )
    if row and row.external_id:
        data["externalId"] = row.external_id
    if groups is None:
        groups = groups_of(session, [user.id])[user.id]
    if groups:
        data["groups"] = [
            {"value": str(g.id), "display": g.display_name, "$ref": location("Groups", str(g.id))}
            for g in groups
        ]
    return data


def _email_of(resource: Any) -> str:
    try:
        return normalise_email(resource.user_name)
    except InvalidInput:
        pass
    emails = [e for e in (resource.emails or []) if e.value]
    chosen = next((e for e in emails if e.primary), emails[0] if emails else None)
    if chosen is None:
        raise InvalidInput("userName is not an email address and no emails value is given")
    return normalise_email(str(chosen.value))


def _name_of(resource: Any, email: str) -> str:
    name = resource.name
    parts = [
        resource.display_name,
        name.formatted if name else None,
        " ".join(p for p in (name.given_name, name.family_name) if p) if name else None,
        email.split("@")[0],
    ]
    return next(p.strip() for p in parts if p and p.strip())[:120]


def _check_free(session: Session, *, email: str, key: str, user_id: int | None) -> None:
    taken = session.exec(select(ScimUser).where(ScimUser.user_name_key == key)).first()
    if taken is not None and taken.user_id != user_id:
        raise Conflict(f"userName {key!r} is already taken")
    other = session.exec(select(User).where(User.email == email)).first()
    if other is not None and other.id != user_id:
        raise Conflict(f"another person already uses {email}")


def _store(session: Session, user: User, row: ScimUser | None, resource: Any) -> ScimUser:
    assert user.id is not None
    stored = resource.model_dump(scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
    stored = {k: v for k, v in stored.items() if k not in _NOT_STORED}
    if row is None:
        row = ScimUser(user_id=user.id, user_name="", user_name_key="")
    row.user_name = resource.user_name
    row.user_name_key = resource.user_name.casefold()
    row.external_id = resource.external_id
    row.resource = stored
    row.updated_at = utcnow()
    row.deleted_at = None
    session.add(row)
    return row


def _apply(session: Session, user: User, row: ScimUser | None, resource: Any, client: str) -> User:
    """Write the provider's view onto the person: email, name, then active (audited)."""
    _check_lengths(resource)
    email = _email_of(resource)
    _check_free(session, email=email, key=resource.user_name.casefold(), user_id=user.id)
    user.email, user.name = email, _name_of(resource, email)
    session.add(user)
    _store(session, user, row, resource)
    session.flush()
    if resource.active is False and user.active:
        lifecycle.deactivate(session, user, actor=None, client=client)
    elif resource.active is not False and not user.active:
        lifecycle.reactivate(session, user, actor=None, client=client)
    return user


def _check_lengths(resource: Any) -> None:
    if not resource.user_name:
        raise InvalidInput("userName is required")
    if len(resource.user_name) > 320 or len(resource.external_id or "") > 255:
        raise InvalidInput("userName is limited to 320 characters, externalId to 255")


def _audit(session: Session, action: str, user: User, client: str) -> None:
    audit.record(
        session, actor=None, action=f"scim.user.{action}", target=audit.user_target(user),
        client=client,
    )  # fmt: skip


def with_email(payload: dict[str, Any]) -> dict[str, Any]:
    """Providers that send only a userName that is an address: that is the email."""
    name = payload.get("userName")
    if payload.get("emails") or not isinstance(name, str) or "@" not in name:
        return payload
    return {**payload, "emails": [{"value": name, "primary": True, "type": "work"}]}


def _parse(payload: dict[str, Any], context: Context) -> Any:
    return UserResource.model_validate(with_email(payload), scim_ctx=context)


def create(session: Session, payload: dict[str, Any], *, client: str) -> dict[str, Any]:
    resource = _parse(payload, Context.RESOURCE_CREATION_REQUEST)
    _check_lengths(resource)
    key = resource.user_name.casefold()
    email = _email_of(resource)
    row = session.exec(select(ScimUser).where(ScimUser.user_name_key == key)).first()
    if row is not None and row.deleted_at is None:
        raise Conflict(f"userName {resource.user_name!r} is already taken")
    user = session.get(User, row.user_id) if row else None
    if user is None:  # someone who joined by invite or SSO before provisioning: adopt them
        user = session.exec(select(User).where(User.email == email)).first()
        row = session.get(ScimUser, user.id) if user else None
        if row is not None and row.deleted_at is None:
            raise Conflict(f"{email} is already provisioned as {row.user_name!r}")
    if user is not None and user.erased_at is not None:
        raise Conflict(f"{email} belonged to an erased account; use another address")
    if user is None:
        user = create_user(session, email=email, name=_name_of(resource, email))
    _apply(session, user, row, resource, client)
    _audit(session, "create", user, client)
    return document(session, user, session.get(ScimUser, user.id))


def read(session: Session, resource_id: str) -> dict[str, Any]:
    user, row = _visible(session, _user_id(resource_id))
    return document(session, user, row)


def replace(
    session: Session, resource_id: str, payload: dict[str, Any], *, client: str
) -> dict[str, Any]:
    user, row = _visible(session, _user_id(resource_id))
    resource = _parse(payload, Context.RESOURCE_REPLACEMENT_REQUEST)
    _apply(session, user, row, resource, client)
    _audit(session, "replace", user, client)
    return document(session, user, session.get(ScimUser, user.id))


def patch(
    session: Session, resource_id: str, payload: dict[str, Any], *, client: str
) -> dict[str, Any]:
    user, row = _visible(session, _user_id(resource_id))
    current = UserResource.model_validate(document(session, user, row))
    operation = PatchOp[UserResource].model_validate(
        payload, scim_ctx=Context.RESOURCE_PATCH_REQUEST
    )
    operation.patch(current)
    _apply(session, user, row, current, client)
    _audit(session, "patch", user, client)
    return document(session, user, session.get(ScimUser, user.id))


def delete(session: Session, resource_id: str, *, client: str) -> None:
    user, row = _visible(session, _user_id(resource_id))
    lifecycle.deactivate(session, user, actor=None, client=client)
    if row is None:
        assert user.id is not None
        row = ScimUser(user_id=user.id, user_name=user.email, user_name_key=user.email.casefold())
    row.deleted_at = utcnow()
    session.add(row)
    for membership in session.exec(
        select(ScimGroupMember).where(ScimGroupMember.user_id == user.id)
    ):
        session.delete(membership)
    _audit(session, "delete", user, client)
    session.flush()


def count_visible(session: Session) -> int:
    query = select(func.count()).select_from(User)
    query = query.join(ScimUser, col(ScimUser.user_id) == col(User.id), isouter=True)
    query = query.where(col(User.erased_at).is_(None), col(ScimUser.deleted_at).is_(None))
    return int(session.exec(query).one())


def candidates(
    session: Session, filter_text: str | None, *, offset: int = 0, limit: int | None = None
) -> list[dict[str, Any]]:
    """Visible users' documents, by id; ``userName eq "…"`` is looked up by index.
    ``offset``/``limit`` page in SQL (for listings without a filter)."""
    query = select(User, ScimUser).join(
        ScimUser, col(ScimUser.user_id) == col(User.id), isouter=True
    )
    query = query.where(col(User.erased_at).is_(None), col(ScimUser.deleted_at).is_(None))
    match = _USER_NAME_EQ.match(filter_text or "")
    if match:
        wanted = match.group(1).replace('\\"', '"').casefold()
        query = query.where(
            (col(ScimUser.user_name_key) == wanted)
            | (col(ScimUser.user_id).is_(None) & (col(User.email) == wanted))
        )
    query = query.order_by(col(User.id)).offset(offset)
    rows = session.exec(query if limit is None else query.limit(limit)).all()
    groups = groups_of(session, [user.id for user, _row in rows if user.id is not None])
    return [document(session, user, row, groups[user.id or 0]) for user, row in rows]
