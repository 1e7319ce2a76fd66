"""Health, metrics, docs, error shape and security headers."""

from __future__ import annotations


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_healthz_503_when_the_database_is_down(client, monkeypatch):
    from core import health

    monkeypatch.setattr(health, "check", lambda: health.Health(False, "down"))
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["detail"] == "down"
    assert response.headers["retry-after"]


def test_healthz_really_asks_the_database(monkeypatch):
    from core.db import database_answers, make_engine

    dead = make_engine("postgresql://nobody@127.0.0.1:1/none", pool_pre_ping=False)
    assert database_answers(dead) is False


def test_metrics_count_requests_by_route_template(client, member, admin):
    client.get("/api/tips/12345", headers=member.headers)
    text = client.get("/metrics", headers=admin.headers).text
    assert (
        'tipoff_http_requests_total{method="GET",route="/api/tips/{tip_id}",status="404"}' in text
    )
    assert "tipoff_http_request_duration_seconds_bucket" in text
    assert "/api/tips/12345" not in text


def test_openapi_and_docs(client, admin):
    assert client.get("/openapi.json", headers=admin.headers).json()["info"]["title"] == "Tipoff"
    assert client.get("/docs", headers=admin.headers).status_code == 200
    assert client.get("/redoc", headers=admin.headers).status_code == 200


def test_operator_pages_need_an_admin_or_the_metrics_token(client, member, admin, monkeypatch):
    from pydantic import SecretStr

    from core.settings import get_settings

    paths = ("/metrics", "/docs", "/redoc", "/openapi.json")
    for path in paths:
        assert client.get(path).status_code == 401
        assert client.get(path, headers=member.headers).status_code == 403
        assert client.get(path, headers=admin.headers).status_code == 200
        assert client.get(path, headers={"Authorization": "Bearer nope"}).status_code == 401
    monkeypatch.setattr(get_settings(), "metrics_token", SecretStr("scrape-me-please"))
    scrape = {"Authorization": "Bearer scrape-me-please"}
    assert all(client.get(path, headers=scrape).status_code == 200 for path in paths)
    monkeypatch.setattr(get_settings(), "public_metrics", True)
    assert all(client.get(path).status_code == 200 for path in paths)


def test_errors_are_json_with_detail(client):
    for response in (
        client.get("/api/nowhere"),
        client.get("/api/me"),
        client.post("/api/auth/login", json=[]),
    ):
        assert response.headers["content-type"].startswith("application/json")
        assert "detail" in response.json()


def test_oversized_bodies_are_refused_before_reading(client, member):
    response = client.post(
        "/api/tips",
        headers={**member.headers, "content-type": "application/json"},
        content=b"x" * (2 * 1024 * 1024),
    )
    assert response.status_code == 413


def test_security_headers(client):
    headers = client.get("/healthz").headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "script-src 'self'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_log_redaction():
    from core.logs import redact

    line = redact(
        "fetch https://cal.example/feed.ics?token=abc and tip_" + "a" * 30 + " https://u:p@h/x"
    )
    assert "abc" not in line and "a" * 30 not in line and "u:p" not in line
