"""People, their API tokens and their browser sessions."""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import ConfigDict, EmailStr, field_validator, model_validator
from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow

HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def check_hhmm(value: str) -> str:
    if not HHMM.match(value):
        raise ValueError("a time of day as HH:MM, e.g. 07:30")
    return value


class Role(StrEnum):
    member = "member"
    curator = "curator"
    admin = "admin"


class UserBase(SQLModel):
    email: str = Field(max_length=320, unique=True, index=True)
    name: str = Field(max_length=120)
    role: Role = Field(default=Role.member, sa_type=String(16))
    timezone: str = Field(default="UTC", max_length=64)
    lead_minutes: int = Field(default=30, ge=5, le=240)
    debrief_enabled: bool = Field(default=True)
    # Requests for tips may reach this person (they met the customer); opt-out.
    requests_enabled: bool = Field(default=True)
    # Listed on the helpers page (tips written, helpful marks); opt-in.
    show_in_helpers: bool = Field(default=False)
    # Delivery (issue 16): how briefs reach the person, and when.
    brief_channel: str = Field(default="push", sa_type=String(8))  # push | email | both
    fallback_minutes: int = Field(default=5, ge=0, le=30)  # no "shown" receipt → email; 0 = off
    travel_minutes: int = Field(default=30, ge=0, le=180)  # extra lead for meetings somewhere
    digest_at: str | None = Field(default=None, max_length=5)  # "07:30" local, or None
    quiet_start: str | None = Field(default=None, max_length=5)  # "22:00" local, or None
    quiet_end: str | None = Field(default=None, max_length=5)


class User(UserBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    password_hash: str | None = Field(default=None, max_length=255)
    emails: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # The last "N of your tips need a look" reminder: at most one a week.
    review_reminded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Lifecycle (core/people/lifecycle.py). A deactivated person cannot sign in and
    # gets nothing; an erased one is a tombstone named "a former colleague" that
    # keeps the tips they chose to leave.
    active: bool = Field(default=True)
    last_seen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    deactivated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # May sign in with a password even when TIPOFF_PASSWORD_LOGIN=false (set by the CLI only).
    break_glass: bool = Field(default=False)

    @property
    def quiet_hours(self) -> QuietHours | None:
        if self.quiet_start and self.quiet_end:
            return QuietHours(start=self.quiet_start, end=self.quiet_end)
        return None

    @property
    def is_curator(self) -> bool:
        return self.role in (Role.curator, Role.admin)

    @property
    def addresses(self) -> list[str]:
        """Every address that is "me" in a calendar, lower-cased."""
        return sorted({self.email.lower(), *(e.lower() for e in self.emails)})


class UserCreate(SQLModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=120)
    role: Role = Role.member
    timezone: str = "UTC"
    password: str | None = Field(default=None, min_length=8, max_length=512)


class QuietHours(SQLModel):
    """Local wall-clock times; ``start`` after ``end`` spans midnight (22:00 → 07:00)."""

    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    start: str
    end: str

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str) -> str:
        return check_hhmm(value)

    @model_validator(mode="after")
    def _not_empty(self) -> QuietHours:
        if self.start == self.end:
            raise ValueError("quiet hours must start and end at different times")
        return self


class UserPublic(SQLModel):
    id: int
    email: str
    name: str
    role: Role
    timezone: str
    lead_minutes: int
    debrief_enabled: bool
    requests_enabled: bool = True
    show_in_helpers: bool = False
    emails: list[str]
    created_at: datetime
    brief_channel: str = "push"
    fallback_minutes: int = 5
    travel_minutes: int = 30
    digest_at: str | None = None
    quiet_hours: QuietHours | None = None


class UserUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    name: str | None = Field(default=None, min_length=1, max_length=120)
    timezone: str | None = Field(default=None, max_length=64)
    lead_minutes: int | None = Field(default=None, ge=5, le=240)
    emails: list[EmailStr] | None = Field(default=None, max_length=20)
    debrief_enabled: bool | None = None
    requests_enabled: bool | None = None
    show_in_helpers: bool | None = None
    brief_channel: Literal["push", "email", "both"] | None = None
    fallback_minutes: int | None = Field(default=None, ge=0, le=30)
    travel_minutes: int | None = Field(default=None, ge=0, le=180)
    digest_at: str | None = None  # "HH:MM"; null switches it off
    quiet_hours: QuietHours | None = None  # null switches them off

    @field_validator("digest_at")
    @classmethod
    def _digest_clock(cls, value: str | None) -> str | None:
        return None if value is None else check_hhmm(value)


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    prefix: str = Field(max_length=16)
    name: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class WebSession(SQLModel, table=True):
    """A signed-in browser. Only the hash of the cookie value is stored."""

    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)  # = signed in at
    expires_at: datetime = Field(sa_type=UTCDateTime)
    # How this browser signed in: "password", "invite", "reset", or an SSO method
    # ("oidc"). With created_at it tells whether a sign-in is fresh enough to erase
    # an account that has no password (core/people/lifecycle.py: confirm_erasure).
    method: str = Field(default="password", max_length=16)


class PasswordReset(SQLModel, table=True):
    """A one-time "choose a new password" link. Only the token's hash is stored."""

    __tablename__ = "password_reset"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


# --- people admin (GET/PATCH /api/users) -------------------------------------------


class UserListItem(SQLModel):
    id: int
    email: str
    name: str
    role: Role
    active: bool
    auth: str  # how they sign in: "password", "none" (API tokens only), or an SSO method
    last_seen_at: datetime | None
    created_at: datetime


class UserList(SQLModel):
    items: list[UserListItem]


class UserAdminUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    role: Role | None = None
    active: bool | None = None
    name: str | None = Field(default=None, min_length=1, max_length=120)


class PasswordChange(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    current_password: str = Field(max_length=512)
    new_password: str = Field(min_length=8, max_length=512)


class ForgotPassword(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    email: str = Field(min_length=1, max_length=320)


class PasswordResetRequest(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    token: str = Field(min_length=10, max_length=200)
    new_password: str = Field(min_length=8, max_length=512)


class EraseMe(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    password: str | None = Field(default=None, max_length=512)
    delete_tips: bool = Field(default=False, description="Delete my tips too (else they stay).")


class LoginRequest(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    email: str = Field(max_length=320)
    password: str = Field(max_length=512)


class Accepted(SQLModel):
    """``POST /api/auth/forgot`` answers this whether or not the address exists."""

    detail: str = "If the address has an account, a link to choose a new password is on its way."
