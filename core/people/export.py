"""Everything Tipoff keeps about one person, as JSON (GDPR articles 15 and 20).

Profile, tips (with their edit history by this person), votes, flags,
calendars *without* their URLs, usernames or passwords (secrets, and the
calendar provider has them anyway), meetings with attendees, devices without
their push endpoints and keys, brief feedback, and the mail Tipoff queued for
them. Fields are picked one by one, so a column added later is not exported
by accident (a new secret would otherwise leak into exports).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from core.models import (
    BriefFeedback,
    Calendar,
    Device,
    ExternalIdentity,
    Flag,
    Meeting,
    OutgoingMail,
    ScimUser,
    Tip,
    TipRevision,
    User,
    Vote,
    utcnow,
)

FORMAT_VERSION = 1


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_user(session: Session, user: User) -> dict[str, Any]:
    uid = user.id
    tips = session.exec(select(Tip).where(Tip.author_id == uid).order_by(col(Tip.id))).all()
    return {
        "format": "tipoff-export",
        "version": FORMAT_VERSION,
        "exported_at": utcnow().isoformat(),
        "profile": {
            "id": uid,
            "email": user.email,
            "other_addresses": user.emails,
            "name": user.name,
            "role": str(user.role),
            "timezone": user.timezone,
            "lead_minutes": user.lead_minutes,
            "debrief_enabled": user.debrief_enabled,
            "active": user.active,
            "created_at": _when(user.created_at),
            "last_seen_at": _when(user.last_seen_at),
        },
        # what the company's identity provider told Tipoff (single sign-on, SCIM)
        "identity_provider": {
            "sso_subjects": list(
                session.exec(
                    select(ExternalIdentity.subject).where(ExternalIdentity.user_id == uid)
                )
            ),
            "scim_profile": scim.resource if (scim := session.get(ScimUser, uid)) else None,
        },
        "tips": [
            {
                "id": t.id,
                "title": t.title,
                "body": t.body,
                "tags": t.tags,
                "accounts": t.accounts,
                "status": str(t.status),
                "helpful_count": t.helpful_count,
                "created_at": _when(t.created_at),
                "updated_at": _when(t.updated_at),
            }
            for t in tips
        ],
        "edits": [
            {"tip_id": r.tip_id, "action": r.action, "at": _when(r.created_at)}
            for r in session.exec(
                select(TipRevision)
                .where(TipRevision.editor_id == uid)
                .order_by(col(TipRevision.id))
            )
        ],
        "votes": [
            {"tip_id": v.tip_id, "at": _when(v.created_at)}
            for v in session.exec(select(Vote).where(Vote.user_id == uid).order_by(col(Vote.id)))
        ],
        "flags": [
            {
                "tip_id": f.tip_id,
                "reason": f.reason,
                "at": _when(f.created_at),
                "resolved_at": _when(f.resolved_at),
            }
            for f in session.exec(select(Flag).where(Flag.user_id == uid).order_by(col(Flag.id)))
        ],
        "calendars": [
            {
                "id": c.id,
                "kind": c.kind,
                "name": c.name,
                "server": c.display_url,  # scheme and host only: never the secret URL
                "last_synced_at": _when(c.last_synced_at),
                "last_error": c.last_error,
                "created_at": _when(c.created_at),
            }
            for c in session.exec(
                select(Calendar).where(Calendar.user_id == uid).order_by(col(Calendar.id))
            )
        ],
        "meetings": [
            {
                "id": m.id,
                "calendar_id": m.calendar_id,
                "title": m.title,
                "start": _when(m.start),
                "end": _when(m.end),
                "location": m.location,
                "description": m.description,
                "attendees": m.attendees,
                "external_domains": m.external_domains,
            }
            for m in session.exec(
                select(Meeting).where(Meeting.user_id == uid).order_by(col(Meeting.start))
            )
        ],
        "devices": [
            {
                "id": d.id,
                "name": d.name,
                "created_at": _when(d.created_at),
                "last_sent_at": _when(d.last_sent_at),
            }
            for d in session.exec(
                select(Device).where(Device.user_id == uid).order_by(col(Device.id))
            )
        ],
        "feedback": [
            {
                "meeting_id": b.meeting_id,
                "tip_id": b.tip_id,
                "helpful": b.helpful,
                "at": _when(b.updated_at),
            }
            for b in session.exec(
                select(BriefFeedback)
                .where(BriefFeedback.user_id == uid)
                .order_by(col(BriefFeedback.id))
            )
        ],
        "mail": [
            {
                "kind": o.kind,
                "subject": o.subject,
                "state": o.state,
                "created_at": _when(o.created_at),
                "sent_at": _when(o.sent_at),
            }
            for o in session.exec(
                select(OutgoingMail)
                .where(OutgoingMail.user_id == uid)
                .order_by(col(OutgoingMail.id))
            )
        ],
    }
