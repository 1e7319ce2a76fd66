"""One meeting occurrence's identity, in the one place it is computed.

A series' occurrence is its UID plus its *original* start (RECURRENCE-ID), so
an override that moves it keeps its identity; a single event is its UID alone,
so moving it updates the row instead of replacing it. The calendar upsert
matches rows by ``occurrence_key``; the notification outbox and the push Topic
use ``occurrence_topic``, a hash of the same identity, so a re-synced meeting
keeps its pushes even when its row or start changes.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

OccurrenceKey = tuple[str, datetime | None]
TOPIC_LENGTH = 32


def occurrence_key(uid: str, original_start: datetime, *, recurring: bool) -> OccurrenceKey:
    """(UID, original start) for a series' occurrence, (UID, None) for a single event."""
    return (uid, original_start if recurring else None)


def occurrence_topic(calendar_id: int, key: OccurrenceKey) -> str:
    """32 URL-safe characters naming one occurrence: the outbox key and the push Topic.

    Hashed so the Topic header (seen by the push service) reveals nothing about
    the calendar.
    """
    uid, original_start = key
    when = (
        original_start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if original_start is not None
        else "single"
    )
    digest = hashlib.sha256(f"{calendar_id}\n{uid}\n{when}".encode()).digest()
    topic = base64.urlsafe_b64encode(digest[:24]).decode("ascii")
    assert len(topic) == TOPIC_LENGTH
    return topic
