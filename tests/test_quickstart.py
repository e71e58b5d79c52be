"""The foundation issue's usage, verbatim, against FakeMiro; and the example script."""

import datetime
import os
import pathlib
import subprocess
import sys

import pytest

import miro
from miro.testing import FakeMiro

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_issue_usage_runs_exactly_as_written(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="Retro", description="Sprint 42")
    assert api.boards.get(board.id).name == "Retro"
    before = len(fake.exchanges)
    handle = api.boards.get(board.id, lazy=True)  # sends no request
    assert len(fake.exchanges) == before and handle.id == board.id and handle.name is None
    names = [b.name for b in api.boards.list(query="Retro")]
    assert names == ["Retro"]
    board.update(name="Retro 42")
    assert board.name == "Retro 42"
    copy = board.copy(name="Retro copy")
    assert copy.name == "Retro copy" and copy.id != board.id

    note = board.items.sticky_notes.create(
        content="Ship it", shape="square", fill_color="light_yellow", x=0, y=0, width=200
    )
    note.update(content="Shipped")
    assert note.data.content == "Shipped"
    assert note.style.fill_color == "light_yellow"
    frame = board.items.frames.create(title="Ideas", x=0, y=0, width=1600, height=900)
    shape = board.items.shapes.create(
        shape="circle", content="Hub", x=400, y=0, width=200, height=200, fill_color="#ff0000"
    )
    assert shape.data.shape == "circle" and shape.style.fill_color == "#ff0000"
    text = board.items.texts.create(content="Title", x=0, y=-300, font_size=48)
    assert text.style.font_size == "48"
    card = board.items.cards.create(
        title="Task",
        description="Write tests",
        due_date=datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc),
    )
    assert card.data.due_date == datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
    image = board.items.images.create(url="https://example.com/a.png", title="logo")
    assert image.data.title == "logo"
    note.move(x=100, y=100, parent=frame)
    assert note.parent.id == frame.id and note.position.relative_to == "parent_top_left"
    assert [i.id for i in frame.items] == [note.id]
    assert isinstance(board.items.get(note.id), miro.StickyNote)
    kinds = {i.type for i in board.items.list(type="sticky_note", limit=10)}
    assert kinds == {"sticky_note"}
    note.delete()
    with pytest.raises(miro.errors.NotFound) as lost:
        board.items.get(note.id)
    assert lost.value.status == 404 and lost.value.message
    sent = len(fake.exchanges)
    with pytest.raises(ValueError, match="fill_color.*light_yellow"):
        board.items.sticky_notes.create(content="x", fill_color="plaid")
    assert len(fake.exchanges) == sent

    assert api.get_specific_board(board.id).name == "Retro 42"
    assert [b.id for b in api.get_boards(query="Retro").data] == [board.id, copy.id]
    assert {i.id for i in api.get_all_items(board.id)} == {
        frame.id,
        shape.id,
        text.id,
        card.id,
        image.id,
    }


def test_quickstart_example_runs_against_fakemiro():
    env = {k: v for k, v in os.environ.items() if k != "MIRO_ACCESS_TOKEN"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Talking to FakeMiro" in result.stdout
    assert "rejected before sending: fill_color must be one of" in result.stdout


def test_fake_token_is_required():
    with FakeMiro() as fake:
        api = miro.MiroApi("not-a-token", base_url=fake.url)
        with pytest.raises(miro.errors.Unauthorized) as denied:
            api.boards.create(name="x")
        assert denied.value.status == 401 and denied.value.code
