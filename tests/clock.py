"""Time zones that keep day-bound tests true whenever CI happens to run.

"Next up" lists today's and tomorrow's meetings in the person's own zone. A test that
puts a meeting "in ten minutes" and another "tomorrow" straddles midnight at 23:55 UTC
and fails for one run in a few hundred. Giving the test's person a zone where it is
midday now keeps every offset a test uses (a few hours either way) on the intended day.
"""

from __future__ import annotations

from datetime import UTC, datetime


def midday_zone(now: datetime | None = None) -> str:
    """A fixed-offset IANA zone in which the local time is now 12:00 to 12:59."""
    hour = (now or datetime.now(UTC)).astimezone(UTC).hour
    offset = 12 - hour  # hours east of UTC: -11 to +12, all of which Etc/ has
    # The Etc/ zones use POSIX signs: Etc/GMT-3 is three hours *east* of UTC.
    return "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"
