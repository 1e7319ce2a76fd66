"""The named background jobs, each a thin async wrapper over one ``core`` function.

A job opens its own unit of work (``core.db.session_scope``), calls ``core`` and
returns how many items it handled, so the loop knows whether to run it again at
once. The loop's ordered tuple (``scheduler.loop.JOBS``) says when each runs.
Blocking work goes to a thread so the event loop keeps serving requests.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from core.calendars.claims import run_due
from core.db import session_scope
from core.insights.tending import tend
from core.models import utcnow
from core.notifications import digest, email_briefs, replan
from core.notifications.deliver import deliver_due
from core.notifications.mail_outbox import deliver_due_mail
from core.people.retention import purge_expired
from core.settings import get_settings


def _sync_calendars() -> int:
    return run_due()


async def sync_calendars() -> int:
    """Sync one batch of due calendars; the loop calls again while batches come back full."""
    return await asyncio.to_thread(_sync_calendars)


def _plan_notifications() -> int:
    now = utcnow()
    ahead = timedelta(minutes=get_settings().push_prepare_minutes)
    with session_scope() as session:
        touched = replan.retime_for_lead_changes(session, now=now)
        touched += replan.prepare_soon(session, now=now, ahead=ahead)
    return touched


async def plan_notifications() -> int:
    """Re-time rows whose owner changed the lead time, freeze payloads due soon."""
    return await asyncio.to_thread(_plan_notifications)


def _catch_up_notifications() -> int:
    now = utcnow()
    with session_scope() as session:
        return replan.catch_up(session, now=now) + replan.purge_finished(session, now=now)


async def catch_up_notifications() -> int:
    """Plan meetings nobody planned yet (a new device, a crash) and purge finished rows."""
    return await asyncio.to_thread(_catch_up_notifications)


async def send_notifications() -> int:
    """Claim, encrypt and send what is due over the process's one push sender."""
    report = await deliver_due()
    return report.total


async def send_mail() -> int:
    """Hand due mail from the outbox to the SMTP server; no transaction while SMTP talks."""
    return await asyncio.to_thread(deliver_due_mail)


def _purge_expired() -> int:
    with session_scope() as session:
        return sum(purge_expired(session, now=utcnow()).values())


async def purge_expired_data() -> int:
    """Apply ``TIPOFF_RETENTION_DAYS`` in bounded batches (core/people/retention.py)."""
    return await asyncio.to_thread(_purge_expired)


def _email_briefs() -> int:
    with session_scope() as session:
        return email_briefs.plan_briefs(session) + email_briefs.plan_debriefs(session)


async def plan_email_briefs() -> int:
    """Briefs and debriefs by email: email people, no device, or no receipt in time."""
    return await asyncio.to_thread(_email_briefs)


def _plan_digests() -> int:
    with session_scope() as session:
        return digest.plan_digests(session)


async def plan_digests() -> int:
    """The morning digest for people who asked for one, in their time zone."""
    return await asyncio.to_thread(_plan_digests)


def _curation() -> int:
    with session_scope() as session:
        tend(session)
    return 0  # one pass is complete: nothing to repeat at once


async def curation() -> int:
    """The curator's loop upkeep: who met whom, automatic requests, review reminders."""
    return await asyncio.to_thread(_curation)
