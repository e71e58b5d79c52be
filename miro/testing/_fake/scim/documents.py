"""The SCIM discovery documents FakeMiro serves (RFC 7643 §5–7, as Miro describes its service)."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"

SERVICE_PROVIDER_CONFIG: Dict[str, Any] = {
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    "documentationUri": "https://developers.miro.com/docs/scim",
    "patch": {"supported": True},
    "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
    "filter": {"supported": True, "maxResults": 1000},
    "changePassword": {"supported": False},
    "sort": {"supported": True},
    "etag": {"supported": False},
    "authenticationSchemes": [
        {
            "type": "oauthbearertoken",
            "name": "OAuth Bearer Token",
            "description": "The SCIM API token a Company Admin generates",
            "primary": True,
        }
    ],
}

RESOURCE_TYPES: Dict[str, Dict[str, Any]] = {
    "User": {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "User",
        "name": "User",
        "description": "User Account",
        "endpoint": "/Users",
        "schema": USER,
        "schemaExtensions": [{"schema": ENTERPRISE, "required": False}],
    },
    "Group": {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "Group",
        "name": "Group",
        "description": "A team of the organization",
        "endpoint": "/Groups",
        "schema": GROUP,
        "schemaExtensions": [],
    },
}

_Attr = Tuple[str, str, bool, bool]  # name, type, multi-valued, required


def _attributes(rows: List[_Attr]) -> List[Dict[str, Any]]:
    return [
        {
            "name": name,
            "type": kind,
            "multiValued": multi,
            "required": required,
            "caseExact": name == "id",
            "mutability": "readOnly" if name in ("id", "groups") else "readWrite",
            "returned": "default",
            "uniqueness": "server" if name in ("id", "userName") else "none",
        }
        for name, kind, multi, required in rows
    ]


def _schema(uri: str, name: str, description: str, rows: List[_Attr]) -> Dict[str, Any]:
    return {
        "schemas": [SCHEMA],
        "id": uri,
        "name": name,
        "description": description,
        "attributes": _attributes(rows),
        "meta": {"resourceType": "Schema", "location": f"/Schemas/{uri}"},
    }


SCHEMAS: Dict[str, Dict[str, Any]] = {
    USER: _schema(USER, "User", "User Account", [
        ("id", "string", False, False), ("userName", "string", False, True),
        ("name", "complex", False, False), ("displayName", "string", False, False),
        ("userType", "string", False, False), ("active", "boolean", False, False),
        ("emails", "complex", True, False), ("photos", "complex", True, False),
        ("groups", "complex", True, False), ("roles", "complex", True, False),
        ("preferredLanguage", "string", False, False),
    ]),
    GROUP: _schema(GROUP, "Group", "A team of the organization", [
        ("id", "string", False, False), ("displayName", "string", False, True),
        ("members", "complex", True, False),
    ]),
    ENTERPRISE: _schema(ENTERPRISE, "EnterpriseUser", "Enterprise User", [
        ("employeeNumber", "string", False, False), ("costCenter", "string", False, False),
        ("organization", "string", False, False), ("division", "string", False, False),
        ("department", "string", False, False), ("manager", "complex", False, False),
    ]),
}  # fmt: skip
