"""Text items: ``board.items.texts``."""

from __future__ import annotations

from typing import Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type
from .styles import text_style


@attrs.define(kw_only=True)
class TextData(Model):
    """The text shown."""

    content: Optional[str] = None


@attrs.define(kw_only=True)
class TextStyle(Model):
    """Text colour, background, font and alignment (sizes and opacities are strings)."""

    color: Optional[str] = None
    fill_color: Optional[str] = None
    fill_opacity: Optional[str] = None
    font_family: Optional[str] = None
    font_size: Optional[str] = None
    text_align: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Text(Item):
    """A free text item."""

    _summary_fields = ("data.content",)

    data: Optional[TextData] = None
    style: Optional[TextStyle] = None


_FIELDS = p.Body(
    p.data(content=p.TEXT),
    p.style(**text_style(p.number_string(minimum=1))),
    p.POSITION,
    p.WIDTH_ONLY,
    p.PARENT,
)

TEXT = item_type(
    ItemType(
        type="text",
        segment="texts",
        model=Text,
        create=p.Body(_FIELDS.params, required=("content",)),
        update=_FIELDS,
        operations=crud_operations("text"),
        schema="Text",
    )
)
