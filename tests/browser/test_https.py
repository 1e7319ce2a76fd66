"""https, tested: Debian's Caddy with ``tls internal`` on loopback in front of ``tipoff serve``,
running the documented recipe (``deploy/Caddyfile``) unchanged.

Through Caddy, Chromium signs in, gets Secure cookies and HSTS, registers the service
worker, is installable, and turns notifications on (the subscription goes to the push
service stand-in of the push tests, which checks the server's VAPID signature). Rate
limits are keyed on the real client address: clients connect from different loopback
addresses (127.0.0.2, 127.0.0.3), Caddy passes each on in X-Forwarded-For, and Tipoff
believes it only because Caddy is in TIPOFF_TRUSTED_PROXIES. Chromium trusts Caddy's
certificate by its public key (``--ignore-certificate-errors-spki-list``), so the
pages are a secure context exactly as with a public certificate.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PASSWORD,
    PHONE,
    sign_in,
    wait_for_service_worker,
)
from tests.browser.test_push_e2e import FAKE_SUBSCRIBE, arrival
from tests.live import add_person, caddy, free_port, serve_tipoff, tipoff_env
from tests.push.pushservice import PushService

pytestmark = pytest.mark.browser


@dataclass
class Site:
    url: str
    upstream: str
    database_url: str
    spki: str


def spki_hash(port: int) -> str:
    """base64(SHA-256(SubjectPublicKeyInfo)) of the certificate Caddy serves."""
    pem = ssl.get_server_certificate(("127.0.0.1", port))
    key = x509.load_pem_x509_certificate(pem.encode()).public_key()
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    data = tmp_path_factory.mktemp("tipoff-https")
    port, https_port = free_port(), free_port()
    url = f"https://127.0.0.1:{https_port}"
    env = tipoff_env(
        data,
        public_url=url,
        trusted_proxies="127.0.0.1",
        rate_limit_login="3/minute",
        run_scheduler="true",
    )
    server = serve_tipoff(env, port)
    caddy_env = {
        **os.environ,
        "HOME": str(data),  # Caddy keeps its CA and certificates under here
        "XDG_DATA_HOME": str(data / "caddy-data"),
        "XDG_CONFIG_HOME": str(data / "caddy-config"),
        "CADDY_GLOBAL_OPTIONS": "\n".join(
            [
                "admin off",
                "skip_install_trust",
                "auto_https disable_redirects",
                "default_bind 127.0.0.1",
                f"https_port {https_port}",
            ]
        ),
        "TIPOFF_SITE": url,
        "TIPOFF_TLS": "tls internal",
        "TIPOFF_UPSTREAM": f"127.0.0.1:{port}",
    }
    try:
        proxy = caddy(caddy_env, https_port)
    except BaseException:
        server.stop()
        raise
    yield Site(url, f"http://127.0.0.1:{port}", env["TIPOFF_DATABASE_URL"], spki_hash(https_port))
    proxy.stop()
    server.stop()


@pytest.fixture
def phone(playwright, site, tmp_path):  # type: ignore[no-untyped-def]
    """An ordinary (installable) phone profile that trusts Caddy's certificate."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=[*CHROMIUM_ARGS, f"--ignore-certificate-errors-spki-list={site.spki}"],
        base_url=site.url,
        **PHONE,
    )
    context.set_default_timeout(20_000)
    yield context
    context.close()


def test_sign_in_install_and_subscribe_through_caddy(site, phone):
    email = "https-rep@northwind.example"
    _id, token = add_person(site.database_url, email, password=PASSWORD)
    who = SimpleNamespace(email=email)
    page = phone.new_page()
    first = page.goto("/signin")
    assert first is not None and first.url.startswith("https://")
    assert first.headers["strict-transport-security"].startswith("max-age=")
    assert page.evaluate("window.isSecureContext") is True
    sign_in(page, who, path="/settings")
    cookies = {c["name"]: c for c in phone.cookies()}
    assert cookies["tipoff_session"]["secure"] and cookies["tipoff_session"]["httpOnly"]
    assert cookies["csrftoken"]["secure"]

    # install: the service worker controls the page and Chromium finds no installability error
    wait_for_service_worker(page)
    cdp = phone.new_cdp_session(page)
    assert cdp.send("Page.getAppManifest")["errors"] == []
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []

    # subscribe: the settings page registers the device; a test push reaches the push service
    vapid_key = httpx.get(site.url + "/api/push/key", verify=False).json()["public_key"]
    with PushService(vapid_key) as service:
        subscriber = service.subscribe()
        phone.grant_permissions(["notifications"], origin=site.url)
        page.add_init_script(FAKE_SUBSCRIBE % json.dumps(subscriber.to_json()))
        page.reload()
        wait_for_service_worker(page)
        page.click("#enable-push")
        page.locator("#devices li[data-device]").wait_for()
        page.click("button[data-action=test-device]")
        page.get_by_text("Test sent").wait_for()
        assert arrival(service, subscriber, "test")["event"] == "test"
        assert service.errors == []
    devices = httpx.get(
        site.url + "/api/devices", headers={"Authorization": f"Bearer {token}"}, verify=False
    ).json()["items"]
    assert len(devices) == 1


def _login(site: Site, source: str, email: str, **headers: str) -> int:
    transport = httpx.HTTPTransport(local_address=source, verify=False)
    with httpx.Client(transport=transport, base_url=site.url, timeout=20) as client:
        response = client.post(
            "/api/auth/login", json={"email": email, "password": "wrong password"}, headers=headers
        )
    return response.status_code


def test_rate_limits_are_keyed_on_the_real_client_address(site):
    email = "target@northwind.example"
    add_person(site.database_url, email, password=PASSWORD)
    # 127.0.0.2 uses up the limit (3/minute), even while claiming to be someone else
    statuses = [
        _login(site, "127.0.0.2", email, **{"X-Forwarded-For": f"10.9.9.{n}"}) for n in range(4)
    ]
    assert statuses == [401, 401, 401, 429]
    # another client is not throttled by it
    assert _login(site, "127.0.0.3", email) == 401
    # the limit holds for 127.0.0.2 whatever it claims
    assert _login(site, "127.0.0.2", email, **{"X-Forwarded-For": "10.1.1.1"}) == 429


def test_the_upstream_does_not_believe_forwarded_headers_from_others(site):
    """Straight to tipoff serve from 127.0.0.4 (not a trusted proxy): X-Forwarded-For is
    ignored, so a client cannot reset its limit by naming another address."""
    email = "direct@northwind.example"
    add_person(site.database_url, email, password=PASSWORD)
    transport = httpx.HTTPTransport(local_address="127.0.0.4")
    with httpx.Client(transport=transport, base_url=site.upstream, timeout=20) as client:
        statuses = [
            client.post(
                "/api/auth/login",
                json={"email": email, "password": "wrong password"},
                headers={"X-Forwarded-For": f"10.8.8.{n}"},
            ).status_code
            for n in range(4)
        ]
    assert statuses == [401, 401, 401, 429]
