"""The audit log: one row per privileged action, never changed afterwards.

Callers record in the same unit of work as the action itself, so an action
that rolls back leaves no record and a committed one always has its record.
``actor`` None means the command line (``client="cli"``) or the system
(``client="scheduler"``). ``detail`` holds small facts (old and new role, how
many tips were deleted); never secrets, tokens or message text.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session, col, select

from core.errors import InvalidInput
from core.models import AuditEvent, User
from core.models.audit import AuditEventPublic, AuditPage

PAGE_SIZE = 100
CSV_COLUMNS = ("id", "at", "actor_id", "actor_email", "action", "target", "client", "detail")


def record(
    session: Session,
    *,
    actor: User | None,
    action: str,
    target: str | None = None,
    client: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event: ``actor`` did ``action`` to ``target`` from ``client``."""
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else None,
        action=action,
        target=target[:400] if target else None,
        client=client[:100] if client else None,
        detail=detail or {},
    )
    session.add(event)
    session.flush()
    return event


def user_target(user: User) -> str:
    """How a person is named in the log: stable id plus the address at the time."""
    return f"user:{user.id} {user.email}"


def _encode(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"before": last_id}).encode()).decode()


def _decode(cursor: str | None) -> int | None:
    if not cursor:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        before = int(value["before"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidInput("invalid cursor: pass next_cursor from the previous page") from exc
    if before < 1:
        raise InvalidInput("invalid cursor: pass next_cursor from the previous page")
    return before


def _public(event: AuditEvent) -> AuditEventPublic:
    return AuditEventPublic.model_validate(event, from_attributes=True)


def page(
    session: Session,
    *,
    cursor: str | None = None,
    limit: int = PAGE_SIZE,
    action: str | None = None,
) -> AuditPage:
    """Newest first; ``next_cursor`` continues with older events."""
    query = select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit + 1)
    before = _decode(cursor)
    if before is not None:
        query = query.where(col(AuditEvent.id) < before)
    if action:
        query = query.where(AuditEvent.action == action)
    rows = list(session.exec(query))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _encode(rows[-1].id or 0) if more and rows else None
    return AuditPage(items=[_public(e) for e in rows], next_cursor=next_cursor)


def csv_rows(session: Session, *, batch: int = 1000) -> Iterator[str]:
    """The whole log as CSV lines, oldest first, read in batches (it can be long)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values: tuple[Any, ...]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    after = 0
    while True:
        rows = list(
            session.exec(
                select(AuditEvent)
                .where(col(AuditEvent.id) > after)
                .order_by(col(AuditEvent.id))
                .limit(batch)
            )
        )
        if not rows:
            return
        for e in rows:
            yield line(
                (
                    e.id,
                    e.at.isoformat(),
                    e.actor_id if e.actor_id is not None else "",
                    _safe(e.actor_email or ""),
                    e.action,
                    _safe(e.target or ""),
                    e.client or "",
                    json.dumps(e.detail, sort_keys=True),
                )
            )
        after = rows[-1].id or after


def _safe(value: str) -> str:
    """Keep spreadsheet apps from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
