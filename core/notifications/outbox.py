"""Planning the outbox: which push goes to which device when.

``core.calendars`` calls ``meetings_changed`` after a sync has written added and
moved meetings (flushed, ids set) and *before* it deletes removed ones, so the
outbox can re-time, drop or withdraw notifications while the rows still exist.

The rules (docs/pushes.md explains them for people):

- a brief is due ``lead_minutes`` before the start (plus ``travel_minutes`` for
  a meeting somewhere, held past quiet hours: ``core.notifications.timing``);
  one synced when that moment has passed but the meeting has not started is
  simply due now;
- a move re-times a pending brief; a brief already sent is sent again only when
  the meeting moved so much later that the old one came far too early;
- a meeting that disappears drops its pending pushes and withdraws a brief that
  was shown (its receipt came), with the same Topic so it replaces it; a brief
  never shown is simply dropped (``core.notifications.receipts``);
- after the meeting a "debrief" push asks what was learned: one row per device
  and occurrence, so at most one per meeting.

Whether a brief is empty is decided when its payload is built, shortly before
it is due (``core.notifications.prepare``), so tips posted after the sync count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from core.models import (
    Device,
    Meeting,
    Notification,
    NotificationKind,
    NotificationState,
    User,
    utcnow,
)
from core.models.calendar import MeetingRef
from core.models.occurrence import occurrence_key, occurrence_topic
from core.notifications import receipts, timing
from core.push import payloads
from core.settings import get_settings

# A brief already shown is sent again only if the meeting moved this far past it.
REARM_AFTER = timedelta(hours=1)
MEETING_KINDS = (NotificationKind.brief, NotificationKind.debrief, NotificationKind.withdraw)

Key = tuple[int, str, str]  # (device id, occurrence, kind)


def occurrence_of(meeting: Meeting) -> str:
    """The occurrence identity the calendar sync uses: UID (+ original start in a series)."""
    key = occurrence_key(meeting.uid, meeting.original_start, recurring=meeting.recurring)
    return occurrence_topic(meeting.calendar_id, key)


def meeting_ref(meeting: Meeting) -> MeetingRef:
    assert meeting.id is not None
    return MeetingRef.of(meeting)


def meetings_changed(
    session: Session,
    *,
    added: Sequence[Meeting] = (),
    moved: Sequence[Meeting] = (),
    removed: Sequence[Meeting] = (),
) -> None:
    """Schedule, re-time or withdraw notifications for changed meetings."""
    now = utcnow()
    if added or moved:
        plan_meetings(session, [*added, *moved], now=now, moved_ids={m.id for m in moved})
    if removed:
        withdraw_meetings(session, removed, now=now)


def _existing(session: Session, occurrences: Iterable[str]) -> dict[Key, Notification]:
    wanted = list(set(occurrences))
    found: dict[Key, Notification] = {}
    for start in range(0, len(wanted), 500):
        rows = session.exec(
            select(Notification).where(
                col(Notification.occurrence).in_(wanted[start : start + 500])
            )
        ).all()
        found.update({(r.device_id, r.occurrence, r.kind): r for r in rows})
    return found


def _devices(session: Session, user_ids: Iterable[int]) -> dict[int, list[Device]]:
    by_user: dict[int, list[Device]] = defaultdict(list)
    ids = list(set(user_ids))
    if ids:
        for device in session.exec(select(Device).where(col(Device.user_id).in_(ids))).all():
            by_user[device.user_id].append(device)
    return by_user


def _users(session: Session, user_ids: Iterable[int]) -> dict[int, User]:
    ids = list(set(user_ids))
    if not ids:
        return {}
    return {u.id or 0: u for u in session.exec(select(User).where(col(User.id).in_(ids))).all()}


def rearm(row: Notification, *, due_at: datetime, expires_at: datetime, now: datetime) -> None:
    """Make ``row`` pending again with a fresh payload (built when it comes due)."""
    row.state = NotificationState.pending
    row.due_at = due_at
    row.expires_at = expires_at
    row.payload = None
    row.attempts = 0
    row.lease_until = None
    row.last_error = None
    row.sent_at = None
    row.receipt_hash = None
    row.shown_at = None
    row.opened_at = None
    row.updated_at = now


def _new(
    device: Device,
    meeting: Meeting,
    occurrence: str,
    kind: str,
    *,
    due_at: datetime,
    expires_at: datetime,
    now: datetime,
    lead_minutes: int | None = None,
) -> Notification:
    assert device.id is not None
    return Notification(
        device_id=device.id,
        user_id=device.user_id,
        meeting_id=meeting.id,
        occurrence=occurrence,
        kind=kind,
        topic=occurrence,
        due_at=due_at,
        expires_at=expires_at,
        lead_minutes=lead_minutes,
        created_at=now,
        updated_at=now,
    )


def plan_meetings(
    session: Session,
    meetings: Sequence[Meeting],
    *,
    now: datetime | None = None,
    moved_ids: set[int | None] | None = None,
    only_devices: Sequence[Device] | None = None,
) -> int:
    """Create or re-time the brief and debrief rows of ``meetings``; return rows touched."""
    if not meetings:
        return 0
    now = now or utcnow()
    moved_ids = moved_ids or set()
    users = _users(session, (m.user_id for m in meetings))
    devices = (
        _devices(session, users) if only_devices is None else {d.user_id: [d] for d in only_devices}
    )
    occurrences = {m.id: occurrence_of(m) for m in meetings}
    existing = _existing(session, occurrences.values())
    debrief_delay = timedelta(minutes=get_settings().debrief_delay_minutes)
    touched = 0
    for meeting in meetings:
        user = users.get(meeting.user_id)
        if user is None:
            continue
        occurrence = occurrences[meeting.id]
        for device in devices.get(meeting.user_id, []):
            assert device.id is not None
            touched += _plan_brief(
                session,
                meeting,
                user,
                device,
                occurrence,
                existing,
                now,
                moved=meeting.id in moved_ids,
            )
            if meeting.end > now:
                debrief = existing.get((device.id, occurrence, NotificationKind.debrief))
                due = timing.debrief_due(meeting, user, debrief_delay)
                expires = meeting.end + timedelta(hours=12)
                if debrief is None:
                    session.add(
                        _new(
                            device,
                            meeting,
                            occurrence,
                            NotificationKind.debrief,
                            due_at=due,
                            expires_at=expires,
                            now=now,
                        )
                    )
                    touched += 1
                elif debrief.state != NotificationState.sent:
                    debrief.meeting_id = meeting.id
                    rearm(debrief, due_at=due, expires_at=expires, now=now)
                    touched += 1
    session.flush()
    return touched


def _plan_brief(
    session: Session,
    meeting: Meeting,
    user: User,
    device: Device,
    occurrence: str,
    existing: dict[Key, Notification],
    now: datetime,
    *,
    moved: bool,
) -> int:
    assert device.id is not None
    if meeting.start <= now:
        return 0  # too late for a brief
    due = timing.brief_due(meeting, user)
    brief = existing.get((device.id, occurrence, NotificationKind.brief))
    withdrawn = existing.get((device.id, occurrence, NotificationKind.withdraw))
    was_withdrawn = withdrawn is not None and withdrawn.state in (
        NotificationState.pending,
        NotificationState.sent,
    )
    if withdrawn is not None and was_withdrawn:
        # The meeting is back (re-accepted, un-cancelled): the withdraw is moot.
        withdrawn.state = NotificationState.dropped
        withdrawn.lease_until = None
        withdrawn.updated_at = now
    if brief is None:
        session.add(
            _new(
                device,
                meeting,
                occurrence,
                NotificationKind.brief,
                due_at=due,
                expires_at=meeting.start,
                now=now,
                lead_minutes=user.lead_minutes,
            )
        )
        return 1
    brief.meeting_id = meeting.id
    brief.lead_minutes = user.lead_minutes
    shown_too_early = moved and brief.sent_at is not None and due - brief.sent_at > REARM_AFTER
    if brief.state != NotificationState.sent or was_withdrawn or shown_too_early:
        rearm(brief, due_at=due, expires_at=meeting.start, now=now)
        return 1
    return 0


def replan_user(session: Session, user: User, *, now: datetime | None = None) -> int:
    """Re-time everything still ahead for ``user`` after their delivery settings changed."""
    now = now or utcnow()
    meetings = session.exec(
        select(Meeting).where(Meeting.user_id == user.id, Meeting.end > now)
    ).all()
    return plan_meetings(session, meetings, now=now)


def plan_device(session: Session, device: Device, *, now: datetime | None = None) -> int:
    """A new device gets the pushes of every meeting still ahead of its owner."""
    now = now or utcnow()
    meetings = session.exec(
        select(Meeting).where(Meeting.user_id == device.user_id, Meeting.end > now)
    ).all()
    return plan_meetings(session, meetings, now=now, only_devices=[device])


def withdraw_meetings(
    session: Session, meetings: Sequence[Meeting], *, now: datetime | None = None
) -> int:
    """Drop what is pending for vanished meetings; withdraw briefs that were shown."""
    now = now or utcnow()
    occurrences = {m.id: occurrence_of(m) for m in meetings}
    existing = _existing(session, occurrences.values())
    by_occurrence: dict[str, list[Notification]] = defaultdict(list)
    for row in existing.values():
        by_occurrence[row.occurrence].append(row)
    touched = 0
    for meeting in meetings:
        occurrence = occurrences[meeting.id]
        # A meeting that rolled out of the sync window was not cancelled: no withdraw.
        still_relevant = meeting.end > now
        for row in by_occurrence.get(occurrence, []):
            if row.kind == NotificationKind.withdraw or row.state != NotificationState.pending:
                continue
            if row.kind == NotificationKind.debrief and not still_relevant:
                continue
            # A brief leased right now may be on its way: if the phone shows it, its
            # "shown" receipt finds it dropped and queues the withdraw then
            # (core.notifications.receipts).
            row.state = NotificationState.dropped
            row.lease_until = None
            row.updated_at = now
            touched += 1
        if not still_relevant:
            continue
        for row in by_occurrence.get(occurrence, []):
            # Only a brief that was shown is withdrawn: one never shown is simply
            # dropped, and one shown later is withdrawn when its receipt comes.
            if (
                row.kind == NotificationKind.brief
                and row.state == NotificationState.sent
                and row.shown_at is not None
            ):
                touched += _queue_withdraw(session, meeting, row, existing, now, now)
    session.flush()
    return touched


def _queue_withdraw(
    session: Session,
    meeting: Meeting,
    brief: Notification,
    existing: dict[Key, Notification],
    now: datetime,
    due_at: datetime,
) -> int:
    key = (brief.device_id, brief.occurrence, NotificationKind.withdraw.value)
    row = existing.get(key)
    if row is None:
        row = Notification(
            device_id=brief.device_id,
            user_id=brief.user_id,
            meeting_id=meeting.id,
            occurrence=brief.occurrence,
            kind=NotificationKind.withdraw,
            topic=brief.topic,
            due_at=due_at,
            expires_at=meeting.end,
            created_at=now,
        )
        existing[key] = row
        session.add(row)
    elif row.state == NotificationState.pending:
        return 0
    else:
        rearm(row, due_at=due_at, expires_at=meeting.end, now=now)
    row.payload = payloads.withdraw(meeting_ref(meeting), receipt=receipts.arm(row)).decode()
    row.updated_at = now
    return 1
