"""The mail outbox: enqueue in the caller's unit of work, send from a job, retry with backoff.

``enqueue_mail`` only inserts a row, so a request that sends an invite or a
password reset commits in milliseconds whatever the SMTP server does. The
"send-mail" job calls ``deliver_due_mail``: it leases due rows (``FOR UPDATE
SKIP LOCKED`` on PostgreSQL, the one write lock on SQLite — the pattern of
``core/notifications/claim.py``) and commits the lease, talks SMTP with no
transaction open, then records each outcome. A worker that dies mid-send loses
nothing: the lease runs out and another worker sends again (at worst a
duplicate, never a loss). Temporary failures retry after
``TIPOFF_MAIL_RETRY_SECONDS * 2^(attempts-1)`` (capped at six hours) until
``TIPOFF_MAIL_MAX_ATTEMPTS``; a 5xx refusal fails at once.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Table, bindparam, or_, update
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core.db import is_postgres, session_scope
from core.errors import InvalidInput
from core.mail.render import render_mail
from core.mail.smtp import (
    PermanentMailError,
    SmtpConnection,
    TemporaryMailError,
    build_message,
    parse_smtp_url,
)
from core.models import MailState, OutgoingMail, utcnow
from core.settings import get_settings

log = logging.getLogger("tipoff.mail")

MAIL: Table = OutgoingMail.__table__  # type: ignore[attr-defined]
MAX_BACKOFF = timedelta(hours=6)


def enqueue_template(
    session: Session,
    template: str,
    *,
    to: str,
    subject: str,
    user_id: int | None = None,
    key: str | None = None,
    **context: Any,
) -> OutgoingMail:
    """Render one of ``core.mail``'s templates (text and HTML) and queue it, its kind
    named after the template, as ``enqueue_mail`` would."""
    mail = render_mail(template, subject=subject, **context)
    return enqueue_mail(
        session, to=to, subject=mail.subject, text=mail.text, html=mail.html, kind=template,
        user_id=user_id, key=key,
    )  # fmt: skip


def enqueue_mail(
    session: Session,
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None,
    kind: str,
    user_id: int | None = None,
    key: str | None = None,
    due_at: datetime | None = None,
) -> OutgoingMail:
    """Queue one mail; it leaves when the caller's unit of work has committed.

    ``key`` makes the call idempotent: a second mail with the same key is not
    queued and the first one is returned. ``user_id`` ties the mail to a person,
    so deactivating or erasing them cancels it while it is still pending.
    """
    if key is not None:
        existing = session.exec(select(OutgoingMail).where(OutgoingMail.key == key)).first()
        if existing is not None:
            return existing
    mail = OutgoingMail(
        key=key,
        kind=kind,
        user_id=user_id,
        to_address=to,
        subject=subject[:300],
        text=text,
        html=html,
        due_at=due_at or utcnow(),
    )
    if key is None:
        session.add(mail)
        session.flush()
        return mail
    try:
        with session.begin_nested():  # a racing twin with the same key wins cleanly
            session.add(mail)
    except IntegrityError:
        return session.exec(select(OutgoingMail).where(OutgoingMail.key == key)).one()
    return mail


def cancel_for_user(session: Session, user_id: int) -> int:
    """Cancel a person's pending mail (they were deactivated or erased)."""
    result = session.execute(
        update(MAIL)
        .where(MAIL.c.user_id == user_id, MAIL.c.state == MailState.pending.value)
        .values(state=MailState.cancelled.value, lease_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def purge_finished(session: Session, *, before: datetime) -> int:
    """Forget sent, failed and cancelled mail created before ``before`` (it holds personal text)."""
    result = session.execute(
        MAIL.delete().where(MAIL.c.state != MailState.pending.value, MAIL.c.created_at < before)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


# --- claiming -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimedMail:
    id: int
    to_address: str
    subject: str
    text: str
    html: str | None
    attempts: int


def _lease_statement(*, postgres: bool) -> Any:
    m = MAIL.c
    due = (
        core_select(m.id)
        .where(
            m.state == MailState.pending.value,
            m.due_at <= bindparam("now"),
            or_(m.lease_until.is_(None), m.lease_until <= bindparam("now")),
        )
        .order_by(m.due_at, m.id)
        .limit(bindparam("limit"))
    )
    if postgres:
        due = due.with_for_update(skip_locked=True)
    return (
        update(MAIL)
        .where(m.id.in_(due.scalar_subquery()))
        .values(lease_until=bindparam("lease"), attempts=m.attempts + 1)
        .returning(m.id, m.to_address, m.subject, m.text, m.html, m.attempts)
        .execution_options(synchronize_session=False)
    )


_LEASE = {postgres: _lease_statement(postgres=postgres) for postgres in (False, True)}


def claim_due_mail(
    session: Session, *, now: datetime, limit: int, lease_seconds: float
) -> list[ClaimedMail]:
    """Lease up to ``limit`` due mails, oldest first."""
    rows = session.execute(
        _LEASE[is_postgres(session)],
        {"now": now, "limit": limit, "lease": now + timedelta(seconds=lease_seconds)},
    ).all()
    claimed = [
        ClaimedMail(
            id=row.id,
            to_address=row.to_address,
            subject=row.subject,
            text=row.text,
            html=row.html,
            attempts=row.attempts,
        )
        for row in rows
    ]
    return sorted(claimed, key=lambda mail: mail.id)


def record_sent(session: Session, mail_id: int, *, now: datetime) -> None:
    session.execute(
        update(MAIL)
        .where(MAIL.c.id == mail_id, MAIL.c.state == MailState.pending.value)
        .values(state=MailState.sent.value, sent_at=now, lease_until=None, last_error=None)
    )


def record_failure(
    session: Session, mail: ClaimedMail, error: str, *, now: datetime, permanent: bool
) -> None:
    settings = get_settings()
    values: dict[str, Any] = {"last_error": error[:500], "lease_until": None}
    if permanent or mail.attempts >= settings.mail_max_attempts:
        values["state"] = MailState.failed.value
    else:
        backoff = timedelta(seconds=settings.mail_retry_seconds * 2 ** (mail.attempts - 1))
        values["due_at"] = now + min(backoff, MAX_BACKOFF)
    session.execute(
        update(MAIL)
        .where(MAIL.c.id == mail.id, MAIL.c.state == MailState.pending.value)
        .values(**values)
    )


# --- sending --------------------------------------------------------------------


def sender_address() -> str:
    settings = get_settings()
    if settings.mail_from:
        return settings.mail_from
    host = urlsplit(settings.effective_public_url).hostname or "localhost"
    return f"Tipoff <tipoff@{host}>"


_warned_unconfigured = False  # one warning per process, not one per scheduler pass


def deliver_due_mail(
    *,
    now: datetime | None = None,
    ssl_context: ssl.SSLContext | None = None,
    unit_of_work: Callable[[], AbstractContextManager[Session]] = session_scope,
) -> int:
    """Send one batch of due mail; returns how many were handled (sent or failed for now).

    Blocking (SMTP): the scheduler runs it in a thread. Does nothing while
    ``TIPOFF_SMTP_URL`` is empty: mail waits in the outbox until it is set.
    ``unit_of_work`` opens the two short transactions (tests bind it to theirs).
    """
    global _warned_unconfigured
    settings = get_settings()
    url = settings.smtp_url.get_secret_value()
    if not url:
        if not _warned_unconfigured:
            log.warning("TIPOFF_SMTP_URL is not set: mail waits in the outbox")
            _warned_unconfigured = True
        return 0
    try:
        config = parse_smtp_url(url, timeout=settings.mail_timeout_seconds)
    except InvalidInput as exc:  # says what is wrong, never the URL itself
        if not _warned_unconfigured:
            log.error("%s: mail waits in the outbox until it is fixed", exc.detail)
            _warned_unconfigured = True
        return 0
    now = now or utcnow()
    with unit_of_work() as session:
        batch = claim_due_mail(
            session,
            now=now,
            limit=settings.mail_batch_size,
            lease_seconds=settings.mail_lease_seconds,
        )
    if not batch:
        return 0
    outcomes: list[tuple[ClaimedMail, str | None, bool]] = []  # (mail, error, permanent)
    sender = sender_address()
    domain = sender.rpartition("@")[2].rstrip(">") or "localhost"
    try:
        with SmtpConnection(config, ssl_context=ssl_context) as connection:
            for mail in batch:
                message = build_message(
                    sender=sender,
                    to=mail.to_address,
                    subject=mail.subject,
                    text=mail.text,
                    html=mail.html,
                    domain=domain,
                )
                try:
                    connection.send(message)
                    outcomes.append((mail, None, False))
                except PermanentMailError as exc:
                    outcomes.append((mail, str(exc), True))
                except TemporaryMailError as exc:
                    outcomes.append((mail, str(exc), False))
    except TemporaryMailError as exc:  # could not connect: every unsent mail retries
        done = {m.id for m, _, _ in outcomes}
        outcomes += [(m, str(exc), False) for m in batch if m.id not in done]
        log.warning("mail: %s (%d mails will be retried)", exc, len(batch) - len(done))
    finished = utcnow()
    with unit_of_work() as session:
        for mail, error, permanent in outcomes:
            if error is None:
                record_sent(session, mail.id, now=finished)
            else:
                record_failure(session, mail, error, now=finished, permanent=permanent)
    sent = sum(1 for _, error, _ in outcomes if error is None)
    if sent:
        log.info("mail: sent %d of %d", sent, len(batch))
    return len(batch)
