"""People admin for admins: list, change role/name/activity, erase."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import ClientAddress, CurrentAdmin, IdPath, SessionDep
from core.models.user import UserAdminUpdate, UserList, UserListItem
from core.people import directory, lifecycle

router = APIRouter(prefix="/api/users", tags=["people"])


@router.get("", response_model=UserList)
def list_users(
    _admin: CurrentAdmin,
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200, description="Name or address contains")] = None,
) -> UserList:
    return UserList(items=directory.list_people(session, q=q))


@router.patch("/{user_id}", response_model=UserListItem)
def update_user(
    user_id: IdPath,
    changes: UserAdminUpdate,
    admin: CurrentAdmin,
    session: SessionDep,
    client: ClientAddress,
) -> UserListItem:
    """Change role, name or `active`. Deactivating takes effect at once; the last active
    admin can be neither demoted nor deactivated (409)."""
    user = directory.update_person(session, admin, user_id, changes, client=client)
    return directory.to_item(user)


@router.delete("/{user_id}", status_code=204)
def erase_user(
    user_id: IdPath,
    admin: CurrentAdmin,
    session: SessionDep,
    client: ClientAddress,
    delete_tips: Annotated[bool, Query(description="Delete their tips too")] = False,
) -> Response:
    """Erase a person: their data goes; their tips stay as "a former colleague"'s unless
    `delete_tips=true`."""
    user = directory.get_person(session, user_id)
    lifecycle.erase(session, user, actor=admin, delete_tips=delete_tips, client=client)
    return Response(status_code=204)
