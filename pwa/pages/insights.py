"""The curators' Insights page (gaps, requests, tips due, usage charts), the review
page for tip owners, and the requests page anyone can ask from."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import SessionDep
from core.insights import requests
from core.insights.report import usage_report
from core.views import charts
from core.views.cards import cards
from core.views.insights import insights_page, review_page
from pwa.auth import PageUser
from pwa.render import PageRoute, error_page, render

router = APIRouter(route_class=PageRoute)
# An SVG chart is an image: no script at all, only its own inline style sheet.
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


@router.get("/insights")
def insights(
    request: Request,
    user: PageUser,
    session: SessionDep,
    days: Annotated[int, Query(ge=1, le=60)] = 14,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
) -> Response:
    if not user.is_curator:
        return error_page(request, 403, "Insights are for curators and admins.", user=user)
    view = insights_page(session, user, days=days, start=start, end=end)
    query = f"from={view.start.isoformat()}&to={view.end.isoformat()}"
    return render(request, "pages/insights.html", {"view": view, "range": query}, user=user)


@router.get("/insights/charts/{name}.svg")
def chart(
    user: PageUser,
    session: SessionDep,
    name: Literal["weekly", "top", "funnel"],
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
) -> Response:
    if not user.is_curator:
        return Response(status_code=403)
    by: Literal["week", "tip"] = "week" if name == "weekly" else "tip"
    report = usage_report(session, start=start, end=end, by=by)
    draw = {"weekly": charts.weekly, "top": charts.top_tips, "funnel": charts.funnel}[name]
    return Response(
        draw(report),
        media_type="image/svg+xml",
        headers={"Content-Security-Policy": CHART_POLICY, "Cache-Control": "private, no-cache"},
    )


@router.get("/tips/review")
def review(request: Request, user: PageUser, session: SessionDep) -> Response:
    view = review_page(session, user)
    context = {"mine": cards(session, user, view.mine), "others": cards(session, user, view.others)}
    return render(request, "pages/review.html", context, user=user)


@router.get("/requests")
def request_list(request: Request, user: PageUser, session: SessionDep) -> Response:
    items = requests.list_requests(session, user)
    return render(request, "pages/requests.html", {"items": items}, user=user)
