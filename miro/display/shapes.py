"""How each shape type and colour name is drawn: outlines in unit coordinates, palettes.

Outlines are polygons in a unit box (0..1 × 0..1) scaled to the item's box; the shapes
SVG has a primitive for (rectangles, rounded rectangles, ellipses) are named instead.
A shape type without an outline here is drawn as a rectangle, so none is ever lost.
"""

from __future__ import annotations

import math
from typing import Dict, List, Tuple, Union

Outline = Union[str, List[Tuple[float, float]]]


def _regular(sides: int, start: float = -90.0) -> List[Tuple[float, float]]:
    step = 360.0 / sides
    return [
        (0.5 + 0.5 * math.cos(math.radians(start + i * step)),
         0.5 + 0.5 * math.sin(math.radians(start + i * step)))
        for i in range(sides)
    ]  # fmt: skip


def _star() -> List[Tuple[float, float]]:
    points = []
    for i in range(10):
        radius = 0.5 if i % 2 == 0 else 0.2
        angle = math.radians(-90 + 36 * i)
        points.append((0.5 + radius * math.cos(angle), 0.5 + radius * math.sin(angle)))
    return points


_DIAMOND = [(0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)]
_PARALLELOGRAM = [(0.2, 0.0), (1.0, 0.0), (0.8, 1.0), (0.0, 1.0)]
_RIGHT_ARROW = [(0, 0.25), (0.6, 0.25), (0.6, 0), (1, 0.5), (0.6, 1), (0.6, 0.75), (0, 0.75)]

#: Shape type → "rect", "round", "ellipse" or a unit polygon.
OUTLINES: Dict[str, Outline] = {
    "rectangle": "rect",
    "round_rectangle": "round",
    "circle": "ellipse",
    "triangle": [(0.5, 0.0), (1.0, 1.0), (0.0, 1.0)],
    "rhombus": _DIAMOND,
    "parallelogram": _PARALLELOGRAM,
    "trapezoid": [(0.2, 0.0), (0.8, 0.0), (1.0, 1.0), (0.0, 1.0)],
    "pentagon": _regular(5),
    "hexagon": _regular(6, 0.0),
    "octagon": _regular(8, 22.5),
    "star": _star(),
    "cross": [
        (0.33, 0), (0.67, 0), (0.67, 0.33), (1, 0.33), (1, 0.67), (0.67, 0.67), (0.67, 1),
        (0.33, 1), (0.33, 0.67), (0, 0.67), (0, 0.33), (0.33, 0.33),
    ],
    "right_arrow": _RIGHT_ARROW,
    "left_arrow": [(1 - x, y) for x, y in _RIGHT_ARROW],
    "left_right_arrow": [
        (0, 0.5), (0.25, 0), (0.25, 0.25), (0.75, 0.25), (0.75, 0), (1, 0.5), (0.75, 1),
        (0.75, 0.75), (0.25, 0.75), (0.25, 1),
    ],
    "wedge_round_rectangle_callout": [
        (0, 0), (1, 0), (1, 0.75), (0.45, 0.75), (0.25, 1), (0.3, 0.75), (0, 0.75),
    ],
    "cloud": "round",
    "can": "round",
    "flow_chart_process": "rect",
    "flow_chart_predefined_process": "rect",
    "flow_chart_predefined_process_2": "rect",
    "flow_chart_decision": _DIAMOND,
    "flow_chart_input_output": _PARALLELOGRAM,
    "flow_chart_connector": "ellipse",
    "flow_chart_or": "ellipse",
    "flow_chart_summing_junction": "ellipse",
    "flow_chart_terminator": "round",
    "flow_chart_delay": "round",
    "flow_chart_display": "round",
    "flow_chart_merge": [(0.0, 0.0), (1.0, 0.0), (0.5, 1.0)],
    "flow_chart_preparation": _regular(6, 0.0),
    "flow_chart_manual_input": [(0.0, 0.25), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)],
    "flow_chart_manual_operation": [(0.0, 0.0), (1.0, 0.0), (0.8, 1.0), (0.2, 1.0)],
    "flow_chart_offpage_connector": [(0, 0), (1, 0), (1, 0.7), (0.5, 1), (0, 0.7)],
}  # fmt: skip

#: Sticky-note colour names (API-NOTES §3.5) → the hex Miro paints them with.
STICKY_COLORS = {
    "gray": "#e6e6e6", "light_yellow": "#fff9b1", "yellow": "#f5d128", "orange": "#ff9d48",
    "light_green": "#d5f692", "green": "#c9df56", "dark_green": "#93d275", "cyan": "#67c6c0",
    "light_pink": "#ffcee0", "pink": "#ea94bb", "violet": "#be88c7", "red": "#f16c7f",
    "light_blue": "#a6ccf5", "blue": "#6cd8fa", "dark_blue": "#9ea9ff", "black": "#000000",
}  # fmt: skip
DARK_FILLS = frozenset(("#000000", "#1a1a1a"))
DEFAULT_STICKY = "light_yellow"
