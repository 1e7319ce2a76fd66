"""Who is in a meeting: attendee lines normalised, the owner's answer, customer domains.

Calendars write people in many ways (``MAILTO:Jane@X.com``, ``urn:uuid:…`` with
an ``EMAIL=`` parameter, the same person twice, rooms without ``CUTYPE``). The
rest of Tipoff sees one form: lower-cased addresses, de-duplicated, with a kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from core.calendars.freemail import is_calendar_system, is_free_mail

_KINDS = {"ROOM": "room", "RESOURCE": "resource", "GROUP": "group"}
_ADDRESS = re.compile(r"[^@\s<>\"',;:]+@[^@\s<>\"',;:]+")
_ROOM_DOMAINS = ("resource.calendar.google.com",)


def as_list(value: Any) -> list[Any]:
    """icalendar gives one value or a list, depending on how often a property occurs."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def address_of(prop: Any) -> str | None:
    """The e-mail address of an ATTENDEE/ORGANIZER value, or None when it has none."""
    params = getattr(prop, "params", {}) or {}
    candidates = [str(params.get("EMAIL", "")), str(prop)]
    for raw in candidates:
        value = raw.strip().strip('"').lower()
        if value.startswith("mailto:"):
            value = value[len("mailto:") :]
        elif ":" in value:  # urn:uuid:…, invalid:nomail, sip:… — not an address
            continue
        if _ADDRESS.fullmatch(value):
            return value
    return None


def _entry(prop: Any, *, partstat_default: str) -> dict[str, str] | None:
    email = address_of(prop)
    if email is None:
        return None
    params = getattr(prop, "params", {}) or {}
    kind = _KINDS.get(str(params.get("CUTYPE", "")).upper(), "person")
    if kind == "person" and email.endswith(_ROOM_DOMAINS):
        kind = "room"
    return {
        "email": email,
        "name": str(params.get("CN", "")).strip().strip('"'),
        "kind": kind,
        "partstat": str(params.get("PARTSTAT", "")).upper() or partstat_default,
    }


def normalise(attendees: Any, organizer: Any) -> list[dict[str, str]]:
    """ATTENDEE lines plus the organizer, one entry per address, in file order.

    The organizer is listed too (it is often the customer who invited us); unless
    it also has an ATTENDEE line, its answer is ACCEPTED, as RFC 5545 implies.
    """
    people: dict[str, dict[str, str]] = {}
    entries = [_entry(p, partstat_default="NEEDS-ACTION") for p in as_list(attendees)]
    entries.append(_entry(organizer, partstat_default="ACCEPTED") if organizer else None)
    for entry in entries:
        if entry is None:
            continue
        known = people.get(entry["email"])
        if known is None:
            people[entry["email"]] = entry
            continue
        if not known["name"]:
            known["name"] = entry["name"]
        if known["kind"] == "person":
            known["kind"] = entry["kind"]
    return list(people.values())


def owner_declined(attendees: Any, owner_addresses: frozenset[str]) -> bool:
    """True when every ATTENDEE line that is the owner says DECLINED.

    Read per occurrence: an override carries its own ATTENDEE lines, so one
    accepted occurrence of a declined series is kept.
    """
    answers = [
        str((getattr(p, "params", {}) or {}).get("PARTSTAT", "")).upper()
        for p in as_list(attendees)
        if address_of(p) in owner_addresses
    ]
    return bool(answers) and all(answer == "DECLINED" for answer in answers)


def _within(domain: str, own: str) -> bool:
    return domain == own or domain.endswith("." + own) or own.endswith("." + domain)


def external_domains(people: Iterable[dict[str, str]], own_domains: frozenset[str]) -> list[str]:
    """Attendee domains outside the owner's company, free mail and calendar systems."""
    found: set[str] = set()
    for person in people:
        if person["kind"] in ("room", "resource"):
            continue
        domain = person["email"].rsplit("@", 1)[1]
        if (
            is_free_mail(domain)
            or is_calendar_system(domain)
            or any(_within(domain, own) for own in own_domains)
        ):
            continue
        found.add(domain)
    return sorted(found)
