"""Connectors (API-NOTES §3.7): create answers 200; ends must differ and not be frames."""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Tuple

from . import checks as c
from .boards import board_or_404
from .clock import now
from .errors import bad, not_found
from .paging import cursor_page
from .server import Request, Route, route

CAPS = c.enum(
    "none",
    "stealth",
    "rounded_stealth",
    "diamond",
    "filled_diamond",
    "oval",
    "filled_oval",
    "arrow",
    "triangle",
    "filled_triangle",
    "erd_one",
    "erd_many",
    "erd_only_one",
    "erd_zero_or_one",
    "erd_one_or_many",
    "erd_zero_or_many",
    "unknown",
)


def _percent(where: str, value: Any) -> None:
    c.string(where, value)
    if not value.endswith("%"):
        raise bad(f"{where} must be a percentage like '50%'")
    c.numeric_string(0, 100)(where, value[:-1])


END = c.obj(
    {
        "id": c.string,
        "position": c.obj({"x": _percent, "y": _percent}),
        "snapTo": c.enum("auto", "top", "right", "bottom", "left"),
    }
)
CAPTION = c.obj(
    {
        "content": c.max_length(200),
        "position": _percent,
        "textAlignVertical": c.enum("top", "middle", "bottom"),
    },
    required=("content",),
)
STYLE = c.obj(
    {
        "color": c.string,
        "strokeColor": c.string,
        "strokeStyle": c.enum("normal", "dotted", "dashed"),
        "strokeWidth": c.numeric_string(1, 24),
        "fontSize": c.numeric_string(10, 288),
        "startStrokeCap": CAPS,
        "endStrokeCap": CAPS,
        "textOrientation": c.enum("horizontal", "aligned"),
    }
)
FIELDS = {
    "startItem": END,
    "endItem": END,
    "shape": c.enum("straight", "elbowed", "curved"),
    "captions": c.array(CAPTION, max_items=20),
    "style": STYLE,
}
DEFAULT_STYLE = {
    "color": "#1a1a1a",
    "fontSize": "14",
    "strokeColor": "#000000",
    "strokeStyle": "normal",
    "strokeWidth": "1.0",
    "startStrokeCap": "none",
    "endStrokeCap": "stealth",
    "textOrientation": "aligned",
}


def _end(request: Request, end: Dict[str, Any], where: str) -> Dict[str, Any]:
    if "id" not in end:
        raise bad(f"{where}.id is required")
    if "position" in end and "snapTo" in end:
        raise bad(f"{where}: set position or snapTo, not both")
    item = request.store.items[request.params["board_id"]].get(end["id"])
    if item is None:
        raise bad(f"{where}.id {end['id']} is not an item on this board")
    if item["type"] == "frame":
        raise bad(f"{where}: connectors cannot attach to frames")
    return {k: v for k, v in end.items() if k != "snapTo"}


def _render(request: Request, connector: Dict[str, Any]) -> Dict[str, Any]:
    board_id = request.params["board_id"]
    out = copy.deepcopy(
        {k: v for k, v in connector.items() if k not in ("createdBy", "modifiedBy")}
    )
    out["createdBy"] = request.store.user_ref(connector["createdBy"])
    out["modifiedBy"] = request.store.user_ref(connector["modifiedBy"])
    for end in ("startItem", "endItem"):
        item_id = out[end]["id"]
        out[end]["links"] = {"self": request.url(f"/v2/boards/{board_id}/items/{item_id}")}
    out["links"] = {"self": request.url(f"/v2/boards/{board_id}/connectors/{connector['id']}")}
    return out


def _connector_or_404(request: Request) -> Dict[str, Any]:
    board = board_or_404(request)
    connector = request.store.connectors[board["id"]].get(request.params["connector_id"])
    if connector is None:
        raise not_found("Connector", request.params["connector_id"])
    return connector


def create(request: Request) -> Tuple[int, Any]:
    board = board_or_404(request)
    body = request.json()
    c.check_object("body", body, FIELDS, required=("startItem", "endItem"))
    start = _end(request, body["startItem"], "startItem")
    end = _end(request, body["endItem"], "endItem")
    if start["id"] == end["id"]:
        raise bad("startItem and endItem must be different items")
    stamp = now()
    connector = {
        "id": request.store.number_id(),
        "type": "connector",
        "isSupported": True,
        "shape": body.get("shape", "curved"),
        "startItem": start,
        "endItem": end,
        "captions": [
            dict({"position": "50%", "textAlignVertical": "middle"}, **caption)
            for caption in body.get("captions", [])
        ],
        "style": dict(DEFAULT_STYLE, **body.get("style", {})),
        "createdAt": stamp,
        "createdBy": request.user_id,
        "modifiedAt": stamp,
        "modifiedBy": request.user_id,
    }
    request.store.connectors[board["id"]][connector["id"]] = connector
    return 200, _render(request, connector)


def list_connectors(request: Request) -> Tuple[int, Any]:
    board = board_or_404(request)
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    rows = list(request.store.connectors[board["id"]].values())
    return 200, cursor_page(
        request.store,
        request.query,
        rows,
        lambda x: _render(request, x),
        self_url=request.url(f"/v2/boards/{board['id']}/connectors"),
    )


def get(request: Request) -> Tuple[int, Any]:
    return 200, _render(request, _connector_or_404(request))


def update(request: Request) -> Tuple[int, Any]:
    connector = _connector_or_404(request)
    body = request.json()
    c.check_object("body", body, FIELDS)
    for end in ("startItem", "endItem"):
        if end in body:
            connector[end] = _end(request, body[end], end)
    if connector["startItem"]["id"] == connector["endItem"]["id"]:
        raise bad("startItem and endItem must be different items")
    if "shape" in body:
        connector["shape"] = body["shape"]
    if "captions" in body:
        connector["captions"] = [
            dict({"position": "50%", "textAlignVertical": "middle"}, **caption)
            for caption in body["captions"]
        ]
    if "style" in body:
        connector["style"].update(body["style"])
    connector["modifiedAt"], connector["modifiedBy"] = now(), request.user_id
    return 200, _render(request, connector)


def delete(request: Request) -> Tuple[int, Any]:
    connector = _connector_or_404(request)
    del request.store.connectors[request.params["board_id"]][connector["id"]]
    return 204, None


ROUTES: List[Route] = [
    route("POST", "/v2/boards/{board_id}/connectors", create, level=2),
    route("GET", "/v2/boards/{board_id}/connectors", list_connectors, level=2),
    route("GET", "/v2/boards/{board_id}/connectors/{connector_id}", get, level=1),
    route("PATCH", "/v2/boards/{board_id}/connectors/{connector_id}", update, level=2),
    route("DELETE", "/v2/boards/{board_id}/connectors/{connector_id}", delete, level=3),
]
