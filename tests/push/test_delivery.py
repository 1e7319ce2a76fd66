"""End to end through real crypto: outbox → claim → encrypt/sign → push service → decrypt.

Every push here is verified by the stand-in (VAPID signature and claims) and
decrypted with the subscriber's private key; a test only passes if the payload
that arrives is the one that was sent.
"""

from __future__ import annotations

import json
from datetime import timedelta

from sqlmodel import select

from core.models import Device, Notification, User
from core.notifications import outbox


def rows(session, **where):
    query = select(Notification)
    for name, value in where.items():
        query = query.where(getattr(Notification, name) == value)
    return session.exec(query.order_by(Notification.id)).all()


def test_a_brief_arrives_decrypted_with_the_right_headers(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver
):
    _subscriber, device = subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=20)  # inside the 30-minute lead time: due now
    outbox.meetings_changed(session, added=[meeting])

    report = deliver()

    assert push_service.errors == []
    assert report.sent == 1
    [got] = push_service.received
    receipt = got.payload.pop("receipt")
    assert len(receipt) >= 22  # 16 random bytes
    assert got.payload == {
        "event": "brief",
        "v": 1,
        "meeting": {
            "id": meeting.id,
            "title": "Acme pricing negotiation",
            "start": meeting.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "tips": [{"id": acme_tip.id, "title": acme_tip.title, "body": acme_tip.body}],
        "url": f"/m/{meeting.id}",
    }
    [brief] = rows(session, kind="brief")
    assert json.loads(brief.payload) == {**got.payload, "receipt": receipt}  # stored = arrived
    assert brief.receipt_hash and receipt not in brief.receipt_hash  # only a hash is kept
    assert brief.state == "sent" and brief.sent_at is not None
    assert got.headers["urgency"] == "high"
    assert got.headers["topic"] == brief.topic == outbox.occurrence_of(meeting)
    assert 0 < int(got.headers["ttl"]) <= 20 * 60  # never longer than the time to the start
    assert got.claims["aud"] == push_service.origin
    assert got.claims["sub"].startswith("mailto:")
    session.refresh(device)
    assert device.last_sent_at is not None


def test_last_push_time_is_kept_to_the_minute(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    """Settings shows "last push HH:MM": within a minute the device row is not rewritten."""
    _subscriber, device = subscribe(member.id)
    for in_minutes in (20, 30.5, 34):  # due now, in 30 s, in 4 min (lead time 30 min)
        outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=in_minutes)])
    session.commit()

    assert deliver().sent == 1
    session.refresh(device)
    first = device.last_sent_at
    assert first is not None
    clock.advance(seconds=40)
    assert deliver().sent == 1
    session.refresh(device)
    assert device.last_sent_at == first
    clock.advance(minutes=4)
    assert deliver().sent == 1
    session.refresh(device)
    assert device.last_sent_at is not None and device.last_sent_at > first + timedelta(minutes=4)


def test_nothing_is_sent_before_it_is_due(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=90)
    outbox.meetings_changed(session, added=[meeting])
    assert deliver().total == 0
    clock.advance(minutes=59)  # due at start - 30 min = in 60 minutes
    assert deliver().total == 0
    clock.advance(minutes=2)
    assert deliver().sent == 1
    assert push_service.received[0].payload["event"] == "brief"
    assert push_service.errors == []


def test_a_meeting_with_an_empty_brief_gets_no_push(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver
):
    subscribe(member.id)
    dentist = make_meeting(member.id, title="Dentist", domains=(), in_minutes=10)
    outbox.meetings_changed(session, added=[dentist])
    report = deliver()
    assert push_service.received == []
    assert report.sent == 0
    [brief] = rows(session, kind="brief")
    assert brief.state == "skipped" and brief.last_error == "no tip fits this meeting"


def test_every_device_of_the_person_gets_it_and_ranking_runs_once(
    session, member, other_member, make_meeting, acme_tip, subscribe, push_service, deliver
):
    phone, _ = subscribe(member.id, "Phone")
    tablet, _ = subscribe(member.id, "Tablet")
    someone_else, _ = subscribe(other_member.id)
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=5)])
    assert deliver().sent == 2
    assert len(push_service.delivered(phone)) == 1
    assert len(push_service.delivered(tablet)) == 1
    assert push_service.delivered(someone_else) == []
    [on_phone], [on_tablet] = push_service.delivered(phone), push_service.delivered(tablet)
    assert on_phone.pop("receipt") != on_tablet.pop("receipt")  # one receipt per notification
    assert on_phone == on_tablet
    assert push_service.errors == []


def test_moved_meeting_is_re_timed(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=60)
    outbox.meetings_changed(session, added=[meeting])
    # Moved two hours later before its brief was due.
    meeting.start += timedelta(hours=2)
    meeting.end += timedelta(hours=2)
    session.add(meeting)
    session.flush()
    outbox.meetings_changed(session, moved=[meeting])
    [brief] = rows(session, kind="brief")
    assert brief.due_at == meeting.start - timedelta(minutes=30)
    assert brief.expires_at == meeting.start
    clock.advance(minutes=31)  # the old due time has passed
    assert deliver().sent == 0
    clock.advance(hours=2)
    assert deliver().sent == 1
    assert push_service.received[0].payload["meeting"]["start"] == meeting.start.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert push_service.errors == []


def test_cancelled_after_the_brief_was_shown_is_withdrawn_with_the_same_topic(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, phone
):
    _subscriber, _ = subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=15)
    outbox.meetings_changed(session, added=[meeting])
    assert deliver().sent == 1
    assert phone.show() == 1
    outbox.meetings_changed(session, removed=[meeting])
    session.delete(meeting)  # what the sync does right after
    session.flush()
    assert deliver().sent == 1
    brief, withdraw = push_service.received
    assert withdraw.payload.pop("receipt")
    assert withdraw.payload == {
        "event": "withdraw",
        "v": 1,
        "meeting": brief.payload["meeting"],
        "url": "/",
    }
    assert withdraw.topic == brief.topic  # replaces it at the push service too
    assert [r.state for r in rows(session)] == [
        "sent",
        "dropped",
        "sent",
    ]  # brief, debrief, withdraw
    assert push_service.errors == []


def test_cancelled_before_it_was_due_is_just_dropped(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=120)
    outbox.meetings_changed(session, added=[meeting])
    outbox.meetings_changed(session, removed=[meeting])
    session.delete(meeting)
    session.flush()
    clock.advance(hours=3)
    assert deliver().total == 0
    assert push_service.received == []
    assert {r.state for r in rows(session)} == {"dropped"}


def test_cancelled_after_sending_but_never_shown_gets_no_withdraw(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, phone
):
    """A phone that never showed the brief is not bothered with a "Cancelled" note;
    if it shows the brief later (it was off), the receipt brings the withdraw."""
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=15)
    outbox.meetings_changed(session, added=[meeting])
    assert deliver().sent == 1
    outbox.meetings_changed(session, removed=[meeting])
    session.delete(meeting)
    session.flush()
    assert deliver().total == 0
    assert [r.payload["event"] for r in push_service.received] == ["brief"]
    # the phone comes back on and shows the brief: now it is withdrawn
    assert phone.show() == 1
    assert deliver().sent == 1
    brief, withdraw = push_service.received
    assert withdraw.payload["event"] == "withdraw" and withdraw.topic == brief.topic
    assert withdraw.payload["meeting"] == brief.payload["meeting"]
    assert push_service.errors == []


def test_cancelled_while_in_flight_is_withdrawn_once_shown(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, phone, clock
):
    from core.notifications.claim import claim_due

    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=15)
    outbox.meetings_changed(session, added=[meeting])
    [claimed] = claim_due(session, now=clock(), limit=10, lease_seconds=60)
    session.commit()
    outbox.meetings_changed(session, removed=[meeting])  # while a worker is sending it
    session.delete(meeting)
    session.flush()
    [brief] = rows(session, kind="brief")
    assert brief.state == "dropped"
    from core.notifications import receipts

    token = json.loads(claimed.payload)["receipt"]
    receipts.record(session, token, "shown", now=clock())  # it did reach the phone
    [withdraw] = rows(session, kind="withdraw")
    assert withdraw.state == "pending" and withdraw.topic == brief.topic
    assert json.loads(withdraw.payload)["meeting"]["title"] == "Acme pricing negotiation"


def test_a_meeting_that_comes_back_is_briefed_again(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, phone
):
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=15)
    outbox.meetings_changed(session, added=[meeting])
    deliver()
    phone.show()
    outbox.meetings_changed(session, removed=[meeting])
    deliver()
    outbox.meetings_changed(session, added=[meeting])  # re-accepted: back in the calendar
    deliver()
    events = [r.payload["event"] for r in push_service.received]
    assert events == ["brief", "withdraw", "brief"]
    assert push_service.errors == []


def test_410_deletes_the_device(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver
):
    subscriber, device = subscribe(member.id)
    device_id = device.id
    push_service.unsubscribe(subscriber)
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=10)])
    report = deliver()
    assert report.gone == 1
    assert session.get(Device, device_id) is None
    assert rows(session) == []  # its outbox rows went with it


def test_429_is_retried_after_retry_after(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscriber, _ = subscribe(member.id)
    push_service.script(subscriber, [(429, {"Retry-After": "120"})])
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=25)])
    before = clock()
    assert deliver().retry == 1
    [brief] = rows(session, kind="brief")
    assert brief.state == "pending" and brief.attempts == 1
    assert timedelta(seconds=119) <= brief.due_at - before <= timedelta(seconds=125)
    assert brief.last_error.startswith("429")
    assert deliver().total == 0  # not before Retry-After
    clock.advance(seconds=121)
    assert deliver().sent == 1
    assert [r.status for r in push_service.received] == [429, 201]
    # The retry is the same message: same payload, same Topic.
    first, second = push_service.received
    assert first.payload == second.payload and first.topic == second.topic
    assert push_service.errors == []


def test_5xx_backs_off_and_gives_up_when_the_meeting_starts(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscriber, _ = subscribe(member.id)
    push_service.script(subscriber, [(503, {})] * 20)
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=2)])
    assert deliver().retry == 1
    [brief] = rows(session, kind="brief")
    assert brief.due_at - clock() >= timedelta(seconds=20)  # backoff, not a hot loop
    clock.advance(seconds=100)
    report = deliver()
    assert report.failed == 1  # the next retry would be after the start: too late
    session.refresh(brief)
    assert brief.state == "failed" and "too late" in brief.last_error


def test_exactly_one_push_per_meeting_across_restarts_and_resyncs(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscriber, _ = subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=10)
    for _ in range(3):  # the sync sees it again and again
        outbox.meetings_changed(session, added=[meeting])
        deliver()  # a fresh event loop and client each time: a restarted worker
    clock.advance(minutes=5)
    deliver()
    assert len(push_service.delivered(subscriber)) == 1
    assert len(rows(session, kind="brief")) == 1


def test_a_claim_that_died_before_sending_is_sent_once_after_the_lease(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    from core.notifications.claim import claim_due
    from core.settings import get_settings

    subscriber, _ = subscribe(member.id)
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=20)])
    lease = get_settings().push_lease_seconds
    [_claimed] = claim_due(session, now=clock(), limit=10, lease_seconds=lease)
    session.commit()  # ... and the worker is killed here
    assert deliver().total == 0  # leased: nobody else takes it
    clock.advance(seconds=lease + 1)
    assert deliver().sent == 1
    assert len(push_service.delivered(subscriber)) == 1
    [brief] = rows(session, kind="brief")
    assert brief.attempts == 2


def test_a_result_from_a_worker_that_lost_its_lease_changes_nothing(
    session, member, make_meeting, acme_tip, subscribe, push_service, clock
):
    from core.notifications.claim import claim_due
    from core.notifications.results import record_results
    from core.push.webpush import Outcome, PushResult
    from core.settings import get_settings

    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=20)
    outbox.meetings_changed(session, added=[meeting])
    [claimed] = claim_due(session, now=clock(), limit=10, lease_seconds=60)
    # Meanwhile the meeting moved: the row was re-armed, the lease is void.
    outbox.meetings_changed(session, moved=[meeting])
    record_results(
        session, [(claimed, PushResult(Outcome.sent, 201))], now=clock(), settings=get_settings()
    )
    session.expire_all()
    [brief] = rows(session, kind="brief")
    assert brief.state == "pending"


def test_debrief_after_the_meeting_at_most_once(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscriber, _ = subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=10, minutes=30)
    outbox.meetings_changed(session, added=[meeting])
    deliver()
    clock.advance(minutes=40)  # ended 0 min ago; debrief comes 5 minutes after
    assert deliver().total == 0
    clock.advance(minutes=6)
    assert deliver().sent == 1
    outbox.meetings_changed(session, added=[meeting])  # a re-sync after it
    clock.advance(minutes=10)
    deliver()
    events = [p["event"] for p in push_service.delivered(subscriber)]
    assert events == ["brief", "debrief"]
    debrief = push_service.delivered(subscriber)[1]
    assert debrief["url"] == f"/compose?meeting={meeting.id}"
    assert debrief["meeting"]["id"] == meeting.id
    assert push_service.errors == []


def test_debrief_honours_the_user_setting(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    user = session.get(User, member.id)
    user.debrief_enabled = False
    session.add(user)
    subscriber, _ = subscribe(member.id)
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=10)])
    deliver()
    clock.advance(hours=1)
    deliver()
    assert [p["event"] for p in push_service.delivered(subscriber)] == ["brief"]
    [debrief] = rows(session, kind="debrief")
    assert debrief.state == "skipped" and "switched off" in debrief.last_error


def test_no_debrief_for_a_private_appointment(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock
):
    subscriber, _ = subscribe(member.id)
    outbox.meetings_changed(
        session, added=[make_meeting(member.id, title="Dentist", domains=(), in_minutes=10)]
    )
    clock.advance(hours=1)
    deliver()
    assert push_service.delivered(subscriber) == []


def test_the_cipher_pool_encrypts_in_helper_processes(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, monkeypatch
):
    from core.notifications import deliver as delivery
    from core.push.cipher import shared_encryptor
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "push_encrypt_processes", 1)
    monkeypatch.setattr(delivery, "CHUNK", 1)  # a "big" pass: encryption goes to the pool
    subscribers = [subscribe(member.id, f"Device {n}")[0] for n in range(3)]
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=10)])
    assert deliver().sent == 3
    assert shared_encryptor(1).helper_pids()  # the helper process really ran
    payloads = [push_service.delivered(s) for s in subscribers]
    assert all(len(p) == 1 and p[0]["event"] == "brief" for p in payloads)
    assert push_service.errors == []
