from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.clock import midday_zone


def test_midday_zone_is_midday_at_every_hour_of_the_day():
    start = datetime(2026, 12, 1, tzinfo=UTC)
    for minutes in range(0, 24 * 60, 17):
        now = start + timedelta(minutes=minutes)
        local = now.astimezone(ZoneInfo(midday_zone(now)))
        assert local.hour == 12, (now, midday_zone(now), local)
