"""The flat methods send what the official client sends for the same call: one request
each (no read before a write), and every field the spec declares in a body is accepted."""

import json

import pytest

import miro_api.exceptions as official


def one_request(fake, call, *args, **kwargs):
    """Run ``call`` and check it sent exactly one request; return its result."""
    before = len(fake.exchanges)
    result = call(*args, **kwargs)
    sent = [(e.method, e.path) for e in fake.exchanges[before:]]
    assert len(sent) == 1, f"{call.__name__} sent {sent}"
    return result


def test_attaching_a_tag_sends_only_the_post(api, fake):
    board = api.create_board({"name": "tags"})
    note = api.create_sticky_note_item(board.id, {"data": {"content": "tagged"}})
    tags = [api.create_tag(board.id, {"title": f"t{i}"}) for i in range(9)]
    for tag in tags[:8]:
        one_request(fake, api.attach_tag_to_item, board.id, note.id, tag.id)
    assert fake.exchanges[-1].method == "POST" and fake.exchanges[-1].status == 204
    with pytest.raises(official.BadRequestException):  # Miro itself refuses a ninth tag
        one_request(fake, api.attach_tag_to_item, board.id, note.id, tags[8].id)
    # The fluent layer still checks first, and says why before sending anything.
    fluent_note = api.boards.get(board.id, lazy=True).items.get(note.id)
    assert len(fluent_note.tags.list()) == 8
    with pytest.raises(ValueError, match="at most 8"):
        fluent_note.tags.attach(tags[8])


def test_every_flat_call_of_a_session_sends_one_request(api, fake):
    board = one_request(fake, api.create_board, {"name": "one each"})
    one_request(fake, api.get_specific_board, board.id)
    one_request(fake, api.get_boards, limit="10")
    one_request(fake, api.update_board, board.id, {"name": "renamed"})
    notes = [
        one_request(fake, api.create_sticky_note_item, board.id, {"data": {"content": str(i)}})
        for i in range(3)
    ]
    one_request(fake, api.get_sticky_note_item, board.id, notes[0].id)
    one_request(
        fake, api.update_sticky_note_item, board.id, notes[0].id, {"data": {"content": "new"}}
    )
    one_request(fake, api.get_items, board.id, limit="10")
    one_request(fake, api.get_specific_item, board.id, notes[1].id)
    one_request(
        fake, api.update_item_position_or_parent, board.id, notes[1].id, {"position": {"x": 5}}
    )
    tag = one_request(fake, api.create_tag, board.id, {"title": "one"})
    one_request(fake, api.attach_tag_to_item, board.id, notes[0].id, tag.id)
    one_request(fake, api.get_tags_from_item, board.id, notes[0].id)
    one_request(fake, api.get_items_by_tag, board.id, tag.id)
    one_request(fake, api.remove_tag_from_item, board.id, notes[0].id, tag.id)
    one_request(fake, api.get_tags_from_board, board.id)
    one_request(fake, api.update_tag, board.id, tag.id, {"title": "two"})
    one_request(fake, api.delete_tag, board.id, tag.id)
    connector = one_request(
        fake,
        api.create_connector,
        board.id,
        {"startItem": {"id": notes[0].id}, "endItem": {"id": notes[1].id}},
    )
    one_request(fake, api.get_connector, board.id, connector.id)
    one_request(fake, api.get_connectors, board.id)
    one_request(fake, api.delete_connector, board.id, connector.id)
    group = one_request(
        fake, api.create_group, board.id, {"data": {"items": [n.id for n in notes[:2]]}}
    )
    one_request(fake, api.get_all_groups, board.id)
    one_request(fake, api.get_group_by_id, board.id, group.id)
    one_request(fake, api.get_items_by_group_id, board.id, group.id)
    one_request(fake, api.un_group, board.id, group.id)
    one_request(fake, api.delete_sticky_note_item, board.id, notes[2].id)
    one_request(fake, api.delete_item, board.id, notes[1].id)
    one_request(fake, api.delete_board, board.id)


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154"
    "78da63f8ffff3f0005fe02fea7d6a4bb0000000049454e44ae426082"
)


def test_uploads_bulk_and_connector_changes_send_one_request_each(api, fake):
    board = api.create_board({"name": "files"})
    notes = [api.create_sticky_note_item(board.id, {"data": {"content": c}}) for c in "ab"]
    body = {"startItem": {"id": notes[0].id}, "endItem": {"id": notes[1].id}}
    connector = api.create_connector(board.id, body)
    one_request(fake, api.update_connector, board.id, connector.id, {"shape": "straight"})
    one_request(fake, api.create_items, board.id, [{"type": "text", "data": {"content": "t"}}])
    image = one_request(fake, api.create_image_item_using_local_file, board.id, ("a.png", PNG))
    one_request(
        fake, api.update_image_item_using_file_from_device, board.id, image.id, ("b.png", PNG)
    )
    one_request(
        fake,
        api.create_items_in_bulk_using_file_from_device,
        board.id,
        [{"type": "image"}],
        [("c.png", PNG)],
    )
    frame = one_request(fake, api.create_frame_item, board.id, {"data": {"title": "f"}})
    one_request(fake, api.get_items_within_frame, board.id, frame.id)
    one_request(fake, api.copy_board, board.id)


SPEC_GROUP_BODY = {
    "id": "3074457345618265000",
    "name": "My group",
    "description": "Info about group",
    "type": "user-group",
}


def test_group_bodies_accept_the_fields_the_spec_declares(api, fake):
    board = api.create_board({"name": "groups"})
    ids = [api.create_sticky_note_item(board.id, {"data": {"content": c}}).id for c in "abc"]
    group = api.create_group(board.id, {**SPEC_GROUP_BODY, "data": {"items": ids[:2]}})
    assert json.loads(fake.exchanges[-1].request_body) == {"data": {"items": ids[:2]}}
    regrouped = api.update_group(board.id, group.id, {**SPEC_GROUP_BODY, "data": {"items": ids}})
    assert json.loads(fake.exchanges[-1].request_body) == {"data": {"items": ids}}
    assert sorted(regrouped.data.items) == sorted(ids)
    with pytest.raises(TypeError, match="unknown field 'colour'"):
        api.create_group(board.id, {"colour": "red", "data": {"items": ids[:2]}})
