"""Where usage is counted: flows that do the thing, then count it (never who did it).

Routes call these instead of the lower rooms directly, so the counting cannot be
forgotten: posting a tip (which may answer a request or come from a debrief),
feedback on a brief, a vote, a brief viewed. ``collect_outbox`` reads sent briefs,
debrief prompts and delivery receipts from the outbox (a job, after the fact).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from core.insights import requests, usage
from core.models import (
    Meeting,
    Notification,
    NotificationKind,
    NotificationState,
    Tip,
    UsageCursor,
    User,
    utcnow,
)
from core.models.brief import FeedbackCreate, FeedbackPublic
from core.models.ownership import owned
from core.models.tip import TipCreate
from core.tips import feedback, service, votes
from core.tips.service import PreparedTip

BATCH = 2000
FIRST_LOOK_BACK = timedelta(days=14)


def post_tip(session: Session, author: User, data: TipCreate, *, prepared: PreparedTip) -> Tip:
    """Post a tip; from a request it answers it, from a meeting it closes the debrief funnel."""
    meeting = owned(session, Meeting, data.meeting_id, author) if data.meeting_id else None
    if data.request_id is not None:
        requests.get_open(session, data.request_id)  # before writing anything
    tip = service.create_tip(session, author, data, prepared=prepared)
    assert tip.id is not None and author.id is not None
    if data.request_id is not None:
        requests.answer(session, data.request_id, tip, author)
    if meeting is not None:
        usage.count_funnel(session, "debrief_tips", person=author.id, once=f"tip:{tip.id}")
    return tip


def give_feedback(
    session: Session, user: User, meeting_id: int, data: FeedbackCreate
) -> FeedbackPublic:
    answer = feedback.record(session, user, meeting_id, data)
    assert user.id is not None
    metric = "helpful" if data.helpful else "not_helpful"
    usage.count(
        session,
        metric,
        person=user.id,
        tip_ids=[data.tip_id],
        once=f"{metric}:{user.id}:{data.tip_id}",
    )
    return answer


def vote(session: Session, user: User, tip_id: int) -> Tip:
    tip = votes.add_vote(session, user, tip_id)
    assert user.id is not None
    usage.count(
        session, "helpful", person=user.id, tip_ids=[tip_id], once=f"helpful:{user.id}:{tip_id}"
    )
    return tip


def brief_viewed(session: Session, user: User, meeting: Meeting, tip_ids: list[int]) -> None:
    """The owner looked at a meeting's brief (app or API): one "opened" per meeting and week."""
    if tip_ids and user.id is not None:
        usage.count(session, "opened", person=user.id, tip_ids=tip_ids, once=f"opened:{meeting.id}")


def _cursor(session: Session, name: str, now: datetime) -> UsageCursor:
    row = session.get(UsageCursor, name)
    if row is None:  # the first run reads back as far as the outbox usually keeps
        row = UsageCursor(name=name, at=now - FIRST_LOOK_BACK)
        session.add(row)
    return row


def _tip_ids(payload: str | None) -> list[int]:
    try:
        tips = json.loads(payload or "{}").get("tips") or []
        return [int(t["id"]) for t in tips if isinstance(t, dict) and "id" in t]
    except (ValueError, TypeError, AttributeError, KeyError):
        return []


def _receipts(session: Session, column: str, metric: str, now: datetime) -> int:
    """Receipts the service worker posted (``shown_at`` / ``opened_at`` on outbox rows)."""
    moment = getattr(Notification, column, None)
    if moment is None:
        return 0
    cursor = _cursor(session, metric, now)
    rows = session.exec(
        select(Notification)
        .where(
            Notification.kind == NotificationKind.brief,
            col(moment) > cursor.at,
            col(moment) <= now,
        )
        .order_by(col(moment))
        .limit(BATCH)
    ).all()
    for row in rows:
        usage.count(
            session,
            metric,
            person=row.user_id,
            tip_ids=_tip_ids(row.payload),
            once=f"{metric}:{row.meeting_id or row.occurrence}",
            now=getattr(row, column),
        )
        cursor.at = max(cursor.at, getattr(row, column))
    session.add(cursor)
    return len(rows)


def collect_outbox(session: Session, *, now: datetime | None = None) -> int:
    """Count briefs and debrief prompts sent, and receipts, since the last run."""
    now = now or utcnow()
    cursor = _cursor(session, "sent", now)
    rows = session.exec(
        select(Notification)
        .where(
            col(Notification.kind).in_([NotificationKind.brief, NotificationKind.debrief]),
            Notification.state == NotificationState.sent,
            col(Notification.sent_at) > cursor.at,
            col(Notification.sent_at) <= now,
        )
        .order_by(col(Notification.sent_at))
        .limit(BATCH)
    ).all()
    for row in rows:
        assert row.sent_at is not None
        once = f"{row.kind}:{row.user_id}:{row.occurrence}"
        if row.kind == NotificationKind.brief:
            usage.count(
                session,
                "delivered",
                person=row.user_id,
                tip_ids=_tip_ids(row.payload),
                once=once,
                now=row.sent_at,
            )
        else:
            usage.count_funnel(
                session, "debrief_prompts", person=row.user_id, once=once, now=row.sent_at
            )
        cursor.at = max(cursor.at, row.sent_at)
    session.add(cursor)
    counted = len(rows)
    counted += _receipts(session, "shown_at", "shown", now)
    counted += _receipts(session, "opened_at", "opened", now)
    session.flush()
    return counted
