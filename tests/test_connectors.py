"""Connectors: a 20-shape diagram joined by 19 connectors, built, read, re-captioned, deleted."""

import pytest

import miro


@pytest.fixture
def board(api):
    return api.boards.create(name="Diagram")


def test_diagram_of_20_shapes_and_19_connectors(fake, api, board):
    shapes = [
        board.items.shapes.create(
            shape="rectangle", content=f"step {i}", x=300 * i, y=0, width=200, height=100
        )
        for i in range(20)
    ]
    connectors = [
        board.connectors.create(
            start=a,
            end=b,
            shape="elbowed",
            caption=f"{i}→{i + 1}",
            start_snap_to="right",
            end_snap_to="left",
            stroke_color="#1a1a1a",
            stroke_width=2,
            end_stroke_cap="arrow",
        )
        for i, (a, b) in enumerate(zip(shapes, shapes[1:]))
    ]
    assert len(connectors) == 19
    read_back = list(board.connectors.list(limit=10))
    assert [c.id for c in read_back] == [c.id for c in connectors]
    first = read_back[0]
    assert first.start_item.id == shapes[0].id and first.end_item.id == shapes[1].id
    assert first.captions[0].content == "0→1" and first.style.stroke_width == "2"
    assert first.shape == "elbowed" and first.style.end_stroke_cap == "arrow"

    for i, connector in enumerate(read_back):
        connector.update(captions=[{"content": f"edge {i}", "position": "25%"}])
    assert [c.captions[0].content for c in board.connectors] == [f"edge {i}" for i in range(19)]
    assert board.connectors.get(read_back[3].id).captions[0].position == "25%"

    middle = shapes[10]
    assert {c.id for c in middle.connectors} == {connectors[9].id, connectors[10].id}

    for connector in read_back:
        connector.delete()
    for shape in shapes:
        shape.delete()
    assert list(board.connectors) == [] and list(board.items) == []


def test_connect_to_and_flat_methods(api, board):
    a = board.items.sticky_notes.create(content="a")
    b = board.items.cards.create(title="b")
    link = a.connect_to(b, caption="uses", start_position=("100%", "50%"))
    assert link.start_item.position == {"x": "100%", "y": "50%"}
    flat = api.get_connector(board.id, link.id)
    assert flat == link
    changed = api.update_connector(
        board.id, link.id, {"shape": "straight", "style": {"strokeStyle": "dashed"}}
    )
    assert changed.shape == "straight" and changed.style.stroke_style == "dashed"
    made = api.create_connector(
        board.id, {"startItem": {"id": b.id}, "endItem": {"id": a.id, "snapTo": "top"}}
    )
    assert [c.id for c in api.get_all_connectors(board.id)] == [link.id, made.id]
    assert [c.id for c in api.get_connectors(board.id, limit="10").data] == [link.id, made.id]
    api.delete_connector(board.id, made.id)
    with pytest.raises(miro.errors.NotFound):
        api.get_connector(board.id, made.id)


def test_connector_input_is_checked_before_sending(fake, board):
    a = board.items.sticky_notes.create(content="a")
    frame = board.items.frames.create(title="f")
    fake.clear_exchanges()
    with pytest.raises(ValueError, match="missing required argument: end"):
        board.connectors.create(start=a)
    with pytest.raises(ValueError, match="start and end must be different"):
        board.connectors.create(start=a, end=a.id)
    with pytest.raises(ValueError, match="end cannot be a frame"):
        board.connectors.create(start=a, end=frame)
    with pytest.raises(ValueError, match="give start_snap_to or start_position, not both"):
        board.connectors.create(start=a, end="1", start_snap_to="top", start_position=(0, 0))
    with pytest.raises(ValueError, match="captions must have at most 20"):
        board.connectors.create(start=a, end="1", captions=["x"] * 21)
    with pytest.raises(ValueError, match="content must have at most 200"):
        board.connectors.create(start=a, end="1", caption="x" * 201)
    with pytest.raises(ValueError, match="start_position.x must be at most 100"):
        board.connectors.create(start=a, end="1", start_position=(120, 0))
    with pytest.raises(ValueError, match="end_stroke_cap must be one of"):
        board.connectors.create(start=a, end="1", end_stroke_cap="pointy")
    assert fake.exchanges == []


@pytest.mark.parametrize("added", [2, {"index": 2, "side": "left"}, [1, 2], None, True])
def test_a_field_miro_adds_to_an_end_position_is_kept(fake, api, board, added):
    """``RelativeOffset`` is an open object in the spec: a new field of any JSON type must
    not make reading, updating or listing the connector fail."""
    a, b = (board.items.shapes.create(shape="circle", x=300 * i, y=0) for i in range(2))
    connector = board.connectors.create(start=a, end=b)
    stored = fake.store.connectors[board.id][connector.id]["startItem"]
    stored["position"] = {"x": "50%", "y": "0%", "snapToIndex": added}
    expected = {"x": "50%", "y": "0%", "snapToIndex": added}
    assert board.connectors.get(connector.id).start_item.position == expected
    assert api.get_connector(board.id, connector.id).start_item.position.get("snapToIndex") == added
    assert connector.update(shape="curved").start_item.position == expected
    assert [c.start_item.position for c in board.connectors] == [expected]
