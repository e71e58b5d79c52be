"""One official-style scenario, run unchanged by the official ``miro_api`` and by our shim.

Run as a script in its own process, so that ``import miro_api`` finds whichever package
is first on ``PYTHONPATH`` (the official wheel's directory, or this repository)::

    python scenario.py CONFIG.json OUT.json

``CONFIG.json`` names the FakeMiro (``url``, ``token``, ``app_id``, ``client_id``,
``client_secret``, ``spare_tokens``), the body style (``"dict"`` or ``"models"``) and
whether this is the official client. ``OUT.json`` receives, per step, the ``to_dict()`` of
the result (a generator: the list of its elements' ``to_dict()``; ``None`` stays ``None``;
an exception becomes ``{"$error": class name, "status": ...}``), with datetimes and dates
tagged so that a string and a datetime never compare equal. Only the standard library and
``miro_api`` are imported here.
"""

from __future__ import annotations

import datetime
import json
import struct
import sys
import urllib.parse
import zlib
from typing import Any, Callable, Dict, List

STYLE = "dict"
OFFICIAL = False


def png() -> bytes:
    """A small valid PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(3))
    ihdr = struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw))


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def encode(value: Any) -> Any:
    """JSON for the comparison: datetimes and dates tagged, models by their ``to_dict()``."""
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if callable(getattr(value, "to_dict", None)):
        return {"$model": encode(value.to_dict())}
    return {"$type": type(value).__name__}


def result(value: Any) -> Any:
    """What a step returned, for the comparison."""
    if value is None:
        return None
    if callable(getattr(value, "to_dict", None)):
        return encode(value.to_dict())
    if hasattr(value, "__next__"):  # the official get_all_* are generators
        return [result(v) for v in value]
    return {"$type": type(value).__name__, "value": encode(value)}


def body(model: str, data: Dict[str, Any]) -> Any:
    """A request body: the dict itself, or the official model class built from it."""
    if STYLE == "dict":
        return data
    import miro_api.models

    return getattr(miro_api.models, model).from_dict(data)


def kind(value: Any) -> str:
    """What sort of value an attribute holds, as a user's code would treat it."""
    if value is None:
        return "none"
    if isinstance(value, datetime.datetime):
        return "datetime"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "str"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        # Our OfficialDict reads both as a dict and by attribute: it fits either.
        return "dict or object" if callable(getattr(value, "to_dict", None)) else "dict"
    return "object"


def official_paths(value: Any, prefix: str, out: Dict[str, str], depth: int = 0) -> None:
    """Every attribute path the official model ``value`` declares, with its kind (run in the
    official client's process: it reads pydantic's ``model_fields``)."""
    fields = getattr(type(value), "model_fields", None)
    if isinstance(value, list):
        if value:
            official_paths(value[0], prefix + "[0]", out, depth)
        return
    if fields is None or depth > 6:
        return
    for name in fields:
        if name in ("additional_properties", "one_of_schemas", "discriminator_value_class_map"):
            continue  # pydantic plumbing of the generated models, not API fields
        if name.startswith("oneof_schema_"):
            continue
        inner = getattr(value, name)
        path = f"{prefix}.{name}"
        if name == "actual_instance":  # a oneOf wrapper: users read through it
            path = prefix + ".actual_instance"
        out[path] = kind(inner)
        official_paths(inner, path, out, depth + 1)


def resolve(value: Any, path: str) -> str:
    """The kind found at ``path`` (``.a.b[0].c``) on our result, or ``$missing``."""
    for part in filter(None, path.replace("[0]", ".[0]").split(".")):
        try:
            value = value[0] if part == "[0]" else getattr(value, part)
        except (AttributeError, IndexError, KeyError, TypeError):
            return "$missing"
    return kind(value)


class Run:
    """Calls steps in order and records what each returned."""

    def __init__(self, paths: Dict[str, Dict[str, str]]) -> None:
        self.out: Dict[str, Any] = {}
        self.log: List[str] = []  # the errors' messages, for whoever reads a failure
        #: official: the attribute paths found per step; ours: those to resolve.
        self.paths = paths

    def __call__(self, label: str, call: Callable[[], Any]) -> Any:
        try:
            value = call()
        except Exception as exc:  # recorded: the other client must fail the same way
            status = getattr(exc, "status", None) or getattr(exc, "status_code", None)
            self.out[label] = {"$error": type(exc).__name__, "status": status}
            self.log.append(f"{label}: {type(exc).__name__}: {str(exc)[:600]}")
            return None
        if hasattr(value, "__next__"):
            value = list(value)
            self.out[label] = [result(v) for v in value]
        else:
            self.out[label] = result(value)
        if OFFICIAL:
            official_paths(value, "", self.paths.setdefault(label, {}))
        else:
            wanted = self.paths.get(label, {})
            self.paths[label] = {path: resolve(value, path) for path in wanted}
        return value

    def probe(self, label: str, read: Callable[[], Any]) -> None:
        """Record an attribute path an official user reads (its kind and value)."""
        try:
            value = read()
        except Exception as exc:
            self.out["probe " + label] = {"$error": type(exc).__name__}
            return
        kind = "model" if callable(getattr(value, "to_dict", None)) else type(value).__name__
        self.out["probe " + label] = {"kind": kind, "value": encode(value)}


def repaired(api: Any, operation: str, fix: Callable[[str], str], types: Any, **kw: Any) -> Any:
    """Call an official method through its own serializer and deserializer, with only its
    broken URL repaired by ``fix`` (API-NOTES §8.3, §8.5): as generated it cannot reach
    Miro at all (``/v2/boards/%7Bboard_id_Platform…%7D/items/bulk``, ``…??delete_items``)."""
    serialize = getattr(api, f"_{operation}_serialize")
    method, url, *rest = serialize(
        **kw, _request_auth=None, _content_type=None, _headers=None, _host_index=0
    )
    response = api.api_client.call_api(method, fix(url), *rest, _request_timeout=None)
    response.read()
    return api.api_client.response_deserialize(
        response_data=response, response_types_map=types
    ).data


def bulk_upload(api: Any, board_id: str, data: str, resources: List[str]) -> Any:
    """``create_items_in_bulk_using_file_from_device``; the official one repaired."""
    if not OFFICIAL:
        return api.create_items_in_bulk_using_file_from_device(board_id, data, resources)
    broken = "board_id_Platformcreateitemsinbulkusingfilefromdevice"
    board = urllib.parse.quote(board_id, safe="")
    literal, encoded = "{" + broken + "}", "%7B" + broken + "%7D"
    fix = lambda url: url.replace(literal, board).replace(encoded, board)  # noqa: E731
    return repaired(
        api,
        "create_items_in_bulk_using_file_from_device",
        fix,
        {"201": "Items"},
        board_id=board_id,
        data=data,
        resources=resources,
    )


def delete_group(api: Any, board_id: str, group_id: str) -> Any:
    """``delete_group(..., delete_items=True)``; the official one repaired."""
    if not OFFICIAL:
        return api.delete_group(board_id, group_id, True)
    fix = lambda url: url.replace("??", "?")  # noqa: E731
    return repaired(
        api,
        "delete_group",
        fix,
        {"204": "object"},
        board_id=board_id,
        group_id=group_id,
        delete_items=True,
    )


def bulk_items(entries: List[Dict[str, Any]]) -> List[Any]:
    """``create_items`` bodies as official models, in both styles: the official client
    cannot send dicts there (it serialises their ``data`` as ``null``, see
    ``test_parity.py``), and guesses ``data``'s class from its shape in ``from_dict``."""
    import miro_api.models as models

    return [
        models.ItemCreate(
            type=entry["type"],
            data=models.ItemDataCreate(getattr(models, entry["class"])(**entry["data"])),
            position=models.PositionChange(**entry["position"]),
        )
        for entry in entries
    ]


def scenario(config: Dict[str, Any]) -> Dict[str, Any]:  # noqa: C901 - one story, in order
    """Every method both clients share, in an order where each has something to act on."""
    import miro_api

    if OFFICIAL:
        from miro_api.configuration import Configuration

        Configuration.set_default(Configuration(host=config["url"]))
    api = miro_api.MiroApi(config["token"])
    run = Run({} if OFFICIAL else config.get("paths", {}))

    # Boards
    board = run(
        "create_board",
        lambda: api.create_board(
            body(
                "BoardChanges",
                {
                    "name": "Compat",
                    "description": "both clients",
                    "policy": {
                        "sharingPolicy": {"access": "view", "teamAccess": "edit"},
                        "permissionsPolicy": {"collaborationToolsStartAccess": "all_editors"},
                    },
                },
            )
        ),
    )
    bid = board.id
    run.probe("board.policy.sharing_policy.access", lambda: board.policy.sharing_policy.access)
    run.probe("board.links.var_self", lambda: board.links.var_self)
    run.probe("board.created_at", lambda: board.created_at)
    run("get_specific_board", lambda: api.get_specific_board(bid))
    run("update_board", lambda: api.update_board(bid, body("BoardChanges", {"name": "Compat 2"})))
    copy = run("copy_board", lambda: api.copy_board(bid, body("CopyBoardChanges", {"name": "C"})))
    page = run("get_boards", lambda: api.get_boards(limit="1", offset="0"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_boards()", lambda: api.get_boards())
    run.probe("page.links.next", lambda: page.links.next)
    run.probe("page.links.var_self", lambda: page.links.var_self)
    run("get_all_boards", lambda: api.get_all_boards(limit="1"))

    # Members
    invite = {"emails": ["ann@example.com", "bob@example.com"], "role": "editor"}
    run("share_board", lambda: api.share_board(bid, body("BoardMembersInvite", invite)))
    members = run("get_board_members", lambda: api.get_board_members(bid, limit="10"))
    run("get_all_board_members", lambda: api.get_all_board_members(bid, limit="1"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_board_members()", lambda: api.get_board_members(bid))
    mid = [m.id for m in members.data if m.role == "editor"][0]
    run("get_specific_board_member", lambda: api.get_specific_board_member(bid, mid))
    change = body("BoardMemberChanges", {"role": "viewer"})
    run("update_board_member", lambda: api.update_board_member(bid, mid, change))
    run("remove_board_member", lambda: api.remove_board_member(bid, mid))

    # Items, one type after another
    frame = run(
        "create_frame_item",
        lambda: api.create_frame_item(
            bid,
            body(
                "FrameCreateRequest",
                {
                    "data": {"title": "Frame", "format": "custom", "type": "freeform"},
                    "style": {"fillColor": "#ffffffff"},
                    "position": {"x": 0, "y": 0},
                    "geometry": {"width": 2000, "height": 1000},
                },
            ),
        ),
    )
    fid = frame.id
    run("get_frame_item", lambda: api.get_frame_item(bid, fid))
    run(
        "update_frame_item",
        lambda: api.update_frame_item(
            bid, fid, body("FrameUpdateRequest", {"data": {"title": "Frame 2"}})
        ),
    )
    if STYLE == "models":
        from miro_api.models import PositionChange, StickyNoteCreateRequest, StickyNoteData

        note_body: Any = StickyNoteCreateRequest(
            data=StickyNoteData(content="hello", shape="square"),
            position=PositionChange(x=10, y=20),
        )
    else:
        note_body = {
            "data": {"content": "hello", "shape": "square"},
            "position": {"x": 10, "y": 20},
        }
    note = run("create_sticky_note_item", lambda: api.create_sticky_note_item(bid, note_body))
    nid = note.id
    run.probe("note.links.var_self", lambda: note.links.var_self)
    run.probe("note.data.content", lambda: note.data.content)
    run.probe("note.position.x", lambda: note.position.x)
    run("get_sticky_note_item", lambda: api.get_sticky_note_item(bid, nid))
    run(
        "update_sticky_note_item",
        lambda: api.update_sticky_note_item(
            bid,
            nid,
            body(
                "StickyNoteUpdateRequest",
                {"data": {"content": "changed"}, "style": {"fillColor": "light_yellow"}},
            ),
        ),
    )
    text = run(
        "create_text_item",
        lambda: api.create_text_item(
            bid,
            body(
                "TextCreateRequest",
                {
                    "data": {"content": "a text"},
                    "style": {"fontSize": "20", "textAlign": "left"},
                    "position": {"x": 300, "y": 300},
                },
            ),
        ),
    )
    run("get_text_item", lambda: api.get_text_item(bid, text.id))
    run(
        "update_text_item",
        lambda: api.update_text_item(
            bid, text.id, body("TextUpdateRequest", {"data": {"content": "b text"}})
        ),
    )
    shape = run(
        "create_shape_item",
        lambda: api.create_shape_item(
            bid,
            body(
                "ShapeCreateRequest",
                {
                    "data": {"shape": "circle", "content": "round"},
                    "style": {"fillColor": "#ff0000", "borderWidth": "2"},
                },
            ),
        ),
    )
    run("get_shape_item", lambda: api.get_shape_item(bid, shape.id))
    run(
        "update_shape_item",
        lambda: api.update_shape_item(
            bid, shape.id, body("ShapeUpdateRequest", {"data": {"shape": "triangle"}})
        ),
    )
    card = run(
        "create_card_item",
        lambda: api.create_card_item(
            bid,
            body(
                "CardCreateRequest",
                {
                    "data": {
                        "title": "Card",
                        "description": "d",
                        "dueDate": "2027-01-01T10:00:00Z",
                    },
                    "style": {"cardTheme": "#2d9bf0"},
                },
            ),
        ),
    )
    run.probe("card.data.due_date", lambda: card.data.due_date)
    run("get_card_item", lambda: api.get_card_item(bid, card.id))
    run(
        "update_card_item",
        lambda: api.update_card_item(
            bid, card.id, body("CardUpdateRequest", {"data": {"title": "Card 2"}})
        ),
    )
    app_card = run(
        "create_app_card_item",
        lambda: api.create_app_card_item(
            bid,
            body(
                "AppCardCreateRequest",
                {
                    "data": {
                        "title": "App",
                        "status": "connected",
                        "fields": [{"value": "v", "fillColor": "#2fa9e3", "iconShape": "round"}],
                    }
                },
            ),
        ),
    )
    run("get_app_card_item", lambda: api.get_app_card_item(bid, app_card.id))
    run(
        "update_app_card_item",
        lambda: api.update_app_card_item(
            bid,
            app_card.id,
            body("AppCardUpdateRequest", {"data": {"title": "App 2", "status": "connected"}}),
        ),
    )
    embed = run(
        "create_embed_item",
        lambda: api.create_embed_item(
            bid,
            body(
                "EmbedCreateRequest",
                {
                    "data": {
                        "url": "https://www.youtube.com/watch?v=HlVSNEiFCBk",
                        "mode": "inline",
                    },
                },
            ),
        ),
    )
    run("get_embed_item", lambda: api.get_embed_item(bid, embed.id))
    run(
        "update_embed_item",
        lambda: api.update_embed_item(
            bid, embed.id, body("EmbedUpdateRequest", {"data": {"mode": "modal"}})
        ),
    )
    image = run(
        "create_image_item_using_url",
        lambda: api.create_image_item_using_url(
            bid,
            body(
                "ImageCreateRequest", {"data": {"url": "https://example.com/a.png", "title": "pic"}}
            ),
        ),
    )
    run("get_image_item", lambda: api.get_image_item(bid, image.id))
    run(
        "update_image_item_using_url",
        lambda: api.update_image_item_using_url(
            bid, image.id, body("ImageUpdateRequest", {"data": {"title": "pic 2"}})
        ),
    )
    with open("a.png", "wb") as handle:
        handle.write(png())
    with open("a.pdf", "wb") as handle:
        handle.write(PDF)
    # Files without ``data``: the official 2.2.4 client cannot send that part (a dict
    # raises pydantic's error, a model urllib3's TypeError), see test_parity.py.
    local = run(
        "create_image_item_using_local_file",
        lambda: api.create_image_item_using_local_file(bid, "a.png"),
    )
    run(
        "update_image_item_using_file_from_device",
        lambda: api.update_image_item_using_file_from_device(bid, local.id, "a.png"),
    )
    doc = run(
        "create_document_item_using_url",
        lambda: api.create_document_item_using_url(
            bid,
            body(
                "DocumentCreateRequest",
                {"data": {"url": "https://example.com/a.pdf", "title": "doc"}},
            ),
        ),
    )
    run("get_document_item", lambda: api.get_document_item(bid, doc.id))
    run(
        "update_document_item_using_url",
        lambda: api.update_document_item_using_url(
            bid, doc.id, body("DocumentUpdateRequest", {"data": {"title": "doc 2"}})
        ),
    )
    local_doc = run(
        "create_document_item_using_file_from_device",
        lambda: api.create_document_item_using_file_from_device(bid, "a.pdf"),
    )
    run(
        "update_document_item_using_file_from_device",
        lambda: api.update_document_item_using_file_from_device(bid, local_doc.id, "a.pdf"),
    )
    flow = run(
        "create_shape_item_flowchart",
        lambda: api.create_shape_item_flowchart(
            bid, body("ShapeCreateRequest", {"data": {"shape": "flow_chart_process"}})
        ),
    )
    run("get_shape_item_flowchart", lambda: api.get_shape_item_flowchart(bid, flow.id))
    run(
        "update_shape_item_flowchart",
        lambda: api.update_shape_item_flowchart(
            bid,
            flow.id,
            body(
                "ShapeUpdateRequest", {"data": {"content": "step", "shape": "flow_chart_process"}}
            ),
        ),
    )

    # Bulk
    bulk = [
        {
            "type": "sticky_note",
            "class": "StickyNoteData",
            "data": {"content": "b1"},
            "position": {"x": 0, "y": 500},
        },
        {
            "type": "text",
            "class": "TextData",
            "data": {"content": "b2"},
            "position": {"x": 200, "y": 500},
        },
    ]
    created = run("create_items", lambda: api.create_items(bid, bulk_items(bulk)))
    run.probe("create_items.data[0].type", lambda: created.data[0].type)
    run.probe("create_items.type", lambda: created.type)
    with open("bulk.json", "w") as handle:
        json.dump([{"type": "image", "title": "u1"}, {"type": "document", "title": "u2"}], handle)
    upload = lambda: bulk_upload(api, bid, "bulk.json", ["a.png", "a.pdf"])  # noqa: E731
    run("create_items_in_bulk_using_file_from_device", upload)

    # Generic items
    run("get_items", lambda: api.get_items(bid, limit="10", type="sticky_note"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_items()", lambda: api.get_items(bid))
    run("get_all_items", lambda: api.get_all_items(bid, limit="10"))
    run("get_specific_item", lambda: api.get_specific_item(bid, nid))
    move = body("GenericItemUpdate", {"position": {"x": 100, "y": 100}, "parent": {"id": fid}})
    run(
        "update_item_position_or_parent", lambda: api.update_item_position_or_parent(bid, nid, move)
    )
    run("get_items_within_frame", lambda: api.get_items_within_frame(bid, fid, limit="10"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_items_within_frame()", lambda: api.get_items_within_frame(bid, fid))
    run("get_all_items_within_frame", lambda: api.get_all_items_within_frame(bid, fid, limit="10"))

    # Connectors
    connector = run(
        "create_connector",
        lambda: api.create_connector(
            bid,
            body(
                "ConnectorCreationData",
                {
                    "startItem": {"id": nid},
                    "endItem": {"id": shape.id},
                    "shape": "elbowed",
                    "captions": [{"content": "to"}],
                    "style": {"strokeColor": "#000000"},
                },
            ),
        ),
    )
    run("get_connector", lambda: api.get_connector(bid, connector.id))
    run(
        "update_connector",
        lambda: api.update_connector(
            bid, connector.id, body("ConnectorChangesData", {"shape": "curved"})
        ),
    )
    run("get_connectors", lambda: api.get_connectors(bid, limit="10"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_connectors()", lambda: api.get_connectors(bid))
    run("get_all_connectors", lambda: api.get_all_connectors(bid, limit="10"))

    # Tags
    tag = run(
        "create_tag",
        lambda: api.create_tag(
            bid, body("TagCreateRequest", {"title": "urgent", "fillColor": "red"})
        ),
    )
    run("get_tag", lambda: api.get_tag(bid, tag.id))
    run(
        "update_tag",
        lambda: api.update_tag(bid, tag.id, body("TagUpdateRequest", {"title": "later"})),
    )
    run("get_tags_from_board", lambda: api.get_tags_from_board(bid, limit="10"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_tags_from_board()", lambda: api.get_tags_from_board(bid))
    run("get_all_tags_from_board", lambda: api.get_all_tags_from_board(bid, limit="10"))
    run("attach_tag_to_item", lambda: api.attach_tag_to_item(bid, nid, tag.id))
    tags = run("get_tags_from_item", lambda: api.get_tags_from_item(bid, nid))
    run.probe("get_tags_from_item.tags[0].title", lambda: tags.tags[0].title)
    run("get_items_by_tag", lambda: api.get_items_by_tag(bid, tag.id, limit="10"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_items_by_tag()", lambda: api.get_items_by_tag(bid, tag.id))
    run("get_all_items_by_tag", lambda: api.get_all_items_by_tag(bid, tag.id, limit="10"))
    run("remove_tag_from_item", lambda: api.remove_tag_from_item(bid, nid, tag.id))

    # Groups
    # Dicts in both styles: the official ``Group`` model is the user-group schema the spec
    # merged in by mistake (API-NOTES §3.9); it cannot hold ``data.items``.
    group_body = {"data": {"items": [text.id, card.id]}}
    group = run("create_group", lambda: api.create_group(bid, group_body))
    gid = group.id
    run("get_group_by_id", lambda: api.get_group_by_id(bid, gid))
    run("get_all_groups", lambda: api.get_all_groups(bid, limit=10))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_all_groups()", lambda: api.get_all_groups(bid))
    run("get_items_by_group_id", lambda: api.get_items_by_group_id(bid, gid, limit=10))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_items_by_group_id()", lambda: api.get_items_by_group_id(bid, gid))
    regroup = {"data": {"items": [text.id, card.id, app_card.id]}}
    group2 = run("update_group", lambda: api.update_group(bid, gid, regroup))
    run("un_group", lambda: api.un_group(bid, group2.id))
    spare_items = [api.create_sticky_note_item(bid, {}).id for _ in range(2)]
    group3 = api.create_group(bid, {"data": {"items": spare_items}})
    run("delete_group", lambda: delete_group(api, bid, group3.id))

    # Experimental
    node = run(
        "create_mindmap_nodes_experimental",
        lambda: api.create_mindmap_nodes_experimental(
            bid,
            body(
                "MindmapCreateRequest",
                {
                    "data": {"nodeView": {"data": {"type": "text", "content": "root"}}},
                    "position": {"x": 3000, "y": 0},
                },
            ),
        ),
    )
    run.probe("node.data.node_view.data", lambda: node.data.node_view.data.to_dict())
    run("get_mindmap_node_experimental", lambda: api.get_mindmap_node_experimental(bid, node.id))
    run(
        "get_mindmap_nodes_experimental",
        lambda: api.get_mindmap_nodes_experimental(bid, limit="10"),
    )
    run("get_items_experimental", lambda: api.get_items_experimental(bid, limit="10"))
    # The same without optional arguments: Miro's defaults, as the official sends none.
    run("get_items_experimental()", lambda: api.get_items_experimental(bid))
    run("get_mindmap_nodes_experimental()", lambda: api.get_mindmap_nodes_experimental(bid))
    run("get_specific_item_experimental", lambda: api.get_specific_item_experimental(bid, nid))
    run(
        "delete_mindmap_node_experimental",
        lambda: api.delete_mindmap_node_experimental(bid, node.id),
    )
    run("delete_item_experimental", lambda: api.delete_item_experimental(bid, flow.id))
    metrics = lambda: api.get_metrics(  # noqa: E731
        config["app_id"], datetime.date(2026, 1, 1), datetime.date(2026, 1, 3)
    )
    run("get_metrics", metrics)
    run("get_metrics_total", lambda: api.get_metrics_total(config["app_id"]))

    # Deletes, one per type
    run("delete_connector", lambda: api.delete_connector(bid, connector.id))
    for method, item in [
        ("delete_sticky_note_item", nid),
        ("delete_text_item", text.id),
        ("delete_shape_item", shape.id),
        ("delete_card_item", card.id),
        ("delete_app_card_item", app_card.id),
        ("delete_embed_item", embed.id),
        ("delete_image_item", image.id),
        ("delete_document_item", doc.id),
        ("delete_shape_item_flowchart", None),
        ("delete_frame_item", fid),
    ]:
        if item is None:
            other = api.create_shape_item_flowchart(bid, body("ShapeCreateRequest", {}))
            item = other.id
        run(method, lambda m=method, i=item: getattr(api, m)(bid, i))
    run("delete_item", lambda: api.delete_item(bid, local.id))
    run("delete_tag", lambda: api.delete_tag(bid, tag.id))
    run("delete_board", lambda: api.delete_board(copy.id))

    # Enterprise: organization, teams, projects (the board-side token is a Company Admin's
    # on FakeMiro)
    org = api.token_info().organization.id
    run("enterprise_get_organization", lambda: api.enterprise_get_organization(org))
    members = run(
        "enterprise_get_organization_members", lambda: api.enterprise_get_organization_members(org)
    )
    first = members.data[0].id if hasattr(members, "data") else members[0].id
    run(
        "enterprise_get_organization_member",
        lambda: api.enterprise_get_organization_member(org, first),
    )
    run("get_all_organization_members", lambda: api.get_all_organization_members(org))
    team = run(
        "enterprise_create_team",
        lambda: api.enterprise_create_team(org, body("CreateTeamRequest", {"name": "T"})),
    )
    tid = team.id
    run("enterprise_get_team", lambda: api.enterprise_get_team(org, tid))
    run(
        "enterprise_update_team",
        lambda: api.enterprise_update_team(org, tid, body("TeamChanges", {"name": "T2"})),
    )
    run("enterprise_get_teams", lambda: api.enterprise_get_teams(org))
    run("get_all_enterprise_teams", lambda: api.get_all_enterprise_teams(org))
    run("enterprise_get_team_settings", lambda: api.enterprise_get_team_settings(org, tid))
    run(
        "enterprise_get_default_team_settings",
        lambda: api.enterprise_get_default_team_settings(org),
    )
    run("enterprise_get_team_members", lambda: api.enterprise_get_team_members(org, tid))
    run("get_all_enterprise_team_members", lambda: api.get_all_enterprise_team_members(org, tid))
    project = run(
        "enterprise_create_project",
        lambda: api.enterprise_create_project(
            org, tid, body("CreateProjectRequest", {"name": "P"})
        ),
    )
    pid = project.id
    run("enterprise_get_project", lambda: api.enterprise_get_project(org, tid, pid))
    run(
        "enterprise_update_project",
        lambda: api.enterprise_update_project(
            org, tid, pid, body("UpdateProjectRequest", {"name": "P2"})
        ),
    )
    run("enterprise_get_projects", lambda: api.enterprise_get_projects(org, tid))
    run(
        "enterprise_get_project_settings",
        lambda: api.enterprise_get_project_settings(org, tid, pid),
    )
    run("enterprise_get_project_members", lambda: api.enterprise_get_project_members(org, tid, pid))
    run(
        "enterprise_dataclassification_organization_settings_get",
        lambda: api.enterprise_dataclassification_organization_settings_get(org),
    )
    emails = [m.email for m in (members.data if hasattr(members, "data") else members)]
    invited = run(
        "enterprise_invite_team_member",
        lambda: api.enterprise_invite_team_member(
            org, tid, body("TeamMemberInvite", {"email": emails[-1], "role": "member"})
        ),
    )
    mid = invited.id if invited is not None else ""
    run("enterprise_get_team_member", lambda: api.enterprise_get_team_member(org, tid, mid))
    run(
        "enterprise_update_team_member",
        lambda: api.enterprise_update_team_member(
            org, tid, mid, body("TeamMemberChanges", {"role": "admin"})
        ),
    )
    added = run(
        "enterprise_add_project_member",
        lambda: api.enterprise_add_project_member(
            org, tid, pid, body("AddProjectMemberRequest", {"email": emails[-1], "role": "editor"})
        ),
    )
    pmid = added.id if added is not None else ""
    run(
        "enterprise_get_project_member",
        lambda: api.enterprise_get_project_member(org, tid, pid, pmid),
    )
    run(
        "enterprise_update_project_member",
        lambda: api.enterprise_update_project_member(
            org, tid, pid, pmid, body("UpdateProjectMemberRequest", {"role": "viewer"})
        ),
    )
    run(
        "enterprise_delete_project_member",
        lambda: api.enterprise_delete_project_member(org, tid, pid, pmid),
    )
    run("enterprise_delete_team_member", lambda: api.enterprise_delete_team_member(org, tid, mid))
    run(
        "enterprise_get_audit_logs",
        lambda: api.enterprise_get_audit_logs("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z"),
    )
    run(
        "enterprise_dataclassification_team_settings_get",
        lambda: api.enterprise_dataclassification_team_settings_get(org, tid),
    )
    run("get_all_cases", lambda: api.get_all_cases(org_id=org, limit=10))
    run(
        "enterprise_post_user_sessions_reset",
        lambda: api.enterprise_post_user_sessions_reset(emails[-1]),
    )
    run(
        "enterprise_update_project_settings",
        lambda: api.enterprise_update_project_settings(
            org, tid, pid,
            body("UpdateProjectSettingsRequest", {"sharingPolicySettings": {"teamAccess": "view"}}),
        ),
    )  # fmt: skip
    run("enterprise_delete_project", lambda: api.enterprise_delete_project(org, tid, pid))
    # Compliance: data classification, board export, content logs (on the first board's team)
    home = board.team.id
    labels = api.enterprise_dataclassification_organization_settings_get(org).labels
    label = labels[0].id
    run(
        "enterprise_dataclassification_board_set",
        lambda: api.enterprise_dataclassification_board_set(
            org, home, bid, body("DataClassificationLabelId", {"labelId": label})
        ),
    )
    run(
        "enterprise_dataclassification_board_get",
        lambda: api.enterprise_dataclassification_board_get(org, home, bid),
    )
    run(
        "enterprise_dataclassification_team_boards_bulk",
        lambda: api.enterprise_dataclassification_team_boards_bulk(
            org, home,
            body("UpdateBoardsDataClassificationLabelRequest",
                 {"labelId": int(label), "notClassifiedOnly": False}),
        ),
    )  # fmt: skip
    request_id = "4f4e5b8c-1a2b-4c3d-8e9f-0a1b2c3d4e5f"
    job = run(
        "enterprise_create_board_export",
        lambda: api.enterprise_create_board_export(
            org, request_id, body("CreateBoardExportRequest", {"boardIds": [bid]})
        ),
    )
    job_id = job.job_id
    run(
        "enterprise_board_export_job_status",
        lambda: api.enterprise_board_export_job_status(org, job_id),
    )
    run(
        "enterprise_board_export_job_results",
        lambda: api.enterprise_board_export_job_results(org, job_id),
    )
    run("enterprise_delete_team", lambda: api.enterprise_delete_team(org, tid))

    # Tokens
    run("token_info", lambda: api.token_info())
    spare: List[str] = list(config["spare_tokens"])
    run("revoke_token", lambda: api.revoke_token(spare[0]))
    revoke = body(
        "RevokeTokenRequest",
        {
            "accessToken": spare[1],
            "clientId": config["client_id"],
            "clientSecret": config["client_secret"],
        },
    )
    run("revoke_token_v2", lambda: api.revoke_token_v2(revoke))
    run.out["$log"] = run.log
    run.out["$paths"] = run.paths
    run.out["$methods"] = sorted(
        name
        for name in dir(miro_api.MiroApi)
        if not name.startswith("_")
        and callable(getattr(miro_api.MiroApi, name))
        and not name.endswith(("_with_http_info", "_without_preload_content"))
    )
    return run.out


def main(argv: List[str]) -> None:
    """``scenario.py CONFIG OUT``."""
    global STYLE, OFFICIAL
    with open(argv[1]) as handle:
        config = json.load(handle)
    STYLE, OFFICIAL = config["style"], config["official"]
    out = scenario(config)
    with open(argv[2], "w") as handle:
        json.dump(out, handle, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv)
