"""The mail outbox: every email Tipoff sends is a row here first.

A request (an invite, "forgot password", later a brief that no phone
confirmed) only inserts a row in its own unit of work; a scheduler job claims
due rows with a lease and talks SMTP outside any transaction. So a slow or
unreachable SMTP server never blocks a request, a crash loses nothing, and
failures are retried with backoff like pushes (see core/notifications/claim.py).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Index, String, Text
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class MailState(StrEnum):
    pending = "pending"  # waiting for due_at, or leased by a worker right now
    sent = "sent"  # the SMTP server accepted it
    failed = "failed"  # refused for good, or attempts ran out
    cancelled = "cancelled"  # its person was deactivated or erased before it went


class OutgoingMail(SQLModel, table=True):
    __tablename__ = "outgoing_mail"
    __table_args__ = (Index("ix_outgoing_mail_due", "state", "due_at"),)

    id: int | None = Field(default=None, primary_key=True)
    # Optional idempotency key: enqueueing a key twice keeps the first mail only
    # (e.g. one brief-by-email per notification).
    key: str | None = Field(default=None, max_length=128, unique=True)
    kind: str = Field(max_length=32)  # invite | password_reset | brief | ...
    # The person it is for, when known: their pending mail is cancelled on deactivation.
    user_id: int | None = Field(
        default=None, foreign_key="user.id", index=True, ondelete="SET NULL"
    )
    to_address: str = Field(max_length=320)
    subject: str = Field(max_length=300)
    text: str = Field(sa_column=Column(Text, nullable=False))
    html: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    state: str = Field(default=MailState.pending, sa_type=String(16))
    due_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    attempts: int = Field(default=0)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=500)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
