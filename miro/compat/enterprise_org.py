"""Official flat methods for organizations, their members, teams and projects.

Each is a one-liner onto ``api.organizations.get(org_id, lazy=True)…`` (no request for
the parents). Bodies are taken as dicts or models and read back through the fluent
layer's ``Body`` declarations, so they pass the same checks.
"""

from __future__ import annotations

from ..enterprise.organizations import Organization, Organizations
from .base import flat


class EnterpriseOrgFlat:
    """``enterprise_get_organization``, ``enterprise_get_teams`` … as the official names."""

    organizations: Organizations

    @flat("enterprise-get-organization", "api.organizations.get")
    def enterprise_get_organization(self, org_id: str) -> Organization:
        """Get an organization."""
        return self.organizations.get(org_id)
