"""Mistakes a type checker must catch: each line carries the error it must raise.

The first 17 are the issue's (#22), then a few more of the same kinds.

mypy runs with ``warn_unused_ignores`` and pyright with ``reportUnnecessaryTypeIgnoreComment``
(``# type: ignore`` comments are not pyright's here), so a mistake that stops being caught
fails the run (``tests/test_typing.py``). Never run.
"""

from __future__ import annotations

import miro
from miro.boards import Board
from miro.enterprise import Organization, Team
from miro.errors import NotFound
from miro.items import Frame, Shape, ShapeSpec, StickyNote, StickyNoteSpec


def item_keywords(board: Board, note: StickyNote) -> None:
    notes = board.items.sticky_notes
    notes.create(contnet="Hi")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    notes.create(fill_color=3)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    notes.create(x="left")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    notes.create(fill_color="neon")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    note.update(colour="red")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    board.items.frames.create(parent="1")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    board.items.texts.create(content="a", height=9)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    board.items.cards.create(due_date=20300101)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    board.items.shapes.create(shape="circel")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def model_fields(note: StickyNote) -> None:
    if note.data is not None:
        note.data.content = 5  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]


def boards_and_connectors(api: miro.MiroApi, board: Board, shape: Shape) -> None:
    api.boards.create(nmae="Retro")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    board.update(nam="Retro")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    board.connectors.create(strt=shape, end=shape)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    board.connectors.create(start=board, end=shape)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def flat_methods(api: miro.MiroApi) -> None:
    api.get_boards(limt=10)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    api.get_specific_board("b", _request_timeout="slow")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def beyond_the_issue(api: miro.MiroApi) -> None:
    api.boards.list(sort="newest")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    scim = miro.ScimApi("token")
    scim.users.create("ann@example.com", givn_name="Ann")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def bulk_specs() -> None:
    StickyNoteSpec(contnet="Hi")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    ShapeSpec(shape="circel")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def enums_of_written_out_keywords(board: Board, team: Team) -> None:
    board.tags.create(title="later", fill_color="pink")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    board.members.share(["ann@example.com"], role="boss")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    team.members.invite("ann@example.com", role="owner")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def keywords_of_declared_bodies(board: Board, team: Team, org: Organization) -> None:
    board.groups.create(itmes=["1", "2"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    board.members.update("1", role="boss")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    team.projects.create()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    org.user_groups.create(name="Reviewers", descripton="people")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    org.cases.create(nmae="Case 1")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def experimental(board: Board, frame: Frame) -> None:
    nodes = board.experimental.mindmap_nodes
    nodes.create(content="idea", parent=frame)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def error_attributes(error: NotFound) -> str:
    return error.status  # type: ignore[return-value]  # pyright: ignore[reportReturnType]
