"""The OpenID Connect client: discovery, authorisation code with PKCE, ID token checks.

Authlib builds the authorisation request (state, nonce, S256 code challenge) and
exchanges the code; joserfc (Authlib's JOSE library) verifies the ID token's
signature against the provider's JWKS and its ``iss``, ``aud``, ``exp``,
``iat`` and ``nonce``. The per-login secrets (state, nonce, code verifier and
where to go afterwards) travel in a short-lived cookie encrypted with the
server's key, so a login needs no table and survives a restart. The client
secret is a ``SecretStr``: it is revealed only to build the token request and
never reaches a log line or an error message.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from core.crypto import decrypt_fresh, encrypt
from core.errors import BadRequest, Unauthorized, Unavailable
from core.settings import get_settings

log = logging.getLogger("tipoff.sso")

CALLBACK_PATH = "/auth/oidc/callback"
LOGIN_COOKIE = "tipoff_oidc"
LOGIN_SECONDS = 600  # a sign-in at the provider must finish within 10 minutes
SCOPES = "openid email profile"
HTTP_TIMEOUT = 10.0
DISCOVERY_SECONDS = 3600
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA"]


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


@dataclass(frozen=True)
class LoginStart:
    url: str
    cookie: str


_lock = threading.Lock()
_discovered: dict[str, tuple[float, Provider]] = {}
_keys: dict[str, KeySet] = {}


def provider_name() -> str:
    settings = get_settings()
    return settings.oidc_provider_name or urlsplit(settings.oidc_issuer).hostname or "SSO"


def redirect_uri() -> str:
    return get_settings().effective_public_url.rstrip("/") + CALLBACK_PATH


def _get_json(url: str) -> dict[str, Any]:
    try:
        response = requests.get(url, timeout=HTTP_TIMEOUT, headers={"Accept": "application/json"})
        response.raise_for_status()
        data = response.json()
    except (requests.RequestException, ValueError) as exc:
        log.warning("identity provider unreachable at %s: %s", url, type(exc).__name__)
        raise Unavailable("the identity provider does not answer; try again shortly") from exc
    if not isinstance(data, dict):
        raise Unavailable("the identity provider answered something that is not JSON")
    return data


def discover() -> Provider:
    """The provider's endpoints from ``/.well-known/openid-configuration`` (cached 1 h)."""
    issuer = get_settings().oidc_issuer
    with _lock:
        cached = _discovered.get(issuer)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    doc = _get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
    if doc.get("issuer") != issuer:
        raise Unavailable(
            f"the identity provider calls itself {doc.get('issuer')!r}, "
            f"not TIPOFF_OIDC_ISSUER={issuer!r}"
        )
    try:
        provider = Provider(
            issuer=issuer,
            authorization_endpoint=str(doc["authorization_endpoint"]),
            token_endpoint=str(doc["token_endpoint"]),
            jwks_uri=str(doc["jwks_uri"]),
        )
    except KeyError as exc:
        raise Unavailable(f"the provider's discovery document lacks {exc.args[0]}") from exc
    with _lock:
        _discovered[issuer] = (time.monotonic() + DISCOVERY_SECONDS, provider)
    return provider


def _key_set(provider: Provider, *, refresh: bool = False) -> KeySet:
    with _lock:
        keys = None if refresh else _keys.get(provider.jwks_uri)
    if keys is None:
        keys = KeySet.import_key_set(_get_json(provider.jwks_uri))  # type: ignore[arg-type]
        with _lock:
            _keys[provider.jwks_uri] = keys
    return keys


def forget_provider() -> None:
    """Drop cached discovery and keys (tests; or after the operator changed the issuer)."""
    with _lock:
        _discovered.clear()
        _keys.clear()


def _client() -> OAuth2Session:
    settings = get_settings()
    return OAuth2Session(
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret.get_secret_value(),
        scope=SCOPES,
        redirect_uri=redirect_uri(),
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic",
    )


def _seal(data: dict[str, str]) -> str:
    return encrypt(json.dumps(data), purpose="oidc-login")


def _unseal(cookie: str) -> dict[str, str]:
    raw = decrypt_fresh(cookie, "oidc-login", LOGIN_SECONDS)
    try:
        data = json.loads(raw) if raw else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise BadRequest("this sign-in has expired or was not started here; start again")
    return data


def start_login(next_path: str) -> LoginStart:
    provider = discover()
    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
    with _client() as client:
        url, _ = client.create_authorization_url(
            provider.authorization_endpoint, state=state, code_verifier=verifier, nonce=nonce
        )
    cookie = _seal({"state": state, "nonce": nonce, "verifier": verifier, "next": next_path})
    return LoginStart(url=url, cookie=cookie)


@dataclass(frozen=True)
class LoginResult:
    claims: dict[str, Any]
    next_path: str


def finish_login(
    *,
    cookie: str | None,
    code: str | None,
    state: str | None,
    error: str | None,
    iss: str | None = None,
) -> LoginResult:
    """Check the callback against the login cookie, redeem the code, verify the ID token."""
    if not cookie:
        raise BadRequest("this sign-in was not started here (or took too long); start again")
    login = _unseal(cookie)
    if error:
        raise Unauthorized(f"the identity provider refused the sign-in ({error[:100]})")
    if not code or not state or state != login.get("state"):
        raise BadRequest("this sign-in does not match the one started here; start again")
    provider = discover()
    if iss is not None and iss != provider.issuer:  # RFC 9207: a mix-up attack
        raise BadRequest("this answer comes from another identity provider; start again")
    with _client() as client:
        try:
            token = client.fetch_token(
                provider.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=login["verifier"],
            )
        except Exception as exc:  # authlib raises OAuthError; requests its own errors
            log.warning("token exchange failed: %s", type(exc).__name__)
            raise Unauthorized("the identity provider did not accept the sign-in code") from exc
    id_token = token.get("id_token")
    if not isinstance(id_token, str):
        raise Unauthorized("the identity provider sent no ID token")
    claims = verify_id_token(provider, id_token, nonce=login["nonce"])
    return LoginResult(claims=claims, next_path=login.get("next") or "/")


def verify_id_token(provider: Provider, id_token: str, *, nonce: str) -> dict[str, Any]:
    """Signature (JWKS, refreshed once for an unknown key id), iss, aud, exp, iat, nonce."""
    try:
        try:
            decoded = jwt.decode(id_token, _key_set(provider), algorithms=ALGORITHMS)
        except (JoseError, ValueError):
            decoded = jwt.decode(id_token, _key_set(provider, refresh=True), algorithms=ALGORITHMS)
        registry = jwt.JWTClaimsRegistry(
            leeway=60,
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": get_settings().oidc_client_id},
            exp={"essential": True},
            iat={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        registry.validate(decoded.claims)
    except (JoseError, ValueError) as exc:
        log.warning("ID token refused: %s", type(exc).__name__)
        raise Unauthorized("the identity provider's ID token did not check out") from exc
    return dict(decoded.claims)
