"""A short morning rush against a real ``tipoff serve`` (the full run is bench/load.py):
half the clients post tips, half read briefs; nothing may fail with a 5xx, be dropped or
time out. Fast 503s with Retry-After are allowed: they are answers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_DB

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_short_rush_has_no_errors_drops_or_timeouts():
    import load  # bench/load.py

    levels = load.measure(TEST_DB, [8, 64], seconds=5, timeout=15, seed_tips=5, fresh=False)
    for level in levels:
        assert level.server_errors == 0, level.line()
        assert level.dropped == 0 and level.timeouts == 0, level.line()
        assert level.posts > 0 and level.briefs > 0, level.line()
        assert level.client_errors == 0, level.statuses
