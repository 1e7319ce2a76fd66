"""Requests for tips: open one, list them, close one. Nobody sees who was asked."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, IdPath, SessionDep
from core import ratelimit
from core.insights import requests
from core.models.insights import RequestCreate, RequestPage, RequestPublic
from core.settings import get_settings

router = APIRouter(prefix="/api/requests", tags=["requests"])


@router.post("", status_code=201, response_model=RequestPublic)
def open_request(data: RequestCreate, user: CurrentUser, session: SessionDep) -> RequestPublic:
    """Ask colleagues who met the customer (up to 5, by push); 201 with how many were asked."""
    ratelimit.check_member(user, "post", get_settings().rate_limit_posts)
    request = requests.open_request(
        session, user, account=data.account, topic=data.topic, note=data.note
    )
    return requests.to_public(session, user, request)


@router.get("", response_model=RequestPage)
def list_requests(user: CurrentUser, session: SessionDep) -> RequestPage:
    """Open and answered requests, newest first."""
    return RequestPage(items=requests.list_requests(session, user))


@router.post("/{request_id}/close", response_model=RequestPublic)
def close_request(request_id: IdPath, user: CurrentUser, session: SessionDep) -> RequestPublic:
    request = requests.close(session, user, request_id)
    return requests.to_public(session, user, request)
