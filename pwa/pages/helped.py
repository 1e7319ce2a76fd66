"""The "this helped" link from a brief email: no sign-in, one tap, counted once.

``GET /helped/{token}`` only shows the tip and a button (mail scanners open links
to check them: a GET must never vote); the button posts to the same address.
The token is checked and used up by ``core.notifications.helped``; the vote is
recorded like the app's feedback (``core.tips.feedback``), with the meeting
when it still exists.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import SessionDep
from core.errors import Conflict, NotFound
from core.models import Tip, User
from core.models.brief import FeedbackCreate
from core.notifications import helped
from core.tips import feedback, votes
from pwa.render import PageRoute, error_page, render

router = APIRouter(route_class=PageRoute)


@router.get("/helped/{token}")
def ask(token: str, request: Request, session: SessionDep) -> Response:
    try:
        row, tip_id = helped.verify(session, token)
    except NotFound as exc:
        return error_page(request, 404, exc.detail)
    tip = session.get(Tip, tip_id)
    return render(
        request,
        "pages/helped.html",
        {"tip": tip, "token": token, "done": tip_id in row.helped},
    )


@router.post("/helped/{token}")
def count(token: str, request: Request, session: SessionDep) -> Response:
    try:
        row, tip_id = helped.consume(session, token)
    except NotFound as exc:
        return error_page(request, 404, exc.detail)
    except Conflict:
        _row, tip_id = helped.verify(session, token)
        return render(request, "pages/helped.html", {"tip": session.get(Tip, tip_id), "done": True})
    user = session.get(User, row.user_id)
    try:
        if user is not None and row.meeting_id is not None:
            vote = FeedbackCreate(tip_id=tip_id, helpful=True)
            feedback.record(session, user, row.meeting_id, vote)
        elif user is not None:  # the meeting has left the calendar since: the vote still counts
            votes.add_vote(session, user, tip_id)
    except NotFound:
        return error_page(request, 404, "This tip is no longer in the library.")
    return render(
        request,
        "pages/helped.html",
        {"tip": session.get(Tip, tip_id), "done": True, "counted": True},
    )
