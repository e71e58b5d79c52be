"""Bulk create: chunks of the API's maximum, input order kept, bad specs refused up front."""

import json
import math

import pytest

import miro
from miro.items import ItemSpec, ShapeSpec, StickyNoteSpec
from miro.items.bulk import MAX_ITEMS_PER_REQUEST


@pytest.fixture
def board(api):
    return api.boards.create(name="Bulk")


def _bulk_posts(fake):
    return [e for e in fake.exchanges if e.method == "POST" and e.path.endswith("/items/bulk")]


def test_1000_sticky_notes_in_ceil_1000_over_20_requests_in_input_order(fake, board):
    specs = [StickyNoteSpec(content=str(i), x=i % 40 * 220, y=i // 40 * 220) for i in range(1000)]
    fake.clear_exchanges()
    created = board.items.create_many(specs)
    assert len(_bulk_posts(fake)) == math.ceil(1000 / MAX_ITEMS_PER_REQUEST) == 50
    assert [n.data.content for n in created] == [str(i) for i in range(1000)]
    assert all(isinstance(n, miro.StickyNote) for n in created)
    assert len({n.id for n in created}) == 1000


def test_mixed_types_from_specs_dicts_and_api_json(board):
    created = board.items.create_many(
        [
            StickyNoteSpec(content="note", fill_color="green"),
            ShapeSpec(shape="circle", content="o"),
            ItemSpec("text", content="text"),
            {"type": "card", "title": "card"},
            {"type": "app_card", "data": {"title": "app"}, "style": {"fillColor": "#2d9bf0"}},
            {"type": "image", "url": "https://example.com/a.png"},
        ]
    )
    assert [type(i) for i in created] == [
        miro.StickyNote,
        miro.Shape,
        miro.Text,
        miro.Card,
        miro.AppCard,
        miro.Image,
    ]
    assert created[0].style.fill_color == "green" and created[4].data.title == "app"


def test_a_bad_spec_raises_before_anything_is_sent(fake, board):
    specs = [StickyNoteSpec(content="ok") for _ in range(30)]
    fake.clear_exchanges()
    for bad, message in [
        ({"type": "sticky_note", "fill_color": "plaid"}, "specs[30]: fill_color must be one of"),
        ({"type": "doc_format", "content": "x"}, "type must be one of"),
        ({"content": "x"}, "specs[30] needs a 'type'"),
        ({"type": "shape", "shape": "flow_chart_process"}, "21 basic shapes"),
        (42, "specs[30] must be an ItemSpec or a dict"),
    ]:
        with pytest.raises(
            (ValueError, TypeError), match=message.replace("[", r"\[").replace("]", r"\]")
        ):
            board.items.create_many(specs + [bad])
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        StickyNoteSpec(colour="red")
    assert fake.exchanges == []


def test_a_failing_chunk_reports_what_earlier_chunks_created(fake, board):
    specs = [StickyNoteSpec(content=str(i)) for i in range(45)]
    fake.fail_next(
        status=400, path=f"/v2/boards/{board.id.replace('=', '%3D')}/items/bulk", times=1, after=2
    )
    with pytest.raises(miro.errors.BadRequest) as failed:
        board.items.create_many(specs)
    assert [n.data.content for n in failed.value.created] == [str(i) for i in range(40)]


def test_flat_create_items_answers_what_miro_answered_never_a_constant(fake, api, board):
    notes = [{"type": "sticky_note", "data": {"content": str(i)}} for i in range(3)]
    fake.clear_exchanges()
    answered = api.create_items(board.id, notes)
    sent = json.loads(fake.exchanges[-1].response_body)
    assert answered.type == sent["type"] and [i.id for i in answered.data] == [
        i["id"] for i in sent["data"]
    ]
    bulk = f"/v2/boards/{board.id.replace('=', '%3D')}/items/bulk"
    fake.break_answer("cut", path=bulk)  # the items are made, the answer is lost
    recovered = api.create_items(board.id, notes)  # found on the board: no answer to quote
    assert len(recovered.data) == 3 and recovered.type is None


def test_flat_create_items(api, board):
    items = api.create_items(
        board.id,
        [{"type": "text", "data": {"content": "hi"}}, {"type": "shape", "data": {"shape": "star"}}],
    )
    assert [i.type for i in items.data] == ["text", "shape"] and items.type == "bulk-list"
    with pytest.raises(ValueError, match="at most 20"):
        api.create_items(board.id, [{"type": "text", "data": {"content": "x"}}] * 21)


def test_api_json_specs_are_read_without_a_copy_yet_share_nothing_with_the_caller(fake, board):
    """A plain-dict spec is read in place (a bulk create reads a thousand): a model inside
    it is still read as its JSON, and what is sent owns its lists and objects."""
    fields = [{"value": "v1", "tooltip": "t"}]
    app_card = {"type": "app_card", "data": {"title": "app", "fields": fields}}
    note = {"type": "sticky_note", "data": miro.items.StickyNoteData(content="model")}
    specs = miro.items.bulk.validate_specs([app_card, note])
    fields.append({"value": "added after"})
    fields[0]["value"] = "changed after"
    assert specs[0].body["data"]["fields"] == [{"value": "v1", "tooltip": "t"}]
    assert specs[1].body == {"type": "sticky_note", "data": {"content": "model"}}
    created = board.items.create_many(specs)
    assert [f.value for f in created[0].data.fields] == ["v1"]
    assert created[1].data.content == "model"
    sent = json.loads(_bulk_posts(fake)[-1].request_body)
    assert sent[0]["data"]["fields"] == [{"value": "v1", "tooltip": "t"}]
