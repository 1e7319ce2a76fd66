"""Several judged sets at once, honestly: leave-one-set-out, next to BM25, and with feedback.

Every set is a different seller. Anything fitted to data (here: the few
numbers in ``core.ranking.scoring.Params``) is fitted on the *other* sets and
scored on the held-out one; the figure quoted for a set is that held-out
figure, and the worst set counts. The grid and the objective are fixed below,
before any set is seen. With ``feedback``, each set's earlier half of meetings
(by date) gets simulated feedback from its judgments through the production
path (``core.tips.feedback.record``: "this helped" for a shown tip judged
relevant, "not for this meeting" for one that is not), and the later half is
scored before and after. See docs/ranking.md ("Evaluation").
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import Session, select

from core.db import make_engine
from core.errors import InvalidInput
from core.evaluation import CUTOFF, Report, _report, bm25_rankings, load, ndcg_at_3, read_dataset
from core.migrate import upgrade
from core.models import Meeting, User
from core.ranking.brief import Shortlist, brief_for_meeting, choose, shortlist
from core.ranking.scoring import DEFAULT, Params

_R = TypeVar("_R")

# The grid is small on purpose: four sets cannot pick among many settings without over-fitting.
GRID = {
    "meaning_weight": (1.0, 1.5, 2.0),
    "min_evidence": (0.45, 0.55, 0.65),
    "min_score": (0.3, 0.35, 0.45),
    "named_weight": (0.0, 0.2, 0.4),
    "headline_weight": (0.0, 0.5, 1.0),
}


@dataclass
class LoadedSet:
    path: Path
    data: dict[str, Any]
    session: Session
    user: User
    keys: dict[int, str]  # tip id → key
    meetings: dict[str, Meeting]  # meeting key → row, in the set's order
    load_seconds: float

    @property
    def name(self) -> str:
        return str(self.data.get("name") or self.path.stem)

    @cached_property
    def baseline(self) -> dict[str, list[str]]:
        """BM25's top three per meeting: only the quoted report needs it, not the grid."""
        return bm25_rankings(self.data)

    @cached_property
    def judged(self) -> dict[str, dict[str, int]]:
        """Meeting key → {tip key: grade > 0}; {} for a meeting that should stay quiet."""
        return {
            m["key"]: {k: int(v) for k, v in (m.get("relevant") or {}).items() if int(v) > 0}
            for m in self.data["meetings"]
        }

    def halves(self) -> tuple[list[str], list[str]]:
        """Meeting keys by date: the earlier half (feedback is given) and the later (scored)."""
        order = sorted(
            self.data["meetings"],
            key=lambda m: (int(m.get("day_offset", 1)), str(m.get("start", "09:00"))),
        )
        keys = [m["key"] for m in order]
        return keys[: len(keys) // 2], keys[len(keys) // 2 :]


@dataclass
class SetResult:
    report: Report  # the held-out figures
    params: Params
    fitted_on: list[str]
    feedback: dict[str, Any] | None = None


@dataclass
class MultiReport:
    sets: list[SetResult]
    grid_size: int
    seconds: float
    shipped: Params  # fitted on every set at hand: what production uses
    mean: dict[str, float] = field(default_factory=dict)
    worst: dict[str, float] = field(default_factory=dict)


@contextmanager
def loaded(paths: list[Path], today: date | None = None) -> Iterator[list[LoadedSet]]:
    """Each set in its own throwaway, migrated SQLite database, kept open for the run."""
    today = today or date.today()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tipoff-eval-")))
        yield [
            _load(stack, path, folder / f"set{number}.db", today)
            for number, path in enumerate(paths)
        ]


def _load(stack: ExitStack, path: Path, db: Path, today: date) -> LoadedSet:
    """Load one set through the production paths into a new database file at ``db``."""
    started = time.perf_counter()
    data = read_dataset(path)
    engine = make_engine(f"sqlite:///{db}")
    stack.callback(engine.dispose)
    upgrade(engine)
    session = stack.enter_context(Session(engine, expire_on_commit=False))
    user, keys = load(session, data, today)
    return _loaded_set(path, data, session, user, keys, time.perf_counter() - started)


def _loaded_set(
    path: Path,
    data: dict[str, Any],
    session: Session,
    user: User,
    keys: dict[int, str],
    load_seconds: float,
) -> LoadedSet:
    by_uid = {m.uid.split("@", 1)[0]: m for m in session.exec(select(Meeting)).all()}
    missing = [m["key"] for m in data["meetings"] if m["key"] not in by_uid]
    if missing:
        raise InvalidInput(f"{path}: meetings {missing} did not survive the sync")
    meetings = {m["key"]: by_uid[m["key"]] for m in data["meetings"]}
    return LoadedSet(path, data, session, user, keys, meetings, load_seconds)


def brief_all(
    item: LoadedSet, params: Params, keys: list[str] | None = None
) -> tuple[dict[str, list[str]], dict[str, dict[str, list[str]]]]:
    ranked: dict[str, list[str]] = {}
    reasons: dict[str, dict[str, list[str]]] = {}
    for key in keys if keys is not None else list(item.meetings):
        brief = brief_for_meeting(
            item.session, item.user, item.meetings[key], limit=CUTOFF, params=params
        )
        ranked[key] = [item.keys[r.tip.id or 0] for r in brief.tips]
        reasons[key] = {item.keys[r.tip.id or 0]: r.reasons for r in brief.tips}
    return ranked, reasons


def shortlists(item: LoadedSet) -> dict[str, Shortlist | None]:
    return {key: shortlist(item.session, item.user, m) for key, m in item.meetings.items()}


def chosen(
    item: LoadedSet, found: dict[str, Shortlist | None], params: Params
) -> dict[str, list[str]]:
    """What ``brief_all`` would rank, from shortlists read once (the grid's fast path)."""
    return {
        key: [item.keys[s.candidate.tip.id or 0] for s in choose(found[key], params, CUTOFF)]
        for key in found
    }


def figures(item: LoadedSet, ranked: dict[str, list[str]]) -> tuple[float, float]:
    """nDCG@3 over judged meetings and the quiet rate, for the meetings in ``ranked``."""
    ndcgs, quiet = [], []
    for key, relevant in item.judged.items():
        if key not in ranked:
            continue
        if relevant:
            ndcgs.append(ndcg_at_3(ranked[key], relevant))
        else:
            quiet.append(1.0 if not ranked[key] else 0.0)
    mean = lambda xs: sum(xs) / len(xs) if xs else 1.0  # noqa: E731
    return mean(ndcgs), mean(quiet)


WORST_SHARE = 0.1  # the weakest tenth of the sets (at least one) is the objective's worst


def objective(per_set: list[tuple[float, float]]) -> float:
    """Mean nDCG@3 + mean quiet rate + the mean nDCG@3 of the weakest tenth of the sets.

    The worst sets count. With a few sets that is the worst set; with a hundred and more,
    one set alone made the fit jump between grid points whenever a change moved it by a
    hundredth (docs/ranking.md, "the fit"), so the weakest tenth stands for the worst.
    """
    ndcgs = [n for n, _ in per_set]
    quiets = [q for _, q in per_set]
    weakest = sorted(ndcgs)[: max(1, int(len(ndcgs) * WORST_SHARE))]
    return sum(ndcgs) / len(ndcgs) + sum(quiets) / len(quiets) + sum(weakest) / len(weakest)


def candidates_grid() -> list[Params]:
    names = list(GRID)
    return [
        replace(DEFAULT, **dict(zip(names, values, strict=True)))
        for values in itertools.product(*(GRID[n] for n in names))
    ]


def fit(table: dict[Params, list[tuple[float, float]]], use: list[int]) -> Params:
    """The grid point that scores best on the sets ``use``; ties go to the shipped defaults."""

    def key(params: Params) -> tuple[float, int]:
        return (round(objective([table[params][i] for i in use]), 6), params == DEFAULT)

    return max(table, key=key)


@dataclass(frozen=True)
class _Task:
    """One set's work for a worker process: where its database lives and what to do."""

    path: Path
    db: Path
    today: date
    grid: tuple[Params, ...] = ()  # first pass: load the set, score every grid point
    params: Params | None = None  # second pass: brief with the fitted parameters
    feedback: bool = False
    user_id: int = 0
    keys: dict[int, str] = field(default_factory=dict)
    load_seconds: float = 0.0


@dataclass(frozen=True)
class _Scored:
    """A set after its first pass: its figures per grid point, and how to reopen it."""

    name: str
    user_id: int
    keys: dict[int, str]
    load_seconds: float
    rows: list[tuple[float, float]]


def _score_grid(task: _Task) -> _Scored:
    """Load a set and score it at every grid point (one database read per meeting)."""
    with ExitStack() as stack:
        item = _load(stack, task.path, task.db, task.today)
        found = shortlists(item)
        rows = [figures(item, chosen(item, found, p)) for p in task.grid]
        return _Scored(item.name, item.user.id or 0, item.keys, item.load_seconds, rows)


def _finish(task: _Task) -> SetResult:
    """Reopen a loaded set; brief it with its fitted parameters, then simulate feedback."""
    assert task.params is not None
    with ExitStack() as stack:
        engine = make_engine(f"sqlite:///{task.db}")
        stack.callback(engine.dispose)
        session = stack.enter_context(Session(engine, expire_on_commit=False))
        user = session.get(User, task.user_id)
        assert user is not None
        data = read_dataset(task.path)
        item = _loaded_set(task.path, data, session, user, task.keys, task.load_seconds)
        ranked, reasons = brief_all(item, task.params)
        report = _report(item.data, ranked, item.baseline, reasons, item.load_seconds)
        result = SetResult(report, task.params, [])
        if task.feedback:
            result.feedback = simulate_feedback(item, task.params)
        return result


def usable_cpus() -> int:
    """The CPUs this process may run on (a container's share, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _run(tasks: list[_Task], work: Callable[[_Task], _R], jobs: int) -> list[_R]:
    """``work`` over ``tasks`` in order, in ``jobs`` worker processes (or this one)."""
    if jobs <= 1 or len(tasks) <= 1:
        return [work(task) for task in tasks]
    # Fresh interpreters, not forks: the embedding runtime keeps threads a fork cannot copy.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
        return list(pool.map(work, tasks))


def evaluate_sets(
    paths: list[Path], *, feedback: bool = False, today: date | None = None, jobs: int = 1
) -> MultiReport:
    """Every set held out in turn; ``jobs`` worker processes share the sets between them.

    The figures do not depend on ``jobs``: each set is loaded into a database file of its
    own, scored at every grid point, and reopened to be briefed with its fitted parameters.
    """
    started = time.perf_counter()
    today = today or date.today()
    grid = tuple(candidates_grid() if len(paths) > 1 else [DEFAULT])
    with tempfile.TemporaryDirectory(prefix="tipoff-eval-") as folder:
        dbs = [Path(folder) / f"set{number}.db" for number in range(len(paths))]
        first = [_Task(path, db, today, grid=grid) for path, db in zip(paths, dbs, strict=True)]
        scored = _run(first, _score_grid, jobs)
        table = {p: [s.rows[i] for s in scored] for i, p in enumerate(grid)}
        everything = list(range(len(paths)))
        second = []
        for held, (task, done) in enumerate(zip(first, scored, strict=True)):
            others = [i for i in everything if i != held]
            params = fit(table, others) if others else DEFAULT
            second.append(
                replace(
                    task, grid=(), params=params, feedback=feedback, user_id=done.user_id,
                    keys=done.keys, load_seconds=done.load_seconds,
                )
            )  # fmt: skip
        results = _run(second, _finish, jobs)
        for held, result in enumerate(results):
            result.fitted_on = [scored[i].name for i in everything if i != held]
        shipped = fit(table, everything)
    out = MultiReport(results, len(grid), round(time.perf_counter() - started, 1), shipped)
    reports = [r.report for r in results]
    for name in ("ndcg", "bm25_ndcg", "quiet_rate"):
        values = [float(getattr(r, name)) for r in reports]
        out.mean[name] = round(sum(values) / len(values), 4)
        out.worst[name] = round(min(values), 4) if name != "bm25_ndcg" else round(max(values), 4)
    ratios = [r.ratio for r in reports]
    out.mean["ratio"] = (
        round(out.mean["ndcg"] / out.mean["bm25_ndcg"], 4) if out.mean["bm25_ndcg"] else math.inf
    )
    out.worst["ratio"] = round(min(ratios), 4)
    return out


def simulate_feedback(item: LoadedSet, params: Params) -> dict[str, Any]:
    """Earlier half gets feedback from the judgments; the later half is scored before and after."""
    from core.models.brief import FeedbackCreate
    from core.tips.feedback import record

    earlier, later = item.halves()
    ranked_before = brief_all(item, params, later)[0]
    before = figures(item, ranked_before)
    ids = {key: tip_id for tip_id, key in item.keys.items()}
    marks = 0
    seen: set[str] = set()
    for key in earlier:
        shown, _ = brief_all(item, params, [key])
        seen.update(shown[key])
        for tip_key in shown[key]:
            helpful = tip_key in item.judged[key]
            meeting_id = item.meetings[key].id or 0
            record(
                item.session,
                item.user,
                meeting_id,
                FeedbackCreate(tip_id=ids[tip_key], helpful=helpful),
            )
            marks += 1
    item.session.commit()
    after = figures(item, brief_all(item, params, later)[0])
    return {
        "earlier": len(earlier),
        "later": len(later),
        "marks": marks,
        "before": {"ndcg": round(before[0], 4), "quiet_rate": round(before[1], 4)},
        "after": {"ndcg": round(after[0], 4), "quiet_rate": round(after[1], 4)},
        "gain": round(after[0] - before[0], 4),
        "reachable": round(reachable(item, ranked_before, seen), 4),
    }


def reachable(item: LoadedSet, ranked: dict[str, list[str]], seen: set[str]) -> float:
    """The most any learning from these marks could add to the later half's nDCG@3.

    Marks exist only for tips someone was shown. A later meeting can improve only
    if a tip misplaced in it (judged relevant and missing, or shown and judged
    irrelevant) is one of those; count such a meeting's whole shortfall as
    recoverable (generous) and every other meeting's as out of reach.
    """
    shortfalls = []
    for key, shown in ranked.items():
        relevant = item.judged[key]
        if not relevant:
            continue
        misplaced = {t for t in relevant if t not in shown} | {
            t for t in shown if t not in relevant
        }
        shortfalls.append(1 - ndcg_at_3(shown, relevant) if misplaced & seen else 0.0)
    return sum(shortfalls) / len(shortfalls) if shortfalls else 0.0
