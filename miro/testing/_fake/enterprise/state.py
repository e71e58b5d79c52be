"""The organization behind FakeMiro's enterprise endpoints: ``store.org``.

One organization (its id is ``store.organization["id"]``, the one token info reports)
holds, as plain dicts keyed by id:

* ``members``: user id -> OrganizationMember record (``id, email, role, license, active,
  lastActivityAt, licenseAssignedAt, adminRoles``), the people of the company;
* ``teams``: team id -> ``{id, name, type, settings}`` (``store.team`` is the first);
* ``team_members``: team id -> user id -> ``{role, createdAt, createdBy, modifiedAt,
  modifiedBy}``;
* ``projects``: team id -> project id -> ``{id, name, type, settings}`` (a project lives in
  exactly one team);
* ``project_members``: project id -> user id -> role;
* ``events``: the audit log, one AuditEvent dict per change, oldest first.

Rules every domain module follows (B and the lead add their state next to these):

* handlers validate everything first, then write: a 4xx never leaves a change behind;
* every change made through the fake calls :meth:`Org.record_event` (audit logs read it);
* membership is real: use :meth:`Org.remove_team_member` (it also drops the person from
  the team's projects), :meth:`Org.delete_team` (drops its projects) rather than deleting
  from the dicts by hand.

This module imports nothing from the SDK.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ..clock import now
from ..journal import Tracked

if TYPE_CHECKING:
    from ..state import Store

ORG_ROLES = (
    "organization_internal_admin",
    "organization_internal_user",
    "organization_external_user",
    "organization_team_guest_user",
    "unknown",
)
LICENSES = (
    "advanced",
    "standard",
    "basic",
    "full",
    "occasional",
    "free",
    "free_restricted",
    "full_trial",
    "unknown",
)
COMPANY_ADMIN = {"type": "prebuilt", "name": "Company Admin"}

#: What a new team's settings are (and ``GET …/default_teams_settings`` answers).
DEFAULT_TEAM_SETTINGS: Dict[str, Any] = {
    "teamAccountDiscoverySettings": {"accountDiscovery": "request"},
    "teamCollaborationSettings": {"coOwnerRole": "enabled"},
    "teamCopyAccessLevelSettings": {
        "copyAccessLevel": "team_members",
        "copyAccessLevelLimitation": "anyone",
    },
    "teamInvitationSettings": {"inviteExternalUsers": "allowed", "whoCanInvite": "all_members"},
    "teamSharingPolicySettings": {
        "allowListedDomains": [],
        "createAssetAccessLevel": "all_members",
        "defaultBoardAccess": "private",
        "defaultBoardSharingAccess": "team_members_with_editing_rights",
        "defaultOrganizationAccess": "private",
        "defaultProjectAccess": "private",
        "moveBoardToAccount": "allowed",
        "restrictAllowedDomains": "disabled",
        "sharingOnAccount": "allowed",
        "sharingOnOrganization": "allowed",
        "sharingViaPublicLink": "allowed",
    },
}


class Org(Tracked):
    """The organization's people, teams and projects, and its audit log."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.plan = "company"
        self.full_licenses_purchased = 100
        self.members: Dict[str, Dict[str, Any]] = {}
        self.teams: Dict[str, Dict[str, Any]] = {}
        self.team_members: Dict[str, Dict[str, Dict[str, Any]]] = {}
        self.projects: Dict[str, Dict[str, Dict[str, Any]]] = {}
        self.project_members: Dict[str, Dict[str, str]] = {}
        self.events: List[Dict[str, Any]] = []
        first = store.team
        self.teams[first["id"]] = dict(first, settings=copy.deepcopy(DEFAULT_TEAM_SETTINGS))
        self.team_members[first["id"]] = {}
        self.projects[first["id"]] = {}

    def __deepcopy__(self, memo: Dict[int, Any]) -> Org:
        # A copy (a snapshot of the store) shares the live store, so ids, users and
        # emails keep coming from it; everything that is the organization's own is copied.
        clone = Org.__new__(Org)
        memo[id(self)] = clone
        for name, value in vars(self).items():
            setattr(clone, name, value if name == "store" else copy.deepcopy(value, memo))
        return clone

    @property
    def info(self) -> Dict[str, Any]:
        """``{id, name, type}``: the organization as token info reports it too."""
        return self.store.organization

    @property
    def id(self) -> str:
        """The organization id."""
        return str(self.info["id"])

    # -- people ----------------------------------------------------------------------
    def add_member(
        self,
        user_id: str,
        *,
        role: str = "organization_internal_user",
        license: str = "full",
        active: bool = True,
        admin_roles: Optional[List[Dict[str, str]]] = None,
    ) -> Dict[str, Any]:
        """Make an existing user (``store.users``) a member of the organization."""
        self.check_member(role, license)
        user = self.store.users[user_id]
        stamp = now()
        record = {
            "id": user_id,
            "email": user.get("email") or f"user{user_id}@example.com",
            "role": role,
            "license": license,
            "active": bool(active),
            "lastActivityAt": stamp,
            "licenseAssignedAt": stamp,
            "type": "organization-member",
        }
        if admin_roles:
            record["adminRoles"] = [dict(r) for r in admin_roles]
        self.members[user_id] = record
        return record

    @staticmethod
    def check_member(role: str, license: str) -> None:
        """Raise ``ValueError`` for a role or license the spec does not list."""
        if role not in ORG_ROLES:
            raise ValueError(f"role must be one of {', '.join(ORG_ROLES)}; got {role!r}")
        if license not in LICENSES:
            raise ValueError(f"license must be one of {', '.join(LICENSES)}; got {license!r}")

    def member_by_email(self, email: str) -> Optional[Dict[str, Any]]:
        """The organization member with this email (case-insensitive), or None."""
        user_id = self.store.emails.get(email.lower())
        return self.members.get(user_id) if user_id else None

    def is_admin(self, user_id: str) -> bool:
        """Whether ``user_id`` is an active Company Admin of the organization."""
        member = self.members.get(user_id)
        return bool(member and member["active"] and member["role"] == ORG_ROLES[0])

    # -- teams and projects ----------------------------------------------------------
    def add_team(self, name: str) -> Dict[str, Any]:
        """A new team with the default settings."""
        team_id = self.store.number_id()
        team = {
            "id": team_id,
            "name": name,
            "type": "team",
            "settings": copy.deepcopy(DEFAULT_TEAM_SETTINGS),
        }
        self.teams[team_id] = team
        self.team_members[team_id] = {}
        self.projects[team_id] = {}
        return team

    def delete_team(self, team_id: str) -> None:
        """Remove a team, its memberships and its projects."""
        for project_id in list(self.projects.get(team_id, {})):
            self.delete_project(team_id, project_id)
        self.teams.pop(team_id, None)
        self.team_members.pop(team_id, None)
        self.projects.pop(team_id, None)

    def set_team_member(self, team_id: str, user_id: str, role: str, by: str) -> Dict[str, Any]:
        """Add someone to a team or change their role there."""
        stamp = now()
        members = self.team_members[team_id]
        record = members.get(user_id) or {"createdAt": stamp, "createdBy": by}
        record.update(role=role, modifiedAt=stamp, modifiedBy=by)
        members[user_id] = record
        return record

    def remove_team_member(self, team_id: str, user_id: str) -> None:
        """Take someone out of a team and out of every project of that team."""
        self.team_members[team_id].pop(user_id, None)
        for project_id in self.projects.get(team_id, {}):
            self.project_members.get(project_id, {}).pop(user_id, None)

    def remove_member(self, user_id: str) -> None:
        """Take someone out of the organization and every team of it (deprovisioning)."""
        for team_id in list(self.team_members):
            if user_id in self.team_members[team_id]:
                self.remove_team_member(team_id, user_id)
        self.members.pop(user_id, None)

    def add_project(self, team_id: str, name: str) -> Dict[str, Any]:
        """A new project in a team (private to the team by default)."""
        project_id = self.store.number_id()
        project = {
            "id": project_id,
            "name": name,
            "type": "project",
            "settings": {"sharingPolicySettings": {"teamAccess": "private"}},
        }
        self.projects[team_id][project_id] = project
        self.project_members[project_id] = {}
        return project

    def delete_project(self, team_id: str, project_id: str) -> None:
        """Remove a project and its memberships."""
        self.projects[team_id].pop(project_id, None)
        self.project_members.pop(project_id, None)

    # -- the audit log ---------------------------------------------------------------
    def record_event(
        self,
        event: str,
        *,
        by: str,
        category: str = "organization",
        object_id: Optional[str] = None,
        object_name: Optional[str] = None,
        team_id: Optional[str] = None,
        details: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """Append an AuditEvent (spec schema) for a change made by user ``by``."""
        stamp = now()
        user = self.store.users.get(by, {})
        created_by = {"type": "user", "id": by, "name": user.get("name") or ""}
        if user.get("email"):
            created_by["email"] = user["email"]
        context: Dict[str, Any] = {
            "ip": "127.0.0.1",
            "organization": {"id": self.id, "name": self.info.get("name", "")},
        }
        if team_id and team_id in self.teams:
            context["team"] = {"id": team_id, "name": self.teams[team_id]["name"]}
        record: Dict[str, Any] = {
            "id": f"{stamp}#{self.store.number_id()}-FAKE",
            "context": context,
            "createdAt": stamp,
            "createdBy": created_by,
            "event": event,
            "category": category,
            "details": dict(details or {}),
        }
        if object_id is not None:
            record["object"] = {"id": object_id, "name": object_name or ""}
        self.events.append(record)
        return record
