"""SVG primitives for the sketch: numbers, escaped attributes, safe colours, outlines,
wrapped labels and arrow-end markers. Coordinates are board units.
"""

from __future__ import annotations

import html
from typing import Any, List

from ..core import geometry

Box = geometry.Box
#: Labels smaller than this many pixels at the sketch's zoom are left out (they are in
#: proportion to their items, so only items of a few pixels lose theirs).
MIN_LABEL_PX = 1.0
_HEX = set("0123456789abcdefABCDEF")
DEFS = (
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


def num(value: float) -> str:
    """A coordinate as short text: whole numbers bare, else two decimals at most."""
    try:
        if value == int(value):  # most board coordinates are whole numbers: the fast path
            return str(int(value))
    except (ValueError, OverflowError):  # nan, inf: never from Miro, but never a crash
        return "0"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def attr(value: Any) -> str:
    """A value escaped for an attribute."""
    return html.escape(str(value), quote=True)


def color(value: Any, default: str) -> str:
    """A colour from the API only if it is a hex colour (nothing else reaches the SVG)."""
    if isinstance(value, str) and value.startswith("#") and len(value) in (4, 7, 9):
        if all(c in _HEX for c in value[1:]):
            return value
    return default


def font_size(item: Any, w: float, h: float) -> float:
    """A font size relative to the item's ``w`` × ``h`` box, as sticky notes scale their
    text, so a label stays in proportion at any zoom; the item's own ``fontSize`` (board
    units) when that is larger."""
    fitted = min(h * 0.16 if h else w * 0.1, w * 0.12) or 1.0
    size = getattr(getattr(item, "style", None), "font_size", None)
    try:
        return max(fitted, float(size)) if size is not None else fitted
    except (TypeError, ValueError):
        return fitted


def title_size(w: float, h: float) -> float:
    """The size of a frame's title: relative to the frame, as items' labels are."""
    return min(w * 0.035, h * 0.06) or 1.0


def wrap(text: str, w: float, h: float, font: float) -> List[str]:
    """Lines of ``text`` that fit a ``w`` × ``h`` box; cut with an ellipsis when too long."""
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


def label(
    text: str, cx: float, cy: float, w: float, h: float, font: float, zoom: float, fill: str,
    cls: str = "label",
) -> str:  # fmt: skip
    """Wrapped, centred text in a box; nothing when too small to read at this zoom."""
    if not text or font * zoom < MIN_LABEL_PX:
        return ""
    lines = wrap(text, w, h, font)
    top = cy - (len(lines) - 1) * font * 1.2 / 2 + font * 0.35
    spans = "".join(
        f'<tspan x="{num(cx)}" y="{num(top + i * font * 1.2)}">{html.escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text class="{cls}" font-size="{num(font)}" text-anchor="middle" '
        f'fill="{fill}">{spans}</text>'
    )


def outline(kind: Any, b: Box, fill: str, stroke: str, extra: str = "") -> str:
    """A rectangle, rounded rectangle, ellipse or unit polygon (``kind``) filling ``b``."""
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    paint = f'fill="{fill}" stroke="{stroke}"{extra}'
    if kind in ("rect", "round") or kind is None:
        rx = f' rx="{num(min(w, h) * 0.15)}"' if kind == "round" else ""
        return (
            f'<rect class="outline" x="{num(x0)}" y="{num(y0)}" width="{num(w)}" '
            f'height="{num(h)}"{rx} {paint}/>'
        )
    if kind == "ellipse":
        return (
            f'<ellipse class="outline" cx="{num(x0 + w / 2)}" cy="{num(y0 + h / 2)}" '
            f'rx="{num(w / 2)}" ry="{num(h / 2)}" {paint}/>'
        )
    points = " ".join(f"{num(x0 + px * w)},{num(y0 + py * h)}" for px, py in kind)
    return f'<polygon class="outline" points="{points}" {paint}/>'


def group(kind: str, ident: Any, body: str) -> str:
    """The ``<g>`` of one item, with its class, id and type."""
    kind = attr(kind)
    return f'<g class="item {kind}" data-id="{attr(ident)}" data-type="{kind}">{body}</g>'
