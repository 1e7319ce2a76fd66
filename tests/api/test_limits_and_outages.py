"""Bodies capped on the stream, proxies trusted only when named, the database's trouble
answered honestly (503 + Retry-After, 507), and nothing secret in the log."""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from urllib.parse import urlsplit

import httpx
import pytest

from tests.api.live import live_server
from tests.conftest import TEST_DB

SECRET = "test-secret-key-not-for-production"


def _bare_app():
    from api.hardening import harden
    from app.main import create_fastapi

    return harden(create_fastapi(run_scheduler=False), SECRET)


def _chunked_upload(base: str, path: str, total: int, headers: dict[str, str]) -> tuple[int, int]:
    """Send ``total`` bytes chunked over a raw socket; return (status, bytes sent when the
    answer came)."""
    url = urlsplit(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=10)
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    sock.sendall(head.encode())
    chunk = b"x" * 65536
    sent = 0
    sock.setblocking(False)
    answer = b""
    try:
        while sent < total:
            with contextlib.suppress(BlockingIOError):
                answer += sock.recv(4096)
            if answer:
                break
            try:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                time.sleep(0.01)
                continue
            sent += len(chunk)
        sock.setblocking(True)
        while b"\r\n" not in answer:
            more = sock.recv(4096)
            if not more:
                break
            answer += more
    finally:
        sock.close()
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, sent


@pytest.mark.parametrize("with_cookie", [False, True], ids=["anonymous", "form-with-csrf-cookie"])
def test_a_chunked_body_over_the_cap_is_413_as_soon_as_it_passes(engine, with_cookie):
    headers = {"Content-Type": "application/json"}
    if with_cookie:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "csrftoken=abc; tipoff_session=x",
        }
    with live_server(_bare_app()) as base:
        status, sent = _chunked_upload(base, "/api/tips", 200 * 1024 * 1024, headers)
    assert status == 413
    assert sent < 8 * 1024 * 1024  # stopped near the 1 MiB cap, not after 200 MB


def test_a_declared_length_over_the_cap_is_413_unread(engine):
    with live_server(_bare_app()) as base:
        response = httpx.post(
            base + "/api/tips",
            content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 413 and response.json()["detail"]


def test_forwarded_for_is_ignored_unless_the_proxy_is_trusted(engine):
    from cli.main import proxy_options
    from core import ratelimit

    assert proxy_options("") == {"proxy_headers": False}
    assert proxy_options(" 10.0.0.1, 10.1.0.0/16 ") == {
        "proxy_headers": True,
        "forwarded_allow_ips": ["10.0.0.1", "10.1.0.0/16"],
    }
    ratelimit.reset()
    with live_server(_bare_app(), **proxy_options("")) as base:
        statuses = [
            httpx.post(
                base + "/api/auth/login",
                json={"email": "victim@example.com", "password": "guess-guess"},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            ).status_code
            for n in range(12)
        ]
    assert statuses[:10] == [401] * 10
    assert statuses[10:] == [429, 429]  # a new X-Forwarded-For per try does not help


def test_a_trusted_proxy_gives_the_real_client_address(engine):
    from core import ratelimit

    ratelimit.reset()
    with live_server(_bare_app(), proxy_headers=True, forwarded_allow_ips=["127.0.0.1"]) as base:
        statuses = [
            httpx.post(
                base + "/api/auth/login",
                json={"email": "victim@example.com", "password": "guess-guess"},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            ).status_code
            for n in range(12)
        ]
    assert statuses == [401] * 12  # each real client has its own budget


# --- the database in trouble --------------------------------------------------------


@pytest.fixture
def dead_database(monkeypatch):
    """Point the app at a PostgreSQL that is not there (nothing listens on port 1)."""
    from core import db, health

    dead = db.make_engine("postgresql://nobody@127.0.0.1:1/none")
    monkeypatch.setattr(db, "get_engine", lambda: dead)
    monkeypatch.setattr(health, "get_engine", lambda: dead)
    health.forget()
    yield dead
    dead.dispose()
    health.forget()


def test_an_unreachable_database_is_503_json_with_retry_after(dead_database, caplog):
    from fastapi.testclient import TestClient

    with caplog.at_level(logging.INFO), TestClient(_bare_app()) as client:
        read = client.get("/api/tips", headers={"Authorization": "Bearer tip_" + "x" * 40})
        client.cookies.clear()  # no CSRF cookie: this is an API client
        write = client.post(
            "/api/auth/login", json={"email": "a@example.com", "password": "whatever1"}
        )
        health = client.get("/healthz")
    for response in (read, write, health):
        assert response.status_code == 503, response.text
        assert response.headers["retry-after"]
        assert response.json()["detail"]
    assert "Traceback" not in caplog.text
    assert len([r for r in caplog.records if r.name == "tipoff.db"]) <= 1  # throttled


@pytest.mark.skipif(TEST_DB != "postgres", reason="a TCP outage needs a network database")
def test_the_server_recovers_by_itself_when_postgres_comes_back(monkeypatch):
    """Stop and restart a loopback TCP relay in front of PostgreSQL (never the shared
    server itself): 503 while it is gone, 200 again once it is back."""
    from core import db, health
    from tests.api.relay import Relay
    from tests.push.freshdb import fresh_database

    with fresh_database("postgres") as (url, _engine):
        relay = Relay(url)
        relay.start()
        engine = db.make_engine(relay.url)
        monkeypatch.setattr(db, "get_engine", lambda: engine)
        monkeypatch.setattr(health, "get_engine", lambda: engine)
        health.forget()
        from fastapi.testclient import TestClient

        try:
            with TestClient(_bare_app()) as client:
                assert client.get("/healthz").status_code == 200
                assert client.get("/api/tips").status_code == 401  # reached the database
                relay.stop()
                health.forget()
                down = client.get("/api/tips", headers={"Authorization": "Bearer tip_x"})
                assert down.status_code == 503 and down.headers["retry-after"]
                assert client.get("/healthz").status_code == 503
                relay.start()
                health.forget()
                assert client.get("/healthz").status_code == 200
                back = client.get("/api/tips", headers={"Authorization": "Bearer tip_x"})
                assert back.status_code == 401  # answered by the database again
        finally:
            relay.stop()
            engine.dispose()
            health.forget()


@pytest.mark.skipif(TEST_DB != "sqlite", reason="SQLite's page limit simulates a full disk")
def test_a_full_disk_is_507_with_a_clear_message(tmp_path, monkeypatch):
    from sqlalchemy import event, text

    from core import db
    from core.migrate import upgrade
    from core.people import accounts

    engine = db.make_engine(f"sqlite:///{tmp_path / 'full.db'}")
    upgrade(engine)
    with db.session_scope(engine) as session:
        user = accounts.create_user(session, email="full@example.com", name="Full")
        token = accounts.create_api_token(session, user)
    with engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar()

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    monkeypatch.setattr(db, "get_engine", lambda: engine)
    from fastapi.testclient import TestClient

    with TestClient(_bare_app()) as client:
        response = client.post(
            "/api/tips",
            json={"body": "wordy " * 330, "tags": [f"tag{n}" for n in range(10)]},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert response.status_code == 507, response.text
    assert "storage is full" in response.json()["detail"]
    engine.dispose()


# --- logs ----------------------------------------------------------------------------


def test_sql_parameters_never_reach_errors_or_logs(engine, caplog):
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from core.logs import RedactingFilter, describe
    from core.security import hash_password

    secret_hash = hash_password("correct horse battery")
    with pytest.raises(IntegrityError) as caught, engine.connect() as connection:
        connection.execute(
            text('INSERT INTO "user" (id, email, password_hash) VALUES (:i, :e, :p)'),
            {"i": 1, "e": None, "p": secret_hash},
        )
    assert secret_hash not in str(caught.value)
    assert secret_hash not in describe(caught.value)
    record = logging.LogRecord("t", logging.ERROR, "", 0, "failed: %s", (secret_hash,), None)
    RedactingFilter().filter(record)
    assert secret_hash not in record.getMessage()
    digest = "a" * 64
    record = logging.LogRecord("t", logging.ERROR, "", 0, f"token hash {digest}", None, None)
    RedactingFilter().filter(record)
    assert digest not in record.getMessage()


def test_an_unexpected_error_is_one_line_with_a_request_id(browser_client, caplog, monkeypatch):
    from api.routes import health

    def boom():
        raise RuntimeError("kaput $argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA")

    monkeypatch.setattr(health.health, "check", boom)
    with caplog.at_level(logging.INFO):
        response = browser_client.get("/healthz", headers={"X-Request-ID": "req-abc123"})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; it has been logged"}
    assert response.headers["x-request-id"] == "req-abc123"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is None
    assert "RuntimeError: kaput" in errors[0].getMessage()
    assert "$argon2id$" not in caplog.text and "c2FsdA" not in caplog.text
    assert "Traceback" not in caplog.text
