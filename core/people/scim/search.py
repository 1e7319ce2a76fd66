"""Listing and searching (GET ``?filter=`` and POST ``/.search``), and shaping responses.

scim2-models parses the filter and matches it against each resource, so every
filter the RFC allows works; ``userName eq "…"`` (what Entra ID and Okta ask
before creating someone) is answered from an index instead of a scan.
``attributes`` and ``excludedAttributes`` are honoured on every response.
"""

from __future__ import annotations

from typing import Any

from scim2_models import Context, ListResponse, ResponseParameters, SearchRequest
from sqlmodel import Session

from core.people.scim import groups, users
from core.people.scim.discovery import MAX_RESULTS, GroupResource, UserResource

MODELS: dict[str, Any] = {"Users": UserResource, "Groups": GroupResource}


def _parameters(model: Any, attributes: Any, excluded: Any) -> Any:
    if not attributes and not excluded:
        return None
    return ResponseParameters[model].model_validate(
        {"attributes": attributes, "excludedAttributes": excluded}
    )


def shape(kind: str, data: dict[str, Any], *, attributes: Any = None, excluded: Any = None) -> Any:
    """One resource as the response body, trimmed to the requested attributes."""
    model = MODELS[kind]
    resource = model.model_validate(data)
    context = Context.RESOURCE_QUERY_RESPONSE
    return resource.model_dump(
        scim_ctx=context, response_parameters=_parameters(model, attributes, excluded)
    )


def _matching(session: Session, kind: str, query: Any) -> list[Any]:
    model = MODELS[kind]
    filter_text = str(query.filter) if query.filter is not None else None
    documents = (
        users.candidates(session, filter_text) if kind == "Users" else groups.candidates(session)
    )
    resources = [model.model_validate(doc) for doc in documents]
    if query.filter is not None:
        resources = [r for r in resources if query.filter.match(r)]
    return resources


def search_all(session: Session, request: dict[str, Any]) -> dict[str, Any]:
    """POST ``/.search`` at the root: Users and Groups, each where the filter applies."""
    found: list[tuple[str, Any, Any]] = []
    parsed = None
    for kind, model in MODELS.items():
        try:
            query = SearchRequest[model].model_validate(request)  # type: ignore[valid-type]
        except ValueError:
            continue  # the filter names attributes this resource type does not have
        parsed = query
        found.extend((kind, model, r) for r in _matching(session, kind, query))
    if parsed is None:  # valid for neither: report the Users error
        SearchRequest[UserResource].model_validate(request)
    assert parsed is not None
    start = max(1, parsed.start_index or 1)
    count = MAX_RESULTS if parsed.count is None else max(0, min(parsed.count, MAX_RESULTS))
    page = [resource for _kind, _model, resource in found[start - 1 : start - 1 + count]]
    both = UserResource | GroupResource
    listing = ListResponse[both](
        total_results=len(found), start_index=start, items_per_page=len(page), resources=page
    )
    return listing.model_dump(
        scim_ctx=Context.SEARCH_RESPONSE,
        response_parameters=_parameters(both, parsed.attributes, parsed.excluded_attributes),
    )


def search(session: Session, kind: str, request: dict[str, Any]) -> dict[str, Any]:
    model = MODELS[kind]
    query = SearchRequest[model].model_validate(request)  # type: ignore[valid-type]
    start = max(1, query.start_index or 1)
    count = MAX_RESULTS if query.count is None else max(0, min(query.count, MAX_RESULTS))
    if kind == "Users" and query.filter is None:  # a plain listing pages in SQL
        documents = users.candidates(session, None, offset=start - 1, limit=count)
        page = [model.model_validate(doc) for doc in documents]
        total = users.count_visible(session)
    else:
        resources = _matching(session, kind, query)
        page = resources[start - 1 : start - 1 + count]
        total = len(resources)
    listing = ListResponse[model](  # type: ignore[valid-type]
        total_results=total, start_index=start, items_per_page=len(page), resources=page
    )
    return listing.model_dump(
        scim_ctx=Context.SEARCH_RESPONSE,
        response_parameters=_parameters(model, query.attributes, query.excluded_attributes),
    )
