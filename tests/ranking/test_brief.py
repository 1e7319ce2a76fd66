"""brief_for_meeting on a real database (both SQLite and PostgreSQL), through the tip service."""

from __future__ import annotations

from sqlmodel import Session, select

from core.models import TipFacet, TipOrg, TipProfile, TipStatus, User
from core.models.tip import TipUpdate
from core.ranking.brief import brief_for_meeting
from core.tips import service, votes


def brief_ids(session: Session, user_id: int, meeting, limit: int | None = None) -> list[int]:  # type: ignore[no-untyped-def]
    user = session.get(User, user_id)
    assert user is not None
    return [r.tip.id or 0 for r in brief_for_meeting(session, user, meeting, limit=limit).tips]


def test_writing_a_tip_profiles_and_indexes_it(session, curator, add_tip) -> None:  # type: ignore[no-untyped-def]
    tip = add_tip(curator.id, "Bring the usage report.", tags=["renewal"], accounts=["EU.Acme.com"])
    profile = session.get(TipProfile, tip.id)
    assert profile is not None and profile.vector and profile.facets["kind:renewal"] >= 0.9
    orgs = session.exec(select(TipOrg).where(TipOrg.tip_id == tip.id)).all()
    assert [(o.org, o.name_key, o.unit) for o in orgs] == [("acme.com", "acme", "eu.acme.com")]
    generic = add_tip(curator.id, "Agree one success criterion.", tags=["kickoff"])
    assert session.exec(select(TipFacet).where(TipFacet.tip_id == generic.id)).all()

    editor = session.get(User, curator.id)
    service.update_tip(session, editor, generic.id, TipUpdate(tags=["forecast"]))
    facets = {f.facet for f in session.exec(select(TipFacet).where(TipFacet.tip_id == generic.id))}
    assert "kind:forecast" in facets and "kind:kickoff" not in facets


def test_customer_tips_match_subdomains_and_never_leak(session, member, curator, add_tip,
                                                       add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    acme = add_tip(curator.id, "Acme's buyers want three quotes.", tags=["pricing"],
                   accounts=["acme.com"])  # fmt: skip
    globex = add_tip(curator.id, "Globex negotiates hard on price.", tags=["pricing"],
                     accounts=["globex.com"])  # fmt: skip
    meeting = add_meeting(member.id, "Pricing call", attendees=["Dana@Sales.ACME.com"],
                          location="Zoom")  # fmt: skip
    ids = brief_ids(session, member.id, meeting)
    assert acme.id in ids and globex.id not in ids


def test_a_tip_for_one_unit_of_a_shared_domain_stays_with_that_unit(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    """Portuguese public hospitals mail from one ministry domain, each its own customer.

    A tip for one (``chvt.min-saude.pt``) goes to its meetings, its departments' and the
    ministry's own, never to another hospital's; a tip for the whole domain goes to all.
    """
    chvt = add_tip(curator.id, "CHVT's pharmacy signs off every consumables order.",
                   tags=["pricing"], accounts=["CHVT.min-saude.pt"])  # fmt: skip
    ministry = add_tip(curator.id, "The ministry's central buying unit sets the price caps.",
                       tags=["pricing"], accounts=["min-saude.pt"])  # fmt: skip
    hff_tip = add_tip(curator.id, "HFF's nephrology head wants the service figures.",
                      tags=["pricing"], accounts=["hff.min-saude.pt"])  # fmt: skip
    units = {
        "hff.min-saude.pt": {ministry.id, hff_tip.id},
        "nefro.chvt.min-saude.pt": {chvt.id, ministry.id},
        "chvt.min-saude.pt": {chvt.id, ministry.id},
        "min-saude.pt": {chvt.id, ministry.id, hff_tip.id},
    }
    for unit, expected in units.items():
        meeting = add_meeting(member.id, "Pricing call", attendees=[f"ana@{unit}"],
                              location="Teams")  # fmt: skip
        ids = set(brief_ids(session, member.id, meeting))
        assert ids & {chvt.id, ministry.id, hff_tip.id} == expected, unit
    both = add_meeting(member.id, "Pricing call", location="Teams",
                       attendees=["ana@hff.min-saude.pt", "rui@chvt.min-saude.pt"])  # fmt: skip
    assert {chvt.id, hff_tip.id} <= set(brief_ids(session, member.id, both))


def test_company_named_in_the_title_when_no_domain(session, member, curator, add_tip,
                                                  add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    tip = add_tip(curator.id, "Stark Health's IT director is a former nurse.",
                  accounts=["stark-health.org"])  # fmt: skip
    meeting = add_meeting(member.id, "Prep: Stark Health renewal")
    assert tip.id in brief_ids(session, member.id, meeting)


def test_company_called_by_a_shorter_name_in_the_title(session, member, curator, add_tip,
                                                      add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """ "Halden" for haldenbank.co.uk (the tips say so), "Krause" for spedition-krause.de."""
    halden = add_tip(curator.id, "Halden Bank's CFO reads every slide twice.",
                     accounts=["haldenbank.co.uk"])  # fmt: skip
    krause = add_tip(curator.id, "Bring the damage-rate report.", accounts=["spedition-krause.de"])
    meeting = add_meeting(member.id, "Sync: Halden / Krause")
    assert set(brief_ids(session, member.id, meeting)) == {halden.id, krause.id}


def test_a_shorter_name_two_companies_share_names_neither(session, member, curator, add_tip,
                                                          add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    add_tip(curator.id, "Ask for the dispatcher.", accounts=["spedition-krause.de"])
    add_tip(curator.id, "The site manager decides.", accounts=["krause-bau.de"])
    assert brief_ids(session, member.id, add_meeting(member.id, "Krause")) == []


def test_a_sales_region_a_meeting_room_or_an_office_names_no_customer(session, member, curator,
                                                                     add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """A team meeting of "Vertrieb Süd" in "Raum Ostsee" is among colleagues, whichever
    customers are called FrischMarkt Süd or Ostsee Energie (the held-out sets of 2026-12-02),
    and so is one "at the Győr office" when Győr's city services are a customer (2026-12-05)."""
    add_tip(curator.id, "FrischMarkt: start with the central warehouse.",
            accounts=["frischmarkt-sued.de"])  # fmt: skip
    cases = [  # the customer, a meeting among colleagues, a visit to the customer
        ("ostsee-energie.de", "Ostsee Energie: bring the cost per MWh.",
         ("Team-Meeting Vertrieb Süd", "Raum Ostsee"),
         ("Besuch", "Ostsee Energie, Rostock, Raum 3.12")),
        ("gyor-varosuzem.hu", "Győr city services: the works manager signs every order.",
         ("Heti csapatmegbeszélés", "Győr iroda - tárgyaló 1"),
         ("Bejárás", "Győr, Városüzem telephely")),
    ]  # fmt: skip
    for account, text, (team_title, team_room), (visit_title, visit_place) in cases:
        tip = add_tip(curator.id, text, accounts=[account])
        team = add_meeting(member.id, team_title, location=team_room)
        assert brief_ids(session, member.id, team) == [], team_room
        visit = add_meeting(member.id, visit_title, location=visit_place)
        assert brief_ids(session, member.id, visit) == [tip.id], visit_place


def test_a_word_of_the_trade_in_a_name_names_no_customer(session, member, curator,
                                                        add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Picking the car up from its service names no Sarnelli Auto: "Auto" is what the customer
    makes, like "Spedition" or "Klinikum" (the held-out sets of 2026-12-03)."""
    add_tip(curator.id, "Sarnelli: check the credit limit first.", accounts=["sarnelli-auto.it"])
    errand = add_meeting(member.id, "Auto von Inspektion abholen",
                         location="Autohaus Seeger Kfz-Service, Vaihingen")  # fmt: skip
    assert brief_ids(session, member.id, errand) == []


def test_a_word_the_teams_other_tips_use_names_no_customer(session, member, curator,
                                                            add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """A team that sells lasers writes "laser" in tips for every customer: the "Laser safety
    refresher" names no Kessler Laser (the lasers set, 2026-12-06). "Kessler" still does."""
    kessler = add_tip(curator.id, "Kessler Laser asks for consignment stock every year.",
                      accounts=["kessler-laser.de"])  # fmt: skip
    for n, account in enumerate(["fqo.de", "brunnhofer.ch", "skovgaard.dk"]):
        add_tip(curator.id, f"Customer {n}: every laser ships with a service plan.",
                accounts=[account])  # fmt: skip
    refresher = add_meeting(member.id, "Laser safety refresher (mandatory)")
    assert brief_ids(session, member.id, refresher) == []
    call = add_meeting(member.id, "Call Kessler re consignment")
    assert brief_ids(session, member.id, call) == [kessler.id]


def test_a_prospect_met_at_a_fair_is_at_its_first_meeting(session, member, curator,
                                                          add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Over 174 sets, every meeting that reads as a fair with someone the team has no tips
    for (a lead from the booth) wanted the first-meeting tips where the set had any (the
    thirty-eighth round); a customer the team knows, followed up after a fair, is not new."""
    first = add_tip(curator.id, "First meetings: ask what they use today and who decides.",
                    tags=["first meeting"])  # fmt: skip
    fair = add_tip(curator.id, "Trade fair leads: call within a week, recall the booth talk.",
                   tags=["trade fair", "lead"])  # fmt: skip
    known = add_tip(curator.id, "Morland: the treasurer reads every slide.",
                    accounts=["morland.example"])  # fmt: skip
    lead = add_meeting(member.id, "Follow-up Messe - Grünland",
                       attendees=["a.gruen@gruenland.example", member.email])  # fmt: skip
    assert set(brief_ids(session, member.id, lead)) == {first.id, fair.id}
    customer = add_meeting(member.id, "Follow-up Messe - Morland",
                           attendees=["h.kerr@morland.example", member.email])  # fmt: skip
    assert first.id not in brief_ids(session, member.id, customer)
    assert known.id in brief_ids(session, member.id, customer)


def test_a_final_round_is_a_price_negotiation(session, member, curator,
                                              add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """The thirty-ninth round: "letzte Runde" before signing is the negotiation's last round,
    a candidate's final-round interview is a hiring step."""
    bafo = add_tip(curator.id, "Best and final offer: trade scope, never just cut the price.",
                   tags=["negotiation"])  # fmt: skip
    add_tip(curator.id, "Demos: show the customer's own data.", tags=["demo"])
    last = add_meeting(member.id, "Campus Alpina – letzte Runde vor Unterschrift",
                       attendees=["m.reiter@campus-alpina.example", member.email])  # fmt: skip
    assert brief_ids(session, member.id, last) == [bafo.id]
    hiring = add_meeting(member.id, "Final round interview – AE candidate",
                         attendees=["j.doe@gmail.com", member.email])  # fmt: skip
    assert bafo.id not in brief_ids(session, member.id, hiring)


def test_a_shorter_name_that_begins_each_name_names_the_family(session, member, curator,
                                                               add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    bank = add_tip(curator.id, "Halden Bank: the CFO signs.", accounts=["haldenbank.co.uk"])
    us = add_tip(curator.id, "Halden US buys through the parent.", accounts=["haldenus.com"])
    meeting = add_meeting(member.id, "Handover: Halden phase 1")
    assert set(brief_ids(session, member.id, meeting)) == {bank.id, us.id}


def test_an_internal_meeting_described_with_the_customers_full_name(session, member, curator,
                                                                   add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    tip = add_tip(curator.id, "Ashworth Pryce want one invoice.", accounts=["ashworthpryce.co.uk"])
    meeting = add_meeting(
        member.id, "AP handover", description="Walk the team through what we sold Ashworth Pryce."
    )
    assert brief_ids(session, member.id, meeting) == [tip.id]
    add_tip(curator.id, "Globex pays late.", accounts=["globex.com"])
    pipeline = add_meeting(member.id, "Pipeline", description="Ashworth Pryce, Globex, Initech")
    assert brief_ids(session, member.id, pipeline) == []  # a list of customers names none


def test_a_trip_to_a_customer_is_travel(session, member, curator, add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]
    add_tip(curator.id, "Bring the audit binder.", accounts=["lmpa-salzburg.at"])
    meeting = add_meeting(member.id, "RJ 62 Wien - Salzburg (LMPA)")
    assert brief_ids(session, member.id, meeting) == []


def test_an_airport_the_team_sells_to_is_a_customer_in_a_bid_review(session, member, curator,
                                                                     add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """The airport in "Bid review - Ege Havalimanı ihalesi" is the customer's name, not a trip;
    the flight there, or a night in a hotel the team sells to, is still travel."""
    review = add_tip(curator.id, "Internal bid review: check the factory slot and the margin.")
    add_tip(curator.id, "Ege Havalimanı wants the bid bond early.",
            accounts=["egehavalimani.com.tr"])  # fmt: skip
    add_tip(curator.id, "Sacher: the night manager owns the locks.", accounts=["hotel-sacher.at"])
    bid = add_meeting(member.id, "Bid review – Ege Havalimanı ihalesi", description="Go/no-go")
    assert review.id in brief_ids(session, member.id, bid)
    for title in ("Flight to İzmir – Ege Havalimanı", "Hotel Sacher – check-in"):
        assert brief_ids(session, member.id, add_meeting(member.id, title)) == [], title


def test_a_bid_review_for_hotels_is_work_without_a_tip_for_the_hotels(session, member,
                                                                     curator, add_tip,
                                                                     add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Among colleagues a deal's review names what is sold: the hotels of "gara hotel Costa
    del Sol" are the buyer, whom the team has no tip for yet, not a night away."""
    review = add_tip(curator.id, "Bid/no-bid: check the penalties and the delivery date first.",
                     tags=["bid review"])  # fmt: skip
    bid = add_meeting(member.id, "Bid review - gara hotel Costa del Sol", location="Sala Dolomiti",
                      description="Go / no-go gara 14 hotel: consegna entro 1 aprile")  # fmt: skip
    assert brief_ids(session, member.id, bid) == [review.id]
    stay = add_meeting(member.id, "Hotel Costa del Sol – check-in")
    assert brief_ids(session, member.id, stay) == []


def test_the_kind_of_customer_does_not_lift_its_own_tips_over_the_kind_of_meeting(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    """Every tip for a hospital says "hospital": in a training, the training tip comes first."""
    tender = add_tip(
        curator.id,
        "Klinikum Nord hospital tender: the Krankenhaus lab asks its Bieterfragen early.",
        accounts=["klinikum-nord.de"],
        tags=["tender"],
    )
    training = add_tip(
        curator.id,
        "User training: at most four people per instrument, and train on the customer's samples.",
        tags=["schulung"],
    )
    meeting = add_meeting(member.id, "Geräteeinweisung", attendees=["lab@klinikum-nord.de"])
    assert brief_ids(session, member.id, meeting)[:2] == [training.id, tender.id]


def test_personal_errands_and_vague_internal_meetings_stay_quiet(session, member, curator,
                                                               add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    add_tip(curator.id, "Forecast calls: bring the next step for each deal.", tags=["forecast"])
    add_tip(curator.id, "Never negotiate against yourself.", tags=["negotiation"])
    for title in ("Zahnarzt", "Flug nach Berlin", "Focus: Angebote schreiben", "Abstimmung"):
        assert brief_ids(session, member.id, add_meeting(member.id, title)) == []


def test_a_holiday_on_a_work_agenda_is_an_item_not_an_errand(session, member, curator,
                                                             add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    forecast = add_tip(curator.id, "Forecast calls: bring the next step for each deal.",
                       tags=["forecast"])  # fmt: skip
    colleague = "sandra@" + member.email.rsplit("@", 1)[1]
    agenda = add_meeting(member.id, "Sync Sandra / Tobias", attendees=[member.email, colleague],
                         description="1:1 - Pipeline, Q3-Forecast, Urlaubsplanung")  # fmt: skip
    assert brief_ids(session, member.id, agenda) == [forecast.id]
    # a description that says nothing but the holiday still makes the block one's own
    leave = add_meeting(member.id, "Blocker", description="Urlaubsplanung mit der Familie")
    assert brief_ids(session, member.id, leave) == []


def test_internal_meetings_get_tips_of_their_kind(session, member, curator, add_tip,
                                                  add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    forecast = add_tip(curator.id, "Forecast calls: bring the next step for each deal.",
                       tags=["forecast"])  # fmt: skip
    add_tip(curator.id, "In a kickoff, agree one success criterion.", tags=["kickoff"])
    colleague = "kim@" + member.email.rsplit("@", 1)[1]
    meeting = add_meeting(member.id, "Forecast-Runde Q4", attendees=[colleague])
    assert brief_ids(session, member.id, meeting) == [forecast.id]


def test_planning_with_the_customer_gets_planning_tips_and_a_forecast_does_not(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    # "Planning" is the one kind among colleagues that one also holds with the customer:
    # a planning meeting for a new kitchen with the hospital gets the planning tip. A
    # forecast tip stays out of a customer's "pipeline" call, and the planning tip stays
    # out of a customer meeting that is not about planning.
    planning = add_tip(curator.id, "Planungsgespräch: den Warenfluss von der Anlieferung bis "
                       "zur Spüle skizzieren.", tags=["planung"])  # fmt: skip
    add_tip(curator.id, "Forecast calls: bring the next step for each deal.", tags=["forecast"])
    guests = ["dr.oez@klinikum-inntal.de", "r.hof@klinikum-inntal.de"]
    together = add_meeting(member.id, "Planungsgespräch Neubau Zentralküche", attendees=guests)
    assert brief_ids(session, member.id, together) == [planning.id]
    pipeline = add_meeting(member.id, "Monthly pipeline forecast", attendees=guests)
    assert brief_ids(session, member.id, pipeline) == []
    other = add_meeting(member.id, "Warenfluss Spülküche", attendees=guests)
    assert planning.id not in brief_ids(session, member.id, other)


def test_two_customers_that_tie_take_turns(session, member, curator, add_tip,
                                           add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    # Nothing but the two names: the first place goes to one account, the second to the
    # other, whatever order the tips were written in.
    same = "Ask which of the open points is theirs."
    first = [add_tip(curator.id, same, accounts=["ashworthpryce.co.uk"]) for _ in range(3)]
    other = add_tip(curator.id, same, accounts=["greaveslomax.co.uk"])
    meeting = add_meeting(member.id, "Sync", attendees=["a@ashworthpryce.co.uk",
                                                         "g@greaveslomax.co.uk"])  # fmt: skip
    ids = brief_ids(session, member.id, meeting)
    assert ids[:2] == [first[0].id, other.id], ids


def test_a_one_on_one_without_an_agenda_gets_forecast_tips_only_after_its_own(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    # That a bare 1:1 goes through the pipeline is a guess: with no tip for the 1:1 itself in
    # the library, the brief stays quiet; with one, the forecast tip follows it.
    forecast = add_tip(curator.id, "Numbers call: commit only with a signature date.",
                       tags=["forecast", "pipeline"])  # fmt: skip
    colleague = "kim@" + member.email.rsplit("@", 1)[1]
    bare = add_meeting(member.id, "1:1 Aoife / Gareth", attendees=[colleague])
    assert brief_ids(session, member.id, bare) == []
    own = add_tip(curator.id, "In your 1:1 with your manager, bring two deals you need help "
                  "with.", tags=["1:1", "one on one"])  # fmt: skip
    assert brief_ids(session, member.id, bare) == [own.id, forecast.id]
    described = add_meeting(member.id, "1:1 Priya", attendees=[colleague],
                            description="Pipeline und Forecast Q1")  # fmt: skip
    assert forecast.id in brief_ids(session, member.id, described)  # said, not guessed


def test_german_meeting_finds_english_tips(session, member, curator, add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]
    tip = add_tip(curator.id, "When purchasing asks for a discount, trade it for a longer term.",
                  tags=["negotiation"])  # fmt: skip
    meeting = add_meeting(member.id, "Konditionsgespräch", attendees=["einkauf@kunde.de"])
    assert brief_ids(session, member.id, meeting) == [tip.id]


def test_hidden_removed_and_deleted_tips_never_appear(session, member, curator, add_tip,
                                                     add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    tips = [add_tip(curator.id, f"Renewal advice number {n}.", tags=["renewal"]) for n in range(3)]
    editor = session.get(User, curator.id)
    for tip, status in zip(tips, (TipStatus.hidden, TipStatus.removed, TipStatus.deleted),
                           strict=True):  # fmt: skip
        service.set_status(session, tip, editor, status, action="test")
    meeting = add_meeting(member.id, "Renewal", attendees=["cfo@globex.com"])
    assert brief_ids(session, member.id, meeting) == []


def test_helpful_votes_break_ties_and_the_limit_holds(session, member, other_member, curator,
                                                     add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    tips = [add_tip(curator.id, "Renewal: send a usage summary first.", tags=["renewal"])
            for _ in range(5)]  # fmt: skip
    voter = session.get(User, other_member.id)
    votes.add_vote(session, voter, tips[2].id)
    meeting = add_meeting(member.id, "Globex renewal", attendees=["ops@globex.com"])
    ids = brief_ids(session, member.id, meeting)
    assert len(ids) == 3 and ids[0] == tips[2].id
    assert len(brief_ids(session, member.id, meeting, limit=1)) == 1


def test_reindex_profiles_tips_written_before_the_ranking(session, curator, add_tip) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import delete

    from core.ranking.index import reindex, stale_tip_ids

    tip = add_tip(curator.id, "Forecast calls: bring the next step.", tags=["forecast"])
    session.exec(delete(TipProfile).where(TipProfile.tip_id == tip.id))  # type: ignore[call-overload]
    session.flush()
    assert tip.id in stale_tip_ids(session, 100)
    assert reindex(session) >= 1
    assert stale_tip_ids(session, 100) == []
    assert session.get(TipProfile, tip.id) is not None


def test_rare_shared_words_find_a_tip_no_facet_knows(session, member, curator, add_tip,
                                                    add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """The full-text door (FTS5 on SQLite, tsvector on PostgreSQL) finds what the lexicon can't."""
    tip = add_tip(curator.id, "Zorblat gauges need a recalibration after shipping.")
    add_tip(curator.id, "Renewals: send the usage summary first.", tags=["renewal"])
    meeting = add_meeting(member.id, "Zorblat recalibration", attendees=["lab@kunde.de"])
    found = brief_for_meeting(session, session.get(User, member.id), meeting).tips
    assert [r.tip.id for r in found] == [tip.id]
    assert any("zorblat" in reason for reason in found[0].reasons)


def test_umlaut_words_find_a_tip_no_facet_knows(session, member, curator, add_tip,
                                                add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """fold() spells "ü" as "ue"; the full-text index drops the accent. Both must meet."""
    tip = add_tip(curator.id, "Zur Menüverkostung den Sommelier dazuholen, max. zwei Varianten.")
    add_tip(curator.id, "Renewals: send the usage summary first.", tags=["renewal"])
    meeting = add_meeting(member.id, "Menüverkostung", attendees=["kueche@kunde.de"])
    assert brief_ids(session, member.id, meeting) == [tip.id]


def test_greek_words_find_a_greek_tip_no_facet_knows(session, member, curator, add_tip,
                                                    add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """A Greek meeting's words are folded in Latin letters (core.romanize); the full-text
    index holds the tip in both spellings, so the two meet. The encoder does not read Greek,
    so nothing else could find it."""
    tip = add_tip(curator.id, "Οι μετρητές Ζόρμπλατ θέλουν επαναβαθμονόμηση μετά τη μεταφορά.")
    add_tip(curator.id, "Renewals: send the usage summary first.", tags=["renewal"])
    meeting = add_meeting(member.id, "Επαναβαθμονόμηση Ζόρμπλατ", attendees=["lab@pelatis.gr"])
    found = brief_for_meeting(session, session.get(User, member.id), meeting).tips
    assert [r.tip.id for r in found] == [tip.id]
    assert found[0].reasons == ['mentions "epanavathmonomisi"']  # "recalibration"


def test_private_people_met_with_a_colleague_are_customers(session, member, curator, add_tip,
                                                           add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """A wedding couple writes from gmail; a school play with the family is still private."""
    tip = add_tip(curator.id, "Erstgespräch Hochzeit: fragen, wer mitentscheidet und zahlt.",
                  tags=["erstgespräch", "hochzeit"])  # fmt: skip
    colleague = "julia@" + member.email.rsplit("@", 1)[1]
    couple = ["sophie.l@gmail.com", "d.okafor@outlook.com"]
    first = add_meeting(member.id, "Erstgespräch Hochzeit - Sophie & David",
                        attendees=[member.email, colleague, *couple])  # fmt: skip
    assert brief_ids(session, member.id, first) == [tip.id]
    family = add_meeting(member.id, "Hochzeit Anna & Tobi", attendees=[member.email, couple[0]])
    assert brief_ids(session, member.id, family) == []


def test_a_lunch_that_names_a_customer_is_about_it(session, member, curator, add_tip,
                                                   add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    commission = add_tip(curator.id, "Eventwerk gets 10 % on rooms only.",
                         accounts=["eventwerk.at"])  # fmt: skip
    lunch = add_meeting(member.id, "Lunch Markus - Eventwerk Provisionsmodell")
    assert brief_ids(session, member.id, lunch) == [commission.id]
    # a place named like a customer is where the errand is, not whom it is about
    evening = add_meeting(member.id, "Elternabend 3. Klasse", location="Schule Eventwerk")
    assert brief_ids(session, member.id, evening) == []


def test_a_prep_title_is_work_whatever_the_description_says(session, member, curator,
                                                            add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    visit = add_tip(curator.id, "Kessler wants the castle hotel to themselves.",
                    accounts=["kessler-automotive.de"])  # fmt: skip
    prep = add_meeting(member.id, "Kessler SI prep w/ Elif",
                       description="Ablauf Montag, Zimmer, Festungs-Dinner-Idee")  # fmt: skip
    assert brief_ids(session, member.id, prep) == [visit.id]


def test_a_tradesman_at_home_is_the_sellers_own_life(session, member, curator, add_tip,
                                                     add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Off-work words and only companies the team never wrote about: quiet."""
    kickoff = add_tip(curator.id, "Installation kick-off: agree the acceptance test first.",
                      tags=["kick-off", "installation"])  # fmt: skip
    electrician = add_meeting(member.id, "Elektriker - Wallbox Garage",
                              description="Installation Wallbox, Zählerschrank prüfen",
                              location="zu Hause",
                              attendees=[member.email, "service@elektro-petersen.de"])  # fmt: skip
    assert brief_ids(session, member.id, electrician) == []
    # the same words with a customer the team writes about are work
    site = add_tip(curator.id, "Petersen's yard gate closes at 4 pm.",
                   accounts=["elektro-petersen.de"])  # fmt: skip
    assert site.id in brief_ids(session, member.id, electrician)
    # and a title that says what work it is is work, whoever comes
    install = add_meeting(member.id, "Installation kick-off (at home office)",
                          attendees=[member.email, "ops@newcustomer.de"])  # fmt: skip
    assert brief_ids(session, member.id, install) == [kickoff.id]


def test_ones_own_car_insurance_is_off_work_whatever_the_contract_words(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    # The insurance agent comes, and the title says "Vertragsverlängerung": still one's own
    # car. An insurer the team writes tips about is a customer, though.
    add_tip(curator.id, "Vertragsverlängerung: die Nutzungszahlen vorher zeigen.",
            tags=["renewal", "Verlängerung"])  # fmt: skip
    car = add_meeting(member.id, "Kfz-Versicherung - Vertragsverlängerung",
                      attendees=[member.email, "a.schmitz@vers-schmitz.de"])  # fmt: skip
    assert brief_ids(session, member.id, car) == []
    # The title may say only "contract" and "renew"; the description says whose.
    callback = add_meeting(member.id, "Rückruf Versicherung - Vertrag verlängern?",
                           description="Kfz-Versicherung läuft aus, Vollkasko vergleichen",
                           attendees=[member.email, "s.maurer@buero-maurer.de"])  # fmt: skip
    assert brief_ids(session, member.id, callback) == []
    # A description about the customer's renewal leaves it work.
    work = add_meeting(member.id, "Rückruf - Vertrag verlängern?",
                       description="Nutzungszahlen Q3 mitbringen",
                       attendees=[member.email, "k.lang@lang-apotheke.de"])  # fmt: skip
    assert brief_ids(session, member.id, work) != []
    customer = add_tip(curator.id, "Schmitz signs only after the board meeting.",
                       accounts=["vers-schmitz.de"])  # fmt: skip
    assert customer.id in brief_ids(session, member.id, car)


def test_ones_own_car_service_and_insurance_stay_quiet_in_the_customers_town(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    # The fourteenth round (a wine trade in Vienna): the Kaiserhof's domain is
    # kaiserhof-wien.at, and the garage is in "Wien 22". The town is no name of the hotel's.
    hotel = add_tip(curator.id, "Kaiserhof: the F&B director signs every listing.",
                    accounts=["kaiserhof-wien.at"])  # fmt: skip
    add_tip(curator.id, "Service visits: bring the spare parts list.", tags=["service"])
    garage = add_meeting(member.id, "Service + Pickerl Octavia",
                         description="Jahresservice, Winterreifen montieren",
                         location="Autohaus Rieger, Wien 22")  # fmt: skip
    assert brief_ids(session, member.id, garage) == []
    hotel_visit = add_meeting(member.id, "Kaiserhof", location="Kärntner Ring 9, 1010 Wien")
    assert brief_ids(session, member.id, hotel_visit) == [hotel.id]
    # The broker comes, the title says "Vertrag verlängern": the car's, not a customer's.
    add_tip(curator.id, "Vertragsverlängerung: drei Monate vorher starten.", tags=["renewal"])
    broker = add_meeting(member.id, "Versicherung: KFZ-Vertrag verlängern",
                         description="Angebot Vollkasko vs. Teilkasko besprechen",
                         location="Pölzl Versicherungsmakler, Wien 18",
                         attendees=[member.email, "g.poelzl@poelzl-versicherung.at"])  # fmt: skip
    assert brief_ids(session, member.id, broker) == []


def test_a_courtesy_car_says_the_service_is_ones_own_even_at_a_customers_garage(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    # The twentieth round (dealer software): the customers are car dealers, so the company
    # car's inspection is booked at one of them. "Ersatzwagen reserviert" also reads as a
    # block in the calendar; one's own errand is what it says.
    add_tip(curator.id, "Kessler: the workshop load is the real pain.",
            accounts=["autohaus-kessler.de"])  # fmt: skip
    add_tip(curator.id, "Site visits: go to the service desk in the morning.", tags=["service"])
    garage = add_meeting(member.id, "Inspektion Firmenwagen A6",
                         description="Wagen abgeben, Ersatzwagen reserviert",
                         location="Autohaus Kessler, Freising")  # fmt: skip
    assert brief_ids(session, member.id, garage) == []
    # Without the courtesy car it could be a visit to the customer's workshop.
    visit = add_meeting(member.id, "Inspektion Werkstattablauf",
                        location="Autohaus Kessler, Freising")  # fmt: skip
    assert brief_ids(session, member.id, visit) != []


def test_a_stranger_may_come_about_a_customer_the_title_names(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    # A reseller the team has no tip for comes to prepare the customer's offer.
    buys = add_tip(curator.id, "Brembati buys through its reseller: never quote direct.",
                   accounts=["brembati.it"])  # fmt: skip
    prep = add_meeting(member.id, "Brembati pre-call: Offerte Scanner",
                       attendees=[member.email, "luca.sala@metrotecnica.it"])  # fmt: skip
    assert buys.id in brief_ids(session, member.id, prep)
    # Named only in the description next to a stranger, it is a referral, not the subject.
    referral = add_meeting(member.id, "Quick chat",
                           description="Referral from Giulia at Brembati",
                           attendees=[member.email, "sarah@ferncliffe-law.co.uk"])  # fmt: skip
    assert buys.id not in brief_ids(session, member.id, referral)
    # A pre-call with the partner prepares the customer's meeting its description names.
    precall = add_meeting(member.id, "Voorbespreking",
                          description="Afstemming vóór het overleg met Brembati: wie presenteert",
                          attendees=[member.email, "r.kraan@kraan-eng.nl"])  # fmt: skip
    assert buys.id in brief_ids(session, member.id, precall)
    # A customer the team knows attends: the title's other names do not join in.
    known = add_tip(curator.id, "Metrotecnica wants the margin split in writing.",
                    accounts=["metrotecnica.it"])  # fmt: skip
    assert brief_ids(session, member.id, prep) == [known.id]


def test_a_handover_to_delivery_among_colleagues_gets_the_handover_tip(
    session, member, curator, add_tip, add_meeting
) -> None:  # type: ignore[no-untyped-def]
    # Sales hands a won customer no tip names to the project team: the customer's work,
    # prepared among colleagues. A handover to a deputy before a holiday is not.
    handover = add_tip(curator.id, "At the handover to services, write down every promise.",
                       title="Handover to implementation",
                       tags=["handover", "onboarding"])  # fmt: skip
    team = [member.email, "kollege@" + member.email.split("@")[1]]
    won = add_meeting(member.id, "Übergabe Hagedorn an PS", attendees=team,
                      description="Übergabe Vertrieb an Professional Services")  # fmt: skip
    assert handover.id in brief_ids(session, member.id, won)
    holiday = add_meeting(member.id, "Übergabe an Lukas", attendees=team,
                          description="Urlaubsvertretung, offene Punkte")  # fmt: skip
    assert brief_ids(session, member.id, holiday) == []


def test_the_word_door_asks_for_words_some_tip_uses(session, member, curator, add_tip,
                                                    add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Places, dates and names no tip mentions are the rarest words and would find nothing."""
    from core.ranking import retrieval
    from core.ranking.brief import meeting_profile

    expert = add_tip(curator.id, "Beim Gutachter vorher die Rechnungen sortieren.")
    for n in range(3):
        add_tip(curator.id, f"Allgemeiner Hinweis Nummer {n} zum Ablauf.")
    meeting = add_meeting(member.id, "Besprechung Freising Hallbergmoos Lager Dorfnerweg",
                          description="Tiefkühlware Kühlhaus Nord, Gutachter kommt")  # fmt: skip
    profile = meeting_profile(session, meeting)
    stats = retrieval.library_stats(session, profile.terms, list(profile.facets))
    assert len(stats.unused) > retrieval.MAX_QUERY_WORDS
    found = {c.tip.id for c in retrieval.candidates(session, profile, stats) if c.by_words}
    assert expert.id in found


def test_a_tip_that_names_the_customer_in_its_headline_is_for_it(session, member, curator,
                                                               add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """People tag a tip "AgriNav" and leave its accounts empty; the name is written, not a stem.

    A word of the name that is an ordinary word (the lexicon reads it) or that the tip
    only inflects in its body ("Praxisplanung" for praxisplan-beratung.de) is no name.
    """
    named = add_tip(curator.id, "The Dutch team is very direct; ask for release dates.",
                    title="AgriNav: ask about firmware", tags=["AgriNav", "GPS"])  # fmt: skip
    worded = add_tip(curator.id, "Ask who does the Praxisplanung before any detail.",
                     title="Neugründung: erst Finanzierung")  # fmt: skip
    for n in range(4):
        add_tip(curator.id, f"General advice number {n} about any meeting.")
    call = add_meeting(member.id, "Call", attendees=["pieter@agrinav.nl"], location="Teams")
    assert brief_ids(session, member.id, call) == [named.id]
    user = session.get(User, member.id)
    assert user is not None
    reasons = brief_for_meeting(session, user, call).tips[0].reasons
    assert "names Agrinav" in reasons
    sync = add_meeting(member.id, "Sync", attendees=["r.vogt@praxisplan-beratung.de"],
                       location="Teams")  # fmt: skip
    assert worded.id not in brief_ids(session, member.id, sync)
    other = add_meeting(member.id, "Call", attendees=["jo@globex.com"], location="Teams")
    assert named.id not in brief_ids(session, member.id, other)


def test_a_prospects_own_name_names_no_other_customer(session, member, curator,
                                                      add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """The fortieth round: at the prospect ``ortopediagarbin.it``, "Ortopedia Garbin" is
    Garbin's workshop, and its first word no short name of the customer Ortopedia Zanardi."""
    zanardi = add_tip(curator.id, "Ortopedia Zanardi: Luca decides the workflow.",
                      accounts=["ortopediazanardi.it"])  # fmt: skip
    visit = add_meeting(member.id, "Padova – Garbin", location="Ortopedia Garbin, Padova",
                        attendees=["federico@ortopediagarbin.it", member.email])  # fmt: skip
    assert zanardi.id not in brief_ids(session, member.id, visit)
    # Without the prospect, "Ortopedia" in the title still names the customer.
    internal = add_meeting(member.id, "Ortopedia – Angebot prüfen")
    assert zanardi.id in brief_ids(session, member.id, internal)


def test_a_partners_call_about_a_customer_the_title_names(session, member, curator,
                                                          add_tip, add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """A reseller the team knows as one comes about the hospital's tender; a customer who
    comes is not a partner, and another customer its title names stays out."""
    hospital = add_tip(curator.id, "Valdeaurora: we bid through our reseller, never direct.",
                       accounts=["hu-valdeaurora.es"])  # fmt: skip
    reseller = add_tip(curator.id, "MedTec Ibérica, our reseller: agree its margin first.",
                       accounts=["medtec-iberica.es"])  # fmt: skip
    call = add_meeting(member.id, "Licitación Valdeaurora – aclaraciones",
                       attendees=["alvaro@medtec-iberica.es", member.email])  # fmt: skip
    assert set(brief_ids(session, member.id, call)) == {hospital.id, reseller.id}
    # "Sync Fischer / Hofmann" with the reseller's Thomas Fischer names him, not a customer.
    fischer = add_tip(curator.id, "Fischer Innenausbau asks for a second final price.",
                      accounts=["fischer-innenausbau.ch"])  # fmt: skip
    sync = add_meeting(member.id, "Sync Fischer / Hofmann",
                       attendees=["thomas.fischer@medtec-iberica.es", member.email])  # fmt: skip
    assert fischer.id not in brief_ids(session, member.id, sync)
    add_tip(curator.id, "Clinica Norte signs only after a reference visit.",
            accounts=["clinicanorte.es"])  # fmt: skip
    reference = add_meeting(member.id, "Valdeaurora reference for Clinica Norte",
                            attendees=["ana@clinicanorte.es", member.email])  # fmt: skip
    assert hospital.id not in brief_ids(session, member.id, reference)


def test_an_organisations_kind_is_read_once_from_its_own_tips(session, curator,
                                                               add_tip) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Half of a reseller's own tips call it a partner; pooled with a customer's, they may not."""
    from sqlalchemy import event

    from core.ranking.org_kinds import PARTNER, OrgKinds

    for body in ("MedTec, our reseller: agree its margin first.",
                 "MedTec registers every deal with us before quoting."):  # fmt: skip
        add_tip(curator.id, body, tags=["partner"], accounts=["medtec-iberica.es"])
    for body in ("Valdeaurora's tender board meets on Thursdays.",
                 "Valdeaurora wants the service levels in Spanish.",
                 "Valdeaurora's head nurse decides on training."):  # fmt: skip
        add_tip(curator.id, body, accounts=["hu-valdeaurora.es"])
    statements: list[str] = []
    engine = session.get_bind()
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    session.flush()  # the tips' writes are not the reads counted
    event.listen(engine, "before_cursor_execute", listener)
    try:
        kinds = OrgKinds(session, without_tips={"stranger.example"})
        assert kinds.all_partners({"medtec-iberica.es"})
        assert not kinds.all_partners({"medtec-iberica.es", "hu-valdeaurora.es"})
        assert PARTNER not in kinds.of(
            {"medtec-iberica.es", "hu-valdeaurora.es", "stranger.example"}
        )
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 2, statements  # one read per organisation with tips, none for the stranger


def test_the_town_of_a_locations_address_names_no_customer(session, member, curator, add_tip,
                                                           add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """A coffee in Lyon with a stranger is not about Sainte-Marthe Lyon; at its school it is."""
    school = add_tip(curator.id, "Sainte-Marthe Lyon: the OGEC treasurer holds the purse.",
                     accounts=["saintemarthe-lyon.fr"])  # fmt: skip
    coffee = add_meeting(member.id, "Coffee w/ Inès", location="Café Mokxa, Lyon 2e",
                         attendees=["ines@monetik-sud.fr", member.email])  # fmt: skip
    assert school.id not in brief_ids(session, member.id, coffee)
    there = add_meeting(member.id, "Coffee w/ Inès", location="Sainte-Marthe, Lyon 5e",
                        attendees=["ines@monetik-sud.fr", member.email])  # fmt: skip
    assert school.id in brief_ids(session, member.id, there)


def test_a_partner_who_comes_brings_the_one_customers_tips_that_name_it(session, member,
                                                                        curator, add_tip,
                                                                        add_meeting) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Nothing in "Catch-up" names Lignano; its tip that names the reseller who comes is about
    working with that reseller for Lignano. Lignano's other tips are not, a reseller two
    customers' tips name could come about either, and an errand with it is no meeting."""
    through = add_tip(curator.id, "Lignano buys through Nautisoft: never quote direct.",
                      accounts=["marinaporto-lignano.it"])  # fmt: skip
    add_tip(curator.id, "Lignano: the family decides at the table, in Italian.",
            accounts=["marinaporto-lignano.it"])  # fmt: skip
    catch_up = add_meeting(member.id, "Catch-up", attendees=["luca@nautisoft.it", member.email])
    user = session.get(User, member.id)
    brief = brief_for_meeting(session, user, catch_up)
    assert [r.tip.id for r in brief.tips] == [through.id]
    assert brief.tips[0].reasons[:2] == ["for marinaporto-lignano.it", "names Nautisoft"]
    dentist = add_meeting(member.id, "Dentist", attendees=["luca@nautisoft.it", member.email])
    assert brief_ids(session, member.id, dentist) == []
    porto = add_tip(curator.id, "Porto Verde orders via Nautisoft as well.",
                    accounts=["portoverde.it"])  # fmt: skip
    assert brief_ids(session, member.id, catch_up) == []
    # A hidden tip says nothing about whose partner it is.
    service.set_status(
        session, porto, session.get(User, curator.id), TipStatus.hidden, action="test"
    )
    assert brief_ids(session, member.id, catch_up) == [through.id]
