"""All tables, imported here so Alembic and ``SQLModel.metadata`` see every one.

Each concern has its own module; add new ones to the import list below.
"""

from core.models.base import UTCDateTime, utcnow
from core.models.brief import BriefFeedback, RankingTerm, TipFacet, TipOrg, TipProfile
from core.models.calendar import Calendar, Meeting
from core.models.insights import (
    Contact,
    InsightsPolicy,
    RequestAnswer,
    RequestState,
    TipRequest,
    UsageCount,
    UsageCursor,
    UsageSalt,
    UsageSeen,
)
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
    "Contact",
    "Device",
    "Flag",
    "InsightsPolicy",
    "Invite",
    "Meeting",
    "Notification",
    "NotificationKind",
    "NotificationState",
    "RankingTerm",
    "RequestAnswer",
    "RequestState",
    "Role",
    "Tip",
    "TipAccount",
    "TipFacet",
    "TipOrg",
    "TipProfile",
    "TipRequest",
    "TipRevision",
    "TipStatus",
    "TipTag",
    "UTCDateTime",
    "UsageCount",
    "UsageCursor",
    "UsageSalt",
    "UsageSeen",
    "User",
    "VapidKey",
    "Vote",
    "WebSession",
    "utcnow",
]
