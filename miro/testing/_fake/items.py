"""Board items: one set of handlers for every item kind declared in :mod:`.kinds`."""

from __future__ import annotations

import copy
import html
import re
from typing import Any, Dict, List, Optional, Tuple

from . import checks as c
from .boards import board_or_404
from .clock import now
from .errors import ApiFault, bad, not_found
from .kinds import BASIC_SHAPES, BY_TYPE, EXPERIMENTAL_ONLY, KINDS, LIST_TYPES, MAX_FILE_BYTES, Kind
from .multipart import bulk_upload, json_part, parse
from .paging import cursor_page
from .server import Request, Route, route


def board_items(request: Request) -> Dict[str, Dict[str, Any]]:
    """The items of the board in the path."""
    return request.store.items[board_or_404(request)["id"]]


def item_or_404(request: Request, kind: Optional[Kind] = None) -> Dict[str, Any]:
    """The item in the path; with ``kind``, it must be of that kind."""
    items = board_items(request)
    item_id = request.params["item_id"]
    item = items.get(item_id)
    if item is None or kind is not None and item["type"] != kind.type:
        raise not_found("Item", item_id)
    return item


def check_body(
    kind: Kind, body: Any, where: str = "body", updating: bool = False
) -> Dict[str, Any]:
    """Validate a create (or update) body of ``kind``."""
    if body is None:
        body = {}
    fields = kind.body_fields(updating)
    required = ("data",) if kind.data_required and not updating else ()
    c.check_object(where, body, fields, required)
    if not updating:
        for name in kind.required:
            if name not in body.get("data", {}):
                raise bad(f"{where}.data.{name} is required")
    return body


def _parent(
    request: Request,
    items: Dict[str, Any],
    item_id: str,
    parent_id: str,
    parent_kind: str = "frame",
) -> Dict[str, Any]:
    parent = items.get(parent_id)
    if parent is None or parent["type"] not in (parent_kind, "doc_format") or parent_id == item_id:
        raise bad(f"parent {parent_id} is not a {parent_kind} on this board")
    return {"id": parent_id}


def _geometry(
    kind: Kind, current: Optional[Dict[str, Any]], given: Dict[str, Any]
) -> Dict[str, Any]:
    width, height = (current["width"], current["height"]) if current else kind.size
    geometry = {"width": width, "height": height}
    if current and "rotation" in current:
        geometry["rotation"] = current["rotation"]
    if kind.fixed_ratio and ("width" in given) != ("height" in given):
        ratio = height / width
        if "width" in given:
            geometry = {"width": given["width"], "height": round(given["width"] * ratio, 2)}
        else:
            geometry = {"width": round(given["height"] / ratio, 2), "height": given["height"]}
    else:
        geometry.update({k: v for k, v in given.items() if k in ("width", "height")})
    if "rotation" in given:
        geometry["rotation"] = given["rotation"]
    return geometry


def create_item(request: Request, kind: Kind, body: Dict[str, Any]) -> Dict[str, Any]:
    """Store a new item from a checked body; returns the stored item."""
    items = board_items(request)
    store = request.store
    item_id = store.number_id()
    stamp = now()
    item: Dict[str, Any] = {
        "id": item_id,
        "type": kind.type,
        "base": kind.base,
        "data": dict(kind.default_data, **body.get("data", {})),
        "createdAt": stamp,
        "createdBy": request.user_id,
        "modifiedAt": stamp,
        "modifiedBy": request.user_id,
    }
    if kind.style is not None:
        item["style"] = dict(kind.default_style, **body.get("style", {}))
    position = body.get("position", {})
    item["position"] = {"x": position.get("x", 0.0), "y": position.get("y", 0.0)}
    if kind.has_geometry or "geometry" in body:
        item["geometry"] = _geometry(kind, None, body.get("geometry", {}))
    if "parent" in body:
        parent_kind = "mindmap_node" if kind.type == "mindmap_node" else "frame"
        item["parent"] = _parent(request, items, item_id, body["parent"]["id"], parent_kind)
        if kind.type == "mindmap_node":
            item["data"]["isRoot"] = False
    items[item_id] = item
    return item


def update_item(request: Request, kind: Kind, item: Dict[str, Any], body: Dict[str, Any]) -> None:
    """Apply a checked update body to a stored item."""
    item["data"].update(body.get("data", {}))
    if "style" in body:
        item.setdefault("style", {}).update(body["style"])
    if "position" in body:
        item["position"].update(body["position"])
    if "geometry" in body:
        item["geometry"] = _geometry(kind, item.get("geometry"), body["geometry"])
    if "parent" in body:
        item["parent"] = _parent(request, board_items(request), item["id"], body["parent"]["id"])
    item["modifiedAt"], item["modifiedBy"] = now(), request.user_id


def render(request: Request, item: Dict[str, Any]) -> Dict[str, Any]:
    """An item as its type's response schema describes it."""
    kind = BY_TYPE[item["type"]]
    board_id = request.params["board_id"]
    segment = kind.segment
    out: Dict[str, Any] = {
        "id": item["id"],
        "type": item["type"],
        "data": kind.data_out(request, copy.deepcopy(item["data"])),
        "createdAt": item["createdAt"],
        "createdBy": request.store.user_ref(item["createdBy"]),
        "modifiedAt": item["modifiedAt"],
        "modifiedBy": request.store.user_ref(item["modifiedBy"]),
        "links": {"self": request.url(f"{kind.base}/boards/{board_id}/{segment}/{item['id']}")},
    }
    if "style" in item:
        out["style"] = dict(item["style"])
    if kind.has_position:
        relative = "parent_top_left" if item.get("parent") else "canvas_center"
        out["position"] = dict(item["position"], origin="center", relativeTo=relative)
    if "geometry" in item and kind.has_geometry:
        out["geometry"] = dict(item["geometry"])
    if item.get("parent"):
        parent_id = item["parent"]["id"]
        out["parent"] = {
            "id": parent_id,
            "links": {"self": request.url(f"/v2/boards/{board_id}/items/{parent_id}")},
        }
    if item["type"] == "frame":
        out["links"]["related"] = request.url(
            f"/v2/boards/{board_id}/items?parent_item_id={item['id']}&limit=10&cursor="
        )
    if item["type"] == "code_widget":
        out.pop("parent", None)
    return out


def remove_item(request: Request, item_id: str) -> None:
    """Delete an item and everything that refers to it."""
    store = request.store
    board_id = request.params["board_id"]
    items = store.items[board_id]
    removed = items.pop(item_id)
    for other in items.values():
        if other.get("parent", {}).get("id") == item_id:
            other.pop("parent")
            if removed["type"] == "frame":  # children keep their place on the canvas
                x0 = removed["position"]["x"] - removed["geometry"]["width"] / 2
                y0 = removed["position"]["y"] - removed["geometry"]["height"] / 2
                other["position"] = {
                    "x": x0 + other["position"]["x"],
                    "y": y0 + other["position"]["y"],
                }
    connectors = store.connectors[board_id]
    for connector_id in [
        k for k, v in connectors.items() if item_id in (v["startItem"]["id"], v["endItem"]["id"])
    ]:
        del connectors[connector_id]
    store.item_tags[board_id].pop(item_id, None)
    for group_id, members in list(store.groups[board_id].items()):
        if item_id in members:
            members.remove(item_id)
            if len(members) < 2:
                del store.groups[board_id][group_id]


def _kind(request: Request, base: str) -> Kind:
    kind = KINDS.get((base, request.params["segment"]))
    if kind is None:
        raise not_found("Route", request.path)
    return kind


def typed_handlers(base: str) -> List[Route]:
    """Create/get/update/delete for every item kind under ``base``."""

    def create(request: Request) -> Tuple[int, Any]:
        kind = _kind(request, base)
        board_or_404(request)  # an unknown board is a 404 whatever the body
        if request.is_multipart:
            return upload(request, kind)
        body = check_body(kind, request.json(required=kind.body_required))
        return 201, render(request, create_item(request, kind, body))

    def get(request: Request) -> Tuple[int, Any]:
        kind = _kind(request, base)
        allowed = ("textContentType",) if kind.type == "doc_format" else ()
        c.allowed_query(request.query_keys, allowed)
        item = render(request, item_or_404(request, kind))
        if request.query.get("textContentType") == "html":
            item["data"] = {
                "contentType": "html",
                "content": f"<p>{html.escape(item['data']['content'])}</p>",
            }
        elif "textContentType" in request.query:
            c.enum("html", "markdown")("textContentType", request.query["textContentType"])
        return 200, item

    def update(request: Request) -> Tuple[int, Any]:
        kind = _kind(request, base)
        item = item_or_404(request, kind)
        if request.is_multipart:
            return upload(request, kind, item)
        update_item(request, kind, item, check_body(kind, request.json(), updating=True))
        return 200, render(request, item)

    def delete(request: Request) -> Tuple[int, Any]:
        kind = _kind(request, base)
        remove_item(request, item_or_404(request, kind)["id"])
        return 204, None

    def collection(updatable: bool = False) -> str:
        kinds = [k for k in KINDS.values() if k.base == base and (k.updatable or not updatable)]
        segments = "|".join(re.escape(k.segment) for k in kinds)
        return base + "/boards/{board_id}/{segment:" + segments + "}"

    return [
        route("POST", collection(), create, level=2),
        route("GET", collection() + "/{item_id}", get, level=1),
        route("PATCH", collection(updatable=True) + "/{item_id}", update, level=2),
        route("DELETE", collection() + "/{item_id}", delete, level=3),
    ]


def upload(request: Request, kind: Kind, item: Optional[Dict[str, Any]] = None) -> Tuple[int, Any]:
    """Create or update an image or document from a multipart body (API-NOTES §7)."""
    if kind.type not in ("image", "document"):
        raise ApiFault(415, "unsupportedMediaType", "Only images and documents take files")
    parts = parse(request)
    unknown = set(parts) - {"resource", "data"}
    if unknown or "resource" not in parts:
        raise bad("multipart body needs a 'resource' file part (and optionally 'data')")
    resource = parts["resource"][0]
    if len(resource.content) > MAX_FILE_BYTES:
        raise ApiFault(413, "payloadTooLarge", "Maximum file size is 6 MB")
    data = json_part(parts, "data") or {}
    alt_text = c.string if kind.type == "image" or item is not None else None
    fields: Dict[str, c.Check] = {
        "title": c.string,
        "position": c.POSITION,
        "geometry": c.fixed_ratio(rotation=True),
        "parent": c.PARENT,
    }
    if alt_text:
        fields["altText"] = alt_text
    c.check_object("data", data, fields)
    resource_url = request.url(
        f"/v2/boards/{request.params['board_id']}/resources/{kind.segment}/"
        f"{request.store.number_id()}?format=preview&redirect=false"
    )
    body = {k: v for k, v in data.items() if k in ("position", "geometry", "parent")}
    body["data"] = {"url": resource_url, "title": data.get("title", resource.filename or "")}
    if "altText" in data:
        body["data"]["altText"] = data["altText"]
    if item is None:
        return 201, render(request, create_item(request, kind, body))
    if "title" not in data:
        body["data"].pop("title")
    update_item(request, kind, item, body)
    return 200, render(request, item)


def _not_experimental_only(item: Dict[str, Any]) -> bool:
    return item["type"] not in EXPERIMENTAL_ONLY


def list_items(request: Request) -> Tuple[int, Any]:
    """``GET …/items``: all items, items in a frame (``parent_item_id``), or by ``tag_id``."""
    board_id = board_or_404(request)["id"]
    query = request.query
    c.allowed_query(request.query_keys, ("limit", "type", "cursor", "parent_item_id"))
    rows = [i for i in request.store.items[board_id].values() if _not_experimental_only(i)]
    if "type" in query:
        c.enum(*LIST_TYPES)("type", query["type"])
        rows = [i for i in rows if i["type"] == query["type"]]
    if "parent_item_id" in query:
        rows = [i for i in rows if i.get("parent", {}).get("id") == query["parent_item_id"]]
    return 200, cursor_page(
        request.store,
        query,
        rows,
        lambda i: render(request, i),
        self_url=request.url(f"/v2/boards/{board_id}/items"),
    )


def get_item(request: Request) -> Tuple[int, Any]:
    c.allowed_query(request.query_keys, ())
    return 200, render(request, item_or_404(request))


def move_item(request: Request) -> Tuple[int, Any]:
    """``PATCH …/items/{id}``: position and/or parent only (``GenericItemUpdate``)."""
    item = item_or_404(request)
    body = request.json()
    c.check_object("body", body, {"position": c.POSITION, "parent": c.PARENT})
    kind = BY_TYPE[item["type"]]
    if "parent" in body and not kind.parent:
        raise bad(f"a {item['type']} cannot have a parent")
    update_item(request, kind, item, body)
    return 200, render(request, item)


def delete_item(request: Request) -> Tuple[int, Any]:
    remove_item(request, item_or_404(request)["id"])
    return 204, None


def bulk_create(request: Request) -> Tuple[int, Any]:
    """``POST …/items/bulk``: up to 20 items, all or nothing (API-NOTES §3.1)."""
    board_or_404(request)
    if request.is_multipart:
        specs = bulk_upload(request)
    else:
        body = request.json(expect=list)
        if not 1 <= len(body) <= 20:
            raise bad("Body must be an array of 1 to 20 items")
        specs = []
        problems = []
        for index, spec in enumerate(body):
            try:
                if not isinstance(spec, dict) or spec.get("type") not in (
                    "app_card",
                    "text",
                    "shape",
                    "sticky_note",
                    "image",
                    "document",
                    "card",
                    "frame",
                    "embed",
                ):
                    raise bad("type must be one of the bulk item types")
                kind = BY_TYPE[spec["type"]]
                rest = {k: v for k, v in spec.items() if k != "type"}
                body = check_body(kind, rest, where=str(index))  # data is an object now
                shape = body.get("data", {}).get("shape", "rectangle")
                if kind.type == "shape" and shape not in BASIC_SHAPES:
                    raise bad("bulk create takes the 21 basic shapes only")
                specs.append((kind, body))
            except ApiFault as fault:
                problems.append({"field": str(index), "message": fault.message})
        if problems:
            raise ApiFault(
                400,
                "invalidParameters",
                "Bulk create failed; no items were created",
                context={"fields": problems},
            )
    created = [create_item(request, kind, body) for kind, body in specs]
    return 201, {"type": "bulk-list", "data": [render(request, item) for item in created]}


ROUTES: List[Route] = [
    route("GET", "/v2/boards/{board_id}/items", list_items, level=2),
    route("POST", "/v2/boards/{board_id}/items/bulk", bulk_create, level=2),
    route("GET", "/v2/boards/{board_id}/items/{item_id}", get_item, level=1),
    route("PATCH", "/v2/boards/{board_id}/items/{item_id}", move_item, level=2),
    route(
        "DELETE",
        "/v2/boards/{board_id}/items/{item_id}",
        delete_item,
        level=3,
        when=lambda request: "tag_id" not in request.query,
    ),
] + typed_handlers("/v2")
