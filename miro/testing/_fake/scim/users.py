"""SCIM users: the organization's members (``store.org.members``), as Miro's spec maps them.

Rules from the spec's operation descriptions, modelled here:

* ``userName`` is an email; ``userType`` one of the spec's licenses (``Full (Trial)``
  included); the primary role ``ORGANIZATION_INTERNAL_ADMIN`` or ``…_USER``, admin roles
  any name (``Content Admin`` …); lengths as the spec caps them (names 60, employeeNumber
  20, other enterprise strings 120); ``manager.value`` that is not numeric is ignored.
* ``createUser``: new users join the default team (the organization's first team).
* Without ``displayName`` the full name is ``name.formatted``, else ``givenName familyName``,
  else ``userName``: a user always has one, a license, a primary role and a state.
* ``replaceUser``: ``emails`` is ignored; a deactivated user's ``userName``, ``userType``
  and ``roles.value`` cannot change (400 ``mutability``) unless the same PUT reactivates.
* ``deleteUser``: the last Company Admin, or the last admin of a team, cannot be deleted.
* Guests are not SCIM users (not listed, 404).
* ``externalId``: Miro documents the attributes it supports and ``externalId`` is not one:
  it is accepted everywhere and not kept (never refused).
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Mapping, Optional, Tuple

from ..enterprise.state import Org
from ..server import Request
from . import patching
from .documents import ADMIN_ROLES, LICENSES, PATCH_NAMES, PRIMARY_ROLES
from .protocol import (
    ENTERPRISE,
    PREFIX,
    USER_SCHEMA,
    ScimFault,
    answer,
    authorize,
    body,
    check_precondition,  # fmt: skip
    page,
    project,
    versioned,
)

GUEST_ROLES = ("organization_team_guest_user", "organization_external_user")
WRITABLE = frozenset({"schemas", "id", "meta", "externalId", "userName", "name", "displayName",
                      "userType", "active", "emails", "photos", "groups", "roles",
                      "preferredLanguage", ENTERPRISE})  # fmt: skip
ENTERPRISE_LIMITS = {"employeeNumber": 20, "costCenter": 120, "organization": 120,
                     "division": 120, "department": 120}  # fmt: skip
NAME_LIMIT = 60
IMAGE_SCHEMES = ("http://", "https://")


def extras(store: Any) -> Dict[str, Dict[str, Any]]:
    """Per user: what only SCIM keeps (structured name, photos, language, extension)."""
    found: Dict[str, Dict[str, Any]] = vars(store).setdefault("scim_names", {})
    return found


def default_team(org: Org) -> Optional[str]:
    """The team new SCIM users join: the organization's first team, while it exists."""
    return next(iter(org.teams), None)


def is_scim_user(org: Org, user_id: str) -> bool:
    """Members are SCIM users; guests are not (getUser: "does not return … guests")."""
    member = org.members.get(user_id)
    return member is not None and member["role"] not in GUEST_ROLES


def _user_type(license: str) -> str:
    named = {v: k for k, v in LICENSES.items()}
    return named.get(license) or " ".join(p.capitalize() for p in license.split("_"))


def render(request: Request, user_id: str) -> Dict[str, Any]:
    """A member as a SCIM ``UserResource`` (with ``meta.version``)."""
    org = request.store.org
    member = org.members[user_id]
    extra = extras(request.store).get(user_id, {})
    roles = [{"value": member["role"].upper(), "type": "organization_user_role", "primary": True}]
    roles += [{"value": r.get("name", ""), "type": "organization_admin_role", "primary": False}
              for r in member.get("adminRoles", [])]  # fmt: skip
    teams = [t for t, people in org.team_members.items() if user_id in people]
    out: Dict[str, Any] = {
        "schemas": [USER_SCHEMA],  # the core schema only, even with the extension (spec)
        "id": user_id,
        "meta": {"resourceType": "User", "location": request.url(f"{PREFIX}/Users/{user_id}")},
        "userName": member["email"],
        "displayName": request.store.users[user_id].get("name") or member["email"],
        "userType": _user_type(member["license"]),
        "active": member["active"],
        "emails": [{"value": member["email"], "type": "work", "primary": True}],
        "groups": [{"value": t, "display": org.teams[t]["name"]} for t in teams],
        "roles": roles,
    }
    for key in ("name", "photos", "preferredLanguage", ENTERPRISE):
        if extra.get(key):
            out[key] = copy.deepcopy(extra[key])
    return versioned(out)


# -- validation: a body (POST, PUT, or a PATCHed document) -> the changes it asks for ---
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
        raise ScimFault(400, "name.givenName and name.familyName are 60 characters at most "
                             "together", "invalidValue")  # fmt: skip
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
                raise ScimFault(400, f"{name!r} is not a primary role: "
                                     f"{' or '.join(PRIMARY_ROLES)}", "invalidValue")  # fmt: skip
            primary.append(PRIMARY_ROLES[name.upper()])
        elif name not in [a["name"] for a in admin]:
            admin.append({"type": "prebuilt" if name in ADMIN_ROLES else "custom", "name": name})
    if len(primary) > 1:
        raise ScimFault(400, "only one role can be primary (organization_user_role)",
                        "invalidValue")  # fmt: skip
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
                kept["displayName"] = _string(manager["displayName"], "manager.displayName",
                                              NAME_LIMIT)  # fmt: skip
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
        out["display"] = (name.get("formatted")
                          or " ".join(p for p in (name.get("givenName"), name.get("familyName"))
                                      if p) or email)[:NAME_LIMIT]  # fmt: skip
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


def store_changes(request: Request, user_id: str, wanted: Mapping[str, Any]) -> None:
    """Write validated changes (``changes``) to the member, the user and SCIM's extras."""
    store, org = request.store, request.store.org
    member, user = org.members[user_id], store.users[user_id]
    if wanted["email"].lower() != member["email"].lower():
        store.emails.pop(member["email"].lower(), None)
        store.emails[wanted["email"].lower()] = user_id
    member["email"] = user["email"] = wanted["email"]
    user["name"] = wanted["display"]
    for key in ("active", "license"):
        if key in wanted:
            member[key] = wanted[key]
    if wanted.get("role"):
        member["role"] = wanted["role"]
    if "adminRoles" in wanted:
        if wanted["adminRoles"]:
            member["adminRoles"] = wanted["adminRoles"]
        else:
            member.pop("adminRoles", None)
    extras(store)[user_id] = {k: wanted[k] for k in ("name", "photos", "preferredLanguage",
                                                     ENTERPRISE) if wanted.get(k)}  # fmt: skip


def _editable(resource: Mapping[str, Any]) -> Dict[str, Any]:
    """The resource as a PUT would send it (what PATCH edits)."""
    out = copy.deepcopy({k: v for k, v in resource.items() if k not in ("meta", "groups")})
    out.pop("emails", None)
    return out


# -- handlers ----------------------------------------------------------------------------
def _user_or_404(request: Request) -> str:
    user_id = request.params["id"]
    if not is_scim_user(request.store.org, user_id):
        raise ScimFault(404, f"User {user_id} not found", "noTarget")
    return user_id


def _taken(request: Request, email: str, user_id: str = "") -> None:
    owner = request.store.emails.get(email.lower())
    if owner and owner != user_id and owner in request.store.org.members:
        raise ScimFault(409, f"A user with userName {email} already exists", "uniqueness")


def list_users(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /Users``: members (not guests), filtered, sorted and paged."""
    authorize(request)
    org = request.store.org
    return page(request, [render(request, u) for u in org.members if is_scim_user(org, u)])


def get_user(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /Users/{id}``."""
    authorize(request)
    resource = render(request, _user_or_404(request))
    return answer(request, 200, project(resource, request.query.get("attributes")))


def create_user(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``POST /Users``: 201 with ``Location``; the user joins the default team."""
    authorize(request)
    org = request.store.org
    wanted = changes(body(request))
    _taken(request, wanted["email"])
    user_id = request.store.emails.get(wanted["email"].lower()) or request.store.add_user(
        wanted["display"], wanted["email"])  # fmt: skip
    org.add_member(user_id, role=wanted.get("role") or "organization_internal_user",
                   license=wanted.get("license", "full"))  # fmt: skip
    store_changes(request, user_id, wanted)
    team = default_team(org)
    if team is not None:
        org.set_team_member(team, user_id, "member", request.fake.main_user)
    org.record_event("scim_user_created", by=request.fake.main_user, object_id=user_id,
                     object_name=wanted["email"])  # fmt: skip
    return answer(request, 201, render(request, user_id), location=True)


def _deactivated_edits(member: Mapping[str, Any], wanted: Mapping[str, Any]) -> None:
    if member["active"] or wanted.get("active"):
        return
    frozen = [name for name, key, now in (
        ("userName", "email", member["email"]), ("userType", "license", member["license"]),
        ("roles.value", "role", member["role"]),
    ) if wanted.get(key) and str(wanted[key]).lower() != str(now).lower()]  # fmt: skip
    if frozen:
        raise ScimFault(400, f"a deactivated user's {frozen[0]} cannot be updated",
                        "mutability")  # fmt: skip


def replace_user(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``PUT /Users/{id}``: what is not given is cleared (a full name is derived)."""
    authorize(request)
    user_id = _user_or_404(request)
    check_precondition(request, render(request, user_id))
    wanted = changes(body(request))
    _taken(request, wanted["email"], user_id)
    _deactivated_edits(request.store.org.members[user_id], wanted)
    wanted.setdefault("adminRoles", [])
    store_changes(request, user_id, wanted)
    request.store.org.record_event("scim_user_replaced", by=request.fake.main_user,
                                   object_id=user_id)  # fmt: skip
    return answer(request, 200, render(request, user_id))


#: PATCH removals Miro cannot honour: a user always has these (see the module's rules).
_ALWAYS_SET = {"active": "a user is always active or deactivated (replace active instead)",
               "userType": "a user always holds a license (replace userType instead)",
               "userName": "userName is required"}  # fmt: skip


def patch_user(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``PATCH /Users/{id}``: every attribute, with or without a path (RFC 7644 §3.5.2)."""
    authorize(request)
    user_id = _user_or_404(request)
    current = render(request, user_id)
    check_precondition(request, current)
    document = _editable(current)
    for op, path, value in patching.operations(body(request)):
        patching.apply(document, op, path, value, PATCH_NAMES["User"])
    if isinstance(document.get("active"), str) and document["active"].lower() in ("true", "false"):
        document["active"] = document["active"].lower() == "true"  # patchUser: "true/false"
    for key, why in _ALWAYS_SET.items():
        if key not in document:
            raise ScimFault(400, f"{key} cannot be removed: {why}", "mutability")
    roles = document.get("roles")
    if not roles or not any(r.get("primary") is True for r in roles):
        raise ScimFault(400, "roles cannot lose their primary role (organization_user_role): "
                             "replace it instead", "mutability")  # fmt: skip
    document["roles"] = [r for r in roles if r.get("primary") is True
                         or r.get("type") != "organization_user_role"]  # fmt: skip
    wanted = changes(document)
    _taken(request, wanted["email"], user_id)
    store_changes(request, user_id, wanted)
    request.store.org.record_event("scim_user_updated", by=request.fake.main_user,
                                   object_id=user_id)  # fmt: skip
    return answer(request, 200, project(render(request, user_id),
                                        request.query.get("attributes")))  # fmt: skip


def _last_admin(org: Org, user_id: str) -> Optional[str]:
    """Why ``user_id`` cannot leave: the last Company Admin, or a team's last admin."""
    admins = [u for u, m in org.members.items()
              if m["role"] == "organization_internal_admin" and m["active"]]  # fmt: skip
    if admins == [user_id]:
        return "the organization's last Company Admin"
    for team_id, people in org.team_members.items():
        team_admins = [u for u, record in people.items() if record.get("role") == "admin"]
        if team_admins == [user_id]:
            return f"the last admin of team {org.teams[team_id]['name']}"
    return None


def delete_user(request: Request) -> Tuple[int, Any]:
    """``DELETE /Users/{id}``: 204, unless the user is a last admin (409)."""
    authorize(request)
    org = request.store.org
    user_id = _user_or_404(request)
    check_precondition(request, render(request, user_id))
    why = _last_admin(org, user_id)
    if why:
        raise ScimFault(409, f"The user is {why} and cannot be deleted", "mutability")
    org.remove_member(user_id)
    extras(request.store).pop(user_id, None)
    org.record_event("scim_user_deleted", by=request.fake.main_user, object_id=user_id)
    return 204, None
