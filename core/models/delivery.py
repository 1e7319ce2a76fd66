"""Delivery beyond one push: briefs and debriefs that went by email, and out-of-office spans.

``BriefEmail`` is the bookkeeping of the email channel: one row per (person,
meeting occurrence, kind), so a brief is emailed at most once however often the
planner runs, and the "this helped" links in it are single-use (``helped``).
The message itself goes through the mail outbox.

``Absence`` is a span in which a person's calendar says they are away (out of
office, holiday): read by each sync, replaced per calendar, and consulted
before briefs, debriefs and requests go out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class BriefEmail(SQLModel, table=True):
    __tablename__ = "brief_email"
    __table_args__ = (
        UniqueConstraint("user_id", "occurrence", "kind", name="uq_brief_email_once"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", index=True, ondelete="SET NULL"
    )
    occurrence: str = Field(max_length=64)
    kind: str = Field(sa_type=String(16))  # brief | debrief
    # channel: the person chose email; fallback: no push was confirmed shown in
    # time; no_device: email is all there is; skipped: nothing worth sending.
    reason: str = Field(sa_type=String(16))
    state: str = Field(default="queued", sa_type=String(16))  # queued | skipped
    tip_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    helped: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Absence(SQLModel, table=True):
    __table_args__ = (Index("ix_absence_user_span", "user_id", "start", "end"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    calendar_id: int = Field(foreign_key="calendar.id", index=True, ondelete="CASCADE")
    start: datetime = Field(sa_type=UTCDateTime)
    end: datetime = Field(sa_type=UTCDateTime)
    why: str = Field(default="", max_length=200)  # the event's title, or "OOF"
