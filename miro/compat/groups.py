"""Official flat methods for groups of board items."""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional

from ..core import params as p
from ..core.official import OfficialDict
from ..core.pagination import GROUP_CURSOR, Page
from ..errors import InvalidArgument
from ..groups import GROUP_BODY, Group, Groups
from ..items.collection import Items
from . import shapes
from .base import flat, page_size


class GroupsFlat:
    """``create_group``, ``un_group`` … as the official ``MiroApi`` names them.

    The body is ``{"data": {"items": [ids…]}}``: what Miro takes, not the user-group
    schema the current spec wrongly names (API-NOTES §3.9).
    """

    def _groups(self, board_id: str) -> Groups:
        raise NotImplementedError  # provided by MiroApi

    @flat("createGroup", "board.groups.create")
    def create_group(self, board_id: str, group: Any) -> Group:
        """Group items (``{"data": {"items": [...]}}``)."""
        return self._groups(board_id).create(**GROUP_BODY.from_json(group, "group"))

    @flat("get-all-groups", "board.groups.list")
    def get_all_groups(
        self, board_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> Page[Group]:
        """One page of a board's groups."""
        return self._groups(board_id).list(limit=page_size(limit)).page(cursor=cursor)

    @flat("getItemsByGroupId", "group.items")
    def get_items_by_group_id(
        self, board_id: str, group_item_id: str, limit: Any = None, cursor: Optional[str] = None
    ) -> OfficialDict:
        """One page of a group's items, in Miro's envelope (``.data.data[0].data``, as the
        official client gives it; ``board.groups.items_of(...)`` streams them flat)."""
        groups = self._groups(board_id)
        query: Dict[str, Any] = {"group_item_id": p.ID("group_item_id", group_item_id)}
        if limit is not None:
            size = page_size(limit)
            query["limit"] = GROUP_CURSOR.wire(GROUP_CURSOR.check_limit(size))
        if cursor:
            query["cursor"] = cursor
        raw = groups.request("GET", groups.url() + "/items", params=query)
        return _envelope(raw, Items(groups.transport, board_id=board_id).wrap)

    @flat("getGroupById", "board.groups.get")
    def get_group_by_id(self, board_id: str, group_id: str) -> Group:
        """Get one group."""
        return self._groups(board_id).get(group_id)

    @flat("updateGroup", "group.update")
    def update_group(self, board_id: str, group_id: str, group: Any) -> Group:
        """Replace a group's items; the answer carries its new id."""
        return self._groups(board_id).update(group_id, **GROUP_BODY.from_json(group, "group"))

    @flat("unGroup", "group.ungroup")
    def un_group(self, board_id: str, group_id: str, delete_items: Optional[bool] = None) -> object:
        """Dissolve a group (keeping its items unless ``delete_items``)."""
        if delete_items:
            self._groups(board_id).delete(group_id)
        else:
            self._groups(board_id).ungroup(group_id)
        return shapes.EMPTY

    @flat("deleteGroup", "group.delete")
    def delete_group(self, board_id: str, group_id: str, delete_items: bool) -> object:
        """Delete a group and its items (``delete_items`` must be true)."""
        if delete_items is not True:
            raise InvalidArgument("delete_group deletes the items too: pass delete_items=True")
        self._groups(board_id).delete(group_id)
        return shapes.EMPTY


def _envelope(node: Any, item: Callable[[Any], Any]) -> Any:
    """The group-items answer with its items as models (any nesting the spec allows)."""
    if isinstance(node, list):
        return [_envelope(entry, item) for entry in node]
    if not isinstance(node, dict):
        return node
    if "id" in node and node.get("type") not in (None, "group"):
        return item(node)
    return OfficialDict.of({k: _envelope(v, item) for k, v in node.items()})
