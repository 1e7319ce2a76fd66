"""All tables, imported here so Alembic and ``SQLModel.metadata`` see every one.

Each concern has its own module; add new ones to the import list below.
"""

from core.models.base import UTCDateTime, utcnow
from core.models.brief import BriefFeedback, RankingTerm, TipFacet, TipOrg, TipProfile
from core.models.calendar import Calendar, Meeting
from core.models.health import HealthProbe
from core.models.invite import Invite
from core.models.push import Device, Notification, NotificationKind, NotificationState, VapidKey
from core.models.tip import (
    Flag,
    Tip,
    TipAccount,
    TipRevision,
    TipStatus,
    TipTag,
    Vote,
)
from core.models.user import ApiToken, Role, User, WebSession

__all__ = [
    "ApiToken",
    "BriefFeedback",
    "Calendar",
    "Device",
    "Flag",
    "HealthProbe",
    "Invite",
    "Meeting",
    "Notification",
    "NotificationKind",
    "NotificationState",
    "RankingTerm",
    "Role",
    "Tip",
    "TipAccount",
    "TipFacet",
    "TipOrg",
    "TipProfile",
    "TipRevision",
    "TipStatus",
    "TipTag",
    "UTCDateTime",
    "User",
    "VapidKey",
    "Vote",
    "WebSession",
    "utcnow",
]
