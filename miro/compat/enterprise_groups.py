"""Official flat methods for user groups: CRUD, members, teams, board and project sharing.

One-liners onto ``api.organizations.get(org_id, lazy=True).user_groups…`` (no request for
the parents); bodies are read back through the fluent layer's ``Body`` declarations. List
methods return one :class:`~miro.Page`; the ``get_all_enterprise_*`` generators walk every
page.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ..core.pagination import Page
from ..enterprise import user_groups as ug
from .base import OrgHost, flat, official, page_size


class EnterpriseGroupsFlat(OrgHost):
    """``enterprise_get_groups``, ``enterprise_update_group_members`` … (official names)."""

    def _user_groups(self, org_id: str) -> ug.UserGroups:
        return self._org(org_id).user_groups

    def _user_group(self, org_id: str, group_id: str) -> ug.UserGroup:
        return self._user_groups(org_id).get(group_id, lazy=True)

    def _team_groups(self, org_id: str, team_id: str) -> ug.TeamUserGroups:
        return self._org(org_id).teams.get(team_id, lazy=True).user_groups

    # -- groups ----------------------------------------------------------------------
    @flat("enterprise-get-groups", "org.user_groups.page")
    def enterprise_get_groups(
        self, org_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[ug.UserGroup]:
        """One page of the organization's user groups."""
        return self._user_groups(org_id).page(limit=page_size(limit), cursor=cursor)

    @official
    def get_all_enterprise_groups(self, org_id: str, limit: Any = None) -> Iterator[ug.UserGroup]:
        """Every user group of the organization, page after page."""
        return iter(self._user_groups(org_id).list(limit=page_size(limit)))

    @flat("enterprise-create-group", "org.user_groups.create")
    def enterprise_create_group(self, org_id: str, create_group_request: Any) -> ug.UserGroup:
        """Create a user group (``CreateGroupRequest``: ``name``, ``description``)."""
        fields = ug.GROUP_FIELDS.from_json(create_group_request, "create_group_request")
        return self._user_groups(org_id).create(**fields)

    @flat("enterprise-get-group", "org.user_groups.get")
    def enterprise_get_group(self, org_id: str, group_id: str) -> ug.UserGroup:
        """Get a user group."""
        return self._user_groups(org_id).get(group_id)

    @flat("enterprise-update-group", "group.update")
    def enterprise_update_group(
        self, org_id: str, group_id: str, update_group_request: Any
    ) -> ug.UserGroup:
        """Rename a user group (``UpdateGroupRequest``)."""
        fields = ug.GROUP_CHANGES.from_json(update_group_request, "update_group_request")
        return self._user_groups(org_id).update(group_id, **fields)

    @flat("enterprise-delete-group", "group.delete")
    def enterprise_delete_group(self, org_id: str, group_id: str) -> None:
        """Delete a user group."""
        self._user_groups(org_id).delete(group_id)

    # -- members ---------------------------------------------------------------------
    @flat("enterprise-get-group-members", "group.members.page")
    def enterprise_get_group_members(
        self, org_id: str, group_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[ug.UserGroupMember]:
        """One page of a user group's members."""
        return self._user_group(org_id, group_id).members.page(
            limit=page_size(limit), cursor=cursor
        )

    @official
    def get_all_enterprise_group_members(
        self, org_id: str, group_id: str, limit: Any = None
    ) -> Iterator[ug.UserGroupMember]:
        """Every member of a user group, page after page."""
        return iter(self._user_group(org_id, group_id).members.list(limit=page_size(limit)))

    @flat("enterprise-create-group-member", "group.members.add")
    def enterprise_create_group_member(
        self, org_id: str, group_id: str, create_group_member_request: Any
    ) -> ug.UserGroupMember:
        """Add a member by email (``CreateGroupMemberRequest``)."""
        body = ug.MEMBER_FIELDS.from_json(
            create_group_member_request, "create_group_member_request"
        )
        return self._user_group(org_id, group_id).members.add(**body)

    @flat("enterprise-update-group-members", "group.members.update")
    def enterprise_update_group_members(
        self, org_id: str, group_id: str, update_user_group_members_request: Any
    ) -> ug.MembersUpdate:
        """Add and remove members in one call; the 207 per-operation results."""
        fields = ug.MEMBERS_UPDATE.from_json(
            update_user_group_members_request, "update_user_group_members_request"
        )
        members = self._user_group(org_id, group_id).members
        return members.update(
            add=fields.get("members_to_add"), remove=fields.get("members_to_remove")
        )

    @flat("enterprise-get-group-member", "group.members.get")
    def enterprise_get_group_member(
        self, org_id: str, group_id: str, member_id: str
    ) -> ug.UserGroupMember:
        """Get one member of a user group."""
        return self._user_group(org_id, group_id).members.get(member_id)

    @flat("enterprise-delete-group-member", "group.members.remove")
    def enterprise_delete_group_member(self, org_id: str, group_id: str, member_id: str) -> None:
        """Remove a member from a user group."""
        self._user_group(org_id, group_id).members.remove(member_id)

    # -- group <-> team --------------------------------------------------------------
    @flat("enterprise-groups-get-teams", "group.teams.page")
    def enterprise_groups_get_teams(
        self, org_id: str, group_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[ug.GroupTeam]:
        """One page of the teams a user group belongs to."""
        return self._user_group(org_id, group_id).teams.page(limit=page_size(limit), cursor=cursor)

    @official
    def get_all_enterprise_groups_teams(
        self, org_id: str, group_id: str, limit: Any = None
    ) -> Iterator[ug.GroupTeam]:
        """Every team a user group belongs to, page after page."""
        return iter(self._user_group(org_id, group_id).teams.list(limit=page_size(limit)))

    @flat("enterprise-groups-get-team", "group.teams.get")
    def enterprise_groups_get_team(self, org_id: str, group_id: str, team_id: str) -> ug.GroupTeam:
        """One team of a user group."""
        return self._user_group(org_id, group_id).teams.get(team_id)

    @flat("enterprise-teams-get-groups", "team.user_groups.page")
    def enterprise_teams_get_groups(
        self, org_id: str, team_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[ug.TeamUserGroup]:
        """One page of the user groups in a team."""
        return self._team_groups(org_id, team_id).page(limit=page_size(limit), cursor=cursor)

    @official
    def get_all_enterprise_teams_groups(
        self, org_id: str, team_id: str, limit: Any = None
    ) -> Iterator[ug.TeamUserGroup]:
        """Every user group in a team, page after page."""
        return iter(self._team_groups(org_id, team_id).list(limit=page_size(limit)))

    @flat("enterprise-teams-create-group", "team.user_groups.add")
    def enterprise_teams_create_group(
        self, org_id: str, team_id: str, create_team_group_request: Any
    ) -> ug.TeamUserGroup:
        """Add a user group to a team (``CreateTeamGroupRequest``)."""
        fields = ug.TEAM_GROUP_FIELDS.from_json(
            create_team_group_request, "create_team_group_request"
        )
        group = fields.pop("user_group_id", None)
        return self._team_groups(org_id, team_id).add(group, **fields)

    @flat("enterprise-teams-get-group", "team.user_groups.get")
    def enterprise_teams_get_group(
        self, org_id: str, team_id: str, group_id: str
    ) -> ug.TeamUserGroup:
        """One user group of a team."""
        return self._team_groups(org_id, team_id).get(group_id)

    @flat("enterprise-teams-delete-group", "team.user_groups.remove")
    def enterprise_teams_delete_group(self, org_id: str, team_id: str, group_id: str) -> None:
        """Take a user group out of a team."""
        self._team_groups(org_id, team_id).remove(group_id)

    # -- sharing -------------------------------------------------------------------
    @flat("enterprise-boards-get-groups", "org.board_user_groups(board).page")
    def enterprise_boards_get_groups(
        self, org_id: str, board_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[ug.SharedUserGroup]:
        """One page of the user groups a board is shared with."""
        shares = self._org(org_id).board_user_groups(board_id)
        return shares.page(limit=page_size(limit), cursor=cursor)

    @official
    def get_all_enterprise_boards_groups(
        self, org_id: str, board_id: str, limit: Any = None
    ) -> Iterator[ug.SharedUserGroup]:
        """Every user group a board is shared with, page after page."""
        shares = self._org(org_id).board_user_groups(board_id)
        return iter(shares.list(limit=page_size(limit)))

    @flat("enterprise-boards-create-group", "org.board_user_groups(board).share")
    def enterprise_boards_create_group(
        self, org_id: str, board_id: str, create_board_user_groups_request: Any
    ) -> ug.SharedUserGroup:
        """Share a board with user groups (``CreateBoardUserGroupsRequest``)."""
        fields = ug.SHARE_FIELDS.from_json(
            create_board_user_groups_request, "create_board_user_groups_request"
        )
        shares = self._org(org_id).board_user_groups(board_id)
        return shares.share(fields.pop("user_group_ids", None), **fields)

    @flat("enterprise-boards-delete-groups", "org.board_user_groups(board).remove")
    def enterprise_boards_delete_groups(self, org_id: str, board_id: str, group_id: str) -> None:
        """Stop sharing a board with a user group."""
        self._org(org_id).board_user_groups(board_id).remove(group_id)

    @flat("enterprise-projects-get-groups", "project.user_groups.page")
    def enterprise_projects_get_groups(
        self, org_id: str, project_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[ug.SharedUserGroup]:
        """One page of the user groups a project is shared with."""
        shares = self._org(org_id).project_user_groups(project_id)
        return shares.page(limit=page_size(limit), cursor=cursor)

    @official
    def get_all_enterprise_projects_groups(
        self, org_id: str, project_id: str, limit: Any = None
    ) -> Iterator[ug.SharedUserGroup]:
        """Every user group a project is shared with, page after page."""
        shares = self._org(org_id).project_user_groups(project_id)
        return iter(shares.list(limit=page_size(limit)))

    @flat("enterprise-project-create-group", "project.user_groups.share")
    def enterprise_project_create_group(
        self, org_id: str, project_id: str, create_project_user_groups_request: Any
    ) -> ug.SharedUserGroup:
        """Share a project with user groups (``CreateProjectUserGroupsRequest``)."""
        fields = ug.SHARE_FIELDS.from_json(
            create_project_user_groups_request, "create_project_user_groups_request"
        )
        shares = self._org(org_id).project_user_groups(project_id)
        return shares.share(fields.pop("user_group_ids", None), **fields)

    @flat("enterprise-project-delete-groups", "project.user_groups.remove")
    def enterprise_project_delete_groups(self, org_id: str, project_id: str, group_id: str) -> None:
        """Stop sharing a project with a user group."""
        self._org(org_id).project_user_groups(project_id).remove(group_id)
