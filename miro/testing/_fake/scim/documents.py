"""The SCIM discovery documents FakeMiro serves (RFC 7643 §5–7, as Miro's spec describes them).

The schemas are complete: every complex attribute lists its ``subAttributes``, and the
attributes whose values the spec lists carry them as ``canonicalValues`` (``userType``:
the licenses of ``createUser``; ``roles.value`` and ``roles.type``: the roles of
``patchUser``). Mutability follows Miro: ``emails`` is read-only (it is ``userName``; the
spec's ``replaceUser`` ignores ``emails``), ``groups`` is read-only (teams are joined
through ``patchGroup``). :data:`PATCH_NAMES` gives the PATCH engine the same attributes.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from .patching import Names
from .protocol import ENTERPRISE, GROUP_SCHEMA, PREFIX, USER_SCHEMA

SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"
RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
#: createUser's userType values, and the license each sets.
LICENSES = {
    "Full": "full",
    "Free": "free",
    "Free Restricted": "free_restricted",
    "Full (Trial)": "full_trial",
    "Basic": "basic",
    "Standard": "standard",
    "Advanced": "advanced",
}
#: patchUser: "the only supported primary user roles" (organization_user_role).
PRIMARY_ROLES = {
    "ORGANIZATION_INTERNAL_ADMIN": "organization_internal_admin",
    "ORGANIZATION_INTERNAL_USER": "organization_internal_user",
}
#: organization_admin_role: "Content Admin, User Admin, Security Admin, or names of custom
#: admin roles".
ADMIN_ROLES = ("Content Admin", "User Admin", "Security Admin")
ROLE_TYPES = ("organization_user_role", "organization_admin_role")


def attribute(
    name: str,
    kind: str = "string",
    *,
    multi: bool = False,
    required: bool = False,
    mutability: str = "readWrite",
    returned: str = "default",
    unique: str = "none",
    canonical: Sequence[str] = (),
    subs: Optional[List[Dict[str, Any]]] = None,
    references: Sequence[str] = (),
    description: str = "",
) -> Dict[str, Any]:
    """One RFC 7643 §7 attribute definition."""
    out: Dict[str, Any] = {
        "name": name,
        "type": kind,
        "multiValued": multi,
        "description": description or name,
        "required": required,
        "caseExact": name == "id",
        "mutability": mutability,
        "returned": returned,
        "uniqueness": unique,
    }
    if canonical:
        out["canonicalValues"] = list(canonical)
    if references:
        out["referenceTypes"] = list(references)
    if subs is not None:
        out["subAttributes"] = subs
    return out


def _readonly(name: str, kind: str = "string", **kw: Any) -> Dict[str, Any]:
    return attribute(name, kind, mutability="readOnly", **kw)


USER_ATTRIBUTES = [
    attribute(
        "userName",
        required=True,
        unique="server",
        description="The unique username/login identifier: an email address",
    ),
    attribute(
        "name",
        "complex",
        subs=[
            attribute("formatted", description="Full name, 60 characters at most"),
            attribute("familyName"),
            attribute("givenName"),
        ],
    ),
    attribute("displayName", description="Full name, 60 characters at most"),
    attribute("userType", canonical=list(LICENSES), description="The license"),
    attribute("active", "boolean"),
    _readonly(
        "emails",
        "complex",
        multi=True,
        description="userName, as the user's email",
        subs=[
            _readonly("value"),
            _readonly("display"),
            _readonly("type"),
            _readonly("primary", "boolean"),
        ],
    ),
    attribute(
        "photos",
        "complex",
        multi=True,
        subs=[
            attribute(
                "value",
                "reference",
                references=["external"],
                description="URL of a jpg, jpeg, bmp, png or gif image",
            ),
            attribute("type", canonical=["photo"]),
        ],
    ),
    _readonly(
        "groups",
        "complex",
        multi=True,
        description="The teams of the user",
        subs=[
            _readonly("value"),
            _readonly("display"),
        ],
    ),
    attribute(
        "roles",
        "complex",
        multi=True,
        subs=[
            attribute("value", canonical=[*PRIMARY_ROLES, *ADMIN_ROLES]),
            _readonly("display"),
            attribute("type", canonical=ROLE_TYPES),
            attribute("primary", "boolean"),
        ],
    ),
    attribute("preferredLanguage", description="For example en_US"),
]

GROUP_ATTRIBUTES = [
    attribute("displayName", required=True, description="The team's name"),
    attribute(
        "members",
        "complex",
        multi=True,
        subs=[
            attribute("value", mutability="immutable", description="A user id"),
            _readonly("display"),
            _readonly("type", canonical=["User"]),
        ],
    ),
]

ENTERPRISE_ATTRIBUTES = [
    attribute("employeeNumber", description="20 characters at most"),
    attribute("costCenter", description="120 characters at most"),
    attribute("organization", description="120 characters at most"),
    attribute("division", description="120 characters at most"),
    attribute("department", description="120 characters at most"),
    attribute(
        "manager",
        "complex",
        subs=[
            attribute("value", description="The manager's user id (numeric; others are ignored)"),
            attribute("displayName", description="60 characters at most"),
        ],
    ),
]


def _names(attributes: List[Dict[str, Any]]) -> Dict[str, List[str]]:
    return {a["name"]: [s["name"] for s in a.get("subAttributes", [])] for a in attributes}


#: The attribute names PATCH resolves paths against, per resource type.
PATCH_NAMES = {
    "User": Names(
        USER_SCHEMA,
        {"id": [], **_names(USER_ATTRIBUTES)},
        {ENTERPRISE: _names(ENTERPRISE_ATTRIBUTES)},
        ignored=("externalId",),
    ),
    "Group": Names(
        GROUP_SCHEMA, {"id": [], **_names(GROUP_ATTRIBUTES)}, {}, ignored=("externalId",)
    ),
}

SERVICE_PROVIDER_CONFIG: Dict[str, Any] = {
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    "documentationUri": "https://developers.miro.com/docs/scim",
    "patch": {"supported": True},
    "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
    "filter": {"supported": True, "maxResults": 1000},
    "changePassword": {"supported": False},
    "sort": {"supported": True},
    "etag": {"supported": True},  # every user and group answer carries one (protocol.py)
    "authenticationSchemes": [
        {
            "type": "oauthbearertoken",
            "name": "OAuth Bearer Token",
            "description": "The SCIM API token a Company Admin generates",
            "primary": True,
        }
    ],
    "meta": {
        "resourceType": "ServiceProviderConfig",
        "location": f"{PREFIX}/ServiceProviderConfig",
    },
}


def _resource_type(
    name: str, description: str, schema: str, extensions: List[Dict[str, Any]]
) -> Dict[str, Any]:
    return {
        "schemas": [RESOURCE_TYPE],
        "id": name,
        "name": name,
        "description": description,
        "endpoint": f"/{name}s",
        "schema": schema,
        "schemaExtensions": extensions,
        "meta": {"resourceType": "ResourceType", "location": f"{PREFIX}/ResourceTypes/{name}"},
    }


RESOURCE_TYPES: Dict[str, Dict[str, Any]] = {
    "User": _resource_type(
        "User", "User Account", USER_SCHEMA, [{"schema": ENTERPRISE, "required": False}]
    ),
    "Group": _resource_type("Group", "A team of the organization", GROUP_SCHEMA, []),
}


def _schema(uri: str, name: str, description: str, rows: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {
        "schemas": [SCHEMA],
        "id": uri,
        "name": name,
        "description": description,
        "attributes": rows,
        "meta": {"resourceType": "Schema", "location": f"{PREFIX}/Schemas/{uri}"},
    }


SCHEMAS: Dict[str, Dict[str, Any]] = {
    USER_SCHEMA: _schema(USER_SCHEMA, "User", "User Account", USER_ATTRIBUTES),
    GROUP_SCHEMA: _schema(GROUP_SCHEMA, "Group", "A team of the organization", GROUP_ATTRIBUTES),
    ENTERPRISE: _schema(ENTERPRISE, "EnterpriseUser", "Enterprise User", ENTERPRISE_ATTRIBUTES),
}
