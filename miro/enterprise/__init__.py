"""The organization side of Miro (Enterprise plan): one module per API domain.

Start from ``api.organizations``::

    org = api.organizations.get(org_id)                  # or get(org_id, lazy=True)
    team = org.teams.create(name="Platform")
    team.members.invite("ada@example.com", role="admin")
    project = team.projects.create(name="Q3")
    project.members.add("ada@example.com", role="editor")
    for member in org.members.list(role="organization_internal_user", active=True): ...

Conventions (all modules follow them; see :mod:`miro.enterprise.base`):

* collections are declared (``path``, ``model``, ``item_key``, ``paging = ORG_CURSOR``)
  on the same core as boards, child collections hang off resources with ``child(...)``
  and cost no request until used;
* keyword arguments are validated by :class:`miro.core.params.Body` declarations before
  anything is sent (unknown keyword, wrong type, unknown role …);
* every response is an attrs model (snake_case, unknown fields kept in ``extra``);
* official flat names (``enterprise_get_teams`` …) live in ``miro/compat/enterprise_*.py``.
"""

from .exports import BoardExportJob, BoardExports, ExportTask, JobTimeout
from .logs import AiInteractionLog, AuditEvent, ContentLog
from .organizations import (
    AdminRole,
    Organization,
    OrganizationMember,
    OrganizationMembers,
    Organizations,
)
from .projects import Project, ProjectMember, ProjectMembers, Projects, ProjectSettings
from .teams import Team, TeamMember, TeamMembers, Teams, TeamSettings
from .user_groups import MembersUpdate, UserGroup, UserGroupMember, UserGroups

__all__ = [
    "AiInteractionLog",
    "AuditEvent",
    "BoardExportJob",
    "BoardExports",
    "ContentLog",
    "ExportTask",
    "JobTimeout",
    "MembersUpdate",
    "UserGroup",
    "UserGroupMember",
    "UserGroups",
    "AdminRole",
    "Organization",
    "OrganizationMember",
    "OrganizationMembers",
    "Organizations",
    "Project",
    "ProjectMember",
    "ProjectMembers",
    "ProjectSettings",
    "Projects",
    "Team",
    "TeamMember",
    "TeamMembers",
    "TeamSettings",
    "Teams",
]
