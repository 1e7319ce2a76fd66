"""Learning from each team's feedback: "this helped" rises, "not for this meeting" sinks.

Every feedback on a brief leaves a *mark* (``FeedbackMark``): the tip, the
person, helpful or not, and the meeting's context — its series (the series'
UID, or its title without dates and numbers), its customers, its kinds of
meeting, whether anyone external attended, and its embedding. The meeting
itself is not kept, so marks outlive calendar entries.

A later brief reads the marks of its finalist tips and weighs each by how much
the mark's meeting is like this one:

- the same series (next occurrence): 1.0;
- their meaning: the cosine of the embeddings, from ``SIMILAR_FLOOR`` → 0 to
  ``SIMILAR_FULL`` → 1 (none when both are in one language the encoder does not
  read: two Finnish meetings look alike whatever they are about);
- when both meetings have kinds (lexicon facets): ``SHARED_KIND`` times the
  share of their kinds they have in common (Jaccard) times their meaning,
  nothing if they share none: what helped in a price negotiation says nothing
  about an installation, even with the same customer, and a kind alone is not
  enough either (the lexicon calls a wedding couple's first meeting and an
  association's congress enquiry both "first meeting");
  plus ``SAME_CUSTOMER`` for the same customer when the mark is "this helped"
  (an account's kind of meeting; "not for this meeting" is about the kind);
- otherwise only meetings that read almost the same count (cosine from
  ``ALIKE_FLOOR`` → 0 to ``ALIKE_FULL`` → 1): a shared customer name alone
  makes texts look alike;
- halved when one had someone external and the other did not; for "not for this
  meeting", nothing then (a meeting among colleagues is another kind of meeting);
- "not for this meeting" counts ``NOT_HERE_ELSEWHERE`` (half) outside its own
  series: it was said about that meeting, where a better tip was often what the
  person missed, and says less about the next meeting of its kind.

Per person the weighted marks add up and are capped at ±1 (``PERSON_CAP``):
a few clicks by one person cannot take over everyone's briefs. The team's sum
saturates (``tanh(sum / TEAM_SCALE)``) into the tip's *learned* value in
[-1, 1], which ``scoring`` adds (times ``Params.learned_weight``) and names as
"your team found this helpful in similar meetings". An account tip still
never leaves its account: scope is checked before anything learned counts.

Pure scoring over rows of one deployment; no outside data. This module
imports no tips or calendar code (``core.tips.feedback`` calls ``remember``).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from typing import Any

import numpy as np
from sqlalchemy import func
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from core.models import FeedbackMark, Meeting, utcnow
from core.ranking import embedding, language
from core.ranking.meeting import MeetingProfile, embed
from core.ranking.text import fold

SIMILAR_FLOOR = 0.1
SIMILAR_FULL = 0.6
ALIKE_FLOOR = 0.5
ALIKE_FULL = 0.9
SHARED_KIND = 0.7
KIND_MIN = 0.5
SAME_CUSTOMER = 0.3
OTHER_SETTING = 0.5  # one meeting had someone external, the other did not
NOT_HERE_ELSEWHERE = 0.5  # "not for this meeting", in a meeting of another series
PERSON_CAP = 1.0
TEAM_SCALE = 1.5
MAX_MARKS = 400  # the newest marks of the finalists, per brief
SERIES_DOOR = 20  # tips found helpful in this series become candidates, however they score
_NUMBERS = re.compile(r"[0-9]+")


def series_key(meeting: Meeting) -> str:
    """What recurs: a series' UID, else the folded title without dates or numbers."""
    if meeting.recurring:
        raw = "uid:" + meeting.uid
    else:
        raw = "title:" + " ".join(_NUMBERS.sub(" ", fold(meeting.title or "")).split())
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:40]


def occasion_key(meeting: Meeting) -> str:
    raw = f"{meeting.calendar_id}|{meeting.uid}|{meeting.original_start.isoformat()}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:40]


def meeting_kinds(profile: MeetingProfile) -> list[str]:
    return sorted(n for n, s in profile.facets.items() if n.startswith("kind:") and s >= KIND_MIN)


def remember(
    session: Session,
    user_id: int,
    tip_id: int,
    meeting: Meeting,
    profile: MeetingProfile,
    helpful: bool,
) -> FeedbackMark:
    """Keep (or update) the person's mark for this tip in this occurrence."""
    occasion = occasion_key(meeting)
    mark = session.exec(
        select(FeedbackMark).where(
            FeedbackMark.tip_id == tip_id,
            FeedbackMark.user_id == user_id,
            FeedbackMark.occasion == occasion,
        )
    ).first()
    if mark is None:
        mark = FeedbackMark(
            tip_id=tip_id, user_id=user_id, occasion=occasion, series="", helpful=helpful
        )
    vector = embed(profile)
    mark.series = profile.series or series_key(meeting)
    mark.orgs = sorted(profile.orgs)
    mark.kinds = meeting_kinds(profile)
    mark.external = profile.external
    mark.vector = embedding.to_bytes(vector) if np.any(vector) else None
    mark.language = profile.language
    mark.helpful = helpful
    mark.updated_at = utcnow()
    session.add(mark)
    session.flush()
    return mark


def series_helpful_ids(session: Session, profile: MeetingProfile) -> list[int]:
    """Tips someone found helpful in this very series: they must be scored, wherever they rank."""
    if not profile.series:
        return []
    rows = session.exec(
        select(FeedbackMark.tip_id)
        .where(FeedbackMark.series == profile.series, col(FeedbackMark.helpful).is_(True))
        .distinct()
        .limit(SERIES_DOOR)
    ).all()
    return list(rows)


def likeness(
    mark_series: str,
    mark_orgs: list[str],
    mark_kinds: list[str],
    mark_external: bool,
    mark_vector: np.ndarray | None,
    profile: MeetingProfile,
    vector: np.ndarray,
    *,
    helpful: bool = True,
    mark_language: str = "",
) -> float:
    """How much a mark left in one meeting says about this one, in [0, 1].

    "This helped" is about an account's kind of meeting, so the same customer counts extra;
    "not for this meeting" is about the kind of meeting, whoever the customer is.
    """
    if profile.series and mark_series == profile.series:
        return 1.0
    ours, theirs = set(meeting_kinds(profile)), set(mark_kinds)
    cos = float(np.dot(mark_vector, vector)) if mark_vector is not None else 0.0
    cos = language.likeness(cos, profile.language, mark_language)
    meaning = min(1.0, max(0.0, (cos - SIMILAR_FLOOR) / (SIMILAR_FULL - SIMILAR_FLOOR)))
    if ours and theirs:
        # Another kind of meeting: what helped there says nothing here. The same kind counts
        # as far as the meetings also read alike (a factory acceptance test and a
        # commissioning are both "installation" to the lexicon, not to people).
        shared = len(ours & theirs) / len(ours | theirs)
        weight = SHARED_KIND * shared * meaning
        if helpful and weight and set(mark_orgs) & profile.orgs:  # the account's kind
            weight = min(1.0, weight + SAME_CUSTOMER)
    else:  # no kind to go by: only meetings that read almost the same
        weight = min(1.0, max(0.0, (cos - ALIKE_FLOOR) / (ALIKE_FULL - ALIKE_FLOOR)))
    if not helpful:
        weight *= NOT_HERE_ELSEWHERE
    if mark_external != profile.external:
        # "Not for this meeting" at a customer's says nothing about a meeting among colleagues
        # (a bid-review tip shown at the customer's clarification call) and vice versa.
        weight = weight * OTHER_SETTING if helpful else 0.0
    return weight


def influence(session: Session, profile: MeetingProfile, tip_ids: list[int]) -> dict[int, float]:
    """tip id → what the team's marks say about it for this meeting, in [-1, 1]."""
    if not tip_ids:
        return {}
    rows: Any = session.execute(
        select_columns(
            col(FeedbackMark.tip_id),
            col(FeedbackMark.user_id),
            col(FeedbackMark.series),
            col(FeedbackMark.orgs),
            col(FeedbackMark.kinds),
            col(FeedbackMark.external),
            col(FeedbackMark.vector),
            col(FeedbackMark.helpful),
            col(FeedbackMark.language),
        )
        .where(col(FeedbackMark.tip_id).in_(sorted(tip_ids)))
        .order_by(col(FeedbackMark.updated_at).desc())
        .limit(MAX_MARKS)
    ).all()
    if not rows:
        return {}
    vector = embed(profile)
    per_person: dict[tuple[int, int], float] = defaultdict(float)
    for tip_id, user_id, series, orgs, kinds, external, blob, helpful, lang in rows:
        mark_vector = embedding.from_bytes(blob) if blob else None
        weight = likeness(
            series,
            orgs or [],
            kinds or [],
            external,
            mark_vector,
            profile,
            vector,
            helpful=helpful,
            mark_language=lang,
        )
        if weight > 0:
            per_person[(tip_id, user_id)] += weight if helpful else -weight
    team: dict[int, float] = defaultdict(float)
    for (tip_id, _), value in per_person.items():
        team[tip_id] += max(-PERSON_CAP, min(PERSON_CAP, value))
    return {tip_id: math.tanh(value / TEAM_SCALE) for tip_id, value in team.items() if value}


def helped_in_briefs(session: Session, tip_ids: list[int]) -> dict[int, int]:
    """tip id → how many people marked it "this helped" in a brief.

    Such a "this helped" is also the person's vote, but it was said about one kind of
    meeting: the learning above carries it to similar meetings, so the ranking leaves it
    out of the vote count it adds everywhere (the reasons still say "helped N colleagues").
    """
    if not tip_ids:
        return {}
    rows: Any = session.execute(
        select_columns(col(FeedbackMark.tip_id), func.count(func.distinct(FeedbackMark.user_id)))
        .where(col(FeedbackMark.tip_id).in_(sorted(tip_ids)), col(FeedbackMark.helpful).is_(True))
        .group_by(col(FeedbackMark.tip_id))
    ).all()
    return {int(tip_id): int(count) for tip_id, count in rows}
