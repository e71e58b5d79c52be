"""Official result shapes and model methods on our shim, in process (no official client
needed): what an official user reads, and how ``miro`` users keep their JSON."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import miro
from miro.core.official import OfficialDict
from miro.tags import Tag

from .scenario import png


def test_official_attribute_paths_on_results(api: Any) -> None:
    board = api.create_board({"name": "P", "policy": {"sharingPolicy": {"access": "view"}}})
    assert board.policy.sharing_policy.access == "view"
    assert board.policy["sharingPolicy"]["access"] == "view"  # still the dict it was
    assert board.links.var_self == board.links.self_url and board.links.var_self.endswith(board.id)
    assert board.policy.no_such_field is None  # absent fields read as None, as official
    api.create_board()
    page = api.get_boards(limit="1")
    assert page.links.var_self and page.links.next and page.links["self"] == page.links.var_self
    note = api.create_sticky_note_item(board.id, {"data": {"content": "x"}})
    item = api.get_specific_item(board.id, note.id)
    assert item.data.actual_instance.content == "x"  # official oneOf wrapper spelling
    assert api.delete_sticky_note_item(board.id, note.id) == ""  # official: "" on 204


def test_unknown_fields_read_by_attribute(api: Any, fake: Any) -> None:
    board = api.create_board()
    raw = {"id": "1", "type": "tag", "title": "t", "brandNewField": {"innerValue": 3}}
    tag = Tag.from_dict(raw)
    assert tag.brand_new_field.inner_value == 3
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        tag.nope  # noqa: B018
    assert api.get_specific_board(board.id).id == board.id


def test_results_of_flat_methods_give_the_official_to_dict(api: Any) -> None:
    board = api.create_board({"name": "T"})
    card = api.create_card_item(
        board.id, {"data": {"title": "c", "dueDate": "2027-01-01T00:00:00Z"}}
    )
    official = card.to_dict()
    assert isinstance(official["createdAt"], datetime.datetime)
    assert official["data"]["dueDate"] == datetime.datetime(
        2027, 1, 1, tzinfo=datetime.timezone.utc
    )
    assert "parent" not in official  # None left out
    assert isinstance(card.data.to_dict()["dueDate"], datetime.datetime)  # nested too
    assert json.loads(card.to_json())["createdAt"].endswith("Z")  # to_json stays JSON
    page = api.get_items(board.id, limit="10")
    assert isinstance(page.to_dict()["data"][0]["createdAt"], datetime.datetime)


def test_fluent_models_keep_mirojson_to_dict(api: Any) -> None:
    board = api.boards.create(name="F")
    note = board.items.sticky_notes.create(content="x")
    assert isinstance(note.to_dict()["createdAt"], str)
    json.dumps(note.to_dict())  # what miro users do with it
    again = miro.StickyNote.from_dict(note.to_dict())
    assert again == note and isinstance(again.created_at, datetime.datetime)


def test_model_dump_and_friends(api: Any) -> None:
    board = api.create_board({"name": "D"})
    note = api.create_sticky_note_item(board.id, {"data": {"content": "x"}})
    dumped = note.model_dump()
    assert dumped["data"]["content"] == "x" and dumped["parent"] is None
    assert isinstance(dumped["created_at"], datetime.datetime)
    assert "createdAt" in note.model_dump(by_alias=True)
    assert "parent" not in note.model_dump(exclude_none=True)
    text = note.model_dump_json(by_alias=True, exclude_none=True)
    assert json.loads(text)["data"]["content"] == "x"
    assert "'content': 'x'" in note.to_str()
    with pytest.raises(ValueError, match="mode"):
        note.model_dump(mode="yaml")
    assert miro.StickyNote.from_json(note.to_json()).id == note.id
    assert miro.StickyNote.from_dict(None) is None


def test_official_model_names_import_and_are_accepted_as_bodies(api: Any) -> None:
    from miro_api.models import (
        BoardChanges,
        PositionChange,
        StickyNoteCreateRequest,
        StickyNoteData,
        StickyNoteItem,
        TagCreateRequest,
    )

    assert StickyNoteItem is not miro.StickyNote  # the official class; results are ours
    board = api.create_board(BoardChanges(name="Models"))
    assert board.name == "Models"
    body = StickyNoteCreateRequest(
        data=StickyNoteData(content="m", shape="square"), position=PositionChange(x=1, y=2)
    )
    assert body.data.content == "m" and body.to_dict()["position"] == {"x": 1, "y": 2}
    note = api.create_sticky_note_item(board.id, body)
    assert isinstance(note, StickyNoteItem) and note.position.x == 1
    tag = api.create_tag(board.id, TagCreateRequest.from_json('{"title": "t"}'))
    assert tag.title == "t"
    with pytest.raises(ImportError, match="NoSuchModel"):
        from miro_api.models import NoSuchModel  # noqa: F401


def test_bad_fields_in_bodies_are_refused_before_sending(api: Any, fake: Any) -> None:
    """The official models ignore an unknown keyword (as pydantic does) but refuse an
    unknown attribute; a dict body with an unknown field is refused before sending."""
    from miro_api.models import StickyNoteCreateRequest

    board = api.create_board()
    sent = len(fake.exchanges)
    assert StickyNoteCreateRequest(colour="red").to_dict() == {}
    with pytest.raises(ValueError, match="colour"):
        StickyNoteCreateRequest().colour = "red"
    with pytest.raises(TypeError, match="unknown field 'colour'"):
        api.create_sticky_note_item(board.id, {"colour": "red"})
    assert len(fake.exchanges) == sent


def test_one_of_wrappers_and_bulk_bodies() -> None:
    from miro_api.models import ItemCreate, ItemDataCreate, TextData

    inner = TextData(content="t")
    wrapper = ItemDataCreate(inner)
    assert wrapper.actual_instance is inner and wrapper.to_dict() == {"content": "t"}
    item = ItemCreate(type="text", data=wrapper, parent=None)
    assert item.to_dict()["data"] == {"content": "t"} and "parent" not in item.to_dict()
    assert ItemCreate.from_dict(None) is None
    assert ItemCreate.from_dict(item.to_dict()).data.actual_instance.content == "t"
    with pytest.raises(ValueError, match="No match"):
        ItemDataCreate(3)
    with pytest.raises(ValueError, match="only 1"):
        ItemDataCreate(inner, inner)
    assert OfficialDict({"self": "u"}).var_self == "u"
    assert OfficialDict(var_self="u") == {"self": "u"}


def test_model_bodies_in_uploads_and_bulk_creation(api: Any, tmp_path: Any) -> None:
    """Where the official 2.2.4 client cannot send a model (file uploads' ``data``) or a
    dict (``create_items``), ours takes both."""
    from miro_api.models import (
        ItemCreate,
        ItemDataCreate,
        PositionChange,
        StickyNoteData,
        UploadFileFromDeviceData,
    )

    picture = tmp_path / "a.png"
    picture.write_bytes(png())
    board = api.create_board()
    data = UploadFileFromDeviceData(title="pic", position=PositionChange(x=5, y=6))
    image = api.create_image_item_using_local_file(board.id, str(picture), data)
    assert image.data.title == "pic" and (image.position.x, image.position.y) == (5, 6)
    again = api.create_image_item_using_local_file(board.id, str(picture), {"title": "dict"})
    assert again.data.title == "dict"
    made = api.create_items(
        board.id,
        [
            ItemCreate(type="sticky_note", data=ItemDataCreate(StickyNoteData(content="m"))),
            {"type": "text", "data": {"content": "d"}},
        ],
    )
    assert [i.type for i in made.data] == ["sticky_note", "text"]
    assert made.data[1].data.content == "d"
