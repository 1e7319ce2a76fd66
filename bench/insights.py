"""How long the curator's views take: gaps over the team's next 14 days, and the
usage report, on a throwaway SQLite database built through production paths.

    .venv/bin/python bench/insights.py                  # 50 people x 20 meetings, 2,000 tips
    .venv/bin/python bench/insights.py --people 100 --meetings 20 --tips 5000

Tips are written with ``core.tips.service.create_tip`` (profiles, search index),
meetings are rows like a sync writes them (a third with a customer that has
tips, a third with one that has none, a third internal), usage is counted with
``core.insights.usage.count`` (one brief opened and marked per meeting).
Printed: seconds for ``find_gaps`` (it ranks every upcoming meeting), for
``usage_report`` by tip / tag / week, and the meetings and usage rows behind them.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TIPOFF_SECRET_KEY", "bench-secret-key-not-for-production")

from sqlmodel import Session

from core.crypto import encrypt
from core.db import make_engine
from core.insights import usage
from core.insights.gaps import find_gaps
from core.insights.report import usage_report
from core.migrate import upgrade
from core.models import Calendar, Meeting, utcnow
from core.models.tip import TipCreate
from core.people import accounts
from core.tips.service import create_tip

KINDS = ["pricing negotiation", "quarterly business review", "product demo", "renewal call",
         "kickoff", "contract redlines"]  # fmt: skip


def build(session: Session, people: int, per_person: int, tips: int, rng: random.Random) -> int:
    users = [
        accounts.create_user(session, email=f"p{n}@northwind.example", name=f"P {n}")
        for n in range(people)
    ]
    known = [f"known{n}.com" for n in range(40)]
    unknown = [f"unknown{n}.com" for n in range(40)]
    for n in range(tips):
        kind = rng.choice(KINDS)
        account = [rng.choice(known)] if n % 3 == 0 else []
        create_tip(
            session,
            users[n % people],
            TipCreate(
                title=f"Tip {n} for a {kind}",
                body=f"In a {kind}, ask about budget and timeline first ({n}).",
                tags=[kind.split()[0]],
                accounts=account,
            ),
        )
    now = utcnow()
    meetings = 0
    for user in users:
        calendar = Calendar(user_id=user.id or 0, url_encrypted=encrypt("https://cal.example/x"))
        session.add(calendar)
        session.flush()
        for m in range(per_person):
            start = now + timedelta(hours=rng.randint(1, 13 * 24))
            kind = rng.choice(KINDS)
            domains = [[rng.choice(known)], [rng.choice(unknown)], []][m % 3]
            session.add(
                Meeting(
                    user_id=user.id or 0, calendar_id=calendar.id or 0, uid=f"{user.id}-{m}",
                    original_start=start, start=start, end=start + timedelta(minutes=45),
                    title=f"{kind.title()}" + (f" with {domains[0]}" if domains else ""),
                    attendees=[{"email": f"x@{d}", "kind": "person"} for d in domains],
                    external_domains=domains,
                )
            )  # fmt: skip
            meetings += 1
            tip_id = rng.randint(1, tips)
            usage.count(session, "opened", person=user.id or 0, tip_ids=[tip_id])
            usage.count(session, "helpful", person=user.id or 0, tip_ids=[tip_id])
    session.commit()
    return meetings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--meetings", type=int, default=20, help="per person, next 14 days")
    parser.add_argument("--tips", type=int, default=2000)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="tipoff-bench-insights-"))
    engine = make_engine(f"sqlite:///{directory / 'bench.db'}")
    upgrade(engine)
    with Session(engine) as session:
        started = time.perf_counter()
        meetings = build(session, args.people, args.meetings, args.tips, random.Random(17))
        print(
            f"built {args.tips} tips, {meetings} meetings in {time.perf_counter() - started:.0f} s"
        )
        for _ in range(2):  # the second run is warm (embeddings cached in-process)
            started = time.perf_counter()
            gaps = find_gaps(session, days=14)
            took = time.perf_counter() - started
        print(f"find_gaps (warm): {took:.2f} s for {meetings} meetings "
              f"({1000 * took / meetings:.1f} ms each), {len(gaps.items)} gap rows")  # fmt: skip
        for by in ("tip", "tag", "week"):
            started = time.perf_counter()
            report = usage_report(session, by=by)  # type: ignore[arg-type]
            took = time.perf_counter() - started
            print(f"usage_report by={by}: {1000 * took:.0f} ms, {len(report.items)} rows, "
                  f"{report.other.rows} folded")  # fmt: skip


if __name__ == "__main__":
    main()
