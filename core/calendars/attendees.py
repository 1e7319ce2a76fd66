"""Who is in a meeting: attendee lines normalised, the owner's answer, customer domains.

Calendars write people in many ways (``MAILTO:Jane@X.com``, ``urn:uuid:…`` with
an ``EMAIL=`` parameter, the same person twice, rooms without ``CUTYPE``). The
rest of Tipoff sees one form: lower-cased addresses, de-duplicated, with a kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from core.freemail import is_calendar_system, is_free_mail

_KINDS = {"ROOM": "room", "RESOURCE": "resource", "GROUP": "group"}
_ADDRESS = re.compile(r"[^@\s<>\"',;:]+@[^@\s<>\"',;:]+")
_ROOM_DOMAINS = ("resource.calendar.google.com",)


def as_list(value: Any) -> list[Any]:
    """icalendar gives one value or a list, depending on how often a property occurs."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _params(prop: Any) -> dict[str, Any]:
    params = getattr(prop, "params", None)
    return dict(params) if params else {}  # plain dict: keys are already upper-case


def address_of(prop: Any, params: dict[str, Any] | None = None) -> str | None:
    """The e-mail address of an ATTENDEE/ORGANIZER value, or None when it has none."""
    params = _params(prop) if params is None else params
    for raw in (str(params.get("EMAIL", "")), str(prop)):
        value = raw.strip().strip('"').lower()
        if value.startswith("mailto:"):
            value = value[len("mailto:") :]
        elif ":" in value:  # urn:uuid:…, invalid:nomail, sip:… — not an address
            continue
        if _ADDRESS.fullmatch(value):
            return value
    return None


def _entry(prop: Any, params: dict[str, Any], email: str, partstat: str) -> dict[str, str]:
    kind = _KINDS.get(str(params.get("CUTYPE", "")).upper(), "person")
    if kind == "person" and email.endswith(_ROOM_DOMAINS):
        kind = "room"
    name = str(params.get("CN", "")).strip().strip('"')
    return {"email": email, "name": name, "kind": kind, "partstat": partstat}


def people_of(
    attendees: Any, organizer: Any, owner_addresses: frozenset[str]
) -> tuple[list[dict[str, str]], bool]:
    """The occurrence's people (one entry per address, file order) and whether the owner declined.

    The organizer is listed too (it is often the customer who invited us); unless
    it also has an ATTENDEE line, its answer is ACCEPTED, as RFC 5545 implies.
    The owner declined when every ATTENDEE line that is the owner says DECLINED;
    this is read per occurrence, since an override carries its own lines.
    """
    entries: list[dict[str, str]] = []
    answers: list[str] = []
    for prop in as_list(attendees):
        params = _params(prop)
        email = address_of(prop, params)
        if email is None:
            continue
        partstat = str(params.get("PARTSTAT", "")).upper()
        if email in owner_addresses:
            answers.append(partstat)
        entries.append(_entry(prop, params, email, partstat or "NEEDS-ACTION"))
    if organizer is not None:
        params = _params(organizer)
        email = address_of(organizer, params)
        if email is not None:
            entries.append(_entry(organizer, params, email, "ACCEPTED"))
    people: dict[str, dict[str, str]] = {}
    for entry in entries:
        known = people.get(entry["email"])
        if known is None:
            people[entry["email"]] = entry
            continue
        if not known["name"]:
            known["name"] = entry["name"]
        if known["kind"] == "person":
            known["kind"] = entry["kind"]
    declined = bool(answers) and all(answer == "DECLINED" for answer in answers)
    return list(people.values()), declined


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
