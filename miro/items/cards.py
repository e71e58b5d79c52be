"""Cards: ``board.items.cards``."""

from __future__ import annotations

import datetime
from typing import Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type
from .styles import HEX


@attrs.define(kw_only=True)
class CardData(Model):
    """A card's title, description, assignee and due date."""

    assignee_id: Optional[str] = None
    description: Optional[str] = None
    due_date: Optional[datetime.datetime] = None
    title: Optional[str] = None


@attrs.define(kw_only=True)
class CardStyle(Model):
    """A card's theme colour."""

    card_theme: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Card(Item):
    """A card (a task with title, description, assignee, due date)."""

    _summary_fields = ("data.title",)

    data: Optional[CardData] = None
    style: Optional[CardStyle] = None


_FIELDS = p.Body(
    p.data(assignee_id=p.ID, description=p.TEXT, due_date=p.DATETIME, title=p.TEXT),
    p.style(card_theme=HEX),
    p.POSITION,
    p.GEOMETRY,
    p.PARENT,
)

CARD = item_type(
    ItemType(
        type="card",
        segment="cards",
        model=Card,
        create=_FIELDS,
        update=_FIELDS,
        operations=crud_operations("card"),
        schema="Card",
    )
)
