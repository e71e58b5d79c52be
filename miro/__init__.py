"""miro: a hand-written Python SDK for the Miro REST API v2.

Start with :class:`MiroApi`::

    import miro
    api = miro.MiroApi("<access token>")
    board = api.boards.create(name="Retro")
    board.items.sticky_notes.create(content="Ship it", x=0, y=0)
"""

from . import errors
from ._version import __version__
from .api import MiroApi
from .boards import Board, Boards
from .core.pagination import Page, Paginator
from .items import (
    AppCard,
    Card,
    CustomField,
    DocFormat,
    Document,
    Embed,
    Frame,
    Image,
    Item,
    Items,
    Shape,
    StickyNote,
    Text,
)
from .members import BoardMember, InvitationResult

__all__ = [
    "AppCard",
    "Board",
    "BoardMember",
    "Boards",
    "Card",
    "CustomField",
    "DocFormat",
    "Document",
    "Embed",
    "Frame",
    "Image",
    "InvitationResult",
    "Item",
    "Items",
    "MiroApi",
    "Page",
    "Paginator",
    "Shape",
    "StickyNote",
    "Text",
    "__version__",
    "errors",
]
