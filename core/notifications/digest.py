"""The morning digest: one notification a day listing today's meetings that have briefs.

Optional (``digest_at``, e.g. "07:30" on the person's wall clock; null = off).
At that moment each of the person's devices gets one ``digest`` row (occurrence
``digest-<user>-<local date>``, so the outbox's unique key makes it once a day),
listing the meetings of the local day still ahead whose brief has tips. A tap
opens Next up. Nothing is sent on a day without such meetings, on a day the
person is away, or more than three hours late (a server that was down all
morning does not send a "today" list at noon); quiet hours hold it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlmodel import Session, col, select

from core.models import Device, Meeting, Notification, NotificationKind, User, utcnow
from core.notifications import receipts, timing
from core.notifications.away import is_away
from core.notifications.outbox import meeting_ref
from core.notifications.prepare import brief_tips
from core.push import payloads

LATE_LIMIT = timedelta(hours=3)
MAX_MEETINGS = 12


def _occurrence(user_id: int, day: str) -> str:
    return f"digest-{user_id}-{day}"


def plan_digests(session: Session, *, now: datetime | None = None) -> int:
    """Queue today's digest for everyone whose digest time has come; return rows added."""
    now = now or utcnow()
    users = session.exec(
        select(User).where(
            col(User.digest_at).is_not(None), col(User.id).in_(select(Device.user_id))
        )
    ).all()
    added = 0
    for user in users:
        assert user.id is not None and user.digest_at is not None
        if not getattr(user, "active", True):
            continue
        zone = timing.zone_of(user)
        local = now.astimezone(zone)
        hours, minutes = (int(part) for part in user.digest_at.split(":"))
        moment = datetime.combine(local.date(), time(hours, minutes), tzinfo=zone)
        if not moment <= local < moment + LATE_LIMIT:
            continue
        day = local.date().isoformat()
        occurrence = _occurrence(user.id, day)
        devices = session.exec(select(Device).where(Device.user_id == user.id)).all()
        planned = set(
            session.exec(
                select(Notification.device_id).where(
                    Notification.user_id == user.id,
                    Notification.occurrence == occurrence,
                )
            ).all()
        )
        todo = [d for d in devices if d.id not in planned]
        if not todo:
            continue
        day_end = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)
        meetings = (
            []
            if is_away(session, user.id, now)
            else session.exec(
                select(Meeting)
                .where(Meeting.user_id == user.id, Meeting.start > now, Meeting.start < day_end)
                .order_by(col(Meeting.start))
                .limit(MAX_MEETINGS * 2)
            ).all()
        )
        with_briefs = [m for m in meetings if brief_tips(session, user, m)][:MAX_MEETINGS]
        due = timing.hold_for_quiet(now, user)
        for device in todo:
            assert device.id is not None
            row = Notification(
                device_id=device.id,
                user_id=user.id,
                occurrence=occurrence,
                kind=NotificationKind.digest,
                due_at=due,
                expires_at=day_end,
                created_at=now,
                updated_at=now,
            )
            if with_briefs:
                refs = [meeting_ref(m) for m in with_briefs]
                row.payload = payloads.digest(day, refs, receipt=receipts.arm(row)).decode()
            else:  # the row still marks the day as done
                row.state = "skipped"
                row.last_error = "no meeting with a brief today"
            session.add(row)
            added += 1
    session.flush()
    return added
