"""Groups: created, listed, read, regrouped, ungrouped, deleted with their items."""

import pytest

import miro


@pytest.fixture
def board(api):
    return api.boards.create(name="Groups")


def test_group_create_list_ungroup(api, board):
    notes = [board.items.sticky_notes.create(content=str(i)) for i in range(3)]
    group = board.groups.create(items=notes[:2])
    assert sorted(group.item_ids) == sorted(n.id for n in notes[:2])
    assert [g.id for g in board.groups] == [group.id]
    assert board.groups.get(group.id).item_ids == group.item_ids
    assert sorted(i.id for i in group.items) == sorted(n.id for n in notes[:2])
    old_id = group.id
    group.update(items=[n.id for n in notes])
    assert group.id != old_id and sorted(group.item_ids) == sorted(n.id for n in notes)
    with pytest.raises(miro.errors.NotFound):
        board.groups.get(old_id)
    group.ungroup()
    assert list(board.groups) == []
    assert len(list(board.items)) == 3


def test_group_delete_removes_its_items(api, board):
    notes = [board.items.sticky_notes.create(content=str(i)) for i in range(3)]
    group = board.groups.create(items=[n.id for n in notes[1:]])
    group.delete()
    assert [i.id for i in board.items] == [notes[0].id]


def test_group_flat_methods_and_checks(fake, api, board):
    a, b = board.items.texts.create(content="a"), board.items.texts.create(content="b")
    group = api.create_group(board.id, {"data": {"items": [a.id, b.id]}})
    assert [g.id for g in api.get_all_groups(board.id).data] == [group.id]
    assert api.get_group_by_id(board.id, group.id).id == group.id
    envelope = api.get_items_by_group_id(board.id, group.id)  # Miro's nesting, as official
    assert envelope.data.id == group.id and envelope.data.type == "group"
    assert sorted(i.id for i in envelope.data.data[0].data) == sorted([a.id, b.id])
    group = api.update_group(board.id, group.id, {"data": {"items": [b.id, a.id]}})
    api.un_group(board.id, group.id)
    assert api.get_all_groups(board.id).data == []
    group = api.create_group(board.id, {"data": {"items": [a.id, b.id]}})
    fake.clear_exchanges()
    with pytest.raises(ValueError, match="pass delete_items=True"):
        api.delete_group(board.id, group.id, False)
    with pytest.raises(ValueError, match="items must have at least 2"):
        board.groups.create(items=[a])
    assert fake.exchanges == []
    api.delete_group(board.id, group.id, True)
    assert list(board.items) == []
