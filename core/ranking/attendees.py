"""What a meeting's attendee list says besides the customers' domains: role addresses
(``cfo@``, ``einkauf@``), the people from outside, private guests, and whose names the title
and description mention.

A person's name is who attends, never what the meeting is about: "Begehung mit Jason Price"
is a site survey, not a price talk, and "Helen Booth" brings no trade-fair stand.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from core.freemail import is_calendar_system, is_free_mail
from core.models import Meeting
from core.ranking import lexicon, orgs
from core.ranking.text import content_terms, fold

_ROOM_KINDS = {"room", "resource", "group"}
_LOCAL_SPLIT = re.compile(r"[._\-+]+")
# The first part of a shared mailbox's address: a department or a duty, not a given name
# (``support-escalations@``, ``office.services@``, ``ops.vp@``).
_MAILBOX_WORDS = frozenset(
    """info office sales support service services ops operations admin hr accounts billing
    finance procurement purchasing einkauf vertrieb verwaltung buero kontakt contact team
    helpdesk facilities estates property marketing events press legal quality qa logistics
    reception empfang technik it noreply no reply hello mail post kundenservice customer""".split()  # noqa: SIM905 - a word list reads better as text
)
# How a title or an agenda addresses someone by surname, in the languages the lexicon reads.
_HONORIFICS = "herrn?|frau|mrs?|ms|dr|pani?|sra?|senora?|signora?|sig|m|mme|monsieur|madame"


def _people(meeting: Meeting) -> list[dict[str, Any]]:
    return [a for a in meeting.attendees or [] if str(a.get("kind") or "person") not in _ROOM_KINDS]


@lru_cache(maxsize=50_000)
def _person(local: str) -> tuple[str, str] | None:
    """(first, last) when an address's local part reads as a person's: ``jason.price``,
    ``j.price``. A shared mailbox puts its department or duty first (``finance.team``,
    ``support-escalations``, ``qa.audit``): a first part the lexicon reads, a mailbox word
    or two letters is no given name."""
    parts = [fold(p) for p in _LOCAL_SPLIT.split(local)]
    if len(parts) != 2 or not all(p.isalpha() for p in parts):
        return None
    first, last = parts
    if len(last) < 3 or len(first) == 2 or first in _MAILBOX_WORDS or lexicon.facet_hits(first):
        return None
    return first, last


def person_names(meeting: Meeting) -> list[tuple[str, str]]:
    """(first, last) of every attendee whose address or display name is a person's."""
    found: list[tuple[str, str]] = []
    for attendee in _people(meeting):
        name = str(attendee.get("name") or "")
        if "," in name:  # "Price, Jason"
            last, _, first = name.partition(",")
            tokens = [*fold(first).split()[:1], *fold(last).split()[-1:]]
        else:
            tokens = fold(name).split()
        if len(tokens) >= 2:
            found.append((tokens[0], tokens[-1]))
            continue
        person = _person(str(attendee.get("email") or "").split("@", 1)[0])
        if person:
            found.append(person)
    return found


def mask_people(folded: str, names: list[tuple[str, str]]) -> str:
    """``folded`` with the attendees' names blanked where it uses them as names: first and
    last name together, or an honorific and the surname ("Herr Brandt", "Mr Price")."""
    if not names or not folded:
        return folded
    return _names_pattern(tuple(sorted(set(names)))).sub(" ", folded)


@lru_cache(maxsize=4096)
def _names_pattern(names: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    surnames = "|".join(sorted({re.escape(last) for _, last in names}, key=len, reverse=True))
    firsts = "|".join(sorted({re.escape(f) for f, _ in names if len(f) > 1}))
    before = f"{_HONORIFICS}|{firsts}" if firsts else _HONORIFICS
    return re.compile(rf"(?<![a-z0-9])(?:{before}) (?:{surnames})(?![a-z0-9])")


def attendee_text(meeting: Meeting) -> str:
    """Role-bearing parts of attendee addresses and names: ``it.director@`` → "it director".

    A person's address (``jason.price@``) bears no role, and their display name only in the
    words that are not their name."""
    parts: list[str] = []
    for attendee in _people(meeting):
        local = str(attendee.get("email") or "").split("@", 1)[0]
        name = str(attendee.get("name") or "")
        person = _person(local)
        if person:
            parts.append(" ".join(w for w in fold(name).split() if w not in person))
            continue
        tokens = _LOCAL_SPLIT.split(local)
        parts.append(" ".join("itdept" if t.lower() == "it" else t for t in tokens))
        parts.append(name)
    return " , ".join(p for p in parts if p.strip())


def attendee_surnames(meeting: Meeting, outside: set[str], skip: set[str]) -> set[str]:
    """Surname stems of the attendees from ``outside`` organisations, from name or address.

    ``j.moeller@`` and "Jens Möller" give "moeller"; a one-word address (``einkauf@``,
    ``office@``) is a role, not a person; a surname that is the customer's name says
    nothing more than the customer signal (``skip``).
    """
    found: set[str] = set()
    for attendee in _people(meeting):
        email = str(attendee.get("email") or "")
        local, _, domain = email.partition("@")
        if orgs.registrable(domain) not in outside:
            continue
        surname = _surname(str(attendee.get("name") or ""), local)
        if surname and len(surname) >= 3 and not surname.isdigit():
            found.update(t for t in content_terms(surname) if t not in skip)
    return found


def private_guests(meeting: Meeting, outside: set[str]) -> bool:
    """People with private addresses attend together with colleagues: a customer who is a
    private person (a wedding couple, a homeowner, a patient's family).

    Alone with private addresses, it is the seller's own life (a school play, the landlord);
    a colleague at the table makes it work. Without the owner's address, two in-house
    addresses stand for "the owner and a colleague". ``outside``: the customers' domains.
    """
    private = in_house = 0
    for attendee in _people(meeting):
        domain = str(attendee.get("email") or "").rpartition("@")[2]
        if not domain or is_calendar_system(domain):
            continue
        if is_free_mail(domain):
            private += 1
        elif orgs.registrable(domain) not in outside:
            in_house += 1
    return private > 0 and in_house >= 2


def _surname(name: str, local: str) -> str | None:
    if "," in name:  # "Möller, Jens"
        before = fold(name.split(",", 1)[0]).split()
        return before[-1] if before else None
    tokens = fold(name).split() or fold(" ".join(_LOCAL_SPLIT.split(local))).split()
    return tokens[-1] if len(tokens) >= 2 else None


def two_names_only(meeting: Meeting, folded_title: str, names: list[tuple[str, str]]) -> bool:
    """Two people, and a title that is nothing but their names (``names``, from
    ``person_names``): "Lena <> Markus", "Sophie / Callum". Among colleagues, that is how a
    one-on-one is written."""
    if len(_people(meeting)) != 2:
        return False
    parts = {part for pair in names for part in pair}
    words = folded_title.split()
    return bool(words) and all(w in parts or w in {"and", "und"} for w in words)
