"""User groups (spec tags User groups, User group members, User group to teams, Team user
groups, Share boards with groups, Share projects with groups).

A group holds organization members; it can belong to teams and boards and projects can be
shared with it (``VIEWER``/``COMMENTER``/``EDITOR``). Membership follows the organization:
someone who leaves it (SCIM deprovisioning) is no longer listed in any group, and a deleted
team, project or board no longer lists the group. The bulk PATCH answers 207 with one
result per operation. Adding may succeed partly (the spec's 207 description): those who are
in the organization are added (one ``addMembers`` result, 200) and the rest are explained
(a second ``addMembers`` result, 400). A removal naming someone who is not in the
organization fails as a whole (and changes nothing); the other operation still applies.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from .. import checks as c
from ..errors import ApiFault, bad, not_found
from ..journal import Tracked
from ..server import Request, Route, route
from .organizations import admin_org, json_object, org_page
from .state import Org

SHARING_ROLES = ("VIEWER", "COMMENTER", "EDITOR")
MAX_BULK = 500
BULK_EVENTS = {
    "addMembers": "user_group_members_added",
    "removeMembers": "user_group_members_removed",
}
NAME = c.max_length(60, minimum=1)


class Groups(Tracked):
    """The user groups of one organization and what they are attached to."""

    def __init__(self) -> None:
        self.groups: Dict[str, Dict[str, Any]] = {}
        self.members: Dict[str, Dict[str, None]] = {}  # group id -> user ids (ordered)
        self.teams: Dict[str, Dict[str, str]] = {}  # team id -> group id -> role
        self.boards: Dict[str, Dict[str, str]] = {}  # board id -> group id -> role
        self.projects: Dict[str, Dict[str, str]] = {}  # project id -> group id -> role


#: ``CreateGroupRequest`` / ``UpdateUserGroupRequest``.
GROUP_FIELDS = {"name": NAME, "description": c.max_length(300)}


def groups_of(org: Org) -> Groups:
    """The user-group state of ``org``, kept on it (so snapshots of the store include it)."""
    state: Groups = vars(org).setdefault("user_groups_state", Groups())
    return state


def group_member_ids(org: Org, group_id: str) -> List[str]:
    """The members of a group who are still in the organization."""
    return [u for u in groups_of(org).members.get(group_id, {}) if u in org.members]


def _group_or_404(org: Org, group_id: str) -> Dict[str, Any]:
    group = groups_of(org).groups.get(group_id)
    if group is None:
        raise not_found("User group", group_id)
    return group


def _team_or_404(org: Org, team_id: str) -> Dict[str, Any]:
    team = org.teams.get(team_id)
    if team is None:
        raise not_found("Team", team_id)
    return team


def _project_team(org: Org, project_id: str) -> str:
    for team_id, projects in org.projects.items():
        if project_id in projects:
            return team_id
    raise not_found("Project", project_id)


def _board_or_404(request: Request) -> str:
    board_id = request.params["board_id"]
    if board_id not in request.store.boards:
        raise not_found("Board", board_id)
    return board_id


def _render_group(group: Dict[str, Any]) -> Dict[str, Any]:
    answer = {"id": group["id"], "name": group["name"], "type": "user-group"}
    if group.get("description"):
        answer["description"] = group["description"]
    return answer


def _member(org: Org, user_id: str) -> Dict[str, Any]:
    return {"id": user_id, "email": org.members[user_id]["email"], "type": "user-group-member"}


def _user(org: Org, ident: str) -> Optional[str]:
    """The organization member an id or email names, or None."""
    if ident in org.members:
        return ident
    member = org.member_by_email(ident) if "@" in ident else None
    return member["id"] if member else None


def _event(request: Request, org: Org, event: str, group: Dict[str, Any], **details: Any) -> None:
    org.record_event(
        event,
        by=request.user_id,
        category="user_groups",
        object_id=group["id"],
        object_name=group["name"],
        details=details,
    )


# --------------------------------------------------------------------------- groups


def list_groups(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    return 200, org_page(request, list(groups_of(org).groups.values()), _render_group)


def _unique_name(org: Org, name: str, group_id: str = "") -> None:
    if any(g["name"] == name and g["id"] != group_id for g in groups_of(org).groups.values()):
        raise ApiFault(409, "conflict", f"A user group named {name!r} already exists")


def create_group(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    body = json_object(request)
    c.check_object("body", body, GROUP_FIELDS, required=("name",))
    _unique_name(org, body["name"])
    group = {"id": request.store.number_id(), "name": body["name"]}
    if "description" in body:
        group["description"] = body["description"]
    state = groups_of(org)
    state.groups[group["id"]] = group
    state.members[group["id"]] = {}
    _event(request, org, "user_group_created", group)
    return 201, _render_group(group)


def get_group(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    return 200, _render_group(_group_or_404(org, request.params["group_id"]))


def update_group(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    body = json_object(request)
    c.check_object("body", body, GROUP_FIELDS)
    if "name" in body:
        _unique_name(org, body["name"], group["id"])
        group["name"] = body["name"]
    if "description" in body:
        group["description"] = body["description"]
    _event(request, org, "user_group_updated", group, fields=sorted(body))
    return 200, _render_group(group)


def delete_group(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    state = groups_of(org)
    del state.groups[group["id"]]
    state.members.pop(group["id"], None)
    for holders in (state.teams, state.boards, state.projects):
        for attached in holders.values():
            attached.pop(group["id"], None)
    _event(request, org, "user_group_deleted", group)
    return 204, None


# --------------------------------------------------------------------------- members


def list_members(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    rows = group_member_ids(org, group["id"])
    return 200, org_page(request, rows, lambda u: _member(org, u))


def add_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    body = json_object(request)
    c.check_object("body", body, {"email": c.max_length(320, minimum=3)}, required=("email",))
    user_id = _user(org, body["email"]) if "@" in body["email"] else None
    if user_id is None:
        raise bad(f"{body['email']} is not a member of the organization")
    if user_id in group_member_ids(org, group["id"]):
        raise ApiFault(409, "conflict", f"{body['email']} is already in the group")
    groups_of(org).members[group["id"]][user_id] = None
    _event(request, org, "user_group_member_added", group, userId=user_id)
    return 201, _member(org, user_id)


def _member_or_404(org: Org, group_id: str, user_id: str) -> str:
    if user_id not in group_member_ids(org, group_id):
        raise not_found("User group member", user_id)
    return user_id


def get_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    return 200, _member(org, _member_or_404(org, group["id"], request.params["member_id"]))


def remove_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    user_id = _member_or_404(org, group["id"], request.params["member_id"])
    del groups_of(org).members[group["id"]][user_id]
    _event(request, org, "user_group_member_removed", group, userId=user_id)
    return 204, None


def update_members(request: Request) -> Tuple[int, Any]:
    """The bulk PATCH: 207 with one result per operation given."""
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    body = json_object(request)
    ids = c.array(c.max_length(320, minimum=1))
    c.check_object("body", body, {"membersToAdd": ids, "membersToRemove": ids})
    to_add, to_remove = body.get("membersToAdd", []), body.get("membersToRemove", [])
    if not to_add and not to_remove:
        raise bad("Give membersToAdd and/or membersToRemove")
    if len(to_add) + len(to_remove) > MAX_BULK:
        raise ApiFault(413, "payloadTooLarge", f"At most {MAX_BULK} users can change at a time")
    members = groups_of(org).members[group["id"]]
    results = []
    for operation, idents in (("addMembers", to_add), ("removeMembers", to_remove)):
        if not idents:
            continue
        resolved = {ident: _user(org, ident) for ident in idents}
        unknown = [ident for ident, user_id in resolved.items() if user_id is None]
        refusal = None
        if unknown:
            message = f"Not members of the organization: {', '.join(unknown)}"
            error = {"status": 400, "code": "invalidParameters", "message": message}
            refusal = {"operation": operation, "status": 400, "error": dict(error, type="error")}
        if refusal is not None and (operation == "removeMembers" or len(unknown) == len(resolved)):
            results.append(refusal)
            continue
        affected = []
        for user_id in dict.fromkeys(u for u in resolved.values() if u is not None):
            current = user_id in group_member_ids(org, group["id"])
            if operation == "addMembers" and not current:
                members[user_id] = None
                affected.append(user_id)
            elif operation == "removeMembers" and current:
                del members[user_id]
                affected.append(user_id)
        if affected:
            _event(request, org, BULK_EVENTS[operation], group, userIds=affected)
        results.append(
            {
                "operation": operation,
                "status": 200,
                "affectedUsers": [_member(org, u) for u in affected],
            }
        )
        if refusal is not None:  # the rest of a partly successful addMembers
            results.append(refusal)
    return 207, results


# --------------------------------------------------------------------------- teams


def _team_groups(org: Org, team_id: str) -> Dict[str, str]:
    state = groups_of(org)
    attached = state.teams.setdefault(team_id, {})
    for group_id in [g for g in attached if g not in state.groups]:
        del attached[group_id]
    return attached


def group_teams(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    rows = [t for t in org.teams if group["id"] in _team_groups(org, t)]
    return 200, org_page(
        request, rows, lambda t: {"id": t, "role": "member", "type": "user-group-team"}
    )


def group_team(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    group = _group_or_404(org, request.params["group_id"])
    team = _team_or_404(org, request.params["team_id"])
    if group["id"] not in _team_groups(org, team["id"]):
        raise not_found("Team of the user group", team["id"])
    return 200, {"id": team["id"], "role": "member", "type": "user-group-team"}


def _team_group(group_id: str, role: str) -> Dict[str, Any]:
    return {"id": group_id, "role": role, "type": "team-user-group"}


def team_groups(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = _team_or_404(org, request.params["team_id"])
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    rows = list(_team_groups(org, team["id"]).items())
    return 200, org_page(request, rows, lambda row: _team_group(*row))


def add_team_group(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = _team_or_404(org, request.params["team_id"])
    body = json_object(request)
    c.check_object(
        "body",
        body,
        {"userGroupId": c.max_length(64, minimum=1), "role": c.enum("member")},
        required=("userGroupId", "role"),
    )
    group = _group_or_404(org, body["userGroupId"])
    attached = _team_groups(org, team["id"])
    if group["id"] in attached:
        raise ApiFault(409, "conflict", "The user group is already in the team")
    attached[group["id"]] = body["role"]
    _event(request, org, "user_group_added_to_team", group, teamId=team["id"])
    return 201, _team_group(group["id"], body["role"])


def _attached_or_404(attached: Dict[str, str], group_id: str) -> str:
    if group_id not in attached:
        raise not_found("User group", group_id)
    return attached[group_id]


def team_group(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = _team_or_404(org, request.params["team_id"])
    group_id = request.params["group_id"]
    return 200, _team_group(group_id, _attached_or_404(_team_groups(org, team["id"]), group_id))


def remove_team_group(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = _team_or_404(org, request.params["team_id"])
    attached = _team_groups(org, team["id"])
    group = _group_or_404(org, request.params["group_id"])
    _attached_or_404(attached, group["id"])
    del attached[group["id"]]
    _event(request, org, "user_group_removed_from_team", group, teamId=team["id"])
    return 204, None


# --------------------------------------------------------------------------- sharing


def _sharing(kind: str) -> Tuple[Any, Any, Any]:
    """List, share and unshare handlers for boards or projects shared with groups."""
    object_type = f"{kind}-user-group"

    def holder(request: Request) -> Tuple[Org, str, Dict[str, str]]:
        org = admin_org(request)
        state = groups_of(org)
        if kind == "board":
            ident = _board_or_404(request)
            table = state.boards
        else:
            ident = request.params["project_id"]
            _project_team(org, ident)
            table = state.projects
        attached = table.setdefault(ident, {})
        for group_id in [g for g in attached if g not in state.groups]:
            del attached[group_id]
        return org, ident, attached

    def render(row: Tuple[str, str]) -> Dict[str, Any]:
        return {"id": row[0], "role": row[1], "type": object_type}

    def listing(request: Request) -> Tuple[int, Any]:
        _, _, attached = holder(request)
        c.allowed_query(request.query_keys, ("limit", "cursor"))
        return 200, org_page(request, list(attached.items()), render)

    def share(request: Request) -> Tuple[int, Any]:
        org, ident, attached = holder(request)
        body = json_object(request)
        ids = c.array(c.max_length(64, minimum=1), min_items=1)
        c.check_object(
            "body",
            body,
            {"userGroupIds": ids, "role": c.enum(*SHARING_ROLES)},
            required=("userGroupIds", "role"),
        )
        groups = [_group_or_404(org, g) for g in body["userGroupIds"]]
        for group in groups:
            attached[group["id"]] = body["role"]
            _event(request, org, f"{kind}_shared_with_user_group", group, **{f"{kind}Id": ident})
        return 200, render((groups[0]["id"], body["role"]))

    def unshare(request: Request) -> Tuple[int, Any]:
        org, ident, attached = holder(request)
        group = _group_or_404(org, request.params["group_id"])
        _attached_or_404(attached, group["id"])
        del attached[group["id"]]
        _event(request, org, f"{kind}_unshared_with_user_group", group, **{f"{kind}Id": ident})
        return 204, None

    return listing, share, unshare


_BOARD = _sharing("board")
_PROJECT = _sharing("project")
_GROUPS = "/v2/orgs/{org_id}/groups"
_BOARD_GROUPS = "/v2/orgs/{org_id}/boards/{board_id}/groups"
_PROJECT_GROUPS = "/v2/orgs/{org_id}/projects/{project_id}/groups"

ROUTES: List[Route] = [
    route("GET", _GROUPS, list_groups),
    route("POST", _GROUPS, create_group),
    route("GET", _GROUPS + "/{group_id}", get_group),
    route("PATCH", _GROUPS + "/{group_id}", update_group),
    route("DELETE", _GROUPS + "/{group_id}", delete_group, level=4),
    route("GET", _GROUPS + "/{group_id}/members", list_members),
    route("POST", _GROUPS + "/{group_id}/members", add_member),
    route("PATCH", _GROUPS + "/{group_id}/members", update_members),
    route("GET", _GROUPS + "/{group_id}/members/{member_id}", get_member),
    route("DELETE", _GROUPS + "/{group_id}/members/{member_id}", remove_member, level=4),
    route("GET", _GROUPS + "/{group_id}/teams", group_teams),
    route("GET", _GROUPS + "/{group_id}/teams/{team_id}", group_team),
    route("GET", "/v2/orgs/{org_id}/teams/{team_id}/groups", team_groups),
    route("POST", "/v2/orgs/{org_id}/teams/{team_id}/groups", add_team_group),
    route("GET", "/v2/orgs/{org_id}/teams/{team_id}/groups/{group_id}", team_group),
    route("DELETE", "/v2/orgs/{org_id}/teams/{team_id}/groups/{group_id}", remove_team_group),
    route("GET", _BOARD_GROUPS, _BOARD[0]),
    route("POST", _BOARD_GROUPS, _BOARD[1]),
    route("DELETE", _BOARD_GROUPS + "/{group_id}", _BOARD[2]),
    route("GET", _PROJECT_GROUPS, _PROJECT[0]),
    route("POST", _PROJECT_GROUPS, _PROJECT[1]),
    route("DELETE", _PROJECT_GROUPS + "/{group_id}", _PROJECT[2]),
]
