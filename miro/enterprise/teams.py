"""Teams of an organization, their members and settings: ``org.teams``, ``team.members``.

``org.teams.create(name=...)``, ``org.teams.list(name=...)``, ``team.update(name=...)``,
``team.delete()``; ``team.members.invite(email, role="member")``;
``team.settings()`` / ``team.update_settings(who_can_invite="admins", ...)``;
``team.projects`` (:mod:`miro.enterprise.projects`).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, List, Optional

import attrs

from ..core import params as p
from ..core.pagination import Page, Paginator
from ..core.paths import check_id
from ..core.resource import Collection, Model, Resource
from ..core.signatures import declared
from .base import ORG_CURSOR, child
from .classification import TeamClassification
from .projects import Projects
from .user_groups import TeamUserGroups

if TYPE_CHECKING:  # the keywords of create/update (generated from the declarations below)
    from typing_extensions import Unpack

    from .._declared import (
        TeamChanges,
        TeamCreate,
        TeamInvite,
        TeamMemberChanges,
        TeamSettingsChanges,
    )

TEAM_ROLES = ("member", "admin")
#: The member list's ``role`` filter (``non_team``: external, ``team_guest``: deprecated).
TEAM_MEMBER_ROLES = ("member", "admin", "non_team", "team_guest")
TEAM_NAME = p.text(min_length=1, max_length=60)
TEAM = p.Body(p.top(name=TEAM_NAME), required=("name",))
TEAM_CHANGES = p.Body(p.top(name=TEAM_NAME))
INVITE = p.Body(p.top(email=p.text(min_length=3), role=p.choice(*TEAM_ROLES)), required=("email",))
MEMBER_CHANGES = p.Body(p.top(role=p.choice(*TEAM_ROLES)), required=("role",))
_ACCESS = p.choice("private", "view", "comment", "edit")
_ALLOWED = p.choice("allowed", "not_allowed")
_SHARING = p.choice("allowed", "allowed_with_editing", "not_allowed")
#: ``TeamSettingsChanges``, flattened: each setting is one keyword argument.
SETTINGS_CHANGES = p.Body(
    p.section(
        "teamAccountDiscoverySettings", account_discovery=p.choice("hidden", "request", "join")
    ),
    p.section("teamCollaborationSettings", co_owner_role=p.choice("enabled", "disabled")),
    p.section(
        "teamCopyAccessLevelSettings",
        copy_access_level=p.choice("anyone", "team_members", "team_editors", "board_owner"),
        copy_access_level_limitation=p.choice("anyone", "team_members"),
    ),
    p.section(
        "teamInvitationSettings",
        invite_external_users=_ALLOWED,
        who_can_invite=p.choice("only_org_admins", "admins", "all_members"),
    ),
    p.section(
        "teamSharingPolicySettings",
        allow_listed_domains=p.list_of(p.text(min_length=1)),
        create_asset_access_level=p.choice("company_admins", "admins", "all_members"),
        default_board_access=_ACCESS,
        default_board_sharing_access=p.choice(
            "team_members_with_editing_rights", "owner_and_coowners"
        ),
        default_organization_access=_ACCESS,
        default_project_access=p.choice("private", "view"),
        move_board_to_account=_ALLOWED,
        restrict_allowed_domains=p.choice(
            "enabled", "enabled_with_external_user_access", "disabled"
        ),
        sharing_on_account=_ALLOWED,
        sharing_on_organization=_SHARING,
        sharing_via_public_link=_SHARING,
    ),
)


@attrs.define(kw_only=True)
class TeamAccountDiscoverySettings(Model):
    """Whether people of the organization can find the team (hidden, request, join)."""

    account_discovery: Optional[str] = None


@attrs.define(kw_only=True)
class TeamCollaborationSettings(Model):
    """Whether boards of the team can have co-owners."""

    co_owner_role: Optional[str] = None


@attrs.define(kw_only=True)
class TeamCopyAccessLevelSettings(Model):
    """Who may copy the team's boards by default, and the limit on that setting."""

    copy_access_level: Optional[str] = None
    copy_access_level_limitation: Optional[str] = None


@attrs.define(kw_only=True)
class TeamInvitationSettings(Model):
    """Who may invite people to the team, and whether outsiders may be invited."""

    invite_external_users: Optional[str] = None
    who_can_invite: Optional[str] = None


@attrs.define(kw_only=True)
class TeamSharingPolicySettings(Model):
    """The team's board and project sharing defaults and limits."""

    allow_listed_domains: List[str] = attrs.field(factory=list)
    create_asset_access_level: Optional[str] = None
    default_board_access: Optional[str] = None
    default_board_sharing_access: Optional[str] = None
    default_organization_access: Optional[str] = None
    default_project_access: Optional[str] = None
    move_board_to_account: Optional[str] = None
    restrict_allowed_domains: Optional[str] = None
    sharing_on_account: Optional[str] = None
    sharing_on_organization: Optional[str] = None
    sharing_via_public_link: Optional[str] = None


@attrs.define(kw_only=True)
class TeamSettings(Model):
    """A team's settings (or an organization's defaults for new teams)."""

    organization_id: Optional[str] = None
    team_id: Optional[str] = None
    team_account_discovery_settings: Optional[TeamAccountDiscoverySettings] = None
    team_collaboration_settings: Optional[TeamCollaborationSettings] = None
    team_copy_access_level_settings: Optional[TeamCopyAccessLevelSettings] = None
    team_invitation_settings: Optional[TeamInvitationSettings] = None
    team_sharing_policy_settings: Optional[TeamSharingPolicySettings] = None
    type: Optional[str] = None


@attrs.define(kw_only=True)
class Picture(Model):
    """A team's picture."""

    id: Optional[int] = None
    image_url: Optional[str] = attrs.field(default=None, metadata={"json": "imageURL"})
    original_url: Optional[str] = None
    type: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class TeamMember(Resource):
    """A user's membership of a team, with their role (member, admin, non_team)."""

    _summary_fields = ("role",)

    role: Optional[str] = None
    team_id: Optional[str] = None
    created_at: Optional[datetime.datetime] = None
    created_by: Optional[str] = None
    modified_at: Optional[datetime.datetime] = None
    modified_by: Optional[str] = None
    type: Optional[str] = None

    @declared(MEMBER_CHANGES)
    def update(self, **changes: Unpack[TeamMemberChanges]) -> TeamMember:
        """Change this member's role; updates this object."""
        self._replace_with(self._require_collection().update(self.id, **changes))
        return self

    def remove(self) -> None:
        """Remove this person from the team (and from its projects)."""
        self._require_collection().remove(self.id)


class TeamMembers(Collection[TeamMember]):
    """``team.members``: invite, list, get, change roles, remove."""

    path = "/v2/orgs/{org_id}/teams/{team_id}/members"
    item_key = "member_id"
    model = TeamMember
    paging = ORG_CURSOR

    def list(
        self, *, role: Optional[str] = None, limit: Optional[int] = None
    ) -> Paginator[TeamMember]:
        """Every member of the team (optionally only one ``role``), page by page."""
        if role is not None:
            p.choice(*TEAM_MEMBER_ROLES)("role", role)
        return self._paginate({"role": role}, limit)

    def page(
        self,
        *,
        cursor: Optional[str] = None,
        role: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Page[TeamMember]:
        """One page of members, as ``GET …/teams/{team_id}/members`` returns it."""
        return self.list(role=role, limit=limit).page(cursor=cursor)

    @declared(INVITE)
    def invite(self, email: str, **fields: Unpack[TeamInvite]) -> TeamMember:
        """Add a person of the organization to the team by email; returns the member."""
        return self._create(INVITE.build({"email": email, **fields}))

    def get(self, member_id: str) -> TeamMember:
        """Get one member by user id."""
        return self._get(member_id)

    @declared(MEMBER_CHANGES)
    def update(self, member_id: str, **changes: Unpack[TeamMemberChanges]) -> TeamMember:
        """Change a member's role."""
        return self._update(member_id, MEMBER_CHANGES.build(changes))

    def remove(self, member_id: str) -> None:
        """Remove a person from the team (Miro removes them from its projects too)."""
        self._delete(member_id)


@attrs.define(kw_only=True, repr=False)
class Team(Resource):
    """A team of an organization: ``team.members``, ``team.projects``, its settings."""

    _summary_fields = ("name",)

    name: Optional[str] = None
    picture: Optional[Picture] = None
    type: Optional[str] = None

    members = child(TeamMembers)
    projects = child(Projects)
    user_groups = child(TeamUserGroups)
    data_classification = child(TeamClassification)

    @property
    def _teams(self) -> Teams:
        return self._require_collection()

    def refresh(self) -> Team:
        """Reload every field from Miro (fills a lazy handle)."""
        self._replace_with(self._teams.get(self.id))
        return self

    @declared(TEAM_CHANGES)
    def update(self, **changes: Unpack[TeamChanges]) -> Team:
        """Rename the team; updates this object."""
        self._replace_with(self._teams.update(self.id, **changes))
        return self

    def delete(self) -> None:
        """Delete the team (its projects go with it)."""
        self._teams.delete(self.id)

    def settings(self) -> TeamSettings:
        """The team's settings."""
        return self._teams.settings(self.id)

    @declared(SETTINGS_CHANGES)
    def update_settings(self, **changes: Unpack[TeamSettingsChanges]) -> TeamSettings:
        """Change the team's settings, one keyword per setting; returns them all."""
        return self._teams.update_settings(self.id, **changes)


class Teams(Collection[Team]):
    """``org.teams``: create, list (by name), get, rename, delete teams, and their settings."""

    path = "/v2/orgs/{org_id}/teams"
    item_key = "team_id"
    model = Team
    paging = ORG_CURSOR

    def list(self, *, name: Optional[str] = None, limit: Optional[int] = None) -> Paginator[Team]:
        """Every team (``name``: only teams whose name contains it), page by page."""
        if name is not None:
            p.TEXT("name", name)
        return self._paginate({"name": name}, limit)

    def page(
        self,
        *,
        cursor: Optional[str] = None,
        name: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Page[Team]:
        """One page of teams, as ``GET /v2/orgs/{org_id}/teams`` returns it."""
        return self.list(name=name, limit=limit).page(cursor=cursor)

    @declared(TEAM)
    def create(self, **fields: Unpack[TeamCreate]) -> Team:
        """Create a team; returns it."""
        return self._create(TEAM.build(fields))

    def get(self, team_id: str, *, lazy: bool = False) -> Team:
        """Get a team; ``lazy=True`` returns a handle without sending a request."""
        if lazy:
            return Team(id=check_id("team_id", team_id))._bind(self)
        return self._get(team_id)

    @declared(TEAM_CHANGES)
    def update(self, team_id: str, **changes: Unpack[TeamChanges]) -> Team:
        """Rename a team."""
        return self._update(team_id, TEAM_CHANGES.build(changes))

    def delete(self, team_id: str) -> None:
        """Delete a team."""
        self._delete(team_id)

    def settings(self, team_id: str) -> TeamSettings:
        """A team's settings."""
        return TeamSettings.from_dict(self.request("GET", self.url(team_id, "/settings")))

    @declared(SETTINGS_CHANGES)
    def update_settings(self, team_id: str, **changes: Unpack[TeamSettingsChanges]) -> TeamSettings:
        """Change a team's settings, one keyword per setting; returns them all."""
        body = SETTINGS_CHANGES.build(changes)
        answer = self.request("PATCH", self.url(team_id, "/settings"), json=body)
        return TeamSettings.from_dict(answer)
