"""A tip write including its profile, next to the same write without one, in one run.

    .venv/bin/python bench/tip_write.py [--tips 200]

Each write is what ``POST /api/tips`` does below the HTTP layer: check, render
and profile the tip (facets, word stems, the multilingual embedding) with no
transaction open (``core.tips.service.prepare_tip``), then insert it with its
profile and full-text entry and commit (``core.insights.signals.post_tip``).
The baseline is the same tip row inserted and committed bare, so the difference
is what profiling costs. One core (BLAS threads pinned); the model is loaded
and warmed before timing, as ``tipoff serve`` does before it listens.
Goal (issue 13): a tip write including its profile <= 100 ms p95.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TIPOFF_SECRET_KEY", "bench-secret-key-not-for-production")

SUBJECTS = ["the CFO", "procurement", "the works council", "IT security", "the champion",
            "Einkauf", "die Geschäftsführung", "the plant manager"]  # fmt: skip
ADVICE = ["asks for a three-year price lock: anchor high and trade term, not price.",
          "wants the security questionnaire before the demo; send the pre-filled one.",
          "will not sign without a reference from their own industry.",
          "möchte die Preise pro Standort sehen, nicht pro Lizenz.",
          "needs the rollout plan in writing before the kick-off.",
          "reads every clause: send the redline a week early."]  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tips", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tipoff-bench-write-"))
    os.environ.update(
        TIPOFF_DATA_DIR=str(folder), TIPOFF_DATABASE_URL=f"sqlite:///{folder / 'bench.db'}"
    )
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from core.db import get_engine, session_scope
    from core.insights import signals
    from core.migrate import upgrade
    from core.models import Role, Tip, User
    from core.models.tip import TipCreate
    from core.people import accounts
    from core.ranking import embedding, language
    from core.tips import service

    upgrade(get_engine())
    embedding.encode_one("warm up the model")
    language.detect("warm up the language identifier")
    with session_scope() as session:
        author = accounts.create_user(
            session, email="author@northwind.example", name="Author", role=Role.member
        )
        session.flush()
        assert author.id is not None
        author_id: int = author.id
    rng = random.Random(7)

    def tip_data(n: int) -> TipCreate:
        return TipCreate(
            title=f"{rng.choice(SUBJECTS).capitalize()} at account {n}",
            body=f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(ADVICE)} (note {n})",
            tags=rng.sample(["pricing", "security", "negotiation", "kickoff", "legal"], 2),
            accounts=[f"customer{n % 40}.example"] if n % 3 == 0 else [],
        )

    profiled: list[float] = []
    bare: list[float] = []
    for n in range(args.tips):
        data = tip_data(n)
        started = time.perf_counter()
        prepared = service.prepare_tip(data)
        with session_scope() as session:
            user = session.get(User, author_id)
            assert user is not None
            signals.post_tip(session, user, data, prepared=prepared)
        profiled.append(time.perf_counter() - started)
        data = tip_data(n)
        started = time.perf_counter()
        with session_scope() as session:
            session.add(Tip(title=data.title or "", body=data.body, body_html=data.body,
                            author_id=author_id))  # fmt: skip
        bare.append(time.perf_counter() - started)
    print(f"{args.tips} tip writes, SQLite, one core (load average {os.getloadavg()[0]:.1f})")
    for label, samples in (("with its profile (POST /api/tips)", profiled),
                           ("bare row, no profile (baseline)", bare)):  # fmt: skip
        print(f"  {label:36} p50 {statistics.median(samples) * 1000:6.1f} ms"
              f"   p95 {percentile(samples, 0.95) * 1000:6.1f} ms")  # fmt: skip
    p95 = percentile(profiled, 0.95)
    ratio = p95 / percentile(bare, 0.95)
    print(f"  profiling costs {ratio:.1f}x the bare write at p95; goal: <= 100 ms p95: "
          f"{'met' if p95 <= 0.1 else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
