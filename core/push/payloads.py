"""What a push says, and the Web Push headers that go with it.

Every payload is JSON with a versioned ``event`` (brief / test / withdraw /
debrief / digest) so the service worker can show the right notification, and a
``receipt`` token the service worker hands back when it has shown (and when
someone opened) it. It is cut
to ``MAX_PAYLOAD_BYTES``: push services accept about 4 KB of ciphertext, and the
record header, padding delimiter and tag eat ~100 bytes of that. Tip bodies are
trimmed first, then titles, then tips are dropped, so the brief degrades
gracefully instead of failing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.models.calendar import MeetingRef

MAX_PAYLOAD_BYTES = 3072
PAYLOAD_VERSION = 1
TOPIC_MAX = 32
MAX_TTL_SECONDS = 28 * 24 * 3600  # what push services accept at most
_TOPIC = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_SPACE = re.compile(r"\s+")
# Progressively smaller tip bodies and titles until the payload fits.
_BODY_STEPS = (280, 200, 140, 80, 40, 0)
_TITLE_STEPS = (120, 60, 30)


@dataclass(frozen=True)
class TipText:
    id: int
    title: str
    body: str


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def trim(text: str, limit: int) -> str:
    """Collapse whitespace and cut at ``limit`` characters with an ellipsis."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ""
    return text[: limit - 1].rstrip() + "…"


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _meeting(meeting: MeetingRef, title_limit: int = 120) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "title": trim(meeting.title, title_limit),
        "start": iso_utc(meeting.start),
    }


def _fit(build: Any, steps: Sequence[Any]) -> bytes:
    """The first candidate (from the most to the least detailed) that fits the limit."""
    for step in steps:
        data = encode(build(step))
        if len(data) <= MAX_PAYLOAD_BYTES:
            return data
    raise ValueError("payload does not fit even at its smallest")


def _receipt(receipt: str) -> dict[str, str]:
    return {"receipt": receipt} if receipt else {}


def brief(meeting: MeetingRef, tips: Sequence[TipText], *, receipt: str = "") -> bytes:
    """``{"event": "brief", "v": 1, "meeting": {id, title, start}, "tips": [...], "url"}``."""

    def build(step: tuple[int, int, int]) -> dict[str, Any]:
        count, body_limit, title_limit = step
        return {
            **_receipt(receipt),
            "event": "brief",
            "v": PAYLOAD_VERSION,
            "meeting": _meeting(meeting, title_limit),
            "tips": [
                {
                    "id": tip.id,
                    "title": trim(tip.title, title_limit),
                    "body": trim(tip.body, body_limit),
                }
                for tip in tips[:count]
            ],
            "url": f"/m/{meeting.id}",
        }

    # Shorter bodies first, then fewer tips, then shorter titles: a few readable tips
    # beat many truncated to nothing.
    steps = [
        (count, body, title)
        for body in _BODY_STEPS
        for count in range(len(tips), 0, -1)
        for title in _TITLE_STEPS
    ] or [(0, 0, 120)]
    return _fit(build, steps)


def withdraw(meeting: MeetingRef, *, receipt: str = "") -> bytes:
    """The meeting is gone: the service worker replaces the brief (same tag) with a quiet note."""
    return _fit(
        lambda limit: {
            **_receipt(receipt),
            "event": "withdraw",
            "v": PAYLOAD_VERSION,
            "meeting": _meeting(meeting, limit),
            "url": "/",
        },
        _TITLE_STEPS,
    )


def debrief(meeting: MeetingRef, *, receipt: str = "") -> bytes:
    """After the meeting: "What did you learn?", opening compose with the meeting prefilled."""
    return _fit(
        lambda limit: {
            **_receipt(receipt),
            "event": "debrief",
            "v": PAYLOAD_VERSION,
            "meeting": _meeting(meeting, limit),
            "url": f"/compose?meeting={meeting.id}",
        },
        _TITLE_STEPS,
    )


def note(event: str, *, title: str, body: str, url: str, tag: str, receipt: str = "") -> bytes:
    """A short message to a person (a request, its answer, tips to review): title, body, link."""
    return _fit(
        lambda limit: {
            **_receipt(receipt),
            "event": event,
            "v": PAYLOAD_VERSION,
            "title": trim(title, 120),
            "body": trim(body, limit),
            "tag": tag,
            "url": url,
        },
        (600, 300, 120),
    )


def test(device_id: int, device_name: str, *, receipt: str = "") -> bytes:
    return encode(
        {
            **_receipt(receipt),
            "event": "test",
            "v": PAYLOAD_VERSION,
            "device": {"id": device_id, "name": trim(device_name, 120)},
            "url": "/settings",
        }
    )


def digest(day: str, meetings: Sequence[MeetingRef], *, receipt: str = "") -> bytes:
    """The morning list: today's meetings that have briefs; a tap opens Next up."""

    def build(step: tuple[int, int]) -> dict[str, Any]:
        count, title_limit = step
        return {
            **_receipt(receipt),
            "event": "digest",
            "v": PAYLOAD_VERSION,
            "day": day,
            "meetings": [_meeting(m, title_limit) for m in meetings[:count]],
            "count": len(meetings),
            "url": "/",
        }

    steps = [(count, title) for count in range(len(meetings), 0, -1) for title in (80, 40)]
    return _fit(build, steps or [(0, 80)])


def check_topic(topic: str) -> str:
    if not _TOPIC.match(topic):
        raise ValueError("a Topic is at most 32 characters of the URL-safe base64 alphabet")
    return topic


URGENCY = {
    "brief": "high",
    "test": "high",
    "withdraw": "normal",
    "debrief": "normal",
    "digest": "normal",
}


def ttl_seconds(expires_at: datetime, now: datetime) -> int:
    """Seconds the push service may hold the message: never past ``expires_at``."""
    return max(0, min(MAX_TTL_SECONDS, int((expires_at - now).total_seconds())))


def headers(kind: str, *, ttl: int, topic: str | None) -> dict[str, str]:
    """RFC 8030 headers: TTL, Urgency, and the Topic that lets a newer push replace an older one."""
    result = {
        "TTL": str(ttl),
        "Urgency": URGENCY.get(kind, "normal"),
        "Content-Encoding": "aes128gcm",
        "Content-Type": "application/octet-stream",
    }
    if topic:
        result["Topic"] = check_topic(topic)
    return result
