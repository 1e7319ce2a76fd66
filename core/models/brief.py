"""Briefs: what the ranking keeps about each tip, and what people said about a brief.

The ranking never re-reads the whole library for a meeting. Whenever a tip is
written, ``core.ranking.index.tip_changed`` stores its *profile* (facets,
stemmed words, embedding) and the narrow rows the brief looks candidates up
by: ``tip_facet`` (facet → generic tips), ``tip_org`` (organisation and name
key → tips), ``tip_org_name`` (shorter names of the organisation) and
``ranking_term`` (how many tips use a word, for its weight).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import ConfigDict
from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow
from core.models.calendar import MeetingPublic


class TipProfile(SQLModel, table=True):
    __tablename__ = "tip_profile"

    tip_id: int = Field(foreign_key="tip.id", primary_key=True, ondelete="CASCADE")
    facets: dict[str, float] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    terms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    model: str = Field(default="", max_length=64)
    vector: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    # The text's language (ISO 639, "" unknown): a likeness within a language the
    # embedding model lacks is no evidence (``core.ranking.language``).
    language: str = Field(default="", max_length=8)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class TipFacet(SQLModel, table=True):
    """Generic tips (no accounts) by facet, strongest first: the kind-of-meeting index."""

    __tablename__ = "tip_facet"
    # (facet, weight, tip_id): "strongest first, newest first" is a backward index scan.
    __table_args__ = (Index("ix_tip_facet_lookup", "facet", "weight", "tip_id"),)

    facet: str = Field(max_length=48, primary_key=True)
    tip_id: int = Field(foreign_key="tip.id", primary_key=True, index=True, ondelete="CASCADE")
    weight: float


class TipOrg(SQLModel, table=True):
    """A tip's accounts by registrable domain and by name key: the customer index.

    ``unit`` is the part of the organisation the tip is written for, when its accounts
    name one subdomain (``chvt.min-saude.pt``, one hospital of a shared domain), and the
    registrable domain otherwise; "" on rows indexed before revision 0016, read as the
    whole organisation (``core.ranking.orgs.same_account``).
    """

    __tablename__ = "tip_org"

    tip_id: int = Field(foreign_key="tip.id", primary_key=True, ondelete="CASCADE")
    org: str = Field(max_length=253, primary_key=True, index=True)
    name_key: str = Field(max_length=253, index=True)
    unit: str = Field(default="", max_length=253)


class TipOrgName(SQLModel, table=True):
    """Shorter names a title may call a tip's organisation by: the index behind "Halden".

    People write "Northgate" for northgate-insurance.co.uk, "Bergmann" for
    umweltlabor-bergmann.de and "Halden" for haldenbank.co.uk. The names are the
    words of the domain's label and the words the tip itself uses that are part
    of the label (``core.ranking.index.org_names``); a name several
    organisations share names none of them.
    """

    __tablename__ = "tip_org_name"

    tip_id: int = Field(foreign_key="tip.id", primary_key=True, ondelete="CASCADE")
    org: str = Field(max_length=253, primary_key=True)
    name: str = Field(max_length=253, primary_key=True, index=True)


class RankingTerm(SQLModel, table=True):
    """How many profiled tips contain a word stem (its document frequency)."""

    __tablename__ = "ranking_term"

    term: str = Field(max_length=64, primary_key=True)
    df: int = Field(default=0)


class BriefFeedback(SQLModel, table=True):
    """ "This tip helped (or not) in this meeting", from the person who got the brief."""

    __tablename__ = "brief_feedback"
    __table_args__ = (
        UniqueConstraint("meeting_id", "tip_id", "user_id", name="uq_brief_feedback"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    tip_id: int = Field(foreign_key="tip.id", index=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    helpful: bool
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class FeedbackMark(SQLModel, table=True):
    """What the team learns from one person's feedback on one tip in one meeting.

    It keeps the meeting's *context* (series, customers, kinds, whether anyone
    external attended, its embedding), not the meeting itself, so it outlives the
    calendar entry; ``core.ranking.learning`` turns marks into later briefs' scores.
    """

    __tablename__ = "feedback_mark"
    __table_args__ = (
        UniqueConstraint("tip_id", "user_id", "occasion", name="uq_feedback_mark"),
        Index("ix_feedback_mark_series", "series", "helpful"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tip_id: int = Field(foreign_key="tip.id", index=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    occasion: str = Field(max_length=64)  # hash of the occurrence's identity
    series: str = Field(max_length=64)  # hash of what recurs (series UID or normalised title)
    orgs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    kinds: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    external: bool = Field(default=False)
    vector: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    # The meeting's language ("" unknown): two meetings in one language the embedding
    # model lacks read alike whatever they are about (``core.ranking.language``).
    language: str = Field(default="", max_length=8)
    helpful: bool
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class FeedbackCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    tip_id: int = Field(ge=1, le=2**31 - 1)
    helpful: bool
    # "outdated": not helpful because it is no longer true. The tip becomes due for
    # review at once and its owner hears about it.
    reason: Literal["outdated"] | None = None


class FeedbackPublic(SQLModel):
    meeting_id: int
    tip_id: int
    helpful: bool
    helpful_count: int
    created_at: datetime
    updated_at: datetime


class BriefTipPublic(SQLModel):
    id: int
    title: str
    body: str
    body_html: str
    helpful_count: int
    score: float
    reasons: list[str]
    stale: bool = False  # past its review date: "may be outdated"


class BriefPublic(SQLModel):
    meeting: MeetingPublic
    tips: list[BriefTipPublic]
