"""The admins' list of people, and the changes they make to one person.

Every change is audited with the old and new value. Role and activity changes
go through ``core.people.lifecycle`` so the last-admin rule and the immediate
effect of deactivation hold whichever way in (API, CLI, SCIM).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, or_, select

from core.errors import NotFound
from core.models import User
from core.models.user import UserAdminUpdate, UserListItem
from core.people import audit, lifecycle

MAX_LISTED = 5000

# How a person signs in, as shown in the list. The SSO work adds its own
# methods here (e.g. ``lambda user: "oidc" if <linked> else None``), checked first.
AUTH_METHODS: list[Callable[[User], str | None]] = []


def auth_method(user: User) -> str:
    for method in AUTH_METHODS:
        found = method(user)
        if found:
            return found
    return "password" if user.password_hash else "none"


def to_item(user: User) -> UserListItem:
    return UserListItem(
        id=user.id or 0,
        email=user.email,
        name=user.name,
        role=user.role,
        active=user.active,
        auth=auth_method(user),
        last_seen_at=user.last_seen_at,
        created_at=user.created_at,
    )


def list_people(session: Session, *, q: str | None = None) -> list[UserListItem]:
    """Everyone not erased, by name; ``q`` matches name or address (case-insensitive)."""
    query = select(User).where(col(User.erased_at).is_(None))
    if q and q.strip():
        pattern = f"%{q.strip().lower()}%"
        query = query.where(or_(col(User.email).ilike(pattern), col(User.name).ilike(pattern)))
    query = query.order_by(col(User.name), col(User.id)).limit(MAX_LISTED)
    return [to_item(user) for user in session.exec(query)]


def get_person(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or user.erased_at is not None:
        raise NotFound(f"no person with id {user_id}")
    return user


def update_person(
    session: Session,
    actor: User | None,
    user_id: int,
    changes: UserAdminUpdate,
    *,
    client: str | None = None,
) -> User:
    user = get_person(session, user_id)
    data = changes.model_dump(exclude_unset=True)
    if data.get("name") is not None and data["name"].strip() != user.name:
        before = user.name
        user.name = data["name"].strip()
        session.add(user)
        audit.record(
            session,
            actor=actor,
            action="user.rename",
            target=audit.user_target(user),
            client=client,
            detail={"from": before, "to": user.name},
        )
    if data.get("role") is not None:
        lifecycle.set_role(session, user, data["role"], actor=actor, client=client)
    if data.get("active") is False:
        lifecycle.deactivate(session, user, actor=actor, client=client)
    elif data.get("active") is True:
        lifecycle.reactivate(session, user, actor=actor, client=client)
    session.flush()
    session.refresh(user)
    return user
