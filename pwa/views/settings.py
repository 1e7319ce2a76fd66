"""Settings: the person's profile, their calendars and devices, and (for admins) invites."""

from __future__ import annotations

from zoneinfo import available_timezones

from sqlmodel import Session, SQLModel, col, select

from core import invites
from core.models import Calendar, Role, User
from core.models.calendar import CalendarPublic
from core.models.invite import InvitePublic
from core.models.user import UserPublic


class DeviceRow(SQLModel):
    id: int
    name: str


class SettingsPage(SQLModel):
    me: UserPublic
    calendars: list[CalendarPublic]
    devices: list[DeviceRow]
    invites: list[InvitePublic] | None
    timezones: list[str]


def calendars_of(session: Session, user: User) -> list[CalendarPublic]:
    rows = session.exec(
        select(Calendar).where(Calendar.user_id == user.id).order_by(col(Calendar.id))
    ).all()
    return [CalendarPublic.model_validate(row, from_attributes=True) for row in rows]


def devices_of(session: Session, user: User) -> list[DeviceRow]:
    return []


def settings_page(session: Session, user: User) -> SettingsPage:
    return SettingsPage(
        me=UserPublic.model_validate(user, from_attributes=True),
        calendars=calendars_of(session, user),
        devices=devices_of(session, user),
        invites=invites.list_invites(session) if user.role == Role.admin else None,
        timezones=sorted(available_timezones() - {"Factory", "localtime"}),
    )
