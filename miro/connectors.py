"""Connectors: the lines between items, ``board.connectors`` and ``item.connectors``."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

import attrs

from .core import params as p
from .core.pagination import BOARD_CONTENT_CURSOR, Page, Paginator
from .core.paths import check_id
from .core.resource import Collection, Model, Resource
from .core.signatures import declared
from .errors import InvalidArgument, InvalidArgumentType
from .models import Links, UserRef

if TYPE_CHECKING:  # the keywords of create/update (generated from the declarations below)
    from typing_extensions import Unpack

    from ._declared import ConnectorChanges, ConnectorCreate, ConnectorFromItem

SNAP_TO = ("auto", "top", "right", "bottom", "left")
STROKE_CAPS = (
    "none", "stealth", "rounded_stealth", "diamond", "filled_diamond", "oval", "filled_oval",
    "arrow", "triangle", "filled_triangle", "erd_one", "erd_many", "erd_only_one",
    "erd_zero_or_one", "erd_one_or_many", "erd_zero_or_many",
)  # fmt: skip
SHAPES = ("straight", "elbowed", "curved")
MAX_CAPTIONS = 20


def _end(name: str, value: Any) -> str:
    """A connector end: an item (not a frame) or an item id."""
    if getattr(value, "type", None) == "frame":
        raise InvalidArgument(f"{name} cannot be a frame: connectors join items, not frames")
    return check_id(name, value)


def _percent(name: str, value: Any) -> str:
    if isinstance(value, str) and value.endswith("%"):
        number = value[:-1]
        try:
            p.number(0, 100)(name, float(number))
        except ValueError:
            raise InvalidArgument(f"{name} must be a percentage from '0%' to '100%'") from None
        return value
    return f"{p.number(0, 100)(name, value):g}%"


def _offset(name: str, value: Any) -> Dict[str, str]:
    """Where on an item a connector attaches: ``(x, y)`` percentages, 0 = top/left."""
    if isinstance(value, dict):
        x, y = value.get("x"), value.get("y")
    elif isinstance(value, (tuple, list)) and len(value) == 2:
        x, y = value
    else:
        raise InvalidArgumentType(f"{name} must be an (x, y) pair of percentages")
    return {"x": _percent(f"{name}.x", x), "y": _percent(f"{name}.y", y)}


_CAPTION = p.Body(
    p.top(
        content=p.text(min_length=1, max_length=200),
        position=_percent,
        text_align_vertical=p.choice("top", "middle", "bottom"),
    ),
    required=("content",),
)


def _caption(name: str, value: Any) -> Dict[str, Any]:
    """A caption: its text, or a dict of content, position ('50%'), text_align_vertical."""
    if isinstance(value, str):
        return _CAPTION.build({"content": value})
    given = p.json_object(name, value)
    return _CAPTION.build(_CAPTION.from_json({p.camel(k): v for k, v in given.items()}, name))


def _one_caption(name: str, value: Any) -> List[Dict[str, Any]]:
    """One caption: its text, or a dict of content, position ('50%'), text_align_vertical."""
    return [_caption(name, value)]


def _ends(kind: str) -> Dict[str, p.Param]:
    key = f"{kind}Item"
    return {
        kind: p.Param((key, "id"), _end),
        f"{kind}_snap_to": p.Param((key, "snapTo"), p.choice(*SNAP_TO)),
        f"{kind}_position": p.Param((key, "position"), _offset),
    }


_STYLE = p.style(
    color=p.TEXT,
    stroke_color=p.TEXT,
    stroke_style=p.choice("normal", "dotted", "dashed"),
    stroke_width=p.number_string(1, 24),
    font_size=p.number_string(10, 288),
    start_stroke_cap=p.choice(*STROKE_CAPS),
    end_stroke_cap=p.choice(*STROKE_CAPS),
    text_orientation=p.choice("horizontal", "aligned"),
)
_FIELDS = (
    _ends("start"),
    _ends("end"),
    p.top(shape=p.choice(*SHAPES)),
    {"caption": p.Param(("captions",), _one_caption)},
    p.top(captions=p.list_of(_caption, max_items=MAX_CAPTIONS)),
    _STYLE,
)
_EXCLUSIVE = [
    ("start_snap_to", "start_position"),
    ("end_snap_to", "end_position"),
    ("caption", "captions"),
]
#: ``ConnectorCreationData``: both ends required.
CONNECTOR_CREATE = p.Body(*_FIELDS, required=("start", "end"), exclusive=_EXCLUSIVE)
#: ``ConnectorChangesData``: every field optional.
CONNECTOR_CHANGES = p.Body(*_FIELDS, exclusive=_EXCLUSIVE)
#: A connector drawn from a known item: its other end is ``to``, the rest as create.
CONNECTOR_FROM_ITEM = CONNECTOR_CREATE.without("start", "end")


@attrs.define(kw_only=True)
class ConnectorEnd(Model):
    """One end of a connector: the item and where on it the line attaches."""

    id: Optional[str] = None
    position: Optional[Dict[str, Any]] = None  # RelativeOffset: open, so any JSON value
    links: Optional[Links] = None


@attrs.define(kw_only=True)
class Caption(Model):
    """A label on a connector."""

    content: Optional[str] = None
    position: Optional[str] = None
    text_align_vertical: Optional[str] = None


@attrs.define(kw_only=True)
class ConnectorStyle(Model):
    """A connector's line, caps and caption font (sizes and widths are strings)."""

    color: Optional[str] = None
    stroke_color: Optional[str] = None
    stroke_style: Optional[str] = None
    stroke_width: Optional[str] = None
    font_size: Optional[str] = None
    start_stroke_cap: Optional[str] = None
    end_stroke_cap: Optional[str] = None
    text_orientation: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class Connector(Resource):
    """A line joining two items."""

    _summary_fields = ("start_item.id", "end_item.id")

    type: Optional[str] = None
    shape: Optional[str] = None
    start_item: Optional[ConnectorEnd] = None
    end_item: Optional[ConnectorEnd] = None
    captions: Optional[List[Caption]] = None
    style: Optional[ConnectorStyle] = None
    is_supported: Optional[bool] = None
    created_at: Optional[datetime.datetime] = None
    created_by: Optional[UserRef] = None
    modified_at: Optional[datetime.datetime] = None
    modified_by: Optional[UserRef] = None
    links: Optional[Links] = None

    def touches(self, item: Any) -> bool:
        """Whether this connector starts or ends at ``item`` (an item or an id)."""
        ident = check_id("item", item)
        return ident in (getattr(self.start_item, "id", None), getattr(self.end_item, "id", None))

    @declared(CONNECTOR_CHANGES)
    def update(self, **changes: Unpack[ConnectorChanges]) -> Connector:
        """Change ends, shape, captions or style; updates this object."""
        self._replace_with(self._require_collection().update(self.id, **changes))
        return self

    def delete(self) -> None:
        """Delete the connector."""
        self._require_collection().delete(self.id)

    def refresh(self) -> Connector:
        """Reload this connector from Miro."""
        self._replace_with(self._require_collection().get(self.id))
        return self


class Connectors(Collection[Connector]):
    """``board.connectors``: create, list, get, update and delete connectors."""

    path = "/v2/boards/{board_id}/connectors"
    item_key = "connector_id"
    model = Connector
    paging = BOARD_CONTENT_CURSOR

    @declared(CONNECTOR_CREATE)
    def create(self, **fields: Unpack[ConnectorCreate]) -> Connector:
        """Join ``start`` and ``end`` (items or ids, not frames); returns the connector."""
        body = CONNECTOR_CREATE.build(fields)
        if body["startItem"]["id"] == body["endItem"]["id"]:
            raise InvalidArgument("start and end must be different items")
        return self._create(body)

    def list(self, *, limit: Optional[int] = None) -> Paginator[Connector]:
        """Every connector on the board (cursor pages; ``limit`` 10..50)."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[Connector]:
        return iter(self.list())

    def page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[Connector]:
        """One page of connectors, as ``GET …/connectors`` returns it."""
        return self.list(limit=limit).page(cursor=cursor)

    def get(self, connector_id: str) -> Connector:
        """Get one connector."""
        return self._get(connector_id)

    @declared(CONNECTOR_CHANGES)
    def update(self, connector_id: str, **changes: Unpack[ConnectorChanges]) -> Connector:
        """Change a connector; only the given fields are sent."""
        return self._update(connector_id, CONNECTOR_CHANGES.build(changes))

    def delete(self, connector_id: str) -> None:
        """Delete a connector."""
        self._delete(connector_id)

    def touching(self, item: Any) -> ItemConnectors:
        """The connectors that start or end at ``item`` (walks the board's connectors)."""
        return ItemConnectors(self, check_id("item", item))


class ItemConnectors:
    """The connectors touching one item: lazy, re-iterable, and a way to add more.

    Miro has no per-item connector query, so iterating walks every connector on the
    board and keeps those whose start or end is the item.
    """

    def __init__(self, connectors: Connectors, item_id: str) -> None:
        self._connectors = connectors
        self.item_id = item_id

    def __repr__(self) -> str:
        return f"<connectors touching item {self.item_id!r}>"

    def __iter__(self) -> Iterator[Connector]:
        return (c for c in self._connectors.list() if c.touches(self.item_id))

    @declared(CONNECTOR_FROM_ITEM)
    def create(self, to: Any, **fields: Unpack[ConnectorFromItem]) -> Connector:
        """Connect the item to ``to`` (an item or id); returns the connector."""
        return self._connectors.create(start=self.item_id, end=to, **fields)
