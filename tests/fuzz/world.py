"""The objects a fuzz run needs on a FakeMiro, made with plain HTTP before it starts.

Schemathesis builds path ids from the spec, and the spec cannot know which ids exist: left
alone, nearly every organization request would stop at a 404 before its body is read. So
the run gets real ids (:func:`seed`): ``parameters`` for every operation, and ``overrides``
giving each *destroying* operation (delete a team, a case, a member …) a spare object of
its own, so deleting early does not leave the rest of the run on 404s.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any, Dict

import requests

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"


@dataclasses.dataclass
class Ids:
    """Path parameter values: for every operation, and per operation id."""

    parameters: Dict[str, str]
    overrides: Dict[str, Dict[str, str]]


class _Seeder:
    def __init__(self, fake: Any) -> None:
        self.fake = fake
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {fake.token}"
        self.org = f"/v2/orgs/{fake.org_id}"

    def call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        response = self.http.request(method, self.fake.url + path, json=body, params=params)
        assert response.status_code < 300, f"{method} {path}: {response.text[:300]}"
        return response.json() if response.content else None

    def member(self, email: str, team: str, project: str, group: str) -> str:
        """Someone in the organization, ``team``, ``project`` and user ``group``."""
        user_id = str(self.fake.add_org_member(email))
        self.call("POST", f"{self.org}/teams/{team}/members", {"email": email})
        project_path = f"{self.org}/teams/{team}/projects/{project}/members"
        self.call("POST", project_path, {"email": email, "role": "editor"})
        self.call("POST", f"{self.org}/groups/{group}/members", {"email": email})
        return user_id

    def group(self, name: str, team: str, board: str, project: str) -> str:
        """A user group attached to ``team``, ``board`` and ``project``."""
        group = self.call("POST", f"{self.org}/groups", {"name": name})["id"]
        attach = {"userGroupId": group, "role": "member"}
        self.call("POST", f"{self.org}/teams/{team}/groups", attach)
        share = {"userGroupIds": [group], "role": "VIEWER"}
        self.call("POST", f"{self.org}/boards/{board}/groups", share)
        self.call("POST", f"{self.org}/projects/{project}/groups", share)
        return str(group)

    def export(self, board: str, finished: bool) -> Dict[str, str]:
        """An export job of ``board`` (run to the end when ``finished``) and its task."""
        jobs = f"{self.org}/boards/export/jobs"
        body = {"boardIds": [board], "boardFormat": "SVG"}
        job = self.call("POST", jobs, body, request_id=str(uuid.uuid4()))["jobId"]
        for _ in range(4 if finished else 0):
            self.call("GET", f"{jobs}/{job}")
        tasks = self.call("GET", f"{jobs}/{job}/tasks")["data"]
        return {"job_id": job, "task_id": tasks[0]["id"]}

    def hold(self, case: str, name: str) -> str:
        """A legal hold of ``case`` over the fake's user."""
        body = {"name": name, "scope": {"users": [{"email": "fake.user@example.com"}]}}
        return str(self.call("POST", f"{self.org}/cases/{case}/legal-holds", body)["id"])


def seed(fake: Any, board: str) -> Ids:
    """Make a team, project, people, user groups, legal case and hold, export job and SCIM
    user on ``fake`` (``board`` is the board side's); return the ids to fuzz with."""
    s = _Seeder(fake)
    team = s.call("POST", f"{s.org}/teams", {"name": "fuzzed team"})["id"]
    spare_team = s.call("POST", f"{s.org}/teams", {"name": "spare team"})["id"]
    projects = f"{s.org}/teams/{team}/projects"
    project = s.call("POST", projects, {"name": "fuzzed project"})["id"]
    spare_project = s.call("POST", projects, {"name": "spare project"})["id"]
    group = s.group("fuzzed group", team, board, project)
    spare_group = s.group("spare group", team, board, project)
    member = s.member("fuzzed.member@example.com", team, project, group)
    spare_member = s.member("spare.member@example.com", team, project, spare_group)
    s.call("POST", f"{s.org}/groups/{group}/members", {"email": "spare.member@example.com"})
    case = s.call("POST", f"{s.org}/cases", {"name": "fuzzed case"})["id"]
    spare_case = s.call("POST", f"{s.org}/cases", {"name": "spare case"})["id"]
    hold, spare_hold = s.hold(case, "fuzzed hold"), s.hold(case, "spare hold")
    export = s.export(board, finished=True)
    spare_export = s.export(board, finished=False)
    scim_user = str(fake.add_org_member("scim.user@example.com"))
    spare_scim_user = str(fake.add_org_member("spare.scim.user@example.com"))
    parameters = {
        "org_id": str(fake.org_id),
        "team_id": str(team),
        "project_id": str(project),
        "group_id": group,
        "member_id": member,
        "case_id": str(case),
        "legal_hold_id": hold,
        "board_id": board,
        **export,
        "id": scim_user,  # SCIM /Users/{id}; /Groups/{id} below (SCIM groups are teams)
        "resource": "User",
        "uri": USER_SCHEMA,
    }
    spares = {
        "enterprise-delete-team": {"team_id": str(spare_team)},
        "enterprise-delete-project": {"project_id": str(spare_project)},
        "enterprise-delete-group": {"group_id": spare_group},
        "enterprise-teams-delete-group": {"group_id": spare_group},
        "enterprise-boards-delete-groups": {"group_id": spare_group},
        "enterprise-project-delete-groups": {"group_id": spare_group},
        "enterprise-delete-team-member": {"member_id": spare_member},
        "enterprise-delete-project-member": {"member_id": spare_member},
        "enterprise-delete-group-member": {"member_id": spare_member},
        "delete-case": {"case_id": str(spare_case)},
        "delete-legal-hold": {"legal_hold_id": spare_hold},
        "enterprise-update-board-export-job": {"job_id": spare_export["job_id"]},
        "deleteUser": {"id": spare_scim_user},
        "getGroup": {"id": str(team)},
        "patchGroup": {"id": str(team)},
    }
    return Ids(parameters, spares)
