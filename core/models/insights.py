"""What the curator's loop keeps: who met which customer, requests for tips, usage counts.

Privacy is in the shape of these tables, not only in the routes that read them:

- ``contact`` is the minimal "who met whom": a person, an organisation (registrable
  domain) and a day — no meeting title, no other attendee — kept 180 days;
- a ``tip_request`` keeps how many colleagues were asked, never who;
- ``usage_count`` holds numbers per (week, tip / tag / everything, metric), never
  per person. To tell how many *distinct* people a number comes from (the privacy
  floor), the open week keeps keyed digests in ``usage_seen``; when the week
  closes, their count is written as the ``people`` metric and the digests and the
  week's random key (``usage_salt``) are deleted.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import ConfigDict
from sqlalchemy import Index, String
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class Contact(SQLModel, table=True):
    """``user`` met someone from ``org`` on ``met_on`` (according to their calendar)."""

    __table_args__ = (Index("ix_contact_org_met_on", "org", "met_on"),)

    user_id: int = Field(foreign_key="user.id", primary_key=True, ondelete="CASCADE")
    org: str = Field(max_length=253, primary_key=True)
    met_on: date = Field(primary_key=True)


class RequestState(StrEnum):
    open = "open"
    answered = "answered"  # a tip answered it; it stays listed, and may get more answers
    closed = "closed"


class TipRequest(SQLModel, table=True):
    """ "Does anyone know Acme?": a request for a tip, sent to colleagues who met them."""

    __tablename__ = "tip_request"
    __table_args__ = (Index("ix_tip_request_account", "account", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    requester_id: int | None = Field(
        default=None, foreign_key="user.id", index=True, ondelete="SET NULL"
    )
    account: str | None = Field(default=None, max_length=253)
    topic: str = Field(default="", max_length=120)
    note: str = Field(default="", max_length=1000)
    auto: bool = Field(default=False)  # opened by Tipoff for an upcoming meeting
    state: str = Field(default=RequestState.open, sa_type=String(16))
    asked: int = Field(default=0)  # how many colleagues were asked (never who)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class RequestAnswer(SQLModel, table=True):
    __tablename__ = "request_answer"

    request_id: int = Field(foreign_key="tip_request.id", primary_key=True, ondelete="CASCADE")
    tip_id: int = Field(foreign_key="tip.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RequestCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    account: str | None = Field(default=None, max_length=253)
    topic: str | None = Field(default=None, max_length=120)
    note: str = Field(min_length=1, max_length=1000)


class AnswerPublic(SQLModel):
    tip_id: int
    title: str


class RequestPublic(SQLModel):
    id: int
    account: str | None
    topic: str
    note: str
    auto: bool
    state: str
    mine: bool
    asked: int | None  # for the requester and curators only; nobody sees *who*
    answers: list[AnswerPublic]
    created_at: datetime
    compose_url: str


class RequestPage(SQLModel):
    items: list[RequestPublic]


class UsageCount(SQLModel, table=True):
    """A number for one week, one key ("tip:12", "tag:pricing", "all") and one metric."""

    __tablename__ = "usage_count"

    week: date = Field(primary_key=True)  # the Monday
    key: str = Field(max_length=80, primary_key=True)
    metric: str = Field(max_length=24, primary_key=True)
    count: int = Field(default=0)


class UsageSeen(SQLModel, table=True):
    """A keyed digest per (open week, key): distinct people, and events counted once."""

    __tablename__ = "usage_seen"

    week: date = Field(primary_key=True)
    key: str = Field(max_length=80, primary_key=True)
    digest: str = Field(max_length=32, primary_key=True)


class UsageSalt(SQLModel, table=True):
    """The open week's random key for ``usage_seen`` digests; deleted when the week closes."""

    __tablename__ = "usage_salt"

    week: date = Field(primary_key=True)
    salt: str = Field(max_length=64)


class UsageCursor(SQLModel, table=True):
    """How far the usage job has read the outbox (sent briefs, receipts)."""

    __tablename__ = "usage_cursor"

    name: str = Field(max_length=32, primary_key=True)
    at: datetime = Field(sa_type=UTCDateTime)


class InsightsPolicy(SQLModel, table=True):
    """Every change of the privacy floor: append-only, newest wins."""

    __tablename__ = "insights_policy"

    id: int | None = Field(default=None, primary_key=True)
    min_group: int = Field(ge=2)
    changed_by_id: int | None = Field(default=None, foreign_key="user.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
