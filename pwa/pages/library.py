"""The tips feed with search, and compose (also the share target)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import SessionDep
from core.tips import service
from core.views.cards import cards
from core.views.compose import compose_form
from pwa.auth import PageUser
from pwa.render import PageRoute, render

router = APIRouter(route_class=PageRoute)


@router.get("/tips")
def tips(
    request: Request,
    user: PageUser,
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    tag: Annotated[str | None, Query(max_length=64)] = None,
    account: Annotated[str | None, Query(max_length=253)] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    posted: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> Response:
    page = service.list_tips(session, q=q, tag=tag, account=account, cursor=cursor)
    next_url = None
    if page.next_cursor:
        params = {k: v for k, v in {"q": q, "tag": tag, "account": account}.items() if v}
        next_url = "/tips?" + urlencode({**params, "cursor": page.next_cursor})
    context = {
        "tips": cards(session, user, page.items),
        "q": q,
        "tag": tag,
        "account": account,
        "next_url": next_url,
        "posted": posted,
    }
    return render(request, "pages/tips.html", context, user=user)


@router.get("/compose")
def compose(
    request: Request,
    user: PageUser,
    session: SessionDep,
    meeting: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    title: Annotated[str | None, Query(max_length=500)] = None,
    text: Annotated[str | None, Query(max_length=4000)] = None,
    url: Annotated[str | None, Query(max_length=2000)] = None,
    request_id: Annotated[int | None, Query(alias="request", ge=1, le=2**31 - 1)] = None,
) -> Response:
    form = compose_form(
        session,
        user,
        meeting_id=meeting,
        title=title,
        text=text,
        url=url,
        request_id=request_id,
    )
    return render(request, "pages/compose.html", {"form": form}, user=user)
