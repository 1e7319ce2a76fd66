"""From iCalendar bytes to the meeting occurrences Tipoff keeps: the one parse-and-filter path.

Sync and ``tipoff calendars inspect`` both call ``parse_feed``, so what the CLI
shows is exactly what a sync stores. The rules (documented in docs/calendars.md):

- expansion is done by ``recurring-ical-events`` after ``x-wr-timezone`` (never
  our own RRULE or time-zone code); each UID is expanded on its own, so one broken
  series is reported and skipped while the rest of the feed is kept;
- a meeting is a *timed* occurrence overlapping the window; all-day occurrences,
  ``STATUS:CANCELLED`` ones and ones the owner declined are dropped, each judged
  per occurrence (an override carries its own status and attendee answers);
- floating times (no zone, no X-WR-TIMEZONE) are read in the owner's time zone;
- a single feed is first pre-selected (``preselect``): single events that cannot
  meet the window are left out before icalendar reads anything, which changes
  nothing in the result but the time it takes;
- a series that would take too long to expand, or repeats more than
  ``sync_max_occurrences`` times in the window, is skipped and reported.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import x_wr_timezone
from recurring_ical_events import EventAdapter, Series

from core.calendars import absence
from core.calendars import attendees as people
from core.calendars import preselect as preselection
from core.calendars.absence import AbsenceSpan
from core.calendars.reading import NotACalendar, read_calendars, short
from core.models.occurrence import OccurrenceKey, occurrence_key

PARSER_VERSION = "2"  # bump when the rules change, so unchanged feeds are re-read (2: absences)
MAX_RULE_STEPS = 200_000  # dateutil walks every step from DTSTART; ~1 s of work
EXPANSION_SECONDS = 30.0  # a whole feed's expansion budget
_SLACK = timedelta(days=1)  # floating times may sit up to ±14 h from UTC
_FREQ_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3_600,
    "DAILY": 86_400,
    "WEEKLY": 604_800,
    "MONTHLY": 2_419_200,
    "YEARLY": 31_536_000,
}
_FILTERING_PARTS = ("BYDAY", "BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS")

__all__ = ["NotACalendar", "Occurrence", "Owner", "ParsedFeed", "Window", "parse_feed"]


@dataclass(frozen=True)
class Owner:
    """Whose calendar this is: their addresses (for "declined") and their time zone."""

    addresses: frozenset[str]
    timezone: tzinfo = UTC

    @classmethod
    def of(cls, addresses: Sequence[str], timezone: str = "UTC") -> Owner:
        try:
            zone: tzinfo = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC
        return cls(frozenset(a.strip().lower() for a in addresses if a.strip()), zone)

    @property
    def domains(self) -> frozenset[str]:
        return frozenset(a.rsplit("@", 1)[1] for a in self.addresses if "@" in a)


@dataclass(frozen=True)
class Window:
    """The span whose occurrences are kept: [start, end), both UTC."""

    start: datetime
    end: datetime

    @classmethod
    def around(cls, now: datetime, *, past_days: int, future_days: int) -> Window:
        """Whole UTC days from ``past_days`` before today to ``future_days`` after it.

        Aligned to days so the window (and with it the sync fingerprint) changes
        once a day, not on every run.
        """
        today = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        return cls(today - timedelta(days=past_days), today + timedelta(days=future_days + 1))


@dataclass
class Occurrence:
    uid: str
    recurring: bool
    original_start: datetime
    start: datetime
    end: datetime
    title: str
    description: str
    location: str
    attendees: list[dict[str, str]]
    external_domains: list[str]
    # CLASS:PRIVATE. Not CONFIDENTIAL: that is work whose details are restricted (a bid
    # review, a deal), the sensitivity mail clients offer next to "private" for business.
    private: bool = False
    free: bool = False  # TRANSP:TRANSPARENT ("show as free")

    @property
    def key(self) -> OccurrenceKey:
        """Stable identity: UID + original start for series, UID alone for single events."""
        return occurrence_key(self.uid, self.original_start, recurring=self.recurring)


@dataclass
class ParsedFeed:
    name: str | None = None
    occurrences: list[Occurrence] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    complete: bool = True  # the whole file was read; only then may absences remove meetings
    broken_uids: set[str] = field(default_factory=set)  # series skipped: keep what is stored
    # Seconds per stage ("scan", "parse", "expand") and what pre-selection left out.
    timings: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    dropped: int = field(default=0, compare=False)
    absences: list[AbsenceSpan] = field(default_factory=list)  # out of office (absence.py)


def parse_feed(
    documents: bytes | IO[bytes] | Sequence[bytes],
    owner: Owner,
    window: Window,
    *,
    max_occurrences: int = 1000,
    preselect: bool = True,
) -> ParsedFeed:
    """Parse one feed (bytes or a binary file) or the CalDAV objects of one calendar.

    A single feed is pre-selected for the window first (``preselect=False`` reads
    everything, the reference the property test compares against).
    Raises ``NotACalendar`` when the (first) document is not iCalendar at all.
    """
    parsed = ParsedFeed()
    started = time.perf_counter()
    if isinstance(documents, bytes) or hasattr(documents, "read"):
        single: Any = documents
        selected = preselection.select(single, window) if preselect else None
        if selected is not None:
            parsed.dropped = selected.dropped
            datas: Sequence[bytes] = [selected.data]
        else:
            datas = [single if isinstance(single, bytes) else _read_all(single)]
    else:
        datas = documents
    scanned = time.perf_counter()
    groups: dict[str, list[icalendar.Component]] = {}
    for data in datas:
        read = read_calendars(data)
        parsed.complete = parsed.complete and read.complete
        parsed.problems.extend(read.problems)
        for calendar in read.calendars:
            if parsed.name is None and calendar.get("X-WR-CALNAME"):
                parsed.name = str(calendar.get("X-WR-CALNAME")).strip()[:200] or None
            for event in _standardised(calendar, parsed.problems).walk("VEVENT"):
                groups.setdefault(_uid(event), []).append(event)
    read_at = time.perf_counter()
    deadline = time.monotonic() + EXPANSION_SECONDS
    for uid, events in groups.items():
        if time.monotonic() > deadline:
            parsed.problems.append("the feed took too long to expand; the rest was skipped")
            parsed.complete = False
            break
        _expand_series(parsed, uid, events, owner, window, max_occurrences)
    # A total order: the library yields same-start occurrences of a UID in no fixed order.
    parsed.occurrences.sort(key=lambda o: (o.start, o.uid, o.original_start, o.end, o.title))
    parsed.timings.update(
        scan=scanned - started, parse=read_at - scanned, expand=time.perf_counter() - read_at
    )
    return parsed


def _read_all(file: IO[bytes]) -> bytes:
    file.seek(0)
    return file.read()


def _standardised(calendar: icalendar.Calendar, problems: list[str]) -> icalendar.Calendar:
    """Apply X-WR-TIMEZONE (Google's calendar-wide zone) the way the library documents."""
    try:
        return x_wr_timezone.to_standard(calendar)
    except Exception as exc:
        problems.append(f"X-WR-TIMEZONE could not be applied: {short(exc)}")
        return calendar


def _uid(event: icalendar.Component) -> str:
    uid = str(event.get("UID", "")).strip()
    if uid:
        return uid[:500]
    # Without a UID, identity comes from what the event says about itself.
    fingerprint = f"{event.get('DTSTART', '')}|{event.get('SUMMARY', '')}".encode()
    return "no-uid-" + hashlib.sha256(fingerprint).hexdigest()[:32]


def _label(events: list[icalendar.Component], uid: str) -> str:
    summary = str(events[0].get("SUMMARY", "")).strip()
    return f"'{summary[:60]}'" if summary else f"UID {uid[:60]}"


def _expand_series(
    parsed: ParsedFeed,
    uid: str,
    events: list[icalendar.Component],
    owner: Owner,
    window: Window,
    max_occurrences: int,
) -> None:
    label = _label(events, uid)
    span_start, span_end = window.start - _SLACK, window.end + _SLACK
    try:
        steps = max(_rule_steps(event, span_end) for event in events)
        if steps > MAX_RULE_STEPS:
            parsed.problems.append(f"{label} repeats too often to expand; skipped")
            parsed.broken_uids.add(uid)
            return
        series = Series([EventAdapter(event) for event in events])
        found = list(itertools.islice(series.between(span_start, span_end), max_occurrences + 1))
        if len(found) > max_occurrences:
            parsed.problems.append(
                f"{label} has more than {max_occurrences} occurrences in the sync window; skipped"
            )
            parsed.broken_uids.add(uid)
            return
        recurring = any("RRULE" in e or "RDATE" in e or "RECURRENCE-ID" in e for e in events)
        kept = []
        people_cache: dict[tuple[int, int], Any] = {}
        away = []
        for found_occurrence in found:
            component = found_occurrence.as_component(False)
            span = absence.of(component, owner.timezone)
            if span is not None and span.end > window.start and span.start < window.end:
                away.append(span)
            occurrence = _meeting(component, uid, recurring, owner, people_cache)
            if occurrence is not None and _overlaps(occurrence, window):
                kept.append(occurrence)
    except Exception as exc:  # a broken series must not take the feed down with it
        parsed.problems.append(f"{label} could not be read: {short(exc)}; skipped")
        parsed.broken_uids.add(uid)
        return
    parsed.occurrences.extend(kept)
    parsed.absences.extend(away)


def _overlaps(occurrence: Occurrence, window: Window) -> bool:
    if occurrence.start >= window.end:
        return False
    return occurrence.end > window.start or occurrence.start >= window.start


def _meeting(
    component: icalendar.Component,
    uid: str,
    recurring: bool,
    owner: Owner,
    people_cache: dict[tuple[int, int], tuple[Any, Any, list[dict[str, str]], bool, list[str]]],
) -> Occurrence | None:
    """The occurrence as a meeting, or None when it is all-day, cancelled or declined."""
    start = _value(component, "DTSTART")
    if not isinstance(start, datetime):
        return None  # all-day
    if str(component.get("STATUS", "")).strip().upper() == "CANCELLED":
        return None
    attendee_lines, organizer = component.get("ATTENDEE"), component.get("ORGANIZER")
    # Occurrences of one series share their property objects: read the people once.
    key = (id(attendee_lines), id(organizer))
    cached = people_cache.get(key)
    if cached is None or cached[0] is not attendee_lines or cached[1] is not organizer:
        attendees, declined = people.people_of(attendee_lines, organizer, owner.addresses)
        domains = people.external_domains(attendees, owner.domains)
        cached = (attendee_lines, organizer, attendees, declined, domains)
        people_cache[key] = cached
    _, _, attendees, declined, domains = cached
    if declined:
        return None
    end_value = _value(component, "DTEND") if "DTEND" in component else start
    start_utc = _utc(start, owner.timezone)
    end_utc = _utc(end_value, owner.timezone) if isinstance(end_value, datetime) else start_utc
    original = start_utc
    recurrence_id = component.get("RECURRENCE-ID")
    if recurring and recurrence_id is not None and isinstance(recurrence_id.dt, datetime):
        original = _utc(recurrence_id.dt, owner.timezone)
    return Occurrence(
        uid=uid,
        recurring=recurring,
        original_start=original,
        start=start_utc,
        end=max(end_utc, start_utc),
        title=_text(component.get("SUMMARY"), 500),
        description=_text(component.get("DESCRIPTION"), 20_000),
        location=_text(component.get("LOCATION"), 500),
        attendees=[dict(a) for a in attendees],
        external_domains=list(domains),
        private=str(component.get("CLASS", "")).strip().upper() == "PRIVATE",
        free=str(component.get("TRANSP", "")).strip().upper() == "TRANSPARENT",
    )


def _value(component: icalendar.Component, name: str) -> Any:
    """A date/time property's Python value (raises on a broken one, which skips the series)."""
    prop: Any = component[name]
    return prop.dt


def _utc(moment: datetime, zone: tzinfo) -> datetime:
    if moment.tzinfo is None:  # floating: the owner's wall clock
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def _text(value: Any, limit: int) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # a property given twice: the first wins
        value = value[0] if value else ""
    return str(value).strip()[:limit]


def _rule_steps(event: icalendar.Component, span_end: datetime) -> int:
    """Roughly how many steps dateutil takes to reach ``span_end`` (it starts at DTSTART)."""
    rules = people.as_list(event.get("RRULE"))
    if not rules:
        return 0
    start = _as_utc_instant(_value(event, "DTSTART"))
    steps = 0
    for rule in rules:
        freq = str(_first(rule.get("FREQ"), "DAILY")).upper()
        interval = max(int(_first(rule.get("INTERVAL"), 1) or 1), 1)
        until = _first(rule.get("UNTIL"), None)
        end = span_end if until is None else min(span_end, _as_utc_instant(until))
        periods = max((end - start).total_seconds(), 0) / (_FREQ_SECONDS.get(freq, 1) * interval)
        expansion = 1
        for part in ("BYSECOND", "BYMINUTE", "BYHOUR"):
            expansion *= max(len(people.as_list(rule.get(part))), 1)
        rule_steps = (periods + 1) * expansion
        count = _first(rule.get("COUNT"), None)
        if count is not None:
            filtering = any(part in rule for part in _FILTERING_PARTS)
            rule_steps = min(rule_steps, int(count) * (366 if filtering else 1) * expansion)
        steps = max(steps, int(rule_steps))
    return steps


def _first(values: Any, default: Any) -> Any:
    items = people.as_list(values)
    return items[0] if items else default


def _as_utc_instant(moment: date | datetime) -> datetime:
    if not isinstance(moment, datetime):
        return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
