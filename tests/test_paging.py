"""Lists walk every page, for cursor (items) and offset (boards, members) endpoints alike."""

import math
from urllib.parse import parse_qs

import pytest

import miro


def _queries(fake, path_suffix):
    return [
        parse_qs(e.query)
        for e in fake.exchanges
        if e.method == "GET" and e.path.endswith(path_suffix)
    ]


@pytest.fixture
def board(api):
    return api.boards.create(name="Paging")


def test_250_items_listed_10_a_page_come_back_complete_in_order_once_each(fake, api, board):
    created = [board.items.sticky_notes.create(content=str(i)) for i in range(250)]
    fake.clear_exchanges()
    listed = [item.id for item in board.items.list(limit=10)]
    assert listed == [note.id for note in created]
    queries = _queries(fake, "/items")
    assert len(queries) == 25
    assert all(q["limit"] == ["10"] for q in queries)
    assert "cursor" not in queries[0] and all("cursor" in q for q in queries[1:])


def test_250_boards_listed_10_a_page_come_back_complete_in_order_once_each(fake, api):
    created = [api.boards.create(name=f"b{i}") for i in range(250)]
    fake.clear_exchanges()
    listed = [b.id for b in api.boards.list(limit=10)]
    assert listed == [b.id for b in created]
    queries = _queries(fake, "/v2/boards")
    assert [q["offset"] for q in queries] == [[str(10 * i)] for i in range(25)]
    assert all(q["limit"] == ["10"] for q in queries)


def test_members_page_by_offset(fake, api, board):
    emails = [f"user{i}@example.com" for i in range(20)]
    board.members.share(emails, role="editor")
    fake.clear_exchanges()
    members = list(board.members.list(limit=7))
    assert len(members) == 21 and len({m.id for m in members}) == 21  # owner + 20 invited
    assert len(_queries(fake, "/members")) == math.ceil(21 / 7)
    assert list(api.get_all_board_members(board.id, limit="7")) == members


def test_default_page_size_is_the_largest_allowed(fake, api, board):
    for i in range(60):
        board.items.texts.create(content=str(i))
    fake.clear_exchanges()
    assert len(list(board.items)) == 60
    assert [q["limit"] for q in _queries(fake, "/items")] == [["50"], ["50"]]


@pytest.mark.parametrize("limit", [9, 51, 0])
def test_item_limits_outside_10_to_50_are_refused_before_sending(fake, board, limit):
    fake.clear_exchanges()
    with pytest.raises(ValueError, match="limit must be between 10 and 50"):
        board.items.list(limit=limit)
    assert fake.exchanges == []


@pytest.mark.parametrize("limit", [0, 51])
def test_board_limits_outside_1_to_50_are_refused_before_sending(fake, api, limit):
    with pytest.raises(ValueError, match="limit must be between 1 and 50"):
        api.boards.list(limit=limit)
    with pytest.raises(TypeError, match="limit must be an int"):
        api.boards.list(limit="10")
    assert fake.exchanges == []


def test_take_first_and_slices_fetch_only_what_they_need(fake, api, board):
    notes = [board.items.sticky_notes.create(content=str(i)) for i in range(30)]
    fake.clear_exchanges()
    assert board.items.list(limit=10).first().id == notes[0].id
    assert [n.id for n in board.items.list(limit=10).take(12)] == [n.id for n in notes[:12]]
    assert board.items.list(limit=10)[11].id == notes[11].id
    assert [n.id for n in board.items.list(limit=10)[5:15]] == [n.id for n in notes[5:15]]
    assert len(_queries(fake, "/items")) == 1 + 2 + 2 + 2


def test_paginator_is_reiterable_and_pages_are_exposed(api, board):
    for i in range(12):
        board.items.cards.create(title=str(i))
    listing = board.items.list(limit=10)
    assert [c.id for c in listing] == [c.id for c in listing]
    pages = list(listing.pages())
    assert [len(p) for p in pages] == [10, 2]
    assert pages[0].cursor and pages[-1].cursor is None and pages[0].total == 12


def test_a_filtered_list_pages_with_its_filter(fake, api, board):
    for i in range(15):
        board.items.sticky_notes.create(content=str(i))
        board.items.texts.create(content=str(i))
    texts = list(board.items.texts.list(limit=10))
    assert len(texts) == 15 and {t.type for t in texts} == {"text"}
    assert all(isinstance(t, miro.Text) for t in texts)
    assert all(q["type"] == ["text"] for q in _queries(fake, "/items") if "type" in q)


# A Miro that repeats a cursor or serves another offset than asked cannot exist in
# FakeMiro, which pages correctly; these feed the paginator such pages directly.
def test_a_repeated_cursor_raises_instead_of_looping():
    from miro.core.pagination import BOARD_CONTENT_CURSOR, Paginator

    calls = []

    def fetch(query):
        calls.append(query)
        return {"data": [{"n": len(calls)}], "cursor": "same"}

    with pytest.raises(miro.errors.PaginationError, match="repeated cursor 'same'"):
        list(Paginator(fetch, dict, BOARD_CONTENT_CURSOR))
    assert len(calls) == 2


def test_an_offset_page_served_from_elsewhere_raises_instead_of_skipping():
    from miro.core.pagination import BOARD_OFFSET, Paginator

    def fetch(query):
        return {"data": [{"n": 1}], "offset": 5, "total": 100}

    with pytest.raises(
        miro.errors.PaginationError, match="asked for offset 0, the server served 5"
    ):
        list(Paginator(fetch, dict, BOARD_OFFSET))


def test_an_offset_list_without_total_stops_at_a_short_page():
    from miro.core.pagination import BOARD_OFFSET, Paginator

    rows = list(range(23))

    def fetch(query):
        start, size = int(query["offset"]), int(query["limit"])
        return {"data": rows[start : start + size], "offset": start}

    assert list(Paginator(fetch, lambda x: x, BOARD_OFFSET, limit=10)) == rows
