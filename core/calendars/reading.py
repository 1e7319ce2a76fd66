"""Turn downloaded bytes into icalendar components, keeping what is readable.

A feed that breaks off mid-event (a truncated download) or has one unreadable
event must not cost the user every other meeting, so when the whole file does
not parse, it is split into its top-level blocks and each event is read on its
own. The result says whether the file was ``complete``: sync removes stored
meetings only on the strength of a complete file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import icalendar

from core.errors import InvalidInput

_BLOCK_LINE = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$", re.IGNORECASE)
_PROPERTY_LINE = re.compile(r"^[A-Za-z0-9-]+[;:]")
_UID_LINE = re.compile(r"^UID[;:](?:[^:]*:)?(.*)$", re.IGNORECASE)
_PROBLEM_LENGTH = 160
_FOLD = re.compile(rb"\r?\n[ \t]")
_BOM = b"\xef\xbb\xbf"


class NotACalendar(InvalidInput):
    """The bytes are not an iCalendar file at all (an HTML page, JSON, nothing)."""


@dataclass
class ReadResult:
    calendars: list[icalendar.Calendar]
    complete: bool = True
    problems: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    """Text of a feed: UTF-8 (with or without BOM), else Windows-1252 as Outlook writes it.

    Lines are unfolded on bytes first: some writers fold at 75 octets in the middle
    of a multi-byte character, which only decodes once the halves are joined.
    """
    data = _FOLD.sub(b"", data)
    if data.startswith(_BOM):  # also when the rest turns out not to be UTF-8
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.lstrip("\ufeff")


def require_calendar(text: str) -> None:
    start = text.lstrip()[:15].upper()
    if start.startswith("BEGIN:VCALENDAR"):
        return
    if not start:
        raise NotACalendar("the calendar link returned an empty file")
    shown = text.lstrip()[:30].splitlines()[0]
    looks = "a web page" if start.startswith("<") else f"{shown!r}"
    raise NotACalendar(
        f"this is not an iCalendar (.ics) file: it starts with {looks}. "
        "Copy the calendar's secret/private iCal address, not the page address."
    )


def read_calendars(data: bytes) -> ReadResult:
    """Parse a feed; on failure fall back to reading it block by block."""
    text = decode(data)
    require_calendar(text)
    if not text.rstrip().upper().endswith("END:VCALENDAR"):
        return salvage(text)  # cut off: icalendar would drop the unfinished calendar whole
    try:
        found = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError and friends on malformed input
        result = salvage(text)
        result.problems.insert(0, f"the file is malformed ({short(exc)}); read what was readable")
        return result
    calendars = [c for c in found if isinstance(c, icalendar.Calendar)]
    return ReadResult(calendars) if calendars else salvage(text)


def salvage(text: str) -> ReadResult:
    """Read each complete top-level block separately and skip the unreadable ones."""
    header, timezones, events, problems = _split_blocks(text)
    good: list[list[str]] = []
    for block in events:
        try:
            icalendar.Event.from_ical("\r\n".join(block))
        except Exception as exc:
            problems.append(f"an event{_uid_hint(block)} could not be read: {short(exc)}")
            continue
        good.append(block)
    zones = [b for b in timezones if _readable(b, icalendar.Timezone)]
    prefix = ["BEGIN:VCALENDAR", *header, *(line for zone in zones for line in zone)]
    whole = [*prefix, *(line for block in good for line in block), "END:VCALENDAR", ""]
    try:
        calendar = icalendar.Calendar.from_ical("\r\n".join(whole))
        return ReadResult([calendar], complete=False, problems=problems)
    except Exception:
        pass
    calendars = []
    for block in good:  # last resort: one calendar per event
        try:
            calendars.append(
                icalendar.Calendar.from_ical("\r\n".join([*prefix, *block, "END:VCALENDAR", ""]))
            )
        except Exception as exc:
            problems.append(f"an event{_uid_hint(block)} could not be read: {short(exc)}")
    return ReadResult(calendars, complete=False, problems=problems)


def _split_blocks(
    text: str,
) -> tuple[list[str], list[list[str]], list[list[str]], list[str]]:
    """Header lines, VTIMEZONE blocks and VEVENT blocks of a (possibly broken) file."""
    header: list[str] = []
    timezones: list[list[str]] = []
    events: list[list[str]] = []
    problems: list[str] = []
    stack: list[str] = []
    current: list[str] = []
    header_open = False  # whether the last header line was a property (for folded lines)
    for line in text.splitlines():
        match = _BLOCK_LINE.match(line)
        if match and match.group(1).upper() == "BEGIN":
            stack.append(match.group(2).upper())
            if len(stack) == 2:
                current = []
            if len(stack) >= 2:
                current.append(line)
            continue
        if match:  # END
            name = match.group(2).upper()
            if name not in stack:
                continue
            while stack and stack[-1] != name:  # a missing END inside: close it
                stack.pop()
            stack.pop()
            if len(stack) >= 1 and current:
                current.append(line)
            if len(stack) == 1 and current:
                kind = current[0].split(":", 1)[1].strip().upper()
                if kind == "VEVENT":
                    events.append(current)
                elif kind == "VTIMEZONE":
                    timezones.append(current)
                current = []
            continue
        if len(stack) == 1:
            if _PROPERTY_LINE.match(line):
                header.append(line)
                header_open = True
            elif line[:1] in (" ", "\t") and header_open:
                header.append(line)
            else:
                header_open = False
        elif len(stack) >= 2:
            current.append(line)
    if len(stack) >= 2:
        problems.append(
            f"the file ends in the middle of an event{_uid_hint(current)} "
            "(an interrupted download?); that event was skipped"
        )
    elif stack:
        problems.append("the file ends without END:VCALENDAR (an interrupted download?)")
    return header, timezones, events, problems


def _readable(block: list[str], kind: type[icalendar.Component]) -> bool:
    try:
        kind.from_ical("\r\n".join(block))
    except Exception:
        return False
    return True


def _uid_hint(block: list[str]) -> str:
    for line in block:
        match = _UID_LINE.match(line)
        if match:
            return f" (UID {match.group(1).strip()[:80]})"
    return ""


def short(exc: BaseException) -> str:
    """An exception as one short line (icalendar quotes whole lines of input)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= _PROBLEM_LENGTH else text[: _PROBLEM_LENGTH - 1] + "…"
