"""The audit log for admins: pages of JSON, or the whole log as CSV. Read-only."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.deps import ClientAddress, CurrentAdmin, SessionDep, writes_on_read
from core.models import utcnow
from core.models.audit import AuditPage
from core.people import audit

router = APIRouter(prefix="/api/audit", tags=["audit"])


@router.get(
    "",
    response_model=AuditPage,
    responses={200: {"content": {"text/csv": {}}, "description": "JSON page, or CSV"}},
)
@writes_on_read
def read_audit(
    admin: CurrentAdmin,
    session: SessionDep,
    client: ClientAddress,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = audit.PAGE_SIZE,
    action: Annotated[str | None, Query(max_length=64)] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> AuditPage | Response:
    """Newest first, `next_cursor` for older events; `format=csv` downloads everything
    (oldest first), and that download is itself recorded."""
    if format == "json":
        return audit.page(session, cursor=cursor, limit=limit, action=action)
    audit.record(session, actor=admin, action="audit.export", client=client)
    body = "".join(audit.csv_rows(session))
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="tipoff-audit-{stamp}.csv"'},
    )
