"""Audit logs, board content logs and AI interaction logs (API-NOTES §8.15).

* ``GET /v2/audit/logs``: the organization's audit events (``store.org.events``, recorded by
  every change made through the fake), between ``createdAfter`` and ``createdBefore``
  (ISO-8601 UTC with milliseconds and ``Z``), ``sorting`` ``ASC|DESC``;
* ``GET /v2/orgs/{org_id}/content-logs/items``: one log per board item, from the items on
  the fake's boards (``create``, or ``update`` once modified), between ``from`` and ``to``,
  ``sorting`` ``asc|desc``;
* ``GET /v2/orgs/{org_id}/ai-interaction-logs``: the interactions seeded with
  :func:`add_ai_interaction` (the fake has no AI features of its own).

All three page by cursor; a date range whose start is after its end is a 400.
"""

from __future__ import annotations

import datetime
import functools
import uuid
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .. import checks as c
from ..clock import now
from ..errors import ApiFault, bad
from ..paging import cursor_page
from ..server import Request, Route, route
from .organizations import admin_org, datetime_param
from .state import Org


def _ai_logs(org: Org) -> List[Dict[str, Any]]:
    """The AI interaction logs, kept on the organization (snapshots of the store include it)."""
    logs: List[Dict[str, Any]] = vars(org).setdefault("ai_interaction_logs", [])
    return logs


def add_ai_interaction(
    org: Org,
    user_id: str,
    *,
    object_id: Optional[str] = None,
    object_type: str = "board",
    feature: str = "sticky_notes_generation",
    details: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]:
    """Record an AI interaction by ``user_id`` (an organization member)."""
    member = org.members[user_id]
    user = org.store.users.get(user_id, {})
    stamp = now()
    record = {
        "id": str(uuid.uuid4()),
        "createdAt": stamp,
        "storedAt": stamp,
        "sessionId": str(uuid.uuid4()),
        "messageId": str(uuid.uuid4()),
        "object": {"id": object_id or org.id, "type": object_type},
        "aiFeatureName": feature,
        "actor": {"id": user_id, "email": member["email"], "name": user.get("name") or ""},
        "logType": "prompt",
        "details": dict(details or {}),
    }
    _ai_logs(org).append(record)
    return record


@functools.lru_cache(maxsize=65536)  # every page re-reads every event's timestamp
def _when(text: str) -> datetime.datetime:
    return datetime_param("createdAt", text)


def _window(request: Request, first: str, last: str) -> Tuple[datetime.datetime, datetime.datetime]:
    for name in (first, last):
        if name not in request.query:
            raise bad(f"{name} is required")
    start = datetime_param(first, request.query[first])
    end = datetime_param(last, request.query[last])
    if start > end:
        raise bad(f"{first} must not be after {last}")
    return start, end


def _sorted(
    rows: Sequence[Dict[str, Any]], key: str, sorting: str, window: Tuple[Any, Any]
) -> List[Dict[str, Any]]:
    start, end = window
    inside = [r for r in rows if start <= _when(r[key]) <= end]
    return sorted(inside, key=lambda r: _when(r[key]), reverse=sorting.lower() == "desc")


def _page(
    request: Request, rows: List[Any], render: Callable[[Any], Any], high: int, default: int
) -> Dict[str, Any]:
    page = cursor_page(request.store, request.query, rows, render, low=1, high=high,
                       default=default)  # fmt: skip
    page.pop("total", None)
    page["type"] = "cursor-list"
    return page


def audit_logs(request: Request) -> Tuple[int, Any]:
    org: Org = request.store.org
    if not org.is_admin(request.user_id):
        raise ApiFault(403, "forbidden", "Only Company Admins can read the audit log")
    c.allowed_query(
        request.query_keys, ("createdAfter", "createdBefore", "cursor", "limit", "sorting")
    )
    window = _window(request, "createdAfter", "createdBefore")
    sorting = request.query.get("sorting", "ASC")
    c.enum("ASC", "DESC")("sorting", sorting)
    rows = _sorted(org.events, "createdAt", sorting, window)
    return 200, _page(request, rows, dict, high=10**6, default=100)


def _item_log(request: Request, board_id: str, item: Dict[str, Any]) -> Dict[str, Any]:
    org: Org = request.store.org
    modified = item.get("modifiedAt") or item.get("createdAt") or now()
    author = item.get("modifiedBy") or item.get("createdBy") or ""
    author = author.get("id", "") if isinstance(author, dict) else str(author)
    user = request.store.users.get(author, {})
    actor = {"id": author, "name": user.get("name") or ""}
    email = (org.members.get(author) or {}).get("email") or user.get("email")
    if email:
        actor["email"] = email
    changed = item.get("modifiedAt") not in (None, item.get("createdAt"))
    return {
        "id": f"{board_id}:{item['id']}",
        "contentId": board_id,
        "actionType": "update" if changed else "create",
        "actionTime": modified,
        "actor": actor,
        "itemType": "widget",
        "itemId": item["id"],
        "state": {k: item[k] for k in ("type", "data") if k in item},
        "relationships": [],
    }


def _filter_values(request: Request, name: str) -> List[str]:
    values = [v for raw in request.query_list(name) for v in raw.split(",") if v]
    if len(values) > 15:
        raise bad(f"{name} takes at most 15 values")
    return values


def content_logs(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    c.allowed_query(
        request.query_keys, ("board_ids", "emails", "from", "to", "cursor", "limit", "sorting")
    )
    window = _window(request, "from", "to")
    sorting = request.query.get("sorting", "asc")
    c.enum("asc", "desc")("sorting", sorting)
    boards = _filter_values(request, "board_ids")
    emails = {e.lower() for e in _filter_values(request, "emails")}
    logs = [
        _item_log(request, board_id, item)
        for board_id, items in request.store.items.items()
        if not boards or board_id in boards
        for item in items.values()
    ]
    logs = [g for g in logs if not emails or g["actor"].get("email", "").lower() in emails]
    rows = _sorted(logs, "actionTime", sorting, window)
    return 200, _page(request, rows, dict, high=1000, default=1000)


def ai_logs(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    c.allowed_query(
        request.query_keys, ("object_ids", "emails", "from", "to", "cursor", "limit", "sorting")
    )
    window = _window(request, "from", "to")
    sorting = request.query.get("sorting", "asc")
    c.enum("asc", "desc")("sorting", sorting)
    objects = _filter_values(request, "object_ids")
    emails = {e.lower() for e in _filter_values(request, "emails")}
    logs = [
        g
        for g in _ai_logs(org)
        if (not objects or g["object"]["id"] in objects)
        and (not emails or g["actor"]["email"].lower() in emails)
    ]
    rows = _sorted(logs, "storedAt", sorting, window)
    return 200, _page(request, rows, dict, high=100, default=100)


ROUTES: List[Route] = [
    route("GET", "/v2/audit/logs", audit_logs, level=2),
    route("GET", "/v2/orgs/{org_id}/content-logs/items", content_logs, level=4),
    route("GET", "/v2/orgs/{org_id}/ai-interaction-logs", ai_logs, level=4),
]
