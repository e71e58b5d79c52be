"""board.sketch(): the SVG's elements, parsed with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from miro.display import sketch_items
from miro.errors import InvalidArgument

NS = {"svg": "http://www.w3.org/2000/svg"}


def _root(sketch):
    return ET.fromstring(str(sketch))


def _items(root, kind=None):
    groups = root.iter("{http://www.w3.org/2000/svg}g")
    found = [g for g in groups if "item" in g.get("class", "").split()]
    return [g for g in found if kind is None or g.get("data-type") == kind]


def test_sketch_draws_every_item_connector_and_text(parts):
    sketch = parts["board"].sketch()
    root = _root(sketch)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(_items(root)) == 6
    assert len(_items(root, "shape")) == 2
    assert len(_items(root, "frame")) == 1
    connectors = root.findall(".//svg:g[@class='connector']", NS)
    assert len(connectors) == 2
    assert sketch.drawn == 6 and sketch.connectors == 2
    assert [c.text for c in root.findall(".//svg:text[@class='caption']", NS)] == ["next"]
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}tspan"))
    assert "Ship it" in texts and "Hello & goodbye" in texts and "Star" in texts
    title = root.find(".//svg:g[@data-type='frame']/svg:text[@class='title']", NS)
    assert title.text == "Sprint"


def test_frame_children_sit_at_absolute_coordinates(parts):
    root = _root(parts["board"].sketch())
    note = root.find(f".//svg:g[@data-id='{parts['inside'].id}']/svg:rect", NS)
    # centre (700, 380) absolute, 100 wide: Miro's fixed ratio gives the height
    width, height = float(note.get("width")), float(note.get("height"))
    assert float(note.get("x")) + width / 2 == pytest.approx(700, abs=0.01)
    assert float(note.get("y")) + height / 2 == pytest.approx(380, abs=0.01)
    assert note.get("fill") == "#a6ccf5"  # light_blue
    circle = root.find(f".//svg:g[@data-id='{parts['corner'].id}']/svg:ellipse", NS)
    assert (float(circle.get("cx")), float(circle.get("cy"))) == (1300.0, 600.0)
    assert (float(circle.get("rx")), float(circle.get("ry"))) == (60.0, 40.0)


def test_shapes_by_type_and_labelled_boxes(parts):
    root = _root(parts["board"].sketch())
    star = root.find(f".//svg:g[@data-id='{parts['star'].id}']/svg:polygon", NS)
    assert len(star.get("points").split()) == 10
    card = _items(root, "card")[0]
    assert "card: Task" in "".join(
        t.text or "" for t in card.iter("{http://www.w3.org/2000/svg}tspan")
    )
    assert card.find("svg:rect", NS).get("stroke-dasharray")


def test_connectors_have_arrow_ends_and_shapes(parts):
    root = _root(parts["board"].sketch())
    line = root.find(f".//svg:g[@data-id='{parts['arrow'].id}']/svg:path", NS)
    assert line.get("marker-end") == "url(#miro-arrow)" and line.get("marker-start") is None
    assert line.get("d").count("L") == 1
    elbow = root.find(f".//svg:g[@data-id='{parts['elbow'].id}']/svg:path", NS)
    assert elbow.get("d").count("L") == 3


def test_viewport_zoom_and_size_cap(parts, tmp_path):
    board = parts["board"]
    sketch = board.sketch(viewport=(600, 300, 1400, 700), zoom=0.5)
    assert sketch.size == (400, 200)
    root = _root(sketch)
    assert root.get("viewBox") == "600 300 800 400"
    assert {g.get("data-type") for g in _items(root)} == {"frame", "sticky_note", "shape"}
    with pytest.raises(InvalidArgument, match="zoom=100"):
        board.sketch(zoom=100)
    capped = board.sketch(max_items=2)
    assert capped.drawn == 2 and capped.left_out == 4
    assert "4 items not drawn" in str(capped)
    path = capped.save(tmp_path / "board.svg")
    assert ET.parse(path).getroot().get("class") == "miro-sketch"
    assert capped._repr_svg_() == str(capped) and "4 not drawn" in repr(capped)


def test_values_are_escaped_and_colours_filtered():
    from miro.items import Shape

    evil = Shape.from_dict(
        {
            "id": "1", "type": "shape",
            "data": {"shape": "rectangle", "content": "</text><script>x</script>"},
            "style": {"fillColor": '"/><script>', "borderColor": "#00ff00"},
            "position": {"x": 0, "y": 0}, "geometry": {"width": 100, "height": 50},
        }
    )  # fmt: skip
    root = _root(sketch_items([evil]))
    assert root.find(".//svg:script", NS) is None
    rect = root.find(".//svg:g[@data-id='1']/svg:rect", NS)
    assert rect.get("fill") == "#ffffff" and rect.get("stroke") == "#00ff00"


def test_rotated_items_turn_around_their_centre(api):
    board = api.boards.create(name="rotated")
    shape = board.items.shapes.create(
        shape="rectangle", x=100, y=50, width=40, height=20, rotation=30
    )
    root = _root(board.sketch())
    turned = root.find(f".//svg:g[@data-id='{shape.id}']/svg:g", NS)
    assert turned.get("transform") == "rotate(30 100 50)"
    rect = turned.find("svg:rect", NS)
    assert (float(rect.get("x")), float(rect.get("y"))) == (80.0, 40.0)


def _wide_board(api):
    """The issue's board: two frames of sticky notes a few thousand units apart, four
    labelled shapes joined by connectors, and a card, an app card and a text."""
    board = api.boards.create(name="wide")
    texts = {}
    for title, x in (("Ideas", -2000), ("Plans", 2000)):
        frame = board.items.frames.create(title=title, x=x, y=0, width=1200, height=900)
        texts[frame.id] = title
        for i in range(6):
            note = board.items.sticky_notes.create(
                content=f"{title} {i}", x=150 + 300 * (i % 3), y=250 + 400 * (i // 3), parent=frame
            )
            texts[note.id] = f"{title} {i}"
    shapes = []
    for shape, label, x, y in (
        ("rectangle", "Gate", 0, -600), ("circle", "Hub", 0, 0),
        ("triangle", "Risk", 0, 600), ("rhombus", "Decide?", 500, 0),
    ):  # fmt: skip
        made = board.items.shapes.create(
            shape=shape, content=label, x=x, y=y, width=200, height=150
        )
        shapes.append(made)
        texts[made.id] = label
    for a, b in ((0, 1), (1, 2), (1, 3)):
        board.connectors.create(start=shapes[a], end=shapes[b])
    card = board.items.cards.create(title="Review", x=-500, y=1100, width=320, height=100)
    app_card = board.items.app_cards.create(title="Deploy", x=500, y=1100, width=320, height=100)
    text = board.items.texts.create(content="Legend", x=0, y=1400, width=300)
    texts.update({card.id: "Review", app_card.id: "Deploy", text.id: "Legend"})
    return board, texts


def test_every_text_bearing_item_is_labelled_relative_to_its_size_on_a_wide_board(api):
    board, texts = _wide_board(api)
    sketch = board.sketch()
    assert sketch.viewport[2] - sketch.viewport[0] > 4000  # a few thousand units wide
    root = _root(sketch)
    drawn = {g.get("data-id"): g for g in _items(root)}
    by_id = {item.id: item for item in board.items}
    for item_id, text in texts.items():
        group = drawn[item_id]
        label = next(t for t in group.iter("{http://www.w3.org/2000/svg}text"))
        shown = "".join(label.itertext())
        assert text in shown, (text, shown)
        font = float(label.get("font-size"))
        width = by_id[item_id].geometry.width
        height = by_id[item_id].geometry.height or width
        side = min(width, height)
        low, high = (0.02, 0.1) if by_id[item_id].type == "frame" else (0.05, 0.5)
        assert low * side <= font <= high * side, (text, font, width, height)
