"""Requests for tips reach exactly the colleagues whose calendars show they met the
customer: synced from real ICS feeds on loopback, pushed through the real pipeline,
decrypted by the push-service stand-in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from tests.calendars.conftest import calendar, vevent
from tests.insights.conftest import post_tip


def days_ago(days: float) -> datetime:
    today = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    return today - timedelta(days=days)


def meeting_with(uid: str, start: datetime, domain: str, title: str = "Catch-up") -> str:
    return vevent(uid, start, summary=title).replace(
        "END:VEVENT",
        f"ATTENDEE;CN=Buyer;PARTSTAT=ACCEPTED:mailto:buyer@{domain}\r\nEND:VEVENT",
    )


@pytest.fixture
def team(make_user, client, feed_server, allow_private, setting, subscribe):
    """Seven people with synced calendars and a phone each (who met whom, when)."""
    setting(sync_past_days=120)
    plan = {
        "requester": [("acme.example", 2)],
        "ana": [("acme.example", 30)],
        "ben": [("acme.example", 3)],
        "cem": [("acme.example", 60), ("globex.example", 1)],
        "dora": [("globex.example", 2)],  # never met Acme
        "eve": [("acme.example", 1)],  # met Acme, but opted out of requests
        "finn": [("acme.example", 100)],  # met Acme too long ago
    }
    people, phones = {}, {}
    for name, meetings in plan.items():
        person = make_user("member", name=name.title(), email=f"{name}@northwind.example")
        events = [
            meeting_with(f"{name}-{n}@x", days_ago(ago), domain)
            for n, (domain, ago) in enumerate(meetings)
        ]
        url = feed_server.serve(f"/{name}.ics", calendar(*events))
        response = client.post("/api/calendars", json={"url": url}, headers=person.headers)
        assert response.status_code == 201, response.text
        people[name], phones[name] = person, subscribe(person.id)[0]
    off = client.patch("/api/me", json={"requests_enabled": False}, headers=people["eve"].headers)
    assert off.status_code == 200 and off.json()["requests_enabled"] is False
    return people, phones


def test_a_request_reaches_exactly_the_colleagues_who_met_the_customer(
    client, team, push_service, deliver
):
    people, phones = team
    response = client.post(
        "/api/requests",
        headers=people["requester"].headers,
        json={
            "account": "ACME.example",
            "note": "Meeting their CFO on Friday: anything I should know?",
        },
    )
    assert response.status_code == 201, response.text
    request = response.json()
    assert request["account"] == "acme.example"
    assert request["asked"] == 3 and request["mine"] is True
    assert "ana" not in str(request).lower() and "ben" not in str(request).lower()

    deliver()
    reached = {name for name, phone in phones.items() if push_service.delivered(phone)}
    assert reached == {"ana", "ben", "cem"}
    assert push_service.errors == []
    payload = push_service.delivered(phones["ben"])[0]
    assert payload["event"] == "request"
    assert payload["title"] == "Tips about Acme?"
    assert payload["body"].startswith("Meeting their CFO")
    assert payload["url"] == f"/compose?request={request['id']}"


def test_at_most_five_most_recent_first(client, make_user, session, setting):
    from core.insights import contacts
    from core.models import Contact, utcnow

    setting(request_reach=5)
    requester = make_user("member")
    met = [make_user("member") for _ in range(7)]
    today = utcnow().date()
    for n, person in enumerate(met):
        session.add(Contact(user_id=person.id, org="acme.com", met_on=today - timedelta(days=n)))
    session.add(Contact(user_id=requester.id, org="acme.com", met_on=today))
    session.commit()
    asked = contacts.colleagues_who_met(session, "acme.com", exclude={requester.id})
    assert asked == [p.id for p in met[:5]]


def test_an_answer_tells_the_requester_and_shows_which_tips_answered(
    client, team, push_service, deliver, session
):
    people, phones = team
    request = client.post(
        "/api/requests",
        headers=people["requester"].headers,
        json={"account": "acme.example", "note": "Anything?"},
    ).json()
    deliver()
    tip = post_tip(
        client,
        people["ben"],
        title="Acme's CFO wants the TCO slide first",
        body="Lead with total cost of ownership.",
        accounts=["acme.example"],
        request_id=request["id"],
    )
    deliver()
    told = [p for p in push_service.delivered(phones["requester"]) if p["event"] == "answer"]
    assert len(told) == 1
    assert told[0]["title"] == "Ben shared a tip about Acme"
    assert told[0]["url"].endswith(f"#tip-{tip['id']}")

    mine = client.get("/api/requests", headers=people["requester"].headers).json()["items"]
    assert mine[0]["state"] == "answered"
    assert mine[0]["answers"] == [{"tip_id": tip["id"], "title": tip["title"]}]
    assert mine[0]["asked"] == 3
    # Colleagues see the request (to answer it), not how many were asked, and never who.
    theirs = client.get("/api/requests", headers=people["dora"].headers).json()["items"]
    assert theirs[0]["asked"] is None and theirs[0]["mine"] is False

    closed = client.post(f"/api/requests/{request['id']}/close", headers=people["ana"].headers)
    assert closed.status_code == 403
    closed = client.post(
        f"/api/requests/{request['id']}/close", headers=people["requester"].headers
    )
    assert closed.status_code == 200 and closed.json()["state"] == "closed"
    assert client.get("/api/requests", headers=people["requester"].headers).json()["items"] == []
    late = client.post(
        "/api/tips",
        headers=people["ana"].headers,
        json={"body": "Too late", "request_id": request["id"]},
    )
    assert late.status_code == 404


def test_tipoff_opens_a_request_for_an_unknown_customer_once(
    client, make_user, session, make_meeting, subscribe, setting
):
    from core.insights import contacts, requests
    from core.models import Contact, TipRequest, utcnow

    owner = make_user("member")
    colleague = make_user("member")
    subscribe(colleague.id)
    session.add(Contact(user_id=colleague.id, org="initech.com", met_on=utcnow().date()))
    make_meeting(owner.id, domains=("initech.com",), in_minutes=60 * 24)
    make_meeting(owner.id, domains=("acme.com",), in_minutes=60 * 24)
    post_tip(client, colleague, accounts=["acme.com"])  # Acme is known: no request
    session.commit()

    assert requests.auto_open(session) == 1
    opened = session.exec(select(TipRequest)).all()
    assert [(r.account, r.auto, r.asked, r.requester_id) for r in opened] == [
        ("initech.com", True, 1, owner.id)
    ]
    assert requests.auto_open(session) == 0  # an open request: not again
    requests.close(session, make_user_obj(session, owner.id), opened[0].id or 0)
    assert requests.auto_open(session) == 0  # closed, but opened less than 7 days ago
    assert contacts.colleagues_who_met(session, "initech.com", exclude=set()) == [colleague.id]


def make_user_obj(session, user_id):
    from core.models import User

    return session.get(User, user_id)


@pytest.mark.parametrize(
    "payload",
    [{"note": "x"}, {"account": "not a domain", "note": "x"}, {"account": "acme.com"},
     {"account": "acme.com", "note": ""}, {"account": "acme.com", "note": "x", "who": "me"}],
)  # fmt: skip
def test_bad_requests_are_422(client, member, payload):
    response = client.post("/api/requests", headers=member.headers, json=payload)
    assert response.status_code == 422, response.text


def test_who_met_whom_keeps_no_titles_and_expires(session, make_user, make_meeting, travel):
    from core.insights.contacts import record_contacts
    from core.models import Contact

    person = make_user("member")
    make_meeting(person.id, title="Secret merger talk", in_minutes=-30, domains=("acme.com",))
    session.commit()
    assert record_contacts(session) == 1
    rows = session.exec(select(Contact)).all()
    assert [(r.user_id, r.org) for r in rows] == [(person.id, "acme.com")]
    assert "Secret" not in str(rows[0].model_dump())
    travel(days=181)
    record_contacts(session)
    assert session.exec(select(Contact)).all() == []
