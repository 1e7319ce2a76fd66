"""``/scim/v2``: SCIM 2.0 for identity providers (Entra ID, Okta, Keycloak ...).

Thin routes over ``core.people.scim``. Every answer is ``application/scim+json``;
every error is a SCIM Error document (``status``, ``scimType``, ``detail``).
Authentication is the provisioning token only: ``Authorization: Bearer <token>``
as printed by ``tipoff scim token``; cookies and API tokens are not accepted.
Writes are audited with the caller's address.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from scim2_models import Context, Error, InvalidSyntaxException, SCIMException
from sqlmodel import Session

from api.deps import SAFE_METHODS, SessionDep, client_address
from core.errors import Conflict, TipoffError
from core.people.scim import groups, search, tokens, users
from core.people.scim.discovery import CONFIG, PROVIDER, with_meta

SCIM_JSON = "application/scim+json"
router = APIRouter(prefix="/scim/v2", tags=["scim"], include_in_schema=False)


def scim_response(
    body: Any, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return JSONResponse(body, status_code=status_code, media_type=SCIM_JSON, headers=headers)


def scim_error(status: int, detail: str, scim_type: str | None = None) -> Response:
    error = Error(status=status, detail=detail, scim_type=scim_type)
    headers = {"WWW-Authenticate": 'Bearer realm="scim"'} if status == 401 else None
    return scim_response(error.model_dump(), status, headers)


def _scim_type(exc: ValidationError) -> str:
    for item in exc.errors():
        kind = str(item.get("type", ""))
        if kind.startswith("scim_"):
            return kind.removeprefix("scim_")
    return "invalidValue"


def run(session: Session, action: Callable[[], Any], status_code: int = 200) -> Response:
    """Call core; a failure rolls back the unit of work and answers a SCIM Error."""
    try:
        body = action()
    except SCIMException as exc:
        session.rollback()
        return scim_response(exc.to_error().model_dump(), int(exc.status))
    except ValidationError as exc:
        session.rollback()
        errors = exc.errors()
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        message = errors[0]["msg"] if errors else "invalid"
        detail = f"{where}: {message}" if where else message
        return scim_error(400, detail[:500], _scim_type(exc))
    except TipoffError as exc:
        session.rollback()
        scim_type = "uniqueness" if isinstance(exc, Conflict) else None
        if exc.status_code in (400, 422):
            return scim_error(400, exc.detail, "invalidValue")
        return scim_error(exc.status_code, exc.detail, scim_type)
    if body is None:
        return Response(status_code=204)
    return scim_response(body, status_code)


class NotProvisioner(Exception):
    """No valid provisioning token: answered as a SCIM 401 (see ``install``)."""


def provisioning_token(request: Request, session: SessionDep) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    touch = request.method not in SAFE_METHODS
    if scheme.lower() != "bearer" or not tokens.is_valid(session, value.strip(), touch=touch):
        raise NotProvisioner()
    return client_address(request)


def install(app: FastAPI) -> None:
    """Add the SCIM routes, and their 401 as a SCIM Error."""

    async def unauthorised(_request: Request, _exc: Exception) -> Response:
        return scim_error(401, "send the provisioning token: Authorization: Bearer <token>")

    app.add_exception_handler(NotProvisioner, unauthorised)
    app.include_router(router)


# The caller's address once the token checked out (for the audit log).
Provisioner = Annotated[str, Depends(provisioning_token)]


async def json_body(request: Request) -> dict[str, Any] | None:
    """SCIM clients send application/scim+json; read the body whatever the type says.
    None when it is not a JSON object (the route answers 400 invalidSyntax)."""
    try:
        data = json.loads(await request.body() or b"null")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


Body = Annotated[dict[str, Any] | None, Depends(json_body)]


def _object(body: dict[str, Any] | None) -> dict[str, Any]:
    if body is None:
        raise InvalidSyntaxException(detail="the request body must be a JSON object")
    return body


# --- discovery -----------------------------------------------------------------------


@router.get("/ServiceProviderConfig")
def service_provider_config(_client: Provisioner) -> Response:
    body = CONFIG.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
    return scim_response(with_meta(body, "ServiceProviderConfig", ""))


def _listing(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": len(items),
        "startIndex": 1,
        "itemsPerPage": len(items),
        "Resources": items,
    }


def _schemas() -> dict[str, dict[str, Any]]:
    return {
        str(schema.id): with_meta(
            schema.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE), "Schemas", str(schema.id)
        )
        for schema in PROVIDER.schemas
    }


def _resource_types() -> dict[str, dict[str, Any]]:
    return {
        str(rt.id): with_meta(
            rt.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE), "ResourceTypes", str(rt.id)
        )
        for rt in PROVIDER.resource_types
    }


@router.get("/Schemas")
def list_schemas(_client: Provisioner) -> Response:
    return scim_response(_listing(list(_schemas().values())))


@router.get("/Schemas/{schema_id}")
def get_schema(schema_id: str, _client: Provisioner) -> Response:
    found = _schemas().get(schema_id)
    return scim_response(found) if found else scim_error(404, f"no schema {schema_id!r}")


@router.get("/ResourceTypes")
def list_resource_types(_client: Provisioner) -> Response:
    return scim_response(_listing(list(_resource_types().values())))


@router.get("/ResourceTypes/{type_id}")
def get_resource_type(type_id: str, _client: Provisioner) -> Response:
    found = _resource_types().get(type_id)
    return scim_response(found) if found else scim_error(404, f"no resource type {type_id!r}")


# --- Users and Groups ------------------------------------------------------------------

_CORE: dict[str, Any] = {"Users": users, "Groups": groups}
Text = Annotated[str | None, Query(max_length=2000)]


def _shaped(kind: str, attributes: str | None, excluded: str | None) -> Callable[[Any], Any]:
    def shape(data: Any) -> Any:
        return search.shape(kind, data, attributes=attributes, excluded=excluded)

    return shape


def _routes(kind: str) -> None:
    core = _CORE[kind]

    @router.get(f"/{kind}", name=f"scim_list_{kind}")
    def list_resources(
        session: SessionDep,
        _client: Provisioner,
        filter: Text = None,
        startIndex: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
        count: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,
        attributes: Text = None,
        excludedAttributes: Text = None,
    ) -> Response:
        request = {
            "filter": filter,
            "startIndex": startIndex,
            "count": count,
            "attributes": attributes,
            "excludedAttributes": excludedAttributes,
        }
        query = {k: v for k, v in request.items() if v is not None}
        return run(session, lambda: search.search(session, kind, query))

    @router.post(f"/{kind}/.search", name=f"scim_search_{kind}")
    def search_resources(session: SessionDep, _client: Provisioner, body: Body) -> Response:
        return run(session, lambda: search.search(session, kind, _object(body)))

    @router.post(f"/{kind}", name=f"scim_create_{kind}")
    def create(
        session: SessionDep, client: Provisioner, body: Body,
        attributes: Text = None, excludedAttributes: Text = None,
    ) -> Response:  # fmt: skip
        shape = _shaped(kind, attributes, excludedAttributes)
        return run(session, lambda: shape(core.create(session, _object(body), client=client)), 201)

    @router.get(f"/{kind}/{{resource_id}}", name=f"scim_read_{kind}")
    def read(
        session: SessionDep, _client: Provisioner, resource_id: Annotated[str, Path(max_length=64)],
        attributes: Text = None, excludedAttributes: Text = None,
    ) -> Response:  # fmt: skip
        shape = _shaped(kind, attributes, excludedAttributes)
        return run(session, lambda: shape(core.read(session, resource_id)))

    @router.put(f"/{kind}/{{resource_id}}", name=f"scim_replace_{kind}")
    def replace(
        session: SessionDep, client: Provisioner, body: Body,
        resource_id: Annotated[str, Path(max_length=64)],
        attributes: Text = None, excludedAttributes: Text = None,
    ) -> Response:  # fmt: skip
        shape = _shaped(kind, attributes, excludedAttributes)
        return run(
            session,
            lambda: shape(core.replace(session, resource_id, _object(body), client=client)),
        )

    @router.patch(f"/{kind}/{{resource_id}}", name=f"scim_patch_{kind}")
    def patch(
        session: SessionDep, client: Provisioner, body: Body,
        resource_id: Annotated[str, Path(max_length=64)],
        attributes: Text = None, excludedAttributes: Text = None,
    ) -> Response:  # fmt: skip
        shape = _shaped(kind, attributes, excludedAttributes)
        return run(
            session,
            lambda: shape(core.patch(session, resource_id, _object(body), client=client)),
        )

    @router.delete(f"/{kind}/{{resource_id}}", name=f"scim_delete_{kind}")
    def delete(
        session: SessionDep, client: Provisioner, resource_id: Annotated[str, Path(max_length=64)]
    ) -> Response:
        return run(session, lambda: core.delete(session, resource_id, client=client))


_routes("Users")
_routes("Groups")


@router.post("/.search", name="scim_search_all")
def search_everything(session: SessionDep, _client: Provisioner, body: Body) -> Response:
    return run(session, lambda: search.search_all(session, _object(body)))


@router.api_route(
    "/{anything:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], name="scim_unknown"
)
def unknown(anything: str) -> Response:
    if anything.split("/")[0] in ("ServiceProviderConfig", "Schemas", "ResourceTypes"):
        return scim_error(405, "discovery documents are read-only: use GET")
    return scim_error(404, f"no SCIM endpoint /{anything[:100]}")
