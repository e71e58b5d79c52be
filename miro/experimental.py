"""Experimental endpoints (``/v2-experimental``): ``board.experimental`` and ``api.experimental``.

Miro may change or remove these without notice; so may this module. Everything here is
reached through an ``experimental`` attribute so code that uses it says so:

* ``board.experimental.mindmap_nodes`` — create (with a parent node), list, get, delete;
  nodes are placed by absolute x/y.
* ``board.experimental.flowchart_shapes`` — shapes through the experimental endpoint
  (same fields as ``board.items.shapes``).
* ``board.experimental.code_widgets`` — create, list, get, update, delete, move.
* ``board.experimental.items`` — the experimental items list (``type="shape"`` only),
  get and delete.
* ``api.experimental.get_metrics`` / ``get_metrics_total`` — app usage metrics; these need
  an app-management token from the Developer Hub, not a user's token.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Dict, List, Optional, cast

import attrs

from .core import params as p
from .core.convert import register_subtype, structure
from .core.pagination import BOARD_CONTENT_CURSOR, Page, Paginator
from .core.paths import expand
from .core.resource import Collection, Model
from .core.transport import Transport
from .errors import InvalidArgument, InvalidArgumentType
from .items.base import Item, ItemT, ItemType, ItemTypeCollection
from .items.shapes import SHAPE_FIELDS, Shape

if TYPE_CHECKING:  # one typed collection per experimental item type (generated)
    from .items._declared import (
        ExperimentalCodeWidgets,
        ExperimentalMindmapNodes,
        ExperimentalShapes,
    )

EXPERIMENTAL = "/v2-experimental"


@attrs.define(kw_only=True)
class MindmapNodeView(Model):
    """What a mind-map node shows: its kind (``text``), content and style."""

    type: Optional[str] = None
    data: Optional[Dict[str, Any]] = None
    style: Optional[Dict[str, Any]] = None

    @property
    def content(self) -> Optional[str]:
        """The node's text."""
        return (self.data or {}).get("content")


@attrs.define(kw_only=True)
class MindmapData(Model):
    """A mind-map node's view, whether it is the root, and its direction."""

    node_view: Optional[MindmapNodeView] = None
    is_root: Optional[bool] = None
    direction: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class MindmapNode(Item):
    """A node of a mind map (experimental)."""

    _summary_fields = ("data.node_view.content",)

    data: Optional[MindmapData] = None
    style: Optional[Dict[str, Any]] = None


@attrs.define(kw_only=True)
class CodeWidgetData(Model):
    """A code widget's code, language, title and line-number switch."""

    code: Optional[str] = None
    language: Optional[str] = None
    line_numbers_visible: Optional[bool] = None
    title: Optional[str] = None


@attrs.define(kw_only=True, repr=False)
class CodeWidget(Item):
    """A code block on the board (experimental)."""

    _summary_fields = ("data.title", "data.language")

    data: Optional[CodeWidgetData] = None

    def move(
        self, x: Optional[float] = None, y: Optional[float] = None, *, parent: Any = None
    ) -> CodeWidget:
        """Move the widget to ``x``, ``y`` (its own position endpoint; no parent change)."""
        if parent is not None:
            raise InvalidArgumentType("code widgets move by x and y only")
        self._replace_with(self._require_collection().move(self.id, x=x, y=y))
        return self


for _type, _cls in (("mindmap_node", MindmapNode), ("code_widget", CodeWidget)):
    register_subtype(Item, _type, _cls)

MINDMAP_NODE = ItemType(
    type="mindmap_node",
    segment="mindmap_nodes",
    model=MindmapNode,
    create=p.Body(
        {"content": p.Param(("data", "nodeView", "data", "content"), p.TEXT)},
        p.POSITION,
        p.section("geometry", width=p.number(minimum=0)),
        p.PARENT,
        required=("content",),
        constants={("data", "nodeView", "data", "type"): "text"},
    ),
    update=None,
    operations={
        "create": "create-mindmap-nodes-experimental",
        "get": "get-mindmap-node-experimental",
        "delete": "delete-mindmap-node-experimental",
        "list": "get-mindmap-nodes-experimental",
    },
    schema="Mindmap",
    base_path=EXPERIMENTAL,
)
FLOWCHART_SHAPE = ItemType(
    type="shape",
    segment="shapes",
    model=Shape,
    create=SHAPE_FIELDS,
    update=SHAPE_FIELDS,
    operations={
        "create": "create-shape-item-flowchart",
        "get": "get-shape-item-flowchart",
        "update": "update-shape-item-flowchart",
        "delete": "delete-shape-item-flowchart",
    },
    schema="Shape",
    base_path=EXPERIMENTAL,
)
_CODE = p.Body(
    p.data(
        code=p.text(max_length=6000),
        language=p.TEXT,
        line_numbers_visible=p.BOOLEAN,
        title=p.text(max_length=100),
    ),
    p.POSITION,
    p.GEOMETRY,
    p.PARENT,
)
CODE_WIDGET = ItemType(
    type="code_widget",
    segment="code_widgets",
    model=CodeWidget,
    create=_CODE,
    update=_CODE,
    operations={
        "create": "create-code-widget-item",
        "get": "get-code-widget-item",
        "update": "update-code-widget-item",
        "delete": "delete-code-widget-item",
        "list": "get-code-widget-items",
        "move": "move-code-widget-item",
    },
    schema="CodeWidget",
    base_path=EXPERIMENTAL,
    create_body_optional=True,
)
EXPERIMENTAL_TYPES = (MINDMAP_NODE, FLOWCHART_SHAPE, CODE_WIDGET)


class ExperimentalItemTypeCollection(ItemTypeCollection[ItemT]):
    """An experimental item type's collection; lists through its own endpoint."""

    paging = BOARD_CONTENT_CURSOR

    def list(self, *, limit: Optional[int] = None) -> Paginator[ItemT]:
        """Every item of this type (cursor pages; ``limit`` 10..50)."""
        if "list" not in self.item_type.operations:
            raise TypeError(f"{self.item_type.segment} cannot be listed")
        return self._paginate(limit=limit)

    def page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[ItemT]:
        """One page, as the list endpoint returns it."""
        return self.list(limit=limit).page(cursor=cursor)

    def move(self, item_id: str, *, x: Optional[float] = None, y: Optional[float] = None) -> ItemT:
        """Move a code widget (``PATCH …/position`` with a bare ``{x, y}``)."""
        if "move" not in self.item_type.operations:
            raise TypeError(f"{self.item_type.segment} has no position endpoint")
        body = p.Body(p.top(x=p.NUMBER, y=p.NUMBER)).build({"x": x, "y": y})
        if not body:
            raise InvalidArgument("move needs x or y")
        return self.wrap(self.request("PATCH", self.url(item_id, "/position"), json=body))


class ExperimentalItems(Collection[Item]):
    """The experimental items endpoint: list (``type="shape"`` only), get, delete."""

    path = EXPERIMENTAL + "/boards/{board_id}/items"
    item_key = "item_id"
    model = Item
    paging = BOARD_CONTENT_CURSOR

    def list(self, *, type: Optional[str] = None, limit: Optional[int] = None) -> Paginator[Item]:
        """Every item the experimental endpoint returns (``type`` may only be ``shape``)."""
        return self._paginate(p.Body(p.top(type=p.choice("shape"))).check({"type": type}), limit)

    def page(
        self,
        *,
        type: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Item]:
        """One page of the experimental items list."""
        return self.list(type=type, limit=limit).page(cursor=cursor)

    def get(self, item_id: str) -> Item:
        """Get an item through the experimental endpoint."""
        return self._get(item_id)

    def delete(self, item_id: str) -> None:
        """Delete an item through the experimental endpoint."""
        self._delete(item_id)


class BoardExperimental:
    """``board.experimental``: a board's experimental collections."""

    def __init__(self, transport: Transport, board_id: str) -> None:
        self._transport = transport
        self.board_id = board_id

    def _typed(self, declaration: ItemType) -> ExperimentalItemTypeCollection[Any]:
        return ExperimentalItemTypeCollection(self._transport, declaration, board_id=self.board_id)

    @property
    def mindmap_nodes(self) -> ExperimentalMindmapNodes:
        """Mind-map nodes: ``create(content=..., parent=root, x=..., y=...)``, list, get, delete."""
        return cast("ExperimentalMindmapNodes", self._typed(MINDMAP_NODE))

    @property
    def flowchart_shapes(self) -> ExperimentalShapes:
        """Shapes through the experimental flowchart endpoint."""
        return cast("ExperimentalShapes", self._typed(FLOWCHART_SHAPE))

    @property
    def code_widgets(self) -> ExperimentalCodeWidgets:
        """Code widgets: create, list, get, update, delete, move."""
        return cast("ExperimentalCodeWidgets", self._typed(CODE_WIDGET))

    @property
    def items(self) -> ExperimentalItems:
        """The experimental items list, get and delete."""
        return ExperimentalItems(self._transport, board_id=self.board_id)


@attrs.define(kw_only=True)
class AppMetrics(Model):
    """Usage of an app over one period (or in total, with no ``period_start``)."""

    period_start: Optional[datetime.date] = None
    unique_users: Optional[int] = None
    unique_recurring_users: Optional[int] = None
    unique_organizations: Optional[int] = None
    installations: Optional[int] = None
    uninstallations: Optional[int] = None


def _date(name: str, value: Any) -> str:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            raise InvalidArgument(f"{name} must be a date like '2024-12-31'") from None
    raise InvalidArgumentType(f"{name} must be a datetime.date, got {type(value).__name__}")


_METRICS_QUERY = p.Body(
    p.top(start_date=_date, end_date=_date, period=p.choice("DAY", "WEEK", "MONTH")),
    required=("start_date", "end_date"),
)


class ApiExperimental:
    """``api.experimental``: app metrics (needs an app-management token)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def get_metrics(
        self, app_id: str, *, start_date: Any, end_date: Any, period: Optional[str] = None
    ) -> List[AppMetrics]:
        """Usage metrics of an app per ``period`` (DAY, WEEK, MONTH) between two dates."""
        query = _METRICS_QUERY.build(
            {"start_date": start_date, "end_date": end_date, "period": period}
        )
        path = expand(EXPERIMENTAL + "/apps/{app_id}/metrics", app_id=app_id)
        rows = self._transport.request("GET", path, params=query) or []
        return [structure(row, AppMetrics) for row in rows]

    def get_metrics_total(self, app_id: str) -> AppMetrics:
        """Usage metrics of an app since it was created."""
        path = expand(EXPERIMENTAL + "/apps/{app_id}/metrics-total", app_id=app_id)
        return structure(self._transport.request("GET", path) or {}, AppMetrics)
