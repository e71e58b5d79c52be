"""Every item type: create → get → update → delete against FakeMiro; generic items."""

import datetime

import pytest

import miro

UTC = datetime.timezone.utc

# collection, class, create kwargs, update kwargs, (attribute path, expected after update)
ROUND_TRIPS = [
    (
        "sticky_notes",
        miro.StickyNote,
        dict(
            content="Hi",
            shape="rectangle",
            fill_color="cyan",
            text_align="left",
            x=10,
            y=20,
            height=150,
        ),
        dict(content="Bye", fill_color="red", text_align_vertical="bottom"),
        [("data.content", "Bye"), ("style.fill_color", "red"), ("data.shape", "rectangle")],
    ),
    (
        "texts",
        miro.Text,
        dict(
            content="Title",
            font_size=48,
            font_family="roboto",
            color="#1a1a1a",
            fill_opacity=0.5,
            width=300,
        ),
        dict(content="Heading", font_size="64", text_align="right"),
        [("data.content", "Heading"), ("style.font_size", "64"), ("style.font_family", "roboto")],
    ),
    (
        "shapes",
        miro.Shape,
        dict(
            shape="flow_chart_decision",
            content="?",
            border_width=4,
            border_style="dashed",
            fill_color="#ff0000",
            width=200,
            height=100,
            rotation=15,
        ),
        dict(shape="hexagon", font_size=24, fill_opacity="0.8"),
        [("data.shape", "hexagon"), ("style.font_size", "24"), ("style.border_style", "dashed")],
    ),
    (
        "cards",
        miro.Card,
        dict(
            title="Task",
            description="Write tests",
            due_date=datetime.datetime(2027, 1, 1, tzinfo=UTC),
            card_theme="#2d9bf0",
            width=320,
            height=94,
        ),
        dict(title="Done", assignee_id="3074457362577955221"),
        [("data.title", "Done"), ("data.due_date", datetime.datetime(2027, 1, 1, tzinfo=UTC))],
    ),
    (
        "app_cards",
        miro.AppCard,
        dict(
            title="PR #1",
            description="review",
            status="connected",
            fill_color="#2d9bf0",
            fields=[{"value": "open", "fill_color": "#00ff00", "icon_shape": "square"}],
        ),
        dict(status="disabled", fields=[miro.CustomField(value="merged", tooltip="state")]),
        [("data.status", "disabled"), ("data.title", "PR #1")],
    ),
    (
        "frames",
        miro.Frame,
        dict(title="Ideas", fill_color="#ffffffff", x=0, y=0, width=1600, height=900),
        dict(title="Better ideas", width=2000),
        [("data.title", "Better ideas"), ("geometry.width", 2000)],
    ),
    (
        "images",
        miro.Image,
        dict(url="https://example.com/a.png", title="logo", width=400, rotation=90),
        dict(title="new logo", url="https://example.com/b.png"),
        [("data.title", "new logo")],
    ),
    (
        "documents",
        miro.Document,
        dict(url="https://example.com/a.pdf", title="spec", x=5, y=5),
        dict(title="spec v2", height=300),
        [("data.title", "spec v2")],
    ),
    (
        "embeds",
        miro.Embed,
        dict(url="https://www.youtube.com/watch?v=HlVSNEiFCBk", mode="modal", width=480),
        dict(mode="inline"),
        [("data.mode", "inline")],
    ),
]


def _get(obj, path):
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


@pytest.fixture
def board(api):
    return api.boards.create(name="Items")


@pytest.mark.parametrize(
    "segment, cls, create, update, expect", ROUND_TRIPS, ids=[r[0] for r in ROUND_TRIPS]
)
def test_round_trip(board, segment, cls, create, update, expect):
    collection = getattr(board.items, segment)
    item = collection.create(**create)
    assert isinstance(item, cls) and item.id and item.created_at.tzinfo is not None
    fetched = collection.get(item.id)
    assert fetched == item
    item.update(**update)
    for path, value in expect:
        assert _get(item, path) == value
    assert collection.get(item.id) == item
    item.delete()
    with pytest.raises(miro.errors.NotFound):
        collection.get(item.id)


def test_doc_format_create_get_delete(board):
    doc = board.items.doc_formats.create(content="# Plan\n\n- ship", x=0, y=0)
    assert isinstance(doc, miro.DocFormat) and doc.data.content_type == "markdown"
    assert board.items.doc_formats.get(
        doc.id, text_content_type="markdown"
    ).data.content.startswith("# Plan")
    with pytest.raises(TypeError, match="cannot be updated"):
        doc.update(content="x")
    doc.delete()
    with pytest.raises(miro.errors.NotFound):
        board.items.get(doc.id)


def test_generic_get_returns_typed_items_bound_to_their_type(board):
    made = [
        board.items.sticky_notes.create(content="n"),
        board.items.shapes.create(shape="star"),
        board.items.frames.create(title="f"),
        board.items.cards.create(title="c"),
    ]
    for item in made:
        fetched = board.items.get(item.id)
        assert type(fetched) is type(item) and fetched.id == item.id
    fetched = board.items.get(made[0].id)
    fetched.update(content="via generic")  # bound to the sticky-notes collection
    assert board.items.sticky_notes.get(made[0].id).data.content == "via generic"
    assert {type(i) for i in board.items} == {miro.StickyNote, miro.Shape, miro.Frame, miro.Card}


def test_move_and_frame_children(fake, board):
    frame = board.items.frames.create(title="F", x=0, y=0, width=1000, height=1000)
    inside = [board.items.sticky_notes.create(content=str(i)) for i in range(12)]
    outside = board.items.texts.create(content="outside")
    for i, note in enumerate(inside):
        note.move(x=50 + i, y=50, parent=frame)
        assert note.parent.id == frame.id and note.position.x == 50 + i
    assert [i.id for i in frame.items] == [n.id for n in inside]
    assert outside.id not in {i.id for i in board.items.within(frame.id, limit=10)}
    assert [i.id for i in fake_api_items_within(board, frame)] == [n.id for n in inside]
    outside.move(x=-500)
    assert outside.position.x == -500 and outside.parent is None
    with pytest.raises(ValueError, match="move needs"):
        outside.move()


def fake_api_items_within(board, frame):
    api = miro.MiroApi(board.items.transport.token(), base_url=board.items.transport.base_url)
    return list(api.get_all_items_within_frame(board.id, frame.id, limit="10"))


def test_flat_move_and_delete(api, board):
    frame = board.items.frames.create(title="F", width=500, height=500)
    note = board.items.sticky_notes.create(content="n")
    moved = api.update_item_position_or_parent(
        board.id, note.id, {"parent": {"id": frame.id}, "position": {"x": 10, "y": 10}}
    )
    assert moved.parent.id == frame.id
    page = api.get_items_within_frame(board.id, frame.id)
    assert [i.id for i in page.data] == [note.id]
    api.delete_item(board.id, note.id)
    with pytest.raises(miro.errors.NotFound):
        api.get_specific_item(board.id, note.id)


def test_fixed_ratio_items_take_width_or_height_not_both(fake, board):
    fake.clear_exchanges()
    for segment, extra in [
        ("sticky_notes", {}),
        ("images", {"url": "https://e.com/a.png"}),
        ("embeds", {"url": "https://e.com"}),
    ]:
        with pytest.raises(ValueError, match="width or height, not both"):
            getattr(board.items, segment).create(width=100, height=100, **extra)
    with pytest.raises(TypeError, match="unexpected keyword argument 'height'"):
        board.items.texts.create(content="t", height=10)
    with pytest.raises(TypeError, match="'geometry'|'width'"):
        board.items.documents.create(url="https://e.com/a.pdf", width=10)
    with pytest.raises(TypeError, match="'parent'"):
        board.items.frames.create(parent="123")
    assert fake.exchanges == []


def test_required_fields_are_checked_before_sending(fake, board):
    fake.clear_exchanges()
    for segment in ("texts", "images", "documents", "embeds", "doc_formats"):
        with pytest.raises(ValueError, match="missing required argument"):
            getattr(board.items, segment).create(x=1)
    assert fake.exchanges == []


def test_only_the_fields_given_are_sent(fake, board):
    note = board.items.sticky_notes.create(content="a", fill_color="blue")
    fake.clear_exchanges()
    note.update(content="b")
    (patch,) = fake.exchanges
    assert patch.method == "PATCH" and patch.request_body == b'{"data":{"content":"b"}}'
    assert note.style.fill_color == "blue"
