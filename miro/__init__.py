"""miro: a hand-written Python SDK for the Miro REST API v2.

Start with :class:`MiroApi`::

    import miro
    api = miro.MiroApi("<access token>")
    board = api.boards.create(name="Retro")
    board.items.sticky_notes.create(content="Ship it", x=0, y=0)

App backends use :class:`Miro`, the stateful OAuth client (``miro.auth_url``,
``miro.exchange_code_for_access_token(...)``, ``miro.api``), with a :class:`Storage`.
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
from .oauth import Miro
from .storage import InMemoryStorage, RedisStorage, SQLiteStorage, State, Storage
from .tokens import TokenInfo


def __getattr__(name: str) -> object:
    """``miro.Snapshot`` and ``miro.SnapshotDiff``, imported on first use (not at ``import
    miro``: they bring the display add-on)."""
    if name == "Snapshot":
        from .snapshot import Snapshot

        return Snapshot
    if name == "SnapshotDiff":
        from .snapshot.diff import SnapshotDiff

        return SnapshotDiff
    raise AttributeError(f"module 'miro' has no attribute {name!r}")


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
    "InMemoryStorage",
    "InvitationResult",
    "Item",
    "Items",
    "Miro",
    "MiroApi",
    "Page",
    "Paginator",
    "RedisStorage",
    "SQLiteStorage",
    "Shape",
    "Snapshot",
    "SnapshotDiff",
    "State",
    "StickyNote",
    "Storage",
    "Text",
    "TokenInfo",
    "__version__",
    "errors",
]
