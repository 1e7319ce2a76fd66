"""Briefs learn from each team's feedback (core/ranking/learning.py), through the API."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.ranking import learning
from core.ranking.brief import meeting_profile
from core.ranking.scoring import TEAM_REASON


def brief(client, person, meeting) -> dict[int, dict]:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/meetings/{meeting.id}/brief", headers=person.headers)
    assert response.status_code == 200, response.text
    return {t["id"]: t for t in response.json()["tips"]}


def mark(client, person, meeting, tip, helpful: bool) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        f"/api/meetings/{meeting.id}/feedback",
        headers=person.headers,
        json={"tip_id": tip.id, "helpful": helpful},
    )
    assert response.status_code == 200, response.text


def renewal_library(add_tip, curator):  # type: ignore[no-untyped-def]
    first = add_tip(curator.id, "Renewals: send the usage summary a week ahead.",
                    tags=["renewal"])  # fmt: skip
    second = add_tip(curator.id, "Renewal calls: ask who signs this year.", tags=["renewal"])
    return first, second


def test_helpful_rises_in_a_colleagues_similar_meeting(  # type: ignore[no-untyped-def]
    client, member, other_member, curator, add_tip, add_meeting
) -> None:
    _, second = renewal_library(add_tip, curator)
    mine = add_meeting(member.id, "Renewal call", attendees=["it@globex.com"])
    theirs = add_meeting(other_member.id, "Contract renewal", attendees=["cfo@initech.com"])
    before = brief(client, other_member, theirs)[second.id]
    assert TEAM_REASON not in before["reasons"]

    mark(client, member, mine, second, True)
    after = brief(client, other_member, theirs)[second.id]
    assert after["score"] > before["score"]
    assert TEAM_REASON in after["reasons"]


def test_not_for_this_meeting_sinks_in_that_kind_of_meeting(  # type: ignore[no-untyped-def]
    session, client, member, other_member, curator, add_tip, add_meeting
) -> None:
    first, _ = renewal_library(add_tip, curator)
    add_tip(curator.id, "Demos: show the outcome first.", tags=["demo"])
    mine = add_meeting(member.id, "Renewal call", attendees=["it@globex.com"])
    theirs = add_meeting(other_member.id, "Renewal talk", attendees=["cfo@initech.com"])
    demo = add_meeting(other_member.id, "Product demo", attendees=["cto@initech.com"])
    before = brief(client, other_member, theirs)[first.id]["score"]

    mark(client, member, mine, first, False)
    assert first.id not in brief(client, member, mine)  # gone from the meeting it was said about
    assert brief(client, other_member, theirs)[first.id]["score"] < before
    # another kind of meeting learns nothing from it
    assert learning.influence(session, meeting_profile(session, demo), [first.id]) == {}


def test_one_person_cannot_take_over(  # type: ignore[no-untyped-def]
    session, client, member, other_member, curator, add_tip, add_meeting
) -> None:
    _, second = renewal_library(add_tip, curator)
    for number in range(6):
        meeting = add_meeting(member.id, f"Renewal call {number}", attendees=[f"a@c{number}.com"])
        mark(client, member, meeting, second, True)
    theirs = add_meeting(other_member.id, "Renewal", attendees=["cfo@initech.com"])
    profile = meeting_profile(session, theirs)
    value = learning.influence(session, profile, [second.id])[second.id]
    assert math.isclose(value, math.tanh(learning.PERSON_CAP / learning.TEAM_SCALE), rel_tol=1e-6)


def test_an_account_tip_never_leaves_its_account(  # type: ignore[no-untyped-def]
    client, member, other_member, curator, add_tip, add_meeting
) -> None:
    account = add_tip(curator.id, "Globex renewals go through their CFO.", tags=["renewal"],
                      accounts=["globex.com"])  # fmt: skip
    mine = add_meeting(member.id, "Renewal call", attendees=["it@globex.com"])
    assert account.id in brief(client, member, mine)
    mark(client, member, mine, account, True)
    theirs = add_meeting(other_member.id, "Renewal call", attendees=["cfo@initech.com"])
    assert account.id not in brief(client, other_member, theirs)


def test_the_next_occurrence_of_a_series_gets_what_helped(  # type: ignore[no-untyped-def]
    session, client, member, curator, add_tip, add_meeting
) -> None:
    tip = add_tip(curator.id, "Bring the open action items from last time, nothing else.")
    first = add_meeting(member.id, "Weekly Globex sync 12", attendees=["pm@globex.com"])
    second = add_meeting(member.id, "Weekly Globex sync 13", attendees=["pm@globex.com"])
    assert learning.series_key(first) == learning.series_key(second)
    assert tip.id not in brief(client, member, second)  # nothing in the meeting says so
    mark(client, member, first, tip, True)
    shown = brief(client, member, second)
    assert tip.id in shown and TEAM_REASON in shown[tip.id]["reasons"]


def test_not_for_this_meeting_holds_for_the_rest_of_the_series(  # type: ignore[no-untyped-def]
    session, client, member, other_member, curator, add_tip, add_meeting
) -> None:
    # Fits well enough that the team's learning alone only lowers it.
    tip = add_tip(curator.id, "Globex renewals: their CFO wants the usage report first.",
                  tags=["renewal"], accounts=["globex.com"])  # fmt: skip
    first = add_meeting(member.id, "Globex renewal 12", attendees=["cfo@globex.com"])
    second = add_meeting(member.id, "Globex renewal 13", attendees=["cfo@globex.com"])
    theirs = add_meeting(other_member.id, "Globex renewal 13", attendees=["cfo@globex.com"])
    assert tip.id in brief(client, member, second) and tip.id in brief(client, other_member, theirs)
    mark(client, member, first, tip, False)
    assert tip.id not in brief(client, member, second)  # the person said so about this series
    assert tip.id in brief(client, other_member, theirs)  # a colleague's brief only sinks it
    mark(client, member, second, tip, True)  # changed their mind at this occurrence
    assert tip.id in brief(client, member, second)


def test_not_for_this_meeting_in_a_series_lets_a_new_agenda_have_the_tip(  # type: ignore[no-untyped-def]
    client, member, curator, add_tip, add_meeting
) -> None:
    # A weekly call's description is its agenda: licences were not on last week's.
    tip = add_tip(curator.id, "Globex: their CFO wants flexible licences for the spring peak.",
                  tags=["licences"], accounts=["globex.com"])  # fmt: skip
    week = "Weekly Globex"
    first = add_meeting(member.id, week, attendees=["pm@globex.com"],
                        description="Go-live plan and number porting.")  # fmt: skip
    same = add_meeting(member.id, week, attendees=["pm@globex.com"],
                       description="Go-live plan and number porting.")  # fmt: skip
    bare = add_meeting(member.id, week, attendees=["pm@globex.com"])
    licences = add_meeting(member.id, week, attendees=["pm@globex.com"],
                           description="Licences for the spring peak, go-live.")  # fmt: skip
    assert all(tip.id in brief(client, member, m) for m in (same, bare, licences))
    mark(client, member, first, tip, False)
    assert tip.id not in brief(client, member, same)  # the meeting they spoke about
    assert tip.id not in brief(client, member, bare)  # no agenda of its own
    assert tip.id in brief(client, member, licences)  # another agenda may need it


def test_this_helped_in_a_brief_counts_where_the_meeting_is_alike_not_everywhere(  # type: ignore[no-untyped-def]
    client, member, other_member, curator, make_user, add_tip, add_meeting
) -> None:
    tip = add_tip(curator.id, "Globex: their CFO wants the usage report first.",
                  accounts=["globex.com"])  # fmt: skip
    renewal = add_meeting(member.id, "Globex renewal", attendees=["cfo@globex.com"])
    demo = add_meeting(other_member.id, "Globex product demo", attendees=["cto@globex.com"])
    before = brief(client, other_member, demo)[tip.id]["score"]
    mark(client, member, renewal, tip, True)  # also the member's vote: "helped 1 colleague"
    after = brief(client, other_member, demo)[tip.id]
    assert after["score"] == before  # a demo is not a renewal
    assert "helped 1 colleague" in after["reasons"]
    reader = make_user("member")
    voted = client.post(f"/api/tips/{tip.id}/vote", headers=reader.headers)
    assert voted.status_code == 200, voted.text
    assert brief(client, other_member, demo)[tip.id]["score"] > before  # a vote from the feed


def test_this_helped_in_a_brief_wins_no_ties_in_unlike_meetings(  # type: ignore[no-untyped-def]
    client, member, curator, make_user, add_tip, add_meeting
) -> None:
    # A bare "Catch-up" with a customer: its tips tie on the account. What helped at that
    # customer's line planning says nothing about the catch-up, so it does not go first
    # there; a vote from the feed (the tip is good anywhere) does.
    first, second = (
        add_tip(curator.id, f"Noordmelk: {text}", accounts=["noordmelk.nl"])
        for text in ("buying goes through their own Excel.", "the QA lead wants the FAT plan.")
    )
    planning = add_meeting(member.id, "Noordmelk: planning vervanging pasteur lijn 2",
                           attendees=["henk@noordmelk.nl"])  # fmt: skip
    catch_up = add_meeting(member.id, "Catch-up", attendees=["piet@noordmelk.nl"])
    assert list(brief(client, member, catch_up)) == [first.id, second.id]
    mark(client, member, planning, second, True)
    assert list(brief(client, member, catch_up)) == [first.id, second.id]
    reader = make_user("member")
    voted = client.post(f"/api/tips/{second.id}/vote", headers=reader.headers)
    assert voted.status_code == 200, voted.text
    assert list(brief(client, member, catch_up)) == [second.id, first.id]


def test_private_or_free_entries_stay_quiet_unless_someone_external_attends(  # type: ignore[no-untyped-def]
    session, client, member, curator, add_tip, add_meeting
) -> None:
    add_tip(curator.id, "In forecast reviews bring the next customer action per deal.",
            tags=["forecast"])  # fmt: skip
    internal = add_meeting(member.id, "Forecast review")
    assert brief(client, member, internal)
    internal.private = True
    session.add(internal)
    session.commit()
    assert brief(client, member, internal) == {}
    internal.private, internal.free = False, True
    session.add(internal)
    session.commit()
    assert brief(client, member, internal) == {}


def test_private_entries_with_a_known_customer_are_briefed_and_others_stay_quiet(  # type: ignore[no-untyped-def]
    session, client, member, curator, add_tip, add_meeting
) -> None:
    add_tip(curator.id, "Globex signs only after their works council agrees.",
            accounts=["globex.com"])  # fmt: skip
    add_tip(curator.id, "On a site visit, ask to see where the equipment will stand.",
            tags=["site visit"])  # fmt: skip
    customer = add_meeting(member.id, "Site visit", attendees=["ana@globex.com"])
    viewing = add_meeting(member.id, "Site visit", attendees=["office@estate-agent.example"])
    assert brief(client, member, customer) and brief(client, member, viewing)
    for meeting in (customer, viewing):
        meeting.private = True
        session.add(meeting)
    session.commit()
    # A confidential deal with a customer the team knows still gets its brief ...
    assert brief(client, member, customer)
    # ... a private viewing with an estate agent is nobody's business.
    assert brief(client, member, viewing) == {}


def test_not_for_this_meeting_is_about_the_kind_of_meeting_not_the_customer(  # type: ignore[no-untyped-def]
    session, member, add_meeting
) -> None:
    # A tip wrongly shown in Globex's intro says nothing about Globex's reference call.
    call = add_meeting(member.id, "Globex reference call", attendees=["cio@globex.com"])
    profile = meeting_profile(session, call)
    vector = learning.embed(profile)
    intro_kinds = ["kind:discovery", "kind:reference"]
    args = ("other-series", ["globex.com"], intro_kinds, True, vector, profile, vector)
    helped = learning.likeness(*args, helpful=True)
    not_here = learning.likeness(*args, helpful=False)
    # the same customer counts for "this helped" only; "not for this meeting" counts half
    # outside its series
    assert helped == pytest.approx(not_here / learning.NOT_HERE_ELSEWHERE + learning.SAME_CUSTOMER)


def test_a_shared_kind_alone_carries_no_mark(session, member, add_meeting) -> None:  # type: ignore[no-untyped-def]
    """A wedding couple's first meeting and a congress enquiry are both "first meeting"."""
    call = add_meeting(member.id, "Globex intro call", attendees=["cio@globex.com"])
    profile = meeting_profile(session, call)
    vector = learning.embed(profile)
    unlike = np.zeros_like(vector)
    args = ("other-series", ["globex.com"], ["kind:discovery"], True)
    assert learning.likeness(*args, unlike, profile, vector, helpful=True) == 0.0
    assert learning.likeness(*args, vector, profile, vector, helpful=True) > 0.5


def test_not_for_this_meeting_at_a_customers_says_nothing_about_a_meeting_among_colleagues(  # type: ignore[no-untyped-def]
    session, member, add_meeting
) -> None:
    # The bid-review tip was wrongly shown at the customer's clarification call.
    review = add_meeting(member.id, "Bid review - Brindley ITT")
    profile = meeting_profile(session, review)
    vector = learning.embed(profile)
    args = ("other-series", ["brindley.gov.uk"], ["kind:tender"], True, vector, profile, vector)
    assert learning.likeness(*args, helpful=False) == 0.0
    assert learning.likeness(*args, helpful=True) > 0.0


def test_not_for_this_meeting_wins_over_what_a_colleague_found_helpful_in_the_series(  # type: ignore[no-untyped-def]
    client, member, other_member, curator, add_tip, add_meeting
) -> None:
    tip = add_tip(curator.id, "Bring the open action items from last time, nothing else.")
    mine = add_meeting(member.id, "Weekly Globex sync 13", attendees=["pm@globex.com"])
    theirs = add_meeting(other_member.id, "Weekly Globex sync 12", attendees=["pm@globex.com"])
    mark(client, other_member, theirs, tip, True)
    assert tip.id in brief(client, member, mine)  # the series door brings it in
    mark(client, member, mine, tip, False)
    assert tip.id not in brief(client, member, mine)


def test_two_meetings_in_a_language_the_encoder_lacks_are_not_alike_by_their_embeddings(  # type: ignore[no-untyped-def]
    session, member, add_meeting
) -> None:
    """Finnish texts share word pieces, not meaning: a mark at a commissioning says nothing
    about a coffee with a club, though their embeddings put them close."""
    coffee = add_meeting(
        member.id, "Kahvit seuran puheenjohtajan kanssa", attendees=["pj@jaakiekkoseura.fi"]
    )
    handover = add_meeting(
        member.id,
        "Kylmäkoneiston käyttöönotto ja henkilökunnan koulutus",
        attendees=["huolto@jaahalli.fi"],
    )
    profile, theirs = meeting_profile(session, coffee), meeting_profile(session, handover)
    assert profile.language == theirs.language == "fi"
    args = ("other-series", sorted(theirs.orgs), learning.meeting_kinds(theirs), True)
    vectors = (learning.embed(theirs), profile, learning.embed(profile))
    assert learning.likeness(*args, *vectors, helpful=True) > 0.0  # marks before 0015
    assert learning.likeness(*args, *vectors, helpful=True, mark_language="fi") == 0.0
    assert learning.likeness(*args, *vectors, helpful=True, mark_language="en") > 0.0
