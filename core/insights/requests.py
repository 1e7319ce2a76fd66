"""Requests for tips: ask the colleagues who met a customer.

A request reaches, by push, up to ``TIPOFF_REQUEST_REACH`` (5) people who met the
organisation in the last ``TIPOFF_REQUEST_LOOKBACK_DAYS`` (90) according to
their calendars (``contacts``): most recent first, never the requester, never
anyone who opted out. The request keeps how many were asked, never who. A tip
posted from the request's link answers it, and the requester hears back.

Tipoff opens a request by itself when someone's upcoming meeting is with an
organisation that has no tips and no request opened in the last 7 days.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlmodel import Session, col, or_, select

from core.errors import Forbidden, InvalidInput, NotFound
from core.insights import contacts
from core.models import (
    Meeting,
    NotificationKind,
    RequestAnswer,
    RequestState,
    Tip,
    TipOrg,
    TipRequest,
    TipStatus,
    User,
    utcnow,
)
from core.models.insights import AnswerPublic, RequestPublic
from core.notifications.notes import Note, queue_note
from core.ranking.orgs import name_words, registrable
from core.tips.text import normalise_domain

AUTO_QUIET = timedelta(days=7)


def org_name(account: str) -> str:
    """``acme-corp.com`` → "Acme Corp": how messages name a customer."""
    return name_words(account).title() or account


def compose_url(request: TipRequest) -> str:
    params = {"request": str(request.id)}
    return "/compose?" + urlencode(params)


def _ask(session: Session, request: TipRequest, now: datetime) -> int:
    if not request.account:
        return 0
    contacts.record_contacts(session, now=now)
    exclude = {request.requester_id} if request.requester_id else set()
    asked = contacts.colleagues_who_met(session, request.account, exclude=exclude, now=now)
    name = org_name(request.account)
    body = request.note or (
        f"A colleague meets {name} soon and the library has nothing on them yet. "
        "You met them recently: what should they know?"
    )
    queue_note(
        session,
        asked,
        Note(
            NotificationKind.request,
            key=f"request:{request.id}",
            title=f"Tips about {name}?",
            body=body,
            url=compose_url(request),
        ),
        now=now,
    )
    return len(asked)


def open_request(
    session: Session,
    requester: User | None,
    *,
    account: str | None = None,
    topic: str | None = None,
    note: str = "",
    auto: bool = False,
    now: datetime | None = None,
) -> TipRequest:
    now = now or utcnow()
    account = registrable(normalise_domain(account)) if account and account.strip() else None
    topic = (topic or "").strip()
    note = note.strip()
    if not account and not topic:
        raise InvalidInput("say which customer (account) or which topic the request is about")
    if not note and not auto:
        raise InvalidInput("note must not be empty")
    request = TipRequest(
        requester_id=requester.id if requester else None,
        account=account,
        topic=topic,
        note=note,
        auto=auto,
        created_at=now,
    )
    session.add(request)
    session.flush()
    request.asked = _ask(session, request, now)
    session.add(request)
    session.flush()
    return request


def _get(session: Session, request_id: int) -> TipRequest:
    request = session.get(TipRequest, request_id)
    if request is None:
        raise NotFound(f"request {request_id} not found")
    return request


def close(
    session: Session, user: User, request_id: int, *, now: datetime | None = None
) -> TipRequest:
    request = _get(session, request_id)
    if not user.is_curator and request.requester_id != user.id:
        raise Forbidden("only whoever opened the request, or a curator, can close it")
    request.state = RequestState.closed
    request.closed_at = now or utcnow()
    session.add(request)
    session.flush()
    return request


def answer(
    session: Session, request_id: int, tip: Tip, author: User, *, now: datetime | None = None
) -> TipRequest:
    """``tip`` answers the request; the requester hears who shared it and about whom."""
    now = now or utcnow()
    request = _get(session, request_id)
    if request.state == RequestState.closed:
        raise InvalidInput("this request is closed")
    assert tip.id is not None and request.id is not None
    if session.get(RequestAnswer, (request.id, tip.id)) is None:
        session.add(RequestAnswer(request_id=request.id, tip_id=tip.id, created_at=now))
    request.state = RequestState.answered
    request.answered_at = request.answered_at or now
    session.add(request)
    if request.requester_id and request.requester_id != author.id:
        about = org_name(request.account) if request.account else request.topic
        first = author.name.split()[0] if author.name.split() else author.name
        url = "/tips?" + urlencode({"account": request.account}) if request.account else "/tips"
        queue_note(
            session,
            [request.requester_id],
            Note(
                NotificationKind.answer,
                key=f"answer:{request.id}:{tip.id}",
                title=f"{first} shared a tip about {about}",
                body=tip.title or tip.body,
                url=f"{url}#tip-{tip.id}",
            ),
            now=now,
        )
    session.flush()
    return request


def list_requests(
    session: Session, user: User, *, include_closed: bool = False, limit: int = 100
) -> list[RequestPublic]:
    """Open and answered requests, newest first (closed ones on demand)."""
    query = select(TipRequest)
    if not include_closed:
        query = query.where(TipRequest.state != RequestState.closed)
    requests = session.exec(query.order_by(col(TipRequest.id).desc()).limit(limit)).all()
    return _public(session, user, requests)


def to_public(session: Session, user: User, request: TipRequest) -> RequestPublic:
    return _public(session, user, [request])[0]


def _public(session: Session, user: User, requests: Sequence[TipRequest]) -> list[RequestPublic]:
    answers: dict[int, list[AnswerPublic]] = {}
    ids = [r.id for r in requests]
    if ids:
        for request_id, tip_id, title, body in session.exec(
            select(RequestAnswer.request_id, Tip.id, Tip.title, Tip.body)
            .join(Tip, col(Tip.id) == RequestAnswer.tip_id)
            .where(col(RequestAnswer.request_id).in_(ids), Tip.status == TipStatus.active)
            .order_by(col(RequestAnswer.created_at))
        ).all():
            answers.setdefault(request_id, []).append(
                AnswerPublic(tip_id=tip_id or 0, title=title or body[:80])
            )
    return [
        RequestPublic(
            id=r.id or 0,
            account=r.account,
            topic=r.topic,
            note=r.note,
            auto=r.auto,
            state=r.state,
            mine=r.requester_id == user.id,
            asked=r.asked if (user.is_curator or r.requester_id == user.id) else None,
            answers=answers.get(r.id or 0, []),
            created_at=r.created_at,
            compose_url=compose_url(r),
        )
        for r in requests
    ]


def get_open(session: Session, request_id: int) -> TipRequest:
    """A request someone is answering from compose (closed ones cannot be answered)."""
    request = _get(session, request_id)
    if request.state == RequestState.closed:
        raise NotFound(f"request {request_id} is closed")
    return request


def auto_open(session: Session, *, now: datetime | None = None) -> int:
    """Open a request for each customer someone meets soon that the library knows nothing of."""
    now = now or utcnow()
    upcoming = session.exec(
        select(Meeting.user_id, Meeting.external_domains, Meeting.start)
        .where(col(Meeting.start) > now)
        .order_by(col(Meeting.start), col(Meeting.id))
    ).all()
    first_meeting: dict[str, int] = {}
    for user_id, domains, _start in upcoming:
        for domain in domains or []:
            first_meeting.setdefault(registrable(domain), user_id)
    if not first_meeting:
        return 0
    orgs = sorted(first_meeting)
    known = set(
        session.exec(
            select(TipOrg.org)
            .join(Tip, col(Tip.id) == TipOrg.tip_id)
            .where(col(TipOrg.org).in_(orgs), Tip.status == TipStatus.active)
        ).all()
    )
    asked_recently = set(
        session.exec(
            select(TipRequest.account).where(
                col(TipRequest.account).in_(orgs),
                or_(
                    col(TipRequest.created_at) >= now - AUTO_QUIET,
                    TipRequest.state == RequestState.open,
                ),
            )
        ).all()
    )
    opened = 0
    for org in orgs:
        if org in known or org in asked_recently:
            continue
        requester = session.get(User, first_meeting[org])
        open_request(session, requester, account=org, auto=True, now=now)
        opened += 1
    return opened
