"""Which customer organisation a domain or a meeting title points at.

A tip's accounts and a meeting's attendee domains are compared by their
*registrable* domain (the part a company buys: ``mail.eu.acme.co.uk`` →
``acme.co.uk``), found with the Public Suffix List that ships inside the
``publicsuffixlist`` package (no network). So subdomains count in both
directions, and case never matters.

When a meeting has no external attendees, its title (and location) may still
name the customer: "Call with Acme", "Stark Health QBR", "Besuch Müller
Maschinenbau". The *name key* of an organisation is the first label of its
registrable domain, folded and without hyphens (``stark-health.org`` →
``starkhealth``); the words of a title are joined in runs of one to three
(``stark``, ``starkhealth``, …) and looked up against those keys.
"""

from __future__ import annotations

import re
from functools import lru_cache

from publicsuffixlist import PublicSuffixList

from core.ranking.text import STOP_WORDS, index_spellings, words

_PSL = PublicSuffixList()
MAX_RUN = 3
MIN_KEY = 3
MIN_SHORT_NAME = 4  # "Krause", "Halden"; shorter parts of a name are too often words
# Points of the compass and the like qualify a name ("Klinikum Nord", "FrischMarkt Süd") and
# name a region inside any company ("Vertrieb Süd", "Team Nord"): never a name on their own.
_QUALIFIERS = frozenset(
    {"nord", "sued", "ost", "west", "mitte", "nordost", "nordwest", "suedost", "suedwest",
     "north", "south", "east", "central", "northeast", "northwest", "southeast", "southwest"}
)  # fmt: skip
# Where a location names a room, the word after it is the room's name ("Raum Isar",
# "Sitzungszimmer Limmat", "meeting room Fjord"): rooms are named after rivers, seas and
# mountains, and so are customers.
_ROOM_WORDS = frozenset(
    {"raum", "besprechungsraum", "konferenzraum", "sitzungszimmer", "sitzungsraum",
     "meetingraum", "room", "boardroom", "saal"}
)  # fmt: skip
# Where a location says "office", the word beside it names which one: the team's own office
# in a town ("Büro Linz", "Leeds office", "Kantoor Mechelen", "biuro Warszawa", "Győr
# iroda") or a colleague's ("Büro Markus", "Henriks kontor").
_OFFICE_WORDS = frozenset(
    {"office", "buero", "bureau", "kantoor", "kontor", "kontoret", "kontori", "toimisto",
     "iroda", "ufficio", "oficina", "escritorio", "biuro", "kancelar", "kancelaria", "birou"}
)  # fmt: skip
# Labels under which only public bodies and schools register (second-level or deeper).
_PUBLIC_LABELS = frozenset({"gov", "gouv", "gob", "govt", "mil", "gv", "admin", "bund"})
_EDUCATION_LABELS = frozenset({"edu", "ac", "sch"})
# A name that says the firm advises others: ``energeticaconsult.it``, ``tap-advisory.co.uk``,
# ``quadrant-beratung.de``, ``energikonsultnord.se``. The words run together in a label,
# where the lexicon cannot read them.
_CONSULTANCY = re.compile(r"consult|advisor|advisory|adviser|beratung|berater|konsult")
# Legal forms people leave out when they name a company in a title ("Müller" for mueller-gmbh.de).
_LEGAL_FORMS = frozenset(
    {"gmbh", "ag", "kg", "ohg", "se", "ug", "mbh", "inc", "corp", "co", "llc", "ltd", "plc",
     "sa", "sas", "srl", "bv", "nv", "ab", "as", "oy", "group", "gruppe"}
)  # fmt: skip


def unit(domain: str) -> str:
    """The domain as given, folded: the unit of an organisation an account or a guest names."""
    return domain.strip().strip(".").lower()


@lru_cache(maxsize=20_000)
def registrable(domain: str) -> str:
    """``eu.Acme.com.`` → ``acme.com``; a bare suffix or junk comes back folded as given."""
    domain = unit(domain)
    return _PSL.privatesuffix(domain) or domain


def units_above(domain: str) -> list[str]:
    """``a.chvt.min-saude.pt`` → itself, ``chvt.min-saude.pt``, ``min-saude.pt``: every
    unit that holds it, down to its registrable domain."""
    labels = unit(domain).split(".")
    depth = len(registrable(domain).split("."))
    return [".".join(labels[i:]) for i in range(max(1, len(labels) - depth + 1))]


def same_account(account: str, domain: str) -> bool:
    """Whether someone at ``domain`` belongs to the customer a tip's ``account`` names.

    The registrable domain is the organisation, and a subdomain is one of its units. A tip
    written for a unit (``chvt.min-saude.pt``, one hospital) goes with that unit, the units
    under it and the organisation above it, never with a sibling unit
    (``hff.min-saude.pt``, another hospital): health services, ministries and universities
    give each customer its own subdomain under one shared domain.
    """
    a, d = unit(account), unit(domain)
    return a == d or a.endswith("." + d) or d.endswith("." + a)


@lru_cache(maxsize=20_000)
def _label_words(domain: str) -> tuple[str, ...]:
    """Cached: every candidate tip of a brief asks for its meeting's few organisations."""
    parts = words(registrable(domain).split(".", 1)[0])
    while len(parts) > 1 and parts[-1] in _LEGAL_FORMS:
        parts.pop()
    return tuple(parts)


def name_key(domain: str) -> str:
    """The key a title is matched against: ``stark-health.org`` → ``starkhealth``.

    Legal forms at the end are dropped: ``mueller-gmbh.de`` → ``mueller``.
    """
    return "".join(_label_words(domain))


def name_words(domain: str) -> str:
    """The organisation's name as words, for the lexicon: ``klinikum-nord.de`` → "klinikum nord"."""
    return " ".join(_label_words(domain))


def short_names(domain: str, text: str) -> set[str]:
    """Shorter names people may call the organisation by, before the generic ones are dropped.

    The words of a label of several words (``spedition-krause`` → "spedition", "krause"),
    only those ``text`` (what a tip for the account says) calls it by when it uses any: a
    town in the label (``kaiserhof-wien``) names every other meeting there, and the tips
    say "Kaiserhof". And the words of ``text`` that begin the label and make at least half
    of it: "Halden Bank's CFO …" for ``haldenbank.co.uk`` gives "halden"; so do two or
    three words of ``text`` that begin or end it, run together.
    ``core.ranking.index.org_names`` then drops ordinary words ("spedition").
    """
    key = name_key(domain)
    label = _label_words(domain)
    said = words(text)
    found = set(label) if len(label) > 1 else set()
    called = {w for w in found if any(s.startswith(w) for s in said)}
    found = (called or found) | {w for w in said if key.startswith(w) and 2 * len(w) >= len(key)}
    # A name of two or three words, run together at either end of the label: "Gouden Wiel"
    # for ``goudenwielkaas.nl``, "Colle Verde" for ``frantoiocolleverde.it`` (a trade's word
    # in front of the name, as "Molkerei" or "Hotel" often are).
    joined = {"".join(run) for run in _runs(said) if len(run) > 1}
    found |= {
        j for j in joined if (key.startswith(j) or key.endswith(j)) and 2 * len(j) >= len(key)
    }
    return {
        w
        for w in found
        if len(w) >= MIN_SHORT_NAME
        and w != key
        and w not in STOP_WORDS
        and w not in _QUALIFIERS
        and not w.isdigit()
    }


def spelled_names(domain: str, text: str) -> set[str]:
    """The words of ``text`` that spell the name, or a word of it, in a run of two or three.

    "Halden & Rowe - BAFO" with ``haldenrowe.com`` gives "halden" and "rowe": the title
    names the customer, and "Rowe" is no more a topic than "Halden" is. So does
    "Van Dijk - BAFO" with ``vandijk-electronics.nl``: "vandijk" is a word of the name.
    """
    spelled = {name_key(domain)} | {
        w for w in _label_words(domain) if len(w) >= MIN_SHORT_NAME and w not in STOP_WORDS
    }
    runs = _runs(words(text))
    return {w for run in runs if len(run) > 1 and "".join(run) in spelled for w in run}


def sector_hint(domain: str) -> str:
    """Words the lexicon reads when the domain itself says what the organisation is: a
    government or a university (``.gov``, ``.edu``), or a consultancy (``…consult.de``)."""
    labels = set(domain.lower().split(".")[1:])
    if labels & _PUBLIC_LABELS:
        return "government"
    if labels & _EDUCATION_LABELS:
        return "university"
    if _CONSULTANCY.search(name_key(domain)):
        return "consultancy"
    return ""


def title_keys(text: str) -> set[str]:
    """Every run of 1-3 consecutive words of ``text``, joined, that could be a name key.

    A key with a spelled-out umlaut comes in its plain spelling too: the domain of
    "Västmarka" or "Bjørkvik" drops the letter (``vastmarka.se``, ``bjorkvik.no``), where
    fold() spells "vaestmarka", "bjoerkvik".
    """
    keys: set[str] = set()
    for run in _runs(words(text)):
        if len(run) == 1 and (run[0] in STOP_WORDS or run[0].isdigit()):
            continue
        key = "".join(run)
        if len(key) >= MIN_KEY:
            keys.update(index_spellings(key))
    return keys


def without_rooms(location: str) -> str:
    """The location without the names of rooms and offices: "Nordwind HQ, Raum Ostsee" →
    "Nordwind HQ, Raum ,"; "Büro Linz, Raum Traun" → "Büro , Raum ,".

    A room called "Ostsee" says nothing about Ostsee Energie; the building may still name
    the customer ("Ostsee Energie, Rostock, Raum 3.12"). Where an office word stands, the
    words on either side name an office, the team's own in a town ("Büro Linz", "Leeds
    office", "Kantoor Mechelen", "Győr iroda") or a colleague's ("Büro Markus"), and
    towns and family names are in customers' names too. Read only when no one from a
    known customer attends (``brief.meeting_profile``), so a customer's own office,
    where its people come, is not read here.
    """
    tokens = location.split()
    dropped: set[int] = set()
    for index, token in enumerate(tokens):
        folded = words(token)
        if folded and folded[-1] in _ROOM_WORDS:
            dropped.add(index + 1)  # the room's name
        if folded and folded[-1] in _OFFICE_WORDS:
            # Only a word that runs into it: in "Ospedale Alto Lario, Ufficio Tecnico" the
            # comma ends the hospital's name, and "Leeds office, Room 2" names no room.
            if not _ends_a_phrase(token):
                dropped.add(index + 1)
            if len(folded) == 1 and index > 0 and not _ends_a_phrase(tokens[index - 1]):
                dropped.add(index - 1)
    # A dropped name ends a run of words, so its neighbours are not read as one name.
    return " ".join("," if index in dropped else token for index, token in enumerate(tokens))


def _ends_a_phrase(token: str) -> bool:
    return not token[-1].isalnum()


def _runs(tokens: list[str]) -> list[list[str]]:
    """Every run of 1 to ``MAX_RUN`` consecutive tokens, in order."""
    return [
        tokens[start : start + length]
        for start in range(len(tokens))
        for length in range(1, min(MAX_RUN, len(tokens) - start) + 1)
    ]
