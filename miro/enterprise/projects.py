"""Projects of a team, their settings and members: ``team.projects``, ``project.members``.

A project lives in one team: ``team.projects.create(name=...)``, ``project.update(name=...)``,
``project.settings()`` / ``project.update_settings(team_access="view")``,
``project.members.add(email, role="editor")``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import attrs

from ..core import params as p
from ..core.pagination import Page, Paginator
from ..core.paths import check_id
from ..core.resource import Collection, Model, Resource
from ..core.signatures import declared
from .base import ORG_CURSOR, child
from .user_groups import ProjectUserGroups

if TYPE_CHECKING:  # the keywords of create/update (generated from the declarations below)
    from typing_extensions import Unpack

    from .._declared import (
        ProjectChanges,
        ProjectMemberAdd,
        ProjectMemberChanges,
        ProjectSettingsChanges,
    )

PROJECT_ROLES = ("owner", "editor", "viewer", "commentator", "coowner")
PROJECT_NAME = p.text(min_length=1, max_length=60)
PROJECT = p.Body(p.top(name=PROJECT_NAME), required=("name",))
SETTINGS_CHANGES = p.Body(
    p.section("sharingPolicySettings", team_access=p.choice("private", "view"))
)
ADD_MEMBER = p.Body(
    p.top(email=p.text(min_length=3), role=p.choice(*PROJECT_ROLES)), required=("email", "role")
)
MEMBER_CHANGES = p.Body(p.top(role=p.choice(*PROJECT_ROLES)), required=("role",))


@attrs.define(kw_only=True)
class SharingPolicySettings(Model):
    """Who in the team sees the project's boards: ``private`` or ``view``."""

    team_access: Optional[str] = None


@attrs.define(kw_only=True)
class ProjectSettings(Model):
    """A project's settings (its sharing policy)."""

    sharing_policy_settings: Optional[SharingPolicySettings] = None
    type: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class ProjectMember(Resource):
    """A user's membership of a project, with their role."""

    _summary_fields = ("email", "role")

    email: Optional[str] = None
    role: Optional[str] = None
    type: Optional[str] = None

    @declared(MEMBER_CHANGES)
    def update(self, **changes: Unpack[ProjectMemberChanges]) -> ProjectMember:
        """Change this member's role; updates this object."""
        self._replace_with(self._require_collection().update(self.id, **changes))
        return self

    def remove(self) -> None:
        """Remove this person from the project."""
        self._require_collection().remove(self.id)


class ProjectMembers(Collection[ProjectMember]):
    """``project.members``: add (by email, with a role), list, get, change roles, remove."""

    path = "/v2/orgs/{org_id}/teams/{team_id}/projects/{project_id}/members"
    item_key = "member_id"
    model = ProjectMember
    paging = ORG_CURSOR

    def list(self, *, limit: Optional[int] = None) -> Paginator[ProjectMember]:
        """Every member of the project, page by page (``limit`` = page size, 1..100)."""
        return self._paginate(limit=limit)

    def page(
        self, *, cursor: Optional[str] = None, limit: Optional[int] = None
    ) -> Page[ProjectMember]:
        """One page of members, as ``GET …/projects/{project_id}/members`` returns it."""
        return self.list(limit=limit).page(cursor=cursor)

    @declared(ADD_MEMBER)
    def add(self, email: str, **fields: Unpack[ProjectMemberAdd]) -> ProjectMember:
        """Add a member of the team to the project, with a role; returns the member."""
        return self._create(ADD_MEMBER.build({"email": email, **fields}))

    def get(self, member_id: str) -> ProjectMember:
        """Get one member by user id."""
        return self._get(member_id)

    @declared(MEMBER_CHANGES)
    def update(self, member_id: str, **changes: Unpack[ProjectMemberChanges]) -> ProjectMember:
        """Change a member's role."""
        return self._update(member_id, MEMBER_CHANGES.build(changes))

    def remove(self, member_id: str) -> None:
        """Remove a person from the project."""
        self._delete(member_id)


@attrs.define(kw_only=True, repr=False)
class Project(Resource):
    """A project of a team: ``project.members``, its settings."""

    _summary_fields = ("name",)

    name: Optional[str] = None
    type: Optional[str] = None

    members = child(ProjectMembers)
    user_groups = child(ProjectUserGroups)

    @property
    def _projects(self) -> Projects:
        return self._require_collection()

    def refresh(self) -> Project:
        """Reload every field from Miro (fills a lazy handle)."""
        self._replace_with(self._projects.get(self.id))
        return self

    @declared(PROJECT)
    def update(self, **changes: Unpack[ProjectChanges]) -> Project:
        """Rename the project; updates this object."""
        self._replace_with(self._projects.update(self.id, **changes))
        return self

    def delete(self) -> None:
        """Delete the project."""
        self._projects.delete(self.id)

    def settings(self) -> ProjectSettings:
        """The project's settings."""
        return self._projects.settings(self.id)

    @declared(SETTINGS_CHANGES)
    def update_settings(self, **changes: Unpack[ProjectSettingsChanges]) -> ProjectSettings:
        """Change who in the team sees the project; returns the settings."""
        return self._projects.update_settings(self.id, **changes)


class Projects(Collection[Project]):
    """``team.projects``: create, list, get, rename, delete projects, and their settings."""

    path = "/v2/orgs/{org_id}/teams/{team_id}/projects"
    item_key = "project_id"
    model = Project
    paging = ORG_CURSOR

    def list(self, *, limit: Optional[int] = None) -> Paginator[Project]:
        """Every project of the team, page by page (``limit`` = page size, 1..100)."""
        return self._paginate(limit=limit)

    def page(self, *, cursor: Optional[str] = None, limit: Optional[int] = None) -> Page[Project]:
        """One page of projects, as ``GET …/teams/{team_id}/projects`` returns it."""
        return self.list(limit=limit).page(cursor=cursor)

    @declared(PROJECT)
    def create(self, **fields: Unpack[ProjectChanges]) -> Project:
        """Create a project in the team; returns it."""
        return self._create(PROJECT.build(fields))

    def get(self, project_id: str, *, lazy: bool = False) -> Project:
        """Get a project; ``lazy=True`` returns a handle without sending a request."""
        if lazy:
            return Project(id=check_id("project_id", project_id))._bind(self)
        return self._get(project_id)

    @declared(PROJECT)
    def update(self, project_id: str, **changes: Unpack[ProjectChanges]) -> Project:
        """Rename a project."""
        return self._update(project_id, PROJECT.build(changes))

    def delete(self, project_id: str) -> None:
        """Delete a project."""
        self._delete(project_id)

    def settings(self, project_id: str) -> ProjectSettings:
        """A project's settings."""
        return ProjectSettings.from_dict(self.request("GET", self.url(project_id, "/settings")))

    @declared(SETTINGS_CHANGES)
    def update_settings(
        self, project_id: str, **changes: Unpack[ProjectSettingsChanges]
    ) -> ProjectSettings:
        """Change a project's settings; returns them."""
        body = SETTINGS_CHANGES.build(changes)
        answer = self.request("PATCH", self.url(project_id, "/settings"), json=body)
        return ProjectSettings.from_dict(answer)
