"""Documents: ``board.items.documents`` (by URL)."""

from __future__ import annotations

from typing import Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type
from .uploads import DOCUMENT_UPLOAD, DOCUMENT_UPLOAD_UPDATE


@attrs.define(kw_only=True)
class DocumentData(Model):
    """A document's title and where Miro serves it from."""

    document_url: Optional[str] = None
    title: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Document(Item):
    """A document (PDF and the like) shown on the board."""

    _summary_fields = ("data.title",)

    data: Optional[DocumentData] = None


_DATA = p.data(url=p.text(min_length=1), title=p.TEXT)

DOCUMENT = item_type(
    ItemType(
        type="document",
        segment="documents",
        model=Document,
        # The spec's create takes no geometry; update does (width or height, rotation).
        create=p.Body(_DATA, p.POSITION, p.PARENT, required=("url",)),
        update=p.Body(_DATA, p.POSITION, p.FIXED_RATIO, p.PARENT, exclusive=[("width", "height")]),
        operations=dict(
            crud_operations("document", url_variant=True),
            upload="create-document-item-using-file-from-device",
            update_file="update-document-item-using-file-from-device",
        ),
        upload=DOCUMENT_UPLOAD,
        upload_update=DOCUMENT_UPLOAD_UPDATE,
        schema="Document",
    )
)
