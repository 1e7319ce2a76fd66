"""Payload shapes, the 3 KB limit, Topic and the push headers."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from core.models.calendar import MeetingRef
from core.models.occurrence import occurrence_topic
from core.push import payloads

MEETING = MeetingRef(
    id=7,
    title="Acme — Konditionsgespräch",
    start=datetime(2030, 5, 6, 9, 30, tzinfo=UTC),
    end=datetime(2030, 5, 6, 10, 30, tzinfo=UTC),
)


def test_brief_payload_is_exactly_the_documented_shape():
    tips = [payloads.TipText(1, "Anchor high", "Open with the **three-year** deal.\n\nThen wait.")]
    data = json.loads(payloads.brief(MEETING, tips))
    assert data == {
        "event": "brief",
        "v": 1,
        "meeting": {"id": 7, "title": "Acme — Konditionsgespräch", "start": "2030-05-06T09:30:00Z"},
        "tips": [
            {
                "id": 1,
                "title": "Anchor high",
                "body": "Open with the **three-year** deal. Then wait.",
            }
        ],
        "url": "/m/7",
    }


def test_withdraw_debrief_and_test_payloads():
    assert json.loads(payloads.withdraw(MEETING)) == {
        "event": "withdraw", "v": 1, "url": "/",
        "meeting": {"id": 7, "title": "Acme — Konditionsgespräch", "start": "2030-05-06T09:30:00Z"},
    }  # fmt: skip
    debrief = json.loads(payloads.debrief(MEETING))
    assert debrief["event"] == "debrief" and debrief["url"] == "/compose?meeting=7"
    assert json.loads(payloads.test(3, "Pixel")) == {
        "event": "test", "v": 1, "device": {"id": 3, "name": "Pixel"}, "url": "/settings"
    }  # fmt: skip


@pytest.mark.parametrize("char", ["x", "ü", "🎯", "ש"])
def test_a_huge_brief_is_trimmed_under_3_kb(char):
    tips = [payloads.TipText(i, char * 500, char * 2000) for i in range(10)]
    data = payloads.brief(
        MeetingRef(id=1, title=char * 600, start=MEETING.start, end=MEETING.end), tips
    )
    assert len(data) <= payloads.MAX_PAYLOAD_BYTES
    decoded = json.loads(data)
    assert decoded["tips"], "at least one tip survives the trimming"
    assert decoded["tips"][0]["body"].endswith("…")


def test_topic_is_32_url_safe_characters_and_stable():
    start = datetime(2030, 1, 1, 9, tzinfo=UTC)
    topic = occurrence_topic(4, ("uid@example.com", start))
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", topic)
    assert topic == occurrence_topic(4, ("uid@example.com", start))
    assert topic != occurrence_topic(4, ("uid@example.com", start + timedelta(days=7)))
    assert topic != occurrence_topic(5, ("uid@example.com", start))
    with pytest.raises(ValueError):
        payloads.check_topic("not/allowed+chars")
    with pytest.raises(ValueError):
        payloads.check_topic("a" * 33)


def test_headers_ttl_urgency_topic():
    now = datetime(2030, 1, 1, 9, tzinfo=UTC)
    ttl = payloads.ttl_seconds(now + timedelta(minutes=20), now)
    assert ttl == 1200
    assert payloads.ttl_seconds(now - timedelta(seconds=1), now) == 0
    assert payloads.ttl_seconds(now + timedelta(days=400), now) == payloads.MAX_TTL_SECONDS
    headers = payloads.headers("brief", ttl=ttl, topic="abc_DEF-123")
    assert headers["TTL"] == "1200" and headers["Urgency"] == "high"
    assert headers["Topic"] == "abc_DEF-123" and headers["Content-Encoding"] == "aes128gcm"
    assert payloads.headers("debrief", ttl=5, topic=None)["Urgency"] == "normal"
    assert "Topic" not in payloads.headers("test", ttl=5, topic=None)
