"""``/v2-experimental``: mind maps, flowchart shapes, code widgets, items, app metrics."""

from __future__ import annotations

import datetime
from typing import Any, List, Tuple

from . import checks as c
from .boards import board_or_404
from .errors import bad, not_found
from .items import BY_TYPE, item_or_404, remove_item, render, typed_handlers, update_item
from .paging import cursor_page
from .server import Request, Route, route

BASE = "/v2-experimental"


def _list_of(item_type: str):
    def handler(request: Request) -> Tuple[int, Any]:
        board = board_or_404(request)
        c.allowed_query(request.query_keys, ("limit", "cursor"))
        rows = [i for i in request.store.items[board["id"]].values() if i["type"] == item_type]
        return 200, cursor_page(request.store, request.query, rows, lambda i: render(request, i))

    return handler


def list_items(request: Request) -> Tuple[int, Any]:
    board = board_or_404(request)
    c.allowed_query(request.query_keys, ("limit", "type", "cursor"))
    rows = list(request.store.items[board["id"]].values())
    if "type" in request.query:
        c.enum("shape")("type", request.query["type"])
        rows = [i for i in rows if i["type"] == "shape"]
    return 200, cursor_page(request.store, request.query, rows, lambda i: render(request, i))


def get_item(request: Request) -> Tuple[int, Any]:
    return 200, render(request, item_or_404(request))


def delete_item(request: Request) -> Tuple[int, Any]:
    remove_item(request, item_or_404(request)["id"])
    return 204, None


def move_code_widget(request: Request) -> Tuple[int, Any]:
    kind = BY_TYPE["code_widget"]
    item = item_or_404(request, kind)
    body = request.json()
    c.check_object("body", body, {"x": c.number(), "y": c.number()})
    update_item(request, kind, item, {"position": body})
    return 200, render(request, item)


def _date(request: Request, name: str) -> datetime.date:
    if name not in request.query:
        raise bad(f"{name} is required")
    try:
        return datetime.date.fromisoformat(request.query[name])
    except ValueError:
        raise bad(f"{name} must be a date like 2024-12-31") from None


def metrics(request: Request) -> Tuple[int, Any]:
    if request.params["app_id"] != request.fake.app_id:
        raise not_found("App", request.params["app_id"])
    c.allowed_query(request.query_keys, ("startDate", "endDate", "period"))
    start, end = _date(request, "startDate"), _date(request, "endDate")
    period = request.query.get("period", "DAY")
    c.enum("DAY", "WEEK", "MONTH")("period", period)
    if end < start:
        raise bad("endDate must not be before startDate")
    step = {"DAY": 1, "WEEK": 7, "MONTH": 30}[period]
    rows, day, n = [], start, 0
    while day <= end:
        rows.append(
            {
                "periodStart": day.isoformat(),
                "uniqueUsers": 10 + n,
                "uniqueRecurringUsers": 5,
                "uniqueOrganizations": 2,
                "installations": 1,
                "uninstallations": 0,
            }
        )
        day += datetime.timedelta(days=step)
        n += 1
    return 200, rows


def metrics_total(request: Request) -> Tuple[int, Any]:
    if request.params["app_id"] != request.fake.app_id:
        raise not_found("App", request.params["app_id"])
    return 200, {
        "uniqueUsers": 42,
        "uniqueRecurringUsers": 17,
        "uniqueOrganizations": 3,
        "installations": 12,
        "uninstallations": 2,
    }


ROUTES: List[Route] = [
    route("GET", BASE + "/boards/{board_id}/mindmap_nodes", _list_of("mindmap_node"), level=2),
    route("GET", BASE + "/boards/{board_id}/code_widgets", _list_of("code_widget"), level=2),
    route(
        "PATCH",
        BASE + "/boards/{board_id}/code_widgets/{item_id}/position",
        move_code_widget,
        level=2,
    ),
    route("GET", BASE + "/boards/{board_id}/items", list_items, level=2),
    route("GET", BASE + "/boards/{board_id}/items/{item_id}", get_item, level=1),
    route("DELETE", BASE + "/boards/{board_id}/items/{item_id}", delete_item, level=3),
    route("GET", BASE + "/apps/{app_id}/metrics", metrics, level=1),
    route("GET", BASE + "/apps/{app_id}/metrics-total", metrics_total, level=1),
] + typed_handlers(BASE)
