"""Pre-selection: hand the parser only the parts of a feed that can matter for the window.

Why: a real feed (Google's secret address, an Outlook publication) carries every
event the person ever had, ten years and several MB of them, while a sync keeps
what falls in the next two weeks. Parsing everything with icalendar costs
seconds; this scanner reads the raw bytes line by line (regular expressions over
chunks of a temporary file, unfolding as RFC 5545 says) and drops the single
events that cannot meet the window, before icalendar sees anything. The result
is the same file minus whole ``VEVENT`` blocks, byte for byte, so what remains
is parsed exactly as before.

Kept, always: every ``VEVENT`` with ``RRULE``, ``RDATE``, ``EXRULE``, ``EXDATE`` or
``RECURRENCE-ID`` (an override may move an occurrence in from anywhere), every
other component (``VTIMEZONE`` …) and every calendar property (``X-WR-TIMEZONE``
…). A single event is dropped only when all of this holds, otherwise it is kept:

- exactly one ``DTSTART`` in the strict ``DATE``/``DATE-TIME`` forms, at most one of
  ``DTEND`` (same forms) or ``DURATION`` (read by icalendar itself), a real date;
- its span (with the library's defaults without an end) is more than
  ``MARGIN`` (3 days) away from the window, reading every time as if it were UTC:
  a time zone, a floating time or X-WR-TIMEZONE moves it by less than a day, and
  the parser's own slack is one day;
- exactly one short ``UID`` that no other ``VEVENT`` of the file shares (compared
  coarsely, so two UIDs icalendar would see as equal always count as shared);
- its nested components (``VALARM``) are read by icalendar without error, since a
  broken alarm makes icalendar reject the whole file.

Anything the scanner does not fully understand (no single ``VCALENDAR``, a file
that ends early, a ``BEGIN``/``END`` that is folded, padded or unbalanced, a line
that is not ``NAME;…`` or ``NAME:…``, a nested ``VEVENT``) makes ``select`` return
None and the caller parses the whole file, as it always did. A file that is not
UTF-8 outside the kept part is re-encoded so it decodes as the whole file would.
The property test in tests/calendars/test_preselect.py compares both paths.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from core.calendars.parse import Window

MARGIN = timedelta(days=3)
CHUNK_BYTES = 1 << 20
BOM = b"\xef\xbb\xbf"
_LONG_UID = 400  # icalendar's UID is cut at 500 characters; longer ones are always kept

# Lines the scanner looks at (a continuation line starts with a space, so never matches).
_INTERESTING = re.compile(
    rb"^(BEGIN|END|DTSTART|DTEND|DURATION|UID|RRULE|RDATE|EXRULE|EXDATE|RECURRENCE-ID)[;:]",
    re.MULTILINE | re.IGNORECASE,
)
# A line icalendar might read differently from this scanner: not "NAME;" or "NAME:"
# (a folded or padded name, a stray character), or a blank line before a fold.
_ODD_LINE = re.compile(rb"^(?:(?![ \t]|[A-Za-z0-9-]+[;:]|\r?\n|\r?\Z)|\r?\n[ \t])", re.MULTILINE)
_COMPONENT = re.compile(rb"(?:BEGIN|END):([A-Za-z0-9-]+)\r?", re.IGNORECASE)
_MOMENT = re.compile(rb"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")
_VALUE_PARAM = re.compile(rb";[ \t]*VALUE[ \t]*=[ \t]*([^;:]*)", re.IGNORECASE)
_FOLD = re.compile(rb"\r?\n[ \t]")
_ALWAYS_KEPT = frozenset((b"RRULE", b"RDATE", b"EXRULE", b"EXDATE", b"RECURRENCE-ID"))
# What the coarse UID key leaves out: whitespace and controls (icalendar strips),
# backslashes and n/N (escapes), every non-ASCII byte (decoding, Unicode spaces).
_UID_DELETE = bytes(range(0x21)) + b"\\nN" + bytes(range(0x7F, 0x100))


class _Doubt(Exception):
    """The file has something the scanner does not fully understand: parse it whole."""


@dataclass
class Selection:
    """What ``select`` found: the kept bytes and how much was left out."""

    data: bytes
    events: int = 0
    dropped: int = 0


@dataclass
class _Event:
    start: int  # absolute offset of its BEGIN line
    props: dict[bytes, list[bytes]] = field(default_factory=dict)
    nested: list[tuple[int, int]] = field(default_factory=list)  # buffer offsets


@dataclass
class _Scan:
    lo: datetime
    hi: datetime
    stack: list[bytes] = field(default_factory=list)
    calendars: int = 0
    closed: int | None = None  # absolute offset after END:VCALENDAR
    event: _Event | None = None
    nested_start: int = 0
    drops: list[tuple[int, int, bytes]] = field(default_factory=list)
    uids: dict[bytes, int] = field(default_factory=dict)
    events: int = 0
    transcode: bool = False  # a dropped part is not UTF-8: the whole file decodes as cp1252


def select(
    source: bytes | IO[bytes], window: Window, *, chunk_bytes: int = CHUNK_BYTES
) -> Selection | None:
    """The feed without the single events that cannot meet ``window``; None when in doubt.

    ``source`` is the whole feed or a seekable binary file holding it (read in
    chunks from its start; the caller keeps ownership).
    """
    scan = _Scan(lo=_naive(window.start) - MARGIN, hi=_naive(window.end) + MARGIN)
    try:
        _scan(scan, _chunks(source, chunk_bytes))
    except _Doubt:
        return None
    shared = {key for key, count in scan.uids.items() if count > 1}
    drops = [(start, end) for start, end, key in scan.drops if key not in shared]
    data = _without(source, drops)
    if scan.transcode:  # decode the rest as the whole file would be decoded (reading.decode)
        data = data.removeprefix(BOM).decode("cp1252", errors="replace").encode("utf-8")
    return Selection(data, scan.events, len(drops))


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def _chunks(source: bytes | IO[bytes], size: int) -> Iterator[bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        yield bytes(source)
        return
    source.seek(0)
    while chunk := source.read(size):
        yield chunk


def _without(source: bytes | IO[bytes], drops: list[tuple[int, int]]) -> bytes:
    """The source minus the dropped byte ranges (copied from the file, range by range)."""
    if isinstance(source, bytes | bytearray | memoryview):
        whole = bytes(source)

        def read(start: int, end: int | None) -> bytes:
            return whole[start:end]
    else:

        def read(start: int, end: int | None) -> bytes:
            source.seek(start)
            return source.read() if end is None else source.read(end - start)

    out = io.BytesIO()
    position = 0
    for start, end in drops:
        out.write(read(position, start))
        position = end
    out.write(read(position, None))
    return out.getvalue()


def _scan(scan: _Scan, chunks: Iterator[bytes]) -> None:
    leftover = b""
    offset = 0  # absolute offset of buf[0]
    first = True
    pending = next(chunks, None)
    while pending is not None:
        following = next(chunks, None)
        eof = following is None
        buf = leftover + pending
        pending = following
        if first:
            first = False
            if buf.startswith(BOM):  # kept in the output; "^" must see the first line
                buf, offset = buf[len(BOM) :], len(BOM)
        cut = len(buf) if eof else _last_line_start(buf)
        if cut is None or cut == 0:
            leftover = buf  # no complete line yet
            continue
        cut = _region(scan, buf, cut, offset, eof)
        leftover = buf[cut:]
        offset += cut
    if scan.stack or scan.calendars != 1 or scan.closed is None:
        raise _Doubt("the file ends early or has no calendar")
    if leftover.strip(b"\r\n"):
        raise _Doubt("something after END:VCALENDAR")


def _last_line_start(buf: bytes) -> int | None:
    """Where the last complete logical line ends (the next is known not to be a fold)."""
    index = buf.rfind(b"\n")
    while index >= 0:
        if index + 1 < len(buf) and buf[index + 1] not in b" \t":
            return index + 1
        index = buf.rfind(b"\n", 0, index)
    return None


def _region(scan: _Scan, buf: bytes, cut: int, offset: int, eof: bool) -> int:
    """Scan buf[:cut]; returns where the next region starts (an unfinished event waits)."""
    if _ODD_LINE.search(buf, 0, cut):
        raise _Doubt("a line the scanner cannot read like icalendar")
    valid = _utf8(buf[:cut])
    resume = cut
    for match in _INTERESTING.finditer(buf, 0, cut):
        name = match.group(1).upper()
        line_start = match.start()
        line_end = buf.find(b"\n", match.end(), cut)
        after = cut if line_end < 0 else line_end + 1
        folded = after < cut and buf[after] in b" \t"
        if name == b"BEGIN" or name == b"END":
            if folded:
                raise _Doubt("a folded BEGIN or END line")
            component = _component(buf, line_start, cut if line_end < 0 else line_end)
            if name == b"BEGIN":
                _begin(scan, component, buf, line_start, offset)
            else:
                _end(scan, component, buf, after, offset, valid)
            continue
        if scan.event is None or len(scan.stack) != 2:
            continue  # a VTIMEZONE's DTSTART, an alarm's DURATION: not the event's
        value = _logical_line(buf, match.end() - 1, after, folded, cut)
        scan.event.props.setdefault(name, []).append(value)
    if scan.closed is not None and buf[max(scan.closed - offset, 0) : cut].strip(b"\r\n"):
        raise _Doubt("something after END:VCALENDAR")
    if scan.event is not None and not eof:
        # An event runs past this chunk: read it again, whole, with the next one.
        resume = scan.event.start - offset
        scan.event = None
        del scan.stack[1:]
    return resume


def _component(buf: bytes, line_start: int, line_end: int) -> bytes:
    """The component name of a BEGIN/END line that ends at ``line_end`` (its \\n or the end)."""
    match = _COMPONENT.fullmatch(buf, line_start, line_end)
    if match is None:
        raise _Doubt("a BEGIN or END line with parameters or spaces")
    return match.group(1).upper()


def _begin(scan: _Scan, component: bytes, buf: bytes, line_start: int, offset: int) -> None:
    depth = len(scan.stack)
    if depth == 0:
        stray = buf[:line_start].strip(b"\r\n")
        if component != b"VCALENDAR" or scan.calendars or stray:
            raise _Doubt("not exactly one VCALENDAR at the start")
        scan.calendars += 1
    elif component == b"VCALENDAR" or (component == b"VEVENT" and depth != 1):
        raise _Doubt("a nested VCALENDAR or VEVENT")
    elif depth == 1 and component == b"VEVENT":
        scan.event = _Event(offset + line_start)
    elif depth == 2 and scan.event is not None:
        scan.nested_start = line_start
    scan.stack.append(component)


def _end(scan: _Scan, component: bytes, buf: bytes, after: int, offset: int, valid: bool) -> None:
    if not scan.stack or scan.stack[-1] != component:
        raise _Doubt("END without its BEGIN")
    scan.stack.pop()
    depth = len(scan.stack)
    if depth == 0:
        scan.closed = offset + after
    elif depth == 2 and scan.event is not None:
        scan.event.nested.append((scan.nested_start, after))
    elif depth == 1 and scan.event is not None:
        event, scan.event = scan.event, None
        scan.events += 1
        _finish(scan, event, buf, offset + after, offset, valid)


def _logical_line(buf: bytes, begin: int, after: int, folded: bool, cut: int) -> bytes:
    """The rest of a property line after its name, unfolded, without the line break."""
    if not folded:
        line = buf[begin:after]
    else:
        end = after
        while end < cut and buf[end] in b" \t":
            next_break = buf.find(b"\n", end, cut)
            end = cut if next_break < 0 else next_break + 1
        line = _FOLD.sub(b"", buf[begin:end])
    if line.endswith(b"\n"):
        line = line[:-1]
    if line.endswith(b"\r"):
        line = line[:-1]
    return line


def _utf8(data: bytes) -> bool:
    """Whether ``data`` decodes as UTF-8 once unfolded (a fold may split a character)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            _FOLD.sub(b"", data).decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def _finish(scan: _Scan, event: _Event, buf: bytes, end: int, offset: int, valid: bool) -> None:
    """Decide about one complete top-level VEVENT: count its UID, maybe drop it."""
    uid, short = _uid_key(event.props.get(b"UID"))
    if uid is not None:
        scan.uids[uid] = scan.uids.get(uid, 0) + 1
    try:
        if uid is None or not short or not _droppable(scan, event.props):
            return
    except (ValueError, OverflowError):  # an impossible date: icalendar will say so
        return
    if any(not _nested_ok(buf[start:stop]) for start, stop in event.nested):
        return
    if not valid and not _utf8(buf[event.start - offset : end - offset]):
        scan.transcode = True
    scan.drops.append((event.start, end, uid))


def _uid_key(lines: list[bytes] | None) -> tuple[bytes | None, bool]:
    """A coarse key (UIDs icalendar reads as equal get equal keys) and whether it may drop."""
    if not lines or len(lines) != 1:
        return None, False
    split = _split(lines[0])
    if split is None:
        return None, False
    key = split[1].translate(None, _UID_DELETE)
    if not key or key.startswith(b"o-uid-"):  # empty, or like parse's "no-uid-…" names
        return None, False
    return key, len(split[1]) <= _LONG_UID


def _droppable(scan: _Scan, props: dict[bytes, list[bytes]]) -> bool:
    if any(name in props for name in _ALWAYS_KEPT):
        return False
    starts, ends, durations = props.get(b"DTSTART"), props.get(b"DTEND"), props.get(b"DURATION")
    if not starts or len(starts) != 1 or (ends and durations):
        return False
    if (ends and len(ends) != 1) or (durations and len(durations) != 1):
        return False
    start = _moment(starts[0])
    if start is None:
        return False
    moment, is_date = start
    if ends:
        end_value = _moment(ends[0])
        if end_value is None:
            return False
        finish = end_value[0]
    elif durations:
        duration = _duration(durations[0])
        if duration is None:
            return False
        finish = moment + duration
    else:
        finish = moment + timedelta(days=1) if is_date else moment
    low, high = min(moment, finish), max(moment, finish)
    return high < scan.lo or low > scan.hi


def _split(line: bytes) -> tuple[bytes, bytes] | None:
    """(parameters, value) of the text after a property name, as icalendar splits it."""
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


def _moment(line: bytes) -> tuple[datetime, bool] | None:
    """A DTSTART/DTEND as a naive datetime and whether it is a date; None when unsure."""
    split = _split(line)
    if split is None:
        return None
    params, value = split
    match = _MOMENT.fullmatch(value)
    if match is None:
        return None
    kind = _VALUE_PARAM.search(params)
    is_date = match.group(4) is None
    if kind is not None:
        wanted = kind.group(1).strip().upper()
        if wanted not in (b"DATE", b"DATE-TIME") or (wanted == b"DATE") != is_date:
            return None
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups()[:6])
    # ValueError (Feb 30) goes up: the caller keeps the event and icalendar reports it.
    return datetime(year, month, day, hour, minute, second), is_date


def _duration(line: bytes) -> timedelta | None:
    split = _split(line)
    if split is None or split[0]:
        return None
    return _duration_value(split[1])


@lru_cache(maxsize=1024)
def _duration_value(value: bytes) -> timedelta | None:
    """DURATION exactly as icalendar reads it (None when it would not)."""
    from icalendar.prop import vDDDTypes

    try:
        parsed = vDDDTypes.from_ical(value.decode("ascii"))
    except Exception:
        return None
    return parsed if isinstance(parsed, timedelta) else None


@lru_cache(maxsize=4096)
def _nested_ok(block: bytes) -> bool:
    """Whether icalendar reads a nested component (an alarm) without raising.

    Alarms are strict in icalendar: one bad line in one makes the whole file fail,
    so an event is dropped only when its alarms read cleanly. Google repeats the
    same few alarm texts, so the answers are cached.
    """
    import icalendar

    try:
        icalendar.Calendar.from_ical(block.decode("utf-8", errors="replace"), multiple=True)
    except Exception:
        return False
    return True
