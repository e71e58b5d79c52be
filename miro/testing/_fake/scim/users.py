"""SCIM users: the organization's members (``store.org.members``), as Miro's spec maps them.

Rules from the spec's operation descriptions, modelled here:

* What a body may hold (an email ``userName``, the spec's licenses and roles, its length
  limits …) is :mod:`.user_values`; a PATCH is applied by :mod:`.patching` and then checked
  the same way, so PATCH accepts nothing a PUT would refuse.
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
from typing import Any, Dict, Mapping, Optional, Tuple

from ..enterprise.state import Org
from ..server import Request
from . import patching
from .documents import LICENSES, PATCH_NAMES
from .protocol import (
    ENTERPRISE,
    PREFIX,
    USER_SCHEMA,
    ScimFault,
    answer,
    authorize,
    body,
    check_precondition,
    page,
    project,
    versioned,
)
from .user_values import changes

GUEST_ROLES = ("organization_team_guest_user", "organization_external_user")


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
    roles += [
        {"value": r.get("name", ""), "type": "organization_admin_role", "primary": False}
        for r in member.get("adminRoles", [])
    ]
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
    extras(store)[user_id] = {
        k: wanted[k] for k in ("name", "photos", "preferredLanguage", ENTERPRISE) if wanted.get(k)
    }


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
        wanted["display"], wanted["email"]
    )
    org.add_member(
        user_id,
        role=wanted.get("role") or "organization_internal_user",
        license=wanted.get("license", "full"),
    )
    store_changes(request, user_id, wanted)
    team = default_team(org)
    if team is not None:
        org.set_team_member(team, user_id, "member", request.fake.main_user)
    org.record_event(
        "scim_user_created",
        by=request.fake.main_user,
        object_id=user_id,
        object_name=wanted["email"],
    )
    return answer(request, 201, render(request, user_id), location=True)


def _deactivated_edits(member: Mapping[str, Any], wanted: Mapping[str, Any]) -> None:
    if member["active"] or wanted.get("active"):
        return
    frozen = [
        name
        for name, key, now in (
            ("userName", "email", member["email"]),
            ("userType", "license", member["license"]),
            ("roles.value", "role", member["role"]),
        )
        if wanted.get(key) and str(wanted[key]).lower() != str(now).lower()
    ]
    if frozen:
        raise ScimFault(400, f"a deactivated user's {frozen[0]} cannot be updated", "mutability")


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
    request.store.org.record_event(
        "scim_user_replaced", by=request.fake.main_user, object_id=user_id
    )
    return answer(request, 200, render(request, user_id))


#: PATCH removals Miro cannot honour: a user always has these (see the module's rules).
_ALWAYS_SET = {
    "active": "a user is always active or deactivated (replace active instead)",
    "userType": "a user always holds a license (replace userType instead)",
    "userName": "userName is required",
}


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
        raise ScimFault(
            400,
            "roles cannot lose their primary role (organization_user_role): replace it instead",
            "mutability",
        )
    document["roles"] = [
        r for r in roles if r.get("primary") is True or r.get("type") != "organization_user_role"
    ]
    wanted = changes(document)
    _taken(request, wanted["email"], user_id)
    store_changes(request, user_id, wanted)
    request.store.org.record_event(
        "scim_user_updated", by=request.fake.main_user, object_id=user_id
    )
    return answer(request, 200, project(render(request, user_id), request.query.get("attributes")))


def _last_admin(org: Org, user_id: str) -> Optional[str]:
    """Why ``user_id`` cannot leave: the last Company Admin, or a team's last admin."""
    admins = [
        u
        for u, m in org.members.items()
        if m["role"] == "organization_internal_admin" and m["active"]
    ]
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
