"""Gaps come from really synced calendars (ICS feeds on loopback), ranked as the briefs are."""

from __future__ import annotations

import csv
import io

import pytest

from tests.calendars.conftest import calendar, soon, vevent
from tests.insights.conftest import post_tip


def with_customer(uid, start, domain, title):
    return vevent(uid, start, summary=title).replace(
        "END:VEVENT", f"ATTENDEE;CN=Kim;PARTSTAT=ACCEPTED:mailto:kim@{domain}\r\nEND:VEVENT"
    )


@pytest.fixture
def synced(make_user, client, feed_server, allow_private):
    feeds = {
        "ada": [
            with_customer("a1@x", soon(1), "acme.example", "Acme pricing negotiation"),
            with_customer("a2@x", soon(3), "globex.example", "Globex pricing negotiation"),
            vevent("a3@x", soon(2, hour=8), summary="Dentist"),
        ],
        "bo": [
            with_customer("b1@x", soon(2), "acme.example", "Acme quarterly business review"),
            vevent("b2@x", soon(4), summary="Contract renewal prep"),
        ],
        "cy": [
            with_customer("c1@x", soon(5), "acme.example", "Acme kickoff"),
            with_customer("c2@x", soon(13, hour=20), "initech.example", "Initech intro call"),
        ],
    }
    people = {}
    for name, events in feeds.items():
        person = make_user("member", name=name.title(), email=f"{name}@northwind.example")
        url = feed_server.serve(f"/{name}.ics", calendar(*events))
        assert (
            client.post("/api/calendars", json={"url": url}, headers=person.headers).status_code
            == 201
        )
        people[name] = person
    return people


def test_gaps_group_by_customer_and_kind_with_counts_only(client, curator, synced):
    post_tip(
        client,
        curator,
        title="Globex pricing: they accept a ramp, not a discount",
        body="In a Globex pricing negotiation, offer a price ramp over three years; "
        "their procurement refuses straight discounts.",
        tags=["pricing", "negotiation"],
        accounts=["globex.example"],
    )
    response = client.get("/api/insights/gaps?days=14", headers=curator.headers)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    by_label = {i["label"]: i for i in items}
    assert items[0]["label"] == "acme.example"
    acme = by_label["acme.example"]
    assert (acme["account"], acme["kind"], acme["meetings"], acme["people"]) == (
        "acme.example", None, 3, 3,
    )  # fmt: skip
    assert acme["tips"] == 0 and acme["empty_briefs"] == 3 and acme["weak_briefs"] == 0
    assert acme["library_url"] == "/tips?account=acme.example"
    assert acme["first_date"] == soon(1).date().isoformat()
    assert "globex.example" not in by_label  # a strong tip covers it
    assert "initech.example" in by_label  # 13 days ahead: inside 14 days
    renewal = [i for i in items if i["kind"] == "kind:renewal"]
    assert len(renewal) == 1 and renewal[0]["account"] is None and renewal[0]["meetings"] == 1
    assert renewal[0]["library_url"].startswith("/tips?q=")
    # Counts only: no person and no meeting title anywhere.
    text = response.text.lower()
    for word in ("ada", "bo@", "cy@", "dentist", "kickoff", "quarterly", "prep"):
        assert word not in text
    assert [m for m in [i["meetings"] for i in items]] == sorted(
        [i["meetings"] for i in items], reverse=True
    )

    shorter = client.get("/api/insights/gaps?days=7", headers=curator.headers).json()["items"]
    assert "initech.example" not in {i["label"] for i in shorter}

    exported = client.get("/api/insights/gaps?days=14&format=csv", headers=curator.headers)
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows[0]["label"] == "acme.example" and rows[0]["meetings"] == "3"


def test_gaps_are_for_curators(client, member, synced):
    assert client.get("/api/insights/gaps", headers=member.headers).status_code == 403
    assert client.get("/api/insights/gaps").status_code == 401


@pytest.mark.parametrize("query", ["days=0", "days=61", "days=x", "format=xml"])
def test_bad_gap_queries_are_422(client, curator, query):
    assert client.get(f"/api/insights/gaps?{query}", headers=curator.headers).status_code == 422
