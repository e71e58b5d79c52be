"""Absolute positions, containment and regions, computed locally (API-NOTES §3.2, §3.10)."""

from __future__ import annotations

import pytest

from miro.errors import InvalidArgument, InvalidArgumentType


def test_child_absolute_position_adds_the_frames_top_left(parts):
    inside = parts["inside"]
    assert inside.position.relative_to == "parent_top_left"
    # frame centre (1000, 500), 800 × 400: its top-left is (600, 300)
    absolute = inside.absolute_position
    assert (absolute.x, absolute.y) == (700.0, 380.0)
    assert absolute.relative_to == "canvas_center"


def test_top_level_absolute_position_is_its_position(parts):
    star = parts["star"]
    assert (star.absolute_position.x, star.absolute_position.y) == (0.0, 0.0)


def test_absolute_position_of_a_fetched_child_fetches_its_frame_once(parts, fake):
    board = parts["board"]
    child = board.items.get(parts["corner"].id)
    fake.clear_exchanges()
    assert (child.absolute_position.x, child.absolute_position.y) == (1300.0, 600.0)
    assert child.absolute_position.x == 1300.0
    assert len(fake.exchanges) == 1  # the frame, once


def test_frame_contains_children_and_items_inside_its_area(parts):
    board, frame = parts["board"], parts["frame"]
    assert frame.contains(parts["inside"])
    assert not frame.contains(parts["star"])
    loose = board.items.sticky_notes.create(content="loose", x=1000, y=500, width=50)
    assert loose.parent is None and frame.contains(loose)
    with pytest.raises(InvalidArgumentType, match="item must be a board item"):
        frame.contains("123")


def test_in_region_uses_absolute_coordinates(parts):
    board = parts["board"]
    found = {item.id for item in board.items.in_region(600, 300, 1400, 700)}
    assert found == {parts["frame"].id, parts["inside"].id, parts["corner"].id}
    around_star = board.items.in_region(150, 150, -150, -150)  # corners in any order
    assert [item.id for item in around_star] == [parts["star"].id]
    assert board.items.in_region(-50, -50, 50, 50) == []  # the star is 200 wide
    overlapping = board.items.in_region(-50, -50, 50, 50, partly=True)
    assert [item.id for item in overlapping] == [parts["star"].id]
    with pytest.raises(InvalidArgument, match="x1 must be a finite number"):
        board.items.in_region(0, 0, float("nan"), 1)
