"""Official flat methods for audit, board content and AI interaction logs.

Dates are taken as the official client takes them (ISO-8601 strings) or as datetimes, and
sent in the format each endpoint documents. The ``from`` parameter is ``var_from``, as
openapi-generator names a Python keyword.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Optional

from ..core.pagination import Page
from ..enterprise import logs as lg
from .base import OrgHost, flat, official, page_size


class EnterpriseLogsFlat(OrgHost):
    """``enterprise_get_audit_logs`` and the content / AI interaction logs (official names)."""

    if TYPE_CHECKING:  # MiroApi provides it

        @property
        def audit_logs(self) -> lg.AuditLogs:
            """The fluent root the flat methods go through."""

    @flat("enterprise-get-audit-logs", "api.audit_logs")
    def enterprise_get_audit_logs(
        self,
        created_after: Any,
        created_before: Any,
        cursor: Optional[str] = None,
        limit: Any = None,
        sorting: Optional[str] = None,
    ) -> Page[lg.AuditEvent]:
        """One page of audit events created in the range."""
        events = self.audit_logs(
            created_after=created_after,
            created_before=created_before,
            sorting=sorting,
            limit=page_size(limit),
        )
        return events.page(cursor=cursor)

    @official
    def get_all_enterprise_audit_logs(
        self,
        created_after: Any,
        created_before: Any,
        limit: Any = None,
        sorting: Optional[str] = None,
    ) -> Iterator[lg.AuditEvent]:
        """Every audit event created in the range, page after page."""
        return iter(
            self.audit_logs(
                created_after=created_after,
                created_before=created_before,
                sorting=sorting,
                limit=page_size(limit),
            )
        )

    @flat("enterprise-board-content-item-logs-fetch", "org.content_logs")
    def enterprise_board_content_item_logs_fetch(
        self,
        org_id: str,
        var_from: Any,
        to: Any,
        board_ids: Any = None,
        emails: Any = None,
        cursor: Optional[str] = None,
        limit: Any = None,
        sorting: Optional[str] = None,
    ) -> Page[lg.ContentLog]:
        """One page of board content logs between ``var_from`` and ``to``."""
        logs = self._org(org_id).content_logs
        found = logs(
            from_=var_from,
            to=to,
            board_ids=board_ids,
            emails=emails,
            sorting=sorting,
            limit=page_size(limit),
        )
        return found.page(cursor=cursor)

    @official
    def get_all_enterprise_board_content_item_logs(
        self,
        org_id: str,
        var_from: Any,
        to: Any,
        board_ids: Any = None,
        emails: Any = None,
        limit: Any = None,
        sorting: Optional[str] = None,
    ) -> Iterator[lg.ContentLog]:
        """Every board content log between ``var_from`` and ``to``, page after page."""
        logs = self._org(org_id).content_logs
        return iter(
            logs(
                from_=var_from,
                to=to,
                board_ids=board_ids,
                emails=emails,
                sorting=sorting,
                limit=page_size(limit),
            )
        )

    @flat("enterprise-get-ai-interaction-logs", "org.ai_interaction_logs")
    def enterprise_get_ai_interaction_logs(
        self,
        org_id: str,
        var_from: Any,
        to: Any,
        object_ids: Any = None,
        emails: Any = None,
        cursor: Optional[str] = None,
        limit: Any = None,
        sorting: Optional[str] = None,
    ) -> Page[lg.AiInteractionLog]:
        """One page of AI interaction logs between ``var_from`` and ``to``."""
        logs = self._org(org_id).ai_interaction_logs
        found = logs(
            from_=var_from,
            to=to,
            object_ids=object_ids,
            emails=emails,
            sorting=sorting,
            limit=page_size(limit),
        )
        return found.page(cursor=cursor)

    @official
    def get_all_enterprise_ai_interaction_logs(
        self,
        org_id: str,
        var_from: Any,
        to: Any,
        object_ids: Any = None,
        emails: Any = None,
        limit: Any = None,
        sorting: Optional[str] = None,
    ) -> Iterator[lg.AiInteractionLog]:
        """Every AI interaction log between ``var_from`` and ``to``, page after page."""
        logs = self._org(org_id).ai_interaction_logs
        return iter(
            logs(
                from_=var_from,
                to=to,
                object_ids=object_ids,
                emails=emails,
                sorting=sorting,
                limit=page_size(limit),
            )
        )
