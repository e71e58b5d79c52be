"""Experimental endpoints: mind maps, flowchart shapes, code widgets, items, app metrics."""

import datetime

import pytest

import miro
from miro.experimental import CodeWidget, MindmapNode


@pytest.fixture
def board(api):
    return api.boards.create(name="Experimental")


def test_mindmap_nodes(api, board):
    nodes = board.experimental.mindmap_nodes
    root = nodes.create(content="Root", x=0, y=0)
    child = nodes.create(content="Child", parent=root, x=300, y=0)
    assert isinstance(root, MindmapNode) and root.data.node_view.content == "Root"
    assert child.parent.id == root.id
    assert [n.id for n in nodes.list()] == [root.id, child.id]
    assert nodes.get(child.id) == child
    child.delete()
    with pytest.raises(miro.errors.NotFound):
        nodes.get(child.id)
    page = api.get_mindmap_nodes_experimental(board.id)
    assert [n.id for n in page.data] == [root.id]
    made = api.create_mindmap_nodes_experimental(
        board.id, {"data": {"nodeView": {"data": {"type": "text", "content": "flat"}}}}
    )
    assert api.get_mindmap_node_experimental(board.id, made.id).data.node_view.content == "flat"
    api.delete_mindmap_node_experimental(board.id, made.id)


def test_flowchart_shapes_and_experimental_items(api, board):
    shapes = board.experimental.flowchart_shapes
    decision = shapes.create(shape="flow_chart_decision", content="ok?", width=200, height=200)
    decision.update(content="really?")
    assert shapes.get(decision.id).data.content == "really?"
    items = board.experimental.items
    assert [i.id for i in items.list(type="shape")] == [decision.id]
    assert items.get(decision.id).id == decision.id
    assert [i.id for i in api.get_items_experimental(board.id, type="shape").data] == [decision.id]
    process = api.create_shape_item_flowchart(board.id, {"data": {"shape": "flow_chart_process"}})
    assert (
        api.update_shape_item_flowchart(
            board.id, process.id, {"data": {"content": "go"}}
        ).data.content
        == "go"
    )
    api.delete_shape_item_flowchart(board.id, process.id)
    items.delete(decision.id)
    assert api.get_specific_item_experimental is not None
    with pytest.raises(miro.errors.NotFound):
        api.get_specific_item_experimental(board.id, decision.id)
    with pytest.raises(ValueError, match="type must be one of 'shape'"):
        items.list(type="text")


def test_code_widgets(api, board):
    widgets = board.experimental.code_widgets
    widget = widgets.create(
        code="print('hi')", language="python", title="hello", line_numbers_visible=True
    )
    assert isinstance(widget, CodeWidget) and widget.data.language == "python"
    widget.update(code="print('bye')")
    widget.move(x=100, y=-50)
    assert widget.position.x == 100 and widget.data.code == "print('bye')"
    assert [w.id for w in widgets.list()] == [widget.id]
    empty = api.create_code_widget_item(board.id)
    moved = api.move_code_widget_item(board.id, empty.id, {"x": 5, "y": 6})
    assert moved.position.y == 6
    assert [w.id for w in api.get_code_widget_items(board.id).data] == [widget.id, empty.id]
    assert api.get_code_widget_item(board.id, empty.id).id == empty.id
    assert (
        api.update_code_widget_item(board.id, empty.id, {"data": {"title": "t"}}).data.title == "t"
    )
    api.delete_code_widget_item(board.id, empty.id)
    with pytest.raises(ValueError, match="code must have at most 6000"):
        widgets.create(code="x" * 6001)


def test_app_metrics(fake, api):
    app_id = fake.app_id
    rows = api.experimental.get_metrics(
        app_id, start_date=datetime.date(2026, 1, 1), end_date="2026-01-31", period="WEEK"
    )
    assert rows and all(isinstance(r.period_start, datetime.date) for r in rows)
    total = api.get_metrics_total(app_id)
    assert total.installations is not None
    assert api.get_metrics(app_id, "2026-01-01", "2026-01-02") is not None
    with pytest.raises(ValueError, match="period must be one of"):
        api.get_metrics(app_id, "2026-01-01", "2026-01-02", period="YEAR")
