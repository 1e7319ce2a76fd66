"""What a meeting is about, read from its calendar entry: the query side of a brief.

A meeting says who it is with (attendee domains; a company named in the title
when nobody external is invited), what kind of meeting it is (facets from the
title, description, location and the attendees' role addresses such as
``cfo@`` or ``einkauf@``), where it happens (in person or on a call), and
whether it is work at all (a dentist, a train, a focus block).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from core.models import Meeting
from core.ranking import embedding, language, lexicon, orgs
from core.ranking.attendees import (
    attendee_surnames,
    attendee_text,
    mask_people,
    person_names,
    private_guests,
    two_names_only,
)
from core.ranking.text import content_terms, fold

MEETING_FIELD_WEIGHTS = {
    "title": 0.9,
    "description": 0.6,
    "location": 0.5,
    "attendees": 0.5,
    "organisation": 0.7,
}
# Where a meeting happens when it does not happen in a room.
_VIRTUAL = re.compile(
    r"(?<![a-z])(zoom|teams|meet|webex|skype|gotomeeting|goto|whereby|jitsi|chime|ringcentral|"
    r"bluejeans|hangouts?|phone|tele(?:f|ph)on\w*|tilefon\w*|simi|simtal\w*|puhelin\w*|puhelu\w*|"
    r"zvans|skambut\w*|llamada|chamada|chiamata|trucada|appel|call|anruf|dial|einwahl|online|"
    r"video\w*|virtual|"
    r"remote|https?|www)(?![a-z])"
)
# Links (dial-in pages, video rooms) say nothing about what a meeting is about.
_LINK = re.compile(r"(?:https?://|www\.|mailto:)\S+", re.IGNORECASE)
LOCATION_ONLY_ONSITE = 0.5
# A sales 1:1 with no agenda goes through the pipeline: forecast tips fit it too, after the
# 1:1's own. An agenda says what it is about instead (leave, goals, training, an appraisal).
_BARE_ONE_ON_ONE = re.compile(r"(?<![a-z0-9])(?:one on one|jour ?fixe)(?![a-z0-9])")
AGENDA_FREE_FORECAST = 0.6
# A title with one of these says it is work ("Kessler SI prep"), whatever its description says.
_WORK_TITLE_GROUPS = lexicon.WORK_GROUPS | {"internal"}
_KIND_GROUPS = frozenset({"kind", "internal"})
# A review of one deal among colleagues: its title names what is sold and to whom, so a
# hotel or an airport there is the customer, not a trip ("Bid review - gara hotel Costa
# del Sol", "Bid review - Ege Havalimanı ihalesi").
_DEAL_REVIEWS = frozenset({"kind:bid_review", "kind:deal_desk"})
# Work words that personal errands share: one's own contract, renewal, service, insurance or car.
_ERRAND_WORDS = frozenset(
    {"kind:renewal", "kind:contract", "kind:service", "industry:financial", "industry:automotive"}
)
# A call the title or description marks urgent is a complaint or a breakdown (meeting side
# only, so a tip's "however urgent the need" is not: ``lexicon.offwork``).
URGENT, URGENT_IS = "said:urgent", "kind:support"
# A prospect met at a trade fair is at its first meeting (``meet_a_fair_contact``).
FAIR, FIRST_MEETING = "kind:event", "kind:discovery"
FAIR_MIN = 0.5
FAIR_CONTACT = 0.6
# How much each part of the meeting weighs in the word overlap.
TERM_FIELD_WEIGHTS = {"title": 1.0, "description": 0.7, "location": 0.4, "names": 0.4}


@dataclass
class MeetingProfile:
    orgs: set[str]  # registrable domains of the customers in the meeting
    orgs_from_title: bool  # no attendee domain: the customer was named in the title
    venue_orgs: set[str]  # customers whose name the location gives (whose site it is)
    org_terms: set[str]  # word stems of the customers' names
    facets: dict[str, float]
    setting: str  # "onsite" | "virtual" | "unknown"
    offwork: str | None  # "personal" | "home" | "travel" | "focus" | "company": no customer work
    terms: list[str]
    text: str  # what the embedding reads
    language: str = ""  # the text's (``core.ranking.language``)
    words_by_term: dict[str, str] = field(default_factory=dict)  # stem → a word, for reasons
    term_weights: dict[str, float] = field(default_factory=dict)  # stem → field weight
    name_terms: list[str] = field(default_factory=list)  # stems of the customers' names
    people: set[str] = field(default_factory=set)  # surname stems of the attendees from outside
    vector: np.ndarray | None = None
    # The attendees' own domains (``orgs.unit``): which unit of an organisation comes, so a
    # tip for one hospital of a shared domain stays with it (``orgs.same_account``).
    units: set[str] = field(default_factory=set)
    # Of ``orgs``, those some tip is written for: customers the team knows. Only the
    # database can say, so ``brief.meeting_profile`` fills it in.
    known_orgs: set[str] = field(default_factory=set)
    # Account tips that name an attending organisation the team wrote no tip for (a reseller
    # "Lignano buys through Nautisoft"): tip id → that name (``naming.partner_tips``).
    partner_tips: dict[int, str] = field(default_factory=dict)

    private_guests: bool = False  # private people come along with a colleague (a couple, a buyer)
    quiet: bool = False  # marked private or free (CLASS, TRANSP) in the calendar
    # Colleagues preparing something ("Prep", "Vorbereitung") or handing a customer over to
    # the people who deliver ("Übergabe Vertrieb → Professional Services").
    preparing: bool = False
    # The title or the place says off-work and the title says nothing about work
    # ("Electrician - wallbox", at home): who comes decides, not the words.
    plainly_offwork: bool = False
    series: str = ""  # what recurs: the series' UID, or the title without dates and numbers
    # Kinds usually held among colleagues that the meeting names although outsiders attend
    # ("Planungsgespräch" with the hospital and its kitchen planner): not in ``facets``.
    named_internal: dict[str, float] = field(default_factory=dict)
    # A 1:1 with no agenda is read as going through the pipeline too (AGENDA_FREE_FORECAST):
    # a guess, so its forecast tips only follow a tip for the 1:1 itself.
    forecast_assumed: bool = False

    @property
    def external(self) -> bool:
        """Someone from outside attends: another organisation (not merely named in the title),
        or private people met at work."""
        return (bool(self.orgs) and not self.orgs_from_title) or self.private_guests


def setting_of(meeting: Meeting, facets: dict[str, float]) -> str:
    location = fold(meeting.location or "")
    if location and _VIRTUAL.search(location):
        return "virtual"
    if location:
        return "onsite"
    if facets.get("setting:onsite", 0.0) >= 0.5:
        return "onsite"
    if _VIRTUAL.search(fold(meeting.title or "")):
        return "virtual"
    return "unknown"


def profile_meeting(meeting: Meeting, named_orgs: set[str] | None = None) -> MeetingProfile:
    """Everything the ranking needs from a meeting (no database access).

    ``named_orgs`` are customers found by name in the title (``brief.meeting_profile``):
    the meeting's customers when no one from outside comes, and next to the attendees'
    organisations when the team knows none of those.
    """
    domain_orgs = {orgs.registrable(d) for d in meeting.external_domains or [] if d}
    from_title = not domain_orgs and bool(named_orgs)
    customer = domain_orgs | set(named_orgs or ())
    org_words = " , ".join(
        " ".join(filter(None, [orgs.name_words(d), orgs.sector_hint(d)]))
        for d in (meeting.external_domains or [])
    )
    if from_title:
        org_words = " , ".join(orgs.name_words(o) for o in customer)
    title = meeting.title or ""
    description = _LINK.sub(" ", meeting.description or "")[:2000]
    location = meeting.location or ""
    # Names are who attends, not what it is about: "… mit Jason Price" is no price talk. (The
    # words keep them: a tip that names Dr. Oehme fits "Termin Dr. Oehme".)
    who = person_names(meeting)
    folded_title = fold(title)
    said = (mask_people(folded_title, who), mask_people(fold(description), who))
    folded = (*said, fold(location), fold(attendee_text(meeting)))
    hits = [dict(h) for h in _field_hits((*folded, fold(org_words)))]
    for field_hits in hits[:2]:  # the title and the description
        if urgent := field_hits.pop(URGENT, 0):
            field_hits[URGENT_IS] = field_hits.get(URGENT_IS, 0) + urgent
    fields = list(zip(hits, MEETING_FIELD_WEIGHTS.values(), strict=True))
    facets = lexicon.combine(fields)
    setting = setting_of(meeting, facets)
    if setting == "onsite":  # a room says less than "visit" in the title
        facets["setting:onsite"] = max(facets.get("setting:onsite", 0.0), LOCATION_ONLY_ONSITE)
    elif setting == "virtual":
        facets.pop("setting:onsite", None)
    guests = private_guests(meeting, domain_orgs)
    named_internal: dict[str, float] = {}
    forecast_assumed = False
    title_hits = fields[0][0]
    one_on_one = bool(_BARE_ONE_ON_ONE.search(folded_title))
    if not (domain_orgs or guests) and two_names_only(meeting, folded_title, who):
        # "Lena <> Markus": two colleagues, and not a word besides their names.
        weight = max(facets.get("kind:one_on_one", 0.0), MEETING_FIELD_WEIGHTS["title"])
        facets["kind:one_on_one"], one_on_one = weight, True
    if domain_orgs or guests:  # someone from outside attends: not a meeting among colleagues
        for name in lexicon.INTERNAL_KINDS:
            if name in facets:
                named_internal[name] = facets.pop(name)
    elif "kind:training" in title_hits and "kind:one_on_one" not in title_hits:
        # "Interne Schulung: CRM Forecast-Modul": a course colleagues take. What it teaches
        # is its subject, not the kind of meeting it is: no forecast review to brief.
        for name in lexicon.ROUTINE_INTERNAL_KINDS:
            facets.pop(name, None)
    elif one_on_one and not description.strip():
        forecast_assumed = "kind:forecast" not in facets
        facets["kind:forecast"] = max(facets.get("kind:forecast", 0.0), AGENDA_FREE_FORECAST)
    # A description says more than its title only when the title says nothing about work:
    # "TCO slide for the CFO", described "… incl. terminals", is not a trip to the airport.
    description_hits, location_hits = fields[1][0], fields[2][0]
    offwork = _offwork(title_hits | location_hits)
    if offwork and named_orgs and set(lexicon.of_groups(title_hits, _KIND_GROUPS)) - _ERRAND_WORDS:
        # "Bid review - Munich Airport tender", and the team has tips for munich-airport.de:
        # the airport (or the hotel) is a customer's name, not where one travels. Only with
        # a kind of meeting in the title ("Hotel Sacher - check-in" is a stay), and only for
        # a customer the team knows ("Zahnarzt Müller" at zahnarzt-mueller.de is a visit).
        offwork = _offwork({**_hits_without_names(said[0], named_orgs, title), **location_hits})
    if offwork == "travel" and _DEAL_REVIEWS.intersection(title_hits):
        offwork = None
    title_work = set(lexicon.of_groups(title_hits, _WORK_TITLE_GROUPS))
    at_home = "offwork:home" in title_hits | location_hits
    plainly_offwork = offwork is not None and (not title_work or at_home)
    # "Sync Sandra / Tobias", described "1:1 - Pipeline, Forecast, Urlaubsplanung": a
    # description that names a kind of meeting is an agenda, and a holiday is one item on it.
    described_kinds = set(lexicon.of_groups(description_hits, _KIND_GROUPS))
    if offwork is None and described_kinds <= _ERRAND_WORDS:
        if not title_work:
            offwork = _offwork(description_hits)
        elif title_work <= _ERRAND_WORDS:
            # "Rückruf Versicherung - Vertrag verlängern?", described "Kfz-Versicherung …
            # Vollkasko": a renewal, a contract or an insurance is also an errand's word, and
            # a description that says the errand is one's own says what the title does not.
            # Only one's own life counts here: "Ersatzwagen reserviert" also reads as a block.
            personal = _offwork(description_hits, _OWN)
            if personal:
                offwork, plainly_offwork = personal, True
    # "Kogler - finale Runde" with koglerbau.at: the title calls the customer by a shorter
    # name, which is the customer signal's business too, not a word of the topic; so are
    # the words that spell the name out ("Halden & Rowe" for haldenrowe.com).
    shorter = {
        w for o in customer for w in orgs.short_names(o, title) | orgs.spelled_names(o, title)
    }
    names = " ".join([*(orgs.name_words(o) for o in customer), *sorted(shorter)])
    org_terms = set(content_terms(names))
    location_keys = orgs.title_keys(location)
    # Words say *what* the meeting is about; *who* it is with is the customer signal.
    parts = [("title", title), ("description", description)]
    if setting != "virtual":
        parts.append(("location", location))
    term_weights: dict[str, float] = {}
    words_by_term: dict[str, str] = {}
    for name, part in parts:
        for word in fold(part).split():
            for term in content_terms(word):
                if term in org_terms:
                    continue
                words_by_term.setdefault(term, word)
                term_weights[term] = max(term_weights.get(term, 0.0), TERM_FIELD_WEIGHTS[name])
    terms = list(words_by_term)
    name_terms = [t for t in dict.fromkeys(content_terms(names)) if t not in words_by_term]
    for word in fold(names).split():
        for term in content_terms(word):
            words_by_term.setdefault(term, word)
            term_weights.setdefault(term, TERM_FIELD_WEIGHTS["names"])
    text = ". ".join(part for part in (title, description) if part.strip())
    return MeetingProfile(
        orgs=customer,
        units={orgs.unit(d) for d in meeting.external_domains or [] if d},
        orgs_from_title=from_title,
        venue_orgs={o for o in customer if orgs.name_key(o) in location_keys},
        org_terms=org_terms,
        facets=lexicon.of_groups(facets, lexicon.WORK_GROUPS),
        preparing=bool(
            {"internal:prep", "internal:handover"}.intersection(title_hits | description_hits)
        ),
        setting=setting,
        offwork=offwork,
        terms=terms,
        text=text,
        language=language.detect(text),
        words_by_term=words_by_term,
        term_weights=term_weights,
        name_terms=name_terms,
        people=attendee_surnames(meeting, domain_orgs, org_terms),
        private_guests=guests,
        plainly_offwork=plainly_offwork,
        named_internal=named_internal,
        forecast_assumed=forecast_assumed,
    )


def meet_a_fair_contact(profile: MeetingProfile) -> None:
    """A prospect met at a trade fair: this is the first real meeting with them.

    Someone from an organisation no tip is written for, in a meeting that reads as the fair
    ("Follow-up EuroShop", "Rückruf (Messekontakt)", "conosciuto allo stand"): the booth
    talk was the introduction, and what fits now is what fits a first meeting, beside the
    fair's own follow-up tips. ``profile.known_orgs`` must be set (``brief`` reads it).
    """
    prospect = profile.external and profile.orgs and not profile.known_orgs
    if prospect and not profile.offwork and profile.facets.get(FAIR, 0.0) >= FAIR_MIN:
        profile.facets[FIRST_MEETING] = max(profile.facets.get(FIRST_MEETING, 0.0), FAIR_CONTACT)


@lru_cache(maxsize=4096)
def _field_hits(folded: tuple[str, ...]) -> tuple[Mapping[str, int], ...]:
    """The lexicon's cues in each of a meeting's fields, kept by the fields' text.

    A meeting's brief is ranked again and again (the page, the push, the mail, the
    scheduler), and scanning its text for every facet's cues is a fifth of a brief's time;
    the scan depends on nothing but the text. Read-only views: the cache is shared.
    """
    return tuple(MappingProxyType(h) for h in lexicon.facet_hits_per_field(list(folded)))


def _hits_without_names(folded_title: str, customer: set[str], title: str) -> Mapping[str, int]:
    """The title's cues once the words that spell a customer's name are taken out."""
    names = {w for o in customer for w in orgs.spelled_names(o, title)}
    names |= {orgs.name_key(o) for o in customer}
    kept = " ".join(w for w in folded_title.split() if w not in names)
    return _field_hits((kept,))[0]


_OFFWORK_ORDER = ("focus", "travel", "personal", "home", "company")
_OWN = ("personal", "home")  # one's own errands and home, not a trip or a block


def _offwork(hits: Mapping[str, int], kinds: tuple[str, ...] = _OFFWORK_ORDER) -> str | None:
    for kind in kinds:
        if hits.get(f"offwork:{kind}"):
            return kind
    return None


def embed(profile: MeetingProfile) -> np.ndarray:
    if profile.vector is None:
        profile.vector = embedding.encode_one(profile.text) if profile.text else None
    return profile.vector if profile.vector is not None else np.zeros(embedding.DIMENSIONS)
