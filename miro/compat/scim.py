"""Official flat methods for SCIM (``list_users``, ``patch_group`` …), sent to the SCIM base
URL — not to ``api.miro.com`` as the official client does (API-NOTES §8.16).

The mixin needs ``_scim_client()``: :class:`~miro.scim.ScimApi` is its own, and
:class:`~miro.MiroApi` makes one with the same token on first use.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from ..core.params import json_object
from ..scim.collections import USER, ScimPaginator
from ..scim.models import (
    ENTERPRISE_USER_SCHEMA,
    ResourceType,
    ScimGroup,
    ScimListResponse,
    ScimSchema,
    ScimUser,
    ServiceProviderConfig,
)
from .base import flat, own_argument_names


def _user_kwargs(body: Any, name: str) -> Dict[str, Any]:
    tree = dict(json_object(name, body))
    if ENTERPRISE_USER_SCHEMA in tree:
        tree["enterprise"] = tree.pop(ENTERPRISE_USER_SCHEMA)
    tree.pop("id", None)  # UserResource carries the id; the path says which user
    tree.pop("meta", None)
    return USER.from_json(tree, name)


def _page(collection: Any, start_index: Optional[int], count: Optional[int], **query: Any) -> Any:
    return collection.page(
        start_index=1 if start_index is None else start_index, count=count, **query
    )


def _listed(raw: Any, model: Any) -> ScimListResponse:
    page = ScimListResponse.from_dict(raw)
    page.resources = [model.from_dict(r) for r in page.resources]
    return page


class ScimFlat:
    """The SCIM operations under the official ``MiroApi`` names."""

    def _scim_client(self) -> Any:  # pragma: no cover - provided by the host class
        raise NotImplementedError

    @flat("listUsers", "scim.users.page")
    def list_users(
        self,
        attributes: Optional[str] = None,
        filter: Optional[str] = None,
        start_index: Optional[int] = None,
        count: Optional[int] = None,
        sort_by: Optional[str] = None,
        sort_order: Optional[str] = None,
    ) -> ScimListResponse:
        """One page of users (``startIndex`` from 1, ``count`` up to 1000), SCIM-filtered."""
        return _page(
            self._scim_client().users, start_index, count,
            attributes=attributes, filter=filter, sort_by=sort_by, sort_order=sort_order,
        )  # fmt: skip

    @own_argument_names
    def get_all_users(
        self, filter: Optional[str] = None, count: Optional[int] = None
    ) -> ScimPaginator[ScimUser]:
        """Every user (all pages), optionally SCIM-filtered: a generator of :class:`ScimUser`."""
        return self._scim_client().users.list(filter=filter, count=count)

    @flat("createUser", "scim.users.create")
    def create_user(self, create_user_resource: Any) -> ScimUser:
        """Provision a user (``CreateUserResource``: ``userName`` required)."""
        kwargs = _user_kwargs(create_user_resource, "create_user_resource")
        return self._scim_client().users.create(**kwargs)

    @flat("getUser", "scim.users.get")
    def get_user(self, id: str, attributes: Optional[str] = None) -> ScimUser:
        """One user by id."""
        return self._scim_client().users.get(id, attributes=attributes)

    @flat("replaceUser", "scim.users.replace")
    def replace_user(self, id: str, user_resource: Any) -> ScimUser:
        """Replace a user's attributes (``UserResource``)."""
        return self._scim_client().users.replace(id, **_user_kwargs(user_resource, "user_resource"))

    @flat("patchUser", "scim.users.patch")
    def patch_user(self, id: str, patch_user_resource: Any) -> ScimUser:
        """Apply a ``PatchOp`` to a user (activate, rename, license, roles …)."""
        body = json_object("patch_user_resource", patch_user_resource)
        return self._scim_client().users.patch(id, body)

    @flat("deleteUser", "scim.users.delete")
    def delete_user(self, id: str) -> None:
        """Delete a user from the organization."""
        self._scim_client().users.delete(id)

    @flat("listGroups", "scim.groups.page")
    def list_groups(
        self,
        attributes: Optional[str] = None,
        filter: Optional[str] = None,
        start_index: Optional[int] = None,
        count: Optional[int] = None,
        sort_by: Optional[str] = None,
        sort_order: Optional[str] = None,
    ) -> ScimListResponse:
        """One page of groups (teams), SCIM-filtered."""
        return _page(
            self._scim_client().groups, start_index, count,
            attributes=attributes, filter=filter, sort_by=sort_by, sort_order=sort_order,
        )  # fmt: skip

    @flat("getGroup", "scim.groups.get")
    def get_group(self, id: str, attributes: Optional[str] = None) -> ScimGroup:
        """One group (team) by id."""
        return self._scim_client().groups.get(id, attributes=attributes)

    @flat("patchGroup", "scim.groups.patch")
    def patch_group(
        self, id: str, patch_group_resource: Any, attributes: Optional[str] = None
    ) -> ScimGroup:
        """Add or remove members, or rename a group (team), with a ``PatchOp``."""
        body = json_object("patch_group_resource", patch_group_resource)
        return self._scim_client().groups.patch(id, body, attributes=attributes)

    @flat("listServiceProviderConfigs", "scim.service_provider_config")
    def list_service_provider_configs(self) -> ServiceProviderConfig:
        """What the SCIM service supports."""
        return self._scim_client().service_provider_config()

    @flat("listResourceTypes", "scim.resource_types")
    def list_resource_types(self) -> ScimListResponse:
        """The resource types (User, Group), as a SCIM list."""
        return _listed(self._scim_client()._get("/ResourceTypes"), ResourceType)

    @flat("getResourceType", "scim.resource_type")
    def get_resource_type(self, resource: str) -> ResourceType:
        """One resource type: ``"User"`` or ``"Group"``."""
        return self._scim_client().resource_type(resource)

    @flat("listSchemas", "scim.schemas")
    def list_schemas(self) -> ScimListResponse:
        """The schemas the service uses, as a SCIM list."""
        return _listed(self._scim_client()._get("/Schemas"), ScimSchema)

    @flat("getSchema", "scim.schema")
    def get_schema(self, uri: str) -> ScimSchema:
        """One schema by URN."""
        return self._scim_client().schema(uri)
