"""``board.sketch()``: an SVG drawing of a board as Miro lays it out.

The SVG's user coordinates *are* board coordinates (``viewBox`` = the viewport), so every
element sits at the item's absolute position: top-level items at their ``position``, frame
children at their frame's top-left plus theirs (API-NOTES §3.2, §3.10). Frames are titled
regions drawn first, then items (shapes by shape type, sticky notes in their colour, text,
images and unknown types as labelled boxes), then connectors with their arrow ends and
captions. Elements carry classes (``item``, ``frame``, ``outline``, ``label``, ``connector``,
``caption``) and ``data-id``/``data-type`` so the drawing can be inspected.

Bounded for big boards: items outside the viewport are culled, at most ``max_items`` are
drawn (frames first, then the largest; a note says how many were left out), labels (in
proportion to their items) are skipped only for items a few pixels big, and the picture is
at most :data:`MAX_PIXELS` wide and high.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from ..core import geometry
from ..errors import InvalidArgument
from .drawing import connector_svg, frame_svg, item_svg
from .svg import DEFS, num

Box = geometry.Box
MAX_PIXELS = 4096
DEFAULT_WIDTH = 960
DEFAULT_MAX_ITEMS = 5000


class Sketch:
    """An SVG drawing of (part of) a board. Displays inline in Jupyter (``_repr_svg_``);
    ``str(sketch)`` is the SVG text; ``sketch.save("board.svg")`` writes it."""

    def __init__(
        self,
        svg: str,
        *,
        size: Tuple[int, int],
        viewport: Box,
        drawn: int,
        connectors: int,
        left_out: int,
    ) -> None:
        self.svg = svg
        self.size = size
        self.viewport = viewport
        self.drawn = drawn
        self.connectors = connectors
        self.left_out = left_out

    def __str__(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        x0, y0, x1, y1 = self.viewport
        more = f", {self.left_out} not drawn (max_items)" if self.left_out else ""
        return (
            f"<Sketch {self.size[0]}×{self.size[1]} px of ({num(x0)}, {num(y0)})–({num(x1)}, "
            f"{num(y1)}): {self.drawn} items, {self.connectors} connectors{more}>"
        )

    def _repr_svg_(self) -> str:
        return self.svg

    def save(self, path: Any) -> str:
        """Write the SVG to ``path`` (UTF-8); returns the path."""
        target = os.fspath(path)
        with open(target, "w", encoding="utf-8") as out:
            out.write(self.svg)
        return target


def _viewport(boxes: Iterable[Box]) -> Box:
    listed = list(boxes)
    if not listed:
        return (-500.0, -300.0, 500.0, 300.0)
    x0 = min(b[0] for b in listed)
    y0 = min(b[1] for b in listed)
    x1 = max(b[2] for b in listed)
    y1 = max(b[3] for b in listed)
    margin = max(x1 - x0, y1 - y0, 100.0) * 0.04 + 20
    return (x0 - margin, y0 - margin, x1 + margin, y1 + margin)


def _scale(view: Box, zoom: Optional[float], width: Optional[int]) -> Tuple[float, int, int]:
    vw, vh = max(view[2] - view[0], 1e-6), max(view[3] - view[1], 1e-6)
    if zoom is None:
        zoom = (width or DEFAULT_WIDTH) / vw
        zoom = min(zoom, MAX_PIXELS / vh)
    elif isinstance(zoom, bool) or not isinstance(zoom, (int, float)) or not zoom > 0:
        raise InvalidArgument(
            f"zoom must be a positive number (pixels per board unit), got {zoom!r}"
        )
    px_w, px_h = round(vw * zoom), round(vh * zoom)
    if max(px_w, px_h) > MAX_PIXELS:
        raise InvalidArgument(
            f"zoom={zoom:g} makes a {px_w}×{px_h} px picture (at most {MAX_PIXELS}); "
            "lower zoom or pass a smaller viewport"
        )
    return float(zoom), max(px_w, 1), max(px_h, 1)


def sketch_items(
    items: Iterable[Any],
    connectors: Iterable[Any] = (),
    *,
    viewport: Optional[Sequence[float]] = None,
    zoom: Optional[float] = None,
    width: Optional[int] = None,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Sketch:
    """Draw ``items`` (and the ``connectors`` between them) as an SVG :class:`Sketch`.

    Args:
        viewport: ``(x0, y0, x1, y1)`` in board coordinates; default: everything, framed.
        zoom: pixels per board unit; default: fit ``width`` pixels (960).
        width: the picture's width in pixels when ``zoom`` is not given.
        max_items: draw at most this many items (frames first, then the largest).
    """
    if isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 1:
        raise InvalidArgument(f"max_items must be a positive int, got {max_items!r}")
    listed = list(items)
    parent_of = geometry.parent_lookup(geometry.by_id(listed))
    boxes: Dict[str, Box] = {}
    for item in listed:
        if getattr(item, "position", None) is None:
            continue  # Miro gave no place (e.g. mind-map nodes): nothing to draw
        try:
            boxes[item.id] = geometry.box(item, parent_of)
        except (LookupError, ValueError):
            continue  # its parent is not among the items: its place is unknown
    view = geometry.region(*viewport) if viewport is not None else _viewport(boxes.values())
    scale, px_w, px_h = _scale(view, zoom, width)
    visible = [i for i in listed if i.id in boxes and geometry.overlaps(boxes[i.id], view)]
    left_out = 0
    if len(visible) > max_items:

        def area(i: Any) -> float:
            b = boxes[i.id]
            return (b[2] - b[0]) * (b[3] - b[1])

        ranked = sorted(visible, key=lambda i: (i.type != "frame", -area(i)))
        keep = {i.id for i in ranked[:max_items]}
        left_out = len(visible) - max_items
        visible = [i for i in visible if i.id in keep]
    frames = [i for i in visible if getattr(i, "type", None) == "frame"]
    others = [i for i in visible if getattr(i, "type", None) != "frame"]
    out: List[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="miro-sketch" width="{px_w}" '
        f'height="{px_h}" viewBox="{num(view[0])} {num(view[1])} {num(view[2] - view[0])} '
        f'{num(view[3] - view[1])}" font-family="Helvetica, Arial, sans-serif">',
        DEFS,
        f'<rect class="background" x="{num(view[0])}" y="{num(view[1])}" '
        f'width="{num(view[2] - view[0])}" height="{num(view[3] - view[1])}" fill="#f7f7f5"/>',
    ]
    out.extend(frame_svg(i, boxes[i.id], scale) for i in frames)
    out.extend(item_svg(i, boxes[i.id], scale) for i in others)
    drawn = {i.id for i in visible}
    lines = 0
    for connector in connectors:
        start = getattr(connector.start_item, "id", None)
        end = getattr(connector.end_item, "id", None)
        if start in boxes and end in boxes and (start in drawn or end in drawn):
            out.append(connector_svg(connector, boxes[start], boxes[end], scale))
            lines += 1
    if left_out:
        font = 14 / scale
        out.append(
            f'<text class="note" x="{num(view[0] + font)}" y="{num(view[3] - font)}" '
            f'font-size="{num(font)}" fill="#b00020">{left_out} items not drawn '
            f"(max_items={max_items}): zoom in with viewport=…</text>"
        )
    out.append("</svg>")
    return Sketch(
        "".join(out),
        size=(px_w, px_h),
        viewport=view,
        drawn=len(visible),
        connectors=lines,
        left_out=left_out,
    )
