"""Shapes: ``board.items.shapes`` (45 kinds, basic and flowchart)."""

from __future__ import annotations

from typing import ClassVar, Optional, Tuple

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type
from .styles import HEX, OPACITY, SHAPES, TEXT_ALIGN_VERTICAL, text_style
from .texts import TextStyle


@attrs.define(kw_only=True)
class ShapeData(Model):
    """The kind of shape and the text inside it."""

    content: Optional[str] = None
    shape: Optional[str] = None


@attrs.define(kw_only=True)
class ShapeStyle(TextStyle):
    """A shape's text style (as a text item's) plus its border and vertical alignment."""

    border_color: Optional[str] = None
    border_opacity: Optional[str] = None
    border_style: Optional[str] = None
    border_width: Optional[str] = None
    text_align_vertical: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Shape(Item):
    """A shape (rectangle, circle, flowchart symbol …)."""

    _summary_fields: ClassVar[Tuple[str, ...]] = ("data.shape", "data.content")

    data: Optional[ShapeData] = None
    style: Optional[ShapeStyle] = None


#: What shape create/update accept; the experimental flowchart endpoint takes the same.
SHAPE_FIELDS = p.Body(
    p.data(content=p.TEXT, shape=p.choice(*SHAPES)),
    p.style(
        **text_style(p.number_string(10, 288)),
        border_color=HEX,
        border_opacity=OPACITY,
        border_style=p.choice("normal", "dotted", "dashed"),
        border_width=p.number_string(1, 24),
        text_align_vertical=TEXT_ALIGN_VERTICAL,
    ),
    p.POSITION,
    p.GEOMETRY,
    p.PARENT,
)

SHAPE = item_type(
    ItemType(
        type="shape",
        segment="shapes",
        model=Shape,
        create=SHAPE_FIELDS,
        update=SHAPE_FIELDS,
        operations=crud_operations("shape"),
        schema="Shape",
    )
)
