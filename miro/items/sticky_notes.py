"""Sticky notes: ``board.items.sticky_notes``."""

from __future__ import annotations

from typing import Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type
from .styles import STICKY_COLORS, TEXT_ALIGN, TEXT_ALIGN_VERTICAL


@attrs.define(kw_only=True)
class StickyNoteData(Model):
    """What a sticky note says, and whether it is square or rectangular."""

    content: Optional[str] = None
    shape: Optional[str] = None


@attrs.define(kw_only=True)
class StickyNoteStyle(Model):
    """A sticky note's colour (one of 16 names) and text alignment."""

    fill_color: Optional[str] = None
    text_align: Optional[str] = None
    text_align_vertical: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class StickyNote(Item):
    """A sticky note."""

    _summary_fields = ("data.content",)

    data: Optional[StickyNoteData] = None
    style: Optional[StickyNoteStyle] = None


_FIELDS = p.Body(
    p.data(content=p.TEXT, shape=p.choice("square", "rectangle")),
    p.style(
        fill_color=p.choice(*STICKY_COLORS),
        text_align=TEXT_ALIGN,
        text_align_vertical=TEXT_ALIGN_VERTICAL,
    ),
    p.POSITION,
    p.FIXED_RATIO_NO_ROTATION,
    p.PARENT,
    exclusive=[("width", "height")],
)

STICKY_NOTE = item_type(
    ItemType(
        type="sticky_note",
        segment="sticky_notes",
        model=StickyNote,
        create=_FIELDS,
        update=_FIELDS,
        operations=crud_operations("sticky-note"),
        schema="StickyNote",
    )
)
