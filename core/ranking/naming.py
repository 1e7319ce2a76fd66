"""Which customers the team knows a meeting is about, when no one from them attends.

A title says "Brembati pre-call" with the reseller, an internal "AP handover" is
described "… what we sold Ashworth Pryce". ``brief.meeting_profile`` asks here only
when no one from a customer the team has tips for comes; the organisations found are
the ones the team's tips are written for (``retrieval.orgs_named_in``).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from core.fulltext import matching_tip_ids
from core.models import Meeting, Tip, TipOrg, TipStatus
from core.ranking import lexicon, orgs, retrieval
from core.ranking.attendees import person_names
from core.ranking.overlap import proper_names
from core.ranking.text import STOP_WORDS, fold

# An internal meeting's description may name the customer its title abbreviates; only its
# full name counts there, since a description also mentions places and people in passing,
# and only one customer: a description naming several is a pipeline or an agenda.
DESCRIPTION_READ = 400


def customers_named(session: Session, meeting: Meeting, attending: set[str]) -> set[str]:
    """The known customers the title and location name, else the description.

    With no one from outside, the title and location (else the description) may name the
    customer. An outsider the team has written no tip for (a reseller, a consultant) may
    come about a customer the team knows ("Brembati pre-call" with the reseller): then only
    the title and location count, and the description only when the title says the
    meeting prepares another ("Voorbespreking" with the engineering firm, described
    "before the meeting with Delta Ammoniak"). Otherwise a description that names a known
    customer next to a stranger is more often a referral or a reference ("Referral from
    Joanne at Greaves Lomax") than the meeting's subject. A title word that is the surname
    of someone who attends names that person ("Sync Fischer / Hofmann" with Thomas Fischer),
    not the customer Fischer Innenausbau. Of the location, only the venue counts (``venue``).
    """
    where = orgs.without_rooms(venue(meeting.location or ""))
    text = f"{meeting.title or ''} , {where}"
    people = {last for _, last in person_names(meeting)}
    keys = orgs.title_keys(text) - _own_names(attending, text) - people
    named = retrieval.orgs_named_in(session, keys)
    if named or not meeting.description or (attending and not _prepares(meeting)):
        return named
    keys = orgs.title_keys(meeting.description[:DESCRIPTION_READ])
    found = retrieval.orgs_named_in(session, keys, short_names=False)
    return found if len(found) == 1 else set()  # several: a pipeline, an agenda


def venue(location: str) -> str:
    """The place a location names before its address: "Café Mokxa, Lyon 2e" is a café, and
    Lyon, where it stands, names no customer (not Sainte-Marthe Lyon); "Albor, Málaga" is
    Albor's."""
    return location.split(",", 1)[0]


def title_names_one(session: Session, meeting: Meeting) -> bool:
    """Whether the title alone names a customer the team has tips for."""
    return bool(retrieval.orgs_named_in(session, orgs.title_keys(meeting.title or "")))


def _prepares(meeting: Meeting) -> bool:
    """Whether the title says the meeting prepares another ("Vorbesprechung", "Pre-call")."""
    return bool(lexicon.facet_hits(fold(meeting.title or "")).get("internal:prep"))


def _own_names(attending: set[str], text: str) -> set[str]:
    """The words of ``text`` that spell the name of a company that attends.

    "Ortopedia Garbin" at a meeting with ``ortopediagarbin.it`` names Garbin: its
    "Ortopedia" is not the short name of the team's customer ``ortopediazanardi.it``.
    """
    return {word for domain in attending for word in orgs.spelled_names(domain, text)}


# Tips read that mention an attending organisation the team wrote no tip for.
MENTIONS_READ = 50


def partner_tips(session: Session, attending: set[str]) -> dict[int, str]:
    """The one customer's tips that name an attending organisation the team wrote no tip
    for: tip id → the name they call it by.

    A reseller, an integrator or a consultant comes to a "Catch-up" or a "Sync Pontis /
    AdriaPay", and nothing in the meeting names a customer; but the team's tips for a
    customer name them ("Lignano buys through Nautisoft: never quote direct"). When the
    account tips naming the partner are all one customer's, the meeting is about working
    with the partner for that customer, and those tips fit it; the customer's other tips do
    not (across the sets, half of the tips naming the partner were judged to fit such
    meetings, one in seven of the customer's others). A partner that several customers'
    tips name could come about any of them, and the meeting does not say which.
    """
    found: dict[int, str] = {}
    for domain in sorted(attending):
        names = _names_of(domain)
        ids = matching_tip_ids(session, sorted(names), every_word=False, limit=MENTIONS_READ)
        if not ids:
            continue
        texts = session.exec(
            select(Tip.id, Tip.title, Tip.body)
            .where(col(Tip.id).in_(ids))
            .where(col(Tip.status) == TipStatus.active)
        )
        naming_it = {
            tip_id or 0: min(said, key=len)
            for tip_id, title, body in texts.all()
            if (said := names & orgs.title_keys(f"{title} {body}"))
        }
        rows = session.exec(
            select(TipOrg.tip_id, TipOrg.org).where(col(TipOrg.tip_id).in_(sorted(naming_it)))
        ).all()
        if len({org for _, org in rows}) == 1:
            found.update({tip_id: naming_it[tip_id] for tip_id, _ in rows})
    return found


def _names_of(domain: str) -> set[str]:
    """What a tip would call an organisation it has no tips of its own: its name key and the
    words of its name that are names (``overlap.proper_names``; "Helvetia" of
    helvetia-av.ch, not "Events" of stagecraft-events.de)."""
    return {orgs.name_key(domain)} | {w for w in proper_names(domain) if w not in STOP_WORDS}
