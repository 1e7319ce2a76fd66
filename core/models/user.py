"""People, their API tokens and their browser sessions."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import ConfigDict, EmailStr
from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


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


class User(UserBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    password_hash: str | None = Field(default=None, max_length=255)
    emails: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # The last "N of your tips need a look" reminder: at most one a week.
    review_reminded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

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


class UserUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    name: str | None = Field(default=None, min_length=1, max_length=120)
    timezone: str | None = Field(default=None, max_length=64)
    lead_minutes: int | None = Field(default=None, ge=5, le=240)
    emails: list[EmailStr] | None = Field(default=None, max_length=20)
    debrief_enabled: bool | None = None
    requests_enabled: bool | None = None
    show_in_helpers: bool | None = None


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
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
