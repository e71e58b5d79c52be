"""Tags: create/list/update/delete, attach/detach/filter round trip, client-side limits."""

import pytest

import miro


@pytest.fixture
def board(api):
    return api.boards.create(name="Tags")


def test_tags_attach_detach_filter_round_trip(fake, api, board):
    urgent = board.tags.create(title="urgent", fill_color="red")
    later = board.tags.create(title="later")
    notes = [board.items.sticky_notes.create(content=str(i)) for i in range(5)]
    card = board.items.cards.create(title="card")
    for note in notes[:3]:
        note.tags.attach(urgent)
    card.tags.attach(urgent.id)
    card.tags.attach(later)
    card.tags.attach(later)  # attaching twice is a no-op
    assert [t.id for t in card.tags] == [urgent.id, later.id]
    tagged = [i.id for i in board.items.with_tag(urgent, limit=2)]
    assert tagged == [n.id for n in notes[:3]] + [card.id]
    assert [i.id for i in urgent.items] == tagged
    # a tag read from an item, or from a walk of the board's items, lists its items too
    assert [i.id for i in card.tags.list()[0].items] == tagged
    walked_tags = next(i for i in board.items if i.id == card.id).tags.list()
    assert [i.id for i in walked_tags[1].items] == [card.id]
    notes[0].tags.detach(urgent)
    assert [i.id for i in board.items.with_tag(urgent)] == [n.id for n in notes[1:3]] + [card.id]
    assert list(notes[0].tags) == []

    urgent.update(title="URGENT", fill_color="magenta")
    assert board.tags.get(urgent.id).title == "URGENT"
    assert [t.title for t in board.tags.list(limit=1)] == ["URGENT", "later"]
    later.delete()
    assert [t.id for t in card.tags] == [urgent.id]


def test_tag_limits_are_checked_client_side(fake, board):
    note = board.items.sticky_notes.create(content="n")
    shape = board.items.shapes.create(shape="circle")
    tags = [board.tags.create(title=f"t{i}") for i in range(9)]
    for tag in tags[:8]:
        note.tags.attach(tag)
    before = [e for e in fake.exchanges if e.method == "POST"]
    with pytest.raises(ValueError, match="at most 8 tags"):
        note.tags.attach(tags[8])
    with pytest.raises(ValueError, match="only cards and sticky notes take tags"):
        shape.tags.attach(tags[0])
    with pytest.raises(ValueError, match="title must have at most 120"):
        board.tags.create(title="x" * 121)
    with pytest.raises(ValueError, match="fill_color must be one of"):
        board.tags.create(title="x", fill_color="orange")
    assert [e for e in fake.exchanges if e.method == "POST"] == before


def test_tag_flat_methods(api, board):
    tag = api.create_tag(board.id, {"title": "flat", "fillColor": "blue"})
    note = board.items.sticky_notes.create(content="n")
    api.attach_tag_to_item(board.id, note.id, tag.id)
    assert [t.id for t in api.get_tags_from_item(board.id, note.id).tags] == [tag.id]
    assert [
        i.id for i in api.get_items_by_tag(board_id_platform_tags=board.id, tag_id=tag.id).data
    ] == [note.id]
    assert [i.id for i in api.get_all_items_by_tag(board.id, tag.id)] == [note.id]
    assert api.update_tag(board.id, tag.id, {"title": "renamed"}).title == "renamed"
    assert [t.id for t in api.get_tags_from_board(board.id).data] == [tag.id]
    assert [t.id for t in api.get_all_tags_from_board(board.id)] == [tag.id]
    assert api.get_tag(board.id, tag.id).title == "renamed"
    api.remove_tag_from_item(board.id, note.id, tag.id)
    assert api.get_tags_from_item(board.id, note.id).tags == []
    api.delete_tag(board.id, tag.id)
    with pytest.raises(miro.errors.NotFound):
        api.get_tag(board.id, tag.id)
