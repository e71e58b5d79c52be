"""A tour of the `miro` SDK: boards, items of every kind, frames, paging, errors.

Runs against the built-in FakeMiro (an in-memory Miro on 127.0.0.1) unless
MIRO_ACCESS_TOKEN is set, in which case it uses your real Miro account: it creates two
boards named "Retro …", works on them, and deletes them at the end.

    python examples/quickstart.py
    MIRO_ACCESS_TOKEN=... python examples/quickstart.py
"""

from __future__ import annotations

import contextlib
import datetime
import os
from typing import Iterator, Tuple

import miro
from miro.testing import FakeMiro

IMAGE_URL = (
    "https://miro.com/static/images/page/mr-index/localization/en/slider/ideation_brainstorming.png"
)


@contextlib.contextmanager
def connect() -> Iterator[Tuple[miro.MiroApi, str]]:
    """A client for real Miro if MIRO_ACCESS_TOKEN is set, otherwise for a FakeMiro."""
    token = os.environ.get("MIRO_ACCESS_TOKEN")
    if token:
        with miro.MiroApi(token) as api:
            yield api, "Miro"
        return
    with FakeMiro() as fake, miro.MiroApi(fake.token, base_url=fake.url) as api:
        yield api, f"FakeMiro at {fake.url}"


def main() -> None:
    with connect() as (api, where):
        print(f"Talking to {where}")
        board = api.boards.create(name="Retro", description="Sprint 42")
        assert api.boards.get(board.id).name == "Retro"
        handle = api.boards.get(board.id, lazy=True)  # sends no request
        print("lazy handle:", handle)
        board.update(name="Retro 42")
        copy = board.copy(name="Retro copy")
        print("boards:", board, copy)

        items = board.items
        note = items.sticky_notes.create(
            content="Ship it", shape="square", fill_color="light_yellow", x=0, y=0, width=200
        )
        note.update(content="Shipped")
        frame = items.frames.create(title="Ideas", x=0, y=0, width=1600, height=900)
        items.shapes.create(
            shape="circle", content="Hub", x=400, y=0, width=200, height=200, fill_color="#ff0000"
        )
        items.texts.create(content="Title", x=0, y=-300, font_size=48)
        due = datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
        items.cards.create(title="Task", description="Write tests", due_date=due)
        items.images.create(url=IMAGE_URL, title="logo")
        note.move(x=100, y=100, parent=frame)
        print("in the frame:", [item for item in frame.items])
        print("as a typed item:", items.get(note.id))

        for item in items:  # every page, lazily
            print(f"  {item.type:12} {item.id}")
        print("sticky notes:", len(items.list(type="sticky_note", limit=10).all()))

        note.delete()
        try:
            items.get(note.id)
        except miro.errors.NotFound as error:
            print("deleted:", error)
        try:
            items.sticky_notes.create(content="x", fill_color="plaid")
        except ValueError as error:
            print("rejected before sending:", error)

        # The official miro_api names work too.
        print("flat:", api.get_specific_board(board.id).name)
        print("boards named Retro:", len(api.get_boards(query="Retro").data))
        print("all items:", len(list(api.get_all_items(board.id))))

        copy.delete()
        board.delete()


if __name__ == "__main__":
    main()
