"""Drawing board objects in SVG: frames as titled regions, items by type (shapes by shape
type, sticky notes in their colour, text, labelled boxes for images, cards and unknown
types), connectors as lines with arrow ends and captions."""

from __future__ import annotations

import html
from typing import Any, Tuple

from . import rows as r
from .shapes import DARK_FILLS, DEFAULT_STICKY, OUTLINES, STICKY_COLORS
from .svg import (
    MIN_LABEL_PX,
    Box,
    attr,
    color,
    font_size,
    group,
    label,
    num,
    outline,
    title_size,
)

MARKERS = {
    "stealth": "arrow", "rounded_stealth": "arrow", "arrow": "arrow", "triangle": "arrow",
    "filled_triangle": "arrow", "oval": "dot", "filled_oval": "dot", "diamond": "diamond",
    "filled_diamond": "diamond", "erd_one": "bar", "erd_many": "bar", "erd_only_one": "bar",
    "erd_zero_or_one": "bar", "erd_one_or_many": "bar", "erd_zero_or_many": "bar",
}  # fmt: skip


def item_svg(item: Any, b: Box, zoom: float) -> str:
    """One item (not a frame) in its absolute box ``b``."""
    kind = getattr(item, "type", "") or "unknown"
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    cx, cy = x0 + w / 2, y0 + h / 2
    style = getattr(item, "style", None)
    text = r.content_of(item)
    font = font_size(item, w, h)
    stroke_width = f' stroke-width="{num(max(1.0, 1 / zoom))}"'
    if kind == "sticky_note":
        fill = STICKY_COLORS.get(getattr(style, "fill_color", None) or DEFAULT_STICKY, "#fff9b1")
        ink = "#ffffff" if fill in DARK_FILLS else "#1a1a1a"
        body = outline("rect", b, fill, "#d0c070", stroke_width)
        body += label(text, cx, cy, w, h, font, zoom, ink)
    elif kind == "shape":
        shape = r.get_field(getattr(item, "data", None), "shape") or "rectangle"
        fill = color(getattr(style, "fill_color", None), "#ffffff")
        stroke = color(getattr(style, "border_color", None), "#1a1a1a")
        body = outline(OUTLINES.get(shape, "rect"), b, fill, stroke, stroke_width)
        ink = color(getattr(style, "color", None), "#1a1a1a")
        body += label(text, cx, cy, w, h, font, zoom, ink)
    elif kind == "text":
        ink = color(getattr(style, "color", None), "#1a1a1a")
        body = label(text, cx, cy, w, max(h, font * 1.3), font, zoom, ink)
    else:  # images, documents, cards, embeds … and types this SDK does not know
        fill = "#f4f6fa" if kind in ("card", "app_card") else "#fafafa"
        body = outline("rect", b, fill, "#8a94a6", stroke_width + ' stroke-dasharray="4 3"')
        name = kind.replace("_", " ")
        body += label(f"{name}: {text}" if text else name, cx, cy, w, h, font, zoom, "#444444")
    rotation = getattr(getattr(item, "geometry", None), "rotation", None)
    if rotation:  # boxes are placed unrotated; the drawing turns around the centre
        body = f'<g transform="rotate({num(float(rotation))} {num(cx)} {num(cy)})">{body}</g>'
    return group(kind, item.id, body)


def frame_svg(item: Any, b: Box, zoom: float) -> str:
    """A frame: its region, and its title above the top-left corner (in proportion to the
    frame)."""
    x0, y0, x1, y1 = b
    fill = color(getattr(getattr(item, "style", None), "fill_color", None), "#ffffff")
    title = r.content_of(item) or "Frame"
    font = title_size(x1 - x0, y1 - y0)
    title_svg = ""
    if font * zoom >= MIN_LABEL_PX:
        title_svg = (
            f'<text class="title" x="{num(x0)}" y="{num(y0 - font * 0.4)}" '
            f'font-size="{num(font)}" fill="#555555">{html.escape(title[:80])}</text>'
        )
    region = outline("rect", b, fill, "#b0b0b0", f' stroke-width="{num(max(1.0, 1 / zoom))}"')
    return group("frame", item.id, region + title_svg)


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


def connector_svg(connector: Any, start: Box, end: Box, zoom: float) -> str:
    """A connector between the boxes of its two ends, with its caps and captions."""
    a = _anchor(connector.start_item, start, _center(end))
    z = _anchor(connector.end_item, end, _center(start))
    style = connector.style
    stroke = color(getattr(style, "stroke_color", None), "#1a1a1a")
    width = max(2.0, 1.5 / zoom)
    mx = (a[0] + z[0]) / 2
    shape = connector.shape or "curved"
    if shape == "straight":
        d = f"M{num(a[0])},{num(a[1])} L{num(z[0])},{num(z[1])}"
    elif shape == "elbowed":
        d = (
            f"M{num(a[0])},{num(a[1])} L{num(mx)},{num(a[1])} L{num(mx)},{num(z[1])} "
            f"L{num(z[0])},{num(z[1])}"
        )
    else:
        d = (
            f"M{num(a[0])},{num(a[1])} C{num(mx)},{num(a[1])} {num(mx)},{num(z[1])} "
            f"{num(z[0])},{num(z[1])}"
        )
    caps = ""
    for side, default in (("start", "none"), ("end", "stealth")):
        cap = getattr(style, f"{side}_stroke_cap", None) or default
        marker = MARKERS.get(cap)
        if marker:
            caps += f' marker-{side}="url(#miro-{marker})"'
    dash = ' stroke-dasharray="6 4"' if getattr(style, "stroke_style", None) == "dashed" else ""
    path = (
        f'<path class="line" d="{d}" fill="none" stroke="{stroke}" '
        f'stroke-width="{num(width)}"{dash}{caps}/>'
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
            f'<text class="caption" x="{num(x)}" y="{num(y - font * 0.3)}" font-size="{num(font)}" '
            f'text-anchor="middle" fill="#333333" stroke="#ffffff" stroke-width="{num(font / 6)}" '
            f'paint-order="stroke">{html.escape(text[:80])}</text>'
        )
    return f'<g class="connector" data-id="{attr(connector.id)}">{path}{captions}</g>'
