"""Invite links: how people join a Tipoff server.

An admin creates an invite for a role (optionally bound to one address); the
colleague opens the link and picks a password. The very first admin joins the
same way through a one-time *setup* link that ``tipoff serve`` prints while no
admin exists, so nobody has to type a password into a shell. Only the hash of
a link's token is stored: a database dump cannot be turned into an account.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import ConfigDict, EmailStr
from sqlalchemy import String
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow
from core.models.tip import AuthorPublic
from core.models.user import Role


class InviteKind(StrEnum):
    invite = "invite"  # created by an admin
    setup = "setup"  # printed by `tipoff serve` while no admin exists


class InviteStatus(StrEnum):
    open = "open"
    used = "used"
    expired = "expired"
    revoked = "revoked"


class InviteBase(SQLModel):
    role: Role = Field(default=Role.member, sa_type=String(16))
    email: str | None = Field(default=None, max_length=320)


class Invite(InviteBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: InviteKind = Field(default=InviteKind.invite, sa_type=String(16))
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    used_by_id: int | None = Field(default=None, foreign_key="user.id", ondelete="SET NULL")
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class InviteCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    role: Role = Role.member
    email: EmailStr | None = Field(default=None, description="Only this address may use it.")
    days: int | None = Field(default=None, ge=1, le=30, description="Valid for this many days.")


class InvitePublic(InviteBase):
    id: int
    kind: InviteKind
    status: InviteStatus
    created_by: AuthorPublic | None
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by: AuthorPublic | None


class InviteCreated(InvitePublic):
    """The one response that carries the link: only its hash is kept."""

    url: str
    emailed: bool = Field(default=False, description="The link was mailed to `email`.")


class InviteBulkCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    emails: list[str] = Field(min_length=1, max_length=500)
    role: Role = Role.member


class InviteBulkResult(SQLModel):
    email: str
    status: str  # sent | already_member | invalid
    detail: str = ""


class InviteBulkReport(SQLModel):
    results: list[InviteBulkResult]


class InviteList(SQLModel):
    items: list[InvitePublic]


class InviteInfo(SQLModel):
    """What the holder of a link may learn before signing up."""

    kind: InviteKind
    role: Role
    email: str | None
    invited_by: str | None
    expires_at: datetime


class SignupRequest(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    token: str = Field(min_length=10, max_length=200)
    email: EmailStr
    name: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=8, max_length=512)
    timezone: str = Field(default="UTC", max_length=64)
