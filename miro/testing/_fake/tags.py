"""Tags (API-NOTES §3.8): cards and sticky notes only, at most 8 per item, titles ≤ 120."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from . import checks as c
from .boards import board_or_404
from .errors import bad, not_found
from .items import item_or_404, render
from .paging import offset_page
from .server import Request, Route, route

COLORS = c.enum(
    "red",
    "light_green",
    "cyan",
    "yellow",
    "magenta",
    "green",
    "blue",
    "gray",
    "violet",
    "dark_green",
    "dark_blue",
    "black",
)
FIELDS = {"title": c.max_length(120, minimum=1), "fillColor": COLORS}


def _render(request: Request, tag: Dict[str, Any], links: bool = True) -> Dict[str, Any]:
    out = {"id": tag["id"], "type": "tag", "title": tag["title"], "fillColor": tag["fillColor"]}
    if links:
        out["links"] = {
            "self": request.url(f"/v2/boards/{request.params['board_id']}/tags/{tag['id']}")
        }
    return out


def _tags(request: Request) -> Dict[str, Dict[str, Any]]:
    return request.store.tags[board_or_404(request)["id"]]


def _tag_or_404(request: Request, tag_id: str) -> Dict[str, Any]:
    tag = _tags(request).get(tag_id)
    if tag is None:
        raise not_found("Tag", tag_id)
    return tag


def _unique(request: Request, title: str, tag_id: str = "") -> None:
    if any(t["title"] == title and t["id"] != tag_id for t in _tags(request).values()):
        raise bad(f"A tag titled {title!r} already exists on this board")


def create(request: Request) -> Tuple[int, Any]:
    body = request.json()
    c.check_object("body", body, FIELDS, required=("title",))
    _unique(request, body["title"])
    tag = {
        "id": request.store.number_id(),
        "title": body["title"],
        "fillColor": body.get("fillColor", "red"),
    }
    _tags(request)[tag["id"]] = tag
    return 201, _render(request, tag)


def list_tags(request: Request) -> Tuple[int, Any]:
    c.allowed_query(request.query_keys, ("limit", "offset"))
    rows = list(_tags(request).values())
    return 200, offset_page(
        request.query,
        rows,
        lambda t: _render(request, t, links=False),
        base_url=request.url(f"/v2/boards/{request.params['board_id']}/tags"),
    )


def get(request: Request) -> Tuple[int, Any]:
    return 200, _render(request, _tag_or_404(request, request.params["tag_id"]))


def update(request: Request) -> Tuple[int, Any]:
    tag = _tag_or_404(request, request.params["tag_id"])
    body = request.json()
    c.check_object("body", body, FIELDS)
    if "title" in body:
        _unique(request, body["title"], tag["id"])
    tag.update(body)
    return 200, _render(request, tag)


def delete(request: Request) -> Tuple[int, Any]:
    tag = _tag_or_404(request, request.params["tag_id"])
    board_id = request.params["board_id"]
    del request.store.tags[board_id][tag["id"]]
    for tag_ids in request.store.item_tags[board_id].values():
        if tag["id"] in tag_ids:
            tag_ids.remove(tag["id"])
    return 204, None


def _taggable(request: Request) -> Tuple[str, List[str]]:
    item = item_or_404(request)
    if item["type"] not in ("card", "sticky_note"):
        raise bad("Only cards and sticky notes can have tags")
    return item["id"], request.store.item_tags[request.params["board_id"]].setdefault(
        item["id"], []
    )


def attach(request: Request) -> Tuple[int, Any]:
    c.allowed_query(request.query_keys, ("tag_id",))
    _, tag_ids = _taggable(request)
    tag = _tag_or_404(request, request.query["tag_id"])
    if tag["id"] not in tag_ids:
        if len(tag_ids) >= 8:
            raise bad("An item can have at most 8 tags")
        tag_ids.append(tag["id"])
    return 204, None


def detach(request: Request) -> Tuple[int, Any]:
    c.allowed_query(request.query_keys, ("tag_id",))
    _, tag_ids = _taggable(request)
    tag = _tag_or_404(request, request.query["tag_id"])
    if tag["id"] in tag_ids:
        tag_ids.remove(tag["id"])
    return 204, None


def item_tags(request: Request) -> Tuple[int, Any]:
    item = item_or_404(request)
    tag_ids = request.store.item_tags[request.params["board_id"]].get(item["id"], [])
    tags = request.store.tags[request.params["board_id"]]
    return 200, {"tags": [_render(request, tags[t], links=False) for t in tag_ids]}


def items_by_tag(request: Request) -> Tuple[int, Any]:
    """``GET …/items?tag_id=``: offset pages of the items carrying a tag."""
    board_or_404(request)
    c.allowed_query(request.query_keys, ("limit", "offset", "tag_id"))
    tag = _tag_or_404(request, request.query["tag_id"])
    board_id = request.params["board_id"]
    tagged = request.store.item_tags[board_id]
    rows = [
        i for i in request.store.items[board_id].values() if tag["id"] in tagged.get(i["id"], [])
    ]
    return 200, offset_page(
        request.query,
        rows,
        lambda i: render(request, i),
        base_url=request.url(f"/v2/boards/{board_id}/items"),
        extra_query={"tag_id": tag["id"]},
    )


def _has_tag_id(request: Request) -> bool:
    return "tag_id" in request.query


ROUTES: List[Route] = [
    route("POST", "/v2/boards/{board_id}/tags", create, level=1),
    route("GET", "/v2/boards/{board_id}/tags", list_tags, level=1),
    route("GET", "/v2/boards/{board_id}/tags/{tag_id}", get, level=1),
    route("PATCH", "/v2/boards/{board_id}/tags/{tag_id}", update, level=1),
    route("DELETE", "/v2/boards/{board_id}/tags/{tag_id}", delete, level=1),
    # before items.ROUTES: ``GET …/items`` with a ``tag_id`` is this operation
    route("GET", "/v2/boards/{board_id}/items", items_by_tag, level=2, when=_has_tag_id),
    route("GET", "/v2/boards/{board_id}/items/{item_id}/tags", item_tags, level=1),
    route("POST", "/v2/boards/{board_id}/items/{item_id}", attach, level=1, when=_has_tag_id),
    route("DELETE", "/v2/boards/{board_id}/items/{item_id}", detach, level=1, when=_has_tag_id),
]
