"""Starting real processes for the live tests: ``tipoff serve``, the OpenID provider, Caddy.

Each runs as a subprocess on loopback with its output collected, and is waited
for until it answers; the caller stops it with ``stop``. Nothing here is a mock:
the OpenID provider is the ``oidc-provider`` npm package (``tests/oidc``, installed
by ``make test``) and the reverse proxy is Debian's ``caddy``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

OIDC_DIR = Path(__file__).resolve().parent / "oidc"


@dataclass
class Process:
    popen: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)

    @property
    def log(self) -> str:
        return "".join(self.output)

    def stop(self) -> None:
        self.popen.terminate()
        try:
            self.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.popen.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(command: list[str], env: dict[str, str], cwd: Path | None = None) -> Process:
    popen = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    process = Process(popen)
    stream = popen.stdout
    assert stream is not None
    threading.Thread(
        target=lambda: process.output.extend(iter(stream.readline, "")), daemon=True
    ).start()
    return process


def wait_until(process: Process, ready: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise RuntimeError(f"{what} exited:\n{process.log}")
        try:
            if ready():
                return
        except (httpx.HTTPError, OSError):
            pass
        time.sleep(0.2)
    process.stop()
    raise RuntimeError(f"{what} did not come up:\n{process.log}")


def tipoff_env(data: Path, **settings: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("TIPOFF_") or k == "TIPOFF_CHROMIUM"
    }
    env.update(
        {
            "TIPOFF_DATA_DIR": str(data),
            "TIPOFF_DATABASE_URL": f"sqlite:///{data / 'tipoff.db'}",
            "TIPOFF_SECRET_KEY": secrets.token_urlsafe(32),
            "TIPOFF_ALLOW_PRIVATE_NETWORKS": "true",
            "TIPOFF_SCHEDULER_POLL_SECONDS": "0.5",
            "TIPOFF_LOG_LEVEL": "WARNING",
        }
    )
    env.update({f"TIPOFF_{k.upper()}": v for k, v in settings.items()})
    return env


def serve_tipoff(env: dict[str, str], port: int) -> Process:
    tipoff = Path(sys.executable).with_name("tipoff")
    process = start([str(tipoff), "serve", "--host", "127.0.0.1", "--port", str(port)], env)
    url = f"http://127.0.0.1:{port}/healthz"
    wait_until(process, lambda: httpx.get(url, timeout=2).status_code == 200, "tipoff serve")
    return process


def oidc_provider(
    port: int, *, client_id: str, client_secret: str, redirect_uri: str, accounts: dict[str, Any]
) -> Process:
    node = shutil.which("node")
    if node is None or not (OIDC_DIR / "node_modules" / "oidc-provider").exists():
        raise RuntimeError("the test OpenID provider is not installed: run `make oidc-provider`")
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": client_id,
        "OIDC_CLIENT_SECRET": client_secret,
        "OIDC_REDIRECT_URI": redirect_uri,
        "OIDC_ACCOUNTS": json.dumps(accounts),
    }
    process = start([node, str(OIDC_DIR / "provider.mjs")], env, cwd=OIDC_DIR)
    wait_until(process, lambda: any(line.startswith("READY") for line in process.output), "oidc")
    return process


def add_person(
    database_url: str, email: str, role: str = "member", password: str | None = None
) -> tuple[int, str]:
    """A person in a live server's database (core functions): their id and an API token."""
    from core.db import make_engine, session_scope
    from core.models import Role
    from core.people import accounts

    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            user = accounts.create_user(
                session, email=email, name=email.split("@")[0].title(), role=Role(role),
                password=password,
            )  # fmt: skip
            return user.id or 0, accounts.create_api_token(session, user)
    finally:
        engine.dispose()


def caddy(env: dict[str, str], port: int) -> Process:
    """Debian's Caddy running ``deploy/Caddyfile`` with the given environment."""
    binary = shutil.which("caddy")
    if binary is None:
        raise RuntimeError("caddy is not installed: run `make caddy` (Debian's package)")
    config = Path(__file__).resolve().parents[1] / "deploy" / "Caddyfile"
    process = start([binary, "run", "--config", str(config), "--adapter", "caddyfile"], env)
    url = f"https://127.0.0.1:{port}/healthz"
    wait_until(process, lambda: httpx.get(url, verify=False, timeout=2).status_code == 200, "caddy")
    return process
