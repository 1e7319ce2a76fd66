"""The "send-mail" job: hand due mail from the outbox to the SMTP server, off the event loop.

Thin: ``core.notifications.mail_outbox.deliver_due_mail`` opens its own units
of work (lease, then record) so no transaction is open while SMTP talks.
"""

from __future__ import annotations

import asyncio

from core.notifications.mail_outbox import deliver_due_mail
from scheduler.jobs import job


@job("send-mail")
async def send_mail() -> int:
    return await asyncio.to_thread(deliver_due_mail)
