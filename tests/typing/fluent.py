"""User code on the fluent layer, as a type checker sees it (never run: type-checked only).

``tests/test_typing.py`` runs ``mypy --strict`` and ``pyright`` (strict) over this folder;
every ``assert_type`` states the precise type a user's editor must show.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, Iterator, List, Optional

from typing_extensions import assert_type

import miro
from miro.boards import Board, Boards
from miro.connectors import Connector, Connectors
from miro.core.pagination import Page, Paginator
from miro.experimental import CodeWidget, MindmapNode
from miro.groups import Group
from miro.items import (
    AppCard,
    Card,
    DocFormat,
    Document,
    Embed,
    Frame,
    Image,
    Item,
    Items,
    Shape,
    StickyNote,
    StickyNoteData,
    StickyNoteSpec,
    Text,
)
from miro.members import BoardMember
from miro.tags import Tag


def boards(api: miro.MiroApi) -> Board:
    assert_type(api.boards, Boards)
    board = api.boards.create(name="Retro", description="Sprint 12")
    assert_type(board, Board)
    assert_type(board.update(name="Retro 12"), Board)
    assert_type(api.boards.update(board.id, description="done"), Board)
    assert_type(board.copy(name="Copy"), Board)
    assert_type(api.boards.get(board.id), Board)
    assert_type(api.boards.get(board.id, lazy=True), Board)
    assert_type(api.boards.list(query="Retro", sort="alphabetically"), Paginator[Board])
    for each in api.boards:
        assert_type(each, Board)
    assert_type(api.boards.list().all(), List[Board])
    assert_type(api.boards.list().first(), Optional[Board])
    assert_type(board.name, Optional[str])
    assert_type(board.items, Items)
    assert_type(board.connectors, Connectors)
    for member in board.members.list():
        assert_type(member, BoardMember)
    return board


def sticky_notes(board: Board) -> StickyNote:
    note = board.items.sticky_notes.create(
        content="Ship it", fill_color="light_yellow", shape="square", x=0, y=0, width=200
    )
    assert_type(note, StickyNote)
    if note.data is not None:
        assert_type(note.data, StickyNoteData)
        assert_type(note.data.content, Optional[str])
        note.data.content = "Shipped"
    assert_type(note.update(content="Shipped", fill_color="green"), StickyNote)
    assert_type(note.move(10, 20), StickyNote)
    assert_type(note.refresh(), StickyNote)
    assert_type(board.items.sticky_notes.update(note.id, text_align="left"), StickyNote)
    assert_type(board.items.sticky_notes.get(note.id), StickyNote)
    assert_type(board.items.sticky_notes.list(), Paginator[StickyNote])
    assert_type(board.items.sticky_notes.list().all(), List[StickyNote])
    for same in board.items.sticky_notes:
        assert_type(same, StickyNote)
    assert_type(board.items.sticky_notes[0], StickyNote)
    assert_type(board.items.sticky_notes[:2], List[StickyNote])
    assert_type(board.items.sticky_notes.first(), Optional[StickyNote])
    assert_type(board.items.sticky_notes.take(3), List[StickyNote])
    return note


def every_item_type(board: Board, frame_id: str) -> None:
    items = board.items
    frame = items.frames.create(title="Sprint", x=0, y=0, width=800, height=600)
    assert_type(frame, Frame)
    assert_type(frame.update(title="Sprint 12"), Frame)
    assert_type(items.texts.create(content="Hello", parent=frame, font_size=24), Text)
    assert_type(items.shapes.create(shape="circle", content="o", border_style="dashed"), Shape)
    due = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
    assert_type(items.cards.create(title="Task", due_date=due, parent=frame_id), Card)
    assert_type(items.app_cards.create(title="App", status="connected"), AppCard)
    assert_type(items.images.create(url="https://example.com/a.png"), Image)
    assert_type(items.documents.create(url="https://example.com/a.pdf"), Document)
    assert_type(items.embeds.create(url="https://example.com", mode="modal"), Embed)
    assert_type(items.doc_formats.create(content="# Notes"), DocFormat)
    assert_type(items.images.upload(b"\x89PNG", filename="a.png", title="A"), Image)
    assert_type(items.documents.upload("report.pdf"), Document)


def generic_items(board: Board, item_id: str) -> None:
    items = board.items
    assert_type(items.get(item_id), Item)
    assert_type(items.list(type="sticky_note"), Paginator[Item])
    for item in items:
        assert_type(item, Item)
        assert_type(item.type, str)
        assert_type(item.move(x=1), Item)
    assert_type(items.move(item_id, x=5, y=5), Item)
    page = items.page(limit=10)
    assert_type(page, Page[Item])
    assert_type(page.data, List[Item])
    assert_type(StickyNoteSpec(content="a", fill_color="yellow"), StickyNoteSpec)
    specs = [StickyNoteSpec(content="a"), {"type": "text", "content": "b"}]
    assert_type(items.create_many(specs), List[Item])
    assert_type(items.in_region(0, 0, 100, 100), List[Item])


def connectors_tags_groups(board: Board, note: StickyNote, shape: Shape) -> None:
    line = board.connectors.create(start=note, end=shape, shape="curved", caption="next")
    assert_type(line, Connector)
    assert_type(line.update(stroke_style="dashed"), Connector)
    assert_type(note.connect_to(shape, end_snap_to="left"), Connector)
    assert_type(board.connectors.get(line.id), Connector)
    connectors: Iterator[Connector] = iter(board.connectors)
    assert_type(next(connectors), Connector)
    tag = board.tags.create(title="urgent", fill_color="red")
    assert_type(tag, Tag)
    assert_type(tag.update(title="later"), Tag)
    note.tags.attach(tag)
    assert_type(note.tags.list(), List[Tag])
    group = board.groups.create(items=[note, shape])
    assert_type(group, Group)
    assert_type(group.item_ids, List[str])
    counts: Dict[str, int] = board.item_counts()
    assert_type(counts, Dict[str, int])


def experimental(board: Board, root: MindmapNode) -> None:
    node = board.experimental.mindmap_nodes.create(content="idea", parent=root, x=10)
    assert_type(node, MindmapNode)
    assert_type(board.experimental.mindmap_nodes.list(), Paginator[MindmapNode])
    widget = board.experimental.code_widgets.create(code="print(1)", language="python")
    assert_type(widget, CodeWidget)
    assert_type(widget.update(title="hello"), CodeWidget)
    assert_type(board.experimental.code_widgets.move(widget.id, x=5), CodeWidget)
    assert_type(board.experimental.flowchart_shapes.create(shape="flow_chart_terminator"), Shape)


def raw(api: miro.MiroApi) -> Any:
    return api.request("GET", "/v2/boards")
