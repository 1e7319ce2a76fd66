"""The audit log: who did what to whom, when, and from where.

Append-only: the application only ever inserts, and the migration adds
database triggers that refuse UPDATE and DELETE on both SQLite and
PostgreSQL. The actor is kept as id *and* address at the time of the action,
with no foreign key, so the record outlives the account (an erased user's
actions stay attributable to the address they used then).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_at", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    actor_id: int | None = Field(default=None)  # no FK: the record outlives the account
    actor_email: str | None = Field(default=None, max_length=320)  # None: the CLI or the system
    action: str = Field(max_length=64, index=True)  # e.g. user.deactivate, tip.remove
    target: str | None = Field(default=None, max_length=400)  # e.g. user:12 sam@example.com
    client: str | None = Field(default=None, max_length=100)  # IP address, "cli", "scheduler"
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class AuditEventPublic(SQLModel):
    id: int
    at: datetime
    actor_id: int | None
    actor_email: str | None
    action: str
    target: str | None
    client: str | None
    detail: dict[str, Any]


class AuditPage(SQLModel):
    items: list[AuditEventPublic]
    next_cursor: str | None
