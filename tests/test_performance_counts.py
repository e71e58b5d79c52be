"""Request counts, not timings: indexing, slices, first() and take(n) fetch only the pages
they need, and reading a paginator by index reuses the pages it already has."""

from urllib.parse import parse_qs

import pytest

import miro


def _gets(fake, suffix):
    gets = [e for e in fake.exchanges if e.method == "GET" and e.path.endswith(suffix)]
    return [parse_qs(e.query) for e in gets]


@pytest.fixture
def board(api):
    return api.boards.create(name="Counts")


@pytest.fixture
def notes(fake, board):
    """95 sticky notes, created in bulk (5 requests)."""
    created = board.items.create_many(
        [{"type": "sticky_note", "content": str(i)} for i in range(95)]
    )
    fake.clear_exchanges()
    return created


def test_reading_every_index_in_order_sends_one_request_per_page(fake, board, notes):
    listing = board.items.list(limit=10)
    assert [listing[i].id for i in range(95)] == [n.id for n in notes]
    assert len(_gets(fake, "/items")) == 10
    with pytest.raises(IndexError):
        listing[95]
    assert len(_gets(fake, "/items")) == 10  # the end was already seen
    assert listing[3].id == notes[3].id and len(_gets(fake, "/items")) == 10


def test_slices_fetch_the_pages_up_to_their_stop_once(fake, board, notes):
    listing = board.items.list(limit=10)
    assert [n.id for n in listing[5:15]] == [n.id for n in notes[5:15]]
    assert len(_gets(fake, "/items")) == 2
    assert [n.id for n in listing[12:31:2]] == [n.id for n in notes[12:31:2]]
    assert len(_gets(fake, "/items")) == 4
    assert [n.id for n in listing[90:]] == [n.id for n in notes[90:]]
    assert len(_gets(fake, "/items")) == 10
    assert listing.take(20) == notes[:20] and len(_gets(fake, "/items")) == 10


@pytest.mark.parametrize(
    "use, expected, count",
    [
        (lambda items: [items.first()], slice(0, 1), 1),
        (lambda items: items.take(10), slice(0, 10), 1),
        (lambda items: items.take(51), slice(0, 51), 2),
        (lambda items: [items[0]], slice(0, 1), 1),
        (lambda items: [items[49]], slice(49, 50), 1),
        (lambda items: [items[50]], slice(50, 51), 2),
        (lambda items: items[:25], slice(0, 25), 1),
        (lambda items: items[60:70], slice(60, 70), 2),
    ],
)
def test_the_board_items_collection_is_a_sequence(fake, board, notes, use, expected, count):
    assert [n.id for n in use(board.items)] == [n.id for n in notes[expected]]
    assert len(_gets(fake, "/items")) == count


def test_first_and_take_ask_for_small_pages(fake, board, notes):
    assert board.items.first().id == notes[0].id
    assert [n.id for n in board.items.take(3)] == [n.id for n in notes[:3]]
    assert [q["limit"] for q in _gets(fake, "/items")] == [["10"], ["10"]]  # the minimum


def test_boards_members_tags_and_connectors_read_as_sequences(fake, api, board, notes):
    tags = [board.tags.create(title=f"t{i}") for i in range(3)]
    first = board.items.sticky_notes.get(notes[0].id)
    connectors = [first.connect_to(notes[i]) for i in (1, 2, 3)]
    fake.clear_exchanges()
    assert api.boards.first().id == board.id and api.boards[0].id == board.id
    assert [b.id for b in api.boards[:5]] == [board.id]
    assert board.members.first().id == fake.user_id
    assert [t.id for t in board.tags[1:]] == [t.id for t in tags[1:]]
    assert [t.id for t in board.tags.take(2)] == [t.id for t in tags[:2]]
    assert [c.id for c in board.connectors.take(2)] == [c.id for c in connectors[:2]]
    assert board.connectors[2].id == connectors[2].id
    assert [n.id for n in board.items.sticky_notes[:3]] == [n.id for n in notes[:3]]
    # one request each: nothing here needs a second page
    assert len([e for e in fake.exchanges if e.method == "GET"]) == 9
    with pytest.raises(IndexError):
        board.tags[3]
    with pytest.raises(miro.errors.InvalidArgument, match="negative"):
        board.tags[-1]
    with pytest.raises(TypeError, match="index must be an int"):
        board.tags["0"]


def test_a_listing_shares_one_collection_per_item_type(board, notes):
    board.items.texts.create(content="x")
    listed = board.items.list().all()
    notes_seen = [i for i in listed if i.type == "sticky_note"]
    assert len({id(i._collection) for i in notes_seen}) == 1
    assert listed[-1]._collection is not notes_seen[0]._collection
    assert listed[-1].type == "text" and listed[-1]._collection.item_type.type == "text"


def test_items_held_in_a_list_cost_at_most_1500_bytes_each(api):
    """Bytes, not time: 2,000 listed sticky notes (as FakeMiro shapes them) held in a list."""
    import gc
    import json
    import tracemalloc

    template = {
        "type": "sticky_note",
        "data": {"content": "", "shape": "square"},
        "style": {"fillColor": "light_yellow", "textAlign": "center", "textAlignVertical": "top"},
        "position": {"x": 0.0, "y": 0.0, "origin": "center", "relativeTo": "canvas_center"},
        "geometry": {"width": 199.0, "height": 228.0},
        "createdAt": "2026-12-01T12:05:16Z",
        "createdBy": {"id": "3458765338296713536", "type": "user"},
        "modifiedAt": "2026-12-01T12:05:16Z",
        "modifiedBy": {"id": "3458765338296713536", "type": "user"},
    }
    pages = []
    for start in range(0, 2000, 50):
        page = []
        for i in range(start, start + 50):
            item = dict(template, id=str(3458764500000000000 + i), data={"content": f"n{i}"})
            item["links"] = {"self": f"https://api.miro.com/v2/boards/uXjV=/items/{item['id']}"}
            page.append(item)
        pages.append(json.dumps(page))
    items = api.boards.get("uXjV=", lazy=True).items
    items.wrap(json.loads(pages[0])[0])  # structure functions built before measuring
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = [items.wrap(element) for text in pages for element in json.loads(text)]
    gc.collect()
    per_item = (tracemalloc.get_traced_memory()[0] - before) / len(held)
    tracemalloc.stop()
    assert len(held) == 2000 and held[1999].data.content == "n1999"
    assert per_item <= 1500, per_item
