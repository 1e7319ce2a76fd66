"""Web Push: the server's VAPID key, people's devices, and the notification outbox.

The outbox is the source of truth for what goes to which phone when: one row per
(device, meeting occurrence, kind). Workers claim due rows with a lease, so a
crashed worker's rows are simply claimed again once the lease runs out, and the
unique key makes "exactly one brief per meeting" a database fact, not a hope.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import ConfigDict
from sqlalchemy import Column, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class VapidKey(SQLModel, table=True):
    """The application server key pair (RFC 8292). One row; the private half is encrypted."""

    __tablename__ = "vapid_key"

    id: int | None = Field(default=None, primary_key=True)
    # A fixed name makes "create once" race-free: two processes creating the first
    # key at the same moment collide on this unique column and one re-reads.
    name: str = Field(default="default", max_length=32, unique=True)
    public_key: str = Field(max_length=100)  # base64url, uncompressed P-256 point
    private_key_encrypted: str  # core.crypto (purpose "vapid"), PKCS#8 DER inside
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class DeviceBase(SQLModel):
    name: str = Field(default="", max_length=120)


class Device(DeviceBase, table=True):
    """A browser push subscription. The endpoint is a capability URL: never returned."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    endpoint: str = Field(max_length=1024, unique=True)
    p256dh: str = Field(max_length=100)  # the subscriber's ECDH public key, base64url
    auth: str = Field(max_length=50)  # the subscriber's 16-byte auth secret, base64url
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_shown_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class DevicePublic(DeviceBase):
    id: int
    created_at: datetime


class DeviceListItem(DevicePublic):
    push_service: str  # the endpoint's host only, e.g. fcm.googleapis.com
    last_sent_at: datetime | None
    last_shown_at: datetime | None = None
    # new: nothing confirmed yet; ok: receipts arrive; not_receiving: the last
    # pushes (at least 3) went out and none was confirmed shown.
    health: str = "new"


class DeviceList(SQLModel):
    items: list[DeviceListItem]


class NotificationKind(StrEnum):
    brief = "brief"  # the tips, before the meeting
    debrief = "debrief"  # "what did you learn?", after it
    withdraw = "withdraw"  # the meeting is gone: replace the brief that was shown
    test = "test"  # "send a test" from the settings page
    request = "request"  # a colleague asks for a tip about a customer you met
    answer = "answer"  # someone answered your request with a tip
    review = "review"  # your tips need a look (weekly at most), or one was marked outdated
    digest = "digest"  # the morning list of today's meetings with briefs


class NotificationState(StrEnum):
    pending = "pending"  # waiting for due_at (or leased by a worker right now)
    sent = "sent"  # the push service accepted it
    skipped = "skipped"  # nothing worth sending (empty brief, meeting started, switched off)
    dropped = "dropped"  # the meeting disappeared before it was due
    failed = "failed"  # the push service refused it for good, or attempts ran out


class Notification(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("device_id", "occurrence", "kind", name="uq_notification_once"),
        Index("ix_notification_due", "state", "due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    device_id: int = Field(foreign_key="device.id", index=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    # SET NULL, not CASCADE: a withdraw must outlive the meeting row it withdraws.
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", index=True, ondelete="SET NULL"
    )
    # Stable identity of the meeting occurrence (calendar, UID, original start),
    # hashed to 32 URL-safe characters; for meeting pushes it is also the Topic.
    occurrence: str = Field(max_length=64)
    kind: str = Field(sa_type=String(16))
    topic: str | None = Field(default=None, max_length=32)
    state: str = Field(default=NotificationState.pending, sa_type=String(16))
    due_at: datetime = Field(sa_type=UTCDateTime)
    # After this moment the push is pointless (a brief: the meeting's start); TTL derives from it.
    expires_at: datetime = Field(sa_type=UTCDateTime)
    # The user's lead time the due_at was computed with: a changed setting is found by SQL.
    lead_minutes: int | None = None
    # The JSON payload, built shortly before due_at and then frozen, so a retry or a
    # re-claim after a crash sends exactly the same message.
    payload: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    attempts: int = Field(default=0)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=500)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Receipts (docs/pushes.md): the payload carries a random token, the row only its
    # SHA-256; the service worker reports "shown" and "opened" with it.
    receipt_hash: str | None = Field(default=None, max_length=64, unique=True)
    shown_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    opened_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class NotificationPublic(SQLModel):
    id: int
    kind: str
    state: str
    due_at: datetime


class PushKey(SQLModel):
    public_key: str  # base64url: the browser's applicationServerKey


class SubscriptionKeys(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    p256dh: str = Field(min_length=1, max_length=100)
    auth: str = Field(min_length=1, max_length=50)


class DeviceCreate(SQLModel):
    """The browser's ``PushSubscription.toJSON()`` plus an optional name for the device."""

    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    endpoint: str = Field(min_length=1, max_length=1024)
    expirationTime: float | None = Field(default=None, ge=0)  # the browser's field name
    keys: SubscriptionKeys
    name: str = Field(default="", max_length=120)


class PushReceipt(SQLModel):
    """What the service worker posts when a notification was shown or opened."""

    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    receipt: str = Field(min_length=1, max_length=100)
    event: Literal["shown", "opened"]
