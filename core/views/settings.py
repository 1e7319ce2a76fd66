"""Settings: the person's profile, their calendars and devices, and (for admins) invites."""

from __future__ import annotations

from zoneinfo import available_timezones

from sqlmodel import Session, SQLModel

from core.calendars import service
from core.models import Role, User
from core.models.calendar import CalendarPublic
from core.models.invite import InvitePublic
from core.models.push import DeviceListItem
from core.models.user import UserPublic
from core.notifications import devices
from core.people import invites


class SettingsPage(SQLModel):
    me: UserPublic
    calendars: list[CalendarPublic]
    devices: list[DeviceListItem]
    invites: list[InvitePublic] | None
    timezones: list[str]


def settings_page(session: Session, user: User) -> SettingsPage:
    return SettingsPage(
        me=UserPublic.model_validate(user, from_attributes=True),
        calendars=[CalendarPublic.model_validate(c) for c in service.list_calendars(session, user)],
        devices=devices.list_devices(session, user).items,
        invites=invites.list_invites(session) if user.role == Role.admin else None,
        timezones=sorted(available_timezones() - {"Factory", "localtime"}),
    )
