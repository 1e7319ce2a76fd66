"""The pre-selection verdict on one VEVENT: may it be left out, and under what condition?

``preselect`` finds the properties; this module judges them, conservatively: any
value it does not read exactly as icalendar would means "keep". Times are
compared by calendar day, read as if they were UTC, against the window widened
by ``MARGIN`` plus a day: a time zone, a floating time or X-WR-TIMEZONE moves an
instant by less than a day, and the parser looks one day beyond the window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

MARGIN = timedelta(days=3)
LONG_UID = 400  # icalendar cuts UIDs at 500 characters; longer ones are always kept
_VALUE_PARAM = re.compile(rb";[ \t]*VALUE[ \t]*=[ \t]*([^;:]*)", re.IGNORECASE)
_RANGE_PARAM = re.compile(rb";[ \t]*RANGE[ \t]*=", re.IGNORECASE)
_RECURRING = (b"RRULE", b"RDATE", b"EXRULE", b"EXDATE")
# What the coarse UID key leaves out: whitespace and controls (icalendar strips),
# backslashes and n/N (escapes), every non-ASCII byte (decoding, Unicode spaces).
_UID_DELETE = bytes(range(0x21)) + b"\\nN" + bytes(range(0x7F, 0x100))

SINGLE, OVERRIDE = 0, 1


@dataclass(frozen=True)
class Days:
    """The window as calendar days: an event entirely before ``low`` or after ``high`` is out."""

    low: bytes  # YYYYMMDD
    high: bytes

    @classmethod
    def around(cls, start: datetime, end: datetime) -> Days:
        slack = MARGIN + timedelta(days=1)
        return cls(day_of(start - slack), day_of(end + slack))


def day_of(moment: datetime) -> bytes:
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}".encode()


@dataclass(frozen=True)
class Verdict:
    kind: int  # SINGLE: out if no other VEVENT shares its coarse UID key;
    # OVERRIDE: out if its exact UID has a master with RRULE or RDATE (it is not the first).
    key: bytes


def judge(props: dict[bytes, list[bytes]], days: Days, uid_seen: bool) -> Verdict | None:
    """The condition under which this event may be left out, or None: keep it."""
    if any(name in props for name in _RECURRING):
        return None
    uid = _value(props.get(b"UID"))
    if uid is None or len(uid) > LONG_UID or not coarse_key(uid):
        return None
    rid_lines = props.get(b"RECURRENCE-ID")
    if rid_lines is not None:
        if not uid_seen or len(rid_lines) != 1 or _RANGE_PARAM.search(rid_lines[0]):
            return None  # the first of its UID names problems; THISANDFUTURE reaches far
        original = _moment(rid_lines[0])
        if original is None or not _outside(days, original[0], original[0]):
            return None
    if not _span_outside(props, days):
        return None
    if rid_lines is not None:
        return Verdict(OVERRIDE, uid)
    return Verdict(SINGLE, coarse_key(uid))


def coarse_key(uid: bytes) -> bytes:
    """Equal for any two UIDs icalendar reads as equal (and for some it does not)."""
    key = uid.translate(None, _UID_DELETE)
    return b"" if key.startswith(b"o-uid-") else key  # like parse's "no-uid-…" names


def uid_value(lines: list[bytes] | None) -> bytes | None:
    """The raw value of a single UID line (exactly equal values are equal UIDs)."""
    return _value(lines)


def is_master(props: dict[bytes, list[bytes]]) -> bool:
    return b"RECURRENCE-ID" not in props and (b"RRULE" in props or b"RDATE" in props)


def _value(lines: list[bytes] | None) -> bytes | None:
    if not lines or len(lines) != 1:
        return None
    split = split_value(lines[0])
    return None if split is None else split[1]


def _span_outside(props: dict[bytes, list[bytes]], days: Days) -> bool:
    starts, ends, durations = props.get(b"DTSTART"), props.get(b"DTEND"), props.get(b"DURATION")
    if not starts or len(starts) != 1 or (ends and durations):
        return False
    if (ends and len(ends) != 1) or (durations and len(durations) != 1):
        return False
    start = _moment(starts[0])
    if start is None:
        return False
    day, _is_date = start
    if ends:
        end = _moment(ends[0])
        return end is not None and _outside(days, day, end[0])
    if durations:
        finish = _after_duration(starts[0], durations[0])
        return finish is not None and _outside(days, day, finish)
    return _outside(days, day, day)  # no end: the start (or the start day) is the span


def _outside(days: Days, first: bytes, second: bytes) -> bool:
    low, high = (first, second) if first <= second else (second, first)
    return high < days.low or low > days.high


def split_value(line: bytes) -> tuple[bytes, bytes] | None:
    """(parameters, value) of what follows a property name, as icalendar splits it."""
    if line.startswith(b":"):
        return b"", line[1:]
    if b"\\" in line:
        return None
    if b'"' not in line:
        params, colon, value = line.partition(b":")
        return (params, value) if colon else None
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return line[:index], line[index + 1 :]
    return None


def _moment(line: bytes) -> tuple[bytes, bool] | None:
    """(YYYYMMDD, is a date) of a DTSTART-like property; None unless read exactly."""
    split = split_value(line)
    if split is None:
        return None
    params, value = split
    size = len(value)
    if size == 8:
        is_date = True
    elif size == 15 or (size == 16 and value[15] == 0x5A):  # Z
        clock = value[9:15]
        if value[8] != 0x54 or not clock.isdigit() or clock > b"235959":  # T
            return None
        if clock[2:4] > b"59" or clock[4:6] > b"59":
            return None
        is_date = False
    else:
        return None
    if params:
        kind = _VALUE_PARAM.search(params)
        if kind is not None:
            wanted = kind.group(1).strip().upper()
            if wanted not in (b"DATE", b"DATE-TIME") or (wanted == b"DATE") != is_date:
                return None
    day = value[:8]
    return (day, is_date) if _real_day(day) else None


@lru_cache(maxsize=8192)
def _real_day(day: bytes) -> bool:
    if not day.isdigit():
        return False
    try:
        datetime(int(day[:4]), int(day[4:6]), int(day[6:8]))
    except ValueError:
        return False  # Feb 30: icalendar reports it, so the event is kept
    return True


def _after_duration(start_line: bytes, duration_line: bytes) -> bytes | None:
    """The day DTSTART + DURATION falls on (DURATION read by icalendar itself)."""
    split = split_value(duration_line)
    start = split_value(start_line)
    if split is None or split[0] or start is None:
        return None
    duration = _duration(split[1])
    if duration is None:
        return None
    value = start[1]
    moment = datetime(int(value[:4]), int(value[4:6]), int(value[6:8]))
    if len(value) >= 15:
        moment = moment.replace(hour=int(value[9:11]), minute=int(value[11:13]))
        moment = moment.replace(second=int(value[13:15]))
    try:
        return day_of(moment + duration)
    except OverflowError:
        return None


@lru_cache(maxsize=1024)
def _duration(value: bytes) -> timedelta | None:
    from icalendar.prop import vDDDTypes

    try:
        parsed = vDDDTypes.from_ical(value.decode("ascii"))
    except Exception:
        return None
    return parsed if isinstance(parsed, timedelta) else None
