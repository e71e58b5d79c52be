"""FakeMiro's SCIM 2.0 service (API-NOTES §8.16), served under ``/api/v1/scim``.

SCIM users are the organization's members (``store.org.members``, :mod:`.users`) and SCIM
groups are its teams (:mod:`.groups`), as Miro maps them. Authentication is a SCIM API
token, distinct from OAuth tokens: an OAuth token here answers 401, and a SCIM token on the
REST API answers 401 too (it is not an access token). What every answer shares (errors,
media type, ETags, lists) is :mod:`.protocol`; PATCH is :mod:`.patching`; the discovery
documents are :mod:`.documents`. Like the rest of ``miro.testing`` this package imports
nothing from the SDK.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Tuple

from ..server import Request, Route, route
from ..state import Store
from . import documents, groups, users
from .protocol import LIST, PREFIX, ScimFault, authorize, document, fault

__all__ = ["PREFIX", "ROUTES", "fault", "install"]


def install(store: Store, token: str) -> None:
    """Accept ``token`` as a SCIM API token of the fake's organization."""
    vars(store).setdefault("scim_tokens", set()).add(token)


def _located(request: Request, found: Dict[str, Any]) -> Dict[str, Any]:
    """A discovery document with an absolute ``meta.location``."""
    out = copy.deepcopy(found)
    out["meta"]["location"] = request.url(out["meta"]["location"])
    return out


def _listing(request: Request, found: List[Dict[str, Any]]) -> Tuple[int, Any, Dict[str, str]]:
    resources = [_located(request, f) for f in found]
    return document(
        request,
        {
            "schemas": [LIST],
            "totalResults": len(resources),
            "startIndex": 1,
            "itemsPerPage": len(resources),
            "Resources": resources,
        },
    )


def service_provider_config(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /ServiceProviderConfig``."""
    authorize(request)
    return document(request, _located(request, documents.SERVICE_PROVIDER_CONFIG))


def resource_types(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /ResourceTypes``."""
    authorize(request)
    return _listing(request, list(documents.RESOURCE_TYPES.values()))


def resource_type(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /ResourceTypes/{resource}``."""
    authorize(request)
    found = documents.RESOURCE_TYPES.get(request.params["resource"])
    if found is None:
        raise ScimFault(404, f"Resource type {request.params['resource']} not found", "noTarget")
    return document(request, _located(request, found))


def schemas(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /Schemas``."""
    authorize(request)
    return _listing(request, list(documents.SCHEMAS.values()))


def schema(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /Schemas/{uri}``."""
    authorize(request)
    found = documents.SCHEMAS.get(request.params["uri"])
    if found is None:
        raise ScimFault(404, f"Schema {request.params['uri']} not found", "noTarget")
    return document(request, _located(request, found))


def _scim(method: str, path: str, handler: Any) -> Route:
    return route(method, PREFIX + path, handler, public=True)  # SCIM checks its own tokens


ROUTES = [
    _scim("GET", "/Users", users.list_users),
    _scim("POST", "/Users", users.create_user),
    _scim("GET", "/Users/{id}", users.get_user),
    _scim("PUT", "/Users/{id}", users.replace_user),
    _scim("PATCH", "/Users/{id}", users.patch_user),
    _scim("DELETE", "/Users/{id}", users.delete_user),
    _scim("GET", "/Groups", groups.list_groups),
    _scim("GET", "/Groups/{id}", groups.get_group),
    _scim("PATCH", "/Groups/{id}", groups.patch_group),
    _scim("GET", "/ServiceProviderConfig", service_provider_config),
    _scim("GET", "/ResourceTypes", resource_types),
    _scim("GET", "/ResourceTypes/{resource}", resource_type),
    _scim("GET", "/Schemas", schemas),
    _scim("GET", "/Schemas/{uri}", schema),
]
