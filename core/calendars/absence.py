"""Reading "out of office" from calendars: the spans in which briefs, debriefs and requests wait.

Recognised from what calendars really write:

- Outlook / Exchange: ``X-MICROSOFT-CDO-BUSYSTATUS:OOF`` on any event (timed or
  all-day), the status Outlook's "Out of office" choice exports;
- Google's out-of-office events, which export as events titled "Out of office"
  (or whatever the person typed), and every all-day block titled in the words
  people use for being away — "Out of office", "OOO", "vacation", "Urlaub",
  "Betriebsferien", "annual leave" … — matched with the ranking lexicon's cue
  syntax on folded text (``core.ranking.lexicon``, the same machinery its
  "personal, not work" detection uses), in English and German;
- a timed block of at least four hours with such a title ("OOO 9 to 5").

A cancelled event is not an absence. All-day dates are read in the owner's time
zone (a holiday on 24 December is the whole of their 24 December).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from core.ranking.lexicon import Facet
from core.ranking.text import fold

_CUES = """out of office, out of the office, ooo, oof, away=, vacation*, holiday*,
        day off, days off, off work, pto, annual leave, sick leave, sick day*, off sick, sick=,
        parental leave, maternity leave, paternity leave, leave=, on leave, time off, sabbatical,
        urlaub*, *urlaub, abwesend, abwesenheit*, nicht im buero, ausser haus, feiertag*,
        krank=, krankmeldung, krankgeschrieben, elternzeit, betriebsferien, ferien,
        brueckentag, gleittag, zeitausgleich, freier tag, frei=, conge*, vacances"""
AWAY = Facet("absence:away", "away", tuple(c.strip() for c in _CUES.split(",") if c.strip()))
LONG_ENOUGH = timedelta(hours=4)


@dataclass(frozen=True)
class AbsenceSpan:
    start: datetime
    end: datetime
    why: str


def says_away(title: str) -> bool:
    return bool(AWAY.pattern.search(fold(title))) if title.strip() else False


def _instant(value: date | datetime, zone: tzinfo) -> datetime:
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return moment.astimezone(UTC)
    return datetime.combine(value, time(0), tzinfo=zone).astimezone(UTC)


def of(component: Any, zone: tzinfo) -> AbsenceSpan | None:
    """The span the event marks its owner away, or None when it is not an absence."""
    if str(component.get("STATUS", "")).strip().upper() == "CANCELLED":
        return None
    try:
        start_value = component["DTSTART"].dt
    except (KeyError, AttributeError):
        return None
    all_day = not isinstance(start_value, datetime)
    if "DTEND" in component:
        end_value = component["DTEND"].dt
    elif "DURATION" in component:
        end_value = start_value + component["DURATION"].dt
    else:
        end_value = start_value + timedelta(days=1) if all_day else start_value
    start, end = _instant(start_value, zone), _instant(end_value, zone)
    if end <= start:
        return None
    title = str(component.get("SUMMARY", "") or "").strip()
    status = str(component.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).strip().upper()
    worded = says_away(title)
    if status == "OOF" or (worded and (all_day or end - start >= LONG_ENOUGH)):
        return AbsenceSpan(start, end, title[:200] or "Out of office")
    return None
