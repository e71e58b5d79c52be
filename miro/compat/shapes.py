"""The one place that gives the official flat methods' results the official shapes.

Our fluent layer returns richer objects (typed items, flat pages, lists); the official
client returns its generated models. :func:`adapt` bridges the two generically:

* every model in a result becomes official-flavoured (``to_dict()`` as the official
  client's, see :mod:`miro.core.official`), pages included;
* JSON objects we keep as dicts (``board.policy``, ``page.links``, a mind-map node's
  ``data``) read by attribute as the official models do (``.sharing_policy.access``,
  ``.links.var_self``), while staying dicts for ``miro`` users;
* a few operations answer in an envelope the fluent layer unwraps: :func:`envelope` and
  :func:`bulk_list` put it back (``get_tags_from_item(...).tags``, ``.data``/``.type``);
* an operation the official client types ``object`` returns ``""`` on its empty answer,
  as the official client does.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import sys
from typing import Any, Dict, Optional, Tuple

import attrs

from ..core.official import OfficialDict, OfficialModel, declare_absent, mark_official, wrap


def envelope(**fields: Any) -> OfficialDict:
    """An answer the fluent layer unwraps, in its official envelope (models kept as they are):
    ``envelope(tags=[...])`` for ``get_tags_from_item``."""
    return OfficialDict.of(fields)


def bulk_list(items: Any) -> OfficialDict:
    """Bulk creation's answer as Miro sent it, ``{"type": "bulk-list", "data": [...]}``: the
    fluent ``create_many`` returns the items, with the answers' other fields in ``.answer``
    (``type`` is None when no answer arrived and the items were found on the board)."""
    fields = dict(getattr(items, "answer", None) or {})
    return envelope(**{"type": fields.pop("type", None), **fields, "data": list(items)})


#: What the official client returns for an empty answer of an operation it types ``object``.
EMPTY = ""

#: Operations the official client declares without a result model (it returns ``None``).
RETURNS_NONE = frozenset(
    {
        "revoke_token",
        "revoke_token_v2",
        "enterprise_delete_project",
        "enterprise_delete_project_member",
        "enterprise_delete_team",
        "enterprise_delete_team_member",
        "enterprise_post_user_sessions_reset",
    }
)


def returns(method: str, annotation: Any) -> Any:
    """The return annotation of the flat ``method``, given its fluent one: ``object`` where
    the official client types the empty answer ``object`` (and gives ``""``)."""
    if annotation is None and method not in RETURNS_NONE:
        return object
    return annotation


def adapt(method: str, result: Any) -> Any:
    """``result`` of the flat method ``method``, in the official client's shape."""
    if result is None:
        return None if method in RETURNS_NONE else EMPTY
    if hasattr(result, "__next__"):  # get_all_*: adapt each element as it comes
        return map(officialize, result)
    return officialize(result)


def officialize(value: Any) -> Any:
    """Flavour every model inside ``value`` and make its dict fields attribute-readable."""
    if isinstance(value, OfficialModel):
        for name in _fields(type(value)):
            inner = getattr(value, name)
            kind = type(inner)
            if kind in _SCALARS:
                continue
            if kind is dict:
                setattr(value, name, wrap(inner))
            else:
                officialize(inner)
        mark_official(value)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            if type(inner) not in _SCALARS:
                officialize(inner)
    elif isinstance(value, dict):
        for inner in value.values():
            officialize(inner)
    return value


_SCALARS = frozenset({str, int, float, bool, type(None), datetime.datetime, datetime.date})
_FIELDS: Dict[type, Tuple[str, ...]] = {}


def _fields(cls: type) -> Tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        fields = attrs.fields(cls)
        names = tuple(f.name for f in fields if not f.name.startswith("_") and f.name != "extra")
        _FIELDS[cls] = names
    return names


#: Official model names -> "module:Class" of ours that plays the part in the flat methods'
#: results (same attributes): ``isinstance(note, miro_api.models.StickyNoteItem)`` holds.
OURS = {
    "module miro.items": (
        "StickyNoteData StickyNoteStyle TextData TextStyle ShapeData ShapeStyle CardData "
        "CardStyle AppCardData AppCardStyle CustomField FrameData FrameStyle ImageData "
        "DocumentData EmbedData Item"
    ),
    "StickyNoteItem": "miro.items:StickyNote",
    "TextItem": "miro.items:Text",
    "ShapeItem": "miro.items:Shape",
    "CardItem": "miro.items:Card",
    "AppCardItem": "miro.items:AppCard",
    "FrameItem": "miro.items:Frame",
    "ImageItem": "miro.items:Image",
    "DocumentItem": "miro.items:Document",
    "EmbedItem": "miro.items:Embed",
    "GenericItem": "miro.items:Item",
    "ShapeStyleForCreate": "miro.items:ShapeStyle",
    "ShapeDataForCreate": "miro.items:ShapeData",
    "ImageDataResponse": "miro.items:ImageData",
    "DocumentDataResponse": "miro.items:DocumentData",
    "MindmapItem": "miro.experimental:MindmapNode",
    "module miro.experimental": "MindmapData MindmapNodeView",
    "GetMetrics200ResponseInner": "miro.experimental:AppMetrics",
    "GetMetricsTotal200Response": "miro.experimental:AppMetrics",
    "module miro.boards": "Board Team",
    "BoardWithLinks": "miro.boards:Board",
    "BoardWithLinksAndLastOpened": "miro.boards:Board",
    "BoardWithLinksAndWithoutProject": "miro.boards:Board",
    "module miro.members": "BoardMember InvitationResult InvitationError",
    "BoardMemberWithLinks": "miro.members:BoardMember",
    "module miro.tags": "Tag",
    "TagWithLinks": "miro.tags:Tag",
    "GroupResponseShort": "miro.groups:Group",
    "GroupData": "miro.groups:GroupData",
    "ConnectorWithLinks": "miro.connectors:Connector",
    "ItemConnectionWithLinks": "miro.connectors:ConnectorEnd",
    "module miro.connectors": "Caption ConnectorStyle",
    "TokenInformation": "miro.tokens:TokenInfo",
    "module miro.models": "Position Geometry",
    "CreatedBy": "miro.models:UserRef",
    "ModifiedBy": "miro.models:UserRef",
    "UserInfoShort": "miro.models:UserRef",
    "UserInfoLastOpenedBy": "miro.models:UserRef",
    "WidgetLinks": "miro.models:Links",
    "SelfLink": "miro.models:Links",
    "BoardLinks": "miro.models:Links",
    "Parent": "miro.models:ParentRef",
    "ParentLinksEnvelope": "miro.models:ParentRef",
    "ParentWithLinks": "miro.models:ParentRef",
    "BoardsPagedResponse": "miro.core.pagination:Page",
    "BoardMembersPagedResponse": "miro.core.pagination:Page",
    "GenericItemCursorPaged": "miro.core.pagination:Page",
    "ConnectorsCursorPaged": "miro.core.pagination:Page",
    "TagsPagedResponse": "miro.core.pagination:Page",
    "ItemPagedResponse": "miro.core.pagination:Page",
    "MindmapCursorPaged": "miro.core.pagination:Page",
    "GetAllGroups200Response": "miro.core.pagination:Page",
}

#: Fields official models declare that our classes leave out ("module:Class" -> names):
#: they read as ``None`` there, as on the official model when Miro does not send them.
ABSENT = {
    "miro.models:Links": "first last next prev",  # GroupResponseShort.links is PageLinks
    "miro.groups:GroupData": "data",
}


def _declare_absent() -> None:
    for target, names in ABSENT.items():
        module, attribute = target.split(":")
        declare_absent(getattr(importlib.import_module(module), attribute), names.split())


@functools.cache
def _ours() -> Dict[str, str]:
    names: Dict[str, str] = {}
    for key, value in OURS.items():
        if key.startswith("module "):
            module = key.split(" ", 1)[1]
            names.update((name, f"{module}:{name}") for name in value.split())
        else:
            names[key] = value
    return names


def ours_class(name: str) -> Optional[type]:
    """Our class playing the official model ``name``'s part in results, if its module is
    loaded (an instance of it cannot exist otherwise)."""
    target = _ours().get(name)
    if target is None:
        return None
    module, attribute = target.split(":")
    loaded = sys.modules.get(module)
    return None if loaded is None else getattr(loaded, attribute, None)


_declare_absent()
