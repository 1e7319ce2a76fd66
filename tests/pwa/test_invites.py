"""Joining: the first-run setup link, admins' invites, and signing up through one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from core.errors import Conflict
from core.models import Invite, User, utcnow
from core.people import accounts, invites
from core.security import token_hash

PASSWORD = "a long enough password"


def signup(client, path: str, token: str, email: str, **extra):  # type: ignore[no-untyped-def]
    body = {"token": token, "email": email, "name": "New Person", "password": PASSWORD, **extra}
    return client.post(path, json=body)


# --- setup link ------------------------------------------------------------------


def test_setup_link_creates_the_first_admin_and_signs_them_in(client, session):
    token = invites.create_setup_link(session)
    session.commit()
    assert client.get(f"/api/setup/{token}").json()["role"] == "admin"

    response = signup(
        client, "/api/setup", token, "Boss@Northwind.example", timezone="Europe/Berlin"
    )
    assert response.status_code == 201, response.text
    me = response.json()
    assert (me["email"], me["role"], me["timezone"]) == (
        "boss@northwind.example",
        "admin",
        "Europe/Berlin",
    )
    assert "tipoff_session" in response.cookies
    # the cookie is a real session: the API knows who this is
    assert client.get("/api/me").json()["email"] == "boss@northwind.example"


def test_setup_link_works_once(client, session):
    token = invites.create_setup_link(session)
    session.commit()
    assert signup(client, "/api/setup", token, "one@northwind.example").status_code == 201
    again = signup(client, "/api/setup", token, "two@northwind.example")
    assert again.status_code == 404
    assert "already" in again.json()["detail"]
    assert session.exec(select(User).where(User.email == "two@northwind.example")).first() is None


def test_only_the_newest_setup_link_works(client, session):
    old = invites.create_setup_link(session)
    new = invites.create_setup_link(session)
    session.commit()
    assert client.get(f"/api/setup/{old}").status_code == 404
    assert client.get(f"/api/setup/{new}").status_code == 200


def test_no_setup_link_once_an_admin_exists(client, session, admin):
    with pytest.raises(Conflict):
        invites.create_setup_link(session)


def test_a_setup_link_stops_working_when_an_admin_appears_another_way(client, session, make_user):
    token = invites.create_setup_link(session)
    session.commit()
    make_user("admin")  # e.g. `tipoff users add --role admin`
    assert client.get(f"/api/setup/{token}").status_code == 404
    assert signup(client, "/api/setup", token, "late@northwind.example").status_code == 404


def test_an_invite_token_is_not_a_setup_token(client, session, admin):
    created = client.post("/api/invites", headers=admin.headers, json={"role": "admin"}).json()
    token = created["url"].rsplit("/", 1)[1]
    assert client.get(f"/api/setup/{token}").status_code == 404
    assert signup(client, "/api/setup", token, "sneaky@northwind.example").status_code == 404


def test_expired_setup_link_is_refused(client, session):
    token = invites.create_setup_link(session)
    row = session.exec(select(Invite).where(Invite.token_hash == token_hash(token))).one()
    row.expires_at = utcnow() - timedelta(seconds=1)
    session.add(row)
    session.commit()
    assert client.get(f"/api/setup/{token}").status_code == 404


def test_first_run_hint_prints_a_working_setup_link(engine, monkeypatch):
    """`tipoff serve` prints the link instead of a shell recipe (own committed data, cleaned up)."""
    from cli.main import first_run_hint
    from core.db import session_scope

    with session_scope(engine) as s:
        if accounts.admin_exists(s):
            pytest.skip("the shared test database already has an admin")
    hint = first_run_hint("http://127.0.0.1:9999")
    try:
        assert hint is not None
        assert hint.startswith("No admin yet. Open http://127.0.0.1:9999/setup/inv_")
        token = hint.split("/setup/")[1].split()[0]
        with session_scope(engine) as s:
            assert invites.info(s, token, invites.InviteKind.setup).role == "admin"
    finally:
        with session_scope(engine) as s:
            for row in s.exec(select(Invite)):
                s.delete(row)


# --- invites -------------------------------------------------------------------------


def test_admin_creates_an_invite_and_a_colleague_joins(client, admin):
    response = client.post("/api/invites", headers=admin.headers, json={"role": "curator"})
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["status"] == "open" and created["role"] == "curator"
    assert created["url"].startswith("http://testserver/join/inv_")
    token = created["url"].rsplit("/", 1)[1]

    info = client.get(f"/api/invites/{token}").json()
    assert info == {
        "kind": "invite",
        "role": "curator",
        "email": None,
        "invited_by": admin.name,
        "expires_at": info["expires_at"],
    }
    joined = signup(client, "/api/invites/accept", token, "new@northwind.example")
    assert joined.status_code == 201, joined.text
    assert joined.json()["role"] == "curator"

    listed = client.get("/api/invites", headers=admin.headers).json()["items"]
    assert listed[0]["status"] == "used"
    assert listed[0]["used_by"]["name"] == "New Person"
    assert "url" not in listed[0] and token not in str(listed)
    assert (
        signup(client, "/api/invites/accept", token, "third@northwind.example").status_code == 404
    )


def test_invite_bound_to_an_address(client, admin):
    created = client.post(
        "/api/invites", headers=admin.headers, json={"email": "Ana@Northwind.example"}
    ).json()
    token = created["url"].rsplit("/", 1)[1]
    wrong = signup(client, "/api/invites/accept", token, "someone@else.example")
    assert wrong.status_code == 422
    assert "ana@northwind.example" in wrong.json()["detail"]
    assert signup(client, "/api/invites/accept", token, "ana@northwind.example").status_code == 201


def test_invite_for_an_existing_account_is_refused(client, admin, member):
    response = client.post("/api/invites", headers=admin.headers, json={"email": member.email})
    assert response.status_code == 409


def test_revoked_and_expired_invites_do_not_work(client, session, admin):
    revoked = client.post("/api/invites", headers=admin.headers, json={}).json()
    assert client.delete(f"/api/invites/{revoked['id']}", headers=admin.headers).status_code == 204
    token = revoked["url"].rsplit("/", 1)[1]
    assert client.get(f"/api/invites/{token}").status_code == 404

    short = client.post("/api/invites", headers=admin.headers, json={"days": 1}).json()
    row = session.get(Invite, short["id"])
    assert row is not None
    row.expires_at = utcnow() - timedelta(minutes=1)
    session.add(row)
    session.commit()
    token = short["url"].rsplit("/", 1)[1]
    assert signup(client, "/api/invites/accept", token, "late@northwind.example").status_code == 404
    statuses = {
        i["id"]: i["status"]
        for i in client.get("/api/invites", headers=admin.headers).json()["items"]
    }
    assert statuses == {revoked["id"]: "revoked", short["id"]: "expired"}


def test_only_admins_manage_invites(client, member, curator):
    assert client.post("/api/invites", json={}).status_code == 401
    for person in (member, curator):
        assert client.post("/api/invites", headers=person.headers, json={}).status_code == 403
        assert client.get("/api/invites", headers=person.headers).status_code == 403
        assert client.delete("/api/invites/1", headers=person.headers).status_code == 403


def test_signup_validates_its_input(client, admin):
    token = (
        client.post("/api/invites", headers=admin.headers, json={}).json()["url"].rsplit("/", 1)[1]
    )
    short = signup(client, "/api/invites/accept", token, "x@northwind.example", password="short")
    assert short.status_code == 422
    zone = signup(client, "/api/invites/accept", token, "x@northwind.example", timezone="Mars/Base")
    assert zone.status_code == 422 and "time zone" in zone.json()["detail"]
    extra = signup(client, "/api/invites/accept", token, "x@northwind.example", role="admin")
    assert extra.status_code == 422  # nobody picks their own role
    # none of those used the link up
    assert signup(client, "/api/invites/accept", token, "x@northwind.example").status_code == 201


def test_signup_with_a_taken_address_keeps_the_link(client, admin, member):
    token = (
        client.post("/api/invites", headers=admin.headers, json={}).json()["url"].rsplit("/", 1)[1]
    )
    taken = signup(client, "/api/invites/accept", token, member.email)
    assert taken.status_code == 409
    assert client.get(f"/api/invites/{token}").status_code == 200


def test_only_hashes_of_links_are_stored(client, session, admin):
    url = client.post("/api/invites", headers=admin.headers, json={}).json()["url"]
    token = url.rsplit("/", 1)[1]
    for row in session.exec(select(Invite)):
        assert token not in row.token_hash
    assert session.exec(select(Invite).where(Invite.token_hash == token_hash(token))).one()


def test_invite_links_use_the_public_url_when_set(client, admin, monkeypatch):
    from core.settings import get_settings

    settings = get_settings()
    monkeypatch.setattr(settings, "public_url", "https://tipoff.northwind.example")
    url = client.post("/api/invites", headers=admin.headers, json={}).json()["url"]
    assert url.startswith("https://tipoff.northwind.example/join/inv_")
