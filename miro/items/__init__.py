"""Board items: one module per item type, the generic ``Item`` and ``Items``."""

from .app_cards import AppCard, AppCardData, AppCardStyle, CustomField
from .base import ITEM_TYPES, Item, ItemType, ItemTypeCollection
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

__all__ = [
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
