"""Pre-selection: hand the parser only the parts of a feed that can matter for the window.

Why: a real feed (Google's secret address, an Outlook publication) carries every
event the person ever had, ten years and several MB of them, while a sync keeps
what falls in the next two weeks. Parsing everything with icalendar costs
seconds; this scanner reads the raw bytes line by line (regular expressions over
chunks of a temporary file, unfolding as RFC 5545 says) and drops the events
that cannot meet the window, before icalendar sees anything. The result
is the same file minus whole ``VEVENT`` blocks, byte for byte, so what remains
is parsed exactly as before.

Kept, always: every ``VEVENT`` with ``RRULE``, ``RDATE``, ``EXRULE`` or ``EXDATE``,
every other component (``VTIMEZONE`` …) and every calendar property
(``X-WR-TIMEZONE`` …). A ``VEVENT`` is left out only when all of this holds
(``preselect_rules``), otherwise it is kept:

- exactly one ``DTSTART`` in the strict ``DATE``/``DATE-TIME`` forms, at most one of
  ``DTEND`` (same forms) or ``DURATION`` (read by icalendar itself), real dates;
- its span (with the library's defaults without an end) is more than
  ``MARGIN`` (3 days) away from the window, reading every time as if it were UTC:
  a time zone, a floating time or X-WR-TIMEZONE moves it by less than a day, and
  the parser's own slack is one day;
- a single event: exactly one short ``UID`` that no other ``VEVENT`` of the file
  shares (compared coarsely, so two UIDs icalendar would see as equal always
  count as shared);
- an override (``RECURRENCE-ID``): the occurrence it replaces is out of the window
  as well, it has no ``RANGE``, it is not the first ``VEVENT`` of its UID (whose
  summary names the series in problems) and a master with ``RRULE``/``RDATE`` has
  exactly its UID, so the series stays a series and nothing it changes is seen;
- its nested components (``VALARM``) are read by icalendar without error, since a
  broken alarm makes icalendar reject the whole file.

Anything the scanner does not fully understand (no single ``VCALENDAR``, a file
that ends early, a ``BEGIN``/``END`` that is folded, padded or unbalanced, a line
that is not ``NAME;…`` or ``NAME:…`` in capitals, a nested ``VEVENT``) makes ``select`` return
None and the caller parses the whole file, as it always did. A file that is not
UTF-8 outside the kept part is re-encoded so it decodes as the whole file would.
The property test in tests/calendars/test_preselect.py compares both paths.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, TYPE_CHECKING

from core.calendars.preselect_rules import (
    MARGIN,
    OVERRIDE,
    Days,
    Verdict,
    coarse_key,
    is_master,
    judge,
    uid_value,
)

if TYPE_CHECKING:
    from core.calendars.parse import Window

__all__ = ["BOM", "CHUNK_BYTES", "MARGIN", "Selection", "select"]

CHUNK_BYTES = 1 << 20
BOM = b"\xef\xbb\xbf"

# The lines the scanner reads, found by their line break (so the regular expression
# engine can skip ahead); a continuation line starts with a space and never matches.
# Groups: BEGIN/END and the component; or a property name, the rest of its line
# and the space or tab that continues it on the next line.
_LINE = re.compile(
    rb"\n(?:(BEGIN|END):([A-Za-z0-9-]+)\r?(?=\n)"
    rb"|(DTSTART|DTEND|DURATION|UID|RRULE|RDATE|EXRULE|EXDATE|RECURRENCE-ID)([;:][^\n]*)"
    rb"(?=\n([ \t])?))"
)  # the line break after a line is only looked at: it starts the next one
# A line icalendar might read differently from this scanner: not "NAME;" or "NAME:"
# in capitals (a folded, padded or lower-case name, a stray character), or a blank
# line before a continuation (icalendar unfolds across it); and a BEGIN or END line
# that is not exactly "BEGIN:NAME" (parameters, spaces, folded).
_ODD_LINE = re.compile(rb"\n(?:(?![ \t]|[A-Z0-9-]+[;:]|\r?\n|\r?\Z)|\r?\n[ \t])")
_ODD_BOUNDARY = re.compile(rb"\n(?:BEGIN|END)(?!:[A-Za-z0-9-]+\r?\n(?![ \t]))")
_FOLD = re.compile(rb"\r?\n[ \t]")


class _Doubt(Exception):
    """The file has something the scanner does not fully understand: parse it whole."""


@dataclass
class Selection:
    """What ``select`` found: the kept bytes and how many VEVENTs were left out."""

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
    days: Days
    stack: list[bytes] = field(default_factory=list)
    calendars: int = 0
    closed: int | None = None  # absolute offset after END:VCALENDAR
    event: _Event | None = None
    nested_start: int = 0
    drops: list[tuple[int, int, Verdict]] = field(default_factory=list)
    shared: dict[bytes, int] = field(default_factory=dict)  # coarse UID key → VEVENTs
    seen: set[bytes] = field(default_factory=set)  # exact UIDs met so far
    masters: set[bytes] = field(default_factory=set)  # exact UIDs with RRULE/RDATE
    events: int = 0
    transcode: bool = False  # a dropped part is not UTF-8: the whole file decodes as cp1252


def select(
    source: bytes | IO[bytes], window: Window, *, chunk_bytes: int = CHUNK_BYTES
) -> Selection | None:
    """The feed without the events that cannot meet ``window``; None when in doubt.

    ``source`` is the whole feed or a seekable binary file holding it (read in
    chunks from its start; the caller keeps ownership).
    """
    scan = _Scan(Days.around(window.start, window.end))
    try:
        _scan(scan, _chunks(source, chunk_bytes))
    except _Doubt:
        return None
    drops = [(start, end) for start, end, verdict in scan.drops if _goes(scan, verdict)]
    data = _without(source, drops)
    if scan.transcode:  # decode the rest as the whole file would be decoded (reading.decode)
        data = data.removeprefix(BOM).decode("cp1252", errors="replace").encode("utf-8")
    return Selection(data, scan.events, len(drops))


def _goes(scan: _Scan, verdict: Verdict) -> bool:
    if verdict.kind == OVERRIDE:
        return verdict.key in scan.masters
    return scan.shared.get(verdict.key, 0) == 1


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
    """Feed the chunks through ``_region``; every buffer starts with the line break
    before its first line (a virtual one at the start of the file)."""
    pending = next(chunks, None)
    if pending is None:
        raise _Doubt("empty")
    offset = -1  # absolute offset of buf[0]
    if pending.startswith(BOM):  # kept in the output; the scanner starts after it
        pending, offset = pending[len(BOM) :], len(BOM) - 1
    leftover = b"\n"
    while pending is not None:
        following = next(chunks, None)
        eof = following is None
        buf = leftover + pending
        pending = following
        if eof and not buf.endswith(b"\n"):
            buf += b"\n"  # the last line ends like every other (not part of the output)
        cut = len(buf) if eof else _last_line_start(buf)
        if cut is None:
            leftover = buf  # no complete line yet
            continue
        resume = _region(scan, buf, cut, offset, eof)
        leftover = buf[resume - 1 :]
        offset += resume - 1
    if scan.stack or scan.calendars != 1 or scan.closed is None:
        raise _Doubt("the file ends early or has no calendar")


def _last_line_start(buf: bytes) -> int | None:
    """Where the last complete logical line ends (the next is known not to be a fold)."""
    index = buf.rfind(b"\n")
    while index > 0:
        if index + 1 < len(buf) and buf[index + 1] not in b" \t":
            return index + 1
        index = buf.rfind(b"\n", 0, index)
    return None


def _region(scan: _Scan, buf: bytes, cut: int, offset: int, eof: bool) -> int:
    """Scan buf[:cut]; returns where the next region starts (an unfinished event waits)."""
    if _ODD_LINE.search(buf, 0, cut) or _ODD_BOUNDARY.search(buf, 0, cut):
        raise _Doubt("a line the scanner cannot read like icalendar")
    valid = _utf8(buf[:cut])
    stack = scan.stack
    event = scan.event
    for match in _LINE.finditer(buf, 0, cut):
        boundary, component, name, rest, folded = match.groups()
        if boundary is None:
            if event is not None and len(stack) == 2:
                if folded is not None:
                    rest = _unfolded(buf, match.start(4), cut)
                elif rest[-1:] == b"\r":
                    rest = rest[:-1]
                if b"\r" in rest:  # icalendar keeps a lone CR in the value: not ours to read
                    raise _Doubt("a carriage return inside a line")
                event.props.setdefault(name, []).append(rest)
            continue
        component = component.upper()
        if boundary == b"BEGIN":
            depth = len(stack)
            if depth == 1 and component == b"VEVENT":
                event = scan.event = _Event(offset + match.start() + 1)
            elif depth == 2 and event is not None:
                scan.nested_start = match.start() + 1
            elif depth == 0:
                _open_calendar(scan, component, buf, match.start())
            if (component == b"VCALENDAR" and depth) or (component == b"VEVENT" and depth != 1):
                raise _Doubt("a nested VCALENDAR or VEVENT")
            stack.append(component)
            continue
        if not stack or stack[-1] != component:
            raise _Doubt("END without its BEGIN")
        stack.pop()
        depth = len(stack)
        if depth == 2 and event is not None:
            event.nested.append((scan.nested_start, match.end() + 1))
        elif depth == 1 and event is not None:
            scan.event = None
            scan.events += 1
            _finish(scan, event, buf, offset + match.end() + 1, offset, valid)
            event = None
        elif depth == 0:
            scan.closed = offset + match.end() + 1
    if scan.closed is not None and buf[max(scan.closed - offset, 0) : cut].strip(b"\r\n"):
        raise _Doubt("something after END:VCALENDAR")
    if event is not None and not eof:
        # An event runs past this chunk: read it again, whole, with the next one.
        scan.event = None
        del stack[1:]
        return event.start - offset
    return cut


def _open_calendar(scan: _Scan, component: bytes, buf: bytes, line_break: int) -> None:
    if component != b"VCALENDAR" or scan.calendars or buf[:line_break].strip(b"\r\n"):
        raise _Doubt("not exactly one VCALENDAR at the start")
    scan.calendars += 1


def _unfolded(buf: bytes, begin: int, cut: int) -> bytes:
    """A property line from ``begin`` with its continuation lines joined."""
    end = buf.find(b"\n", begin, cut) + 1
    while 0 < end < cut and buf[end] in b" \t":
        next_break = buf.find(b"\n", end, cut)
        end = cut if next_break < 0 else next_break + 1
    line = _FOLD.sub(b"", buf[begin:end])
    return line.rstrip(b"\n").removesuffix(b"\r")


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
    """Count one complete top-level VEVENT's UID and note the condition to leave it out."""
    props = event.props
    uid = uid_value(props.get(b"UID"))
    seen = uid is not None and uid in scan.seen
    if uid is not None:
        key = coarse_key(uid)
        scan.shared[key] = scan.shared.get(key, 0) + 1
        scan.seen.add(uid)
        if is_master(props):
            scan.masters.add(uid)
    verdict = judge(props, scan.days, seen)
    if verdict is None:
        return
    if any(not _nested_ok(buf[start:stop]) for start, stop in event.nested):
        return
    if not valid and not _utf8(buf[event.start - offset : end - offset]):
        scan.transcode = True
    scan.drops.append((event.start, end, verdict))


@lru_cache(maxsize=4096)
def _nested_ok(block: bytes) -> bool:
    """Whether icalendar reads a nested component (an alarm) without raising.

    Alarms are strict in icalendar: one bad line in one makes the whole file fail,
    so an event is left out only when its alarms read cleanly. Google repeats the
    same few alarm texts, so the answers are cached.
    """
    import icalendar

    try:
        icalendar.Calendar.from_ical(block.decode("utf-8", errors="replace"), multiple=True)
    except Exception:
        return False
    return True
