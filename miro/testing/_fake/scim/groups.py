"""SCIM groups: the organization's teams, read and patched (the spec has no create/delete).

Rules from ``patchGroup``'s description, modelled here:

* ``add`` adds members, ``remove`` removes them, ``replace`` sets the members (or renames:
  ``displayName``, with a path or in a path-less object);
* the last team admin cannot be removed (400 ``mutability``);
* added members that were deactivated are reactivated, and people who were deleted from
  the organization are recreated as members; guests and external users added to a team
  become ``ORGANIZATION_INTERNAL_USER`` with a Full license;
* members are listed only when they are members of the organization (not guests).
"""

from __future__ import annotations

from typing import Any, Dict, List, Set, Tuple

from ..enterprise.state import Org
from ..server import Request
from . import patching
from .documents import PATCH_NAMES
from .protocol import (
    GROUP_SCHEMA,
    PREFIX,
    ScimFault,
    answer,
    authorize,
    body,
    check_precondition,
    page,
    project,
    versioned,
)
from .users import GUEST_ROLES, is_scim_user


def render(request: Request, team_id: str) -> Dict[str, Any]:
    """A team as a SCIM ``GroupResource`` (with ``meta.version``)."""
    org = request.store.org
    members = [
        {"value": uid, "display": request.store.users[uid].get("name") or "", "type": "User"}
        for uid in org.team_members.get(team_id, {})
        if is_scim_user(org, uid)
    ]
    out: Dict[str, Any] = {
        "schemas": [GROUP_SCHEMA],
        "id": team_id,
        "meta": {"resourceType": "Group", "location": request.url(f"{PREFIX}/Groups/{team_id}")},
        "displayName": org.teams[team_id]["name"],
    }
    if members:
        out["members"] = members
    return versioned(out)


def _team_or_404(request: Request) -> str:
    team_id = request.params["id"]
    if team_id not in request.store.org.teams:
        raise ScimFault(404, f"Group {team_id} not found", "noTarget")
    return team_id


def list_groups(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /Groups``: the teams, filtered, sorted and paged."""
    authorize(request)
    return page(request, [render(request, t) for t in request.store.org.teams])


def get_group(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``GET /Groups/{id}``."""
    authorize(request)
    resource = render(request, _team_or_404(request))
    return answer(request, 200, project(resource, request.query.get("attributes")))


def _people(request: Request, members: Any) -> List[str]:
    """User ids of a members array; each must be a person Miro knows (404 otherwise)."""
    if not isinstance(members, list) or not all(isinstance(m, dict) for m in members):
        raise ScimFault(400, "members must be an array of {value}", "invalidValue")
    ids = []
    for entry in members:
        user_id = entry.get("value")
        if not isinstance(user_id, str) or user_id not in request.store.users:
            raise ScimFault(404, f"User {user_id} not found", "noTarget")
        ids.append(user_id)
    return ids


def _drop(document: Dict[str, Any], user_ids: List[str]) -> None:
    """Remove these users from the document's members; each must be one (else noTarget)."""
    members = document.get("members", [])
    missing = [u for u in user_ids if u not in [m.get("value") for m in members]]
    if missing:
        raise ScimFault(400, f"User {missing[0]} is not a member of this group", "noTarget")
    document["members"] = [m for m in members if m.get("value") not in user_ids]


def _join(request: Request, org: Org, team_id: str, user_id: str) -> None:
    """Add someone to the team: reactivated, recreated, or made an internal user (spec)."""
    member = org.members.get(user_id)
    if member is None:  # deleted earlier: "recreated"
        org.add_member(user_id)
    elif member["role"] in GUEST_ROLES:
        member.update(role="organization_internal_user", license="full")
    org.members[user_id]["active"] = True  # "reactivated … if they were deactivated"
    if user_id not in org.team_members[team_id]:
        org.set_team_member(team_id, user_id, "member", request.fake.main_user)


def patch_group(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    """``PATCH /Groups/{id}``: members and displayName, all or nothing."""
    authorize(request)
    org = request.store.org
    team_id = _team_or_404(request)
    current = render(request, team_id)
    check_precondition(request, current)
    document = {k: v for k, v in current.items() if k in ("displayName", "members")}
    added: Set[str] = set()
    for op, path, value in patching.operations(body(request)):
        if path is None and isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != "id"}  # {"id", "displayName"}: spec
        members = value.get("members") if isinstance(value, dict) else value
        if (path or "members").lower() == "members" and isinstance(members, list):
            if op == "remove":  # Azure: {"op": "Remove", "path": "members", "value": [...]}
                _drop(document, _people(request, members))
                continue
            added.update(_people(request, members))
        patching.apply(document, op, path, value, PATCH_NAMES["Group"])
    name = document.get("displayName")
    if not isinstance(name, str) or not name.strip():
        raise ScimFault(400, "displayName must be a non-empty string", "invalidValue")
    wanted: Set[str] = set(_people(request, document.get("members", [])))
    before = set(org.team_members[team_id])
    for user_id in sorted(before - wanted):
        if not is_scim_user(org, user_id):
            continue  # guests are not SCIM members: a SCIM edit leaves them be
        record = org.team_members[team_id][user_id]
        admins = [u for u, r in org.team_members[team_id].items() if r.get("role") == "admin"]
        if record.get("role") == "admin" and admins == [user_id]:
            raise ScimFault(400, "The last team admin cannot be removed", "mutability")
        org.remove_team_member(team_id, user_id)
    for user_id in sorted((wanted - before) | (added & wanted)):
        _join(request, org, team_id, user_id)
    org.teams[team_id]["name"] = name
    org.record_event(
        "scim_group_updated", by=request.fake.main_user, object_id=team_id, team_id=team_id
    )
    return answer(request, 200, project(render(request, team_id), request.query.get("attributes")))
