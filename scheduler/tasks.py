"""Job registrations. Each job module imports here so ``load_jobs`` finds it."""

from __future__ import annotations
