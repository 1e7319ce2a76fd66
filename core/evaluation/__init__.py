"""Judge the brief ranking on a graded data set, next to a BM25 baseline, in one run.

The set (``tips``, ``meetings`` with ``relevant: {tip_key: grade}``, ``user``)
is loaded into a throwaway SQLite database, migrated like production, through
the production paths: the user via ``core.people.accounts``, tips via
``core.tips.service.create_tip`` (which profiles them for ranking), meetings
as a real ICS file (written with ``icalendar``) that goes through a calendar
sync. Then every meeting is briefed with ``brief_for_meeting``.

Metrics: nDCG@3 with graded gains (2^grade - 1) over meetings that have
relevant tips; the quiet rate (share of meetings without relevant tips whose
brief is empty); and the same nDCG@3 for BM25 (``rank_bm25``, title + body +
tags + accounts against title + description + location + attendee domains,
top 3 always, so it is never quiet).
"""

from __future__ import annotations

import json
import math
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rank_bm25 import BM25Okapi
from sqlmodel import Session, select

from core.db import make_engine
from core.errors import InvalidInput
from core.migrate import upgrade
from core.models import Meeting, Role, Tip, User
from core.models.tip import TipCreate
from core.people import accounts
from core.ranking.brief import brief_for_meeting
from core.ranking.text import content_terms
from core.tips.service import create_tip

CUTOFF = 3
GOAL_NDCG = 0.85
GOAL_RATIO = 1.25
GOAL_QUIET = 0.95


@dataclass
class MeetingResult:
    key: str
    title: str
    relevant: dict[str, int]
    tipoff: list[str]
    bm25: list[str]
    ndcg: float | None
    bm25_ndcg: float | None
    reasons: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Report:
    dataset: str
    tips: int
    meetings: int
    judged: int
    quiet_meetings: int
    ndcg: float
    quiet_rate: float
    bm25_ndcg: float
    bm25_quiet_rate: float
    ratio: float
    seconds: float
    per_meeting: list[MeetingResult]

    @property
    def goals_met(self) -> bool:
        return self.ndcg >= GOAL_NDCG and self.ratio >= GOAL_RATIO and self.quiet_rate >= GOAL_QUIET

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["goals_met"] = self.goals_met
        return data


# --- metrics -----------------------------------------------------------------------


def dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:CUTOFF]))


def ndcg_at_3(ranked: list[str], relevant: dict[str, int]) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True))
    if ideal == 0:
        return 0.0
    return dcg([relevant.get(key, 0) for key in ranked]) / ideal


# --- loading -----------------------------------------------------------------------


def read_dataset(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: expected an object with 'user', 'tips' and 'meetings'")
    for name, kind in (("user", dict), ("tips", list), ("meetings", list)):
        if not isinstance(data.get(name), kind):
            raise InvalidInput(f"{path}: '{name}' is missing or not a {kind.__name__}")
    keys = set()
    for number, tip in enumerate(data["tips"], start=1):
        if not isinstance(tip, dict) or not tip.get("key") or not tip.get("body"):
            raise InvalidInput(f"{path}: tip {number} needs a 'key' and a 'body'")
        keys.add(tip["key"])
    for number, meeting in enumerate(data["meetings"], start=1):
        if not isinstance(meeting, dict) or not meeting.get("key"):
            raise InvalidInput(f"{path}: meeting {number} needs a 'key'")
        unknown = set(meeting.get("relevant") or {}) - keys
        if unknown:
            raise InvalidInput(f"{path}: meeting {meeting['key']} judges unknown tips {unknown}")
    return data


def meeting_times(meeting: dict[str, Any], today: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    hour, minute = (int(part) for part in str(meeting.get("start", "09:00")).split(":"))
    day = today + timedelta(days=int(meeting.get("day_offset", 1)))
    start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    return start, start + timedelta(minutes=int(meeting.get("duration_min", 30)))


def dataset_ics(data: dict[str, Any], today: date) -> bytes:
    """The meetings as one iCalendar feed, as a calendar app would export them."""
    from icalendar import Calendar, Event, vCalAddress, vText

    user = data["user"]
    tz = ZoneInfo(user.get("timezone") or "UTC")
    calendar = Calendar()
    calendar.add("prodid", "-//Tipoff//evaluation//EN")
    calendar.add("version", "2.0")
    for meeting in data["meetings"]:
        start, end = meeting_times(meeting, today, tz)
        event = Event()
        event.add("uid", f"{meeting['key']}@tipoff-evaluation")
        event.add("dtstamp", datetime.now(ZoneInfo("UTC")))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", meeting.get("title", ""))
        if meeting.get("description"):
            event.add("description", meeting["description"])
        if meeting.get("location"):
            event.add("location", meeting["location"])
        for name in ("class", "transp"):  # a private entry, one shown as free
            if meeting.get(name):
                event.add(name, str(meeting[name]).upper())
        attendees = meeting.get("attendees") or []
        if attendees:
            organizer = vCalAddress(f"mailto:{user['email']}")
            organizer.params["cn"] = vText(user.get("name", ""))
            event.add("organizer", organizer)
            for address in [user["email"], *attendees]:
                attendee = vCalAddress(f"mailto:{address}")
                attendee.params["partstat"] = vText("ACCEPTED")
                attendee.params["role"] = vText("REQ-PARTICIPANT")
                event.add("attendee", attendee, encode=False)
        calendar.add_component(event)
    return calendar.to_ical()


def load(
    session: Session, data: dict[str, Any], today: date, *, now: datetime | None = None
) -> tuple[User, dict[int, str]]:
    """Create the user, the library and the meetings; return the user and tip id → key."""
    now = now or datetime.now(ZoneInfo("UTC"))
    spec = data["user"]
    user = accounts.create_user(
        session,
        email=spec["email"],
        name=spec.get("name") or spec["email"],
        timezone=spec.get("timezone") or "UTC",
    )
    # The library is written by a colleague, so nobody votes on their own tips.
    domain = user.email.rsplit("@", 1)[-1]
    author = accounts.create_user(
        session, email=f"tip-library@{domain}", name="Tip library", role=Role.curator
    )
    keys: dict[int, str] = {}
    for item in data["tips"]:
        tip = create_tip(
            session,
            author,
            TipCreate(
                title=item.get("title"),
                body=item["body"],
                tags=item.get("tags") or [],
                accounts=item.get("accounts") or [],
            ),
        )
        assert tip.id is not None
        keys[tip.id] = item["key"]
    sync_ics(session, user, dataset_ics(data, today), now=now)
    session.commit()
    return user, keys


def sync_ics(session: Session, user: User, feed: bytes, *, now: datetime) -> None:
    """Turn the feed into meetings with the calendar sync (``core.calendars.sync``).

    It goes through the one claim-and-sync path every caller uses
    (``core.calendars.claims.sync_one``), with the feed's bytes standing in for
    the download, so the same parse, window, attendee and external-domain rules
    apply as for a subscribed calendar, without serving it over the network.
    """
    from core.calendars.claims import sync_one
    from core.calendars.service import source_key
    from core.calendars.sync import SECRET_PURPOSE, parsed_download
    from core.crypto import encrypt
    from core.db import units_within
    from core.models import Calendar

    url = "https://evaluation.invalid/dataset.ics"
    calendar = Calendar(
        user_id=user.id or 0,
        kind="ics",
        name="evaluation",
        display_url="https://evaluation.invalid",
        url_encrypted=encrypt(url, SECRET_PURPOSE),
        source_key=source_key("ics", url),
    )
    session.add(calendar)
    session.flush()
    assert calendar.id is not None
    result = sync_one(
        calendar.id,
        units=units_within(session),
        now=now,
        fetch=lambda plan: parsed_download(plan, feed),
    )
    if result.error:
        raise InvalidInput(f"the calendar sync reported a problem: {result.error}")


# --- the run -----------------------------------------------------------------------


def bm25_rankings(data: dict[str, Any]) -> dict[str, list[str]]:
    tips = data["tips"]
    corpus = [
        content_terms(
            " ".join(
                [t.get("title") or "", t["body"], " ".join(t.get("tags") or []),
                 " ".join(t.get("accounts") or [])]
            )
        )
        for t in tips
    ]  # fmt: skip
    model = BM25Okapi(corpus)
    out: dict[str, list[str]] = {}
    for meeting in data["meetings"]:
        domains = {a.split("@", 1)[-1] for a in meeting.get("attendees") or [] if "@" in a}
        query = content_terms(
            " ".join(
                [meeting.get("title") or "", meeting.get("description") or "",
                 meeting.get("location") or "", " ".join(sorted(domains))]
            )
        )  # fmt: skip
        scores = model.get_scores(query) if query else [0.0] * len(tips)
        order = sorted(range(len(tips)), key=lambda i: (-scores[i], i))
        out[meeting["key"]] = [tips[i]["key"] for i in order[:CUTOFF]]
    return out


def evaluate(path: Path, *, today: date | None = None) -> Report:
    started = time.perf_counter()
    data = read_dataset(path)
    today = today or date.today()
    with tempfile.TemporaryDirectory(prefix="tipoff-eval-") as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'eval.db'}")
        try:
            upgrade(engine)
            with Session(engine, expire_on_commit=False) as session:
                user, keys = load(session, data, today)
                by_uid = {m.uid.split("@", 1)[0]: m for m in session.exec(select(Meeting)).all()}
                tipoff: dict[str, list[str]] = {}
                reasons: dict[str, dict[str, list[str]]] = {}
                for spec in data["meetings"]:
                    meeting = by_uid.get(spec["key"])
                    if meeting is None:
                        raise InvalidInput(f"meeting {spec['key']} did not survive the sync")
                    brief = brief_for_meeting(session, user, meeting, limit=CUTOFF)
                    tipoff[spec["key"]] = [keys[r.tip.id or 0] for r in brief.tips]
                    reasons[spec["key"]] = {keys[r.tip.id or 0]: r.reasons for r in brief.tips}
                _ = session.exec(select(Tip)).first()
        finally:
            engine.dispose()
    baseline = bm25_rankings(data)
    return _report(data, tipoff, baseline, reasons, time.perf_counter() - started)


def _report(
    data: dict[str, Any],
    tipoff: dict[str, list[str]],
    baseline: dict[str, list[str]],
    reasons: dict[str, dict[str, list[str]]],
    seconds: float,
) -> Report:
    rows: list[MeetingResult] = []
    for spec in data["meetings"]:
        relevant = {k: int(v) for k, v in (spec.get("relevant") or {}).items() if int(v) > 0}
        key = spec["key"]
        judged = bool(relevant)
        rows.append(
            MeetingResult(
                key=key,
                title=spec.get("title", ""),
                relevant=relevant,
                tipoff=tipoff[key],
                bm25=baseline[key],
                ndcg=ndcg_at_3(tipoff[key], relevant) if judged else None,
                bm25_ndcg=ndcg_at_3(baseline[key], relevant) if judged else None,
                reasons=reasons.get(key, {}),
            )
        )
    judged_rows = [r for r in rows if r.ndcg is not None]
    quiet_rows = [r for r in rows if r.ndcg is None]
    ndcg = _mean([r.ndcg for r in judged_rows])
    bm25 = _mean([r.bm25_ndcg for r in judged_rows])
    return Report(
        dataset=str(data.get("name") or "dataset"),
        tips=len(data["tips"]),
        meetings=len(rows),
        judged=len(judged_rows),
        quiet_meetings=len(quiet_rows),
        ndcg=round(ndcg, 4),
        quiet_rate=round(_mean([1.0 if not r.tipoff else 0.0 for r in quiet_rows]), 4),
        bm25_ndcg=round(bm25, 4),
        bm25_quiet_rate=round(_mean([1.0 if not r.bm25 else 0.0 for r in quiet_rows]), 4),
        ratio=round(ndcg / bm25, 4) if bm25 else math.inf,
        seconds=round(seconds, 2),
        per_meeting=rows,
    )


def _mean(values: list[float | None]) -> float:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else 1.0
