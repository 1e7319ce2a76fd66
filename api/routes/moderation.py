"""The curators' queue of flagged tips and their decisions."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ClientAddress, CurrentCurator, IdPath, SessionDep
from core.models.tip import ModerationDecision, ModerationQueue, TipPublic
from core.people import audit
from core.tips import moderation, service

router = APIRouter(prefix="/api/moderation", tags=["moderation"])


@router.get("", response_model=ModerationQueue)
def moderation_queue(_curator: CurrentCurator, session: SessionDep) -> ModerationQueue:
    return ModerationQueue(items=moderation.queue(session))


@router.post("/{tip_id}", response_model=TipPublic)
def decide(
    tip_id: IdPath,
    decision: ModerationDecision,
    curator: CurrentCurator,
    session: SessionDep,
    client: ClientAddress,
) -> TipPublic:
    tip = moderation.decide(session, curator, tip_id, decision.action)
    audit.record(
        session,
        actor=curator,
        action=f"moderation.{decision.action}",
        target=f"tip:{tip_id}",
        client=client,
        detail={"author_id": tip.author_id},
    )
    return service.to_public(session, [tip])[0]
