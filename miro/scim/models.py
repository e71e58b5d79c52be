"""SCIM 2.0 resources as Miro serves them (``UserResource``, ``GroupResource`` …).

Attribute names are the snake_case of SCIM's camelCase (``user_name`` ↔ ``userName``);
the enterprise extension (``urn:ietf:params:scim:schemas:extension:enterprise:2.0:User``)
is ``user.enterprise``. Anything else Miro sends is kept in ``.extra``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import attrs

from ..core.resource import Model, Resource

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"


@attrs.define(kw_only=True)
class ScimMeta(Model):
    """Where a SCIM resource lives and what kind it is."""

    resource_type: Optional[str] = None
    location: Optional[str] = None


@attrs.define(kw_only=True)
class ScimName(Model):
    """A user's structured name."""

    formatted: Optional[str] = None
    family_name: Optional[str] = None
    given_name: Optional[str] = None


@attrs.define(kw_only=True)
class ScimEmail(Model):
    """One of a user's email addresses."""

    value: Optional[str] = None
    type: Optional[str] = None
    primary: Optional[bool] = None


@attrs.define(kw_only=True)
class ScimPhoto(Model):
    """A user's picture."""

    type: Optional[str] = None
    value: Optional[str] = None


@attrs.define(kw_only=True)
class ScimGroupRef(Model):
    """A group (team) a user belongs to."""

    value: Optional[str] = None
    display: Optional[str] = None


@attrs.define(kw_only=True)
class ScimRole(Model):
    """A user's role: the primary organization role or an admin role."""

    type: Optional[str] = None
    value: Optional[str] = None
    display: Optional[str] = None
    primary: Optional[bool] = None


@attrs.define(kw_only=True)
class ScimManager(Model):
    """A user's manager (enterprise extension)."""

    display_name: Optional[str] = None
    value: Optional[str] = None


@attrs.define(kw_only=True)
class ScimEnterpriseUser(Model):
    """The SCIM enterprise user extension."""

    employee_number: Optional[str] = None
    cost_center: Optional[str] = None
    organization: Optional[str] = None
    division: Optional[str] = None
    department: Optional[str] = None
    manager: Optional[ScimManager] = None


@attrs.define(kw_only=True, repr=False)
class ScimUser(Resource):
    """A user of the organization as SCIM sees them: ``scim.users.get(id)``."""

    _summary_fields = ("user_name", "display_name", "active")

    schemas: List[str] = attrs.field(factory=list)
    meta: Optional[ScimMeta] = None
    user_name: Optional[str] = None
    name: Optional[ScimName] = None
    display_name: Optional[str] = None
    user_type: Optional[str] = None
    active: Optional[bool] = None
    emails: List[ScimEmail] = attrs.field(factory=list)
    photos: List[ScimPhoto] = attrs.field(factory=list)
    groups: List[ScimGroupRef] = attrs.field(factory=list)
    roles: List[ScimRole] = attrs.field(factory=list)
    preferred_language: Optional[str] = None
    enterprise: Optional[ScimEnterpriseUser] = attrs.field(
        default=None, metadata={"json": ENTERPRISE_USER_SCHEMA}
    )

    def patch(self, operations: Any) -> ScimUser:
        """Apply SCIM PATCH operations (see :meth:`ScimUsers.patch`); updates this object."""
        self._replace_with(self._require_collection().patch(self.id, operations))
        return self

    def deactivate(self) -> ScimUser:
        """Deactivate the user (``active`` = false): they can no longer sign in."""
        return self.patch([("replace", "active", False)])

    def activate(self) -> ScimUser:
        """Reactivate a deactivated user."""
        return self.patch([("replace", "active", True)])

    def delete(self) -> None:
        """Delete the user from the organization (deprovision)."""
        self._require_collection().delete(self.id)


@attrs.define(kw_only=True)
class ScimMember(Model):
    """A member of a SCIM group (team)."""

    value: Optional[str] = None
    type: Optional[str] = None
    display: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class ScimGroup(Resource):
    """A Miro team as SCIM sees it (a SCIM ``Group``): ``scim.groups.get(id)``."""

    _summary_fields = ("display_name",)

    schemas: List[str] = attrs.field(factory=list)
    meta: Optional[ScimMeta] = None
    display_name: Optional[str] = None
    members: List[ScimMember] = attrs.field(factory=list)

    def patch(self, operations: Any) -> ScimGroup:
        """Apply SCIM PATCH operations (see :meth:`ScimGroups.patch`); updates this object."""
        self._replace_with(self._require_collection().patch(self.id, operations))
        return self

    def add_members(self, *users: Any) -> ScimGroup:
        """Add users (ids or :class:`ScimUser` objects) to this team."""
        self._replace_with(self._require_collection().add_members(self.id, *users))
        return self

    def remove_members(self, *users: Any) -> ScimGroup:
        """Remove users (ids or :class:`ScimUser` objects) from this team."""
        self._replace_with(self._require_collection().remove_members(self.id, *users))
        return self

    def rename(self, display_name: str) -> ScimGroup:
        """Rename the team."""
        self._replace_with(self._require_collection().rename(self.id, display_name))
        return self


@attrs.define(kw_only=True)
class ScimListResponse(Model):
    """One page of a SCIM list (``UserListResponse``, ``GroupListResponse`` …)."""

    schemas: List[str] = attrs.field(factory=list)
    total_results: Optional[int] = None
    start_index: Optional[int] = None
    items_per_page: Optional[int] = None
    resources: List[Any] = attrs.field(factory=list, metadata={"json": "Resources"})


@attrs.define(kw_only=True)
class ScimFeature(Model):
    """Whether the service supports one SCIM feature, with its limits."""

    supported: Optional[bool] = None
    max_operations: Optional[int] = None
    max_payload_size: Optional[int] = None
    max_results: Optional[int] = None


@attrs.define(kw_only=True)
class ScimAuthenticationScheme(Model):
    """How clients authenticate to the SCIM service."""

    name: Optional[str] = None
    description: Optional[str] = None
    spec_uri: Optional[str] = None
    type: Optional[str] = None
    primary: Optional[bool] = None


@attrs.define(kw_only=True)
class ServiceProviderConfig(Model):
    """What Miro's SCIM service supports (``GET /ServiceProviderConfig``)."""

    schemas: List[str] = attrs.field(factory=list)
    documentation_uri: Optional[str] = None
    patch: Optional[ScimFeature] = None
    bulk: Optional[ScimFeature] = None
    filter: Optional[ScimFeature] = None
    change_password: Optional[ScimFeature] = None
    sort: Optional[ScimFeature] = None
    etag: Optional[ScimFeature] = None
    authentication_schemes: List[ScimAuthenticationScheme] = attrs.field(factory=list)


@attrs.define(kw_only=True)
class SchemaExtension(Model):
    """An extension schema a resource type carries."""

    schema: Optional[str] = None
    required: Optional[bool] = None


@attrs.define(kw_only=True)
class ResourceType(Model):
    """A SCIM resource type (``User``, ``Group``) and its endpoint."""

    schemas: List[str] = attrs.field(factory=list)
    id: Optional[str] = None
    name: Optional[str] = None
    description: Optional[str] = None
    endpoint: Optional[str] = None
    schema: Optional[str] = None
    schema_extensions: List[SchemaExtension] = attrs.field(factory=list)


@attrs.define(kw_only=True)
class SchemaAttribute(Model):
    """One attribute a SCIM schema defines."""

    name: Optional[str] = None
    type: Optional[str] = None
    multi_valued: Optional[bool] = None
    description: Optional[str] = None
    required: Optional[bool] = None
    case_exact: Optional[bool] = None
    mutability: Optional[str] = None
    returned: Optional[str] = None
    uniqueness: Optional[str] = None
    sub_attributes: List[Dict[str, Any]] = attrs.field(factory=list)


@attrs.define(kw_only=True)
class ScimSchema(Model):
    """A SCIM schema: the attributes of a resource type."""

    schemas: List[str] = attrs.field(factory=list)
    id: Optional[str] = None
    name: Optional[str] = None
    description: Optional[str] = None
    attributes: List[SchemaAttribute] = attrs.field(factory=list)
    meta: Optional[ScimMeta] = None
