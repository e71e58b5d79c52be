"""Embeds: ``board.items.embeds`` (videos, pages and other URLs shown inline)."""

from __future__ import annotations

from typing import Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type


@attrs.define(kw_only=True)
class EmbedData(Model):
    """What Miro learned about the embedded URL."""

    content_type: Optional[str] = None
    description: Optional[str] = None
    html: Optional[str] = None
    mode: Optional[str] = None
    preview_url: Optional[str] = None
    provider_name: Optional[str] = None
    provider_url: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Embed(Item):
    """An embedded URL (video, web page …)."""

    _summary_fields = ("data.url",)

    data: Optional[EmbedData] = None


_FIELDS = p.Body(
    p.data(url=p.text(min_length=1), mode=p.choice("inline", "modal"), preview_url=p.TEXT),
    p.POSITION,
    p.FIXED_RATIO_NO_ROTATION,
    p.PARENT,
    exclusive=[("width", "height")],
)

EMBED = item_type(
    ItemType(
        type="embed",
        segment="embeds",
        model=Embed,
        create=p.Body(_FIELDS.params, required=("url",), exclusive=_FIELDS.exclusive),
        update=_FIELDS,
        operations=crud_operations("embed"),
        schema="Embed",
    )
)
