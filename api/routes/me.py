"""The signed-in person's profile and settings."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from core.models.user import UserPublic, UserUpdate
from core.people import accounts

router = APIRouter(prefix="/api/me", tags=["me"])


@router.get("", response_model=UserPublic)
def read_me(user: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(user, from_attributes=True)


@router.patch("", response_model=UserPublic)
def update_me(changes: UserUpdate, user: CurrentUser, session: SessionDep) -> UserPublic:
    accounts.update_profile(session, user, changes)
    return UserPublic.model_validate(user, from_attributes=True)
