"""Single sign-on and provisioning: who a person is at the company's identity provider.

An OpenID Connect subject (``sub``) and a SCIM ``externalId`` are identities the
provider owns, so they live beside the user row rather than on it: a person can
have both, and erasing the person cascades them away. SCIM groups are kept so
that their membership can set roles through the same group names as SSO.
Only the hash of the provisioning token is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class ExternalIdentity(SQLModel, table=True):
    """``provider`` is "oidc" (subject = the ID token's ``sub``)."""

    __tablename__ = "external_identity"
    __table_args__ = (UniqueConstraint("provider", "subject", name="uq_external_identity"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    provider: str = Field(max_length=16)
    subject: str = Field(max_length=255)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ScimToken(SQLModel, table=True):
    """The identity provider's provisioning token (one at a time; a new one replaces it)."""

    __tablename__ = "scim_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    prefix: str = Field(max_length=16)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ScimUser(SQLModel, table=True):
    """What the identity provider told us about a person beyond what Tipoff uses.

    ``resource`` is the provider's last SCIM User (minus id, meta and password), so
    what it writes it reads back; Tipoff's own columns (email, name, active) are
    the truth for what Tipoff acts on. ``deleted_at``: the provider DELETEd the
    user, which deactivated them; SCIM no longer shows them.
    """

    __tablename__ = "scim_user"

    user_id: int = Field(foreign_key="user.id", primary_key=True, ondelete="CASCADE")
    user_name: str = Field(max_length=320)
    user_name_key: str = Field(max_length=320, unique=True, index=True)  # case-folded
    external_id: str | None = Field(default=None, max_length=255)
    resource: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ScimGroup(SQLModel, table=True):
    __tablename__ = "scim_group"

    id: int | None = Field(default=None, primary_key=True)
    display_name: str = Field(max_length=255, unique=True, index=True)
    external_id: str | None = Field(default=None, max_length=255)
    resource: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ScimGroupMember(SQLModel, table=True):
    __tablename__ = "scim_group_member"

    group_id: int = Field(foreign_key="scim_group.id", primary_key=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user.id", primary_key=True, index=True, ondelete="CASCADE")
