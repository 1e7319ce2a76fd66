"""SCIM 2.0 through the API (both databases): the token, Users, Groups and roles,
deprovisioning exactly like deactivation, SCIM error documents, and the audit log."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

SCIM = "application/scim+json"
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


@pytest.fixture
def scim(client, session):
    from core.people.scim import tokens

    token = tokens.create(session)
    session.commit()

    def call(method: str, path: str, body: Any = None, expect: int | None = None) -> Any:
        response = client.request(
            method,
            "/scim/v2" + path,
            json=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": SCIM},
        )
        if expect is not None:
            assert response.status_code == expect, response.text
        if response.status_code >= 400:
            assert response.headers["content-type"].startswith(SCIM)
        return response.json() if response.content else None

    call.token = token  # type: ignore[attr-defined]
    return call


def new_user(scim, user_name: str = "Rep.One@Northwind.example", **extra: Any) -> dict[str, Any]:
    body = {
        "schemas": [USER_SCHEMA],
        "userName": user_name,
        "name": {"givenName": "Rep", "familyName": "One"},
        "externalId": "entra-1",
        **extra,
    }
    return scim("POST", "/Users", body, expect=201)


def test_the_token_is_required_and_only_its_hash_is_stored(client, scim, session):
    from core.models import ScimToken

    for headers in ({}, {"Authorization": "Bearer scim_wrong"}):
        response = client.get("/scim/v2/Users", headers=headers)
        assert response.status_code == 401
        assert response.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    stored = session.exec(select(ScimToken)).one()
    assert scim.token not in (stored.token_hash, stored.prefix) and len(stored.token_hash) == 64


def test_an_api_token_is_not_a_provisioning_token(client, admin):
    assert client.get("/scim/v2/Users", headers=admin.headers).status_code == 401


def test_create_read_filter_replace(scim, session):
    from core.models import User

    created = new_user(scim)
    assert created["userName"] == "Rep.One@Northwind.example" and "active" not in created
    assert created["meta"]["location"].endswith(f"/scim/v2/Users/{created['id']}")
    user = session.get(User, int(created["id"]))
    assert user.email == "rep.one@northwind.example" and user.name == "Rep One"

    found = scim("GET", '/Users?filter=userName eq "rep.one@northwind.example"', expect=200)
    assert found["totalResults"] == 1 and found["Resources"][0]["id"] == created["id"]
    none = scim("GET", '/Users?filter=userName eq "nobody@northwind.example"', expect=200)
    assert none["totalResults"] == 0 and none["Resources"] == []

    assert scim("GET", f"/Users/{created['id']}", expect=200)["externalId"] == "entra-1"
    replaced = scim(
        "PUT",
        f"/Users/{created['id']}",
        {"schemas": [USER_SCHEMA], "userName": "rep.one@northwind.example",
         "displayName": "Rep Renamed", "title": "Account executive"},
        expect=200,
    )  # fmt: skip
    assert replaced["title"] == "Account executive"
    session.refresh(user)
    assert user.name == "Rep Renamed"


def test_a_user_name_that_is_not_an_address_needs_emails(scim):
    error = scim("POST", "/Users", {"schemas": [USER_SCHEMA], "userName": "rep1"}, expect=400)
    assert error["status"] == "400"
    made = scim(
        "POST", "/Users",
        {"schemas": [USER_SCHEMA], "userName": "rep1",
         "emails": [{"value": "rep1@northwind.example", "primary": True}]},
        expect=201,
    )  # fmt: skip
    assert made["userName"] == "rep1"


def test_someone_who_joined_before_provisioning_is_adopted(scim, member):
    created = scim(
        "POST", "/Users", {"schemas": [USER_SCHEMA], "userName": member.email}, expect=201
    )
    assert created["id"] == str(member.id)
    scim("POST", "/Users", {"schemas": [USER_SCHEMA], "userName": member.email}, expect=409)


def test_active_false_deprovisions_like_deactivation(scim, client, session, member):
    from core.models import AuditEvent, User

    created = scim(
        "POST", "/Users", {"schemas": [USER_SCHEMA], "userName": member.email}, expect=201
    )
    assert client.get("/api/me", headers=member.headers).status_code == 200
    patched = scim(
        "PATCH",
        f"/Users/{created['id']}",
        {"schemas": [PATCH_SCHEMA], "Operations": [{"op": "replace", "value": {"active": False}}]},
        expect=200,
    )
    assert patched["active"] is False
    user = session.get(User, member.id)
    session.refresh(user)
    assert user.active is False and user.deactivated_at is not None
    assert client.get("/api/me", headers=member.headers).status_code == 401  # token ended
    actions = set(session.exec(select(AuditEvent.action)).all())
    assert {"scim.user.create", "scim.user.patch", "user.deactivate"} <= actions

    scim(
        "PATCH",
        f"/Users/{created['id']}",
        {"schemas": [PATCH_SCHEMA], "Operations": [{"op": "replace", "path": "active",
                                                    "value": True}]},
        expect=200,
    )  # fmt: skip
    session.refresh(user)
    assert user.active is True


def test_delete_deactivates_keeps_tips_and_can_be_undone(scim, client, session, member):
    from core.models import Tip, User

    tip = client.post(
        "/api/tips", json={"title": "Ask about Q3", "body": "Budget first."}, headers=member.headers
    ).json()
    created = scim(
        "POST", "/Users", {"schemas": [USER_SCHEMA], "userName": member.email}, expect=201
    )
    scim("DELETE", f"/Users/{created['id']}", expect=204)
    scim("GET", f"/Users/{created['id']}", expect=404)
    user = session.get(User, member.id)
    session.refresh(user)
    assert user.active is False
    assert session.get(Tip, tip["id"]) is not None
    listed = scim("GET", f'/Users?filter=userName eq "{member.email}"', expect=200)
    assert listed["totalResults"] == 0

    again = scim("POST", "/Users", {"schemas": [USER_SCHEMA], "userName": member.email}, expect=201)
    assert again["id"] == created["id"]
    session.refresh(user)
    assert user.active is True


def test_groups_set_roles_through_the_sso_group_names(scim, session, monkeypatch):
    from core.models import Role, User
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "oidc_admin_groups", ["Tipoff Admins"])
    monkeypatch.setattr(get_settings(), "oidc_curator_groups", ["Tipoff Curators"])
    rep = new_user(scim)
    lead = new_user(scim, "lead@northwind.example", externalId="entra-2")
    curators = scim(
        "POST", "/Groups",
        {"schemas": [GROUP_SCHEMA], "displayName": "Tipoff Curators",
         "members": [{"value": rep["id"]}, {"value": lead["id"]}]},
        expect=201,
    )  # fmt: skip
    assert {m["value"] for m in curators["members"]} == {rep["id"], lead["id"]}
    assert session.get(User, int(rep["id"])).role == Role.curator
    scim(
        "POST", "/Groups",
        {"schemas": [GROUP_SCHEMA], "displayName": "tipoff admins",
         "members": [{"value": lead["id"]}]},
        expect=201,
    )  # fmt: skip
    assert session.get(User, int(lead["id"])).role == Role.admin

    scim(
        "PATCH", f"/Groups/{curators['id']}",
        {"schemas": [PATCH_SCHEMA],
         "Operations": [{"op": "remove", "path": f'members[value eq "{rep["id"]}"]'}]},
        expect=200,
    )  # fmt: skip
    assert session.get(User, int(rep["id"])).role == Role.member
    groups = scim("GET", f"/Users/{lead['id']}", expect=200)["groups"]
    assert {g["display"] for g in groups} == {"Tipoff Curators", "tipoff admins"}

    scim("DELETE", f"/Groups/{curators['id']}", expect=204)
    assert session.get(User, int(lead["id"])).role == Role.admin  # still in the admin group
    other = scim("POST", "/Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Sales"}, 201)
    assert "members" not in other


def test_a_group_member_must_exist(scim):
    error = scim(
        "POST", "/Groups",
        {"schemas": [GROUP_SCHEMA], "displayName": "Sales", "members": [{"value": "999999"}]},
        expect=400,
    )  # fmt: skip
    assert error["scimType"] == "invalidValue"


@pytest.mark.parametrize(
    ("path", "scim_type"),
    [
        ("/Users?filter=userName eq", "invalidFilter"),
        ("/Users?filter=nosuch eq 1", "invalidFilter"),
    ],
)
def test_bad_filters_are_scim_errors(scim, path, scim_type):
    assert scim("GET", path, expect=400)["scimType"] == scim_type


def test_bad_bodies_and_unknown_ids(scim, client):
    response = client.post(
        "/scim/v2/Users",
        content=b"{not json",
        headers={"Authorization": f"Bearer {scim.token}", "Content-Type": SCIM},
    )
    assert response.status_code == 400 and response.json()["scimType"] == "invalidSyntax"
    scim("GET", "/Users/abc", expect=404)
    scim("GET", f"/Users/{2**40}", expect=404)
    scim("GET", "/Groups/12345", expect=404)
    scim("GET", f"/Groups/{2**40}", expect=404)
    too_long = {"schemas": [USER_SCHEMA], "userName": "x" * 330 + "@northwind.example"}
    assert scim("POST", "/Users", too_long, expect=400)["scimType"] == "invalidValue"
    scim("GET", "/Nothing", expect=404)
    scim("POST", "/Schemas", {}, expect=405)


def test_discovery(scim):
    config = scim("GET", "/ServiceProviderConfig", expect=200)
    assert config["patch"]["supported"] is True and config["bulk"]["supported"] is False
    schemas = {s["id"] for s in scim("GET", "/Schemas", expect=200)["Resources"]}
    assert {USER_SCHEMA, GROUP_SCHEMA} <= schemas
    types = {t["name"]: t for t in scim("GET", "/ResourceTypes", expect=200)["Resources"]}
    assert types["User"]["endpoint"] == "/Users" and types["Group"]["endpoint"] == "/Groups"
    assert scim("GET", f"/Schemas/{USER_SCHEMA}", expect=200)["name"] == "User"


def test_the_last_admin_cannot_be_deprovisioned(scim, admin, session):
    from core.models import Role, User

    for other in session.exec(select(User).where(User.role == Role.admin, User.id != admin.id)):
        other.role = Role.member
        session.add(other)
    session.commit()
    created = scim(
        "POST", "/Users", {"schemas": [USER_SCHEMA], "userName": admin.email}, expect=201
    )
    error = scim("DELETE", f"/Users/{created['id']}", expect=409)
    assert "last active admin" in error["detail"]


def test_erasure_forgets_what_the_provider_said_and_export_shows_it(scim, session, member):
    from core.models import ExternalIdentity, ScimGroupMember, ScimUser, User
    from core.people import lifecycle
    from core.people.export import export_user

    created = scim(
        "POST", "/Users",
        {"schemas": [USER_SCHEMA], "userName": member.email, "title": "Key account manager"},
        expect=201,
    )  # fmt: skip
    scim("POST", "/Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Sales",
                             "members": [{"value": created["id"]}]}, expect=201)  # fmt: skip
    session.add(ExternalIdentity(user_id=member.id, provider="oidc", subject="sub-1"))
    session.commit()
    user = session.get(User, member.id)
    exported = export_user(session, user)["identity_provider"]
    assert exported["sso_subjects"] == ["sub-1"]
    assert exported["scim_profile"]["title"] == "Key account manager"

    lifecycle.erase(session, user, actor=None, delete_tips=False)
    for table in (ExternalIdentity, ScimUser, ScimGroupMember):
        assert session.exec(select(table).where(table.user_id == member.id)).first() is None
    scim("GET", f"/Users/{created['id']}", expect=404)
