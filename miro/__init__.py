"""miro: a hand-written Python SDK for the Miro REST API v2.

Start with :class:`MiroApi`::

    import miro
    api = miro.MiroApi("<access token>")
    board = api.boards.create(name="Retro")
    board.items.sticky_notes.create(content="Ship it", x=0, y=0)

App backends use :class:`Miro`, the stateful OAuth client (``miro.auth_url``,
``miro.exchange_code_for_access_token(...)``, ``miro.api``), with a :class:`Storage`.

Every public name is loaded on first use (``miro.Miro`` imports the OAuth side and
requests-oauthlib only when asked for), so ``import miro`` stays cheap for a script
that only needs a token client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict, List

from . import _addons
from ._version import __version__


def _load_display() -> None:
    from . import display  # noqa: F401 - it provides its functions to miro._addons


def _load_snapshot() -> None:
    from . import snapshot  # noqa: F401 - it provides Snapshot.capture to miro._addons


# The add-ons load on first use: nothing below them imports them (ARCHITECTURE.md).
_addons.load_with(_load_display, "html", "dataframe", "pandas", "sketch")
_addons.load_with(_load_snapshot, "snapshot")

#: Public name -> the module that defines it.
_EXPORTS: Dict[str, str] = {
    "MiroApi": ".api",
    "Board": ".boards",
    "Boards": ".boards",
    "Page": ".core.pagination",
    "Paginator": ".core.pagination",
    "MalformedElementWarning": ".core.pagination",
    "AppCard": ".items",
    "Card": ".items",
    "CustomField": ".items",
    "DocFormat": ".items",
    "Document": ".items",
    "Embed": ".items",
    "Frame": ".items",
    "Image": ".items",
    "Item": ".items",
    "Items": ".items",
    "Shape": ".items",
    "StickyNote": ".items",
    "Text": ".items",
    "BoardMember": ".members",
    "InvitationResult": ".members",
    "Miro": ".oauth",
    "InMemoryStorage": ".storage",
    "KeyringStorage": ".storage",
    "RedisStorage": ".storage",
    "SQLiteStorage": ".storage",
    "State": ".storage",
    "Storage": ".storage",
    "TokenInfo": ".tokens",
    "Snapshot": ".snapshot",
    "SnapshotDiff": ".snapshot.diff",
    "BoardExportJob": ".enterprise",
    "Organization": ".enterprise",
    "OrganizationMember": ".enterprise",
    "Project": ".enterprise",
    "ProjectMember": ".enterprise",
    "Team": ".enterprise",
    "TeamMember": ".enterprise",
    "UserGroup": ".enterprise",
    "ScimApi": ".scim_api",
    "ScimGroup": ".scim",
    "ScimUser": ".scim",
}


__all__ = [
    "AppCard",
    "Board",
    "BoardMember",
    "BoardExportJob",
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
    "KeyringStorage",
    "MalformedElementWarning",
    "Miro",
    "MiroApi",
    "Organization",
    "OrganizationMember",
    "Page",
    "Paginator",
    "Project",
    "ProjectMember",
    "RedisStorage",
    "SQLiteStorage",
    "ScimApi",
    "ScimGroup",
    "ScimUser",
    "Shape",
    "Snapshot",
    "SnapshotDiff",
    "State",
    "StickyNote",
    "Storage",
    "Team",
    "TeamMember",
    "Text",
    "TokenInfo",
    "UserGroup",
    "__version__",
    "errors",
]


def __getattr__(name: str) -> Any:
    """Load a public name (or a submodule such as ``miro.errors``) on first use."""
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module, __name__), name)
    elif name.startswith("_"):
        raise AttributeError(f"module 'miro' has no attribute {name!r}")
    else:
        try:  # a submodule: miro.errors, miro.items, miro.core …
            value = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module 'miro' has no attribute {name!r}") from None
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> List[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # what type checkers and IDEs see: the same names, eagerly
    from . import errors
    from .api import MiroApi
    from .boards import Board, Boards
    from .core.pagination import MalformedElementWarning, Page, Paginator
    from .enterprise import (
        BoardExportJob,
        Organization,
        OrganizationMember,
        Project,
        ProjectMember,
        Team,
        TeamMember,
        UserGroup,
    )
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
    from .scim import ScimGroup, ScimUser
    from .scim_api import ScimApi
    from .snapshot import Snapshot
    from .snapshot.diff import SnapshotDiff
    from .storage import (
        InMemoryStorage,
        KeyringStorage,
        RedisStorage,
        SQLiteStorage,
        State,
        Storage,
    )
    from .tokens import TokenInfo
