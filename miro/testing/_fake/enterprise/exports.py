"""Board export jobs (spec tag Board Export, API-NOTES §8.15, §8.18).

A job exports each board as one task. It moves from ``CREATED`` to ``IN_PROGRESS`` to
``FINISHED`` as it is looked at (each read of its status, results or tasks is one step;
:data:`STEPS` in all), like a job that runs in the background. Asking for a task's link
is not a step: it is a POST, and a 425 answer leaves nothing changed. Until a task is done
its export link answers **425 Too Early** with ``Retry-After``. A board that does not
exist makes its task fail (``ERROR``, ``FATAL``) without failing the job.

Files are served by a second loopback server standing for the storage bucket: export
links are pre-signed (an HMAC over path and expiry), expire, and — as S3 does — refuse
a request that also carries an ``Authorization`` header.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import io
import secrets
import uuid
import weakref
import zipfile
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlencode

from .. import checks as c
from ..errors import ApiFault, bad, not_found
from ..server import FakeServer, Request, Route, route
from ..state import Store
from .organizations import admin_org, json_object, uuid_param
from .state import Org

FORMATS = ("SVG", "HTML", "PDF")
#: Reads of a job until it is FINISHED (the first read sees CREATED).
STEPS = 3
LINK_SECONDS = 3600
RETRY_AFTER = "1"
JOB_FILTERS = ("CREATED", "IN_PROGRESS", "CANCELLED", "FINISHED")
TASK_FILTERS = ("CREATED", "SCHEDULED", "SUCCESS", "ERROR", "CANCELLED")
_EXTENSIONS = {"SVG": "svg", "HTML": "html", "PDF": "pdf"}


class Exports:
    """The export jobs of one organization: plain data, kept on it (snapshots include it)."""

    def __init__(self) -> None:
        self.jobs: Dict[str, Dict[str, Any]] = {}
        self.requests: Dict[str, str] = {}  # request id -> job id
        self.files: Dict[str, Tuple[str, bytes]] = {}  # task id -> (file name, content)
        self.cursors: Dict[str, int] = {}


class FileHost:
    """The storage host serving export files: a second loopback server, started on first
    use. It lives beside the store, not in it (a server is not state to roll back)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.secret = secrets.token_bytes(16)
        self.server: Optional[FakeServer] = None

    def url(self) -> str:
        """The host's URL (started on first use)."""
        if self.server is None:
            self.server = FakeServer(
                [route("GET", "/exports/{task_id}/{name}", self.serve, public=True)],
                self.store,
                None,
            )
            self.server.start()
        return self.server.url

    def stop(self) -> None:
        """Stop serving."""
        if self.server is not None:
            self.server.stop()
            self.server = None

    def sign(self, path: str, expires: int) -> str:
        """The signature of a link to ``path`` valid until ``expires`` (epoch seconds)."""
        return hmac.new(self.secret, f"{path}\n{expires}".encode(), hashlib.sha256).hexdigest()

    def serve(self, request: Request) -> Tuple[int, Any, Dict[str, str]]:
        """``GET /exports/{task_id}/{name}?X-Expires=…&X-Signature=…``."""
        if "authorization" in request.headers:
            return _s3_error(400, "InvalidArgument", "Only one auth mechanism allowed")
        expires = request.query.get("X-Expires", "")
        signature = request.query.get("X-Signature", "")
        good = self.sign(request.path, int(expires)) if expires.isdigit() else ""
        if not good or not hmac.compare_digest(good, signature):
            return _s3_error(403, "SignatureDoesNotMatch", "The signature is not valid")
        if int(expires) < _epoch():
            return _s3_error(403, "AccessDenied", "Request has expired")
        stored = exports_of(self.store.org).files.get(request.params["task_id"])
        if stored is None or stored[0] != request.params["name"]:
            return _s3_error(404, "NoSuchKey", "The specified key does not exist")
        name, content = stored
        return (
            200,
            content,
            {
                "Content-Type": "application/zip",
                "Content-Disposition": f'attachment; filename="{name}"',
            },
        )


def _s3_error(status: int, code: str, message: str) -> Tuple[int, Any, Dict[str, str]]:
    xml = f"<?xml version='1.0'?><Error><Code>{code}</Code><Message>{message}</Message></Error>"
    return status, xml.encode(), {"Content-Type": "application/xml"}


def _epoch() -> int:
    return int(datetime.datetime.now(datetime.timezone.utc).timestamp())


def _stamp(offset: int = 0) -> str:
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=offset)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_HOSTS: weakref.WeakKeyDictionary[Store, FileHost] = weakref.WeakKeyDictionary()


def exports_of(org: Org) -> Exports:
    """The export state of ``org`` (made on first use)."""
    state: Exports = vars(org).setdefault("board_exports_state", Exports())
    return state


def host_of(store: Store) -> FileHost:
    """The storage host of ``store`` (made on first use, started on first link)."""
    if store not in _HOSTS:
        _HOSTS[store] = FileHost(store)
    return _HOSTS[store]


def stop(store: Store) -> None:
    """Stop the storage host of ``store``, if it was started."""
    host = _HOSTS.get(store)
    if host is not None:
        host.stop()


# --------------------------------------------------------------------------- the job


def _job_or_404(request: Request) -> Tuple[Org, Exports, Dict[str, Any]]:
    org = admin_org(request)
    job_id = uuid_param("job_id", request.params["job_id"])
    state = exports_of(org)
    job = state.jobs.get(job_id)
    if job is None:
        raise not_found("Board export job", job_id)
    return org, state, job


def _advance(request: Request, org: Org, state: Exports, job: Dict[str, Any]) -> None:
    """One more look at the job: the background work moves one step."""
    if job["status"] in ("CANCELLED", "FINISHED"):
        return
    job["steps"] += 1
    if job["steps"] >= STEPS:
        for task in job["tasks"]:
            _finish_task(request, state, job, task)
        job["status"] = "FINISHED"
        org.record_event("board_export_finished", by=job["creator"], category="content",
                         object_id=job["id"], object_name=job["name"])  # fmt: skip
    elif job["steps"] >= 1:
        job["status"] = "IN_PROGRESS"
        for task in job["tasks"]:
            task["status"] = "SCHEDULED"
    job["modifiedAt"] = _stamp()


def _finish_task(request: Request, state: Exports, job: Dict[str, Any], task: Dict[str, Any]):
    board = request.store.boards.get(task["boardId"])
    if board is None:
        task.update(status="ERROR", errorType="FATAL", errorMessage="Board not found")
        return
    extension = _EXTENSIONS[job["boardFormat"]]
    name = f"{task['boardId'].rstrip('=')}.zip"
    content = _archive(board, job["boardFormat"], extension)
    state.files[task["id"]] = (name, content)
    task.update(status="SUCCESS", sizeInBytes=len(content), artifactExpiredAt=_stamp(30 * 86400))


def _archive(board: Dict[str, Any], fmt: str, extension: str) -> bytes:
    """A zip with the exported board, as the export files are."""
    title = str(board.get("name") or "Untitled")
    if fmt == "SVG":
        body = f'<svg xmlns="http://www.w3.org/2000/svg"><title>{title}</title></svg>'
    elif fmt == "HTML":
        body = f"<!doctype html><title>{title}</title><h1>{title}</h1>"
    else:
        body = f"%PDF-1.4\n% {title}\n%%EOF\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{title}.{extension}", body)
    return buffer.getvalue()


def _render_job(job: Dict[str, Any]) -> Dict[str, Any]:
    tasks = job["tasks"]
    return {
        "id": job["id"],
        "name": job["name"],
        "boardFormat": job["boardFormat"],
        "status": job["status"].lower(),
        "createdAt": job["createdAt"],
        "modifiedAt": job["modifiedAt"],
        "tasksCount": {
            "total": len(tasks),
            "success": sum(t["status"] == "SUCCESS" for t in tasks),
            "error": sum(t["status"] == "ERROR" for t in tasks),
        },
        "creator": {"id": job["creator"]},
    }


def _render_task(task: Dict[str, Any]) -> Dict[str, Any]:
    out = {"id": task["id"], "status": task["status"], "board": {"key": task["boardId"]}}
    for key in ("sizeInBytes", "artifactExpiredAt", "errorMessage", "errorType"):
        if key in task:
            out[key] = task[key]
    return out


def _uuid_page(request: Request, state: Exports, rows: List[Any], render: Any) -> Dict[str, Any]:
    """``{total, data, cursor?}`` with a UUID cursor, limit 1..500 (default 50)."""
    limit = c.limit_param(request.query, 1, 500, 50)
    start = 0
    if "cursor" in request.query:
        cursor = uuid_param("cursor", request.query["cursor"])
        if cursor not in state.cursors:
            raise bad("Invalid cursor")
        start = state.cursors[cursor]
    page: Dict[str, Any] = {
        "total": len(rows),
        "data": [render(row) for row in rows[start : start + limit]],
    }
    if start + limit < len(rows):
        cursor = str(uuid.UUID(int=secrets.randbits(128), version=4))
        state.cursors[cursor] = start + limit
        page["cursor"] = cursor
    return page


def _statuses(request: Request, allowed: Tuple[str, ...], prefix: str) -> Optional[List[str]]:
    values = request.query_list("status")
    if not values:
        return None
    wanted = []
    for value in values:
        if not value.startswith(prefix) or value[len(prefix) :] not in allowed:
            raise bad(f"status must be one of {', '.join(prefix + a for a in allowed)}")
        wanted.append(value[len(prefix) :])
    return wanted


# --------------------------------------------------------------------------- handlers


def create_job(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    c.allowed_query(request.query_keys, ("request_id",))
    if "request_id" not in request.query:
        raise bad("request_id is required")
    request_id = uuid_param("request_id", request.query["request_id"])
    body = json_object(request)
    c.check_object(
        "body",
        body,
        {"boardIds": c.array(c.max_length(64, minimum=1), max_items=1000, min_items=1),
         "boardFormat": c.enum(*FORMATS)},
        required=("boardIds",),
    )  # fmt: skip
    state = exports_of(org)
    if request_id in state.requests:  # the same request again: the same job
        return 200, {"jobId": state.requests[request_id]}
    job_id = str(uuid.uuid4())
    stamp = _stamp()
    job = {
        "id": job_id,
        "name": f"Board export {stamp}",
        "boardFormat": body.get("boardFormat", "SVG"),
        "status": "CREATED",
        "steps": 0,
        "createdAt": stamp,
        "modifiedAt": stamp,
        "creator": request.user_id,
        "tasks": [
            {"id": str(uuid.uuid4()), "status": "CREATED", "boardId": board_id}
            for board_id in dict.fromkeys(body["boardIds"])
        ],
    }
    state.jobs[job_id] = job
    state.requests[request_id] = job_id
    org.record_event("board_export_created", by=request.user_id, category="content",
                     object_id=job_id, object_name=job["name"],
                     details={"boardIds": list(dict.fromkeys(body["boardIds"]))})  # fmt: skip
    return 200, {"jobId": job_id}


def list_jobs(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    c.allowed_query(request.query_keys, ("status", "creatorId", "cursor", "limit"))
    statuses = _statuses(request, JOB_FILTERS, "JOB_STATUS_")
    creators = request.query_list("creatorId")
    if any(not value.isdigit() for value in creators):
        raise bad("creatorId must be user ids (integers)")
    state = exports_of(org)
    rows = [
        job
        for job in state.jobs.values()
        if (statuses is None or job["status"] in statuses)
        and (not creators or job["creator"] in creators)
    ]
    return 200, _uuid_page(request, state, rows, _render_job)


def job_status(request: Request) -> Tuple[int, Any]:
    org, state, job = _job_or_404(request)
    answer = {"jobStatus": job["status"]}
    _advance(request, org, state, job)
    return 200, answer


def job_results(request: Request) -> Tuple[int, Any]:
    org, state, job = _job_or_404(request)
    _advance(request, org, state, job)
    results = []
    for task in job["tasks"]:
        result = {"boardId": task["boardId"], "status": task["status"]}
        if task["status"] == "SUCCESS":
            result["exportLink"] = _link(request, state, task)
        for key in ("errorMessage", "errorType"):
            if key in task:
                result[key] = task[key]
        results.append(result)
    return 200, {"jobId": job["id"], "results": results}


def cancel_job(request: Request) -> Tuple[int, Any]:
    org, _state, job = _job_or_404(request)
    body = json_object(request)
    c.check_object("body", body, {"status": c.enum("CANCELLED")}, required=("status",))
    if job["status"] == "FINISHED":
        raise bad("The board export job has already finished")
    job["status"] = "CANCELLED"
    job["modifiedAt"] = _stamp()
    for task in job["tasks"]:
        if task["status"] not in ("SUCCESS", "ERROR"):
            task["status"] = "CANCELLED"
    org.record_event("board_export_cancelled", by=request.user_id, category="content",
                     object_id=job["id"], object_name=job["name"])  # fmt: skip
    return 200, {"status": "CANCELLED"}


def job_tasks(request: Request) -> Tuple[int, Any]:
    org, state, job = _job_or_404(request)
    c.allowed_query(request.query_keys, ("status", "cursor", "limit"))
    statuses = _statuses(request, TASK_FILTERS, "TASK_STATUS_")
    _advance(request, org, state, job)
    rows = [t for t in job["tasks"] if statuses is None or t["status"] in statuses]
    return 200, _uuid_page(request, state, rows, _render_task)


def _link(request: Request, state: Exports, task: Dict[str, Any]) -> str:
    name = state.files[task["id"]][0]
    path = f"/exports/{task['id']}/{name}"
    expires = _epoch() + LINK_SECONDS
    host = host_of(request.store)
    query = urlencode({"X-Expires": expires, "X-Signature": host.sign(path, expires)})
    return f"{host.url()}{path}?{query}"


def export_link(request: Request) -> Tuple[int, Any, Dict[str, str]]:
    org, state, job = _job_or_404(request)
    task_id = uuid_param("task_id", request.params["task_id"])
    task = next((t for t in job["tasks"] if t["id"] == task_id), None)
    if task is None:
        raise not_found("Board export task", task_id)
    if task["status"] in ("CREATED", "SCHEDULED"):
        raise ApiFault(
            425, "tooEarly", "The export is not ready yet", headers={"Retry-After": RETRY_AFTER}
        )
    if task["status"] != "SUCCESS":
        answer = {"status": task["status"]}
        if "errorMessage" in task:
            answer.update(errorMessage=task["errorMessage"], errorType=task["errorType"])
        return 200, answer, {}
    org.record_event("board_export_link_created", by=request.user_id, category="content",
                     object_id=task["boardId"], object_name=task["boardId"])  # fmt: skip
    return (
        200,
        {
            "status": "SUCCESS",
            "exportLink": _link(request, state, task),
            "artifactExpiredAt": task["artifactExpiredAt"],
            "linkExpiredAt": _stamp(LINK_SECONDS),
        },
        {},
    )


_JOBS = "/v2/orgs/{org_id}/boards/export/jobs"

ROUTES: List[Route] = [
    route("POST", _JOBS, create_job, level=4),
    route("GET", _JOBS, list_jobs, level=4),
    route("GET", _JOBS + "/{job_id}", job_status, level=4),
    route("GET", _JOBS + "/{job_id}/results", job_results, level=4),
    route("PUT", _JOBS + "/{job_id}/status", cancel_job, level=4),
    route("GET", _JOBS + "/{job_id}/tasks", job_tasks, level=4),
    route("POST", _JOBS + "/{job_id}/tasks/{task_id}/export-link", export_link, level=4),
]
