"""The signed-in person's profile and settings."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from core import accounts
from core.models.user import UserPublic, UserUpdate
from core.notifications import outbox

# Settings that decide when (and whether) a push goes: changing one re-plans the outbox.
TIMING_FIELDS = {"lead_minutes", "travel_minutes", "quiet_hours", "timezone", "brief_channel"}

router = APIRouter(prefix="/api/me", tags=["me"])


@router.get("", response_model=UserPublic)
def read_me(user: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(user, from_attributes=True)


@router.patch("", response_model=UserPublic)
def update_me(changes: UserUpdate, user: CurrentUser, session: SessionDep) -> UserPublic:
    accounts.update_profile(session, user, changes)
    if changes.model_fields_set & TIMING_FIELDS:
        outbox.replan_user(session, user)  # pushes still ahead follow the new settings
    return UserPublic.model_validate(user, from_attributes=True)
