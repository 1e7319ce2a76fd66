"""Hostile input on every write route: NUL bytes and unpaired surrogates are a 422 that
names the field, on both databases alike; bodies that are not JSON are a 415; a blank
bearer token is a 401. Cases found by ``make fuzz`` are kept here as plain tests."""

from __future__ import annotations

import json

import pytest

NUL = "a\u0000b"
SURROGATE = "a\ud800b"

# (method, path, body with BAD where the hostile string goes, the field it names)
WRITES = [
    ("POST", "/api/auth/login", {"email": "BAD", "password": "x" * 10}, "email"),
    ("POST", "/api/auth/login", {"email": "a@example.com", "password": "BAD"}, "password"),
    ("POST", "/api/tips", {"body": "BAD"}, "body"),
    ("POST", "/api/tips", {"title": "BAD", "body": "ok"}, "title"),
    ("POST", "/api/tips", {"body": "ok", "tags": ["fine", "BAD"]}, 1),
    ("POST", "/api/tips", {"body": "ok", "accounts": ["BAD"]}, 0),
    ("PATCH", "/api/tips/1", {"body": "BAD"}, "body"),
    ("POST", "/api/tips/1/flags", {"reason": "BAD"}, "reason"),
    ("PATCH", "/api/me", {"name": "BAD"}, "name"),
    ("PATCH", "/api/me", {"emails": ["BAD"]}, 0),
    ("POST", "/api/invites", {"email": "BAD"}, "email"),
    (
        "POST",
        "/api/invites/accept",
        {"token": "BAD", "email": "a@b.example", "name": "A", "password": "x" * 10},
        "token",
    ),
    (
        "POST",
        "/api/setup",
        {"token": "x" * 20, "email": "a@b.example", "name": "BAD", "password": "x" * 10},
        "name",
    ),
    (
        "POST",
        "/api/devices",
        {"endpoint": "BAD", "keys": {"p256dh": "x", "auth": "y"}},
        "endpoint",
    ),
    (
        "POST",
        "/api/devices",
        {"endpoint": "https://push.example/x", "keys": {"p256dh": "x", "auth": "y"}, "name": "BAD"},
        "name",
    ),
    ("POST", "/api/calendars", {"url": "BAD"}, "url"),
    (
        "POST",
        "/api/calendars",
        {"kind": "caldav", "url": "https://dav.example/", "username": "BAD", "password": "p"},
        "username",
    ),
    ("POST", "/api/compose/preview", {"body": "BAD"}, "body"),
    ("POST", "/api/meetings/1/feedback", {"BAD": 1}, "a"),
    ("POST", "/api/moderation/1", {"action": "BAD"}, "action"),
]


def _with(value: object, bad: str) -> object:
    if value == "BAD":
        return bad
    if isinstance(value, dict):
        return {(bad if k == "BAD" else k): _with(v, bad) for k, v in value.items()}
    if isinstance(value, list):
        return [_with(v, bad) for v in value]
    return value


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "surrogate"])
@pytest.mark.parametrize(("method", "path", "body", "field"), WRITES)
def test_every_write_refuses_nul_and_surrogates(client, admin, method, path, body, field, bad):
    content = json.dumps(_with(body, bad))  # ASCII-escaped: \u0000, \ud800
    response = client.request(
        method,
        path,
        content=content,
        headers={**admin.headers, "content-type": "application/json"},
    )
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail[0]["loc"][0] == "body"
    assert field in detail[0]["loc"] or str(field) in detail[0]["msg"]
    assert "NUL" in detail[0]["msg"]


@pytest.mark.parametrize("query", ["account=%00", "q=a%00b", "tag=%ED%A0%80", "cursor=x%00"])
def test_query_strings_follow_the_same_rule(client, member, query):
    response = client.get(f"/api/tips?{query}", headers=member.headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_the_rule_holds_in_core_too(session, make_user):
    """Imports and the CLI reach core without the HTTP layer."""
    from core.errors import InvalidInput
    from core.models.tip import TipCreate
    from core.people import accounts
    from core.tips.service import create_tip

    author = accounts.get_user_by_email(session, make_user().email)
    with pytest.raises(InvalidInput, match="body"):
        create_tip(session, author, TipCreate(body=NUL))
    with pytest.raises(InvalidInput, match="tags"):
        create_tip(session, author, TipCreate(body="ok", tags=[SURROGATE]))
    with pytest.raises(InvalidInput, match="email"):
        accounts.create_user(session, email="x\u0000@example.com", name="X")


def test_clean_unicode_is_untouched(client, member):
    response = client.post(
        "/api/tips",
        json={"title": "Größe 😀", "body": "naïve café 漢字 \U0001f600", "tags": ["ü"]},
        headers=member.headers,
    )
    assert response.status_code == 201, response.text
    assert response.json()["body"] == "naïve café 漢字 \U0001f600"


@pytest.mark.parametrize(
    "url",
    [
        "https://" + "a" * 64 + ".example/cal.ics",  # IDNA: a label over 63 characters
        "https://exa mple.com/cal.ics",
        "https://xn--/cal.ics",
        "https://[::1/cal.ics",
    ],
)
def test_a_url_the_http_client_refuses_is_a_clear_4xx(client, member, url):
    response = client.post("/api/calendars", json={"url": url}, headers=member.headers)
    assert response.status_code in (400, 422), response.text
    assert isinstance(response.json()["detail"], str)


def test_httpx_invalid_url_becomes_url_refused():
    from core.net import ssrf

    with pytest.raises(ssrf.UrlRefused):
        ssrf.normalise_url("https://exa\u0001mple.com/x".encode().decode("unicode_escape"))


def test_invalid_push_endpoint_is_422(client, member):
    response = client.post(
        "/api/devices",
        json={
            "endpoint": "https://" + "b" * 70 + ".example/p",
            "keys": {"p256dh": "x", "auth": "y"},
        },
        headers=member.headers,
    )
    assert response.status_code == 422, response.text


# --- bodies that are not JSON, blank bearer tokens -----------------------------------


def test_form_and_multipart_posts_are_415_json_with_a_cookie(browser_client, member):
    browser_client.get("/healthz")  # picks up the csrftoken cookie
    browser_client.cookies.set("tipoff_session", "whatever")
    form = browser_client.post(
        "/api/tips", data={"body": "hi", "csrftoken": browser_client.cookies["csrftoken"]}
    )
    assert form.status_code == 415 and form.json()["detail"]
    multipart = browser_client.post(
        "/api/tips", files={"file": ("x.txt", b"hello")}, data={"body": "hi"}
    )
    assert multipart.status_code == 415 and multipart.json()["detail"]
    broken = browser_client.post(
        "/api/tips",
        content=b"--x\r\nbroken",
        headers={"content-type": "multipart/form-data; boundary"},
    )
    assert broken.status_code == 415
    bad_utf8 = browser_client.post(
        "/api/tips",
        content=b"csrftoken=\xff\xfe",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert bad_utf8.status_code == 415


@pytest.mark.parametrize("header", ["Bearer ", "Bearer    ", "bearer \t", "Bearer"])
def test_a_blank_bearer_token_is_401_not_a_cookie_fallback(client, member, header):
    from core.db import session_scope  # noqa: F401 - the session fixture is the test's
    from core.people import accounts

    response = client.get("/api/me", headers={"Authorization": header})
    assert response.status_code == 401
    del accounts


def test_a_blank_bearer_token_does_not_skip_csrf_into_the_cookie(browser_client, session, member):
    from core.people import accounts

    user = accounts.get_user_by_email(session, member.email)
    cookie = accounts.start_web_session(session, user)
    session.commit()
    browser_client.cookies.set("tipoff_session", cookie)
    response = browser_client.post(
        "/api/tips", json={"body": "forged"}, headers={"Authorization": "Bearer  "}
    )
    assert response.status_code == 401


def test_malformed_json_is_a_4xx(client, member):
    response = client.post(
        "/api/tips",
        content=b'{"body": "x\xff"}',
        headers={**member.headers, "content-type": "application/json"},
    )
    assert 400 <= response.status_code < 500
