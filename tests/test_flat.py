"""The official ``miro_api`` flat methods: names, parameter order, bodies, generators."""

import inspect

import pytest

import miro


def test_board_lifecycle_with_official_names_and_dict_bodies(fake, api):
    board = api.create_board(
        {"name": "Flat", "description": "d", "policy": {"sharingPolicy": {"access": "view"}}}
    )
    assert api.get_specific_board(board.id).description == "d"
    assert api.update_board(board.id, {"name": "Flat 2"}).name == "Flat 2"
    copy = api.copy_board(board.id, {"name": "Flat copy"})
    page = api.get_boards(query="Flat", limit="1", offset="1")
    assert [b.id for b in page.data] == [copy.id] and page.total == 2 and page.offset == 1
    assert [b.id for b in api.get_all_boards(query="Flat", limit="1")] == [board.id, copy.id]
    api.delete_board(copy.id)
    with pytest.raises(miro.errors.NotFound):
        api.get_specific_board(copy.id)


def test_members_with_official_names(api):
    board = api.create_board()
    result = api.share_board(
        board.id, {"emails": ["a@example.com", "b@example.com"], "role": "editor"}
    )
    assert len(result.successful) == 2 and all(isinstance(i, int) for i in result.successful)
    page = api.get_board_members(board.id, limit="50")
    invited = [m for m in page.data if m.role == "editor"]
    assert len(invited) == 2
    member = api.update_board_member(board.id, invited[0].id, {"role": "viewer"})
    assert member.role == "viewer" == api.get_specific_board_member(board.id, member.id).role
    api.remove_board_member(board.id, member.id)
    assert member.id not in {m.id for m in api.get_all_board_members(board.id)}


def test_item_methods_take_official_bodies(api):
    board = api.create_board({"name": "Items"})
    note = api.create_sticky_note_item(
        board.id,
        {
            "data": {"content": "hi", "shape": "square"},
            "style": {"fillColor": "yellow"},
            "position": {"x": 1, "y": 2},
            "geometry": {"width": 199},
        },
    )
    assert isinstance(note, miro.StickyNote) and note.style.fill_color == "yellow"
    assert api.get_sticky_note_item(board.id, note.id) == note
    changed = api.update_sticky_note_item(
        board_id=board.id, item_id=note.id, sticky_note_update_request={"data": {"content": "yo"}}
    )
    assert changed.data.content == "yo"
    shape = api.create_shape_item(
        board.id, {"data": {"shape": "circle"}, "style": {"fontSize": "20", "borderWidth": "3"}}
    )
    assert shape.style.font_size == "20"
    card = api.create_card_item(
        board.id, {"data": {"title": "t", "dueDate": "2027-01-01T00:00:00Z"}}
    )
    assert card.data.due_date.year == 2027
    doc = api.create_doc_format_item(
        board.id, {"data": {"contentType": "markdown", "content": "# x"}}
    )
    assert api.get_doc_format_item(board.id, doc.id, text_content_type="html").id == doc.id
    page = api.get_items(board.id, limit="10", type="sticky_note")
    assert [i.id for i in page.data] == [note.id] and page.cursor is None
    api.delete_sticky_note_item(board.id, note.id)
    assert {i.id for i in api.get_all_items(board.id)} == {shape.id, card.id, doc.id}


def test_official_board_id_spellings_are_accepted(api):
    board = api.create_board()
    frame = api.create_frame_item(board.id, {"data": {"title": "F"}})
    note = api.create_sticky_note_item(board.id, {"parent": {"id": frame.id}})
    assert (
        api.get_items_within_frame(board_id_platform_containers=board.id, parent_item_id=frame.id)
        .data[0]
        .id
        == note.id
    )
    assert (
        api.get_items_within_frame(board_id=board.id, parent_item_id=frame.id).data[0].id == note.id
    )
    assert [i.id for i in api.get_all_items(board_id_platform=board.id)] == [frame.id, note.id]
    assert api.get_sticky_note_item(board_id_platform=board.id, item_id=note.id).id == note.id
    with pytest.raises(TypeError, match="board id was given twice"):
        api.get_items(board.id, board_id_platform=board.id)


def test_models_are_accepted_as_bodies(api):
    from miro.items.sticky_notes import StickyNoteData

    board = api.create_board()
    note = api.create_sticky_note_item(board.id, {"data": StickyNoteData(content="model")})
    assert note.data.content == "model"


def test_flat_signatures_follow_the_official_order():
    per_call = ["_request_timeout", "_request_auth", "_content_type", "_headers", "_host_index"]
    full = lambda name: list(inspect.signature(getattr(miro.MiroApi, name)).parameters)[1:]  # noqa: E731
    sig = lambda name: full(name)[: -len(per_call)]  # noqa: E731
    assert full("get_boards")[-5:] == full("create_sticky_note_item")[-5:] == per_call
    assert sig("get_boards") == [
        "team_id",
        "project_id",
        "query",
        "owner",
        "limit",
        "offset",
        "sort",
    ]
    assert sig("create_sticky_note_item") == ["board_id", "sticky_note_create_request"]
    assert sig("update_image_item_using_url") == ["board_id", "item_id", "image_update_request"]
    assert sig("get_items_within_frame") == [
        "board_id_platform_containers",
        "parent_item_id",
        "limit",
        "type",
        "cursor",
    ]
    assert sig("get_board_members") == ["board_id", "limit", "offset"]
    assert miro.MiroApi.create_sticky_note_item.__doc__
