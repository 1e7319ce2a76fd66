"""Single sign-on on both databases: who a verified ID token is (join, link, refuse,
roles from groups), and the ID token checks themselves with real RS256 signatures.

The end-to-end flow against a real OpenID provider is in tests/browser/test_sso.py.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from sqlmodel import select

from core.errors import Forbidden, Unauthorized


@pytest.fixture
def sso_settings(monkeypatch):
    from core.settings import get_settings

    settings = get_settings()
    monkeypatch.setattr(settings, "oidc_issuer", "https://id.northwind.example")
    monkeypatch.setattr(settings, "oidc_client_id", "tipoff")
    monkeypatch.setattr(settings, "oidc_allowed_domains", ["northwind.example"])
    monkeypatch.setattr(settings, "oidc_admin_groups", ["Tipoff Admins"])
    monkeypatch.setattr(settings, "oidc_curator_groups", ["Tipoff Curators"])
    return settings


def claims(email: str, **extra: Any) -> dict[str, Any]:
    return {"sub": f"sub-{email}", "email": email, "email_verified": True, **extra}


def test_a_new_colleague_from_an_allowed_domain_joins(session, sso_settings):
    from core.models import AuditEvent, ExternalIdentity, Role
    from core.people import sso

    user = sso.sign_in(session, claims("New.Rep@Northwind.example", name="New Rep"))
    assert (user.email, user.name, user.role) == (
        "new.rep@northwind.example",
        "New Rep",
        Role.member,
    )
    identity = session.exec(
        select(ExternalIdentity).where(ExternalIdentity.user_id == user.id)
    ).one()
    assert identity.subject == "sub-New.Rep@Northwind.example"
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "user.join_sso")).first()
    again = sso.sign_in(session, claims("New.Rep@Northwind.example"))
    assert again.id == user.id


def test_linking_by_verified_email_and_roles_reread(session, sso_settings, make_user):
    from core.models import Role, User
    from core.people import sso

    make_user("admin")  # someone else stays admin when Lee is demoted
    person = make_user("member", email="lee@northwind.example")
    user = sso.sign_in(session, claims("lee@northwind.example", groups=["tipoff admins"]))
    assert user.id == person.id and user.role == Role.admin
    user = sso.sign_in(session, claims("lee@northwind.example", groups="Tipoff Curators"))
    assert user.role == Role.curator
    user = sso.sign_in(session, claims("lee@northwind.example", groups=[]))
    assert session.get(User, person.id).role == Role.member


def test_roles_are_left_alone_when_no_role_groups_are_configured(session, sso_settings, make_user):
    from core.models import Role
    from core.people import sso

    sso_settings.oidc_admin_groups, sso_settings.oidc_curator_groups = [], []
    make_user("curator", email="cur@northwind.example")
    assert sso.sign_in(session, claims("cur@northwind.example", groups=[])).role == Role.curator


def test_the_last_admin_is_not_demoted_by_the_groups_claim(session, sso_settings, make_user):
    from core.models import Role, User
    from core.people import sso

    for other in session.exec(select(User).where(User.role == Role.admin)):
        other.role = Role.member
        session.add(other)
    make_user("admin", email="boss@northwind.example")
    assert sso.sign_in(session, claims("boss@northwind.example", groups=[])).role == Role.admin


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        (claims("eve@elsewhere.example"), "addresses at elsewhere.example may not join"),
        (claims("mia@northwind.example", email_verified=False), "has not verified"),
        (claims("mia@northwind.example", email_verified="true"), "has not verified"),
        ({"sub": "x", "email_verified": True}, "did not share your email"),
    ],
)
def test_refusals_say_why(session, sso_settings, given, reason):
    from core.models import User
    from core.people import sso

    before = len(session.exec(select(User)).all())
    with pytest.raises(Forbidden, match=reason):
        sso.sign_in(session, given)
    assert len(session.exec(select(User)).all()) == before  # nothing written


def test_a_deactivated_account_is_refused(session, sso_settings, make_user):
    from core.models import User
    from core.people import lifecycle, sso

    person = make_user("member", email="gone@northwind.example")
    lifecycle.deactivate(session, session.get(User, person.id), actor=None)
    with pytest.raises(Forbidden, match="deactivated"):
        sso.sign_in(session, claims("gone@northwind.example"))


def test_an_invited_address_joins_from_any_domain_with_the_invited_role(
    session, sso_settings, make_user
):
    from core.models import Invite, Role, User
    from core.models.invite import InviteCreate
    from core.people import invites, sso

    # (with role groups configured, the groups claim decides the role instead)
    sso_settings.oidc_admin_groups, sso_settings.oidc_curator_groups = [], []
    admin = make_user("admin")
    invites.create_invite(
        session,
        session.get(User, admin.id),
        InviteCreate(role=Role.curator, email="guest@partner.example"),
        base_url="https://tipoff.northwind.example",
    )
    user = sso.sign_in(session, claims("guest@partner.example"))
    assert user.role == Role.curator
    invite = session.exec(select(Invite).where(Invite.email == "guest@partner.example")).one()
    assert invite.used_by_id == user.id


# --- the ID token checks -------------------------------------------------------------


@pytest.fixture
def provider(sso_settings, monkeypatch):
    from core.people import oidc

    key = RSAKey.generate_key(2048, parameters={"kid": "k1", "alg": "RS256", "use": "sig"})
    there = oidc.Provider(
        issuer=sso_settings.oidc_issuer,
        authorization_endpoint="https://id.northwind.example/auth",
        token_endpoint="https://id.northwind.example/token",
        jwks_uri="https://id.northwind.example/jwks",
    )
    public = KeySet.import_key_set({"keys": [key.as_dict(private=False)]})
    monkeypatch.setattr(oidc, "_key_set", lambda _provider, refresh=False: public)
    return there, key


def id_token(key: RSAKey, **overrides: Any) -> str:
    now = int(time.time())
    payload = {
        "iss": "https://id.northwind.example",
        "aud": "tipoff",
        "sub": "s1",
        "iat": now,
        "exp": now + 300,
        "nonce": "n1",
        "email": "a@northwind.example",
        "email_verified": True,
        **overrides,
    }
    payload = {k: v for k, v in payload.items() if v is not None}
    return jwt.encode({"alg": "RS256", "kid": key.kid}, payload, key)


def test_a_good_id_token_passes(provider):
    from core.people import oidc

    there, key = provider
    assert oidc.verify_id_token(there, id_token(key), nonce="n1")["sub"] == "s1"
    assert oidc.verify_id_token(there, id_token(key, aud=["tipoff", "x"]), nonce="n1")


@pytest.mark.parametrize(
    "overrides",
    [
        {"iss": "https://evil.example"},
        {"aud": "another-app"},
        {"exp": int(time.time()) - 3600},
        {"nonce": "replayed"},
        {"nonce": None},
        {"sub": None},
    ],
)
def test_bad_id_tokens_are_refused(provider, overrides):
    from core.people import oidc

    there, key = provider
    with pytest.raises(Unauthorized, match="did not check out"):
        oidc.verify_id_token(there, id_token(key, **overrides), nonce="n1")


def test_a_token_signed_by_another_key_is_refused(provider):
    from core.people import oidc

    there, _key = provider
    stranger = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    with pytest.raises(Unauthorized):
        oidc.verify_id_token(there, id_token(stranger), nonce="n1")


def test_the_login_cookie_is_sealed_and_expires(sso_settings):
    from core.errors import BadRequest
    from core.people import oidc

    sealed = oidc._seal({"state": "s", "nonce": "n", "verifier": "v", "next": "/"})
    assert "verifier" not in sealed and oidc._unseal(sealed)["state"] == "s"
    with pytest.raises(BadRequest):
        oidc._unseal(sealed[:-4] + "AAAA")


def test_password_sign_in_off_leaves_only_break_glass_admins(session, make_user, monkeypatch):
    from core.errors import InvalidInput
    from core.models import User
    from core.people import accounts
    from core.people.breakglass import set_break_glass
    from core.settings import get_settings

    monkeypatch.setattr(get_settings(), "password_login", False)
    member = make_user("member")
    with pytest.raises(Forbidden, match="single sign-on"):
        accounts.authenticate(session, member.email, "correct horse battery")
    admin = make_user("admin")
    with pytest.raises(Forbidden):
        accounts.authenticate(session, admin.email, "correct horse battery")
    set_break_glass(session, session.get(User, admin.id), enabled=True)
    assert accounts.authenticate(session, admin.email, "correct horse battery").id == admin.id
    with pytest.raises(InvalidInput, match="only admins"):
        set_break_glass(session, session.get(User, member.id), enabled=True)


def test_the_people_list_shows_who_signs_in_through_sso(session, sso_settings, make_user):
    from core.people import directory, sso

    make_user("member", email="pat@northwind.example")
    sso.sign_in(session, claims("pat@northwind.example"))
    methods = {item.email: item.auth for item in directory.list_people(session)}
    assert methods["pat@northwind.example"] == "oidc"
