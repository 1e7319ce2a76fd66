"""The tip library: post, search, edit, delete, vote, flag."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import (
    ClientAddress,
    CurrentCurator,
    CurrentUser,
    IdPath,
    SessionDep,
    UserBeforeWriting,
)
from core import ratelimit
from core.insights import signals
from core.models import Tip
from core.models.tip import (
    AuthorPublic,
    FlagCreate,
    FlagPublic,
    RevisionPublic,
    TipCreate,
    TipPage,
    TipPublic,
    TipUpdate,
)
from core.people import audit
from core.settings import get_settings
from core.tips import freshness, moderation, service, votes

router = APIRouter(prefix="/api/tips", tags=["tips"])


def _one(session: SessionDep, tip_id: IdPath, user: CurrentUser) -> TipPublic:
    return service.to_public(session, [service.get_visible_tip(session, user, tip_id)])[0]


@router.post("", status_code=201, response_model=TipPublic)
def create_tip(data: TipCreate, user: UserBeforeWriting, session: SessionDep) -> TipPublic:
    ratelimit.check_member(user, "post", get_settings().rate_limit_posts)
    prepared = service.prepare_tip(data)  # CPU only, before the write unit touches the database
    tip = signals.post_tip(session, user, data, prepared=prepared)
    return service.to_public(session, [tip])[0]


@router.get("", response_model=TipPage)
def list_tips(
    session: SessionDep,
    _user: CurrentUser,
    q: Annotated[str | None, Query(max_length=200)] = None,
    tag: Annotated[str | None, Query(max_length=64)] = None,
    account: Annotated[str | None, Query(max_length=253)] = None,
    author: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    owner: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    stale: Annotated[bool | None, Query(description="only tips past their review date")] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = service.PAGE_SIZE,
) -> TipPage:
    return service.list_tips(
        session,
        q=q,
        tag=tag,
        account=account,
        author=author,
        owner=owner,
        stale=stale,
        cursor=cursor,
        limit=limit,
    )


@router.get("/{tip_id}", response_model=TipPublic)
def read_tip(tip_id: IdPath, user: CurrentUser, session: SessionDep) -> TipPublic:
    return _one(session, tip_id, user)


def _audit_others_tip(
    session: SessionDep, user: CurrentUser, tip: Tip, action: str, client: str
) -> None:
    """A curator changing someone else's tip is a privileged action: record it."""
    if tip.author_id != user.id:
        audit.record(
            session, actor=user, action=action, target=f"tip:{tip.id}", client=client,
            detail={"author_id": tip.author_id},
        )  # fmt: skip


@router.patch("/{tip_id}", response_model=TipPublic)
def update_tip(
    tip_id: IdPath, data: TipUpdate, user: CurrentUser, session: SessionDep, client: ClientAddress
) -> TipPublic:
    tip = service.update_tip(session, user, tip_id, data)
    _audit_others_tip(session, user, tip, "tip.edit", client)
    return service.to_public(session, [tip])[0]


@router.delete("/{tip_id}", status_code=204)
def delete_tip(
    tip_id: IdPath, user: CurrentUser, session: SessionDep, client: ClientAddress
) -> Response:
    service.delete_tip(session, user, tip_id)
    tip = session.get(Tip, tip_id)
    if tip is not None:
        _audit_others_tip(session, user, tip, "tip.delete", client)
    return Response(status_code=204)


@router.post("/{tip_id}/verify", response_model=TipPublic)
def verify_tip(tip_id: IdPath, user: CurrentUser, session: SessionDep) -> TipPublic:
    """The owner or a curator confirms the tip is still true; next review one interval on."""
    tip = freshness.verify(session, user, tip_id)
    return service.to_public(session, [tip])[0]


@router.get("/{tip_id}/history", response_model=list[RevisionPublic])
def tip_history(tip_id: IdPath, user: CurrentUser, session: SessionDep) -> list[RevisionPublic]:
    return service.history(session, user, tip_id)


@router.post("/{tip_id}/vote", response_model=TipPublic)
def vote(tip_id: IdPath, user: CurrentUser, session: SessionDep) -> TipPublic:
    ratelimit.check_member(user, "vote", get_settings().rate_limit_votes)
    signals.vote(session, user, tip_id)
    return _one(session, tip_id, user)


@router.delete("/{tip_id}/vote", response_model=TipPublic)
def unvote(tip_id: IdPath, user: CurrentUser, session: SessionDep) -> TipPublic:
    ratelimit.check_member(user, "vote", get_settings().rate_limit_votes)
    votes.remove_vote(session, user, tip_id)
    return _one(session, tip_id, user)


@router.get("/{tip_id}/votes", response_model=list[AuthorPublic])
def tip_voters(tip_id: IdPath, curator: CurrentCurator, session: SessionDep) -> list[AuthorPublic]:
    service.get_visible_tip(session, curator, tip_id)
    return votes.voters(session, tip_id)


@router.post("/{tip_id}/flags", status_code=201, response_model=FlagPublic)
def flag(tip_id: IdPath, data: FlagCreate, user: CurrentUser, session: SessionDep) -> FlagPublic:
    ratelimit.check_member(user, "flag", get_settings().rate_limit_flags)
    created = moderation.flag_tip(session, user, tip_id, data.reason)
    return FlagPublic(
        user=AuthorPublic(id=user.id or 0, name=user.name),
        reason=created.reason,
        created_at=created.created_at,
    )


@router.get("/{tip_id}/flags", response_model=list[FlagPublic])
def tip_flags(tip_id: IdPath, curator: CurrentCurator, session: SessionDep) -> list[FlagPublic]:
    service.get_visible_tip(session, curator, tip_id)
    return moderation.flags_of(session, tip_id)
