"""HTML and text reprs: escaped, bounded, informative, and no request made to show them."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

import miro
from miro.errors import NotFound
from miro.items import StickyNote


class _Cells(HTMLParser):
    """Collects the text of every table cell and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tags = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _parse(markup):
    parser = _Cells()
    parser.feed(markup)
    return parser


def test_import_miro_does_not_import_display():
    code = "import sys, miro; print('miro.display' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_add_ons_load_on_first_use_in_a_fresh_interpreter():
    code = """
import sys, miro
from miro.testing import FakeMiro
with FakeMiro() as fake:
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="Fresh")
    board.items.sticky_notes.create(content="hello", x=0, y=0)
    print("miro.display" in sys.modules, "miro.snapshot" in sys.modules)
    print("Fresh" in board._repr_html_(), "miro.display" in sys.modules)
    print(board.items.to_dataframe()["content"].tolist() == ["hello"])
    print("<svg" in board.sketch()._repr_svg_(), board.snapshot().counts() == {"sticky_note": 1})
    try:
        api.boards.get("missing")
    except miro.errors.NotFound as error:
        print("NotFound" in error._repr_html_())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False", "True", "True", "True", "True", "True", "True"]


def test_board_html_shows_name_owner_links_and_counts_escaped(parts, fake):
    board = parts["board"]
    fake.clear_exchanges()
    before = board._repr_html_()
    assert fake.exchanges == []  # showing never sends a request
    assert "Display &lt;test&gt; &amp; co" in before and "<test>" not in before
    assert "not counted yet" in before
    assert board.item_counts() == {"frame": 1, "sticky_note": 1, "shape": 2, "text": 1, "card": 1}
    after = _parse(board._repr_html_())
    joined = " ".join(after.text)
    assert "6: 2 shape" in joined and "Fake User" in joined
    assert "a" in after.tags and "script" not in after.tags


def test_item_html_has_type_content_position_size_parent_and_tags(parts):
    board = parts["board"]
    text = " ".join(_parse(parts["inside"]._repr_html_()).text)
    assert "sticky_note" in text and "Ship it" in text
    assert "(100, 80) from its frame's top-left" in text
    assert parts["frame"].id in text  # the parent
    listed = {i.id: i for i in board.items.in_region(-2000, -2000, 2000, 2000)}
    placed = " ".join(_parse(listed[parts["inside"].id]._repr_html_()).text)
    assert "on the board (700, 380)" in placed


def test_unknown_keys_and_long_values_are_bounded():
    note = StickyNote.from_dict(
        {"id": "1", "type": "sticky_note", "data": {"content": "x" * 5000}, "unknown": 1}
    )
    markup = note._repr_html_()
    assert len(markup) < 6000 and "…" in markup


def test_paginator_and_page_reprs_say_what_they_hold(parts, fake):
    items = parts["board"].items
    listing = items.list(limit=10)
    assert "0 fetched so far" in repr(listing)
    assert "nothing fetched yet" in listing._repr_html_()
    assert len(listing.all()) == 6
    assert repr(listing).endswith("cursor pages of 10, 6 of 6 fetched so far>")
    fake.clear_exchanges()
    markup = listing._repr_html_()
    assert fake.exchanges == []
    cells = " ".join(_parse(markup).text)
    assert "Ship it" in cells and "6 in 1 page(s)" in cells
    page = items.page(limit=10)
    assert repr(page).startswith("<Page of 6 Card/Frame/Shape/StickyNote/Text, total=6")
    assert "Ship it" in page._repr_html_()


def test_big_tables_say_how_many_rows_are_hidden(api):
    board = api.boards.create(name="many")
    board.items.create_many([{"type": "sticky_note", "content": f"n{i}"} for i in range(25)])
    listing = board.items.list()
    listing.all()
    markup = listing._repr_html_()
    assert markup.count("<tr>") == 3 + 1 + 20  # paging, fetched, total; header; 20 rows
    assert "… 5 more rows not shown" in markup


def test_members_tags_connectors_and_errors_display(parts, api):
    board = parts["board"]
    member = board.members.list().first()
    assert "BoardMember" in member._repr_html_()
    assert "urgent" in parts["tag"]._repr_html_()
    assert "Connector" in parts["arrow"]._repr_html_()
    try:
        api.boards.get("uXjVnope=")
    except NotFound as error:
        markup = error._repr_html_()
    assert "NotFound" in markup and "404" in markup and "GET" in markup


def test_dir_shows_the_public_api_only(parts):
    board = parts["board"]
    internals = {"item_key", "model", "paging", "path", "request", "transport", "url", "wrap"}
    for obj in (board.items, board.items.sticky_notes, board.items.list(), board.tags, board):
        names = set(dir(obj))
        assert not names & internals, type(obj)
        assert not any(n.startswith("_") for n in names)
    assert {"create", "get", "update", "delete", "list"} <= set(dir(board.items.sticky_notes))
    assert board.items.sticky_notes.url() and board.items.transport  # old names still work


def test_display_is_generic_over_models():
    from miro.display import html_repr

    team = miro.boards.Team(id="1", name="<b>x</b>")
    assert "&lt;b&gt;x&lt;/b&gt;" in html_repr(team)


def test_an_items_tags_show_once_read(parts):
    note = parts["inside"]
    assert "not read yet" in note._repr_html_()
    assert [t.title for t in note.tags] == ["urgent"]
    assert "<td>urgent</td>" in note._repr_html_()
    note.tags.detach(parts["tag"])
    assert "not read yet" in note._repr_html_()
    assert list(note.tags) == [] and "<td>none</td>" in note._repr_html_()


def test_enterprise_models_get_the_display_for_free():
    from miro.display import html_repr

    for cls in (miro.Team, miro.Project, miro.OrganizationMember, miro.Organization):
        obj = cls.from_dict({"id": "42", "name": "<i>Ops</i>", "email": "a@example.com"})
        markup = html_repr(obj)
        assert cls.__name__ in markup and "42" in markup and "<i>" not in markup
        assert not set(dir(obj)) & {"model", "path", "url", "wrap", "request", "transport"}
