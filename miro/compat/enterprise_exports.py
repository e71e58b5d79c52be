"""Official flat methods for board export jobs, onto ``org.board_exports``.

The official client returns small wrapper models for the job id and status calls: the
new job comes back as a :class:`~miro.enterprise.exports.BoardExportJob`, which also has
``job_id``; :class:`JobStatus` (``job_status``) and :class:`JobStatusChange` (``status``)
keep the other two shapes.
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional

import attrs

from ..core.pagination import Page
from ..core.resource import Model
from ..enterprise import exports as ex
from ..errors import InvalidArgument, InvalidArgumentType
from .base import OrgHost, flat, official, page_size
from .official_models import model


@attrs.define(kw_only=True)
class JobStatus(Model):
    """``BoardExportJobStatus``: the job's state."""

    job_status: Optional[str] = None


@attrs.define(kw_only=True)
class JobStatusChange(Model):
    """The answer to cancelling a job: its new ``status``."""

    status: Optional[str] = None


def _statuses(value: Any) -> Optional[List[str]]:
    if value is None or isinstance(value, (list, tuple)):
        return None if value is None else list(value)
    if isinstance(value, str):
        return [value]
    raise InvalidArgumentType(
        f"status must be a string or a list of strings, got {type(value).__name__}"
    )


class EnterpriseExportsFlat(OrgHost):
    """``enterprise_create_board_export``, ``enterprise_board_export_jobs`` … (official names)."""

    def _exports(self, org_id: str) -> ex.BoardExports:
        return self._org(org_id).board_exports

    @flat("enterprise-create-board-export", "org.board_exports.create")
    def enterprise_create_board_export(
        self, org_id: str, request_id: str, create_board_export_request: Any
    ) -> Any:
        """Start a board export (``CreateBoardExportRequest``); ``request_id`` is a UUID.
        Returns the official ``BoardExportJobId`` (``.job_id``); the fluent
        ``org.board_exports.create`` returns the job itself, to wait on and download."""
        fields = ex.EXPORT_REQUEST.from_json(
            create_board_export_request, "create_board_export_request"
        )
        if "board_ids" not in fields:
            raise InvalidArgument("create_board_export_request needs boardIds")
        job = self._exports(org_id).create(
            board_ids=fields["board_ids"],
            format=fields.get("board_format") or "SVG",
            request_id=ex.check_request_id(request_id),
        )
        return model("BoardExportJobId")(job_id=job.job_id)

    @flat("enterprise-board-export-jobs", "org.board_exports.page")
    def enterprise_board_export_jobs(
        self,
        org_id: str,
        status: Any = None,
        creator_id: Any = None,
        cursor: Optional[str] = None,
        limit: Any = None,
    ) -> Page[ex.BoardExportJob]:
        """One page of board export jobs (``status``: ``JOB_STATUS_…`` values)."""
        return self._exports(org_id).page(
            limit=page_size(limit), cursor=cursor, status=_statuses(status), creator_ids=creator_id
        )

    @official
    def get_all_enterprise_board_export_jobs(
        self, org_id: str, status: Any = None, creator_id: Any = None, limit: Any = None
    ) -> Iterator[ex.BoardExportJob]:
        """Every board export job matching the filters, page after page."""
        jobs = self._exports(org_id).list(
            status=_statuses(status), creator_ids=creator_id, limit=page_size(limit)
        )
        return iter(jobs)

    @flat("enterprise-board-export-job-status", "job.status")
    def enterprise_board_export_job_status(self, org_id: str, job_id: str) -> JobStatus:
        """A job's state (``.job_status``)."""
        return JobStatus(job_status=self._exports(org_id).job_status(job_id))

    @flat("enterprise-board-export-job-results", "job.results")
    def enterprise_board_export_job_results(self, org_id: str, job_id: str) -> ex.ExportResults:
        """A job's per-board results."""
        return self._exports(org_id).results(job_id)

    @flat("enterprise-update-board-export-job", "job.cancel")
    def enterprise_update_board_export_job(
        self, org_id: str, job_id: str, enterprise_update_board_export_job_request: Any = None
    ) -> JobStatusChange:
        """Cancel a job (the only change Miro supports: ``{"status": "CANCELLED"}``)."""
        body = enterprise_update_board_export_job_request
        if body is not None:
            wanted = body.get("status") if isinstance(body, dict) else getattr(body, "status", None)
            if wanted != "CANCELLED":
                raise InvalidArgument(
                    "enterprise_update_board_export_job_request: status must be 'CANCELLED'"
                )
        return JobStatusChange(status=self._exports(org_id).cancel(job_id))

    @flat("enterprise-board-export-job-tasks", "job.tasks.page")
    def enterprise_board_export_job_tasks(
        self,
        org_id: str,
        job_id: str,
        status: Any = None,
        cursor: Optional[str] = None,
        limit: Any = None,
    ) -> Page[ex.ExportTask]:
        """One page of a job's tasks (``status``: ``TASK_STATUS_…`` values)."""
        tasks = self._exports(org_id).get(job_id, lazy=True).tasks
        return tasks.list(status=_statuses(status), limit=page_size(limit)).page(cursor=cursor)

    @official
    def get_all_enterprise_board_export_job_tasks(
        self, org_id: str, job_id: str, status: Any = None, limit: Any = None
    ) -> Iterator[ex.ExportTask]:
        """Every task of a job, page after page."""
        tasks = self._exports(org_id).get(job_id, lazy=True).tasks
        return iter(tasks.list(status=_statuses(status), limit=page_size(limit)))

    @flat("enterprise-create-board-export-task-export-link", "task.export_link")
    def enterprise_create_board_export_task_export_link(
        self, org_id: str, job_id: str, task_id: str
    ) -> ex.ExportLink:
        """A task's download link (asks once: a 425 Too Early is raised as ``TooEarly``)."""
        tasks = self._exports(org_id).get(job_id, lazy=True).tasks
        return tasks.export_link(task_id, timeout=0)
