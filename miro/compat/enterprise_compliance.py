"""Official flat methods for compliance: data classification, legal holds (cases) and
session resets. One-liners onto ``api.organizations.get(org_id, lazy=True)…``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Optional

from ..core.pagination import Page
from ..core.params import json_object
from ..enterprise import classification as dc
from ..enterprise import legal_holds as lh
from ..enterprise.sessions import Sessions
from .base import OrgHost, flat, official, page_size


def _hold_kwargs(body: Any, name: str) -> dict:
    tree = json_object(name, body)
    users = [u.get("email") for u in (tree.get("scope") or {}).get("users") or []]
    return {"name": tree.get("name"), "description": tree.get("description"), "users": users}


class EnterpriseComplianceFlat(OrgHost):
    """Data classification, cases, legal holds and session resets under the official names."""

    if TYPE_CHECKING:  # MiroApi provides it

        @property
        def sessions(self) -> Sessions:
            """The fluent root the flat methods go through."""

    def _team_classification(self, org_id: str, team_id: str) -> dc.TeamClassification:
        return self._org(org_id).teams.get(team_id, lazy=True).data_classification

    def _case(self, org_id: str, case_id: str) -> lh.Case:
        return self._org(org_id).cases.get(case_id, lazy=True)

    # -- data classification ----------------------------------------------------------
    @flat(
        "enterprise-dataclassification-organization-settings-get",
        "org.data_classification.settings",
    )
    def enterprise_dataclassification_organization_settings_get(
        self, org_id: str
    ) -> dc.OrganizationDataClassification:
        """The organization's classification labels."""
        return self._org(org_id).data_classification.settings()

    @flat("enterprise-dataclassification-team-settings-get", "team.data_classification.settings")
    def enterprise_dataclassification_team_settings_get(
        self, org_id: str, team_id: str
    ) -> dc.TeamDataClassification:
        """A team's classification settings."""
        return self._team_classification(org_id, team_id).settings()

    @flat(
        "enterprise-dataclassification-team-settings-set",
        "team.data_classification.update_settings",
    )
    def enterprise_dataclassification_team_settings_set(
        self, org_id: str, team_id: str, update_team_settings_request: Any
    ) -> dc.TeamDataClassification:
        """Change a team's classification settings (``enabled``, ``defaultLabelId``)."""
        kwargs = dc.TEAM_SETTINGS.from_json(
            update_team_settings_request, "update_team_settings_request"
        )
        return self._team_classification(org_id, team_id).update_settings(**kwargs)

    @flat(
        "enterprise-dataclassification-team-boards-bulk",
        "team.data_classification.classify_boards",
    )
    def enterprise_dataclassification_team_boards_bulk(
        self, org_id: str, team_id: str, update_boards_data_classification_label_request: Any
    ) -> dc.BoardsClassified:
        """Label the team's boards in bulk (``labelId``, ``notClassifiedOnly``)."""
        name = "update_boards_data_classification_label_request"
        kwargs = dc.BULK.from_json(update_boards_data_classification_label_request, name)
        return self._team_classification(org_id, team_id).classify_boards_answer(**kwargs)

    @flat("enterprise-dataclassification-board-get", "team.data_classification.board")
    def enterprise_dataclassification_board_get(
        self, org_id: str, team_id: str, board_id: str
    ) -> dc.DataClassificationLabel:
        """The label of one board."""
        return self._team_classification(org_id, team_id).board(board_id)

    @flat("enterprise-dataclassification-board-set", "team.data_classification.set_board")
    def enterprise_dataclassification_board_set(
        self, org_id: str, team_id: str, board_id: str, data_classification_label_id: Any
    ) -> dc.DataClassificationLabel:
        """Label one board (``{"labelId": "…"}``)."""
        body = json_object("data_classification_label_id", data_classification_label_id)
        return self._team_classification(org_id, team_id).set_board(board_id, body.get("labelId"))

    # -- cases ------------------------------------------------------------------------
    @flat("get-all-cases", "org.cases.page")
    def get_all_cases(
        self, org_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[lh.Case]:
        """One page of the organization's cases."""
        return self._org(org_id).cases.page(cursor=cursor, limit=page_size(limit))

    @flat("create-case", "org.cases.create")
    def create_case(self, org_id: str, case_request: Any) -> lh.Case:
        """Open a case (``CaseRequest``: name, description)."""
        return self._org(org_id).cases.create(**lh.CASE.from_json(case_request, "case_request"))

    @flat("get-case", "org.cases.get")
    def get_case(self, org_id: str, case_id: str) -> lh.Case:
        """One case."""
        return self._org(org_id).cases.get(case_id)

    @flat("edit-case", "org.cases.update")
    def edit_case(self, org_id: str, case_id: str, case_request: Any) -> lh.Case:
        """Replace a case's name and description."""
        kwargs = lh.CASE.from_json(case_request, "case_request")
        return self._org(org_id).cases.update(case_id, **kwargs)

    @flat("delete-case", "org.cases.delete")
    def delete_case(self, org_id: str, case_id: str) -> None:
        """Close a case."""
        self._org(org_id).cases.delete(case_id)

    @flat("get-legal-hold-export-jobs", "case.export_jobs.page")
    def get_legal_hold_export_jobs(
        self, org_id: str, case_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[lh.CaseExportJob]:
        """One page of a case's board export jobs."""
        return self._case(org_id, case_id).export_jobs.page(cursor=cursor, limit=page_size(limit))

    @official
    def get_all_legal_hold_export_jobs(
        self, org_id: str, case_id: str, limit: Any = None
    ) -> Iterator[lh.CaseExportJob]:
        """Every board export job of a case, page after page."""
        return iter(self._case(org_id, case_id).export_jobs.list(limit=page_size(limit)))

    # -- legal holds ------------------------------------------------------------------
    @flat("get-all-legal-holds", "case.legal_holds.page")
    def get_all_legal_holds(
        self, org_id: str, case_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[lh.LegalHold]:
        """One page of a case's legal holds."""
        return self._case(org_id, case_id).legal_holds.page(cursor=cursor, limit=page_size(limit))

    @flat("create-legal-hold", "case.legal_holds.create")
    def create_legal_hold(self, org_id: str, case_id: str, legal_hold_request: Any) -> lh.LegalHold:
        """Create a legal hold (``LegalHoldRequest``: name, description, scope.users)."""
        kwargs = _hold_kwargs(legal_hold_request, "legal_hold_request")
        return self._case(org_id, case_id).legal_holds.create(**kwargs)

    @flat("get-legal-hold", "case.legal_holds.get")
    def get_legal_hold(self, org_id: str, case_id: str, legal_hold_id: str) -> lh.LegalHold:
        """One legal hold."""
        return self._case(org_id, case_id).legal_holds.get(legal_hold_id)

    @flat("edit-legal-hold", "case.legal_holds.update")
    def edit_legal_hold(
        self, org_id: str, case_id: str, legal_hold_id: str, legal_hold_request: Any
    ) -> lh.LegalHold:
        """Replace a legal hold's name, description and users."""
        kwargs = _hold_kwargs(legal_hold_request, "legal_hold_request")
        return self._case(org_id, case_id).legal_holds.update(legal_hold_id, **kwargs)

    @flat("delete-legal-hold", "case.legal_holds.delete")
    def delete_legal_hold(self, org_id: str, case_id: str, legal_hold_id: str) -> None:
        """Release a legal hold."""
        self._case(org_id, case_id).legal_holds.delete(legal_hold_id)

    @flat("get-legal-hold-content-items", "hold.content_items.page")
    def get_legal_hold_content_items(
        self,
        org_id: str,
        case_id: str,
        legal_hold_id: str,
        limit: Any = None,
        cursor: Optional[str] = None,
    ) -> Page[lh.LegalHoldContentItem]:
        """One page of the content a hold keeps."""
        hold = self._case(org_id, case_id).legal_holds.get(legal_hold_id, lazy=True)
        return hold.content_items.page(cursor=cursor, limit=page_size(limit))

    @official
    def get_all_legal_hold_content_items(
        self, org_id: str, case_id: str, legal_hold_id: str, limit: Any = None
    ) -> Iterator[lh.LegalHoldContentItem]:
        """Every content item a hold keeps, page after page."""
        hold = self._case(org_id, case_id).legal_holds.get(legal_hold_id, lazy=True)
        return iter(hold.content_items.list(limit=page_size(limit)))

    # -- sessions ---------------------------------------------------------------------
    @flat("enterprise-post-user-sessions-reset", "api.sessions.reset_all")
    def enterprise_post_user_sessions_reset(self, email: str) -> None:
        """Sign a user out of every session."""
        self.sessions.reset_all(email)
