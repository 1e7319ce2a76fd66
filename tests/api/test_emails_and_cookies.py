"""Emails have one normal form everywhere (NFKC, IDNA, lower case); the CSRF cookie is
Secure under https."""

from __future__ import annotations

import pytest


def test_lookalike_addresses_cannot_register_twice(session):
    from core.errors import Conflict
    from core.people import accounts

    accounts.create_user(session, email="u@example.com", name="U")
    with pytest.raises(Conflict):
        accounts.create_user(session, email="\uff55@example.com", name="Fullwidth U")
    with pytest.raises(Conflict):
        accounts.create_user(session, email="U@EXAMPLE.COM", name="Shouting U")


def test_sign_in_uses_the_same_normal_form_as_sign_up(client, make_user):
    person = make_user(email="zoë@bücher.example", password="correct horse battery")
    for typed in [
        "ZOË@BÜCHER.EXAMPLE",
        "zoe\u0308@bu\u0308cher.example",
        "zoë@xn--bcher-kva.example",
    ]:
        response = client.post(
            "/api/auth/login", json={"email": typed, "password": "correct horse battery"}
        )
        assert response.status_code == 200, (typed, response.text)
        assert response.json()["email"] == person.email


def test_invites_use_the_same_normal_form(session, make_user):
    from core.errors import Conflict
    from core.models.invite import InviteCreate
    from core.people import accounts, invites

    admin = accounts.get_user_by_email(session, make_user("admin").email)
    accounts.create_user(session, email="u@example.com", name="U")
    with pytest.raises(Conflict):
        invites.create_invite(
            session, admin, InviteCreate(email="\uff35@example.com"), base_url="http://x"
        )


def test_csrf_cookie_is_secure_under_https(app, monkeypatch):
    from fastapi.testclient import TestClient

    from api.hardening import harden
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "public_url", "https://tips.example.com")
    with TestClient(harden(app, "secret")) as client:
        cookie = client.get("/healthz").headers["set-cookie"]
    assert cookie.startswith("csrftoken=") and "Secure" in cookie
    monkeypatch.setattr(get_settings(), "public_url", "http://127.0.0.1:8000")
    with TestClient(harden(app, "secret")) as client:
        assert "Secure" not in client.get("/healthz").headers["set-cookie"]
