"""Single sign-on, end to end: Chromium, ``tipoff serve`` and a real OpenID provider.

The provider is the ``oidc-provider`` npm package on loopback (``tests/oidc``):
Tipoff discovers it, sends the browser there with state, nonce and a PKCE
challenge, redeems the code and verifies the signed ID token against its JWKS.
The provider's development login form stands in for the company's sign-in page.
This server also runs with ``TIPOFF_PASSWORD_LOGIN=false``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import PASSWORD, PHONE, free_port, screenshot
from tests.live import oidc_provider, serve_tipoff, tipoff_env

pytestmark = pytest.mark.browser

CLIENT_SECRET = "sso-client-secret-never-logged"
ACCOUNTS: dict[str, dict[str, Any]] = {
    "ann": {
        "email": "ann@northwind.example",
        "email_verified": True,
        "name": "Ann Admin",
        "groups": ["Tipoff Admins", "Everyone"],
    },
    "bob": {
        "email": "Bob@Northwind.example",
        "email_verified": True,
        "name": "Bob B",
        "groups": ["tipoff-curators"],
    },
    "carol": {"email": "carol@northwind.example", "email_verified": True, "groups": []},
    "eve": {"email": "eve@elsewhere.example", "email_verified": True, "name": "Eve"},
    "mallory": {"email": "mallory@northwind.example", "email_verified": False},
    "dora": {"email": "dora@northwind.example", "email_verified": True, "name": "Dora"},
    "gus": {"email": "gus@partner.example", "email_verified": True, "name": "Gus Guest"},
}


class SsoSite:
    def __init__(self, url: str, database_url: str, env: dict[str, str], log: Any) -> None:
        self.url, self.database_url, self.env, self._log = url, database_url, env, log

    @property
    def log(self) -> str:
        return str(self._log())

    def add_user(self, email: str, role: str, *, password: str | None = PASSWORD) -> int:
        from core.db import make_engine, session_scope
        from core.models import Role
        from core.people import accounts

        engine = make_engine(self.database_url)
        try:
            with session_scope(engine) as session:
                user = accounts.create_user(
                    session, email=email, name=email.split("@")[0], role=Role(role),
                    password=password,
                )  # fmt: skip
                return user.id or 0
        finally:
            engine.dispose()

    def invite(self, email: str) -> str:
        """An admin's invite link for ``email`` (core functions), as a path."""
        from core.db import make_engine, session_scope
        from core.models import User
        from core.models.invite import InviteCreate
        from core.people import invites

        admin_id = self.add_user(f"inviter-{email}", "admin")
        engine = make_engine(self.database_url)
        try:
            with session_scope(engine) as session:
                admin = session.get(User, admin_id)
                assert admin is not None
                made = invites.create_invite(
                    session, admin, InviteCreate(email=email), base_url=self.url
                )
                return made.url.removeprefix(self.url)
        finally:
            engine.dispose()

    def deactivate(self, email: str) -> None:
        from core.db import make_engine, session_scope
        from core.people import accounts, lifecycle

        engine = make_engine(self.database_url)
        try:
            with session_scope(engine) as session:
                user = accounts.get_user_by_email(session, email)
                lifecycle.deactivate(session, user, actor=None, client="cli")
        finally:
            engine.dispose()

    def user(self, email: str) -> dict[str, Any]:
        from core.db import make_engine, session_scope
        from core.people import accounts

        engine = make_engine(self.database_url)
        try:
            with session_scope(engine) as session:
                user = accounts.get_user_by_email(session, email)
                return {"id": user.id, "role": str(user.role), "name": user.name}
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SsoSite]:
    data = tmp_path_factory.mktemp("tipoff-sso")
    oidc_port, port = free_port(), free_port()
    url = f"http://127.0.0.1:{port}"
    provider = oidc_provider(
        oidc_port,
        client_id="tipoff",
        client_secret=CLIENT_SECRET,
        redirect_uri=f"{url}/auth/oidc/callback",
        accounts=ACCOUNTS,
    )
    env = tipoff_env(
        data,
        public_url=url,
        run_scheduler="false",
        log_level="INFO",
        rate_limit_login="1000/minute",
        oidc_issuer=f"http://127.0.0.1:{oidc_port}",
        oidc_client_id="tipoff",
        oidc_client_secret=CLIENT_SECRET,
        oidc_provider_name="Northwind ID",
        oidc_allowed_domains="northwind.example",
        oidc_admin_groups="tipoff admins",
        oidc_curator_groups="tipoff-curators",
        password_login="false",
    )
    try:
        server = serve_tipoff(env, port)
    except BaseException:
        provider.stop()
        raise
    yield SsoSite(url, env["TIPOFF_DATABASE_URL"], env, lambda: server.log)
    server.stop()
    provider.stop()
    assert CLIENT_SECRET not in server.log


@pytest.fixture
def browser_page(chromium, site):  # type: ignore[no-untyped-def]
    context = chromium.new_context(base_url=site.url, **PHONE)
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def sso_sign_in(page, login: str, path: str = "/") -> None:  # type: ignore[no-untyped-def]
    page.goto(path)
    page.wait_for_load_state()
    page.get_by_text("Sign in with Northwind ID").click()
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "anything")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def me(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = page.request.get("/api/me")
    assert response.status == 200, response.text()
    return dict(response.json())


def test_a_new_colleague_joins_through_sso_with_the_role_from_their_groups(site, browser_page):
    page = browser_page
    sso_sign_in(page, "ann", path="/tips")
    page.wait_for_url(f"{site.url}/tips")
    profile = me(page)
    assert profile["email"] == "ann@northwind.example" and profile["name"] == "Ann Admin"
    assert profile["role"] == "admin"
    cookie = next(c for c in page.context.cookies() if c["name"] == "tipoff_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"


def test_an_existing_account_is_linked_by_verified_email_and_roles_are_reread(site, browser_page):
    bob = site.add_user("bob@northwind.example", "member")
    site.add_user("second-admin@northwind.example", "admin")
    carol = site.add_user("carol@northwind.example", "admin")
    sso_sign_in(browser_page, "bob")
    browser_page.wait_for_url(f"{site.url}/")
    assert me(browser_page)["id"] == bob
    assert site.user("bob@northwind.example")["role"] == "curator"

    browser_page.context.clear_cookies()
    sso_sign_in(browser_page, "carol")
    browser_page.wait_for_url(f"{site.url}/")
    assert me(browser_page)["id"] == carol
    assert site.user("carol@northwind.example")["role"] == "member"  # no admin group any more


@pytest.mark.parametrize(
    ("login", "reason"),
    [
        ("eve", "addresses at elsewhere.example may not join this Tipoff"),
        ("mallory", "has not verified the address"),
        ("dora", "your Tipoff account is deactivated"),
    ],
)
def test_refusals_say_why(site, browser_page, login, reason):
    if login == "dora":
        site.add_user("dora@northwind.example", "member")
        site.deactivate("dora@northwind.example")
    sso_sign_in(browser_page, login)
    assert "/auth/oidc/callback" in browser_page.url
    assert reason in browser_page.content()
    assert browser_page.request.get("/api/me").status == 401


def test_a_forged_or_replayed_callback_is_refused(site, browser_page):
    page = browser_page
    page.goto("/auth/oidc/callback?code=abc&state=forged")
    assert "start again" in page.content()
    sso_sign_in(page, "ann")
    page.wait_for_url(f"{site.url}/")
    # The login cookie is spent: the same answer cannot be replayed.
    page.context.clear_cookies()
    response = httpx.get(f"{site.url}/auth/oidc/callback?code=abc&state=xyz")
    assert response.status_code == 400


def test_password_sign_in_is_off_except_for_break_glass_admins(site, browser_page):
    page = browser_page
    page.goto("/signin")
    assert page.locator("#password").count() == 0
    assert page.get_by_text("Sign in with Northwind ID").is_visible()
    screenshot(page, "signin-sso")

    site.add_user("rep@northwind.example", "member")
    refused = httpx.post(
        f"{site.url}/api/auth/login", json={"email": "rep@northwind.example", "password": PASSWORD}
    )
    assert refused.status_code == 403 and "single sign-on" in refused.json()["detail"]

    site.add_user("root@northwind.example", "admin", password=None)
    tipoff = Path(sys.executable).with_name("tipoff")
    done = subprocess.run(
        [str(tipoff), "users", "break-glass", "root@northwind.example", "--password-stdin"],
        input="a long break-glass password\n", env=site.env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    page.goto("/signin?breakglass=1")
    page.fill("#email", "root@northwind.example")
    page.fill("#password", "a long break-glass password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/")
    assert me(page)["email"] == "root@northwind.example"


def test_an_invite_leads_to_sso_when_passwords_are_off(site, browser_page):
    page = browser_page
    page.goto(site.invite("gus@partner.example"))
    assert page.locator("#password").count() == 0
    page.get_by_text("Sign in with Northwind ID").click()
    page.fill("input[name=login]", "gus")
    page.fill("input[name=password]", "anything")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/")
    assert me(page)["email"] == "gus@partner.example"  # partner.example is not allowed: invited
