"""Official flat methods for organizations, their members, teams and projects.

Each is a one-liner onto ``api.organizations.get(org_id, lazy=True)…`` (no request for
the parents). Bodies are taken as dicts or models and read back through the fluent
layer's ``Body`` declarations, so they pass the same checks. List methods return one
:class:`~miro.Page`; the ``get_all_*`` generators walk every page.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ..core.pagination import Page
from ..enterprise import projects as pr
from ..enterprise import teams as tm
from ..enterprise.organizations import Organization, OrganizationMember
from .base import OrgHost, flat, official, page_size


class EnterpriseOrgFlat(OrgHost):
    """``enterprise_get_organization``, ``enterprise_get_teams`` … as the official names."""

    def _team(self, org_id: str, team_id: str) -> tm.Team:
        return self._org(org_id).teams.get(team_id, lazy=True)

    def _project(self, org_id: str, team_id: str, project_id: str) -> pr.Project:
        return self._team(org_id, team_id).projects.get(project_id, lazy=True)

    # -- organization and its members -------------------------------------------------
    @flat("enterprise-get-organization", "api.organizations.get")
    def enterprise_get_organization(self, org_id: str) -> Organization:
        """Get an organization."""
        return self.organizations.get(org_id)

    @flat("enterprise-get-organization-members", "org.members.page")
    def enterprise_get_organization_members(
        self,
        org_id: str,
        emails: Optional[str] = None,
        role: Optional[str] = None,
        license: Optional[str] = None,
        active: Optional[bool] = None,
        cursor: Optional[str] = None,
        limit: Any = None,
    ) -> Page[OrganizationMember]:
        """One page of organization members (``emails``: comma-separated addresses)."""
        return self._org(org_id).members.page(
            cursor=cursor,
            emails=_emails(emails),
            role=role,
            license=license,
            active=active,
            limit=page_size(limit),
        )

    @official
    def get_all_organization_members(
        self,
        org_id: str,
        emails: Optional[str] = None,
        role: Optional[str] = None,
        license: Optional[str] = None,
        active: Optional[bool] = None,
        limit: Any = None,
    ) -> Iterator[OrganizationMember]:
        """Every organization member matching the filters, page after page."""
        members = self._org(org_id).members
        return iter(
            members.list(
                emails=_emails(emails),
                role=role,
                license=license,
                active=active,
                limit=page_size(limit),
            )
        )

    @flat("enterprise-get-organization-member", "org.members.get")
    def enterprise_get_organization_member(self, org_id: str, member_id: str) -> OrganizationMember:
        """Get one organization member."""
        return self._org(org_id).members.get(member_id)

    @flat("enterprise-get-default-team-settings", "org.default_team_settings")
    def enterprise_get_default_team_settings(self, org_id: str) -> tm.TeamSettings:
        """The settings new teams of the organization start with."""
        return self._org(org_id).default_team_settings()

    # -- teams -----------------------------------------------------------------------
    @flat("enterprise-create-team", "org.teams.create")
    def enterprise_create_team(self, org_id: str, create_team_request: Any) -> tm.Team:
        """Create a team (``CreateTeamRequest``: name)."""
        fields = tm.TEAM.from_json(create_team_request, "create_team_request")
        return self._org(org_id).teams.create(**fields)

    @flat("enterprise-get-teams", "org.teams.page")
    def enterprise_get_teams(
        self,
        org_id: str,
        limit: Any = None,
        cursor: Optional[str] = None,
        name: Optional[str] = None,
    ) -> Page[tm.Team]:
        """One page of the organization's teams (``name``: partial, case-insensitive)."""
        return self._org(org_id).teams.page(cursor=cursor, name=name, limit=page_size(limit))

    @official
    def get_all_enterprise_teams(
        self, org_id: str, limit: Any = None, name: Optional[str] = None
    ) -> Iterator[tm.Team]:
        """Every team of the organization, page after page."""
        return iter(self._org(org_id).teams.list(name=name, limit=page_size(limit)))

    @flat("enterprise-get-team", "org.teams.get")
    def enterprise_get_team(self, org_id: str, team_id: str) -> tm.Team:
        """Get a team."""
        return self._org(org_id).teams.get(team_id)

    @flat("enterprise-update-team", "team.update")
    def enterprise_update_team(self, org_id: str, team_id: str, team_changes: Any) -> tm.Team:
        """Rename a team (``TeamChanges``: name)."""
        changes = tm.TEAM_CHANGES.from_json(team_changes, "team_changes")
        return self._org(org_id).teams.update(team_id, **changes)

    @flat("enterprise-delete-team", "team.delete")
    def enterprise_delete_team(self, org_id: str, team_id: str) -> None:
        """Delete a team."""
        self._org(org_id).teams.delete(team_id)

    @flat("enterprise-get-team-settings", "team.settings")
    def enterprise_get_team_settings(self, org_id: str, team_id: str) -> tm.TeamSettings:
        """A team's settings."""
        return self._team(org_id, team_id).settings()

    @flat("enterprise-update-team-settings", "team.update_settings")
    def enterprise_update_team_settings(
        self, org_id: str, team_id: str, team_settings_changes: Any
    ) -> tm.TeamSettings:
        """Change a team's settings (``TeamSettingsChanges``)."""
        changes = tm.SETTINGS_CHANGES.from_json(team_settings_changes, "team_settings_changes")
        return self._team(org_id, team_id).update_settings(**changes)

    # -- team members ----------------------------------------------------------------
    @flat("enterprise-invite-team-member", "team.members.invite")
    def enterprise_invite_team_member(
        self, org_id: str, team_id: str, team_member_invite: Any
    ) -> tm.TeamMember:
        """Add a person of the organization to a team (``TeamMemberInvite``: email, role)."""
        invite = tm.INVITE.from_json(team_member_invite, "team_member_invite")
        email = invite.pop("email", None)
        return self._team(org_id, team_id).members.invite(email, **invite)

    @flat("enterprise-get-team-members", "team.members.page")
    def enterprise_get_team_members(
        self,
        org_id: str,
        team_id: str,
        limit: Any = None,
        cursor: Optional[str] = None,
        role: Optional[str] = None,
    ) -> Page[tm.TeamMember]:
        """One page of a team's members (``role``: member, admin, non_team, team_guest)."""
        members = self._team(org_id, team_id).members
        return members.page(cursor=cursor, role=role, limit=page_size(limit))

    @official
    def get_all_enterprise_team_members(
        self, org_id: str, team_id: str, limit: Any = None, role: Optional[str] = None
    ) -> Iterator[tm.TeamMember]:
        """Every member of a team, page after page."""
        members = self._team(org_id, team_id).members
        return iter(members.list(role=role, limit=page_size(limit)))

    @flat("enterprise-get-team-member", "team.members.get")
    def enterprise_get_team_member(
        self, org_id: str, team_id: str, member_id: str
    ) -> tm.TeamMember:
        """Get one member of a team."""
        return self._team(org_id, team_id).members.get(member_id)

    @flat("enterprise-update-team-member", "team_member.update")
    def enterprise_update_team_member(
        self, org_id: str, team_id: str, member_id: str, team_member_changes: Any
    ) -> tm.TeamMember:
        """Change a team member's role (``TeamMemberChanges``: role)."""
        changes = tm.MEMBER_CHANGES.from_json(team_member_changes, "team_member_changes")
        return self._team(org_id, team_id).members.update(member_id, **changes)

    @flat("enterprise-delete-team-member", "team_member.remove")
    def enterprise_delete_team_member(self, org_id: str, team_id: str, member_id: str) -> None:
        """Remove a person from a team (and from its projects)."""
        self._team(org_id, team_id).members.remove(member_id)

    # -- projects --------------------------------------------------------------------
    @flat("enterprise-create-project", "team.projects.create")
    def enterprise_create_project(
        self, org_id: str, team_id: str, create_project_request: Any
    ) -> pr.Project:
        """Create a project in a team (``CreateProjectRequest``: name)."""
        fields = pr.PROJECT.from_json(create_project_request, "create_project_request")
        return self._team(org_id, team_id).projects.create(**fields)

    @flat("enterprise-get-projects", "team.projects.page")
    def enterprise_get_projects(
        self, org_id: str, team_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[pr.Project]:
        """One page of a team's projects."""
        projects = self._team(org_id, team_id).projects
        return projects.page(cursor=cursor, limit=page_size(limit))

    @official
    def get_all_enterprise_projects(
        self, org_id: str, team_id: str, limit: Any = None
    ) -> Iterator[pr.Project]:
        """Every project of a team, page after page."""
        return iter(self._team(org_id, team_id).projects.list(limit=page_size(limit)))

    @flat("enterprise-get-project", "team.projects.get")
    def enterprise_get_project(self, org_id: str, team_id: str, project_id: str) -> pr.Project:
        """Get a project."""
        return self._team(org_id, team_id).projects.get(project_id)

    @flat("enterprise-update-project", "project.update")
    def enterprise_update_project(
        self, org_id: str, team_id: str, project_id: str, update_project_request: Any
    ) -> pr.Project:
        """Rename a project (``UpdateProjectRequest``: name)."""
        changes = pr.PROJECT.from_json(update_project_request, "update_project_request")
        return self._team(org_id, team_id).projects.update(project_id, **changes)

    @flat("enterprise-delete-project", "project.delete")
    def enterprise_delete_project(self, org_id: str, team_id: str, project_id: str) -> None:
        """Delete a project."""
        self._team(org_id, team_id).projects.delete(project_id)

    @flat("enterprise-get-project-settings", "project.settings")
    def enterprise_get_project_settings(
        self, org_id: str, team_id: str, project_id: str
    ) -> pr.ProjectSettings:
        """A project's settings."""
        return self._project(org_id, team_id, project_id).settings()

    @flat("enterprise-update-project-settings", "project.update_settings")
    def enterprise_update_project_settings(
        self, org_id: str, team_id: str, project_id: str, update_project_settings_request: Any
    ) -> pr.ProjectSettings:
        """Change a project's settings (``UpdateProjectSettingsRequest``)."""
        changes = pr.SETTINGS_CHANGES.from_json(
            update_project_settings_request, "update_project_settings_request"
        )
        return self._project(org_id, team_id, project_id).update_settings(**changes)

    # -- project members -------------------------------------------------------------
    @flat("enterprise-add-project-member", "project.members.add")
    def enterprise_add_project_member(
        self, org_id: str, team_id: str, project_id: str, add_project_member_request: Any
    ) -> pr.ProjectMember:
        """Add a team member to a project (``AddProjectMemberRequest``: email, role)."""
        fields = pr.ADD_MEMBER.from_json(add_project_member_request, "add_project_member_request")
        email = fields.pop("email", None)
        return self._project(org_id, team_id, project_id).members.add(email, **fields)

    @flat("enterprise-get-project-members", "project.members.page")
    def enterprise_get_project_members(
        self,
        org_id: str,
        team_id: str,
        project_id: str,
        limit: Any = None,
        cursor: Optional[str] = None,
    ) -> Page[pr.ProjectMember]:
        """One page of a project's members."""
        members = self._project(org_id, team_id, project_id).members
        return members.page(cursor=cursor, limit=page_size(limit))

    @official
    def get_all_enterprise_project_members(
        self, org_id: str, team_id: str, project_id: str, limit: Any = None
    ) -> Iterator[pr.ProjectMember]:
        """Every member of a project, page after page."""
        members = self._project(org_id, team_id, project_id).members
        return iter(members.list(limit=page_size(limit)))

    @flat("enterprise-get-project-member", "project.members.get")
    def enterprise_get_project_member(
        self, org_id: str, team_id: str, project_id: str, member_id: str
    ) -> pr.ProjectMember:
        """Get one member of a project."""
        return self._project(org_id, team_id, project_id).members.get(member_id)

    @flat("enterprise-update-project-member", "project_member.update")
    def enterprise_update_project_member(
        self,
        org_id: str,
        team_id: str,
        project_id: str,
        member_id: str,
        update_project_member_request: Any,
    ) -> pr.ProjectMember:
        """Change a project member's role (``UpdateProjectMemberRequest``: role)."""
        changes = pr.MEMBER_CHANGES.from_json(
            update_project_member_request, "update_project_member_request"
        )
        members = self._project(org_id, team_id, project_id).members
        return members.update(member_id, **changes)

    @flat("enterprise-delete-project-member", "project_member.remove")
    def enterprise_delete_project_member(
        self, org_id: str, team_id: str, project_id: str, member_id: str
    ) -> None:
        """Remove a person from a project."""
        self._project(org_id, team_id, project_id).members.remove(member_id)


def _emails(emails: Any) -> Any:
    """The official ``emails`` query (comma-separated) as a list; a list passes as is."""
    if isinstance(emails, str):
        return [e.strip() for e in emails.split(",") if e.strip()]
    return emails
