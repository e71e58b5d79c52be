"""Projects, project settings and project members (spec tags Projects, Project Settings,
Project Members).

A project lives in one team. Only members of that team can be added to it (404
otherwise), a second add is a 409; the Company Admin who creates a project becomes its
owner when they are in the team.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Tuple

from .. import checks as c
from ..errors import ApiFault, not_found
from ..server import Request, Route, route
from .organizations import admin_org, json_object, org_page
from .state import Org
from .teams import team_or_404

PROJECT_NAME = c.max_length(60, minimum=1)
ROLES = ("owner", "editor", "viewer", "commentator", "coowner")
SETTINGS = {"sharingPolicySettings": c.obj({"teamAccess": c.enum("private", "view")})}


def project_or_404(request: Request, org: Org) -> Tuple[str, Dict[str, Any]]:
    """(team id, project) named in the path (404 for an unknown team or project)."""
    team_id = team_or_404(request, org)["id"]
    project = org.projects[team_id].get(request.params["project_id"])
    if project is None:
        raise not_found("Project", request.params["project_id"])
    return team_id, project


def render_project(project: Dict[str, Any]) -> Dict[str, Any]:
    """A ``Project`` as the API shows it."""
    return {"id": project["id"], "name": project["name"], "type": "project"}


def _render_member(org: Org, user_id: str, role: str) -> Dict[str, Any]:
    email = org.store.users[user_id].get("email") or ""
    return {"id": user_id, "email": email, "role": role, "type": "project_member"}


def _event(request: Request, org: Org, event: str, team_id: str, **kwargs: Any) -> None:
    org.record_event(event, by=request.user_id, category="projects", team_id=team_id, **kwargs)


def create_project(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id = team_or_404(request, org)["id"]
    body = c.check_object("body", json_object(request), {"name": PROJECT_NAME}, required=("name",))
    project = org.add_project(team_id, body["name"])
    if request.user_id in org.team_members[team_id]:
        org.project_members[project["id"]][request.user_id] = "owner"
    _event(request, org, "project_created", team_id, object_id=project["id"],
           object_name=project["name"])  # fmt: skip
    return 201, render_project(project)


def list_projects(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id = team_or_404(request, org)["id"]
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    return 200, org_page(request, list(org.projects[team_id].values()), render_project)


def get_project(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    return 200, render_project(project_or_404(request, org)[1])


def update_project(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id, project = project_or_404(request, org)
    body = c.check_object("body", json_object(request), {"name": PROJECT_NAME}, required=("name",))
    project["name"] = body["name"]
    _event(request, org, "project_renamed", team_id, object_id=project["id"],
           object_name=project["name"])  # fmt: skip
    return 200, render_project(project)


def delete_project(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id, project = project_or_404(request, org)
    org.delete_project(team_id, project["id"])
    _event(request, org, "project_deleted", team_id, object_id=project["id"],
           object_name=project["name"])  # fmt: skip
    return 204, None


def _settings(project: Dict[str, Any]) -> Dict[str, Any]:
    return dict(copy.deepcopy(project["settings"]), type="project_settings")


def get_settings(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    return 200, _settings(project_or_404(request, org)[1])


def update_settings(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id, project = project_or_404(request, org)
    body = c.check_object("body", json_object(request), SETTINGS)
    for name, values in body.items():
        project["settings"].setdefault(name, {}).update(values)
    if body:
        _event(request, org, "project_settings_changed", team_id, object_id=project["id"],
               object_name=project["name"])  # fmt: skip
    return 200, _settings(project)


def _member_or_404(request: Request, org: Org, project_id: str) -> str:
    user_id = request.params["member_id"]
    if user_id not in org.project_members[project_id]:
        raise not_found("Project member", user_id)
    return user_id


def add_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id, project = project_or_404(request, org)
    body = c.check_object(
        "body",
        json_object(request),
        {"email": c.max_length(254, minimum=3), "role": c.enum(*ROLES)},
        required=("email", "role"),
    )
    member = org.member_by_email(body["email"])
    if member is None or member["id"] not in org.team_members[team_id]:
        raise not_found("Team member with email", body["email"])
    members = org.project_members[project["id"]]
    if member["id"] in members:
        raise ApiFault(409, "conflict", f"{body['email']} is already a member of the project")
    members[member["id"]] = body["role"]
    _event(request, org, "project_member_added", team_id, object_id=member["id"],
           object_name=member["email"], details={"projectId": project["id"],
                                                 "role": body["role"]})  # fmt: skip
    return 201, _render_member(org, member["id"], body["role"])


def list_members(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    project = project_or_404(request, org)[1]
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    rows = list(org.project_members[project["id"]].items())
    return 200, org_page(request, rows, lambda row: _render_member(org, *row))


def get_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    project = project_or_404(request, org)[1]
    user_id = _member_or_404(request, org, project["id"])
    return 200, _render_member(org, user_id, org.project_members[project["id"]][user_id])


def update_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id, project = project_or_404(request, org)
    user_id = _member_or_404(request, org, project["id"])
    body = c.check_object("body", json_object(request), {"role": c.enum(*ROLES)})
    members = org.project_members[project["id"]]
    if "role" in body:
        members[user_id] = body["role"]
        _event(request, org, "project_member_role_changed", team_id, object_id=user_id,
               details={"projectId": project["id"], "role": body["role"]})  # fmt: skip
    return 200, _render_member(org, user_id, members[user_id])


def delete_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    team_id, project = project_or_404(request, org)
    user_id = _member_or_404(request, org, project["id"])
    del org.project_members[project["id"]][user_id]
    _event(request, org, "project_member_removed", team_id, object_id=user_id,
           details={"projectId": project["id"]})  # fmt: skip
    return 204, None


PROJECTS = "/v2/orgs/{org_id}/teams/{team_id}/projects"
PROJECT = PROJECTS + "/{project_id}"
ROUTES: List[Route] = [
    route("POST", PROJECTS, create_project),
    route("GET", PROJECTS, list_projects),
    route("GET", PROJECT, get_project),
    route("PATCH", PROJECT, update_project),
    route("DELETE", PROJECT, delete_project, level=4),
    route("GET", PROJECT + "/settings", get_settings),
    route("PATCH", PROJECT + "/settings", update_settings),
    route("POST", PROJECT + "/members", add_member),
    route("GET", PROJECT + "/members", list_members),
    route("GET", PROJECT + "/members/{member_id}", get_member),
    route("PATCH", PROJECT + "/members/{member_id}", update_member),
    route("DELETE", PROJECT + "/members/{member_id}", delete_member, level=4),
]
