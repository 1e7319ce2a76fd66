"""Sign-in, session cookies, CSRF and API tokens."""

from __future__ import annotations

PASSWORD = "correct horse battery"


def login(client, person, password=PASSWORD):
    return client.post("/api/auth/login", json={"email": person.email, "password": password})


def test_login_sets_a_safe_session_cookie(browser_client, member):
    response = login(browser_client, member)
    assert response.status_code == 200, response.text
    cookie = response.headers["set-cookie"]
    assert (
        "tipoff_session=" in cookie
        and "HttpOnly" in cookie
        and "SameSite=lax" in cookie.replace("Lax", "lax")
    )
    assert browser_client.get("/api/me").json()["email"] == member.email


def test_wrong_password_and_unknown_user_look_the_same(client, member):
    wrong = login(client, member, "wrong password")
    unknown = client.post(
        "/api/auth/login", json={"email": "nobody@x.example", "password": "whatever1"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_login_is_rate_limited(client, member, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "rate_limit_login", "3/minute")
    for _ in range(3):
        assert login(client, member, "wrong password").status_code == 401
    assert login(client, member).status_code == 429


def test_cookie_writes_need_the_csrf_token(browser_client, member):
    assert login(browser_client, member).status_code == 200  # first request: no cookies yet
    blocked = browser_client.post("/api/tips", json={"body": "no token"})
    assert blocked.status_code == 403 and "CSRF" in blocked.json()["detail"]
    token = browser_client.cookies.get("csrftoken")
    assert token
    allowed = browser_client.post(
        "/api/tips", json={"body": "with token"}, headers={"X-CSRFToken": token}
    )
    assert allowed.status_code == 201, allowed.text
    patch = browser_client.patch("/api/me", json={"lead_minutes": 45})
    assert patch.status_code == 403


def test_bearer_requests_skip_csrf(browser_client, member):
    response = browser_client.post("/api/tips", headers=member.headers, json={"body": "via token"})
    assert response.status_code == 201


def test_logout_ends_the_session(browser_client, member):
    login(browser_client, member)
    token = browser_client.cookies.get("csrftoken")
    assert (
        browser_client.post("/api/auth/logout", headers={"X-CSRFToken": token}).status_code == 204
    )
    browser_client.cookies.delete("tipoff_session")
    assert browser_client.get("/api/me").status_code == 401


def test_revoked_token_is_refused(client, member, session):
    from core.people import accounts

    user = accounts.get_user_by_email(session, member.email)
    accounts.revoke_api_tokens(session, user)
    session.commit()
    response = client.get("/api/me", headers=member.headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


def test_tokens_are_stored_hashed(session, member):
    from sqlmodel import select

    from core.models import ApiToken

    stored = [row.token_hash for row in session.exec(select(ApiToken))]
    assert member.token not in stored and all(len(h) == 64 for h in stored)


def test_passwords_are_argon2(session, member):
    from core.people import accounts

    user = accounts.get_user_by_email(session, member.email)
    assert user.password_hash and user.password_hash.startswith("$argon2")
