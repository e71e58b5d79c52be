"""Official flat methods for connectors."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ..connectors import CONNECTOR_CHANGES, CONNECTOR_CREATE, Connector, Connectors
from ..core.pagination import Page
from . import shapes
from .base import flat, official, page_size


class ConnectorsFlat:
    """``create_connector``, ``get_connectors`` … as the official ``MiroApi`` names them."""

    def _connectors(self, board_id: str) -> Connectors:
        raise NotImplementedError  # provided by MiroApi

    @flat("create-connector", "board.connectors.create")
    def create_connector(self, board_id: str, connector_creation_data: Any) -> Connector:
        """Join two items (``ConnectorCreationData`` body)."""
        fields = CONNECTOR_CREATE.from_json(connector_creation_data, "connector_creation_data")
        return self._connectors(board_id).create(**fields)

    @flat("get-connectors", "board.connectors.page")
    def get_connectors(
        self, board_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[Connector]:
        """One page of a board's connectors."""
        return self._connectors(board_id).page(limit=page_size(limit), cursor=cursor)

    @official
    def get_all_connectors(self, board_id: str, limit: Any = None) -> Iterator[Connector]:
        """Every connector on a board, page after page."""
        return iter(self._connectors(board_id).list(limit=page_size(limit)))

    @flat("get-connector", "board.connectors.get")
    def get_connector(self, board_id: str, connector_id: str) -> Connector:
        """Get one connector."""
        return self._connectors(board_id).get(connector_id)

    @flat("update-connector", "connector.update")
    def update_connector(
        self, board_id: str, connector_id: str, connector_changes_data: Any
    ) -> Connector:
        """Change a connector (``ConnectorChangesData`` body)."""
        fields = CONNECTOR_CHANGES.from_json(connector_changes_data, "connector_changes_data")
        return self._connectors(board_id).update(connector_id, **fields)

    @flat("delete-connector", "connector.delete")
    def delete_connector(self, board_id: str, connector_id: str) -> object:
        """Delete a connector."""
        self._connectors(board_id).delete(connector_id)
        return shapes.EMPTY
