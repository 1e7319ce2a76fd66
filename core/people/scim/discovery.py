"""What this SCIM service is: its resource types, schemas and capabilities (RFC 7644 §4).

All three discovery documents come from scim2-models' descriptions of the
resources (``ScimProvider``), so they cannot drift from what the routes accept.
"""

from __future__ import annotations

from typing import Annotated, Any

import scim2_models
from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    EnterpriseUser,
    ETag,
    Filter,
    Group,
    Patch,
    Required,
    ResourceType,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
)

from core.settings import get_settings

BASE_PATH = "/scim/v2"
MAX_RESULTS = 200


class Email(scim2_models.Email):
    value: Annotated[str | None, Required.true] = None


class User(scim2_models.User):
    """RFC 7643's User, with ``emails`` required: Tipoff knows people by their address
    (sign-in, calendars). A userName that is an address counts as the email when
    ``emails`` is missing (see ``users.with_email``)."""

    emails: Annotated[list[Email] | None, Required.true] = None  # type: ignore[assignment]


UserResource = User[EnterpriseUser]  # type: ignore[type-arg]
GroupResource = Group

CONFIG = ServiceProviderConfig(
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=False),
    sort=Sort(supported=False),
    etag=ETag(supported=False),
    authentication_schemes=[
        AuthenticationScheme(
            type=AuthenticationScheme.Type.oauthbearertoken,
            name="Provisioning token",
            description="The token `tipoff scim token` prints, as 'Authorization: Bearer <token>'.",
            primary=True,
        )
    ],
)

PROVIDER = ScimProvider(
    models=[User, EnterpriseUser, Group],
    resource_types=[
        ResourceType.from_resource(UserResource),
        ResourceType.from_resource(GroupResource),
    ],
    config=CONFIG,
)


def base_url() -> str:
    return get_settings().effective_public_url.rstrip("/") + BASE_PATH


def location(kind: str, resource_id: str = "") -> str:
    return f"{base_url()}/{kind}" + (f"/{resource_id}" if resource_id else "")


def with_meta(document: dict[str, Any], kind: str, resource_id: str) -> dict[str, Any]:
    meta = dict(document.get("meta") or {})
    meta.update({"resourceType": kind, "location": location(kind, resource_id)})
    return {**document, "meta": meta}
