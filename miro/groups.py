"""Groups of board items: ``board.groups``.

The body Miro takes is ``{"data": {"items": [ids…]}}`` (its 2024-05-07 changelog); the
current spec wrongly points it at the enterprise user-group schema (API-NOTES §3.9). A group
needs at least two items. Updating a group replaces its items and gives it a new id;
``ungroup`` keeps the items, ``delete`` removes the group and its items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, List, Optional

import attrs

from .core import params as p
from .core.pagination import GROUP_CURSOR, Paginator
from .core.resource import Collection, Model, Resource
from .core.signatures import declared
from .models import Links

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._declared import GroupItems  # the keywords of create/update (generated)
    from .items.base import Item

#: The fields the spec declares for this body: those of the user-group ``Group`` schema
#: (API-NOTES §3.9). A JSON body written from the spec may carry them; they are accepted and
#: left out of the request, since Miro reads only ``data.items``.
SPEC_GROUP_FIELDS = ("id", "name", "description", "type")

#: The body of create and update: the ids of at least two items.
GROUP_BODY = p.Body(
    {"items": p.Param(("data", "items"), p.list_of(p.ID, min_items=2))},
    required=("items",),
    ignored=[(field,) for field in SPEC_GROUP_FIELDS],
)


@attrs.define(kw_only=True)
class GroupData(Model):
    """The ids of a group's items."""

    items: Optional[List[str]] = None


@attrs.define(kw_only=True, repr=False)
class Group(Resource):
    """Items grouped so they move together."""

    type: Optional[str] = None
    data: Optional[GroupData] = None
    links: Optional[Links] = None

    @property
    def item_ids(self) -> List[str]:
        """The ids of the grouped items, as last read."""
        return list(self.data.items or []) if self.data else []

    def __repr__(self) -> str:
        return f"Group(id={self.id!r}, items={len(self.item_ids)})"

    @property
    def items(self) -> Paginator[Item]:
        """The grouped items themselves (cursor pages, fetched as you iterate)."""
        return self._require_collection().items_of(self.id)

    @declared(GROUP_BODY)
    def update(self, **fields: Unpack[GroupItems]) -> Group:
        """Replace the group's items; Miro gives the group a new id, which this object takes."""
        self._replace_with(self._require_collection().update(self.id, **fields))
        return self

    def ungroup(self) -> None:
        """Dissolve the group, keeping its items."""
        self._require_collection().ungroup(self.id)

    def delete(self) -> None:
        """Delete the group and every item in it (locked items included)."""
        self._require_collection().delete(self.id)


class Groups(Collection[Group]):
    """``board.groups``: group items, list groups, read, regroup, ungroup, delete."""

    path = "/v2/boards/{board_id}/groups"
    item_key = "group_id"
    model = Group
    paging = GROUP_CURSOR

    @property
    def board_id(self) -> str:
        """The board these groups are on."""
        return str(self._parents["board_id"])

    @declared(GROUP_BODY)
    def create(self, **fields: Unpack[GroupItems]) -> Group:
        """Group ``items`` (at least two items or item ids); returns the group."""
        return self._create(GROUP_BODY.build(fields))

    def list(self, *, limit: Optional[int] = None) -> Paginator[Group]:
        """Every group on the board (cursor pages; ``limit`` 10..50)."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[Group]:
        return iter(self.list())

    def get(self, group_id: str) -> Group:
        """Get one group."""
        return self._get(group_id)

    def items_of(self, group: Any, *, limit: Optional[int] = None) -> Paginator[Item]:
        """The items of ``group`` (a group or its id)."""
        from .items.base import BoardItems

        items = BoardItems(self.transport, board_id=self.board_id)
        filters = {"group_item_id": p.ID("group", group)}
        return Paginator(
            lambda query: _group_items_page(
                self.request("GET", self.url() + "/items", params=query)
            ),
            items.wrap,
            GROUP_CURSOR,
            filters,
            limit,
        )

    @declared(GROUP_BODY)
    def update(self, group_id: str, **fields: Unpack[GroupItems]) -> Group:
        """Replace a group's items (``PUT``); the answer carries the group's new id."""
        return self._update(group_id, GROUP_BODY.build(fields), method="PUT")

    def ungroup(self, group_id: str) -> None:
        """Dissolve a group, keeping its items."""
        self._delete(group_id, params={"delete_items": False})

    def delete(self, group_id: str) -> None:
        """Delete a group together with its items."""
        self._delete(group_id, params={"delete_items": True})


def _group_items_page(body: Any) -> Any:
    """Flatten the group-items answer into a plain page of items.

    The spec nests it: ``{data: {id, type: "group", data: [page…]}}`` where each page is an
    ``ItemPagedResponse`` (``{data: [item…], …}``); items may also come directly.
    """
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        return body
    items = []
    for entry in body["data"].get("data") or []:
        if isinstance(entry, dict) and "id" not in entry and isinstance(entry.get("data"), list):
            items.extend(entry["data"])
        else:
            items.append(entry)
    return dict(body, data=items)
