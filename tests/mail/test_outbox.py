"""The mail outbox against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlmodel import Session, select

from core.mail.render import render_mail
from core.models import MailState, OutgoingMail, utcnow
from core.notifications.mail_outbox import (
    cancel_for_user,
    claim_due_mail,
    deliver_due_mail,
    enqueue_mail,
)
from core.settings import get_settings
from tests.calendars.certs import certificates
from tests.mail.smtpserver import MailServer


def _queue(session: Session, to: str = "sam@northwind.example", **extra) -> OutgoingMail:
    mail = render_mail(
        "invite",
        subject="Join Tipoff",
        inviter="Alex <b>Admin</b>",
        role="member",
        url="https://tips.example.com/join/inv_abc",
        expires="8 December",
        site="https://tips.example.com",
    )
    return enqueue_mail(
        session,
        to=to,
        subject=mail.subject,
        text=mail.text,
        html=mail.html,
        kind="invite",
        **extra,
    )


def test_a_queued_mail_arrives_as_text_and_html(session, smtp_server, mail_unit_of_work):
    row = _queue(session)
    session.commit()
    assert deliver_due_mail(unit_of_work=mail_unit_of_work) == 1
    [received] = smtp_server.wait_for(1)
    assert received.recipients == ["sam@northwind.example"]
    assert received.message["Subject"] == "Join Tipoff"
    assert received.message["From"] == "Tipoff <tipoff@northwind.example>"
    assert received.links() == ["https://tips.example.com/join/inv_abc"]
    # The inviter's name is user text: escaped in HTML, plain in text.
    assert "Alex &lt;b&gt;Admin&lt;/b&gt;" in received.html
    assert "Alex <b>Admin</b> invites you" in received.text
    session.refresh(row)
    assert row.state == MailState.sent and row.sent_at is not None and row.attempts == 1
    assert deliver_due_mail(unit_of_work=mail_unit_of_work) == 0  # nothing is sent twice


def test_nothing_is_sent_while_smtp_is_not_configured(session, mail_unit_of_work, monkeypatch):
    monkeypatch.setattr(get_settings(), "smtp_url", SecretStr(""))
    row = _queue(session)
    assert deliver_due_mail(unit_of_work=mail_unit_of_work) == 0
    session.refresh(row)
    assert row.state == MailState.pending and row.attempts == 0


def test_an_unreachable_server_is_retried_with_backoff(
    session, smtp_server, mail_unit_of_work, monkeypatch
):
    smtp_server.stop()
    row = _queue(session)
    session.commit()
    before = utcnow()
    assert deliver_due_mail(unit_of_work=mail_unit_of_work) == 1
    session.refresh(row)
    assert row.state == MailState.pending and row.attempts == 1
    assert "cannot reach the SMTP server" in (row.last_error or "")
    assert row.due_at >= before + timedelta(seconds=get_settings().mail_retry_seconds)
    # Not due yet: a second pass leaves it alone.
    assert deliver_due_mail(unit_of_work=mail_unit_of_work) == 0
    # The server is back; once due again the mail goes.
    smtp_server.start()
    later = row.due_at + timedelta(seconds=1)
    assert deliver_due_mail(now=later, unit_of_work=mail_unit_of_work) == 1
    assert len(smtp_server.wait_for(1)) == 1
    session.refresh(row)
    assert row.state == MailState.sent and row.attempts == 2


def test_a_permanent_refusal_fails_at_once_and_a_temporary_one_retries(
    session, smtp_server, mail_unit_of_work
):
    smtp_server.refuse = {
        "gone@northwind.example": "550 5.1.1 no such mailbox",
        "busy@northwind.example": "451 4.3.0 try later",
    }
    gone = _queue(session, "gone@northwind.example")
    busy = _queue(session, "busy@northwind.example")
    fine = _queue(session, "fine@northwind.example")
    session.commit()
    assert deliver_due_mail(unit_of_work=mail_unit_of_work) == 3
    for row in (gone, busy, fine):
        session.refresh(row)
    assert gone.state == MailState.failed and "550" in (gone.last_error or "")
    assert busy.state == MailState.pending and "451" in (busy.last_error or "")
    assert fine.state == MailState.sent
    assert [r.recipients for r in smtp_server.wait_for(1)] == [["fine@northwind.example"]]


def test_attempts_run_out(session, smtp_server, mail_unit_of_work, monkeypatch):
    monkeypatch.setattr(get_settings(), "mail_max_attempts", 2)
    smtp_server.refuse = {"busy@northwind.example": "451 4.3.0 try later"}
    row = _queue(session, "busy@northwind.example")
    session.commit()
    now = utcnow()
    for _ in range(2):
        deliver_due_mail(now=now, unit_of_work=mail_unit_of_work)
        now += timedelta(hours=7)
    session.refresh(row)
    assert row.state == MailState.failed and row.attempts == 2


def test_a_lease_keeps_other_workers_off_until_it_runs_out(session):
    _queue(session)
    now = utcnow()
    assert len(claim_due_mail(session, now=now, limit=10, lease_seconds=60)) == 1
    assert claim_due_mail(session, now=now, limit=10, lease_seconds=60) == []
    # The worker died: after the lease the mail is claimed again.
    again = claim_due_mail(session, now=now + timedelta(seconds=61), limit=10, lease_seconds=60)
    assert [m.attempts for m in again] == [2]


def test_a_key_queues_a_mail_once(session):
    first = _queue(session, key="brief:42")
    second = _queue(session, key="brief:42")
    assert first.id == second.id
    rows = session.exec(select(OutgoingMail).where(OutgoingMail.key == "brief:42")).all()
    assert len(rows) == 1


def test_cancelling_a_persons_pending_mail(session, make_user):
    person = make_user()
    mine = _queue(session, person.email, user_id=person.id)
    other = _queue(session, "else@northwind.example")
    assert cancel_for_user(session, person.id) == 1
    session.refresh(mine)
    session.refresh(other)
    assert mine.state == MailState.cancelled and other.state == MailState.pending


@pytest.fixture
def tls_server(tmp_path, monkeypatch):
    ca, cert, key = certificates(tmp_path, "localhost")
    server = MailServer(username="tipoff", password="s3cret p@ss", certs=(cert, key))
    with server:
        monkeypatch.setattr(get_settings(), "smtp_url", SecretStr(server.url("localhost")))
        yield server, ca


def test_starttls_and_a_password(session, tls_server, mail_unit_of_work, caplog):
    import ssl

    server, ca = tls_server
    context = ssl.create_default_context(cafile=str(ca))
    _queue(session)
    session.commit()
    with caplog.at_level("DEBUG"):
        assert deliver_due_mail(ssl_context=context, unit_of_work=mail_unit_of_work) == 1
    assert len(server.wait_for(1)) == 1
    assert server.logins == ["tipoff"]
    assert "s3cret" not in caplog.text


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_password_is_never_sent_without_tls(session, monkeypatch, mail_unit_of_work, caplog):
    with MailServer(username="tipoff", password="s3cret p@ss") as server:  # no STARTTLS
        monkeypatch.setattr(get_settings(), "smtp_url", SecretStr(server.url()))
        row = _queue(session)
        session.commit()
        with caplog.at_level("DEBUG"):
            deliver_due_mail(unit_of_work=mail_unit_of_work)
        session.refresh(row)
        assert row.state == MailState.pending
        assert "STARTTLS" in (row.last_error or "")
        assert server.logins == [] and server.received == []
        assert "s3cret" not in caplog.text and "s3cret" not in (row.last_error or "")


def test_a_broken_smtp_url_keeps_mail_waiting_and_says_why(
    session, mail_unit_of_work, monkeypatch, caplog
):
    import core.notifications.mail_outbox as outbox

    monkeypatch.setattr(outbox, "_warned_unconfigured", False)
    monkeypatch.setattr(get_settings(), "smtp_url", SecretStr("smtq://u:secretpw@host"))
    row = _queue(session)
    with caplog.at_level("WARNING"):
        assert deliver_due_mail(unit_of_work=mail_unit_of_work) == 0
    session.refresh(row)
    assert row.state == MailState.pending
    assert "must start with smtp://" in caplog.text and "secretpw" not in caplog.text
