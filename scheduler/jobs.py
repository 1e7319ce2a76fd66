"""The named background jobs. Each is a thin async wrapper that opens a session
(through ``core.db.session_scope``) and calls one ``core`` function, returning
how many items it handled so the loop knows whether to go again at once.

Add a job with ``@job("name")``; ``tipoff worker --once`` runs each one until
nothing is due, ``tipoff worker`` forever.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

JobFunction = Callable[[], Awaitable[int]]


@dataclass(frozen=True)
class Job:
    name: str
    run: JobFunction


JOBS: dict[str, Job] = {}


def job(name: str) -> Callable[[JobFunction], JobFunction]:
    def register(function: JobFunction) -> JobFunction:
        JOBS[name] = Job(name=name, run=function)
        return function

    return register


def load_jobs() -> dict[str, Job]:
    """Import the modules that register jobs (kept lazy so ``core`` stays import-light)."""
    import scheduler.tasks  # noqa: F401

    return JOBS
