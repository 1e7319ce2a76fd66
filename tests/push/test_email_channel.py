"""Email as the second channel, end to end: pushes through the decrypting stand-in, receipts
as the service worker sends them, mail through a real SMTP server on loopback (aiosmtpd).

The goals of issue 16: no brief lost when a device dies (410), when the phone never
shows it (email within ``fallback_minutes`` + 1 min), and a cancelled meeting is
withdrawn only where its brief was shown.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import select

from core.models import BriefEmail, Device, Notification, User
from core.notifications import email_briefs, outbox
from core.notifications.mail_outbox import deliver_due_mail


def email_round(session, clock) -> int:
    written = email_briefs.plan_briefs(session, now=clock()) + email_briefs.plan_debriefs(
        session, now=clock()
    )
    session.commit()
    return written


def mails(smtp_server, mail_unit_of_work, clock, count):
    deliver_due_mail(unit_of_work=mail_unit_of_work, now=clock())
    return smtp_server.wait_for(count)


def set_user(session, user_id, **values):
    user = session.get(User, user_id)
    for name, value in values.items():
        setattr(user, name, value)
    session.add(user)
    session.commit()
    return user


def test_no_receipt_falls_back_to_email_within_the_fallback_time(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock,
    smtp_server, mail_unit_of_work,
):  # fmt: skip
    subscribe(member.id)
    meeting = make_meeting(member.id, in_minutes=25)  # due at once (lead 30)
    outbox.meetings_changed(session, added=[meeting])
    assert deliver().sent == 1
    sent_at = clock()
    # the phone is asleep: no receipt. Nothing by email before fallback_minutes (5)...
    clock.advance(minutes=4)
    assert email_round(session, clock) == 0
    # ...and once the job runs after them (it runs every few seconds), the email goes
    clock.advance(minutes=1, seconds=30)
    assert email_round(session, clock) == 1
    assert clock() - sent_at <= timedelta(minutes=5 + 1)
    [mail] = mails(smtp_server, mail_unit_of_work, clock, 1)
    assert mail.recipients == [member.email]
    assert mail.message["Subject"].startswith("Brief: Acme pricing negotiation at ")
    assert "did not show this brief" in mail.text
    assert acme_tip.title in mail.text and acme_tip.title in mail.html
    assert f"/m/{meeting.id}" in mail.text  # the same links as the app
    assert any("/helped/" in link for link in mail.links())
    assert email_round(session, clock) == 0  # once


def test_a_shown_brief_is_not_emailed(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock, phone,
    smtp_server,
):  # fmt: skip
    subscribe(member.id)
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=25)])
    assert deliver().sent == 1
    assert phone.show() == 1
    clock.advance(minutes=10)
    assert email_round(session, clock) == 0


def test_no_fallback_once_the_meeting_started_or_when_switched_off(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock, smtp_server,
):  # fmt: skip
    subscribe(member.id)
    set_user(session, member.id, fallback_minutes=0)
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=25)])
    assert deliver().sent == 1
    clock.advance(minutes=10)
    assert email_round(session, clock) == 0  # 0 = off
    set_user(session, member.id, fallback_minutes=5)
    clock.advance(minutes=20)  # the meeting has started: too late to help
    assert email_round(session, clock) == 0


def test_device_death_loses_no_brief(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock,
    smtp_server, mail_unit_of_work,
):  # fmt: skip
    subscriber, device = subscribe(member.id)
    device_id = device.id
    push_service.script(subscriber, [(410, {})])
    meeting = make_meeting(member.id, in_minutes=25)
    outbox.meetings_changed(session, added=[meeting])
    assert deliver().gone == 1
    assert session.get(Device, device_id) is None
    # no device left: the brief goes by email at once (email is set up)
    assert email_round(session, clock) == 1
    [mail] = mails(smtp_server, mail_unit_of_work, clock, 1)
    assert acme_tip.title in mail.text
    [row] = session.exec(select(BriefEmail)).all()
    assert row.reason == "no_device"


def test_someone_without_a_device_gets_email_only_when_email_is_set_up(
    session, member, make_meeting, acme_tip, clock, monkeypatch
):
    from pydantic import SecretStr

    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "smtp_url", SecretStr(""))
    make_meeting(member.id, in_minutes=25)
    assert email_round(session, clock) == 0
    monkeypatch.setattr(get_settings(), "smtp_url", SecretStr("smtp://127.0.0.1:1"))
    assert email_round(session, clock) == 1


def test_email_channel_gets_brief_and_debrief_by_email_and_no_push(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock,
    smtp_server, mail_unit_of_work,
):  # fmt: skip
    subscribe(member.id)
    set_user(session, member.id, brief_channel="email")
    meeting = make_meeting(member.id, in_minutes=90)
    outbox.meetings_changed(session, added=[meeting])
    assert email_round(session, clock) == 0  # not due yet (lead 30)
    clock.advance(minutes=61)
    assert deliver().sent == 0  # no push brief for email people
    assert email_round(session, clock) == 1
    [brief] = mails(smtp_server, mail_unit_of_work, clock, 1)
    assert "did not show" not in brief.text
    clock.advance(minutes=30 + 30 + 6)  # the meeting (30 min) ended 6 minutes ago
    assert deliver().sent == 0  # no push debrief either
    assert email_round(session, clock) == 1
    _, debrief = mails(smtp_server, mail_unit_of_work, clock, 2)
    assert debrief.message["Subject"].startswith("What did you learn?")
    assert f"/compose?meeting={meeting.id}" in debrief.text
    assert email_round(session, clock) == 0


def test_both_channels(
    session, member, make_meeting, acme_tip, subscribe, push_service, deliver, clock, phone,
    smtp_server,
):  # fmt: skip
    subscribe(member.id)
    set_user(session, member.id, brief_channel="both")
    outbox.meetings_changed(session, added=[make_meeting(member.id, in_minutes=25)])
    assert deliver().sent == 1
    assert phone.show() == 1
    assert email_round(session, clock) == 1  # by email as well, shown or not


def test_helped_link_needs_no_sign_in_and_works_once(
    client, session, member, make_meeting, acme_tip, clock, smtp_server, mail_unit_of_work
):
    make_meeting(member.id, in_minutes=25)
    assert email_round(session, clock) == 1
    [mail] = mails(smtp_server, mail_unit_of_work, clock, 1)
    link = next(link for link in mail.links() if "/helped/" in link)
    path = link[link.index("/helped/") :]
    page = client.get(path)  # a mail scanner opening the link must not vote
    assert page.status_code == 200 and "Did this tip help?" in page.text
    session.refresh(acme_tip)
    assert acme_tip.helpful_count == 0
    counted = client.post(path)
    assert counted.status_code == 200 and "Thank you" in counted.text
    session.refresh(acme_tip)
    assert acme_tip.helpful_count == 1
    again = client.post(path)
    assert again.status_code == 200 and "Already counted" in again.text
    session.refresh(acme_tip)
    assert acme_tip.helpful_count == 1
    forged = re.sub(r"\.[A-Za-z0-9_-]{22}$", ".AAAAAAAAAAAAAAAAAAAAAA", path)
    assert client.post(forged).status_code == 404
    assert client.get("/helped/1.2.nonsense").status_code == 404


def test_goals_no_brief_lost(
    session, make_user, make_meeting, acme_tip, subscribe, push_service, deliver, clock, phone,
    smtp_server, mail_unit_of_work,
):  # fmt: skip
    """Three people, three ways a push fails; every brief reaches its person."""
    dead, asleep, fine = (make_user("member") for _ in range(3))
    dead_phone, _ = subscribe(dead.id)
    subscribe(asleep.id)
    fine_phone, _ = subscribe(fine.id)
    push_service.script(dead_phone, [(410, {})])
    meetings = {p.id: make_meeting(p.id, in_minutes=25) for p in (dead, asleep, fine)}
    outbox.meetings_changed(session, added=list(meetings.values()))
    deliver()
    phone.show(fine_phone)  # only this phone shows it
    clock.advance(minutes=6)
    assert email_round(session, clock) == 2
    received = mails(smtp_server, mail_unit_of_work, clock, 2)
    assert sorted(m.recipients[0] for m in received) == sorted([dead.email, asleep.email])
    shown = session.exec(select(Notification).where(Notification.shown_at.is_not(None))).all()
    assert [n.user_id for n in shown] == [fine.id]


def test_no_device_people_get_the_debrief_by_email_too(
    session, member, make_meeting, acme_tip, clock, smtp_server, mail_unit_of_work
):
    meeting = make_meeting(member.id, in_minutes=25)
    assert email_round(session, clock) == 1  # the brief
    clock.advance(minutes=25 + 30 + 6)
    assert email_round(session, clock) == 1  # the debrief
    _, debrief = mails(smtp_server, mail_unit_of_work, clock, 2)
    assert f"/compose?meeting={meeting.id}" in debrief.text
