"""Usage with the privacy floor: with 4 people no route, export or metric shows a
per-tip row; with 5 it does. Briefs go out through the real push pipeline."""

from __future__ import annotations

import csv
import io

import pytest
from sqlmodel import select

from tests.insights.conftest import ACME_TIP, post_tip


@pytest.fixture
def briefed(client, session, make_user, make_meeting, subscribe, deliver, push_service):
    """``briefed(n)``: n people each get a pushed brief with the Acme tip, open it and mark it."""
    author = make_user("member")
    tip = post_tip(client, author, **ACME_TIP)

    def run(n: int) -> dict:
        from core.insights.signals import collect_outbox

        people = [make_user("member") for _ in range(n)]
        meetings, phones = {}, {}
        for person in people:
            phones[person.id] = subscribe(person.id)[0]
            meetings[person.id] = make_meeting(person.id, in_minutes=20)
        session.commit()
        from core.notifications.outbox import plan_meetings

        plan_meetings(session, list(meetings.values()))
        session.commit()
        deliver()
        for person in people:  # each phone shows its brief; the service worker says so
            brief = next(
                p for p in push_service.delivered(phones[person.id]) if p["event"] == "brief"
            )
            shown = client.post(
                "/api/push/receipts", json={"receipt": brief["receipt"], "event": "shown"}
            )
            assert shown.status_code == 204, shown.text
        assert collect_outbox(session) >= n
        for person in people:
            meeting = meetings[person.id]
            for _ in range(3):  # opened three times: one open
                brief = client.get(f"/api/meetings/{meeting.id}/brief", headers=person.headers)
                assert [t["id"] for t in brief.json()["tips"]] == [tip["id"]]
            marked = client.post(
                f"/api/meetings/{meeting.id}/feedback",
                headers=person.headers,
                json={"tip_id": tip["id"], "helpful": True},
            )
            assert marked.status_code == 200, marked.text
        return tip

    return run


def usage(client, person, **query):
    response = client.get("/api/insights/usage", headers=person.headers, params=query)
    assert response.status_code == 200, response.text
    return response.json()


def test_four_people_never_make_a_row(client, curator, admin, briefed):
    briefed(4)
    for by in ("tip", "tag", "week"):
        report = usage(client, curator, by=by)
        assert report["items"] == [], by
        assert report["other"]["delivered"] > 0 and report["other"]["helpful"] == (
            4 if by != "tag" else 8
        )
        exported = client.get(
            "/api/insights/usage", headers=curator.headers, params={"by": by, "format": "csv"}
        )
        rows = list(csv.DictReader(io.StringIO(exported.text)))
        assert [r["key"] for r in rows] == ["other"]
    assert usage(client, curator)["funnel"] == {"debrief_prompts": None, "debrief_tips": None}
    metrics = client.get("/metrics", headers=admin.headers).text
    assert "tipoff_usage" in metrics
    assert 'tip="' not in metrics and "tip:" not in metrics
    assert "tipoff_usage_total{" not in metrics  # the team total is below the floor too


def test_five_people_make_a_row_counted_once_per_brief(client, curator, admin, briefed):
    tip = briefed(5)
    report = usage(client, curator, by="tip")
    assert report["items"] == [
        {
            "key": f"tip:{tip['id']}",
            "label": tip["title"],
            "delivered": 5,
            "shown": 5,
            "opened": 5,
            "helpful": 5,
            "not_helpful": 0,
        }
    ]
    tags = {r["key"]: r for r in usage(client, curator, by="tag")["items"]}
    assert (
        set(tags) == {"tag:pricing", "tag:negotiation"}
        and tags["tag:pricing"]["label"] == "#pricing"
    )
    weeks = usage(client, curator, by="week")["items"]
    assert len(weeks) == 1 and weeks[0]["delivered"] == 5
    metrics = client.get("/metrics", headers=admin.headers).text
    assert 'tipoff_usage_total{metric="delivered"} 5.0' in metrics


def test_a_closed_week_keeps_numbers_and_forgets_digests(client, session, curator, briefed, travel):
    from core.insights.usage import close_weeks
    from core.models import UsageCount, UsageSalt, UsageSeen

    tip = briefed(5)
    travel(days=8)
    assert close_weeks(session) == 1
    session.commit()
    assert session.exec(select(UsageSeen)).all() == []
    assert session.exec(select(UsageSalt)).all() == []
    people = session.exec(
        select(UsageCount).where(
            UsageCount.metric == "people", UsageCount.key == f"tip:{tip['id']}"
        )
    ).one()
    assert people.count == 5
    report = usage(client, curator, by="tip")
    assert [r["key"] for r in report["items"]] == [f"tip:{tip['id']}"]


def test_only_admins_change_the_floor_and_it_is_recorded(client, session, curator, admin, briefed):
    from core.models import AuditEvent, InsightsPolicy

    briefed(4)
    assert (
        client.put(
            "/api/insights/privacy", headers=curator.headers, json={"min_group": 3}
        ).status_code
        == 403
    )
    assert (
        client.put(
            "/api/insights/privacy", headers=admin.headers, json={"min_group": 1}
        ).status_code
        == 422
    )
    changed = client.put("/api/insights/privacy", headers=admin.headers, json={"min_group": 3})
    assert changed.status_code == 200 and changed.json()["min_group"] == 3
    assert [(p.min_group, p.changed_by_id) for p in session.exec(select(InsightsPolicy))] == [
        (3, admin.id)
    ]
    events = session.exec(
        select(AuditEvent).where(AuditEvent.action == "insights.privacy_floor")
    ).all()
    assert [(e.actor_id, e.detail) for e in events] == [
        (admin.id, {"from": 5, "to": 3, "lowered": True})
    ]
    assert len(usage(client, curator, by="tip")["items"]) == 1


def test_usage_is_for_curators_and_ranges_are_checked(client, member, curator):
    assert client.get("/api/insights/usage", headers=member.headers).status_code == 403
    bad = client.get(
        "/api/insights/usage",
        headers=curator.headers,
        params={"from": "2026-05-01", "to": "2026-01-01"},
    )
    assert bad.status_code == 422
    assert client.get("/api/insights/usage?by=person", headers=curator.headers).status_code == 422
    for query in ("to=0001-01-01", "from=9999-12-31", "from=0001-01-01&to=0001-01-02"):
        assert (
            client.get(f"/api/insights/usage?{query}", headers=curator.headers).status_code == 422
        )
        assert client.get(f"/api/insights/page?{query}", headers=curator.headers).status_code == 422


def test_helpers_are_opt_in(client, member, other_member):
    post_tip(client, member)
    post_tip(client, other_member)
    assert client.get("/api/insights/helpers", headers=member.headers).json()["items"] == []
    client.patch("/api/me", headers=member.headers, json={"show_in_helpers": True})
    items = client.get("/api/insights/helpers", headers=other_member.headers).json()["items"]
    assert items == [{"name": member.name, "tips": 1, "helpful": 0}]
