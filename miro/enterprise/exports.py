"""Board export (eDiscovery): ``org.board_exports`` and :class:`BoardExportJob`.

A job is one long-running operation (STYLE 14)::

    job = org.board_exports.create(board_ids=[b1, b2], format="PDF")
    job.wait(timeout=600, progress=True)     # polls politely until FINISHED or CANCELLED
    paths = job.download("exports/", progress=True)

:meth:`BoardExports.create` generates the ``request_id`` (a UUID the API requires) unless
you give one, which is checked first. :meth:`BoardExportJob.wait` polls the job's status
at a growing interval, honouring ``425 Too Early`` and its ``Retry-After``; ``job.tasks``
lists one task per board; :meth:`ExportTask.export_link` asks for a task's pre-signed link;
:meth:`BoardExportJob.download` saves every exported file, without ever sending the access
token to the storage host. Iterating ``org.board_exports`` lists past jobs (cursor pages of
1..500).
"""

from __future__ import annotations

import datetime
import os
import re
import time
import uuid
from typing import Any, Iterator, List, Optional, Union

import attrs

from ..core import params as p
from ..core.pagination import Page, Paginator, Paging
from ..core.progress import progress_bar
from ..core.resource import Collection, Model, Resource
from ..core.transport import Repeated, retry_delay
from ..errors import InvalidArgument, InvalidArgumentType, MiroError, TooEarly
from .base import child

#: Formats a board can be exported to.
FORMATS = ("SVG", "HTML", "PDF")
#: Job states (``GET …/jobs/{job_id}``); the last two are final.
JOB_STATUSES = ("CREATED", "IN_PROGRESS", "CANCELLED", "FINISHED")
FINAL = ("CANCELLED", "FINISHED")
#: Task states, and the filter values the tasks list takes for them.
TASK_STATUSES = ("CREATED", "SCHEDULED", "SUCCESS", "ERROR", "CANCELLED")
MAX_BOARDS = 1000
#: Board-export lists page 1..500 (default 50) with a UUID cursor (API-NOTES §2.2).
EXPORT_CURSOR = Paging("cursor", 1, 500, limit_as_string=False)

EXPORT_REQUEST = p.Body(
    p.top(
        board_ids=p.list_of(p.ID, min_items=1, max_items=MAX_BOARDS),
        board_format=p.choice(*FORMATS),
    ),
    required=("board_ids",),
)


class JobTimeout(MiroError, TimeoutError):
    """A job did not finish within the time allowed; ``job`` is the job, still running."""

    def __init__(self, message: str, job: Any = None) -> None:
        super().__init__(message)
        self.job = job


def check_uuid(name: str, value: Any) -> str:
    """A UUID (string or :class:`uuid.UUID`) in canonical form, or an error naming ``name``."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str):
        raise InvalidArgumentType(f"{name} must be a UUID string, got {type(value).__name__}")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidArgument(f"{name} must be a UUID, got {value!r}") from None


def check_request_id(value: Any) -> str:
    """A request id: a UUID (string or :class:`uuid.UUID`), returned in canonical form."""
    return check_uuid("request_id", value)


def _job_id(value: Any) -> str:
    return check_uuid("job_id", getattr(value, "id", value))


def _status_filter(name: str, values: Any, allowed: tuple, prefix: str) -> Optional[List[str]]:
    """Statuses given as ``"FINISHED"``, ``"finished"`` or ``"JOB_STATUS_FINISHED"``."""
    if values is None:
        return None
    items = [values] if isinstance(values, str) else list(values)
    out = []
    for i, value in enumerate(items):
        if not isinstance(value, str):
            raise InvalidArgumentType(f"{name}[{i}] must be a string, got {type(value).__name__}")
        bare = value.upper()
        bare = bare[len(prefix) :] if bare.startswith(prefix) else bare
        if bare not in allowed:
            raise InvalidArgument(f"{name} must be among {', '.join(allowed)}; got {value!r}")
        out.append(prefix + bare)
    return out


def _repeated(values: Optional[List[str]]) -> Optional[Repeated]:
    return None if values is None else Repeated(values)


# --------------------------------------------------------------------------- tasks


@attrs.define(kw_only=True)
class ExportedBoard(Model):
    """The board a task exports (``key`` is the board id)."""

    key: Optional[str] = None


@attrs.define(kw_only=True)
class ExportLink(Model):
    """A task's pre-signed download link (``export_link``) and until when it works."""

    status: Optional[str] = None
    #: The pre-signed download URL: a credential for the files, so kept out of ``repr``.
    export_link: Optional[str] = attrs.field(default=None, repr=False)
    artifact_expired_at: Optional[datetime.datetime] = None
    link_expired_at: Optional[datetime.datetime] = None
    error_message: Optional[str] = None
    error_type: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class ExportTask(Resource):
    """The export of one board within a job."""

    _summary_fields = ("status", "board.key")

    status: Optional[str] = None
    board: Optional[ExportedBoard] = None
    size_in_bytes: Optional[int] = None
    artifact_expired_at: Optional[datetime.datetime] = None
    error_message: Optional[str] = None
    error_type: Optional[str] = None

    @property
    def board_id(self) -> Optional[str]:
        """The exported board's id."""
        return self.board.key if self.board else None

    def export_link(self, *, timeout: Optional[float] = 60.0) -> ExportLink:
        """A fresh download link for this task's files.

        While the files are not ready Miro answers 425 Too Early; this waits as its
        ``Retry-After`` says and asks again, for at most ``timeout`` seconds (None: forever;
        0: ask once).
        """
        return self._require_collection().export_link(self.id, timeout=timeout)


class ExportTasks(Collection[ExportTask]):
    """``job.tasks``: one task per exported board (cursor pages of 1..500)."""

    path = "/v2/orgs/{org_id}/boards/export/jobs/{job_id}/tasks"
    item_key = "task_id"
    model = ExportTask
    paging = EXPORT_CURSOR

    def list(self, *, status: Any = None, limit: Optional[int] = None) -> Paginator[ExportTask]:
        """Every task, optionally only those in ``status`` (one or several of
        CREATED, SCHEDULED, SUCCESS, ERROR, CANCELLED)."""
        wanted = _status_filter("status", status, TASK_STATUSES, "TASK_STATUS_")
        return self._paginate({"status": _repeated(wanted)}, limit)

    def __iter__(self) -> Iterator[ExportTask]:
        return iter(self.list())

    def page(
        self, *, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> Page[ExportTask]:
        """One page of tasks, as the API returns it."""
        return self.list(limit=limit).page(cursor=cursor)

    def get(self, task_id: str) -> ExportTask:
        """A handle on one task (the API has no call to read a single task)."""
        return ExportTask(id=check_uuid("task_id", getattr(task_id, "id", task_id)))._bind(self)

    def export_link(self, task_id: Any, *, timeout: Optional[float] = 60.0) -> ExportLink:
        """A download link for a task's files, waiting through 425 Too Early (see
        :meth:`ExportTask.export_link`)."""
        path = self.url(check_uuid("task_id", getattr(task_id, "id", task_id)), "/export-link")
        answer = _retry_too_early(
            lambda: self.request("POST", path), self.transport._sleep, timeout, "export link"
        )
        return ExportLink.from_dict(answer)


def _retry_too_early(call: Any, sleep: Any, timeout: Optional[float], what: str) -> Any:
    deadline = None if timeout is None else time.monotonic() + timeout
    interval = 1.0
    while True:
        try:
            return call()
        except TooEarly as exc:
            wait = retry_delay(exc.headers)
            wait = interval if wait is None else wait
            if deadline is not None and time.monotonic() + wait > deadline:
                raise
            sleep(wait)
            interval = min(interval * 2, 30.0)


# --------------------------------------------------------------------------- jobs


@attrs.define(kw_only=True)
class TasksCount(Model):
    """How many tasks a job has, and how many succeeded or failed."""

    total: Optional[int] = None
    success: Optional[int] = None
    error: Optional[int] = None


@attrs.define(kw_only=True)
class ExportResult(Model):
    """The result of one board's export: ``status`` and, when it succeeded, its link."""

    board_id: Optional[str] = None
    status: Optional[str] = None
    #: The pre-signed download URL: a credential for the files, so kept out of ``repr``.
    export_link: Optional[str] = attrs.field(default=None, repr=False)
    error_message: Optional[str] = None
    error_type: Optional[str] = None


@attrs.define(kw_only=True)
class ExportResults(Model):
    """``job.results()``: one :class:`ExportResult` per board."""

    job_id: Optional[str] = None
    results: List[ExportResult] = attrs.field(factory=list)

    def __iter__(self) -> Iterator[ExportResult]:
        return iter(self.results)

    @property
    def failed(self) -> List[ExportResult]:
        """The boards whose export did not succeed."""
        return [r for r in self.results if r.status != "SUCCESS"]


@attrs.define(kw_only=True)
class ExportCreator(Model):
    """Who created a job."""

    id: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class BoardExportJob(Resource):
    """A board export job. ``state`` is the last status seen; ``job.status()`` asks anew."""

    _summary_fields = ("state", "board_format")

    name: Optional[str] = None
    board_format: Optional[str] = None
    #: The JSON ``status``: the last state seen (the job list writes it in lower case).
    state: Optional[str] = attrs.field(default=None, metadata={"json": "status"})
    created_at: Optional[datetime.datetime] = None
    modified_at: Optional[datetime.datetime] = None
    tasks_count: Optional[TasksCount] = None
    creator: Optional[ExportCreator] = None

    tasks = child(ExportTasks)

    @property
    def job_id(self) -> str:
        """The job's id (the official ``BoardExportJobId.job_id``)."""
        return self.id

    @property
    def _jobs(self) -> BoardExports:
        return self._require_collection()

    def status(self) -> str:
        """Ask Miro for the job's state: CREATED, IN_PROGRESS, CANCELLED or FINISHED."""
        self.state = self._jobs.job_status(self.id)
        return self.state

    @property
    def done(self) -> bool:
        """Whether the last state seen is final (FINISHED or CANCELLED); sends nothing."""
        return self.state is not None and self.state.upper() in FINAL

    def wait(
        self, timeout: Optional[float] = 600.0, poll: float = 2.0, progress: Any = False
    ) -> BoardExportJob:
        """Poll until the job is FINISHED or CANCELLED; returns the job.

        ``poll`` is the first interval in seconds; it grows by half each time up to 30 s.
        A 425 Too Early (or 429) answer's ``Retry-After`` is honoured. ``progress=True``
        shows the state on a bar. Raises :class:`JobTimeout` after ``timeout`` seconds
        (None: no limit).
        """
        if isinstance(poll, bool) or not isinstance(poll, (int, float)) or poll <= 0:
            raise InvalidArgument(f"poll must be a positive number of seconds, got {poll!r}")
        sleep = self._jobs.transport._sleep
        deadline = None if timeout is None else time.monotonic() + timeout
        interval = float(poll)
        state = "unknown"
        with progress_bar(progress, desc=f"export {self.id[:8]}", unit="poll") as bar:
            while True:
                try:
                    state = self.status()
                    wait = interval
                except TooEarly as exc:
                    wait = retry_delay(exc.headers) or interval
                bar.update(1)
                bar.set_postfix_str(state)
                if state.upper() in FINAL:
                    return self
                if deadline is not None and time.monotonic() + wait > deadline:
                    raise JobTimeout(
                        f"board export job {self.id} is still {state} after {timeout:g} s", self
                    )
                sleep(wait)
                interval = min(interval * 1.5, 30.0)

    def results(self) -> ExportResults:
        """Each board's export result (with its link when it succeeded)."""
        return self._jobs.results(self.id)

    def cancel(self) -> str:
        """Cancel the job; returns the state Miro reports (CANCELLED)."""
        self.state = self._jobs.cancel(self.id)
        return self.state

    def download(self, directory: Union[str, os.PathLike], *, progress: Any = False) -> List[str]:
        """Save every successfully exported file into ``directory`` (created if needed);
        returns the paths written. Call after :meth:`wait`. ``progress=True`` shows a
        byte-count bar (needs ``miro[progress]``); a callable gets ``(done, total)``."""
        return self._jobs.download(self.id, directory, progress=progress)


class BoardExports(Collection[BoardExportJob]):
    """``org.board_exports``: start board exports and iterate past jobs."""

    path = "/v2/orgs/{org_id}/boards/export/jobs"
    item_key = "job_id"
    model = BoardExportJob
    paging = EXPORT_CURSOR

    def create(
        self,
        *,
        board_ids: Any,
        format: str = "SVG",  # noqa: A002 - the natural name
        request_id: Any = None,
    ) -> BoardExportJob:
        """Start exporting up to 1,000 boards (ids or boards) as ``SVG``, ``HTML`` or ``PDF``.

        ``request_id`` (a UUID) identifies the request; one is generated when not given.
        """
        if isinstance(board_ids, str) or hasattr(board_ids, "id"):
            board_ids = [board_ids]
        fmt = format.upper() if isinstance(format, str) else format
        body = EXPORT_REQUEST.build({"board_ids": board_ids, "board_format": fmt})
        rid = str(uuid.uuid4()) if request_id is None else check_request_id(request_id)
        answer = self.request("POST", self.url(), params={"request_id": rid}, json=body)
        job = BoardExportJob(id=answer["jobId"], board_format=fmt)._bind(self)
        return job

    def list(
        self, *, status: Any = None, creator_ids: Any = None, limit: Optional[int] = None
    ) -> Paginator[BoardExportJob]:
        """Past and running jobs, optionally filtered by ``status`` (CREATED, IN_PROGRESS,
        CANCELLED, FINISHED; one or several) and ``creator_ids`` (user ids)."""
        wanted = _status_filter("status", status, JOB_STATUSES, "JOB_STATUS_")
        creators = None
        if creator_ids is not None:
            given = [creator_ids] if isinstance(creator_ids, (str, int)) else creator_ids
            creators = p.list_of(p.ID)("creator_ids", given)
            for i, ident in enumerate(creators):
                if not ident.isdigit():
                    raise InvalidArgument(f"creator_ids[{i}] must be a numeric user id")
        return self._paginate(
            {"status": _repeated(wanted), "creatorId": _repeated(creators)}, limit
        )

    def __iter__(self) -> Iterator[BoardExportJob]:
        return iter(self.list())

    def page(
        self, *, limit: Optional[int] = None, cursor: Optional[str] = None, **filters: Any
    ) -> Page[BoardExportJob]:
        """One page of jobs, as the API returns it."""
        return self.list(limit=limit, **filters).page(cursor=cursor)

    def get(self, job_id: Any, *, lazy: bool = False) -> BoardExportJob:
        """A job by id; unless ``lazy``, its status is fetched (one request)."""
        job = BoardExportJob(id=_job_id(job_id))._bind(self)
        if not lazy:
            job.status()
        return job

    def job_status(self, job_id: Any) -> str:
        """A job's state: CREATED, IN_PROGRESS, CANCELLED or FINISHED."""
        return str(self.request("GET", self.url(_job_id(job_id)))["jobStatus"])

    def results(self, job_id: Any) -> ExportResults:
        """A job's per-board results."""
        answer = self.request("GET", self.url(_job_id(job_id), "/results"))
        return ExportResults.from_dict(answer or {})

    def cancel(self, job_id: Any) -> str:
        """Cancel a job; returns the state Miro reports."""
        path = self.url(_job_id(job_id), "/status")
        return str(self.request("PUT", path, json={"status": "CANCELLED"})["status"])

    def download(
        self, job_id: Any, directory: Union[str, os.PathLike], *, progress: Any = False
    ) -> List[str]:
        """Save every successful task's files of a job into ``directory``."""
        job = self.get(job_id, lazy=True)
        tasks = [t for t in job.tasks.list(status="SUCCESS")]
        os.makedirs(directory, exist_ok=True)
        total = sum(t.size_in_bytes or 0 for t in tasks) or None
        written: List[str] = []
        with progress_bar(progress, total=total, desc="download", unit="B") as bar:
            for task in tasks:
                link = task.export_link()
                if not link.export_link:
                    raise InvalidArgument(
                        f"task {task.id} has no export link: {link.error_message or link.status}"
                    )
                written.append(self._save(link.export_link, task, str(directory), bar))
        return written

    def _save(self, url: str, task: ExportTask, directory: str, bar: Any) -> str:
        with self.transport.download(url) as stream:
            name = _safe_name(stream.filename or url.split("?", 1)[0].rsplit("/", 1)[-1])
            name = name or f"{task.board_id or task.id}.zip"
            target = os.path.join(directory, name)
            partial = target + ".part"
            with open(partial, "wb") as out:
                for chunk in stream.chunks():
                    out.write(chunk)
                    bar.update(len(chunk))
            os.replace(partial, target)
        return target


_UNSAFE = re.compile(r"[^A-Za-z0-9._=-]+")


def _safe_name(name: str) -> str:
    """A file name from a server, kept inside the target directory."""
    base = os.path.basename(name.replace("\\", "/"))
    cleaned = _UNSAFE.sub("_", base).lstrip(".")
    return cleaned[:200]
