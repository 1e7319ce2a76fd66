"""People admin over the API: list, role, deactivate, erase; the audit log; my own
password, export and erasure. Mail goes to a real SMTP server on loopback."""

from __future__ import annotations

import csv
import io

import pytest
from sqlmodel import select

from core.models import AuditEvent, Role, Tip, User
from core.notifications.mail_outbox import deliver_due_mail

PASSWORD = "correct horse battery"


def actions(session) -> list[str]:
    return [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]


def test_admins_list_people(client, admin, member, curator):
    response = client.get("/api/users", headers=admin.headers)
    assert response.status_code == 200
    items = {i["email"]: i for i in response.json()["items"]}
    assert set(items) >= {admin.email, member.email, curator.email}
    one = items[member.email]
    assert set(one) == {
        "id",
        "email",
        "name",
        "role",
        "active",
        "auth",
        "last_seen_at",
        "created_at",
    }
    assert (one["role"], one["active"], one["auth"]) == ("member", True, "password")
    found = client.get("/api/users", params={"q": member.name.upper()}, headers=admin.headers)
    assert [i["email"] for i in found.json()["items"]] == [member.email]


def test_role_and_name_changes_are_audited_with_the_client_address(client, session, admin, member):
    response = client.patch(
        f"/api/users/{member.id}",
        headers=admin.headers,
        json={"role": "curator", "name": "M. Ember"},
    )
    assert response.status_code == 200, response.text
    assert (response.json()["role"], response.json()["name"]) == ("curator", "M. Ember")
    events = session.exec(select(AuditEvent).where(AuditEvent.actor_id == admin.id)).all()
    assert {e.action for e in events} == {"user.role", "user.rename"}
    assert all(e.client == "testclient" for e in events)


def test_deactivation_over_the_api_locks_them_out_at_once(client, admin, member):
    assert client.get("/api/me", headers=member.headers).status_code == 200
    response = client.patch(
        f"/api/users/{member.id}", headers=admin.headers, json={"active": False}
    )
    assert response.status_code == 200 and response.json()["active"] is False
    assert client.get("/api/me", headers=member.headers).status_code == 401
    login = client.post("/api/auth/login", json={"email": member.email, "password": PASSWORD})
    assert login.status_code == 401 and "deactivated" in login.json()["detail"]
    client.patch(f"/api/users/{member.id}", headers=admin.headers, json={"active": True})
    login = client.post("/api/auth/login", json={"email": member.email, "password": PASSWORD})
    assert login.status_code == 200


def test_the_last_active_admin_is_a_409_with_a_message(client, admin):
    for change in ({"role": "member"}, {"active": False}):
        response = client.patch(f"/api/users/{admin.id}", headers=admin.headers, json=change)
        assert response.status_code == 409
        assert "last active admin" in response.json()["detail"]
    assert client.delete(f"/api/users/{admin.id}", headers=admin.headers).status_code == 409


def test_bad_input_is_a_clear_4xx(client, admin):
    assert client.patch("/api/users/999999", headers=admin.headers, json={}).status_code == 404
    bad_role = client.patch(f"/api/users/{admin.id}", headers=admin.headers, json={"role": "god"})
    assert bad_role.status_code == 422
    extra = client.patch(f"/api/users/{admin.id}", headers=admin.headers, json={"email": "x@y.z"})
    assert extra.status_code == 422


def test_an_admin_erases_someone(client, session, admin, member):
    tip = client.post("/api/tips", headers=member.headers, json={"body": "Ask about the audit."})
    response = client.delete(f"/api/users/{member.id}", headers=admin.headers)
    assert response.status_code == 204
    assert member.email not in [
        i["email"] for i in client.get("/api/users", headers=admin.headers).json()["items"]
    ]
    shown = client.get(f"/api/tips/{tip.json()['id']}", headers=admin.headers).json()
    assert shown["author"]["name"] == "a former colleague"
    assert "user.erase" in actions(session)
    assert client.delete(f"/api/users/{member.id}", headers=admin.headers).status_code == 404


def test_admin_erasure_can_delete_the_tips(client, session, admin, member):
    tip = client.post("/api/tips", headers=member.headers, json={"body": "Ask about the audit."})
    client.delete(f"/api/users/{member.id}?delete_tips=true", headers=admin.headers)
    assert client.get(f"/api/tips/{tip.json()['id']}", headers=admin.headers).status_code == 404


# --- audit log ---------------------------------------------------------------------


def test_the_audit_log_pages_and_downloads(client, session, admin, member):
    for role in ("curator", "member", "curator"):
        client.patch(f"/api/users/{member.id}", headers=admin.headers, json={"role": role})
    first = client.get("/api/audit", params={"limit": 2}, headers=admin.headers).json()
    assert [e["detail"]["to"] for e in first["items"]] == ["curator", "member"]
    rest = client.get(
        "/api/audit", params={"cursor": first["next_cursor"]}, headers=admin.headers
    ).json()
    assert (
        rest["items"][0]["detail"]["to"] == "curator"
        and rest["items"][0]["actor_email"] == admin.email
    )
    download = client.get("/api/audit", params={"format": "csv"}, headers=admin.headers)
    assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [r["action"] for r in rows if r["action"] == "user.role"] == ["user.role"] * 3
    assert "audit.export" in actions(session)
    assert (
        client.get("/api/audit", params={"cursor": "junk"}, headers=admin.headers).status_code
        == 422
    )


def test_the_audit_log_has_no_write_routes(app):
    methods = {
        m for p, ops in app.openapi()["paths"].items() if p.startswith("/api/audit") for m in ops
    }
    assert methods == {"get"}


def test_curators_editing_others_tips_and_moderating_are_audited(client, session, member, curator):
    tip_id = client.post("/api/tips", headers=member.headers, json={"body": "advice"}).json()["id"]
    client.patch(f"/api/tips/{tip_id}", headers=member.headers, json={"body": "own edit"})
    client.patch(f"/api/tips/{tip_id}", headers=curator.headers, json={"body": "curated"})
    client.post(f"/api/moderation/{tip_id}", headers=curator.headers, json={"action": "remove"})
    assert actions(session) == ["tip.edit", "moderation.remove"]  # the author's own edit is not


def test_curator_deleting_others_tip_is_audited(client, session, member, curator):
    tip_id = client.post("/api/tips", headers=member.headers, json={"body": "advice"}).json()["id"]
    assert client.delete(f"/api/tips/{tip_id}", headers=curator.headers).status_code == 204
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "tip.delete")).one()
    assert event.target == f"tip:{tip_id}" and event.detail == {"author_id": member.id}


# --- me -----------------------------------------------------------------------------


def test_changing_my_password(client, member):
    wrong = client.post(
        "/api/me/password",
        headers=member.headers,
        json={"current_password": "nope", "new_password": "a new password"},
    )
    assert wrong.status_code == 403
    short = client.post(
        "/api/me/password",
        headers=member.headers,
        json={"current_password": PASSWORD, "new_password": "short"},
    )
    assert short.status_code == 422
    ok = client.post(
        "/api/me/password",
        headers=member.headers,
        json={"current_password": PASSWORD, "new_password": "a new password"},
    )
    assert ok.status_code == 204
    login = client.post(
        "/api/auth/login", json={"email": member.email, "password": "a new password"}
    )
    assert login.status_code == 200


def test_changing_my_password_signs_out_my_other_browsers(app, browser_client, member):
    from fastapi.testclient import TestClient

    other = TestClient(app)
    assert (
        other.post(
            "/api/auth/login", json={"email": member.email, "password": PASSWORD}
        ).status_code
        == 200
    )
    browser_client.post("/api/auth/login", json={"email": member.email, "password": PASSWORD})
    csrf = {"X-CSRFToken": browser_client.cookies.get("csrftoken")}
    browser_client.get("/api/me")
    csrf = {"X-CSRFToken": browser_client.cookies.get("csrftoken")}
    response = browser_client.post(
        "/api/me/password",
        headers=csrf,
        json={"current_password": PASSWORD, "new_password": "a new password"},
    )
    assert response.status_code == 204, response.text
    assert browser_client.get("/api/me").status_code == 200  # this browser stays
    assert other.get("/api/me").status_code == 401  # the other one is out


def test_my_export_has_everything_but_secrets(client, session, member):
    client.post(
        "/api/tips", headers=member.headers, json={"body": "Bring the NDA.", "tags": ["legal"]}
    )
    response = client.get("/api/me/export", headers=member.headers)
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert set(data) >= {
        "profile",
        "tips",
        "votes",
        "flags",
        "calendars",
        "meetings",
        "devices",
        "feedback",
    }
    assert data["profile"]["email"] == member.email
    assert data["tips"][0]["body"] == "Bring the NDA."
    assert "password" not in response.text and member.token not in response.text
    assert "user.export" in actions(session)


def test_erasing_myself_needs_my_password(client, session, member):
    assert client.request("DELETE", "/api/me", headers=member.headers, json={}).status_code == 403
    wrong = client.request("DELETE", "/api/me", headers=member.headers, json={"password": "nope"})
    assert wrong.status_code == 403
    ok = client.request("DELETE", "/api/me", headers=member.headers, json={"password": PASSWORD})
    assert ok.status_code == 204
    assert client.get("/api/me", headers=member.headers).status_code == 401
    assert session.get(User, member.id).name == "a former colleague"


def test_the_last_admin_cannot_erase_themselves(client, admin):
    response = client.request(
        "DELETE", "/api/me", headers=admin.headers, json={"password": PASSWORD}
    )
    assert response.status_code == 409


# --- forgot password, through a real SMTP server --------------------------------------


@pytest.fixture
def deliver(mail_unit_of_work):
    def run() -> int:
        return deliver_due_mail(unit_of_work=mail_unit_of_work)

    return run


def test_forgot_password_mails_a_one_time_link_that_works(client, member, smtp_server, deliver):
    response = client.post("/api/auth/forgot", json={"email": member.email.upper()})
    assert response.status_code == 202
    unknown = client.post("/api/auth/forgot", json={"email": "nobody@northwind.example"})
    assert unknown.status_code == 202 and unknown.json() == response.json()
    assert deliver() == 1  # only the real account got mail
    [mail] = smtp_server.wait_for(1)
    assert mail.recipients == [member.email]
    [link] = mail.links()
    assert "/reset/pwr_" in link and link in mail.html
    token = link.rsplit("/", 1)[1]
    # The PWA page behind the link, then the reset itself.
    page = client.get(f"/reset/{token}")
    assert page.status_code == 200 and "new password" in page.text.lower()
    reset = client.post(
        "/api/auth/reset", json={"token": token, "new_password": "brand new password"}
    )
    assert reset.status_code == 200, reset.text
    assert "tipoff_session" in reset.headers["set-cookie"]
    assert (
        client.post(
            "/api/auth/reset", json={"token": token, "new_password": "another one!"}
        ).status_code
        == 404
    )
    old = client.post("/api/auth/login", json={"email": member.email, "password": PASSWORD})
    assert old.status_code == 401
    new = client.post(
        "/api/auth/login", json={"email": member.email, "password": "brand new password"}
    )
    assert new.status_code == 200


def test_forgot_password_is_rate_limited(client, member, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "rate_limit_password_reset", "2/hour")
    for _ in range(2):
        assert client.post("/api/auth/forgot", json={"email": member.email}).status_code == 202
    assert client.post("/api/auth/forgot", json={"email": member.email}).status_code == 429


def test_reset_with_a_bad_token_is_404(client):
    response = client.post(
        "/api/auth/reset", json={"token": "pwr_nonsense_token", "new_password": "long enough"}
    )
    assert response.status_code == 404


def test_no_reset_mail_for_a_deactivated_account(
    client, session, admin, member, smtp_server, deliver
):
    client.patch(f"/api/users/{member.id}", headers=admin.headers, json={"active": False})
    assert client.post("/api/auth/forgot", json={"email": member.email}).status_code == 202
    assert deliver() == 0


def test_reset_links_use_the_public_url_not_the_host_header(
    client, member, smtp_server, deliver, monkeypatch
):
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "public_url", "https://tips.northwind.example")
    client.post("/api/auth/forgot", json={"email": member.email}, headers={"Host": "evil.example"})
    deliver()
    [mail] = smtp_server.wait_for(1)
    assert mail.links()[0].startswith("https://tips.northwind.example/reset/pwr_")


# --- invites by email -------------------------------------------------------------------


def test_an_invite_by_email_arrives_and_its_link_signs_up(
    client, session, admin, smtp_server, deliver
):
    response = client.post(
        "/api/invites",
        headers=admin.headers,
        json={"email": "new.hire@northwind.example", "role": "curator"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["emailed"] is True
    deliver()
    [mail] = smtp_server.wait_for(1)
    assert mail.recipients == ["new.hire@northwind.example"]
    assert admin.name in mail.message["Subject"]
    [link] = mail.links()
    token = link.rsplit("/", 1)[1]
    assert client.get(f"/join/{token}").status_code == 200
    joined = client.post(
        "/api/invites/accept",
        json={
            "token": token,
            "email": "new.hire@northwind.example",
            "name": "New Hire",
            "password": "a long password",
        },
    )
    assert joined.status_code == 201 and joined.json()["role"] == "curator"
    assert "invite.create" in actions(session)


def test_bulk_invite_answers_per_address(client, session, admin, member, smtp_server, deliver):
    response = client.post(
        "/api/invites/bulk",
        headers=admin.headers,
        json={
            "emails": [
                "one@northwind.example",
                " Two@Northwind.example ",
                "one@northwind.example",
                member.email,
                "not an address",
                "",
            ]
        },
    )
    assert response.status_code == 200, response.text
    results = [(r["email"], r["status"]) for r in response.json()["results"]]
    assert results == [
        ("one@northwind.example", "sent"),
        ("two@northwind.example", "sent"),
        (member.email, "already_member"),
        ("not an address", "invalid"),
    ]
    deliver()
    assert sorted(m.recipients[0] for m in smtp_server.wait_for(2)) == [
        "one@northwind.example",
        "two@northwind.example",
    ]
    assert actions(session).count("invite.create") == 2


def test_bulk_invite_limits(client, admin):
    assert (
        client.post("/api/invites/bulk", headers=admin.headers, json={"emails": []}).status_code
        == 422
    )
    many = [f"p{n}@northwind.example" for n in range(501)]
    assert (
        client.post("/api/invites/bulk", headers=admin.headers, json={"emails": many}).status_code
        == 422
    )


def test_revoking_an_invite_is_audited(client, session, admin):
    invite = client.post("/api/invites", headers=admin.headers, json={}).json()
    assert invite["emailed"] is False
    assert client.delete(f"/api/invites/{invite['id']}", headers=admin.headers).status_code == 204
    assert actions(session) == ["invite.create", "invite.revoke"]


def test_roles_stay_enums(session, make_user):
    person = make_user("curator")
    assert session.get(User, person.id).role == Role.curator
    assert session.exec(select(Tip)).all() == []


def test_last_seen_is_kept_on_writes_without_dirtying_the_session(client, session, member):
    from core.models import User

    client.post("/api/tips", headers=member.headers, json={"body": "advice"})
    session.expire_all()
    seen = session.get(User, member.id).last_seen_at
    assert seen is not None
    listed = client.get("/api/users", headers=member.headers)
    assert listed.status_code == 403
