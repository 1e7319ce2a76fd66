"""bench/exactly_once.py as a test: 3 real ``tipoff worker`` processes, one SIGKILLed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_DB

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(240)
@pytest.mark.skipif(
    TEST_DB != "postgres", reason="runs the PostgreSQL workers in the postgres suite"
)
def test_three_workers_one_killed_lose_nothing():
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIPOFF_")}
    env["TIPOFF_TEST_DATABASE_URL"] = os.environ.get(
        "TIPOFF_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"
    )
    done = subprocess.run(
        # The bound counts what the killed worker leaves behind. With the bench's 5-second
        # lease, a loaded CI machine can take longer than that to send a live worker's batch,
        # and the re-sends that follow are the lease's business (production: 60 s), not the
        # kill's: 55 against a bound of 50 in one such run.
        [
            sys.executable,
            str(ROOT / "bench" / "exactly_once.py"),
            *("--json", "--timeout", "150", "--lease", "20"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=220,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    result = json.loads(lines[-1])
    assert result["killed"] == 1
    assert result["lost"] == 0, result
    assert result["delivered_distinct"] == result["expected"] == 2000
    assert result["duplicates"] <= result["duplicate_bound"], result
    assert result["duplicates_same_topic"], result
    assert result["receiver_errors"] == 0, result
    assert done.returncode == 0, done.stderr[-2000:]
