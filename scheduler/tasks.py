"""Job registrations. Each job module imports here so ``load_jobs`` finds it."""

from __future__ import annotations

import scheduler.delivery_job
import scheduler.insights_job
import scheduler.mail_job
import scheduler.push_job
import scheduler.sync_job  # noqa: F401
