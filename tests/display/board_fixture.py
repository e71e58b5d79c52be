"""A small board built on FakeMiro for the display tests: a frame with two children,
shapes, a text, a card and connectors."""

from __future__ import annotations

from typing import Any, Dict


def build(api: Any) -> Dict[str, Any]:
    """Create the board; returns its parts by name."""
    board = api.boards.create(name="Display <test> & co")
    frame = board.items.frames.create(title="Sprint", x=1000, y=500, width=800, height=400)
    inside = board.items.sticky_notes.create(
        content="<p>Ship <b>it</b></p>", fill_color="light_blue", x=100, y=80, width=100,
        parent=frame,
    )  # fmt: skip
    corner = board.items.shapes.create(
        shape="circle", content="In frame", x=700, y=300, width=120, height=80, parent=frame
    )
    star = board.items.shapes.create(shape="star", content="Star", x=0, y=0, width=200, height=200)
    text = board.items.texts.create(content="Hello &amp; <i>goodbye</i>", x=-400, y=-200, width=300)
    card = board.items.cards.create(title="Task", x=-400, y=300, width=320, height=100)
    arrow = board.connectors.create(start=inside, end=star, shape="straight", caption="next")
    elbow = board.connectors.create(start=star, end=card, shape="elbowed")
    tag = board.tags.create(title="urgent", fill_color="red")
    inside.tags.attach(tag)
    card.tags.attach(tag)
    return dict(
        board=board, frame=frame, inside=inside, corner=corner, star=star, text=text,
        card=card, arrow=arrow, elbow=elbow, tag=tag,
    )  # fmt: skip
