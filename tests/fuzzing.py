"""Deterministic property tests by default, a long randomised pass on demand.

``make test`` loads the ``ci`` Hypothesis profile: derandomised (the examples
are a fixed function of the test), no example database, so the suite gives the
same answer on every machine and every run. ``make fuzz`` sets
``TIPOFF_FUZZ=1``: the ``fuzz`` profile draws fresh random examples and every
test scales its example count with ``examples(n)`` (``TIPOFF_FUZZ_SCALE``,
default 40x). Any property test written with ``examples()`` joins the long
pass. A case the fuzz pass finds is kept as an ordinary test (see
``tests/api/test_hostile_input.py``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ = os.environ.get("TIPOFF_FUZZ", "") not in ("", "0")
SCALE = int(os.environ.get("TIPOFF_FUZZ_SCALE", "40"))

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "fuzz",
    derandomize=False,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=list(HealthCheck),
)


def load_profile() -> None:
    settings.load_profile("fuzz" if FUZZ else "ci")


def examples(n: int) -> int:
    """``n`` examples in the deterministic suite, ``n * TIPOFF_FUZZ_SCALE`` when fuzzing."""
    return n * SCALE if FUZZ else n
