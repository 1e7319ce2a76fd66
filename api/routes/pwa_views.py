"""JSON twins of the PWA pages that no other router covers: Next up, and compose
(its prefill/suggestions and the Markdown preview). The pages render the very
same view objects (``core.views``), so what the HTML shows is what this returns."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentUser, SessionDep
from core.models.tip import PreviewRequest, PreviewResponse
from core.tips.text import render_markdown
from core.views.agenda import NextUp, next_up
from core.views.compose import ComposeForm, compose_form

router = APIRouter(tags=["app"])


@router.get("/api/next-up", response_model=NextUp)
def read_next_up(user: CurrentUser, session: SessionDep) -> NextUp:
    """Today's and tomorrow's meetings (user's time zone), each with its brief at a glance."""
    return next_up(session, user)


@router.get("/api/compose", response_model=ComposeForm)
def read_compose(
    user: CurrentUser,
    session: SessionDep,
    meeting: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    title: Annotated[str | None, Query(max_length=500)] = None,
    text: Annotated[str | None, Query(max_length=4000)] = None,
    url: Annotated[str | None, Query(max_length=2000)] = None,
    request_id: Annotated[int | None, Query(alias="request", ge=1, le=2**31 - 1)] = None,
) -> ComposeForm:
    """What compose is prefilled with: from a meeting (accounts, tag suggestions) or a share."""
    return compose_form(
        session, user, meeting_id=meeting, title=title, text=text, url=url, request_id=request_id
    )


@router.post("/api/compose/preview", response_model=PreviewResponse)
def preview(data: PreviewRequest, _user: CurrentUser) -> PreviewResponse:
    """The body as the library will show it: the same Markdown renderer and sanitiser."""
    return PreviewResponse(body_html=render_markdown(data.body))
