"""The authorisation matrix.

Every /api route answers 401 to an anonymous caller unless it is on the short
public list below, which is checked too. Role and ownership rules per route
follow: another member gets 403 (or 404 where existence itself is private) and
curators are allowed where the issue says so.
"""

from __future__ import annotations

import re

import pytest

# Routes anyone may call, with why.
PUBLIC_ROUTES = {
    ("POST", "/api/auth/login"),  # how you become non-anonymous
    ("POST", "/api/auth/forgot"),  # "forgot password": 202 whoever asks, rate-limited
    ("POST", "/api/auth/reset"),  # the mailed one-time link is the credential
    ("GET", "/api/push/key"),  # the VAPID public key is public by design
    # sign-up through a one-time link: the link is the credential
    ("GET", "/api/invites/{token}"),
    ("POST", "/api/invites/accept"),
    ("GET", "/api/setup/{token}"),
    ("POST", "/api/setup"),
    ("POST", "/api/push/receipts"),  # the service worker's receipt: the token is the proof
}
PUBLIC_PREFIXES: tuple[str, ...] = ()


def api_routes(app):
    """Every documented /api operation, read from the OpenAPI schema (the public contract)."""
    for path, operations in app.openapi()["paths"].items():
        if path.startswith("/api/"):
            for method in operations:
                yield method.upper(), path


def is_public(method: str, path: str) -> bool:
    return (method, path) in PUBLIC_ROUTES or path.startswith(PUBLIC_PREFIXES)


def test_every_private_route_refuses_anonymous_callers(client, app):
    checked = 0
    for method, path in api_routes(app):
        if is_public(method, path):
            continue
        url = re.sub(r"\{[^}]+\}", "1", path)
        response = client.request(method, url, json={})
        assert response.status_code == 401, f"{method} {path} answered {response.status_code}"
        assert response.json()["detail"]
        checked += 1
    assert checked >= 10


def test_public_routes_are_few_and_exist(app):
    routes = set(api_routes(app))
    assert {r for r in routes if is_public(*r)} >= {("POST", "/api/auth/login")}


@pytest.fixture
def tip_of(client):
    def create(person):
        response = client.post("/api/tips", headers=person.headers, json={"body": "advice"})
        assert response.status_code == 201
        return response.json()["id"]

    return create


@pytest.mark.parametrize(
    "method, path, body, member_status, curator_status",
    [
        ("PATCH", "/api/tips/{id}", {"body": "changed"}, 403, 200),
        ("DELETE", "/api/tips/{id}", None, 403, 204),
        ("GET", "/api/tips/{id}/history", None, 403, 200),
        ("GET", "/api/tips/{id}/votes", None, 403, 200),
        ("GET", "/api/tips/{id}/flags", None, 403, 200),
        ("POST", "/api/moderation/{id}", {"action": "restore"}, 403, 200),
        ("GET", "/api/moderation", None, 403, 200),
        ("GET", "/api/tips/{id}", None, 200, 200),
        ("POST", "/api/tips/{id}/vote", None, 200, 200),
    ],
)
def test_another_member_vs_a_curator(
    client, tip_of, member, other_member, curator, method, path, body, member_status, curator_status
):
    for person, expected in ((other_member, member_status), (curator, curator_status)):
        url = path.replace("{id}", str(tip_of(member)))
        response = client.request(method, url, headers=person.headers, json=body)
        assert response.status_code == expected, f"{person.role}: {method} {path}: {response.text}"


# Admin-only routes (issue 15): members and curators get 403, admins succeed.
ADMIN_ONLY = [
    ("GET", "/api/users", None, 200),
    ("PATCH", "/api/users/{member}", {"name": "Renamed"}, 200),
    ("DELETE", "/api/users/{member}", None, 204),
    ("GET", "/api/audit", None, 200),
    ("GET", "/api/audit?format=csv", None, 200),
    ("POST", "/api/invites", {"email": "new@northwind.example"}, 201),
    ("POST", "/api/invites/bulk", {"emails": ["new@northwind.example"]}, 200),
    ("GET", "/api/invites", None, 200),
]


@pytest.mark.parametrize("method, path, body, admin_status", ADMIN_ONLY)
def test_people_admin_is_for_admins_only(
    client, member, other_member, curator, admin, method, path, body, admin_status
):
    url = path.replace("{member}", str(other_member.id))
    for person in (member, curator):
        response = client.request(method, url, headers=person.headers, json=body)
        assert response.status_code == 403, f"{person.role}: {method} {path}: {response.text}"
    response = client.request(method, url, headers=admin.headers, json=body)
    assert response.status_code == admin_status, f"admin: {method} {path}: {response.text}"


@pytest.mark.parametrize(
    "method, path, body, status",
    [
        ("GET", "/api/me/export", None, 200),
        (
            "POST",
            "/api/me/password",
            {"current_password": "correct horse battery", "new_password": "another password"},
            204,
        ),
        ("DELETE", "/api/me", {"password": "correct horse battery"}, 204),
    ],
)
def test_my_data_routes_act_on_me_only(client, member, other_member, method, path, body, status):
    response = client.request(method, path, headers=member.headers, json=body)
    assert response.status_code == status, response.text
    # The other member is untouched and still signed in.
    me = client.get("/api/me", headers=other_member.headers)
    assert me.status_code == 200 and me.json()["email"] == other_member.email


def test_admin_has_curator_rights(client, tip_of, member, admin):
    tip_id = tip_of(member)
    assert (
        client.patch(f"/api/tips/{tip_id}", headers=admin.headers, json={"body": "x"}).status_code
        == 200
    )
    assert client.get("/api/moderation", headers=admin.headers).status_code == 200
