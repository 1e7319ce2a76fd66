"""Liveness for load balancers and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from api import metrics
from api.deps import SessionDep
from api.routes.operator import Operator
from core.db import database_answers
from core.insights import report

router = APIRouter(tags=["operations"])


@router.get("/healthz")
def healthz() -> JSONResponse:
    if database_answers():
        return JSONResponse({"status": "ok"})
    return JSONResponse({"detail": "database unavailable"}, status_code=503)


@router.get("/metrics", response_class=Response)
def prometheus_metrics(_operator: Operator, session: SessionDep) -> Response:
    """Requests, library size, and the team's usage totals (never per tip or person)."""
    body = metrics.render() + metrics.render_usage(report.team_totals(session))
    return Response(body, media_type=CONTENT_TYPE_LATEST)
