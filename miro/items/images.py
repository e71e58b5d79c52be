"""Images: ``board.items.images`` (by URL)."""

from __future__ import annotations

from typing import Optional

import attrs

from ..core import params as p
from ..core.resource import Model
from .base import Item, ItemType, crud_operations, item_type
from .uploads import IMAGE_UPLOAD


@attrs.define(kw_only=True)
class ImageData(Model):
    """An image's title and where Miro serves it from."""

    image_url: Optional[str] = None
    title: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Image(Item):
    """An image."""

    _summary_fields = ("data.title",)

    data: Optional[ImageData] = None


_FIELDS = p.Body(
    p.data(url=p.text(min_length=1), title=p.TEXT),
    p.POSITION,
    p.FIXED_RATIO,
    p.PARENT,
    exclusive=[("width", "height")],
)

IMAGE = item_type(
    ItemType(
        type="image",
        segment="images",
        model=Image,
        create=p.Body(_FIELDS.params, required=("url",), exclusive=_FIELDS.exclusive),
        update=_FIELDS,
        operations=dict(
            crud_operations("image", url_variant=True),
            upload="create-image-item-using-local-file",
            update_file="update-image-item-using-file-from-device",
        ),
        upload=IMAGE_UPLOAD,
        upload_update=IMAGE_UPLOAD,
        schema="Image",
    )
)
