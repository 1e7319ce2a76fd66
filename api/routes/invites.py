"""Joining: admins' invite links, signing up through one, and the first-run setup link.

Signing up (or setting up) also signs the new person in, so the link's next
page is already their own Next up.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from api.deps import ClientAddress, CurrentAdmin, IdPath, SessionDep
from api.routes.auth import client_ip, set_session_cookie
from core import ratelimit
from core.models.invite import (
    InviteBulkCreate,
    InviteBulkReport,
    InviteCreate,
    InviteCreated,
    InviteInfo,
    InviteKind,
    InviteList,
    SignupRequest,
)
from core.models.user import UserPublic
from core.people import accounts, invitations, invites
from core.settings import get_settings

router = APIRouter(tags=["invites"])

Token = Annotated[str, Path(min_length=10, max_length=200)]


def public_base_url(request: Request) -> str:
    """Where people reach this server: TIPOFF_PUBLIC_URL when set, else the request's host."""
    settings = get_settings()
    if settings.public_url is not None:
        return settings.public_url
    return str(request.base_url)


@router.post("/api/invites", status_code=201, response_model=InviteCreated)
def create_invite(
    data: InviteCreate,
    request: Request,
    admin: CurrentAdmin,
    session: SessionDep,
    client: ClientAddress,
) -> InviteCreated:
    """An invite link; with `email`, it is also mailed there (`emailed: true`)."""
    return invitations.create_invite(
        session, admin, data, base_url=public_base_url(request), client=client
    )


@router.post("/api/invites/bulk", response_model=InviteBulkReport)
def bulk_invite(
    data: InviteBulkCreate,
    request: Request,
    admin: CurrentAdmin,
    session: SessionDep,
    client: ClientAddress,
) -> InviteBulkReport:
    """Mail an invite to each address; the answer says per address: `sent`,
    `already_member` or `invalid`."""
    return invitations.bulk_invite(
        session, admin, data, base_url=public_base_url(request), client=client
    )


@router.get("/api/invites", response_model=InviteList)
def list_invites(_admin: CurrentAdmin, session: SessionDep) -> InviteList:
    return InviteList(items=invites.list_invites(session))


@router.delete("/api/invites/{invite_id}", status_code=204)
def revoke_invite(
    invite_id: IdPath, admin: CurrentAdmin, session: SessionDep, client: ClientAddress
) -> Response:
    invitations.revoke_invite(session, admin, invite_id, client=client)
    return Response(status_code=204)


def _join(
    data: SignupRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    kind: InviteKind,
) -> UserPublic:
    ratelimit.check("signup", client_ip(request), get_settings().rate_limit_login)
    user = invites.redeem(session, data, kind)
    set_session_cookie(response, accounts.start_web_session(session, user, method="invite"))
    return UserPublic.model_validate(user, from_attributes=True)


@router.get("/api/invites/{token}", response_model=InviteInfo)
def invite_info(token: Token, session: SessionDep) -> InviteInfo:
    """What an invite link offers (who sent it, which role), before signing up with it."""
    return invites.info(session, token, InviteKind.invite)


@router.post("/api/invites/accept", status_code=201, response_model=UserPublic)
def accept_invite(
    data: SignupRequest, request: Request, response: Response, session: SessionDep
) -> UserPublic:
    """Create the account an invite link stands for, and sign in; the link is then used up."""
    return _join(data, request, response, session, InviteKind.invite)


@router.get("/api/setup/{token}", response_model=InviteInfo)
def setup_info(token: Token, session: SessionDep) -> InviteInfo:
    """Whether a setup link still works (only while no admin exists)."""
    return invites.info(session, token, InviteKind.setup)


@router.post("/api/setup", status_code=201, response_model=UserPublic)
def setup(
    data: SignupRequest, request: Request, response: Response, session: SessionDep
) -> UserPublic:
    """Create the first admin through the link `tipoff serve` printed, and sign in."""
    return _join(data, request, response, session, InviteKind.setup)
