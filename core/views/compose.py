"""Compose: a new tip, prefilled from a meeting ("what did you learn?") or from
something shared into the app from another one (the manifest's share target).

From a meeting, the accounts are its external attendee domains, and the tag
suggestions are the tags of the tips its brief picked (they fit this kind of
meeting) plus the library's tags whose words all occur in the meeting's title
or description. Nothing is guessed from a fixed word list.
"""

from __future__ import annotations

import re

from slugify import slugify
from sqlmodel import Session, SQLModel, col, func, select

from core.insights import requests
from core.models import Meeting, TipTag, User
from core.models.ownership import owned
from core.models.tip import BODY_MAX, TITLE_MAX
from core.ranking.brief import brief_for_meeting
from core.views.common import MeetingRef, meeting_ref

MAX_SUGGESTIONS = 8
POPULAR_TAGS = 300


class RequestRef(SQLModel):
    """The request a tip is being written for (from its push or the requests page)."""

    id: int
    account: str | None
    topic: str
    note: str


class ComposeForm(SQLModel):
    meeting: MeetingRef | None
    request: RequestRef | None = None
    title: str
    body: str
    tags: list[str]
    accounts: list[str]
    suggested_tags: list[str]
    body_max: int = BODY_MAX
    title_max: int = TITLE_MAX


def shared_body(text: str | None, url: str | None) -> str:
    """What another app shared: its text, then its link as a Markdown autolink (``<url>``),
    so it becomes a real link in the tip. Apps often put the link in the text as well;
    then that occurrence is the one made a link."""
    text = (text or "").strip()
    url = (url or "").strip()
    if url.startswith(("https://", "http://")) and not any(c in url for c in " <>"):
        text = text.replace(url, f"<{url}>", 1) if url in text else f"{text}\n\n<{url}>"
    elif url:
        text = f"{text}\n\n{url}"
    return text.strip()[:BODY_MAX]


def _words(text: str) -> set[str]:
    return set(slugify(text, allow_unicode=True).split("-")) - {""}


def suggested_tags(session: Session, user: User, meeting_id: int) -> list[str]:
    meeting = owned(session, Meeting, meeting_id, user)
    found: list[str] = []
    for ranked in brief_for_meeting(session, user, meeting).tips:
        found.extend(t for t in ranked.tip.tags if t not in found)
    words = _words(f"{meeting.title} {meeting.description}")
    popular = session.exec(
        select(TipTag.tag)
        .group_by(col(TipTag.tag))
        .order_by(func.count().desc(), col(TipTag.tag))
        .limit(POPULAR_TAGS)
    ).all()
    for tag in popular:
        parts = set(re.split(r"-+", tag)) - {""}
        if parts and parts <= words and tag not in found:
            found.append(tag)
    return found[:MAX_SUGGESTIONS]


def compose_form(
    session: Session,
    user: User,
    *,
    meeting_id: int | None = None,
    title: str | None = None,
    text: str | None = None,
    url: str | None = None,
    request_id: int | None = None,
) -> ComposeForm:
    meeting = owned(session, Meeting, meeting_id, user) if meeting_id is not None else None
    asked = requests.get_open(session, request_id) if request_id is not None else None
    accounts = list(meeting.external_domains) if meeting else []
    if asked is not None and asked.account and asked.account not in accounts:
        accounts.append(asked.account)
    return ComposeForm(
        meeting=meeting_ref(meeting) if meeting else None,
        request=(
            RequestRef(id=asked.id or 0, account=asked.account, topic=asked.topic, note=asked.note)
            if asked is not None
            else None
        ),
        title=(title or "").strip()[:TITLE_MAX],
        body=shared_body(text, url),
        tags=[],
        accounts=accounts,
        suggested_tags=suggested_tags(session, user, meeting_id) if meeting_id is not None else [],
    )
