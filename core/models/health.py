"""One row the health check rewrites now and then, to prove the database takes writes
(a full disk or a read-only file passes a ``SELECT 1``)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from core.models.base import UTCDateTime, utcnow


class HealthProbe(SQLModel, table=True):
    __tablename__ = "health_probe"

    id: int = Field(primary_key=True)
    checked_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
