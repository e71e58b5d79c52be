"""Board items: one module per item type, the generic ``Item`` and ``Items``."""

from typing import TYPE_CHECKING

from .app_cards import AppCard, AppCardData, AppCardStyle, CustomField
from .base import ITEM_TYPES, Item, ItemType, ItemTypeCollection
from .bulk import ItemSpec, Upload, spec_class
from .cards import Card, CardData, CardStyle
from .collection import Items
from .doc_formats import DocFormat, DocFormatData
from .documents import Document, DocumentData
from .embeds import Embed, EmbedData
from .frames import Frame, FrameData, FrameStyle
from .images import Image, ImageData
from .shapes import Shape, ShapeData, ShapeStyle
from .sticky_notes import StickyNote, StickyNoteData, StickyNoteStyle
from .texts import Text, TextData, TextStyle

if TYPE_CHECKING:  # with their keywords, for type checkers (generated)
    from ._declared import (
        AppCardSpec,
        CardSpec,
        DocumentSpec,
        EmbedSpec,
        FrameSpec,
        ImageSpec,
        ShapeSpec,
        StickyNoteSpec,
        TextSpec,
    )
else:
    AppCardSpec = spec_class("app_card")
    CardSpec = spec_class("card")
    DocumentSpec = spec_class("document")
    EmbedSpec = spec_class("embed")
    FrameSpec = spec_class("frame")
    ImageSpec = spec_class("image")
    ShapeSpec = spec_class("shape")
    StickyNoteSpec = spec_class("sticky_note")
    TextSpec = spec_class("text")

__all__ = [
    "AppCardSpec",
    "CardSpec",
    "DocumentSpec",
    "EmbedSpec",
    "FrameSpec",
    "ImageSpec",
    "ItemSpec",
    "ShapeSpec",
    "StickyNoteSpec",
    "TextSpec",
    "Upload",
    "ITEM_TYPES",
    "AppCard",
    "AppCardData",
    "AppCardStyle",
    "Card",
    "CardData",
    "CardStyle",
    "CustomField",
    "DocFormat",
    "DocFormatData",
    "Document",
    "DocumentData",
    "Embed",
    "EmbedData",
    "Frame",
    "FrameData",
    "FrameStyle",
    "Image",
    "ImageData",
    "Item",
    "ItemType",
    "ItemTypeCollection",
    "Items",
    "Shape",
    "ShapeData",
    "ShapeStyle",
    "StickyNote",
    "StickyNoteData",
    "StickyNoteStyle",
    "Text",
    "TextData",
    "TextStyle",
]
