"""Calendars people connect, and the meeting occurrences read from them.

A meeting row is one *occurrence*: its identity is (calendar, UID, original
start), so a re-sync updates a moved occurrence in place instead of adding a
second one. Calendar URLs and passwords are stored encrypted (core.crypto).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import ConfigDict
from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class CalendarBase(SQLModel):
    kind: str = Field(default="ics", max_length=16)  # ics | caldav
    name: str = Field(default="", max_length=200)
    display_url: str = Field(default="", max_length=300)  # scheme + host only: never the secret


class Calendar(CalendarBase, table=True):
    __table_args__ = (
        Index("ix_calendar_next_sync_at", "next_sync_at"),
        UniqueConstraint("user_id", "source_key", name="uq_calendar_source"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    url_encrypted: str  # the feed URL or CalDAV calendar URL (carries secret tokens)
    # A keyed hash of (kind, URL, username): finds a duplicate connection without
    # decrypting every stored URL, and reveals nothing about the URL itself.
    source_key: str = Field(default="", max_length=64)
    username_encrypted: str | None = None
    password_encrypted: str | None = None
    etag: str | None = Field(default=None, max_length=300)
    last_modified: str | None = Field(default=None, max_length=100)
    last_synced_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=1000)
    failure_count: int = Field(default=0)
    next_sync_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # What the stored meetings were computed from besides the feed itself (window,
    # the user's addresses and time zone, parser version). A conditional fetch
    # (ETag, CTag) is only trusted while this still matches.
    sync_fingerprint: str | None = Field(default=None, max_length=64)
    # A keyed hash (HMAC) of the last complete body: the same body again, with the
    # same fingerprint, is an unchanged feed even when the server sends no ETag.
    body_hash: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CalendarPublic(CalendarBase):
    id: int
    last_synced_at: datetime | None
    last_error: str | None


class CalendarCreate(SQLModel):
    """An ICS link ``{url}``, or a CalDAV account ``{kind: "caldav", url, username, password}``."""

    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    kind: Literal["ics", "caldav"] = "ics"
    url: str = Field(min_length=1, max_length=2048)
    username: str | None = Field(default=None, max_length=320)
    password: str | None = Field(default=None, max_length=1024)


class CalendarPage(SQLModel):
    items: list[CalendarPublic]


class CalendarsConnected(SQLModel):
    """The answer to connecting a CalDAV account: one calendar per event calendar found."""

    calendars: list[CalendarPublic]


class SyncResultPublic(SQLModel):
    added: int
    updated: int
    removed: int
    last_error: str | None = None


class Meeting(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("calendar_id", "uid", "original_start", name="uq_meeting_occurrence"),
        Index("ix_meeting_user_start", "user_id", "start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    calendar_id: int = Field(foreign_key="calendar.id", index=True, ondelete="CASCADE")
    uid: str = Field(max_length=500)
    original_start: datetime = Field(sa_type=UTCDateTime)  # RECURRENCE-ID, or start if single
    # An instance of a series (identity = UID + original start) or a single event
    # (identity = UID alone, so moving it updates the row instead of replacing it).
    recurring: bool = Field(default=False)
    title: str = Field(default="", max_length=500)
    description: str = Field(default="")
    location: str = Field(default="", max_length=500)
    start: datetime = Field(sa_type=UTCDateTime)
    end: datetime = Field(sa_type=UTCDateTime)
    # [{"email", "name", "kind": "person"|"room"|"resource"|"group", "partstat"}]
    attendees: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    external_domains: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    # CLASS:PRIVATE (not CONFIDENTIAL: restricted work) and TRANSP:TRANSPARENT ("show as
    # free"): not a meeting to brief unless someone from outside attends (docs/ranking.md).
    private: bool = Field(default=False)
    free: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AttendeePublic(SQLModel):
    email: str
    name: str = ""
    kind: str = "person"
    partstat: str = ""


class MeetingPublic(SQLModel):
    id: int
    title: str
    start: datetime
    end: datetime
    location: str
    description: str
    calendar_id: int
    attendees: list[AttendeePublic]
    external_domains: list[str]


class MeetingPage(SQLModel):
    items: list[MeetingPublic]


class MeetingRef(SQLModel):
    """A meeting as other things point at it: a page's header, a push payload's subject.

    The one shape for "which meeting" outside the calendar code (pages extend it,
    payloads read its id, title and start); build it with ``MeetingRef.of``.
    """

    id: int
    title: str
    start: datetime
    end: datetime
    location: str = ""
    external_domains: list[str] = Field(default_factory=list)
    url: str = ""

    @classmethod
    def of(cls, meeting: Meeting) -> MeetingRef:
        return cls(
            id=meeting.id or 0,
            title=meeting.title or "(no title)",
            start=meeting.start,
            end=meeting.end,
            location=meeting.location,
            external_domains=list(meeting.external_domains),
            url=f"/m/{meeting.id}",
        )
