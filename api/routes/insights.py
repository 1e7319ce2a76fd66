"""Insights for curators: gaps before the meetings, usage behind the privacy floor,
the floor itself (admins change it), and the opt-in helpers list. Every table
also comes as CSV with ``?format=csv``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import CurrentAdmin, CurrentCurator, CurrentUser, SessionDep
from core.insights import gaps, helpers, report
from core.insights.export import to_csv
from core.insights.gaps import GapReport
from core.insights.helpers import HelperList
from core.insights.report import FloorPublic, UsageReport
from core.insights.usage import TIP_METRICS
from core.views.insights import InsightsPage, insights_page

router = APIRouter(prefix="/api/insights", tags=["insights"])
Format = Annotated[Literal["json", "csv"], Query(description="csv: the same table as CSV")]
GAP_COLUMNS = (
    "account", "kind", "label", "meetings", "people", "first_date", "tips",
    "empty_briefs", "weak_briefs", "library_url",
)  # fmt: skip
CSV_TYPE = "text/csv; charset=utf-8"
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


def csv_response(body: str, name: str) -> Response:
    return Response(
        body, media_type=CSV_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get("/gaps", response_model=GapReport, responses=CSV)
def read_gaps(
    _curator: CurrentCurator,
    session: SessionDep,
    days: Annotated[int, Query(ge=1, le=gaps.MAX_DAYS)] = 14,
    format: Format = "json",
) -> GapReport | Response:
    """Customers and kinds of meeting coming up whose briefs are empty or weak: counts only."""
    found = gaps.find_gaps(session, days=days)
    if format == "csv":
        return csv_response(to_csv(found.items, GAP_COLUMNS), "gaps.csv")
    return found


@router.get("/usage", response_model=UsageReport, responses=CSV)
def read_usage(
    _curator: CurrentCurator,
    session: SessionDep,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
    by: Literal["tip", "tag", "week"] = "tip",
    format: Format = "json",
) -> UsageReport | Response:
    """Counts per tip, tag or week; rows from fewer people than the floor fold into ``other``."""
    found = report.usage_report(session, start=start, end=end, by=by)
    if format == "csv":
        other = report.UsageRow(
            key="other", label="other", **found.other.model_dump(exclude={"rows"})
        )
        return csv_response(
            to_csv([*found.items, other], ("key", "label", *TIP_METRICS)), f"usage-by-{by}.csv"
        )
    return found


@router.get("/helpers", response_model=HelperList, responses=CSV)
def read_helpers(
    _user: CurrentUser, session: SessionDep, format: Format = "json"
) -> HelperList | Response:
    """People who chose to be listed, with the tips they wrote and the helpful marks those got."""
    found = helpers.helpers(session)
    if format == "csv":
        return csv_response(to_csv(found.items, ("name", "tips", "helpful")), "helpers.csv")
    return found


@router.get("/page", response_model=InsightsPage)
def read_page(
    curator: CurrentCurator,
    session: SessionDep,
    days: Annotated[int, Query(ge=1, le=gaps.MAX_DAYS)] = 14,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
) -> InsightsPage:
    """The Insights page's data as JSON: gaps, requests, tips due, usage by week and top tips."""
    return insights_page(session, curator, days=days, start=start, end=end)


class FloorChange(BaseModel, extra="forbid"):
    min_group: int = Field(ge=2, le=1000)


@router.get("/privacy", response_model=FloorPublic)
def read_floor(_curator: CurrentCurator, session: SessionDep) -> FloorPublic:
    return report.floor_public(session)


@router.put("/privacy", response_model=FloorPublic)
def change_floor(data: FloorChange, admin: CurrentAdmin, session: SessionDep) -> FloorPublic:
    """Admins only, and recorded: the smallest group whose usage is shown on its own."""
    report.set_floor(session, admin, data.min_group)
    return report.floor_public(session)
