"""Briefs and debriefs by email: the second channel, through the mail outbox.

A brief goes by email when (``reason`` on the ``BriefEmail`` row):

- ``channel``: the person chose ``brief_channel`` "email" or "both";
- ``no_device``: they have no device, and email is set up (``TIPOFF_SMTP_URL``);
- ``fallback``: push only, and ``fallback_minutes`` after the first push of the
  brief no device has confirmed it shown (receipts), or every push failed —
  while the meeting has not started.

It is planned by the "email-briefs" job once a minute or so: no rows ahead of
time, so the timing always follows the person's current settings (lead,
travel, quiet hours). ``BriefEmail`` (user, occurrence, kind) is unique, so a
brief is emailed at most once whatever the job does; the mail itself carries
an idempotency key in the outbox too.

The email has the brief's tips, the same links as the app, and a "this
helped" link per tip that needs no sign-in (``core.notifications.helped``).
People on email (and people with no device, when email is set up) also get
the debrief prompt by email.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, false, or_, true
from sqlmodel import Session, col, select

from core.models import (
    BriefEmail,
    Device,
    Meeting,
    Notification,
    NotificationKind,
    NotificationState,
    User,
    utcnow,
)
from core.notifications import helped, timing
from core.notifications.away import away_users
from core.notifications.mail_outbox import enqueue_template
from core.notifications.outbox import occurrence_of
from core.notifications.prepare import brief_tips
from core.settings import get_settings

BATCH = 200
# The longest a brief can come before its meeting: lead (≤ 240) + travel (≤ 180).
HORIZON = timedelta(minutes=240 + 180)
DEBRIEF_WINDOW = timedelta(hours=12)


def email_ready() -> bool:
    return bool(get_settings().smtp_url.get_secret_value())


def _site() -> str:
    return get_settings().effective_public_url.rstrip("/")


def _not_emailed(kind: str) -> ColumnElement[bool]:
    return ~exists().where(
        and_(
            col(BriefEmail.user_id) == col(Meeting.user_id),
            col(BriefEmail.meeting_id) == col(Meeting.id),
            col(BriefEmail.kind) == kind,
        )
    )


def _push_state(
    session: Session, meetings: list[Meeting]
) -> dict[tuple[int, str], list[Notification]]:
    occurrences = list({occurrence_of(m) for m in meetings})
    found: dict[tuple[int, str], list[Notification]] = defaultdict(list)
    if occurrences:
        for row in session.exec(
            select(Notification).where(
                col(Notification.occurrence).in_(occurrences),
                Notification.kind == NotificationKind.brief,
            )
        ).all():
            found[(row.user_id, row.occurrence)].append(row)
    return found


def fallback_reason(
    user: User, rows: list[Notification], has_device: bool, now: datetime
) -> str | None:
    """Why this person's brief should go by email now, or None."""
    if user.brief_channel in ("email", "both"):
        return "channel"
    if not has_device:
        return "no_device" if email_ready() else None
    if user.fallback_minutes <= 0 or not rows:
        return None
    if any(r.shown_at is not None for r in rows):
        return None  # a phone showed it: nothing to make up for
    if all(r.state == NotificationState.failed for r in rows):
        return "fallback"  # every push service refused it
    sent = [r.sent_at for r in rows if r.state == NotificationState.sent and r.sent_at]
    if sent and min(sent) + timedelta(minutes=user.fallback_minutes) <= now:
        return "fallback"
    return None


def plan_briefs(session: Session, *, now: datetime | None = None) -> int:
    """Email the briefs that are due by email now; return how many rows were written.

    Nothing happens while email is not set up (``TIPOFF_SMTP_URL``): the briefs of
    meetings still ahead go once it is. Candidates are read light (ids and the
    owner's lead and travel), narrowed to those whose brief can be due, and then
    handled in chunks, so meetings not yet due never crowd out those that are.
    """
    now = now or utcnow()
    if not email_ready():
        return 0
    has_device = exists().where(col(Device.user_id) == col(Meeting.user_id))
    push_unconfirmed = exists().where(
        and_(
            col(Notification.meeting_id) == col(Meeting.id),
            col(Notification.kind) == NotificationKind.brief,
            col(Notification.state).in_([NotificationState.sent, NotificationState.failed]),
            col(Notification.shown_at).is_(None),
        )
    )
    candidates = session.exec(
        select(
            col(Meeting.id), col(Meeting.start), col(User.lead_minutes), col(User.travel_minutes)
        )
        .join(User, col(User.id) == col(Meeting.user_id))
        .where(
            col(Meeting.start) > now,
            col(Meeting.start) <= now + HORIZON,
            _not_emailed(NotificationKind.brief),
            or_(
                col(User.brief_channel).in_(["email", "both"]),
                ~has_device,
                and_(col(User.fallback_minutes) > 0, push_unconfirmed),
            ),
        )
        .order_by(col(Meeting.start))
    ).all()
    # travel only ever makes a brief earlier: lead + travel bounds when it can be due
    ids = [
        meeting_id
        for meeting_id, start, lead, travel in candidates
        if start - timedelta(minutes=lead + travel) <= now
    ]
    written = 0
    for chunk in range(0, len(ids), BATCH):
        written += _plan_chunk(session, ids[chunk : chunk + BATCH], now)
        if written >= BATCH:
            break  # the next pass (seconds later) goes on
    session.flush()
    return written


def _plan_chunk(session: Session, ids: list[int | None], now: datetime) -> int:
    meetings = list(session.exec(select(Meeting).where(col(Meeting.id).in_(ids))).all())
    users = {
        u.id or 0: u
        for u in session.exec(
            select(User).where(col(User.id).in_({m.user_id for m in meetings}))
        ).all()
    }
    with_device = set(
        session.exec(
            select(Device.user_id).where(col(Device.user_id).in_(list(users))).distinct()
        ).all()
    )
    pushes = _push_state(session, meetings)
    away = away_users(session, list(users), now)
    written = 0
    for meeting in sorted(meetings, key=lambda m: m.start):
        user = users.get(meeting.user_id)
        if user is None or not getattr(user, "active", True) or user.id in away:
            continue
        if timing.brief_due(meeting, user) > now:
            continue
        occurrence = occurrence_of(meeting)
        reason = fallback_reason(
            user, pushes.get((meeting.user_id, occurrence), []), user.id in with_device, now
        )
        if reason is None:
            continue
        written += _email_brief(session, user, meeting, occurrence, reason, now)
    return written


def _email_brief(
    session: Session, user: User, meeting: Meeting, occurrence: str, reason: str, now: datetime
) -> int:
    assert user.id is not None and meeting.id is not None
    tips = brief_tips(session, user, meeting)
    row = BriefEmail(
        user_id=user.id,
        meeting_id=meeting.id,
        occurrence=occurrence,
        kind=NotificationKind.brief,
        reason=reason,
        state="queued" if tips else "skipped",
        tip_ids=[t.id for t in tips],
        created_at=now,
    )
    session.add(row)
    session.flush()
    if not tips:
        return 1
    assert row.id is not None
    site = _site()
    zone = timing.zone_of(user)
    start = meeting.start.astimezone(zone)
    enqueue_template(
        session,
        "brief",
        to=user.email,
        subject=f"Brief: {meeting.title or 'your next meeting'} at {start:%H:%M}",
        user_id=user.id,
        key=f"brief:{user.id}:{occurrence}",
        name=user.name,
        title=meeting.title or "Your next meeting",
        when=f"{start:%A %d %B, %H:%M} ({zone.key})",
        location=meeting.location or "",
        url=f"{site}/m/{meeting.id}",
        tips=[
            {
                "title": tip.title,
                "body": tip.body,
                "helped_url": f"{site}/helped/{helped.sign(row.id, tip.id)}",
            }
            for tip in tips
        ],
        fallback=reason == "fallback",
        site=site,
    )
    return 1


def plan_debriefs(session: Session, *, now: datetime | None = None) -> int:
    """Email "what did you learn?" to people on email, after meetings worth asking about."""
    now = now or utcnow()
    delay = timedelta(minutes=get_settings().debrief_delay_minutes)
    meetings = session.exec(
        select(Meeting)
        .join(User, col(User.id) == col(Meeting.user_id))
        .where(
            or_(
                col(User.brief_channel).in_(["email", "both"]),
                # no device: email is all they have (when it is set up)
                and_(~exists().where(col(Device.user_id) == col(User.id)), true())
                if email_ready()
                else false(),
            ),
            col(User.debrief_enabled).is_(True),
            col(Meeting.end) <= now - delay,
            col(Meeting.end) > now - DEBRIEF_WINDOW,
            _not_emailed(NotificationKind.debrief),
        )
        .limit(BATCH)
    ).all()
    written = 0
    for meeting in meetings:
        user = session.get(User, meeting.user_id)
        assert user is not None and user.id is not None and meeting.id is not None
        if not getattr(user, "active", True):
            continue
        if timing.debrief_due(meeting, user, delay) > now:
            continue  # quiet hours
        occurrence = occurrence_of(meeting)
        briefed = session.exec(
            select(BriefEmail.id).where(
                BriefEmail.user_id == user.id,
                BriefEmail.occurrence == occurrence,
                BriefEmail.kind == NotificationKind.brief,
                BriefEmail.state == "queued",
            )
        ).first()
        worth_asking = bool(meeting.external_domains) or briefed is not None
        away = user.id in away_users(session, [user.id], meeting.start)
        row = BriefEmail(
            user_id=user.id,
            meeting_id=meeting.id,
            occurrence=occurrence,
            kind=NotificationKind.debrief,
            reason="channel",
            state="queued" if worth_asking and not away else "skipped",
            created_at=now,
        )
        session.add(row)
        written += 1
        if row.state == "skipped":
            continue
        site = _site()
        enqueue_template(
            session,
            "debrief",
            to=user.email,
            subject=f"What did you learn? {meeting.title or 'Your meeting'}",
            user_id=user.id,
            key=f"debrief:{user.id}:{occurrence}",
            name=user.name,
            title=meeting.title or "Your meeting",
            url=f"{site}/compose?meeting={meeting.id}",
            site=site,
        )
    session.flush()
    return written
