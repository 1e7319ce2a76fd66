"""The documented deployment files hang together: the Caddyfile parses (Debian's Caddy
adapts it with the compose file's values), the systemd unit passes ``systemd-analyze
verify``, and the compose file trusts exactly Caddy's address as a proxy.

The Caddyfile itself runs in front of ``tipoff serve`` in tests/browser/test_https.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_compose_trusts_only_caddy_and_keeps_what_must_be_backed_up():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "tipoff", "caddy"}
    caddy_address = services["caddy"]["networks"]["tipoff"]["ipv4_address"]
    assert services["tipoff"]["environment"]["TIPOFF_TRUSTED_PROXIES"] == caddy_address
    assert "ports" not in services["tipoff"] and "ports" not in services["postgres"]
    assert "tipoff-data:/data" in services["tipoff"]["volumes"]
    assert services["tipoff"]["environment"]["TIPOFF_PUBLIC_URL"].startswith("https://")
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in services["caddy"]["volumes"]
    assert {"postgres-data", "tipoff-data", "caddy-data"} <= set(compose["volumes"])


@pytest.mark.skipif(shutil.which("caddy") is None, reason="`make caddy` installs it")
@pytest.mark.parametrize("tls", ["", "tls internal"])
def test_the_caddyfile_adapts(tls):
    env = {
        **os.environ,
        "TIPOFF_SITE": "tipoff.example.com",
        "TIPOFF_UPSTREAM": "tipoff:8000",
        "TIPOFF_TLS": tls,
    }
    done = subprocess.run(
        ["caddy", "adapt", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"dial":"tipoff:8000"' in done.stdout and "tipoff.example.com" in done.stdout


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd here")
def test_the_systemd_unit_verifies(tmp_path):
    unit = (DEPLOY / "tipoff.service").read_text()
    assert "ExecStart=/opt/tipoff/bin/tipoff serve --host 127.0.0.1" in unit
    # verify checks that ExecStart exists: point it at a binary this machine has
    copy = tmp_path / "tipoff.service"
    copy.write_text(unit.replace("/opt/tipoff/bin/tipoff", shutil.which("true") or "/bin/true"))
    done = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "tipoff.service" not in done.stderr, done.stderr
