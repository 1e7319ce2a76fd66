"""All tables, imported here so Alembic and ``SQLModel.metadata`` see every one.

Each concern has its own module; add new ones to the import list below.
"""

from core.models.audit import AuditEvent
from core.models.base import UTCDateTime, utcnow
from core.models.brief import (
    BriefFeedback,
    FeedbackMark,
    RankingTerm,
    TipFacet,
    TipOrg,
    TipOrgName,
    TipProfile,
)
from core.models.calendar import Calendar, Meeting
from core.models.delivery import Absence, BriefEmail
from core.models.health import HealthProbe
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
from core.models.mail import MailState, OutgoingMail
from core.models.push import Device, Notification, NotificationKind, NotificationState, VapidKey
from core.models.sso import ExternalIdentity, ScimGroup, ScimGroupMember, ScimToken, ScimUser
from core.models.tip import (
    Flag,
    Tip,
    TipAccount,
    TipRevision,
    TipStatus,
    TipTag,
    Vote,
)
from core.models.user import ApiToken, PasswordReset, Role, User, WebSession

__all__ = [
    "Absence",
    "ApiToken",
    "AuditEvent",
    "BriefEmail",
    "BriefFeedback",
    "Calendar",
    "Contact",
    "Device",
    "ExternalIdentity",
    "FeedbackMark",
    "Flag",
    "HealthProbe",
    "InsightsPolicy",
    "Invite",
    "MailState",
    "Meeting",
    "Notification",
    "NotificationKind",
    "NotificationState",
    "OutgoingMail",
    "PasswordReset",
    "RankingTerm",
    "RequestAnswer",
    "RequestState",
    "Role",
    "ScimGroup",
    "ScimGroupMember",
    "ScimToken",
    "ScimUser",
    "Tip",
    "TipAccount",
    "TipFacet",
    "TipOrg",
    "TipOrgName",
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
