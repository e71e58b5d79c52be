"""Where a snapshot's items lie on the board, in absolute board coordinates."""

from __future__ import annotations

from typing import Any, Dict, Tuple

from ..core import geometry


def absolute_places(snapshot: Any) -> Dict[str, Tuple[float, float]]:
    """Item id → absolute centre, for the items that have a position."""
    places = {}
    for item in snapshot.models():
        if item.position is not None:
            try:
                places[item.id] = geometry.absolute_center(item, _parent_of)
            except (LookupError, ValueError):
                continue
    return places


def _parent_of(item: Any) -> Any:
    return item._parent_item
