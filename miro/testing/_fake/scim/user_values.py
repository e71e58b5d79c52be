"""A SCIM User body checked against Miro's spec: what ``POST``, ``PUT`` and PATCH may store.

:func:`changes` turns a whole User (a POST or PUT body, or the document a PATCH produced)
into the changes to store, refusing what the spec refuses (400 ``invalidValue`` or
``invalidSyntax``, naming the attribute): ``userName`` an email; ``userType`` one of the
spec's licenses; one primary role, ``ORGANIZATION_INTERNAL_ADMIN`` or ``…_USER``, and admin
roles by name; photos as image URLs; names at most 60 characters (``givenName`` and
``familyName`` together too), ``employeeNumber`` 20, the other enterprise strings 120; a
``manager.value`` that is not numeric is dropped ("we ignore the value"). Without
``displayName`` the full name is ``name.formatted``, else ``givenName familyName``, else
``userName``. Nothing is written here.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Tuple

from .documents import ADMIN_ROLES, LICENSES, PRIMARY_ROLES
from .protocol import ENTERPRISE, ScimFault

WRITABLE = frozenset(
    {
        "schemas",
        "id",
        "meta",
        "externalId",
        "userName",
        "name",
        "displayName",
        "userType",
        "active",
        "emails",
        "photos",
        "groups",
        "roles",
        "preferredLanguage",
        ENTERPRISE,
    }
)
ENTERPRISE_LIMITS = {
    "employeeNumber": 20,
    "costCenter": 120,
    "organization": 120,
    "division": 120,
    "department": 120,
}
NAME_LIMIT = 60
IMAGE_SCHEMES = ("http://", "https://")


def _string(value: Any, what: str, limit: Optional[int] = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ScimFault(400, f"{what} must be a non-empty string", "invalidValue")
    if limit is not None and len(value) > limit:
        raise ScimFault(400, f"{what} is {limit} characters at most", "invalidValue")
    return value


def _object(value: Any, what: str) -> Dict[str, Any]:
    if not isinstance(value, dict):
        raise ScimFault(400, f"{what} must be an object", "invalidValue")
    return value


def _list(value: Any, what: str) -> List[Dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ScimFault(400, f"{what} must be an array of objects", "invalidValue")
    return value


def _name(value: Any) -> Dict[str, str]:
    name = _object(value, "name")
    for key, part in name.items():
        _string(part, f"name.{key}", NAME_LIMIT)
    given, family = name.get("givenName", ""), name.get("familyName", "")
    if len(given) + len(family) > NAME_LIMIT:
        raise ScimFault(
            400,
            "name.givenName and name.familyName are 60 characters at most together",
            "invalidValue",
        )
    return dict(name)


def _license(value: Any) -> str:
    wanted = _string(value, "userType").strip().lower()
    for user_type, license in LICENSES.items():
        if wanted == user_type.lower():
            return license
    raise ScimFault(400, f"userType {value!r} is not one of {', '.join(LICENSES)}", "invalidValue")


def _photos(value: Any) -> List[Dict[str, Any]]:
    photos = _list(value, "photos")
    for photo in photos:
        url = photo.get("value")
        if not isinstance(url, str) or not url.lower().startswith(IMAGE_SCHEMES):
            raise ScimFault(400, "photos.value must be the URL of an image", "invalidValue")
    return [dict(p) for p in photos]


def _roles(value: Any) -> Tuple[Optional[str], List[Dict[str, str]]]:
    """(primary role or None, admin roles) from a roles array."""
    primary: List[str] = []
    admin: List[Dict[str, str]] = []
    for role in _list(value, "roles"):
        kind, name = role.get("type"), role.get("value")
        if kind is not None and kind not in ("organization_user_role", "organization_admin_role"):
            raise ScimFault(400, f"roles.type {kind!r} is not supported", "invalidValue")
        name = _string(name, "roles.value")
        if role.get("primary") is True or kind == "organization_user_role":
            if name.upper() not in PRIMARY_ROLES:
                raise ScimFault(
                    400,
                    f"{name!r} is not a primary role: {' or '.join(PRIMARY_ROLES)}",
                    "invalidValue",
                )
            primary.append(PRIMARY_ROLES[name.upper()])
        elif name not in [a["name"] for a in admin]:
            admin.append({"type": "prebuilt" if name in ADMIN_ROLES else "custom", "name": name})
    if len(primary) > 1:
        raise ScimFault(
            400, "only one role can be primary (organization_user_role)", "invalidValue"
        )
    return (primary[0] if primary else None), admin


def _enterprise(value: Any) -> Dict[str, Any]:
    given = _object(value, ENTERPRISE)
    out: Dict[str, Any] = {}
    for key, item in given.items():
        if key in ENTERPRISE_LIMITS:
            out[key] = _string(item, key, ENTERPRISE_LIMITS[key])
        elif key == "manager":
            manager = _object(item, "manager")
            kept = {}
            if "displayName" in manager:
                kept["displayName"] = _string(
                    manager["displayName"], "manager.displayName", NAME_LIMIT
                )
            if str(manager.get("value", "")).isdigit():  # "not numeric … we ignore the value"
                kept["value"] = str(manager["value"])
            if kept:
                out["manager"] = kept
        else:
            raise ScimFault(400, f"{ENTERPRISE}:{key} is not an attribute", "invalidSyntax")
    return out


def changes(given: Mapping[str, Any]) -> Dict[str, Any]:
    """Validate a whole User; returns what to store (nothing is written here)."""
    unknown = [k for k in given if k not in WRITABLE]
    if unknown:
        raise ScimFault(400, f"Unknown attribute {unknown[0]}", "invalidSyntax")
    if given.get("userName") is None:
        raise ScimFault(400, "userName is required", "invalidValue")
    email = _string(given["userName"], "userName")
    if "@" not in email:
        raise ScimFault(400, "userName must be an email address", "invalidValue")
    out: Dict[str, Any] = {"email": email}
    if given.get("name") is not None:
        out["name"] = _name(given["name"])
    name = out.get("name", {})
    if given.get("displayName") is not None:
        out["display"] = _string(given["displayName"], "displayName", NAME_LIMIT)
    else:
        out["display"] = (
            name.get("formatted")
            or " ".join(p for p in (name.get("givenName"), name.get("familyName")) if p)
            or email
        )[:NAME_LIMIT]
    if given.get("active") is not None:
        if not isinstance(given["active"], bool):
            raise ScimFault(400, "active must be a boolean", "invalidValue")
        out["active"] = given["active"]
    if given.get("userType") is not None:
        out["license"] = _license(given["userType"])
    if given.get("roles") is not None:
        out["role"], out["adminRoles"] = _roles(given["roles"])
    if given.get("photos") is not None:
        out["photos"] = _photos(given["photos"])
    if given.get("preferredLanguage") is not None:
        out["preferredLanguage"] = _string(given["preferredLanguage"], "preferredLanguage")
    if given.get(ENTERPRISE) is not None:
        out[ENTERPRISE] = _enterprise(given[ENTERPRISE])
    return out
