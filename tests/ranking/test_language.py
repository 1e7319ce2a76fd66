"""A likeness within a language the embedding model lacks is no evidence (ranking/language.py)."""

from __future__ import annotations

import numpy as np
import pytest
from sqlmodel import Session

from core.models import TipProfile, User
from core.ranking import embedding, language
from core.ranking.brief import brief_for_meeting

# The thirty-sixth round's ice-rink seller: its one Finnish tip about commissioning.
COMMISSIONING = (
    "Luovutuksessa koulutus pitää pitää niille, jotka oikeasti ajavat konetta, kaikista "
    "vuoroista - ei pelkälle hallipäällikölle. Jätä konehuoneeseen laminoitu pikaohje ja sovi "
    "ensimmäinen huoltokäynti kalenteriin jo luovutuspäivänä."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kaukalot ja jäänhoitokone, tarjouksen läpikäynti", "fi"),
        ("Förnyelse av serviceavtalet för A- och B-hallens kylanläggningar", "sv"),
        ("Gjennomgang av tilbud og levering til våren", "no"),
        ("Az ajánlat átnézése és a karbantartási szerződés", "hu"),
        ("Vorbereitung der Preisverhandlung mit dem Einkauf", "de"),
        ("Prep: Stark Health renewal", "en"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_it_tells_the_language(text: str, code: str) -> None:
    assert language.detect(text) == code


def test_only_a_likeness_within_a_language_the_model_lacks_is_dropped() -> None:
    assert language.likeness(0.7, "fi", "fi") == 0.0
    assert language.likeness(0.7, "sv", "sv") == 0.0
    assert language.likeness(0.7, "de", "de") == 0.7  # the model was trained on German
    assert language.likeness(0.2, "fi", "en") == 0.2  # across languages it means what it says
    assert language.likeness(0.7, "", "") == 0.7  # unknown (tips written before 0014)
    assert language.likeness(0.7, "cs", "cs") == 0.7  # read through Polish
    assert "fi" not in language.UNDERSTOOD and {"en", "de", "pl"} <= language.UNDERSTOOD


def test_two_finnish_texts_look_alike_to_the_model_whatever_they_say() -> None:
    """Why the rule exists: the encoder puts any two Finnish texts close together."""
    coffee = "Koskiveden Kiekko. Kaukalot + jäänhoitokone, tarjouksen läpikäynti"
    english = "Commissioning: train every shift on site, not only the rink manager."
    finnish, meeting, other = embedding.encode([COMMISSIONING, coffee, english])
    assert float(np.dot(finnish, meeting)) > 0.4 > float(np.dot(other, meeting))


def test_a_finnish_tip_is_not_carried_into_finnish_meetings(session: Session, member, curator,
                                                             add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    title = "Käyttöönotto: kouluta kaikki vuorot paikan päällä"
    tip = add_tip(curator.id, COMMISSIONING, title=title,
                  tags=["käyttöönotto", "luovutus", "koulutus"])  # fmt: skip
    profile = session.get(TipProfile, tip.id)
    assert profile is not None and profile.language == "fi"
    chairman = add_tip(curator.id, "The chairman signs, the general manager prepares.",
                       accounts=["koskikiekko.fi"])  # fmt: skip
    user = session.get(User, member.id)
    assert user is not None
    coffee = add_meeting(member.id, "Koskiveden Kiekko", attendees=["petri.aalto@koskikiekko.fi"],
                         description="Kaukalot + jäänhoitokone, tarjouksen läpikäynti",
                         location="Koskiveden jäähalli, kahvio")  # fmt: skip
    assert [r.tip.id for r in brief_for_meeting(session, user, coffee).tips] == [chairman.id]
    # Where the lexicon reads the meeting as its kind, the tip still fits.
    handover = add_meeting(member.id, "Luovutus ja käyttöönotto - Myllyranta",
                           attendees=["tero.kallio@kallioniemi-rakennus.fi"],
                           location="Myllyrannan jäähalli")  # fmt: skip
    assert [r.tip.id for r in brief_for_meeting(session, user, handover).tips] == [tip.id]
