"""Pre-selection changes nothing but speed: generated feeds, fast path against the full parse.

Hypothesis generates feeds the way real writers make them: single events timed in
UTC, in a zone (IANA, Windows, unknown), floating or all-day, with DTEND,
DURATION or neither; series (daily, weekly, counted, until, endless, started
long ago) with EXDATEs and overrides placed before or after their master, moved
into or out of the window, cancelled, repeated, with RANGE=THISANDFUTURE, without
their master, or of an event that does not repeat; repeated UIDs; alarms (one of them
broken); the owner declining; X-WR-TIMEZONE; VTIMEZONE before or after the
events; folded lines (at 75 octets or much less, through multi-byte
characters), CRLF or LF, a BOM, a stray Windows-1252 byte. Each feed is parsed
twice, with and without pre-selection, and the results must be equal; the
scanner must also have taken the fast path (not fallen back) and give the same
bytes whatever its chunk size.

The run is fixed (``derandomize``): a few hundred feeds per run. ``make fuzz``
(``TIPOFF_FUZZ=1``) runs many more with fresh random seeds.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.calendars import preselect
from core.calendars.parse import Owner, ParsedFeed, Window, parse_feed

FUZZ = os.environ.get("TIPOFF_FUZZ", "") not in ("", "0")
EXAMPLES = int(os.environ.get("TIPOFF_FUZZ_EXAMPLES", "5000" if FUZZ else "300"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=not FUZZ,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BASE = datetime(2025, 1, 6, tzinfo=UTC)
ME = "me@northwind.example"
BERLIN = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""".splitlines()
STYLES = ["utc", "utc", "Europe/Berlin", "America/New_York", "W. Europe Standard Time",
          "Nowhere/Land", "floating", "date", "date-bare"]  # fmt: skip
TITLES = ["Pipeline review", "Acme QBR", "Abstimmung Konditionen", "Café with Zoë",
          "Präsentation \u2013 📈 Q3", "Renewal, Globex; final", "1:1"]  # fmt: skip
ALARMS = [
    ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:This is an event reminder",
     "TRIGGER:-P0DT0H10M0S", "END:VALARM"],
    ["BEGIN:VALARM", "ACTION:AUDIO", "TRIGGER;VALUE=DATE-TIME:20250101T090000Z", "END:VALARM"],
]  # fmt: skip
BROKEN_ALARM = ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:soon-ish", "END:VALARM"]


@dataclass
class Feed:
    data: bytes
    window: Window
    owner: Owner


def stamp(moment: datetime, style: str) -> tuple[str, str]:
    """(parameters, value) of a DTSTART-like property in one of the writers' styles."""
    if style == "utc":
        return "", moment.strftime("%Y%m%dT%H%M%SZ")
    if style == "floating":
        return "", moment.strftime("%Y%m%dT%H%M%S")
    if style == "date":
        return ";VALUE=DATE", moment.strftime("%Y%m%d")
    if style == "date-bare":
        return "", moment.strftime("%Y%m%d")
    zone = f'"{style}"' if " " in style else style
    return f";TZID={zone}", moment.strftime("%Y%m%dT%H%M%S")


@st.composite
def moments(draw: st.DrawFn, window: Window) -> datetime:
    """Mostly near the window's edges (where the margin matters), sometimes far away."""
    days = draw(
        st.one_of(st.integers(-6, 20), st.integers(-45, 45), st.integers(-4000, 400), st.just(-4))
    )
    minutes = draw(st.integers(0, 24 * 4 - 1)) * 15
    return window.start + timedelta(days=days, minutes=minutes)


@st.composite
def extras(draw: st.DrawFn, uid_hint: int) -> list[str]:
    lines = [f"SUMMARY:{draw(st.sampled_from(TITLES))} {uid_hint}"]
    if draw(st.booleans()):
        lines.append("DESCRIPTION:" + "Agenda\\, dial-in and notes. " * draw(st.integers(1, 6)))
    answer = draw(st.sampled_from(["ACCEPTED", "DECLINED", "TENTATIVE", None]))
    if answer:
        lines += [
            f"ATTENDEE;CN=Me;PARTSTAT={answer}:mailto:{ME}",
            'ATTENDEE;CN="Buyer, Acme";PARTSTAT=NEEDS-ACTION:mailto:buyer@acme.example',
        ]
    if draw(st.integers(0, 9)) == 0:
        lines.append("STATUS:CANCELLED")
    return lines


@st.composite
def single(draw: st.DrawFn, window: Window, uid: str, n: int) -> list[str]:
    start = draw(moments(window))
    style = draw(st.sampled_from(STYLES))
    params, value = stamp(start, style)
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20250101T000000Z", f"DTSTART{params}:{value}"]
    ending = draw(st.sampled_from(["dtend", "dtend", "duration", "none"]))
    if ending == "dtend":
        minutes = draw(st.sampled_from([0, 30, 60, 24 * 60, 3 * 24 * 60, -30]))
        end_params, end_value = stamp(start + timedelta(minutes=minutes), style)
        lines.append(f"DTEND{end_params}:{end_value}")
    elif ending == "duration":
        lines.append("DURATION:" + draw(st.sampled_from(["PT45M", "P1D", "PT0S", "P2W", "-PT1H"])))
    lines += draw(extras(n))
    alarm = draw(st.integers(0, 40))
    if alarm < 20:
        lines += ALARMS[alarm % 2]
    elif alarm == 40:
        lines += BROKEN_ALARM
    if draw(st.integers(0, 60)) == 0:
        lines[3] = "DTSTART:20250230T100000Z"  # an impossible date
    return [*lines, "END:VEVENT"]


@st.composite
def series(draw: st.DrawFn, window: Window, uid: str, n: int) -> list[list[str]]:
    """A master and its overrides (each a block; the caller shuffles them into the feed)."""
    weekly = draw(st.booleans())
    step = timedelta(days=7 if weekly else 1)
    back = draw(st.sampled_from([0, 3, 20, 200, 1500]))
    start = window.start - back * step + timedelta(hours=draw(st.integers(6, 18)))
    style = draw(st.sampled_from(["utc", "Europe/Berlin", "America/New_York", "floating", "date"]))
    params, value = stamp(start, style)
    rule = "RRULE:FREQ=" + ("WEEKLY" if weekly else "DAILY")
    limit = draw(st.sampled_from(["", "count", "until"]))
    if limit == "count":
        rule += f";COUNT={draw(st.integers(1, back + 30))}"
    elif limit == "until":
        rule += ";UNTIL=" + (start + step * draw(st.integers(0, back + 30))).strftime(
            "%Y%m%dT%H%M%SZ" if style != "date" else "%Y%m%d"
        )
    master = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTART{params}:{value}"]
    if style != "date":
        master.append("DURATION:PT30M" if draw(st.booleans()) else _end(start, style))
    master.append(rule)
    for k in draw(st.lists(st.integers(0, back + 20), max_size=3)):
        ex_params, ex_value = stamp(start + k * step, style)
        master.append(f"EXDATE{ex_params}:{ex_value}")
    master += [*draw(extras(n)), "END:VEVENT"]
    blocks = [master] if draw(st.integers(0, 7)) else []  # sometimes only overrides
    for k in draw(st.lists(st.integers(0, back + 20), max_size=4)):  # repeats: duplicates
        blocks.append(draw(override(uid, start + k * step, style, n)))
    return blocks


@st.composite
def override(draw: st.DrawFn, uid: str, original: datetime, style: str, n: int) -> list[str]:
    moved = original + timedelta(days=draw(st.sampled_from([0, 1, -2, 4, 10, -30, 400])))
    rid_params, rid_value = stamp(original, style)
    if draw(st.integers(0, 9)) == 0:
        rid_params = ";RANGE=THISANDFUTURE" + rid_params
    new_params, new_value = stamp(moved, style)
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"RECURRENCE-ID{rid_params}:{rid_value}",
             f"DTSTART{new_params}:{new_value}"]  # fmt: skip
    if style not in ("date", "date-bare"):
        lines.append(_end(moved, style))
    if draw(st.integers(0, 3)) == 0:
        lines += ALARMS[0]
    return [*lines, *draw(extras(n)), "END:VEVENT"]


def _end(start: datetime, style: str) -> str:
    params, value = stamp(start + timedelta(minutes=45), style)
    return f"DTEND{params}:{value}"


def fold(line: str, width: int, joint: str) -> list[bytes]:
    """Fold at ``width`` octets, as writers do, even inside a multi-byte character."""
    raw = line.encode("utf-8")
    if len(raw) <= width or line.startswith(("BEGIN:", "END:")):
        return [raw]
    parts = [raw[:width]]
    rest = raw[width:]
    while rest:
        parts.append(joint.encode() + rest[: width - 1])
        rest = rest[width - 1 :]
    return parts


@st.composite
def feeds(draw: st.DrawFn) -> Feed:
    window_start = BASE + timedelta(days=draw(st.integers(0, 400)))
    window = Window(window_start, window_start + timedelta(days=16))
    header = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tipoff tests//Generated//EN"]
    if draw(st.booleans()):
        header.append(f"X-WR-CALNAME:{ME}")
    zone = draw(st.sampled_from([None, None, "Europe/Berlin", "America/New_York"]))
    if zone:
        header.append(f"X-WR-TIMEZONE:{zone}")
    blocks: list[list[str]] = []
    singles: list[str] = []
    for n in range(draw(st.integers(0, 24))):
        kind = draw(st.sampled_from(["single"] * 5 + ["series", "series", "repeat", "stray"]))
        if kind == "repeat" and singles:
            uid = draw(st.sampled_from(singles))  # the same UID twice (a feed bug)
            blocks.insert(draw(st.integers(0, len(blocks))), draw(single(window, uid, n)))
        elif kind == "stray" and singles:  # an override of an event that does not repeat
            uid = draw(st.sampled_from(singles))
            original, style = draw(moments(window)), draw(st.sampled_from(STYLES))
            blocks.insert(
                draw(st.integers(0, len(blocks))), draw(override(uid, original, style, n))
            )
        elif kind == "series":
            for block in draw(series(window, f"series-{n}@example.com", n)):
                blocks.insert(draw(st.integers(0, len(blocks))), block)
        else:
            uid = f"event-{n}@example.com"
            singles.append(uid)
            blocks.append(draw(single(window, uid, n)))
    if draw(st.integers(0, 5)) == 0:
        blocks.append(["BEGIN:VTODO", "UID:todo@example.com", "SUMMARY:Task", "END:VTODO"])
    placement = draw(st.sampled_from(["first", "last", "none"]))
    if placement != "none":
        blocks.insert(0 if placement == "first" else len(blocks), BERLIN)
    lines = [*header, *(line for block in blocks for line in block), "END:VCALENDAR"]
    width = draw(st.sampled_from([75, 75, 40, 16]))
    joint = draw(st.sampled_from([" ", "\t"]))
    newline = draw(st.sampled_from(["\r\n", "\n"])).encode()
    data = newline.join(part for line in lines for part in fold(line, width, joint)) + newline
    if draw(st.booleans()):
        data = preselect.BOM + data
    if draw(st.integers(0, 15)) == 0:
        data = data.replace("Café".encode(), b"Caf\xe9")  # Windows-1252 in a UTF-8 feed
    owner = Owner.of([ME], draw(st.sampled_from(["Europe/Berlin", "America/New_York", "UTC"])))
    return Feed(data, window, owner)


@pytest.mark.fuzz
@pytest.mark.timeout(0 if FUZZ else 300)  # a fuzz run takes as long as it takes
@PROPERTY
@given(feed=feeds(), chunk=st.integers(16, 2048))
def test_preselection_equals_the_full_parse(feed: Feed, chunk: int) -> None:
    selected = preselect.select(feed.data, feed.window)
    assert selected is not None, "a well-formed generated feed takes the fast path"
    streamed = preselect.select(io.BytesIO(feed.data), feed.window, chunk_bytes=chunk)
    assert streamed is not None and streamed.data == selected.data
    fast = outcome(feed, preselect=True)
    assert fast == outcome(feed, preselect=False)
    assert not isinstance(fast, ParsedFeed) or fast.dropped == selected.dropped


def outcome(feed: Feed, *, preselect: bool) -> ParsedFeed | tuple[str, str]:
    """The parsed feed, or the error it raised (both paths must raise the same)."""
    try:
        return parse_feed(feed.data, feed.owner, feed.window, preselect=preselect)
    except Exception as exc:
        return type(exc).__name__, str(exc)


def test_a_far_single_event_is_left_out_and_a_series_kept() -> None:
    window = Window(datetime(2025, 3, 3, tzinfo=UTC), datetime(2025, 3, 19, tzinfo=UTC))
    feed = b"\r\n".join(
        [
            b"BEGIN:VCALENDAR",
            b"VERSION:2.0",
            b"X-WR-TIMEZONE:Europe/Berlin",
            b"BEGIN:VEVENT",
            b"UID:old@example.com",
            b"DTSTART:20160104T090000Z",
            b"DTEND:20160104T100000Z",
            b"END:VEVENT",
            b"BEGIN:VEVENT",
            b"UID:weekly@example.com",
            b"DTSTART;TZID=Europe/Berlin:20160105T090000",
            b"RRULE:FREQ=WEEKLY",
            b"END:VEVENT",
            b"BEGIN:VEVENT",
            b"UID:soon@example.com",
            b"DTSTART;VALUE=DATE:20250310",
            b"END:VEVENT",
            b"END:VCALENDAR",
            b"",
        ]
    )
    selected = preselect.select(feed, window)
    assert selected is not None and selected.dropped == 1 and selected.events == 3
    assert b"old@example.com" not in selected.data
    assert b"weekly@example.com" in selected.data and b"X-WR-TIMEZONE" in selected.data


@pytest.mark.parametrize(
    "feed",
    [
        b"<html>not a calendar</html>",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20160104T090000Z\r\n",  # truncated
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT \r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",  # padded BEGIN
        b"BEGIN:VCALENDAR\r\nBEGIN:VEV\r\n ENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",  # folded
        b"BEGIN:VCALENDAR\r\nDTST\r\n ART:20250101\r\nEND:VCALENDAR\r\n",  # folded name
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",  # two
        b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VTODO\r\n"
        b"END:VCALENDAR\r\n",  # a nested VEVENT
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nX-COMMENT:after the end\r\n",
    ],
)
def test_what_the_scanner_does_not_understand_is_parsed_whole(feed: bytes) -> None:
    window = Window(datetime(2025, 3, 3, tzinfo=UTC), datetime(2025, 3, 19, tzinfo=UTC))
    assert preselect.select(feed, window) is None
