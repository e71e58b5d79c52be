"""Where items are on the board, in absolute board coordinates, computed locally.

Miro reports an item's ``position`` as the x/y of its centre (``origin: center``), relative
to the board's centre (``relativeTo: canvas_center``) for a top-level item and to its parent
frame's top-left corner (``relativeTo: parent_top_left``) for a child (API-NOTES §3.2,
§3.10). The absolute centre of a child is therefore the parent's absolute top-left plus the
child's x/y. Rotation is ignored: boxes are the unrotated ``width × height`` around the centre.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Optional, Tuple

Box = Tuple[float, float, float, float]  # x0, y0, x1, y1 (absolute, y grows downwards)

_MAX_DEPTH = 16  # parents of parents: frames do not nest through the API, doc formats might


def size(item: Any) -> Tuple[float, float]:
    """The item's width and height (0 when Miro reports no geometry)."""
    geometry = getattr(item, "geometry", None)
    width = getattr(geometry, "width", None) or 0.0
    height = getattr(geometry, "height", None) or 0.0
    return float(width), float(height)


def _relative(item: Any) -> Tuple[float, float]:
    position = getattr(item, "position", None)
    x = getattr(position, "x", None) or 0.0
    y = getattr(position, "y", None) or 0.0
    return float(x), float(y)


def parent_id(item: Any) -> Optional[str]:
    """The id of the item's parent frame, or None for a top-level item."""
    parent = getattr(item, "parent", None)
    return getattr(parent, "id", None) or None


def absolute_center(item: Any, parent_of: Any, _depth: int = 0) -> Tuple[float, float]:
    """The item's centre in board coordinates.

    ``parent_of(item)`` returns the item's parent (or None); it is only called for items
    whose position is relative to a parent.
    """
    x, y = _relative(item)
    if parent_id(item) is None:
        return x, y
    if _depth >= _MAX_DEPTH:
        raise ValueError(f"item {getattr(item, 'id', '?')}: parents nest too deeply")
    parent = parent_of(item)
    if parent is None:
        raise LookupError(
            f"item {getattr(item, 'id', '?')}: its parent {parent_id(item)} is unknown"
        )
    px, py = absolute_center(parent, parent_of, _depth + 1)
    pw, ph = size(parent)
    return px - pw / 2 + x, py - ph / 2 + y


def box(item: Any, parent_of: Any) -> Box:
    """The item's unrotated bounding box in board coordinates."""
    cx, cy = absolute_center(item, parent_of)
    w, h = size(item)
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def inside(inner: Box, outer: Box) -> bool:
    """Whether ``inner`` lies entirely within ``outer`` (edges included)."""
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share any point."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def region(x0: Any, y0: Any, x1: Any, y1: Any) -> Box:
    """A checked region: four finite numbers, normalised so that x0 <= x1 and y0 <= y1."""
    from .params import NUMBER

    values = [NUMBER(name, v) for name, v in (("x0", x0), ("y0", y0), ("x1", x1), ("y1", y1))]
    return (
        min(values[0], values[2]),
        min(values[1], values[3]),
        max(values[0], values[2]),
        max(values[1], values[3]),
    )


def by_id(items: Iterable[Any]) -> Dict[str, Any]:
    """Items keyed by id, for :func:`absolute_center`'s ``parent_of``."""
    return {item.id: item for item in items}


def parent_lookup(known: Dict[str, Any]) -> Any:
    """A ``parent_of`` that finds parents in ``known`` (items by id)."""

    def parent_of(item: Any) -> Any:
        return known.get(parent_id(item) or "")

    return parent_of
