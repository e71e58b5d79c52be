"""SCIM 2.0 provisioning: :class:`ScimApi`, with its own base URL and token.

Miro's SCIM service (Enterprise, with SSO) provisions the organization's users and maps
SCIM groups to teams. It lives apart from the REST API: base URL
``https://miro.com/api/v1/scim`` (``MIRO_SCIM_BASE_URL`` or ``base_url=`` override it) and a
SCIM API token that a Company Admin generates (not an OAuth token)::

    scim = miro.ScimApi("<scim token>")
    ann = scim.users.create("ann@example.com", given_name="Ann", family_name="Lee")
    for user in scim.users.list(filter='userName sw "ann"'):
        ...
    ann.deactivate()
    scim.groups.get(team_id).add_members(ann)

Bodies go as ``application/scim+json``; SCIM error bodies (``detail``, ``scimType``,
``status``) become the same typed :class:`~miro.errors.ApiError` subclasses as REST errors,
with ``code`` set to the ``scimType``.
"""

from __future__ import annotations

from typing import Any

from .collections import ScimGroups, ScimPaginator, ScimUsers
from .filters import check_filter
from .models import (
    ResourceType,
    ScimGroup,
    ScimListResponse,
    ScimSchema,
    ScimUser,
    ServiceProviderConfig,
)
from .transport import DEFAULT_SCIM_BASE_URL, default_scim_base_url


def __getattr__(name: str) -> Any:
    # ScimApi is a client (miro/scim_api.py, above the flat-method mixin that imports
    # this package): the old import path loads it on first use, nothing here imports it.
    if name == "ScimApi":
        from ..scim_api import ScimApi

        return ScimApi
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_SCIM_BASE_URL",
    "ResourceType",
    "ScimApi",
    "ScimGroup",
    "ScimGroups",
    "ScimListResponse",
    "ScimPaginator",
    "ScimSchema",
    "ScimUser",
    "ScimUsers",
    "ServiceProviderConfig",
    "check_filter",
    "default_scim_base_url",
]
