"""Doc formats (structured documents written in Markdown): ``board.items.doc_formats``."""

from __future__ import annotations

from typing import Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type


@attrs.define(kw_only=True)
class DocFormatData(Model):
    """A doc's content and its format (``markdown`` or ``html``)."""

    content_type: Optional[str] = None
    content: Optional[str] = None
    content_version: Optional[float] = None


@attrs.define(kw_only=True, repr=False)
class DocFormat(Item):
    """A doc format item. The API can create, read and delete these, not update them."""

    _summary_fields = ("data.content",)

    data: Optional[DocFormatData] = None


DOC_FORMAT = item_type(
    ItemType(
        type="doc_format",
        segment="docs",
        model=DocFormat,
        create=p.Body(
            p.data(content=p.text(min_length=1), content_version=p.NUMBER),
            p.POSITION,
            p.PARENT,
            required=("content",),
            constants={("data", "contentType"): "markdown"},
        ),
        update=None,
        operations=crud_operations("doc-format", update=False),
        schema="DocFormat",
        get_params={"text_content_type": p.choice("html", "markdown")},
    )
)
