"""Recreating a snapshot on a new board, every reference remapped to the new ids.

Order matters: frames first (they are parents), then the other items with their parent
remapped (a child whose frame was not recreated is placed at its absolute position
instead, so nothing points at a missing frame), then connectors between recreated items,
tags (created by title and colour, attached to the new items), and groups of at least two
recreated items. Whatever is not recreated is listed with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Tuple

import attrs

from ..connectors import CONNECTOR_CREATE
from ..errors import InvalidArgument, InvalidArgumentType
from ..items.base import ITEM_TYPES
from ..tags import TAGGABLE_TYPES
from .places import absolute_places

if TYPE_CHECKING:
    from . import Snapshot

Skipped = List[Tuple[str, str, str]]


@attrs.define
class RestoreReport:
    """What a restore made: the new board, old id → new id, and what it skipped (why)."""

    board: Any
    ids: Dict[str, str]
    skipped: List[Tuple[str, str, str]]  # (kind, old id, reason)


def _kwargs(body: Any, data: Dict[str, Any], skipped: Skipped, kind: str) -> Dict[str, Any]:
    """What create takes from ``data``; a value create refuses (Miro reports more than it
    accepts, e.g. frame formats) is left out and reported, the rest is kept."""
    kwargs = body.pick(data)
    for first, second in body.exclusive:
        if first in kwargs and second in kwargs:
            kwargs.pop(second)  # e.g. fixed-ratio items: the width decides
    for name in list(kwargs):
        try:
            body.params[name].check(name, kwargs[name])
        except (InvalidArgument, InvalidArgumentType) as error:
            if name in body.required or name in ("start", "end"):
                continue  # create reports it, and the whole item is skipped
            kwargs.pop(name)
            skipped.append((f"{kind} field", str(data.get("id")), str(error)))
    return kwargs


def restore(
    snapshot: Snapshot, api: Any, name: str, unsupported: Dict[str, str], bar: Any
) -> RestoreReport:
    """Create the board and its contents; returns the report."""
    board = api.boards.create(name=name, **_board_fields(snapshot))
    ids: Dict[str, str] = {}
    skipped: Skipped = []
    places = _absolute(snapshot)
    frames_first = sorted(snapshot.items, key=lambda data: data.get("type") != "frame")
    for data in frames_first:
        old = data["id"]
        if old in unsupported:
            skipped.append(("item", old, unsupported[old]))
        else:
            _item(board, data, ids, places, skipped)
        bar.update(1)
    _connectors(board, snapshot, ids, skipped)
    _tags(board, snapshot, ids, skipped)
    _groups(board, snapshot, ids, skipped)
    return RestoreReport(board=board, ids=ids, skipped=skipped)


def _board_fields(snapshot: Snapshot) -> Dict[str, Any]:
    description = snapshot.board.get("description")
    return {"description": description} if description else {}


def _absolute(snapshot: Snapshot) -> Dict[str, Tuple[float, float]]:
    return absolute_places(snapshot)


def _item(
    board: Any,
    data: Dict[str, Any],
    ids: Dict[str, str],
    places: Dict[str, Tuple[float, float]],
    skipped: Skipped,
) -> None:
    declaration = ITEM_TYPES[data["type"]]
    kwargs = _kwargs(declaration.create, data, skipped, "item")
    parent = kwargs.pop("parent", None)
    if parent is not None and parent in ids:
        kwargs["parent"] = ids[parent]
    elif parent is not None and data["id"] in places:  # its frame is gone: keep its place
        kwargs["x"], kwargs["y"] = places[data["id"]]
    collection = getattr(board.items, declaration.segment)
    try:
        created = collection.create(**kwargs)
    except (InvalidArgument, InvalidArgumentType) as error:
        skipped.append(("item", data["id"], str(error)))
        return
    ids[data["id"]] = created.id


def _connectors(board: Any, snapshot: Snapshot, ids: Dict[str, str], skipped: Skipped) -> None:
    for data in snapshot.connectors:
        kwargs = _kwargs(CONNECTOR_CREATE, data, skipped, "connector")
        start, end = str(kwargs.get("start")), str(kwargs.get("end"))
        if start not in ids or end not in ids:
            skipped.append(("connector", data["id"], "one of its ends was not restored"))
            continue
        kwargs["start"], kwargs["end"] = ids[start], ids[end]
        try:
            created = board.connectors.create(**kwargs)
        except (InvalidArgument, InvalidArgumentType) as error:
            skipped.append(("connector", data["id"], str(error)))
            continue
        ids[data["id"]] = created.id


def _tags(board: Any, snapshot: Snapshot, ids: Dict[str, str], skipped: Skipped) -> None:
    types = {data["id"]: data.get("type") for data in snapshot.items}
    for data in snapshot.tags:
        fields = {"title": data.get("title"), "fill_color": data.get("fillColor")}
        tag = board.tags.create(**{k: v for k, v in fields.items() if v is not None})
        ids[data["id"]] = tag.id
    for old_item, tag_ids in snapshot.item_tags.items():
        if old_item not in ids or types.get(old_item) not in TAGGABLE_TYPES:
            skipped.append(("tagging", old_item, "its item was not restored"))
            continue
        item = board.items.get(ids[old_item])
        for tag_id in tag_ids:
            if tag_id in ids:
                item.tags.attach(ids[tag_id])


def _groups(board: Any, snapshot: Snapshot, ids: Dict[str, str], skipped: Skipped) -> None:
    for data in snapshot.groups:
        members = [ids[i] for i in data.get("items", []) if i in ids]
        if len(members) < 2:
            skipped.append(("group", data["id"], "fewer than two of its items were restored"))
            continue
        ids[data["id"]] = board.groups.create(items=members).id


__all__ = ["restore"]
