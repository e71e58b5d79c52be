"""Organizations and their members: ``api.organizations`` and :class:`Organization`.

``org = api.organizations.get(org_id)`` fetches the organization;
``api.organizations.get(org_id, lazy=True)`` is a handle that sends nothing. Everything
of the organization hangs off it as a child collection (``org.members``, ``org.teams`` …)
that costs no request until used.

Adding a domain (for the other enterprise modules): declare a ``Collection`` with
``path = "/v2/orgs/{org_id}/…"``, ``model``, ``item_key`` and ``paging`` (``ORG_CURSOR``
from :mod:`miro.enterprise.base` for the 1–100 cursor lists), bodies as
:class:`miro.core.params.Body`, models as attrs ``Resource``/``Model`` subclasses; then add
one line to :class:`Organization` below, e.g. ``user_groups = child(UserGroups)``.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Mapping, Optional, Union

import attrs

from ..core import params as p
from ..core.pagination import Page, Paginator
from ..core.paths import check_id
from ..core.resource import Collection, Model, Resource
from .base import ORG_CURSOR, child
from .classification import OrganizationClassification
from .exports import BoardExports
from .legal_holds import Cases
from .logs import AiInteractionLogs, ContentLogs
from .teams import Teams, TeamSettings
from .user_groups import BoardUserGroups, ProjectUserGroups, UserGroups

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
#: The org-member list's filters (``emails`` overrides the others, API-NOTES §8.20).
MEMBER_FILTERS = p.Body(
    p.top(
        emails=p.list_of(p.text(min_length=3), min_items=1, max_items=10),
        role=p.choice(*ORG_ROLES),
        license=p.choice(*LICENSES),
        active=p.BOOLEAN,
    )
)


@attrs.define(kw_only=True)
class AdminRole(Model):
    """An admin role of an organization member (``prebuilt`` or ``custom``)."""

    type: Optional[str] = None
    name: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class OrganizationMember(Resource):
    """A person of the organization: email, role, license, whether active."""

    _summary_fields = ("email", "role")

    email: Optional[str] = None
    role: Optional[str] = None
    license: Optional[str] = None
    active: Optional[bool] = None
    last_activity_at: Optional[datetime.datetime] = None
    license_assigned_at: Optional[datetime.datetime] = None
    admin_roles: List[AdminRole] = attrs.field(factory=list)
    type: Optional[str] = None


class OrganizationMembers(Collection[OrganizationMember]):
    """``org.members``: the organization's people, filtered and paged."""

    path = "/v2/orgs/{org_id}/members"
    item_key = "member_id"
    model = OrganizationMember
    paging = ORG_CURSOR

    def list(
        self,
        *,
        emails: Union[str, List[str], None] = None,
        role: Optional[str] = None,
        license: Optional[str] = None,
        active: Optional[bool] = None,
        limit: Optional[int] = None,
    ) -> Paginator[OrganizationMember]:
        """Every member matching the filters, page by page (``limit`` = page size, 1..100).

        ``emails`` (an address or a list of up to 10) finds those people and ignores the
        other filters;
        ``role`` is an organization role (``organization_internal_user`` …), ``license``
        one of Miro's licenses, ``active`` True/False.
        """
        if isinstance(emails, str):
            emails = [emails]
        query = MEMBER_FILTERS.check(
            {"emails": emails, "role": role, "license": license, "active": active}
        )
        if "emails" in query:
            query = {"emails": ",".join(query["emails"])}
        elif "active" in query:
            query["active"] = "true" if query["active"] else "false"
        url = self.url()

        def fetch(params: Dict[str, Any]) -> Mapping[str, Any]:
            body = self.request("GET", url, params=params)
            # With ``emails`` Miro answers a bare array of members, not a page (§8.20).
            return {"data": body, "size": len(body)} if isinstance(body, list) else body

        return Paginator(fetch, self.wrap, self.paging, query, limit, path=url)

    def page(self, *, cursor: Optional[str] = None, **filters: Any) -> Page[OrganizationMember]:
        """One page of members, as ``GET /v2/orgs/{org_id}/members`` returns it.

        With ``emails`` Miro answers a bare array instead of a page (API-NOTES §8.20): it
        comes back as a single :class:`~miro.Page` without a cursor.
        """
        return self.list(**filters).page(cursor=cursor)

    def get(self, member_id: str) -> OrganizationMember:
        """Get one member by user id."""
        return self._get(member_id)


@attrs.define(kw_only=True, repr=False)
class Organization(Resource):
    """A Miro organization (Enterprise plan): its members, teams and settings."""

    _summary_fields = ("name", "plan")

    name: Optional[str] = None
    plan: Optional[str] = None
    full_licenses_purchased: Optional[int] = None
    type: Optional[str] = None

    members = child(OrganizationMembers)
    teams = child(Teams)
    user_groups = child(UserGroups)
    board_exports = child(BoardExports)
    content_logs = child(ContentLogs)
    ai_interaction_logs = child(AiInteractionLogs)
    cases = child(Cases)
    data_classification = child(OrganizationClassification)

    def board_user_groups(self, board: Any) -> BoardUserGroups:
        """The user groups a board (id or board) is shared with; share, list, unshare."""
        return BoardUserGroups.under(self, board_id=board)

    def project_user_groups(self, project: Any) -> ProjectUserGroups:
        """The user groups a project (id or project) is shared with; share, list, unshare."""
        return ProjectUserGroups.under(self, project_id=project)

    @property
    def _organizations(self) -> Organizations:
        return self._require_collection()

    def refresh(self) -> Organization:
        """Reload every field from Miro (fills a lazy handle)."""
        self._replace_with(self._organizations.get(self.id))
        return self

    def default_team_settings(self) -> TeamSettings:
        """The settings a new team of this organization starts with."""
        return self._organizations.default_team_settings(self.id)


class Organizations(Collection[Organization]):
    """``api.organizations``: get an organization (by id; Miro has no list of them)."""

    path = "/v2/orgs"
    item_key = "org_id"
    model = Organization

    def get(self, org_id: str, *, lazy: bool = False) -> Organization:
        """Get an organization; ``lazy=True`` returns a handle without sending a request."""
        if lazy:
            return Organization(id=check_id("org_id", org_id))._bind(self)
        return self._get(org_id)

    def default_team_settings(self, org_id: str) -> TeamSettings:
        """The default settings of new teams of an organization."""
        return TeamSettings.from_dict(
            self.request("GET", self.url(org_id, "/default_teams_settings"))
        )


__all__ = [
    "AdminRole",
    "LICENSES",
    "ORG_ROLES",
    "Organization",
    "OrganizationMember",
    "OrganizationMembers",
    "Organizations",
]
