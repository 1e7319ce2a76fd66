"""Inviting people by email, one or many at a time.

An invite bound to an address is mailed to it (through the outbox) and still
returned to the admin with its link, so it can be passed on by hand if mail is
not set up. A pasted list is answered per address: ``sent``,
``already_member`` (an account exists, active or not) or ``invalid``.
Every invite sent, and every revocation, is audited.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from core.errors import InvalidInput
from core.models import User
from core.models.invite import (
    InviteBulkCreate,
    InviteBulkReport,
    InviteBulkResult,
    InviteCreate,
    InviteCreated,
)
from core.notifications.mail_outbox import enqueue_template
from core.people import accounts, audit, invites


def _expires(value: datetime) -> str:
    return f"{value.day} {value:%B %Y, %H:%M} UTC"


def create_invite(
    session: Session,
    admin: User,
    data: InviteCreate,
    *,
    base_url: str,
    client: str | None = None,
) -> InviteCreated:
    """Create an invite link; with an address, mail it there too.

    ``base_url`` is ``TIPOFF_PUBLIC_URL`` when set, else the address the admin
    reached the server by (only an admin can invite, so that is trusted here;
    "forgot password", which anyone can ask for, always uses TIPOFF_PUBLIC_URL).
    """
    created = invites.create_invite(session, admin, data, base_url=base_url)
    if created.email:
        enqueue_template(
            session,
            "invite",
            to=created.email,
            subject=f"{admin.name} invites you to Tipoff",
            inviter=admin.name,
            role=str(created.role),
            url=created.url,
            expires=_expires(created.expires_at),
            site=base_url.rstrip("/"),
        )
        created.emailed = True
    audit.record(
        session,
        actor=admin,
        action="invite.create",
        target=f"invite:{created.id}" + (f" {created.email}" if created.email else ""),
        client=client,
        detail={"role": str(created.role), "emailed": created.emailed},
    )
    return created


def bulk_invite(
    session: Session,
    admin: User,
    data: InviteBulkCreate,
    *,
    base_url: str,
    client: str | None = None,
) -> InviteBulkReport:
    results: list[InviteBulkResult] = []
    seen: set[str] = set()
    for raw in data.emails:
        given = raw.strip()
        if not given:
            continue
        try:
            email = accounts.normalise_email(given)
        except InvalidInput:
            results.append(InviteBulkResult(email=given[:320], status="invalid"))
            continue
        if email in seen:
            continue
        seen.add(email)
        existing = session.exec(select(User).where(User.email == email)).first()
        if existing is not None:
            detail = "" if existing.active else "deactivated: reactivate them on the People page"
            results.append(InviteBulkResult(email=email, status="already_member", detail=detail))
            continue
        create_invite(
            session,
            admin,
            InviteCreate(role=data.role, email=email),
            base_url=base_url,
            client=client,
        )
        results.append(InviteBulkResult(email=email, status="sent"))
    return InviteBulkReport(results=results)


def revoke_invite(
    session: Session, admin: User, invite_id: int, *, client: str | None = None
) -> None:
    invites.revoke_invite(session, invite_id)
    audit.record(
        session, actor=admin, action="invite.revoke", target=f"invite:{invite_id}", client=client
    )
