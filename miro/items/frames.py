"""Frames: ``board.items.frames``; ``frame.items`` lists what a frame holds."""

from __future__ import annotations

from typing import Any, Optional

import attrs

from ..core import geometry
from ..core import params as p
from ..core.pagination import Paginator
from ..core.resource import Model
from ..errors import InvalidArgumentType
from .base import Item, ItemType, crud_operations, item_type
from .styles import HEX


@attrs.define(kw_only=True)
class FrameData(Model):
    """A frame's title, format and type."""

    format: Optional[str] = None
    title: Optional[str] = None
    type: Optional[str] = None
    show_content: Optional[bool] = None


@attrs.define(kw_only=True)
class FrameStyle(Model):
    """A frame's background colour (``#ffffffff`` is transparent)."""

    fill_color: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Frame(Item):
    """A frame: a container other items can sit in."""

    _summary_fields = ("data.title",)

    data: Optional[FrameData] = None
    style: Optional[FrameStyle] = None

    @property
    def items(self) -> Paginator[Item]:
        """Every item inside this frame (cursor pages, fetched as you iterate)."""
        return self._board_items().within(self.id)

    def contains(self, item: Any) -> bool:
        """Whether ``item`` is in this frame: its child, or lying wholly inside its area
        (absolute board coordinates, computed locally; see ``absolute_position``)."""
        if not isinstance(item, Item):
            raise InvalidArgumentType(f"item must be a board item, got {type(item).__name__}")
        if item.parent is not None and item.parent.id == self.id:
            return True
        return geometry.inside(item.absolute_box, self.absolute_box)


_FIELDS = p.Body(
    p.data(
        title=p.TEXT,
        format=p.choice("custom"),
        type=p.choice("freeform"),
        show_content=p.BOOLEAN,
    ),
    p.style(fill_color=HEX),
    p.POSITION,
    p.GEOMETRY_NO_ROTATION,
)

FRAME = item_type(
    ItemType(
        type="frame",
        segment="frames",
        model=Frame,
        create=p.Body(_FIELDS.params, always=("data",)),
        update=_FIELDS,
        operations=crud_operations("frame"),
        schema="Frame",
    )
)
