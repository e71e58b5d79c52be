"""``board.sketch()``: an SVG drawing of a board as Miro lays it out.

The SVG's user coordinates *are* board coordinates (``viewBox`` = the viewport), so every
element sits at the item's absolute position: top-level items at their ``position``, frame
children at their frame's top-left plus theirs (API-NOTES §3.2, §3.10). Frames are titled
regions drawn first, then items (shapes by shape type, sticky notes in their colour, text,
images and unknown types as labelled boxes), then connectors with their arrow ends and
captions. Elements carry classes (``item``, ``frame``, ``outline``, ``label``, ``connector``,
``caption``) and ``data-id``/``data-type`` so the drawing can be inspected.

Bounded for big boards: items outside the viewport are culled, at most ``max_items`` are
drawn (frames first, then the largest; a note says how many were left out), labels too
small to read at the zoom are skipped, and the picture is at most :data:`MAX_PIXELS` wide
and high.
"""

from __future__ import annotations

import html
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from ..errors import InvalidArgument
from ..items import geometry
from . import rows as r
from .shapes import DARK_FILLS, DEFAULT_STICKY, OUTLINES, STICKY_COLORS

Box = geometry.Box
MAX_PIXELS = 4096
DEFAULT_WIDTH = 960
DEFAULT_MAX_ITEMS = 5000
MIN_LABEL_PX = 3.0
_HEX = set("0123456789abcdefABCDEF")
_MARKERS = {
    "stealth": "arrow", "rounded_stealth": "arrow", "arrow": "arrow", "triangle": "arrow",
    "filled_triangle": "arrow", "oval": "dot", "filled_oval": "dot", "diamond": "diamond",
    "filled_diamond": "diamond", "erd_one": "bar", "erd_many": "bar", "erd_only_one": "bar",
    "erd_zero_or_one": "bar", "erd_one_or_many": "bar", "erd_zero_or_many": "bar",
}  # fmt: skip
_DEFS = (
    "<defs>"
    '<marker id="miro-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
    'markerHeight="5" orient="auto-start-reverse">'
    '<path d="M0,0 L10,5 L0,10 z" fill="#1a1a1a"/></marker>'
    '<marker id="miro-dot" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="4" '
    'markerHeight="4"><circle cx="5" cy="5" r="4"/></marker>'
    '<marker id="miro-diamond" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" '
    'markerHeight="5" orient="auto-start-reverse"><path d="M0,5 L5,0 L10,5 L5,10 z"/></marker>'
    '<marker id="miro-bar" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
    'markerHeight="5" orient="auto-start-reverse">'
    '<path d="M9,0 L9,10" stroke="#333" stroke-width="2"/></marker>'
    "</defs>"
)


def _n(value: float) -> str:
    try:
        if value == int(value):  # most board coordinates are whole numbers: the fast path
            return str(int(value))
    except (ValueError, OverflowError):  # nan, inf: never from Miro, but never a crash
        return "0"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attr(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _color(value: Any, default: str) -> str:
    """A colour from the API only if it is a hex colour (nothing else reaches the SVG)."""
    if isinstance(value, str) and value.startswith("#") and len(value) in (4, 7, 9):
        if all(c in _HEX for c in value[1:]):
            return value
    return default


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
            f"<Sketch {self.size[0]}×{self.size[1]} px of ({_n(x0)}, {_n(y0)})–({_n(x1)}, "
            f"{_n(y1)}): {self.drawn} items, {self.connectors} connectors{more}>"
        )

    def _repr_svg_(self) -> str:
        return self.svg

    def save(self, path: Any) -> str:
        """Write the SVG to ``path`` (UTF-8); returns the path."""
        target = os.fspath(path)
        with open(target, "w", encoding="utf-8") as out:
            out.write(self.svg)
        return target


def _font(item: Any, w: float, h: float) -> float:
    size = getattr(getattr(item, "style", None), "font_size", None)
    try:
        if size is not None:
            return float(size)
    except (TypeError, ValueError):
        pass
    return max(4.0, min(h * 0.16 if h else w * 0.1, w * 0.12, 48.0))


def _wrap(text: str, w: float, h: float, font: float) -> List[str]:
    per_line = max(3, int(w * 0.9 / (font * 0.56)))
    max_lines = max(1, int(h * 0.85 / (font * 1.2))) if h else 6
    lines: List[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        line = ""
        for word in words:
            while len(word) > per_line:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:per_line])
                word = word[per_line:]
            candidate = f"{line} {word}".strip()
            if len(candidate) > per_line:
                lines.append(line)
                line = word
            else:
                line = candidate
        if line:
            lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, per_line - 1)] + "…"
    return lines


def _label(
    text: str, cx: float, cy: float, w: float, h: float, font: float, zoom: float, fill: str,
    cls: str = "label",
) -> str:  # fmt: skip
    if not text or font * zoom < MIN_LABEL_PX:
        return ""
    lines = _wrap(text, w, h, font)
    top = cy - (len(lines) - 1) * font * 1.2 / 2 + font * 0.35
    spans = "".join(
        f'<tspan x="{_n(cx)}" y="{_n(top + i * font * 1.2)}">{html.escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text class="{cls}" font-size="{_n(font)}" text-anchor="middle" '
        f'fill="{fill}">{spans}</text>'
    )


def _outline(kind: Any, b: Box, fill: str, stroke: str, extra: str = "") -> str:
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    paint = f'fill="{fill}" stroke="{stroke}"{extra}'
    if kind in ("rect", "round") or kind is None:
        rx = f' rx="{_n(min(w, h) * 0.15)}"' if kind == "round" else ""
        return (
            f'<rect class="outline" x="{_n(x0)}" y="{_n(y0)}" width="{_n(w)}" '
            f'height="{_n(h)}"{rx} {paint}/>'
        )
    if kind == "ellipse":
        return (
            f'<ellipse class="outline" cx="{_n(x0 + w / 2)}" cy="{_n(y0 + h / 2)}" '
            f'rx="{_n(w / 2)}" ry="{_n(h / 2)}" {paint}/>'
        )
    points = " ".join(f"{_n(x0 + px * w)},{_n(y0 + py * h)}" for px, py in kind)
    return f'<polygon class="outline" points="{points}" {paint}/>'


def _item(item: Any, b: Box, zoom: float) -> str:
    kind = getattr(item, "type", "") or "unknown"
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    cx, cy = x0 + w / 2, y0 + h / 2
    style = getattr(item, "style", None)
    text = r.content_of(item)
    font = _font(item, w, h)
    stroke_width = f' stroke-width="{_n(max(1.0, 1 / zoom))}"'
    if kind == "sticky_note":
        fill = STICKY_COLORS.get(getattr(style, "fill_color", None) or DEFAULT_STICKY, "#fff9b1")
        ink = "#ffffff" if fill in DARK_FILLS else "#1a1a1a"
        body = _outline("rect", b, fill, "#d0c070", stroke_width)
        body += _label(text, cx, cy, w, h, font, zoom, ink)
    elif kind == "shape":
        shape = r.get_field(getattr(item, "data", None), "shape") or "rectangle"
        fill = _color(getattr(style, "fill_color", None), "#ffffff")
        stroke = _color(getattr(style, "border_color", None), "#1a1a1a")
        body = _outline(OUTLINES.get(shape, "rect"), b, fill, stroke, stroke_width)
        ink = _color(getattr(style, "color", None), "#1a1a1a")
        body += _label(text, cx, cy, w, h, font, zoom, ink)
    elif kind == "text":
        ink = _color(getattr(style, "color", None), "#1a1a1a")
        body = _label(text, cx, cy, w, max(h, font * 1.3), font, zoom, ink)
    else:  # images, documents, cards, embeds … and types this SDK does not know
        fill = "#f4f6fa" if kind in ("card", "app_card") else "#fafafa"
        body = _outline("rect", b, fill, "#8a94a6", stroke_width + ' stroke-dasharray="4 3"')
        name = kind.replace("_", " ")
        body += _label(f"{name}: {text}" if text else name, cx, cy, w, h, font, zoom, "#444444")
    rotation = getattr(getattr(item, "geometry", None), "rotation", None)
    if rotation:  # boxes are placed unrotated; the drawing turns around the centre
        body = f'<g transform="rotate({_n(float(rotation))} {_n(cx)} {_n(cy)})">{body}</g>'
    return _group(kind, item.id, body)


def _frame(item: Any, b: Box, zoom: float) -> str:
    x0, y0, x1, y1 = b
    fill = _color(getattr(getattr(item, "style", None), "fill_color", None), "#ffffff")
    title = r.content_of(item) or "Frame"
    font = max(12.0 / zoom, 4.0)
    label = ""
    if font * zoom >= MIN_LABEL_PX:
        label = (
            f'<text class="title" x="{_n(x0)}" y="{_n(y0 - font * 0.4)}" '
            f'font-size="{_n(font)}" fill="#555555">{html.escape(title[:80])}</text>'
        )
    outline = _outline("rect", b, fill, "#b0b0b0", f' stroke-width="{_n(max(1.0, 1 / zoom))}"')
    return (
        f'<g class="item frame" data-id="{_attr(item.id)}" data-type="frame">{outline}{label}</g>'
    )


def _group(kind: str, ident: Any, body: str) -> str:
    kind = _attr(kind)
    return f'<g class="item {kind}" data-id="{_attr(ident)}" data-type="{kind}">{body}</g>'


def _anchor(end: Any, b: Box, toward: Tuple[float, float]) -> Tuple[float, float]:
    x0, y0, x1, y1 = b
    position = getattr(end, "position", None) or {}
    try:
        px = float(str(position["x"]).rstrip("%")) / 100
        py = float(str(position["y"]).rstrip("%")) / 100
        return x0 + px * (x1 - x0), y0 + py * (y1 - y0)
    except (KeyError, TypeError, ValueError):
        pass
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(
        (x1 - x0) / 2 / abs(dx) if dx else float("inf"),
        (y1 - y0) / 2 / abs(dy) if dy else float("inf"),
    )
    scale = min(scale, 1.0)
    return cx + dx * scale, cy + dy * scale


def _center(b: Box) -> Tuple[float, float]:
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def _connector(connector: Any, start: Box, end: Box, zoom: float) -> str:
    a = _anchor(connector.start_item, start, _center(end))
    z = _anchor(connector.end_item, end, _center(start))
    style = connector.style
    stroke = _color(getattr(style, "stroke_color", None), "#1a1a1a")
    width = max(2.0, 1.5 / zoom)
    mx = (a[0] + z[0]) / 2
    shape = connector.shape or "curved"
    if shape == "straight":
        d = f"M{_n(a[0])},{_n(a[1])} L{_n(z[0])},{_n(z[1])}"
    elif shape == "elbowed":
        d = (
            f"M{_n(a[0])},{_n(a[1])} L{_n(mx)},{_n(a[1])} L{_n(mx)},{_n(z[1])} "
            f"L{_n(z[0])},{_n(z[1])}"
        )
    else:
        d = f"M{_n(a[0])},{_n(a[1])} C{_n(mx)},{_n(a[1])} {_n(mx)},{_n(z[1])} {_n(z[0])},{_n(z[1])}"
    caps = ""
    for side, default in (("start", "none"), ("end", "stealth")):
        cap = getattr(style, f"{side}_stroke_cap", None) or default
        marker = _MARKERS.get(cap)
        if marker:
            caps += f' marker-{side}="url(#miro-{marker})"'
    dash = ' stroke-dasharray="6 4"' if getattr(style, "stroke_style", None) == "dashed" else ""
    path = (
        f'<path class="line" d="{d}" fill="none" stroke="{stroke}" '
        f'stroke-width="{_n(width)}"{dash}{caps}/>'
    )
    captions = ""
    font = max(12.0 / zoom, 4.0)
    for caption in connector.captions or []:
        text = r.plain_text(caption.content)
        if not text or font * zoom < MIN_LABEL_PX:
            continue
        try:
            t = float(str(caption.position or "50%").rstrip("%")) / 100
        except ValueError:
            t = 0.5
        x, y = a[0] + (z[0] - a[0]) * t, a[1] + (z[1] - a[1]) * t
        captions += (
            f'<text class="caption" x="{_n(x)}" y="{_n(y - font * 0.3)}" font-size="{_n(font)}" '
            f'text-anchor="middle" fill="#333333" stroke="#ffffff" stroke-width="{_n(font / 6)}" '
            f'paint-order="stroke">{html.escape(text[:80])}</text>'
        )
    return f'<g class="connector" data-id="{_attr(connector.id)}">{path}{captions}</g>'


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
        f'height="{px_h}" viewBox="{_n(view[0])} {_n(view[1])} {_n(view[2] - view[0])} '
        f'{_n(view[3] - view[1])}" font-family="Helvetica, Arial, sans-serif">',
        _DEFS,
        f'<rect class="background" x="{_n(view[0])}" y="{_n(view[1])}" '
        f'width="{_n(view[2] - view[0])}" height="{_n(view[3] - view[1])}" fill="#f7f7f5"/>',
    ]
    out.extend(_frame(i, boxes[i.id], scale) for i in frames)
    out.extend(_item(i, boxes[i.id], scale) for i in others)
    drawn = {i.id for i in visible}
    lines = 0
    for connector in connectors:
        start = getattr(connector.start_item, "id", None)
        end = getattr(connector.end_item, "id", None)
        if start in boxes and end in boxes and (start in drawn or end in drawn):
            out.append(_connector(connector, boxes[start], boxes[end], scale))
            lines += 1
    if left_out:
        font = 14 / scale
        out.append(
            f'<text class="note" x="{_n(view[0] + font)}" y="{_n(view[3] - font)}" '
            f'font-size="{_n(font)}" fill="#b00020">{left_out} items not drawn '
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
