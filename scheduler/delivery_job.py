"""Delivery jobs beyond the push pipeline: briefs and debriefs by email, the morning digest.

Thin: each opens one unit of work and calls ``core.notifications``. Both are
idempotent (unique rows per person, occurrence and kind), so any number of
workers may run them.
"""

from __future__ import annotations

import asyncio

from core.db import session_scope
from core.notifications import digest, email_briefs
from scheduler.jobs import job


def email_once() -> int:
    with session_scope() as session:
        return email_briefs.plan_briefs(session) + email_briefs.plan_debriefs(session)


def digest_once() -> int:
    with session_scope() as session:
        return digest.plan_digests(session)


@job("email-briefs")
async def email_briefs_job() -> int:
    return await asyncio.to_thread(email_once)


@job("plan-digests")
async def plan_digests_job() -> int:
    return await asyncio.to_thread(digest_once)
