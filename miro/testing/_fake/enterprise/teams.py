"""Teams, team members and team settings (spec tags Teams, Team Members, Team Settings).

Rules: only people of the organization can be invited (404 otherwise, as the spec's
description says; a deactivated one is a 400), a second invitation is a 409, removing
someone from a team removes them from its projects, deleting a team deletes its projects.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Tuple

from .. import checks as c
from ..errors import ApiFault, bad, not_found
from ..server import Request, Route, route
from .organizations import admin_org, json_object, org_page
from .state import DEFAULT_TEAM_SETTINGS, Org

TEAM_NAME = c.max_length(60, minimum=1)
INVITE_ROLES = ("member", "admin")
#: What the team-member list's ``role`` filter accepts (the spec's description).
ROLE_FILTERS = ("member", "admin", "non_team", "team_guest")
_ALLOWED = c.enum("allowed", "not_allowed")
_ACCESS = c.enum("private", "view", "comment", "edit")
_SHARING = c.enum("allowed", "allowed_with_editing", "not_allowed")
#: ``TeamSettingsChanges``: section -> field -> check.
SETTINGS_CHANGES: Dict[str, Dict[str, c.Check]] = {
    "teamAccountDiscoverySettings": {"accountDiscovery": c.enum("hidden", "request", "join")},
    "teamCollaborationSettings": {"coOwnerRole": c.enum("enabled", "disabled")},
    "teamCopyAccessLevelSettings": {
        "copyAccessLevel": c.enum("anyone", "team_members", "team_editors", "board_owner"),
        "copyAccessLevelLimitation": c.enum("anyone", "team_members"),
    },
    "teamInvitationSettings": {
        "inviteExternalUsers": _ALLOWED,
        "whoCanInvite": c.enum("only_org_admins", "admins", "all_members"),
    },
    "teamSharingPolicySettings": {
        "allowListedDomains": c.array(c.string),
        "createAssetAccessLevel": c.enum("company_admins", "admins", "all_members"),
        "defaultBoardAccess": _ACCESS,
        "defaultBoardSharingAccess": c.enum(
            "team_members_with_editing_rights", "owner_and_coowners"
        ),
        "defaultOrganizationAccess": _ACCESS,
        "defaultProjectAccess": c.enum("private", "view"),
        "moveBoardToAccount": _ALLOWED,
        "restrictAllowedDomains": c.enum(
            "enabled", "enabled_with_external_user_access", "disabled"
        ),
        "sharingOnAccount": _ALLOWED,
        "sharingOnOrganization": _SHARING,
        "sharingViaPublicLink": _SHARING,
    },
}


def team_or_404(request: Request, org: Org) -> Dict[str, Any]:
    """The team named in the path (404 when the organization has no such team)."""
    team = org.teams.get(request.params["team_id"])
    if team is None:
        raise not_found("Team", request.params["team_id"])
    return team


def render_team(team: Dict[str, Any]) -> Dict[str, Any]:
    """A ``Team`` as the API shows it."""
    return {"id": team["id"], "name": team["name"], "type": "team"}


def _render_member(team_id: str, user_id: str, record: Dict[str, Any]) -> Dict[str, Any]:
    return {"id": user_id, "teamId": team_id, "type": "team-member", **record}


def _member_or_404(request: Request, org: Org, team_id: str) -> str:
    user_id = request.params["member_id"]
    if user_id not in org.team_members[team_id]:
        raise not_found("Team member", user_id)
    return user_id


def create_team(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    body = c.check_object("body", json_object(request), {"name": TEAM_NAME}, required=("name",))
    team = org.add_team(body["name"])
    org.record_event(
        "team_created", by=request.user_id, category="teams", object_id=team["id"],
        object_name=team["name"], team_id=team["id"],
    )  # fmt: skip
    return 201, render_team(team)


def list_teams(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    c.allowed_query(request.query_keys, ("limit", "cursor", "name"))
    rows = list(org.teams.values())
    if "name" in request.query:
        needle = request.query["name"].lower()
        rows = [t for t in rows if needle in t["name"].lower()]
    return 200, org_page(request, rows, render_team)


def get_team(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    return 200, render_team(team_or_404(request, org))


def update_team(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = team_or_404(request, org)
    body = c.check_object("body", json_object(request), {"name": TEAM_NAME})
    if "name" in body:
        team["name"] = body["name"]
        org.record_event(
            "team_renamed", by=request.user_id, category="teams", object_id=team["id"],
            object_name=team["name"], team_id=team["id"],
        )  # fmt: skip
    return 200, render_team(team)


def delete_team(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = team_or_404(request, org)
    org.record_event(
        "team_deleted", by=request.user_id, category="teams", object_id=team["id"],
        object_name=team["name"], team_id=team["id"],
    )  # fmt: skip
    org.delete_team(team["id"])
    return 204, None


def invite_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = team_or_404(request, org)
    body = c.check_object(
        "body",
        json_object(request),
        {"email": c.max_length(254, minimum=3), "role": c.enum(*INVITE_ROLES)},
        required=("email",),
    )
    member = org.member_by_email(body["email"])
    if member is None:
        raise not_found("Organization member with email", body["email"])
    if not member["active"]:
        raise bad(f"{body['email']} is deactivated")
    if member["id"] in org.team_members[team["id"]]:
        raise ApiFault(409, "conflict", f"{body['email']} is already a member of the team")
    record = org.set_team_member(
        team["id"], member["id"], body.get("role", "member"), request.user_id
    )
    org.record_event(
        "team_member_added", by=request.user_id, category="teams", object_id=member["id"],
        object_name=member["email"], team_id=team["id"], details={"role": record["role"]},
    )  # fmt: skip
    return 201, _render_member(team["id"], member["id"], record)


def list_members(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id = team_or_404(request, org)["id"]
    c.allowed_query(request.query_keys, ("limit", "cursor", "role"))
    rows = list(org.team_members[team_id].items())
    if "role" in request.query:
        c.enum(*ROLE_FILTERS)("role", request.query["role"])
        rows = [(u, r) for u, r in rows if r["role"] == request.query["role"]]
    return 200, org_page(request, rows, lambda row: _render_member(team_id, *row))


def get_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id = team_or_404(request, org)["id"]
    user_id = _member_or_404(request, org, team_id)
    return 200, _render_member(team_id, user_id, org.team_members[team_id][user_id])


def update_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id = team_or_404(request, org)["id"]
    user_id = _member_or_404(request, org, team_id)
    body = c.check_object("body", json_object(request), {"role": c.enum(*INVITE_ROLES)})
    record = org.team_members[team_id][user_id]
    if "role" in body:
        record = org.set_team_member(team_id, user_id, body["role"], request.user_id)
        org.record_event(
            "team_member_role_changed", by=request.user_id, category="teams",
            object_id=user_id, team_id=team_id, details={"role": body["role"]},
        )  # fmt: skip
    return 200, _render_member(team_id, user_id, record)


def delete_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id = team_or_404(request, org)["id"]
    user_id = _member_or_404(request, org, team_id)
    org.remove_team_member(team_id, user_id)
    org.record_event(
        "team_member_removed", by=request.user_id, category="teams", object_id=user_id,
        team_id=team_id,
    )  # fmt: skip
    return 204, None


def _settings(org: Org, settings: Dict[str, Any], team_id: str = "") -> Dict[str, Any]:
    answer = dict(copy.deepcopy(settings), organizationId=org.id, type="team-settings")
    if team_id:
        answer["teamId"] = team_id
    return answer


def default_settings(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    return 200, _settings(org, DEFAULT_TEAM_SETTINGS)


def get_settings(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = team_or_404(request, org)
    return 200, _settings(org, team["settings"], team["id"])


def update_settings(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team = team_or_404(request, org)
    sections = {name: c.obj(fields) for name, fields in SETTINGS_CHANGES.items()}
    body = c.check_object("body", json_object(request), sections)
    for name, values in body.items():  # everything checked: now write
        team["settings"].setdefault(name, {}).update(copy.deepcopy(values))
    if body:
        org.record_event(
            "team_settings_changed", by=request.user_id, category="teams",
            object_id=team["id"], object_name=team["name"], team_id=team["id"],
        )  # fmt: skip
    return 200, _settings(org, team["settings"], team["id"])


TEAM = "/v2/orgs/{org_id}/teams/{team_id}"
ROUTES: List[Route] = [
    route("GET", "/v2/orgs/{org_id}/default_teams_settings", default_settings),
    route("POST", "/v2/orgs/{org_id}/teams", create_team),
    route("GET", "/v2/orgs/{org_id}/teams", list_teams),
    route("GET", TEAM, get_team),
    route("PATCH", TEAM, update_team),
    route("DELETE", TEAM, delete_team, level=4),
    route("POST", TEAM + "/members", invite_member, level=2),
    route("GET", TEAM + "/members", list_members, level=2),
    route("GET", TEAM + "/members/{member_id}", get_member),
    route("PATCH", TEAM + "/members/{member_id}", update_member, level=2),
    route("DELETE", TEAM + "/members/{member_id}", delete_member),
    route("GET", TEAM + "/settings", get_settings),
    route("PATCH", TEAM + "/settings", update_settings, level=2),
]
