"""FakeMiro's SCIM 2.0 service (API-NOTES §8.16), served under ``/api/v1/scim``.

SCIM users are the organization's members (``store.org.members``) and SCIM groups are its
teams, as Miro maps them. Authentication is a SCIM API token, distinct from OAuth tokens:
an OAuth token here answers 401, and a SCIM token on the REST API answers 401 too (it is
not an access token). Errors are RFC 7644 §3.12 bodies (``schemas``, ``status`` as a string,
``detail``, ``scimType``). Lists page by ``startIndex`` (from 1) and ``count`` (default 100,
at most 1000) and filter with :mod:`.filtering`. Like the rest of ``miro.testing`` this
package imports nothing from the SDK.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Set, Tuple

from ..enterprise.state import Org
from ..errors import ApiFault
from ..server import Request, route
from ..state import Store
from . import documents
from .filtering import FilterError, compile_filter

PREFIX = "/api/v1/scim"
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
MAX_COUNT = 1000
PRIMARY_ROLES = {
    "ORGANIZATION_INTERNAL_ADMIN": "organization_internal_admin",
    "ORGANIZATION_INTERNAL_USER": "organization_internal_user",
}
USER_FIELDS = frozenset(
    {"schemas", "id", "meta", "userName", "name", "displayName", "userType", "active",
     "emails", "photos", "groups", "roles", "preferredLanguage", ENTERPRISE}
)  # fmt: skip


class ScimFault(ApiFault):
    """An error answered as a SCIM error body."""

    def __init__(self, status: int, detail: str, scim_type: Optional[str] = None) -> None:
        super().__init__(status, scim_type or "scimError", detail)
        self.scim_type = scim_type

    def body(self) -> Dict[str, Any]:
        """RFC 7644 §3.12: ``schemas``, ``status`` (a string), ``detail``, ``scimType``."""
        out: Dict[str, Any] = {
            "schemas": [ERROR],
            "status": str(self.status),
            "detail": self.message,
        }
        if self.scim_type:
            out["scimType"] = self.scim_type
        return out


def install(store: Store, token: str) -> None:
    """Accept ``token`` as a SCIM API token of the fake's organization."""
    tokens(store).add(token)


def tokens(store: Store) -> Set[str]:
    """The SCIM API tokens the service accepts."""
    return vars(store).setdefault("scim_tokens", set())


def _names(store: Store) -> Dict[str, Dict[str, Any]]:
    """Per user: the SCIM-only attributes (structured name, language, extension)."""
    return vars(store).setdefault("scim_names", {})


def _authorize(request: Request) -> Org:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or token not in tokens(request.store):
        raise ScimFault(401, "A valid SCIM API token is required")
    return request.store.org


def _body(request: Request) -> Dict[str, Any]:
    if not request.body:
        raise ScimFault(400, "A request body is required", "invalidSyntax")
    try:
        body = json.loads(request.body)
    except ValueError:
        raise ScimFault(400, "The body is not valid JSON", "invalidSyntax") from None
    if not isinstance(body, dict):
        raise ScimFault(400, "The body must be a JSON object", "invalidSyntax")
    return body


def _string(body: Mapping[str, Any], key: str, required: bool = False) -> Optional[str]:
    value = body.get(key)
    if value is None:
        if required:
            raise ScimFault(400, f"{key} is required", "invalidValue")
        return None
    if not isinstance(value, str) or not value.strip():
        raise ScimFault(400, f"{key} must be a non-empty string", "invalidValue")
    return value


def _user_type(license: str) -> str:
    return " ".join(part.capitalize() for part in license.split("_"))


def _license(user_type: Any) -> str:
    if not isinstance(user_type, str):
        raise ScimFault(400, "userType must be a string", "invalidValue")
    license = user_type.strip().lower().replace(" ", "_")
    if license not in ("full", "occasional", "free", "free_restricted", "basic", "standard",
                       "advanced", "full_trial"):  # fmt: skip
        raise ScimFault(400, f"userType {user_type!r} is not a license", "invalidValue")
    return license


def render_user(request: Request, user_id: str) -> Dict[str, Any]:
    """A member as a SCIM ``UserResource``."""
    org = request.store.org
    member = org.members[user_id]
    user = request.store.users[user_id]
    extra = _names(request.store).get(user_id, {})
    display = user.get("name") or member["email"]
    roles = [{"value": member["role"].upper(), "type": "organization_user_role", "primary": True}]
    roles += [
        {"value": r.get("name", ""), "type": "organization_admin_role", "primary": False}
        for r in member.get("adminRoles", [])
    ]
    teams = [t for t, people in org.team_members.items() if user_id in people]
    out: Dict[str, Any] = {
        "schemas": [USER_SCHEMA],
        "id": user_id,
        "meta": {"resourceType": "User", "location": request.url(f"{PREFIX}/Users/{user_id}")},
        "userName": member["email"],
        "name": extra.get("name") or {"formatted": display},
        "displayName": display,
        "userType": _user_type(member["license"]),
        "active": member["active"],
        "emails": [{"value": member["email"], "type": "work", "primary": True}],
        "groups": [{"value": t, "display": org.teams[t]["name"]} for t in teams],
        "roles": roles,
    }
    if extra.get("preferredLanguage"):
        out["preferredLanguage"] = extra["preferredLanguage"]
    if extra.get(ENTERPRISE):
        out[ENTERPRISE] = extra[ENTERPRISE]  # ``schemas`` lists the core schema only (spec)
    return out


def render_group(request: Request, team_id: str) -> Dict[str, Any]:
    """A team as a SCIM ``GroupResource``."""
    org = request.store.org
    members = [
        {"value": uid, "type": "User", "display": request.store.users[uid].get("name") or ""}
        for uid in org.team_members.get(team_id, {})
        if uid in org.members
    ]
    return {
        "schemas": [GROUP_SCHEMA],
        "id": team_id,
        "meta": {"resourceType": "Group", "location": request.url(f"{PREFIX}/Groups/{team_id}")},
        "displayName": org.teams[team_id]["name"],
        "members": members,
    }


def _project(resource: Dict[str, Any], attributes: Optional[str]) -> Dict[str, Any]:
    if not attributes:
        return resource
    wanted = {a.strip().split(".")[0].lower() for a in attributes.split(",") if a.strip()}
    return {k: v for k, v in resource.items() if k in ("schemas", "id") or k.lower() in wanted}


def _int_param(request: Request, name: str, default: int, minimum: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ScimFault(400, f"{name} must be an integer", "invalidValue") from None
    return max(minimum, value)


def _list(request: Request, resources: List[Dict[str, Any]]) -> Tuple[int, Any]:
    allowed = {"attributes", "filter", "startIndex", "count", "sortBy", "sortOrder"}
    unknown = [k for k in request.query_keys if k not in allowed]
    if unknown:
        raise ScimFault(400, f"Unknown query parameter {unknown[0]}", "invalidValue")
    text = request.query.get("filter")
    if text:
        try:
            predicate = compile_filter(text)
        except FilterError as exc:
            raise ScimFault(400, f"Invalid filter: {exc}", "invalidFilter") from None
        resources = [r for r in resources if predicate(r)]
    order = request.query.get("sortOrder", "ascending")
    if order not in ("ascending", "descending"):
        raise ScimFault(400, "sortOrder must be ascending or descending", "invalidValue")
    sort_by = request.query.get("sortBy")
    if sort_by:

        def key(resource: Dict[str, Any]) -> Tuple[int, str]:
            found = _field(resource, sort_by)
            return (found is None, str(found).lower() if found is not None else "")

        resources.sort(key=key, reverse=order == "descending")
    start = _int_param(request, "startIndex", 1, 1)
    count = min(MAX_COUNT, _int_param(request, "count", 100, 0))
    page = resources[start - 1 : start - 1 + count]
    attributes = request.query.get("attributes")
    return 200, {
        "schemas": [LIST],
        "totalResults": len(resources),
        "startIndex": start,
        "itemsPerPage": len(page),
        "Resources": [_project(r, attributes) for r in page],
    }


def _field(resource: Mapping[str, Any], path: str) -> Any:
    node: Any = resource
    for part in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = next((v for k, v in node.items() if k.lower() == part.lower()), None)
    return node


# -- users -----------------------------------------------------------------------------
def _user_or_404(request: Request, org: Org) -> str:
    user_id = request.params["id"]
    if user_id not in org.members:
        raise ScimFault(404, f"User {user_id} not found")
    return user_id


def list_users(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    return _list(request, [render_user(request, uid) for uid in org.members])


def get_user(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    user_id = _user_or_404(request, org)
    return 200, _project(render_user(request, user_id), request.query.get("attributes"))


def _check_user_body(body: Mapping[str, Any]) -> Dict[str, Any]:
    """Validate a User body; returns the changes it asks for (nothing written yet)."""
    unknown = [k for k in body if k not in USER_FIELDS]
    if unknown:
        raise ScimFault(400, f"Unknown attribute {unknown[0]}", "invalidSyntax")
    email = _string(body, "userName", required=True)
    if email is None or "@" not in email:
        raise ScimFault(400, "userName must be an email address", "invalidValue")
    changes: Dict[str, Any] = {"email": email}
    name = body.get("name")
    if name is not None:
        if not isinstance(name, dict) or not all(isinstance(v, str) for v in name.values()):
            raise ScimFault(400, "name must be an object of strings", "invalidValue")
        changes["name"] = name
    display = _string(body, "displayName")
    full = (
        display
        or (name or {}).get("formatted")
        or " ".join(p for p in ((name or {}).get("givenName"), (name or {}).get("familyName")) if p)
    )
    changes["display"] = (full or email)[:60]
    if "active" in body:
        if not isinstance(body["active"], bool):
            raise ScimFault(400, "active must be a boolean", "invalidValue")
        changes["active"] = body["active"]
    if body.get("userType") is not None:
        changes["license"] = _license(body["userType"])
    for role in body.get("roles") or []:
        if isinstance(role, dict) and role.get("primary") and role.get("value") is not None:
            if role["value"] not in PRIMARY_ROLES:
                raise ScimFault(400, f"role {role['value']!r} is not supported", "invalidValue")
            changes["role"] = PRIMARY_ROLES[role["value"]]
    if body.get(ENTERPRISE) is not None:
        if not isinstance(body[ENTERPRISE], dict):
            raise ScimFault(400, f"{ENTERPRISE} must be an object", "invalidValue")
        changes[ENTERPRISE] = body[ENTERPRISE]
    if body.get("preferredLanguage") is not None:
        changes["preferredLanguage"] = _string(body, "preferredLanguage")
    return changes


def _apply(request: Request, user_id: str, changes: Mapping[str, Any]) -> None:
    store, org = request.store, request.store.org
    member, user = org.members[user_id], store.users[user_id]
    if "email" in changes and changes["email"].lower() != member["email"].lower():
        store.emails.pop(member["email"].lower(), None)
        store.emails[changes["email"].lower()] = user_id
        member["email"] = user["email"] = changes["email"]
    if "display" in changes:
        user["name"] = changes["display"]
    for key in ("active", "license", "role"):
        if key in changes:
            member[key] = changes[key]
    extra = _names(store).setdefault(user_id, {})
    for key in ("name", "preferredLanguage", ENTERPRISE):
        if key in changes:
            extra[key] = changes[key]


def _taken(request: Request, email: str, user_id: str = "") -> None:
    owner = request.store.emails.get(email.lower())
    if owner and owner != user_id and owner in request.store.org.members:
        raise ScimFault(409, f"A user with userName {email} already exists", "uniqueness")


def create_user(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    changes = _check_user_body(_body(request))
    _taken(request, changes["email"])
    existing = request.store.emails.get(changes["email"].lower())
    user_id = existing or request.store.add_user(changes["display"], changes["email"])
    org.add_member(user_id, role=changes.get("role", "organization_internal_user"),
                   license=changes.get("license", "full"))  # fmt: skip
    _apply(request, user_id, changes)
    org.record_event("scim_user_created", by=request.fake.main_user, object_id=user_id,
                     object_name=changes["email"])  # fmt: skip
    return 201, render_user(request, user_id)


def replace_user(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    user_id = _user_or_404(request, org)
    changes = _check_user_body(_body(request))
    _taken(request, changes["email"], user_id)
    _names(request.store).pop(user_id, None)  # PUT replaces: what is not given is cleared
    _apply(request, user_id, changes)
    org.record_event("scim_user_replaced", by=request.fake.main_user, object_id=user_id)
    return 200, render_user(request, user_id)


def _patch_operations(body: Mapping[str, Any], paths: Tuple[str, ...]) -> List[Dict[str, Any]]:
    if PATCH_OP not in (body.get("schemas") or []):
        raise ScimFault(400, f"schemas must contain {PATCH_OP}", "invalidSyntax")
    operations = body.get("Operations")
    if not isinstance(operations, list) or not operations:
        raise ScimFault(400, "Operations must be a non-empty array", "invalidSyntax")
    out = []
    for op in operations:
        if not isinstance(op, dict) or not isinstance(op.get("op"), str):
            raise ScimFault(400, "each operation needs an op", "invalidSyntax")
        verb = op["op"].lower()
        if verb not in ("add", "remove", "replace"):
            raise ScimFault(400, f"op {op['op']!r} is not supported", "invalidSyntax")
        path = op.get("path")
        if path is not None and (not isinstance(path, str) or path not in paths):
            raise ScimFault(400, f"path {path!r} is not supported here", "invalidPath")
        if verb == "remove" and not path:
            raise ScimFault(400, "remove needs a path", "noTarget")
        out.append({"op": verb, "path": path, "value": op.get("value")})
    return out


_USER_PATCH_PATHS = (
    "active", "displayName", "userType", "userName", "name.givenName", "name.familyName",
    "name.formatted", "roles", "roles[primary eq true].value", "preferredLanguage",
)  # fmt: skip


def patch_user(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    user_id = _user_or_404(request, org)
    current = render_user(request, user_id)
    body = {k: v for k, v in current.items() if k in USER_FIELDS and k not in ("id", "meta")}
    body.pop("emails", None)
    body.pop("groups", None)
    for op in _patch_operations(_body(request), _USER_PATCH_PATHS):
        path, value = op["path"], op["value"]
        if path is None:  # replace/add with an object of attributes
            if not isinstance(value, dict):
                raise ScimFault(400, "value must be an object when path is absent", "invalidValue")
            body.update(value)
        elif path == "roles[primary eq true].value":
            body["roles"] = [{"value": value, "primary": True}]
        elif path == "roles":
            if op["op"] == "remove":
                body["roles"] = [r for r in body.get("roles", []) if r.get("primary")]
            elif not isinstance(value, list):
                raise ScimFault(400, "roles must be an array", "invalidValue")
        elif path.startswith("name."):
            body.setdefault("name", {})[path[5:]] = value
        elif op["op"] == "remove":
            body.pop(path, None)
        else:
            if path == "active" and isinstance(value, str) and value.lower() in ("true", "false"):
                value = value.lower() == "true"  # Miro's docs show "true"/"false" strings
            body[path] = value
    changes = _check_user_body(body)
    _taken(request, changes["email"], user_id)
    _apply(request, user_id, changes)
    org.record_event("scim_user_updated", by=request.fake.main_user, object_id=user_id)
    return 200, render_user(request, user_id)


def delete_user(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    user_id = _user_or_404(request, org)
    if user_id == request.fake.main_user:
        raise ScimFault(
            409, "The organization's last Company Admin cannot be deleted", "mutability"
        )
    org.remove_member(user_id)
    _names(request.store).pop(user_id, None)
    org.record_event("scim_user_deleted", by=request.fake.main_user, object_id=user_id)
    return 204, None


# -- groups (teams) --------------------------------------------------------------------
def _team_or_404(request: Request, org: Org) -> str:
    team_id = request.params["id"]
    if team_id not in org.teams:
        raise ScimFault(404, f"Group {team_id} not found")
    return team_id


def list_groups(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    return _list(request, [render_group(request, team_id) for team_id in org.teams])


def get_group(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    team_id = _team_or_404(request, org)
    return 200, _project(render_group(request, team_id), request.query.get("attributes"))


def _member_ids(value: Any, org: Org) -> List[str]:
    if not isinstance(value, list) or not value:
        raise ScimFault(400, "members must be a non-empty array of {value}", "invalidValue")
    ids = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), str):
            raise ScimFault(400, "each member needs a value (a user id)", "invalidValue")
        if entry["value"] not in org.members:
            raise ScimFault(404, f"User {entry['value']} not found", "noTarget")
        ids.append(entry["value"])
    return ids


def patch_group(request: Request) -> Tuple[int, Any]:
    org = _authorize(request)
    team_id = _team_or_404(request, org)
    members = set(org.team_members[team_id])
    name = org.teams[team_id]["name"]
    for op in _patch_operations(_body(request), ("members", "displayName")):
        path, value = op["path"], op["value"]
        if path == "displayName" or (path is None and isinstance(value, dict)):
            new = value.get("displayName") if isinstance(value, dict) else value
            if not isinstance(new, str) or not new.strip():
                raise ScimFault(400, "displayName must be a non-empty string", "invalidValue")
            name = new
        elif op["op"] == "remove":
            ids = _member_ids(value, org)
            missing = [i for i in ids if i not in members]
            if missing:  # all or nothing (spec)
                raise ScimFault(400, f"User {missing[0]} is not in this group", "noTarget")
            members.difference_update(ids)
        elif op["op"] in ("add", "replace"):
            ids = _member_ids(value, org)
            members = set(ids) if op["op"] == "replace" else members | set(ids)
    # everything checked: write
    for user_id in set(org.team_members[team_id]) - members:
        org.remove_team_member(team_id, user_id)
    for user_id in members - set(org.team_members[team_id]):
        org.set_team_member(team_id, user_id, "member", request.fake.main_user)
    org.teams[team_id]["name"] = name
    org.record_event("scim_group_updated", by=request.fake.main_user, object_id=team_id,
                     team_id=team_id)  # fmt: skip
    return 200, _project(render_group(request, team_id), request.query.get("attributes"))


# -- discovery -------------------------------------------------------------------------
def service_provider_config(request: Request) -> Tuple[int, Any]:
    _authorize(request)
    return 200, documents.SERVICE_PROVIDER_CONFIG


def resource_types(request: Request) -> Tuple[int, Any]:
    _authorize(request)
    found = list(documents.RESOURCE_TYPES.values())
    return 200, {"schemas": [LIST], "totalResults": len(found), "Resources": found}


def resource_type(request: Request) -> Tuple[int, Any]:
    _authorize(request)
    found = documents.RESOURCE_TYPES.get(request.params["resource"])
    if found is None:
        raise ScimFault(404, f"Resource type {request.params['resource']} not found")
    return 200, found


def schemas(request: Request) -> Tuple[int, Any]:
    _authorize(request)
    found = list(documents.SCHEMAS.values())
    return 200, {"schemas": [LIST], "totalResults": len(found), "Resources": found}


def schema(request: Request) -> Tuple[int, Any]:
    _authorize(request)
    found = documents.SCHEMAS.get(request.params["uri"])
    if found is None:
        raise ScimFault(404, f"Schema {request.params['uri']} not found")
    return 200, found


def _scim(method: str, path: str, handler: Any) -> Any:
    return route(method, PREFIX + path, handler, public=True)  # SCIM checks its own tokens


ROUTES = [
    _scim("GET", "/Users", list_users),
    _scim("POST", "/Users", create_user),
    _scim("GET", "/Users/{id}", get_user),
    _scim("PUT", "/Users/{id}", replace_user),
    _scim("PATCH", "/Users/{id}", patch_user),
    _scim("DELETE", "/Users/{id}", delete_user),
    _scim("GET", "/Groups", list_groups),
    _scim("GET", "/Groups/{id}", get_group),
    _scim("PATCH", "/Groups/{id}", patch_group),
    _scim("GET", "/ServiceProviderConfig", service_provider_config),
    _scim("GET", "/ResourceTypes", resource_types),
    _scim("GET", "/ResourceTypes/{resource}", resource_type),
    _scim("GET", "/Schemas", schemas),
    _scim("GET", "/Schemas/{uri}", schema),
]
