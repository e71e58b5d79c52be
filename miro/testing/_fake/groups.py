"""Groups of board items (API-NOTES §3.9): body ``{"data": {"items": [...]}}``."""

from __future__ import annotations

from typing import Any, List, Tuple

from . import checks as c
from .boards import board_or_404
from .errors import bad, not_found
from .paging import cursor_page
from .server import Request, Route, route

BODY = {"data": c.obj({"items": c.array(c.string, min_items=2)}, required=("items",))}


def _groups(request: Request):
    return request.store.groups[board_or_404(request)["id"]]


def _render(request: Request, group_id: str) -> Any:
    board_id = request.params["board_id"]
    return {
        "id": group_id,
        "type": "group",
        "data": {"items": list(_groups(request)[group_id])},
        "links": {"self": request.url(f"/v2/boards/{board_id}/groups/{group_id}")},
    }


def _checked_items(request: Request, group_id: str = "") -> List[str]:
    body = request.json()
    c.check_object("body", body, BODY, required=("data",))
    items = request.store.items[request.params["board_id"]]
    ids = body["data"]["items"]
    if len(set(ids)) != len(ids):
        raise bad("data.items has duplicates")
    for item_id in ids:
        if item_id not in items:
            raise bad(f"Item {item_id} is not on this board")
        if items[item_id]["type"] == "mindmap_node":
            raise bad("Mind map nodes cannot be grouped")
        for other, members in _groups(request).items():
            if other != group_id and item_id in members:
                raise bad(f"Item {item_id} is already in group {other}")
    return list(ids)


def _group_or_404(request: Request) -> str:
    group_id = request.params["group_id"]
    if group_id not in _groups(request):
        raise not_found("Group", group_id)
    return group_id


def create(request: Request) -> Tuple[int, Any]:
    ids = _checked_items(request)
    group_id = request.store.number_id()
    _groups(request)[group_id] = ids
    return 201, _render(request, group_id)


def list_groups(request: Request) -> Tuple[int, Any]:
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    page = cursor_page(
        request.store,
        request.query,
        list(_groups(request)),
        lambda g: _render(request, g),
        total=False,
    )
    return 200, page


def get(request: Request) -> Tuple[int, Any]:
    return 200, _render(request, _group_or_404(request))


def group_items(request: Request) -> Tuple[int, Any]:
    from .items import render

    c.allowed_query(request.query_keys, ("limit", "cursor", "group_item_id"))
    if "group_item_id" not in request.query:
        raise bad("group_item_id is required")
    group_id = request.query["group_item_id"]
    groups = _groups(request)
    if group_id not in groups:
        raise not_found("Group", group_id)
    items = request.store.items[request.params["board_id"]]
    rows = [items[i] for i in groups[group_id]]
    page = cursor_page(request.store, request.query, rows, lambda i: render(request, i))
    listing = {
        "data": page["data"],
        "total": len(rows),
        "size": page["size"],
        "limit": page["limit"],
        "offset": 0,
        "type": "list",
    }
    answer = {
        "limit": page["limit"],
        "size": page["size"],
        "total": len(rows),
        "data": {"id": group_id, "type": "group", "data": [listing]},
    }
    if "cursor" in page:
        answer["cursor"] = page["cursor"]
    return 200, answer


def update(request: Request) -> Tuple[int, Any]:
    old = _group_or_404(request)
    ids = _checked_items(request, old)
    groups = _groups(request)
    del groups[old]
    group_id = request.store.number_id()  # an update gives the group a new id
    groups[group_id] = ids
    return 200, _render(request, group_id)


def ungroup(request: Request) -> Tuple[int, Any]:
    from .items import remove_item

    c.allowed_query(request.query_keys, ("delete_items",))
    group_id = _group_or_404(request)
    flag = request.query.get("delete_items", "false")
    if flag not in ("true", "false"):
        raise bad("delete_items must be true or false")
    members = _groups(request).pop(group_id)
    if flag == "true":
        for item_id in members:
            if item_id in request.store.items[request.params["board_id"]]:
                remove_item(request, item_id)
    return 204, None


ROUTES: List[Route] = [
    route("POST", "/v2/boards/{board_id}/groups", create, level=2),
    route("GET", "/v2/boards/{board_id}/groups", list_groups, level=2),
    route("GET", "/v2/boards/{board_id}/groups/items", group_items, level=2),
    route("GET", "/v2/boards/{board_id}/groups/{group_id}", get, level=2),
    route("PUT", "/v2/boards/{board_id}/groups/{group_id}", update, level=2),
    route("DELETE", "/v2/boards/{board_id}/groups/{group_id}", ungroup, level=3),
]
