"""Board items: one module per item type, the generic ``Item`` and ``Items``.

Each item type's module loads the first time it is needed (a name below, a typed
collection such as ``board.items.cards``, or the first item of that type a response
holds), so a board of sticky notes never loads the card or frame models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict, List

from .base import ITEM_TYPES, Item, ItemType, ItemTypeCollection

#: The module declaring each item type, by JSON ``type``.
TYPE_MODULES: Dict[str, str] = {
    "app_card": "app_cards",
    "card": "cards",
    "doc_format": "doc_formats",
    "document": "documents",
    "embed": "embeds",
    "frame": "frames",
    "image": "images",
    "shape": "shapes",
    "sticky_note": "sticky_notes",
    "text": "texts",
}
ITEM_TYPES.declare_modules({kind: f"{__name__}.{name}" for kind, name in TYPE_MODULES.items()})

#: Public name -> the module (in this package) that defines it.
_EXPORTS: Dict[str, str] = {
    "AppCard": "app_cards",
    "AppCardData": "app_cards",
    "AppCardStyle": "app_cards",
    "CustomField": "app_cards",
    "Card": "cards",
    "CardData": "cards",
    "CardStyle": "cards",
    "Items": "collection",
    "DocFormat": "doc_formats",
    "DocFormatData": "doc_formats",
    "Document": "documents",
    "DocumentData": "documents",
    "Embed": "embeds",
    "EmbedData": "embeds",
    "Frame": "frames",
    "FrameData": "frames",
    "FrameStyle": "frames",
    "Image": "images",
    "ImageData": "images",
    "ItemSpec": "bulk",
    "Upload": "bulk",
    "Shape": "shapes",
    "ShapeData": "shapes",
    "ShapeStyle": "shapes",
    "StickyNote": "sticky_notes",
    "StickyNoteData": "sticky_notes",
    "StickyNoteStyle": "sticky_notes",
    "Text": "texts",
    "TextData": "texts",
    "TextStyle": "texts",
}

#: The bulk spec classes (``StickyNoteSpec(content="Hi")``), by name -> item type.
_SPECS: Dict[str, str] = {
    "AppCardSpec": "app_card",
    "CardSpec": "card",
    "DocumentSpec": "document",
    "EmbedSpec": "embed",
    "FrameSpec": "frame",
    "ImageSpec": "image",
    "ShapeSpec": "shape",
    "StickyNoteSpec": "sticky_note",
    "TextSpec": "text",
}

__all__ = [
    "AppCard",
    "AppCardData",
    "AppCardSpec",
    "AppCardStyle",
    "Card",
    "CardData",
    "CardSpec",
    "CardStyle",
    "CustomField",
    "DocFormat",
    "DocFormatData",
    "Document",
    "DocumentData",
    "DocumentSpec",
    "Embed",
    "EmbedData",
    "EmbedSpec",
    "Frame",
    "FrameData",
    "FrameSpec",
    "FrameStyle",
    "ITEM_TYPES",
    "Image",
    "ImageData",
    "ImageSpec",
    "Item",
    "ItemSpec",
    "ItemType",
    "ItemTypeCollection",
    "Items",
    "Shape",
    "ShapeData",
    "ShapeSpec",
    "ShapeStyle",
    "StickyNote",
    "StickyNoteData",
    "StickyNoteSpec",
    "StickyNoteStyle",
    "Text",
    "TextData",
    "TextSpec",
    "TextStyle",
    "Upload",
]


def __getattr__(name: str) -> Any:
    """Load a public name (its item type's module, or a bulk spec class) on first use."""
    if name in _SPECS:
        from .bulk import spec_class

        value = spec_class(_SPECS[name])
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function (and keep one spec class)
    return value


def __dir__() -> List[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # what type checkers and IDEs see: the same names, eagerly
    from ._declared import (  # the spec classes with their keywords (generated)
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
    from .app_cards import AppCard, AppCardData, AppCardStyle, CustomField
    from .bulk import ItemSpec, Upload
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
