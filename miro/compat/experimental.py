"""Official flat methods for the experimental endpoints (``/v2-experimental``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Optional

from ..core.pagination import Page
from ..core.params import json_object
from ..errors import InvalidArgumentType
from ..experimental import (
    CODE_WIDGET,
    FLOWCHART_SHAPE,
    MINDMAP_NODE,
    ApiExperimental,
    AppMetrics,
    BoardExperimental,
    CodeWidget,
    MindmapNode,
)
from ..items.base import Item
from . import shapes
from ._item_methods import ExperimentalItemMethods
from .base import flat, page_size
from .items import Access, install


class ExperimentalFlat(ExperimentalItemMethods):
    """``get_items_experimental``, ``move_code_widget_item``, ``get_metrics`` …"""

    if TYPE_CHECKING:  # MiroApi provides it

        @property
        def experimental(self) -> ApiExperimental:
            """The fluent root the flat methods go through."""

    def _experimental(self, board_id: str) -> BoardExperimental:
        raise NotImplementedError  # provided by MiroApi

    @flat("get-items-experimental", "board.experimental.items.page")
    def get_items_experimental(
        self,
        board_id: str,
        limit: Any = None,
        type: Optional[str] = None,
        cursor: Optional[str] = None,
    ) -> Page[Item]:
        """One page of the experimental items list (``type`` may only be ``shape``)."""
        items = self._experimental(board_id).items
        return items.page(type=type, limit=page_size(limit), cursor=cursor)

    @flat("get-specific-item-experimental", "board.experimental.items.get")
    def get_specific_item_experimental(self, board_id: str, item_id: str) -> Item:
        """Get an item through the experimental endpoint."""
        return self._experimental(board_id).items.get(item_id)

    @flat("delete-item-experimental", "board.experimental.items.delete")
    def delete_item_experimental(self, board_id: str, item_id: str) -> object:
        """Delete an item through the experimental endpoint."""
        self._experimental(board_id).items.delete(item_id)
        return shapes.EMPTY

    @flat("get-mindmap-nodes-experimental", "board.experimental.mindmap_nodes.page")
    def get_mindmap_nodes_experimental(
        self, board_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[MindmapNode]:
        """One page of a board's mind-map nodes."""
        nodes = self._experimental(board_id).mindmap_nodes
        return nodes.page(limit=page_size(limit), cursor=cursor)

    @flat("get-code-widget-items", "board.experimental.code_widgets.page")
    def get_code_widget_items(
        self, board_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[CodeWidget]:
        """One page of a board's code widgets."""
        widgets = self._experimental(board_id).code_widgets
        return widgets.page(limit=page_size(limit), cursor=cursor)

    @flat("move-code-widget-item", "code_widget.move")
    def move_code_widget_item(self, board_id: str, item_id: str, position_change: Any) -> Item:
        """Move a code widget (``{"x": …, "y": …}``)."""
        position = json_object("position_change", position_change)
        unknown = set(position) - {"x", "y"}
        if unknown:
            raise InvalidArgumentType(f"position_change: unknown field {sorted(unknown)[0]!r}")
        return self._experimental(board_id).code_widgets.move(item_id, **position)

    @flat("get-metrics", "api.experimental.get_metrics")
    def get_metrics(
        self, app_id: str, start_date: Any, end_date: Any, period: Optional[str] = None
    ) -> List[AppMetrics]:
        """Usage metrics of an app per period (needs an app-management token)."""
        return self.experimental.get_metrics(
            app_id, start_date=start_date, end_date=end_date, period=period
        )

    @flat("get-metrics-total", "api.experimental.get_metrics_total")
    def get_metrics_total(self, app_id: str) -> AppMetrics:
        """Usage metrics of an app since it was created (needs an app-management token)."""
        return self.experimental.get_metrics_total(app_id)


def _access(attribute: str) -> Access:
    return lambda api, board_id: getattr(api._experimental(board_id), attribute)


for _attribute, _declaration in (
    ("mindmap_nodes", MINDMAP_NODE),
    ("flowchart_shapes", FLOWCHART_SHAPE),
    ("code_widgets", CODE_WIDGET),
):
    install(ExperimentalFlat, _declaration, f"board.experimental.{_attribute}", _access(_attribute))
