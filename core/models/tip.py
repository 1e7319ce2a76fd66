"""Tips, their edit history, votes and flags.

Tags and accounts live in their own narrow tables (``tip_tag``, ``tip_account``)
as well as on the tip, so "tips for acme.com" is an index lookup, not a scan —
the brief ranking leans on that at 100k tips.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import ConfigDict
from sqlalchemy import JSON, Column, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow

TITLE_MAX = 120
BODY_MAX = 2000
REVIEW_DAYS_MIN = 30
REVIEW_DAYS_MAX = 730
REVIEW_DAYS_DEFAULT = 180


class TipStatus(StrEnum):
    active = "active"
    hidden = "hidden"  # enough flags: waits for a curator
    removed = "removed"  # a curator removed it
    deleted = "deleted"  # its author (or a curator) deleted it


class TipBase(SQLModel):
    title: str = Field(default="", max_length=TITLE_MAX)
    body: str = Field(max_length=BODY_MAX)


class Tip(TipBase, table=True):
    __table_args__ = (Index("ix_tip_status_id", "status", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    body_html: str
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    accounts: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    author_id: int = Field(foreign_key="user.id", index=True)
    helpful_count: int = Field(default=0)
    status: TipStatus = Field(default=TipStatus.active, sa_type=String(16))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Freshness (core.tips.freshness): who answers for the tip, how often it is
    # re-checked, when it last was, and when it is next due (sooner when a reader
    # marks it outdated). Past twice the interval unverified it leaves briefs.
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    review_days: int = Field(default=REVIEW_DAYS_DEFAULT, ge=REVIEW_DAYS_MIN, le=REVIEW_DAYS_MAX)
    verified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    review_due_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    # Twice the interval after the last verification: from then on, no brief shows it.
    retires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class TipCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    title: str | None = None
    body: str
    tags: list[str] | None = None
    accounts: list[str] | None = None
    review_days: int | None = Field(default=None, ge=REVIEW_DAYS_MIN, le=REVIEW_DAYS_MAX)
    # Where it was written from: a request it answers, a meeting it debriefs.
    request_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    meeting_id: int | None = Field(default=None, ge=1, le=2**31 - 1)


class TipUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    title: str | None = None
    body: str | None = None
    tags: list[str] | None = None
    accounts: list[str] | None = None
    review_days: int | None = Field(default=None, ge=REVIEW_DAYS_MIN, le=REVIEW_DAYS_MAX)
    owner_id: int | None = Field(default=None, ge=1, le=2**31 - 1)  # curators only


class AuthorPublic(SQLModel):
    id: int
    name: str


class TipPublic(SQLModel):
    id: int
    title: str
    body: str
    body_html: str
    tags: list[str]
    accounts: list[str]
    author: AuthorPublic
    helpful_count: int
    created_at: datetime
    updated_at: datetime
    owner: AuthorPublic | None = None
    review_days: int = REVIEW_DAYS_DEFAULT
    verified_at: datetime | None = None
    review_due_at: datetime | None = None
    stale: bool = False  # past its review date


class TipPage(SQLModel):
    items: list[TipPublic]
    next_cursor: str | None


class TipTag(SQLModel, table=True):
    __tablename__ = "tip_tag"

    tip_id: int = Field(foreign_key="tip.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(max_length=64, primary_key=True, index=True)


class TipAccount(SQLModel, table=True):
    __tablename__ = "tip_account"

    tip_id: int = Field(foreign_key="tip.id", primary_key=True, ondelete="CASCADE")
    domain: str = Field(max_length=253, primary_key=True, index=True)


class TipRevision(SQLModel, table=True):
    """Who changed a tip, when, and what it looked like afterwards."""

    __tablename__ = "tip_revision"

    id: int | None = Field(default=None, primary_key=True)
    tip_id: int = Field(foreign_key="tip.id", index=True, ondelete="CASCADE")
    editor_id: int = Field(foreign_key="user.id")
    action: str = Field(max_length=16)  # create | edit | delete | restore | remove
    title: str = Field(default="", max_length=TITLE_MAX)
    body: str = Field(default="", max_length=BODY_MAX)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    accounts: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RevisionPublic(SQLModel):
    id: int
    editor: AuthorPublic
    action: str
    title: str
    body: str
    tags: list[str]
    accounts: list[str]
    created_at: datetime


class Vote(SQLModel, table=True):
    """One "this helped" per person per tip (brief feedback also keeps the meeting:
    see ``core.models.brief.BriefFeedback``)."""

    __table_args__ = (UniqueConstraint("tip_id", "user_id", name="uq_vote_tip_user"),)

    id: int | None = Field(default=None, primary_key=True)
    tip_id: int = Field(foreign_key="tip.id", index=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Flag(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("tip_id", "user_id", name="uq_flag_tip_user"),)

    id: int | None = Field(default=None, primary_key=True)
    tip_id: int = Field(foreign_key="tip.id", index=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    reason: str = Field(max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class FlagCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    reason: str = Field(min_length=1, max_length=500)


class FlagPublic(SQLModel):
    user: AuthorPublic
    reason: str
    created_at: datetime


class ModerationItem(SQLModel):
    tip: TipPublic
    status: TipStatus
    flags: list[FlagPublic]


class ModerationQueue(SQLModel):
    items: list[ModerationItem]


class ModerationDecision(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    # "keep" (dismiss the flags) is what the app says; "restore" is its old name.
    action: Literal["keep", "restore", "remove"]


class PreviewRequest(SQLModel):
    """Compose's Markdown preview: the body as the library would render it."""

    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    body: str = Field(max_length=BODY_MAX)


class PreviewResponse(SQLModel):
    body_html: str
