"""Per-member rate limits on posting, voting, flagging and login (the ``limits`` library).

Moving-window limits keyed by action and member. Storage defaults to memory,
which is exact for one ``tipoff serve`` process; set
``TIPOFF_RATE_LIMIT_STORAGE=redis://...`` when several API processes share load.
Curators and admins are exempt from the write limits (they import libraries).
"""

from __future__ import annotations

import math
import time
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.errors import RateLimited
from core.models import User
from core.settings import get_settings


@lru_cache
def _limiter(storage_uri: str) -> tuple[MovingWindowRateLimiter, Storage]:
    storage = storage_from_string(storage_uri)
    if not isinstance(storage, Storage):
        raise ValueError(f"rate limit storage {storage_uri!r} is async-only; use a sync one")
    return MovingWindowRateLimiter(storage), storage


@lru_cache(maxsize=64)
def _item(spec: str) -> RateLimitItem:
    return parse(spec)


def check(action: str, key: str, spec: str) -> None:
    """Count one ``action`` by ``key`` against ``spec`` (e.g. "20/hour"); raise when over."""
    limiter, _ = _limiter(get_settings().rate_limit_storage)
    item = _item(spec)
    if not limiter.hit(item, action, key):
        reset_at, _remaining = limiter.get_window_stats(item, action, key)
        retry_after = max(1, math.ceil(reset_at - time.time()))
        raise RateLimited(
            f"too many {action} requests: the limit is {spec}; try again in {retry_after} s",
            retry_after=retry_after,
        )


def reset() -> None:
    """Forget every counter (tests)."""
    _limiter(get_settings().rate_limit_storage)[1].reset()


def check_member(user: User, action: str, spec: str) -> None:
    """Limit members' writes; curators and admins load whole libraries and are exempt."""
    if user.is_curator:
        return
    check(action, f"user:{user.id}", spec)
