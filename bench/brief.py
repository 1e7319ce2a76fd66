"""Brief latency at 1k, 10k and 100k tips, next to a plain database read of the same meeting.

    .venv/bin/python bench/brief.py            # 1k, 10k, 100k (a few minutes)
    .venv/bin/python bench/brief.py --sizes 1000,10000

One core: BLAS threads are pinned to one and, while briefs are timed, the
process to one CPU (building the library may use every core). A
synthetic library (English and German tips, tags, 30% tied to an account) is
bulk-inserted into a throwaway SQLite database that grows 1k → 10k → 100k;
every tip is profiled through ``core.ranking.index.index_tips`` (facets, word
statistics, embeddings — the same code a tip write runs) and full-text indexed
through ``core.fulltext``; a tenth as many feedback marks as tips are added
(half of them in the benched meetings' series), so the team's learning is read
as in a busy deployment. Then a fixed set of meetings (customer calls,
German titles, internal meetings, errands) is briefed repeatedly.

Printed per size: p50/p95 of the whole brief (``brief_for_meeting``, warm:
the meeting's embedding is cached in-process after its first brief), p95 of
first briefs (cold: the meeting text is embedded inside the timed call), and
p50/p95 of reading the same meeting by id. Wall-clock figures suffer when
other processes share the machine; the CPU-time columns (``process_time`` of
the same warm briefs) do not. Goal: p95 <= 50 ms at 100k tips, growing well
below linearly with the library.
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
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from datetime import timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TIPOFF_SECRET_KEY", "bench-secret-key-not-for-production")

import numpy as np  # noqa: E402
from sqlalchemy import insert  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlmodel import Session, col, func, select  # noqa: E402

from core import fulltext  # noqa: E402
from core.db import make_engine, read_only  # noqa: E402
from core.migrate import upgrade  # noqa: E402
from core.models import (  # noqa: E402
    Calendar,
    FeedbackMark,
    Meeting,
    Role,
    Tip,
    TipAccount,
    TipTag,
    User,
    utcnow,
)
from core.ranking import embedding, language, learning  # noqa: E402
from core.ranking.brief import brief_for_meeting  # noqa: E402
from core.ranking.index import ComputedProfile, compute_profiles, store_profiles  # noqa: E402

RNG = random.Random(5)
OPENERS = [
    "Before a {kind}, {advice}.", "In every {kind} {advice}.", "{Kind}: {advice}.",
    "Vor jedem {dkind}: {dadvice}.", "Beim {dkind} gilt: {dadvice}.",
]  # fmt: skip
KINDS = [
    "renewal", "price negotiation", "first call", "demo", "quarterly business review",
    "kickoff", "security review", "pilot", "contract review", "partner meeting",
    "forecast call", "one-on-one", "installation", "training", "trade show", "tender",
]  # fmt: skip
DKINDS = [
    "Erstgespräch", "Preisverhandlung", "Vertragsverlängerung", "Produktvorführung",
    "Jahresgespräch", "Projektstart", "Teststellung", "Schulung", "Inbetriebnahme",
    "Ausschreibung", "Forecast-Runde", "Jour fixe", "Messe", "Reklamation",
]  # fmt: skip
ADVICE = [
    "send the agenda a day ahead", "ask who signs the order", "bring two references",
    "confirm the budget owner", "write down their exact words", "prepare the ROI numbers",
    "keep the demo under twenty minutes", "name the next step and its date",
    "check the security questionnaire early", "agree on one success criterion",
]  # fmt: skip
DADVICE = [
    "die Entscheider früh einbinden", "das Budget klären", "Referenzen mitbringen",
    "nächste Schritte mit Datum festhalten", "die Einkaufsabteilung einladen",
    "Rabatt nur gegen Laufzeit", "Teilnehmerliste unterschreiben lassen",
]  # fmt: skip
TAGS = [
    "renewal", "pricing", "negotiation", "discovery", "demo", "qbr", "kickoff", "security",
    "pilot", "contract", "partners", "forecast", "coaching", "installation", "training",
    "events", "tender", "healthcare", "public-sector", "finance", "competition", "onsite",
]  # fmt: skip
SYLLABLES = ["ka", "lo", "mi", "tre", "vos", "dan", "rel", "qui", "ber", "sto", "nex", "ul"]
MEETINGS = [
    ("{Org} renewal", "Annual renewal conversation.", "Teams", True),
    ("Konditionsgespräch {Org}", "Angebot besprechen.", "Zoom", True),
    ("Quick chat with Tom", "", "", True),
    ("Onsite demo at {Org}", "Live demo for the CTO.", "{Org} HQ", True),
    ("Intro call - {Org}", "First conversation about their needs.", "Phone", True),
    ("Q3 business review", "Quarterly review of adoption and goals.", "Google Meet", True),
    ("Teststellung - Abstimmung", "Erfolgskriterien festlegen.", "Teams", True),
    ("Weekly forecast call", "Pipeline review.", "", False),
    ("Jour fixe mit Markus", "", "", False),
    ("Team standup", "Daily sync.", "", False),
    ("Zahnarzt", "", "", False),
    ("Focus: Angebote schreiben", "", "", False),
]  # fmt: skip


def word() -> str:
    return "".join(RNG.choice(SYLLABLES) for _ in range(RNG.randint(2, 4)))


def domain(n: int) -> str:
    return f"{word()}{n}.example"


def tip_row(author_id: int, orgs: list[str]) -> dict[str, Any]:
    opener = RNG.choice(OPENERS)
    body = opener.format(
        kind=RNG.choice(KINDS), Kind=RNG.choice(KINDS).capitalize(), advice=RNG.choice(ADVICE),
        dkind=RNG.choice(DKINDS), dadvice=RNG.choice(DADVICE),
    )  # fmt: skip
    body += " " + " ".join(word() for _ in range(RNG.randint(3, 12))) + "."
    accounts = [RNG.choice(orgs)] if RNG.random() < 0.3 else []
    now = utcnow()
    return {
        "title": "", "body": body, "body_html": f"<p>{body}</p>", "author_id": author_id,
        "tags": RNG.sample(TAGS, RNG.randint(1, 3)), "accounts": accounts,
        "helpful_count": RNG.choice([0, 0, 0, 1, 2, 5]), "status": "active",
        "created_at": now, "updated_at": now,
    }  # fmt: skip


def grow(session: Session, author_id: int, orgs: list[str], count: int, workers: int = 1) -> float:
    """Bulk-insert ``count`` tips, then index them through the production indexing code."""
    started = time.perf_counter()
    rows = [tip_row(author_id, orgs) for _ in range(count)]
    first = (session.exec(select(Tip.id).order_by(Tip.id.desc())).first() or 0) + 1  # type: ignore[union-attr]
    for offset, row in enumerate(rows):
        row["id"] = first + offset
    for start in range(0, count, 2000):
        chunk = rows[start : start + 2000]
        session.execute(insert(Tip), chunk)
        session.execute(
            insert(TipTag), [{"tip_id": r["id"], "tag": t} for r in chunk for t in r["tags"]]
        )
        accounts = [{"tip_id": r["id"], "domain": a} for r in chunk for a in r["accounts"]]
        if accounts:
            session.execute(insert(TipAccount), accounts)
    session.flush()
    ids = [r["id"] for r in rows]
    batches = [ids[start : start + 500] for start in range(0, count, 500)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        plain = [[_plain(r) for r in rows[i : i + 500]] for i in range(0, count, 500)]
        for batch, computed in zip(batches, pool.map(_compute, plain), strict=True):
            tips = session.exec(select(Tip).where(col(Tip.id).in_(batch))).all()
            for tip in tips:
                fulltext.index_tip(session, tip)
            store_profiles(session, computed)
            session.commit()
    return time.perf_counter() - started


MARKS_PER_TIP = 0.1  # feedback marks kept per tip in the library (a busy team's year)


def add_marks(session: Session, user_id: int, count: int, meetings: list[Meeting]) -> None:
    """Feedback marks from the team: random tips, half of them in the bench meetings' series."""
    top = session.exec(select(func.max(Tip.id))).one() or 1
    series = [learning.series_key(m) for m in meetings]
    kinds = ["kind:negotiation", "kind:demo", "kind:renewal", "kind:forecast", "kind:service"]
    rows = []
    for n in range(count):
        vector = [RNG.gauss(0, 1) for _ in range(embedding.DIMENSIONS)]
        norm = sum(v * v for v in vector) ** 0.5
        rows.append({
            "tip_id": RNG.randint(1, top), "user_id": user_id, "occasion": f"bench-{RNG.random()}",
            "series": RNG.choice(series) if n % 2 else f"other-{n}", "orgs": [],
            "kinds": [RNG.choice(kinds)], "external": bool(n % 3),
            "vector": embedding.to_bytes(np.array(vector) / norm), "helpful": bool(n % 4),
            "updated_at": utcnow(),
        })  # fmt: skip
    for start in range(0, len(rows), 2000):
        session.execute(insert(FeedbackMark), rows[start : start + 2000])
    session.commit()


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "title", "body", "tags", "accounts")}


def _compute(rows: list[dict[str, Any]]) -> list[ComputedProfile]:
    """In a worker process: the indexing code's pure part (facets, stems, embeddings)."""
    tips = [Tip(body_html="", author_id=0, **row) for row in rows]
    return compute_profiles(tips)


def meetings_for(session: Session, user: User, orgs: list[str]) -> list[Meeting]:
    calendar = Calendar(user_id=user.id or 0, url_encrypted="-", source_key="bench")
    session.add(calendar)
    session.flush()
    out = []
    for n in range(48):
        title, description, location, external = MEETINGS[n % len(MEETINGS)]
        org = orgs[n % len(orgs)]
        name = org.split(".")[0].capitalize()
        attendees = [{"email": f"contact@{org}", "name": "", "kind": "person"}] if external else []
        start = utcnow() + timedelta(days=1, hours=n)
        meeting = Meeting(
            user_id=user.id or 0, calendar_id=calendar.id or 0, uid=f"bench-{n}",
            original_start=start, start=start, end=start + timedelta(minutes=30),
            title=title.format(Org=name), description=description,
            location=location.format(Org=name), attendees=attendees,
            external_domains=[org] if external else [],
        )  # fmt: skip
        session.add(meeting)
        out.append(meeting)
    session.commit()
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(engine: Engine, user_id: int, meeting_ids: list[int], rounds: int) -> dict[str, float]:
    embedding._cache.clear()
    cold: list[float] = []
    warm: list[float] = []
    cpu: list[float] = []
    reads: list[float] = []
    sizes: list[int] = []
    # As GET /api/meetings/{id}/brief reads: a read-only unit of work (core.db.read_only)
    with Session(read_only(engine), expire_on_commit=False) as session:
        user = session.get(User, user_id)
        assert user is not None
        for round_ in range(rounds):
            for meeting_id in meeting_ids:
                started = time.perf_counter()
                meeting = session.exec(select(Meeting).where(Meeting.id == meeting_id)).one()
                reads.append(time.perf_counter() - started)
                session.expunge_all()
                user = session.get(User, user_id)
                started, cpu_started = time.perf_counter(), time.process_time()
                meeting = session.exec(select(Meeting).where(Meeting.id == meeting_id)).one()
                brief = brief_for_meeting(session, user, meeting)  # type: ignore[arg-type]
                (cold if round_ == 0 else warm).append(time.perf_counter() - started)
                if round_:
                    cpu.append(time.process_time() - cpu_started)
                sizes.append(len(brief.tips))
                session.expunge_all()
    ms = 1000.0
    return {
        "p50": statistics.median(warm) * ms, "p95": pct(warm, 0.95) * ms,
        "cold_p95": pct(cold, 0.95) * ms,
        "cpu_p50": statistics.median(cpu) * ms, "cpu_p95": pct(cpu, 0.95) * ms,
        "read_p50": statistics.median(reads) * ms, "read_p95": pct(reads, 0.95) * ms,
        "quiet": sizes.count(0) / len(sizes),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--rounds", type=int, default=5, help="briefs per meeting per size")
    parser.add_argument(
        "--db", type=Path, default=None,
        help="keep the library in this SQLite file and reuse what it already has",
    )  # fmt: skip
    parser.add_argument(
        "--build-workers", type=int, default=os.cpu_count() or 1,
        help="processes that profile the synthetic tips (building only; briefs use one core)",
    )  # fmt: skip
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    embedding.encode(["warm up"])
    language.detect("warm up")
    with tempfile.TemporaryDirectory(prefix="tipoff-bench-") as folder:
        path = args.db or Path(folder) / "bench.db"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        with Session(engine, expire_on_commit=False) as session:
            author = session.exec(select(User).where(User.email == "author@bench.example")).first()
            rep = session.exec(select(User).where(User.email == "rep@bench.example")).first()
            orgs = [domain(n) for n in range(max(20, sizes[-1] // 100))]
            if author is None or rep is None:
                author = User(email="author@bench.example", name="Author", role=Role.curator)
                rep = User(email="rep@bench.example", name="Rep")
                session.add_all([author, rep])
                session.commit()
                meetings_for(session, rep, orgs[:24])
            else:  # a kept library: reuse its accounts
                orgs = sorted(set(session.exec(select(TipAccount.domain)).all())) or orgs
            meeting_ids = [
                m.id or 0 for m in session.exec(select(Meeting).where(Meeting.user_id == rep.id))
            ]
            author_id, rep_id = author.id or 0, rep.id or 0
            have = session.exec(select(func.count()).select_from(Tip)).one()
        print(f"one core, SQLite, {len(meeting_ids)} meetings x {args.rounds} briefs per size")
        print(f"{'tips':>7} {'build s':>8} {'brief p50':>10} {'p95':>7} {'cold p95':>9} "
              f"{'cpu p50':>8} {'cpu p95':>8} {'read p50':>9} {'read p95':>9} {'p95/read':>9} "
              f"{'quiet':>6}")  # fmt: skip
        first_p95 = None
        for size in sizes:
            built = 0.0
            if size > have:
                with Session(engine, expire_on_commit=False) as session:
                    built = grow(session, author_id, orgs, size - have, args.build_workers)
                    bench_meetings = list(
                        session.exec(select(Meeting).where(Meeting.user_id == rep_id))
                    )
                    add_marks(session, rep_id, int((size - have) * MARKS_PER_TIP), bench_meetings)
                have = size
            elif size < have:
                print(f"{size:>7} skipped: the kept library already has {have} tips")
                continue
            if cpus:  # measure on one core
                os.sched_setaffinity(0, {cpus[0]})
            figures = measure(engine, rep_id, meeting_ids, args.rounds)
            if cpus:
                os.sched_setaffinity(0, set(cpus))
            first_p95 = first_p95 or (figures["p95"], size)
            print(
                f"{size:>7} {built:>8.1f} {figures['p50']:>8.1f}ms {figures['p95']:>5.1f}ms "
                f"{figures['cold_p95']:>7.1f}ms {figures['cpu_p50']:>6.1f}ms "
                f"{figures['cpu_p95']:>6.1f}ms {figures['read_p50']:>7.2f}ms "
                f"{figures['read_p95']:>7.2f}ms {figures['p95'] / figures['read_p95']:>8.0f}x "
                f"{figures['quiet']:>6.2f}"
            )
        if first_p95 and len(sizes) > 1:
            growth = figures["p95"] / first_p95[0]
            print(f"growth: {sizes[-1] // first_p95[1]}x the tips -> {growth:.1f}x the p95")
        print(f"goal: p95 <= 50 ms at {sizes[-1]} tips: "
              f"{'yes' if figures['p95'] <= 50 else 'NO'}")  # fmt: skip
        engine.dispose()


if __name__ == "__main__":
    main()
