"""Keeping tips true: owners, review intervals, verification, reminders.

Every tip has an owner (its author unless a curator hands it on) and an
interval (``TIPOFF_TIP_REVIEW_DAYS``, 180, or 30-730 per tip). From its last
verification (or its writing):

- after one interval it is *due*: briefs still show it, marked "may be outdated";
- after two, unverified, it *retires*: it leaves briefs until someone verifies it.

A reader who marks it outdated makes it due at once and tells the owner. Owners
hear about due tips at most once a week ("3 of your tips need a look"). Every
moment is compared with a ``now`` that callers pass in, so tests move the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select
from sqlmodel.sql.expression import SelectOfScalar

from core.errors import Forbidden, InvalidInput, NotFound
from core.models import NotificationKind, Tip, TipRevision, TipStatus, User, utcnow
from core.models.tip import REVIEW_DAYS_MAX, REVIEW_DAYS_MIN
from core.notifications.notes import Note, queue_note
from core.settings import get_settings

REMIND_EVERY = timedelta(days=7)
REVIEW_URL = "/tips/review"


def schedule(tip: Tip, *, verified: datetime | None = None) -> None:
    """Set the due and retire dates from the last verification (or the writing)."""
    if verified is not None:
        tip.verified_at = verified
    base = tip.verified_at or tip.created_at
    interval = timedelta(days=tip.review_days)
    tip.review_due_at = base + interval
    tip.retires_at = base + 2 * interval


def start(tip: Tip, review_days: int | None) -> None:
    """A new tip: its author owns it, its first review is one interval away."""
    tip.owner_id = tip.author_id
    tip.review_days = review_days or get_settings().tip_review_days
    schedule(tip)


def set_interval(tip: Tip, review_days: int) -> None:
    if not REVIEW_DAYS_MIN <= review_days <= REVIEW_DAYS_MAX:
        raise InvalidInput(f"review_days must be {REVIEW_DAYS_MIN}-{REVIEW_DAYS_MAX}")
    due_early = tip.review_due_at is not None and tip.review_due_at < (
        (tip.verified_at or tip.created_at) + timedelta(days=tip.review_days)
    )
    tip.review_days = review_days
    previous_due = tip.review_due_at
    schedule(tip)
    if due_early and previous_due is not None:  # an "outdated" mark stands
        tip.review_due_at = min(previous_due, tip.review_due_at or previous_due)


def is_stale(tip: Tip, now: datetime | None = None) -> bool:
    return tip.review_due_at is not None and tip.review_due_at <= (now or utcnow())


def can_review(user: User, tip: Tip) -> bool:
    return user.is_curator or tip.owner_id == user.id


def record_revision(
    session: Session, tip: Tip, editor: User, action: str, now: datetime | None = None
) -> None:
    """Keep the tip as it now reads in its history (create, edit, verify, remove…)."""
    assert tip.id is not None and editor.id is not None
    session.add(
        TipRevision(
            tip_id=tip.id,
            editor_id=editor.id,
            action=action,
            title=tip.title,
            body=tip.body,
            tags=list(tip.tags),
            accounts=list(tip.accounts),
            created_at=now or utcnow(),
        )
    )


def _tip(session: Session, tip_id: int) -> Tip:
    tip = session.get(Tip, tip_id)
    if tip is None or tip.status == TipStatus.deleted:
        raise NotFound(f"tip {tip_id} not found")
    return tip


def verify(session: Session, user: User, tip_id: int, *, now: datetime | None = None) -> Tip:
    """The owner (or a curator) confirms the tip is still true; next review one interval on."""
    now = now or utcnow()
    tip = _tip(session, tip_id)
    if not can_review(user, tip) or (tip.status != TipStatus.active and not user.is_curator):
        raise Forbidden("only the tip's owner or a curator can verify it")
    schedule(tip, verified=now)
    session.add(tip)
    record_revision(session, tip, user, "verify", now)
    session.flush()
    return tip


def reassign(session: Session, curator: User, tip: Tip, owner_id: int) -> None:
    if not curator.is_curator:
        raise Forbidden("only curators can hand a tip to another owner")
    owner = session.get(User, owner_id)
    if owner is None:
        raise InvalidInput(f"no person with id {owner_id}")
    tip.owner_id = owner_id


def mark_outdated(session: Session, tip: Tip, *, now: datetime | None = None) -> bool:
    """A reader says the tip is outdated: due at once, its owner hears. False if already due."""
    now = now or utcnow()
    if is_stale(tip, now):
        return False
    tip.review_due_at = now
    session.add(tip)
    if tip.owner_id is not None:
        label = tip.title or tip.body[:60]
        queue_note(
            session,
            [tip.owner_id],
            Note(
                NotificationKind.review,
                key=f"outdated:{tip.id}:{now.isoformat()}",
                title="A reader thinks your tip is outdated",
                body=f"“{label}” — check it and verify or edit it.",
                url=f"{REVIEW_URL}#tip-{tip.id}",
            ),
            now=now,
        )
    session.flush()
    return True


def due_query(now: datetime) -> SelectOfScalar[Tip]:
    return select(Tip).where(
        Tip.status == TipStatus.active,
        col(Tip.review_due_at).is_not(None),
        col(Tip.review_due_at) <= now,
    )


def due_tips(
    session: Session, *, owner_id: int | None = None, now: datetime | None = None, limit: int = 200
) -> list[Tip]:
    query = due_query(now or utcnow())
    if owner_id is not None:
        query = query.where(Tip.owner_id == owner_id)
    return list(session.exec(query.order_by(col(Tip.review_due_at), col(Tip.id)).limit(limit)))


def remind_owners(session: Session, *, now: datetime | None = None) -> int:
    """ "N of your tips need a look", to each owner with due tips, at most once a week."""
    now = now or utcnow()
    due = due_query(now).subquery()
    counts = session.exec(
        select(due.c.owner_id, func.count())
        .where(due.c.owner_id.is_not(None))
        .group_by(due.c.owner_id)
    ).all()
    reminded = 0
    for owner_id, count in counts:
        owner = session.get(User, owner_id)
        if owner is None:
            continue
        if owner.review_reminded_at is not None and now - owner.review_reminded_at < REMIND_EVERY:
            continue
        plural = "tip needs" if count == 1 else "tips need"
        queue_note(
            session,
            [owner_id],
            Note(
                NotificationKind.review,
                key=f"remind:{owner_id}:{now.date().isoformat()}",
                title=f"{count} of your {plural} a look",
                body="Check they are still true: verify, edit or delete them.",
                url=REVIEW_URL,
            ),
            now=now,
        )
        owner.review_reminded_at = now
        session.add(owner)
        reminded += 1
    session.flush()
    return reminded
