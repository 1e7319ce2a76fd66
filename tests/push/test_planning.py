"""Outbox planning: due times, moves, lead-time changes, new devices, the safety net."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from core.models import Notification, User, utcnow
from core.notifications import outbox, replan


def planned(session, **where):
    query = select(Notification)
    for name, value in where.items():
        query = query.where(getattr(Notification, name) == value)
    return session.exec(query.order_by(Notification.id)).all()


def test_due_times_for_brief_and_debrief(session, member, make_meeting, subscribe):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=180, minutes=45)
    outbox.meetings_changed(session, added=[meeting])
    brief, debrief = planned(session)
    assert (brief.kind, debrief.kind) == ("brief", "debrief")
    assert brief.due_at == meeting.start - timedelta(minutes=30)
    assert brief.expires_at == meeting.start and brief.lead_minutes == 30
    assert debrief.due_at == meeting.end + timedelta(minutes=5)
    assert brief.topic == debrief.topic == outbox.occurrence_of(meeting)
    assert brief.payload is None  # built shortly before it is due, with the tips of then


def test_inside_the_lead_time_is_due_at_once_but_started_gets_no_brief(
    session, member, make_meeting, subscribe
):
    subscribe(member.id)
    soon = make_meeting(member.id, in_minutes=10)
    started = make_meeting(member.id, in_minutes=-5)
    outbox.meetings_changed(session, added=[soon, started])
    [brief] = planned(session, kind="brief")
    assert brief.meeting_id == soon.id and brief.due_at <= utcnow()
    assert {n.meeting_id for n in planned(session, kind="debrief")} == {soon.id, started.id}


def test_a_changed_lead_time_re_times_pending_briefs(session, member, make_meeting, subscribe):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=300)
    outbox.meetings_changed(session, added=[meeting])
    user = session.get(User, member.id)
    user.lead_minutes = 90  # PATCH /api/me
    session.add(user)
    session.flush()
    assert replan.retime_for_lead_changes(session, now=utcnow()) == 1
    [brief] = planned(session, kind="brief")
    assert brief.due_at == meeting.start - timedelta(minutes=90) and brief.lead_minutes == 90
    assert replan.retime_for_lead_changes(session, now=utcnow()) == 0  # idempotent


def test_a_move_after_the_brief_was_sent_re_arms_only_if_far_later(
    session, member, make_meeting, subscribe
):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=20)
    outbox.meetings_changed(session, added=[meeting])
    [brief] = planned(session, kind="brief")
    brief.state, brief.sent_at = "sent", utcnow()
    session.add(brief)
    meeting.start += timedelta(minutes=10)  # a small slip: the brief already shown still fits
    session.add(meeting)
    outbox.meetings_changed(session, moved=[meeting])
    assert planned(session, kind="brief")[0].state == "sent"
    meeting.start += timedelta(days=1)  # moved to tomorrow: brief again then
    meeting.end += timedelta(days=1)
    session.add(meeting)
    outbox.meetings_changed(session, moved=[meeting])
    [brief] = planned(session, kind="brief")
    assert brief.state == "pending" and brief.due_at == meeting.start - timedelta(minutes=30)


def test_prepare_ahead_builds_payloads_for_what_is_due_soon(
    session, member, make_meeting, acme_tip, subscribe
):
    subscribe(member.id)
    soon = make_meeting(member.id, in_minutes=38)  # due in 8 minutes
    later = make_meeting(member.id, in_minutes=120)
    outbox.meetings_changed(session, added=[soon, later])
    assert replan.prepare_soon(session, now=utcnow(), ahead=timedelta(minutes=10)) == 1
    by_meeting = {n.meeting_id: n for n in planned(session, kind="brief")}
    assert by_meeting[soon.id].payload is not None
    assert by_meeting[later.id].payload is None


def test_the_safety_net_plans_meetings_nobody_announced(session, member, make_meeting, subscribe):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=60)  # written without meetings_changed
    far = make_meeting(member.id, in_minutes=3 * 24 * 60)
    assert replan.catch_up(session, now=utcnow()) == 1
    assert {n.meeting_id for n in planned(session)} == {meeting.id}
    assert far.id not in {n.meeting_id for n in planned(session)}
    assert replan.catch_up(session, now=utcnow()) == 0


def test_removed_meeting_drops_pending_rows_and_keeps_a_past_one_alone(
    session, member, make_meeting, subscribe
):
    subscribe(member.id)
    upcoming = make_meeting(member.id, in_minutes=120)
    outbox.meetings_changed(session, added=[upcoming])
    outbox.meetings_changed(session, removed=[upcoming])
    assert {n.state for n in planned(session)} == {"dropped"}
    assert planned(session, kind="withdraw") == []  # nothing was shown: nothing to withdraw


def test_finished_rows_are_purged_after_30_days(session, member, make_meeting, subscribe):
    subscribe(member.id)
    old = make_meeting(member.id, in_minutes=60)
    outbox.meetings_changed(session, added=[old])
    for row in planned(session):
        row.state = "sent"
        session.add(row)
    session.flush()
    assert replan.purge_finished(session, now=utcnow() + timedelta(days=29)) == 0
    assert replan.purge_finished(session, now=utcnow() + timedelta(days=31)) == 2
    assert planned(session) == []
