"""Discoverability: real signatures and docstrings, helpful keyword errors, tokens that do
not echo, readable CLI help."""

from __future__ import annotations

import inspect
import pydoc
import subprocess
import sys

import pytest

from miro import Miro
from miro.errors import InvalidArgumentType
from miro.secret import AccessToken


def test_create_and_update_show_their_keywords(api):
    board = api.boards.create(name="sig")
    notes = board.items.sticky_notes
    create = inspect.signature(notes.create)
    assert list(create.parameters)[:3] == ["content", "shape", "fill_color"]
    assert all(p.kind is p.KEYWORD_ONLY and p.default is None for p in create.parameters.values())
    assert "'light_yellow'" in str(create.parameters["fill_color"].annotation)
    update = inspect.signature(notes.update)
    assert list(update.parameters)[:2] == ["item_id", "content"]
    assert notes.create.__name__ == "create"
    text = pydoc.render_doc(notes.create, renderer=pydoc.plaintext)
    assert "Create a sticky note" in text and "fill_color: one of 'gray'" in text
    assert "Give width or height, not both." in text
    frames = inspect.signature(board.items.frames.create)
    assert "title" in frames.parameters and "parent" not in frames.parameters
    mindmap = inspect.signature(board.experimental.mindmap_nodes.create)
    assert mindmap.parameters["content"].default is inspect.Parameter.empty  # required
    note = notes.create(content="a")
    bound = inspect.signature(note.update)
    assert "content" in bound.parameters and "item_id" not in bound.parameters
    assert note.update(content="b").data.content == "b"


def test_unknown_keyword_lists_accepted_ones_and_the_closest(api):
    board = api.boards.create(name="kw")
    with pytest.raises(TypeError) as caught:
        board.items.sticky_notes.create(contnet="x")
    message = str(caught.value)
    assert isinstance(caught.value, InvalidArgumentType)
    assert "did you mean 'content'?" in message
    assert "Accepted: content, shape, fill_color" in message
    note = board.items.sticky_notes.create(content="x")
    with pytest.raises(TypeError, match="did you mean 'fill_color'.*Accepted: content"):
        note.update(fillcolor="red")


def test_exchange_code_returns_a_token_that_does_not_echo(fake):
    client = Miro(
        fake.client_id, fake.client_secret, "https://app.example/cb",
        base_url=fake.url, authorize_url=fake.authorize_url,
    )  # fmt: skip
    token = client.exchange_code_for_access_token(fake.authorize(client.auth_url))
    assert isinstance(token, str) and isinstance(token, AccessToken)
    assert token == client.access_token  # the official value, for drop-in users
    assert token.reveal() not in repr(token) and repr(token) == "AccessToken('<hidden>')"
    assert token.reveal() not in repr([token]) and "hidden" in token._repr_html_()
    assert str(token) == token.reveal() and f"Bearer {token}".endswith(token.reveal())


def _help(*args):
    out = subprocess.run(
        [sys.executable, "-m", "miro", *args, "--help"], capture_output=True, text=True, check=True
    )
    return out.stdout


def test_cli_help_is_plain_text_and_names_the_environment():
    main = _help()
    assert "``" not in main and ":class:" not in main
    assert "login     authorize your Miro app in the browser" in main
    login = _help("login")
    assert "``" not in login
    for variable in (
        "MIRO_CLIENT_ID", "MIRO_CLIENT_SECRET", "MIRO_REDIRECT_URL", "MIRO_TOKEN_DB",
        "MIRO_BASE_URL", "MIRO_AUTHORIZE_URL",
    ):  # fmt: skip
        assert variable in login, variable
