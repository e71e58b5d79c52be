"""App cards: ``board.items.app_cards``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type
from .styles import HEX


@attrs.define(kw_only=True)
class CustomField(Model):
    """One field shown on an app card."""

    value: Optional[str] = None
    tooltip: Optional[str] = None
    fill_color: Optional[str] = None
    text_color: Optional[str] = None
    icon_url: Optional[str] = None
    icon_shape: Optional[str] = None


@attrs.define(kw_only=True)
class AppCardData(Model):
    """An app card's title, description, status and custom fields."""

    description: Optional[str] = None
    fields: Optional[List[CustomField]] = None
    owned: Optional[bool] = None
    status: Optional[str] = None
    title: Optional[str] = None


@attrs.define(kw_only=True)
class AppCardStyle(Model):
    """An app card's colour."""

    fill_color: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class AppCard(Item):
    """An app card (a card an app owns and keeps in sync)."""

    _summary_fields = ("data.title",)

    data: Optional[AppCardData] = None
    style: Optional[AppCardStyle] = None


_CUSTOM_FIELD = p.Body(
    p.top(
        value=p.TEXT,
        tooltip=p.TEXT,
        fill_color=HEX,
        text_color=HEX,
        icon_url=p.TEXT,
        icon_shape=p.choice("round", "square"),
    )
)


def _custom_field(name: str, value: Any) -> Dict[str, Any]:
    given = p.json_object(name, value)
    return _CUSTOM_FIELD.build(
        _CUSTOM_FIELD.from_json({p.camel(k): v for k, v in given.items()}, name)
    )


_FIELDS = p.Body(
    p.data(
        description=p.TEXT,
        fields=p.list_of(_custom_field),
        status=p.choice("disconnected", "connected", "disabled"),
        title=p.TEXT,
    ),
    p.style(fill_color=HEX),
    p.POSITION,
    p.GEOMETRY,
    p.PARENT,
    # The bulk-create body reuses the response schema (AppCardData), read-only "owned" too.
    ignored=[("data", "owned")],
)

APP_CARD = item_type(
    ItemType(
        type="app_card",
        segment="app_cards",
        model=AppCard,
        create=_FIELDS,
        update=_FIELDS,
        operations=crud_operations("app-card"),
        schema="AppCard",
    )
)
