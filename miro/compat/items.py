"""Official flat methods for board items: generic ones by hand, per-type ones generated."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ..core.convert import snake
from ..core.pagination import Page
from ..items.base import ITEM_TYPES, MOVE, Item, ItemType, ItemTypeCollection
from ..items.collection import Items
from .base import REQUIRED, flat, generated, page_size


class ItemsFlat:
    """``get_items``, ``create_sticky_note_item`` … as the official ``MiroApi`` names them."""

    def _items(self, board_id: str) -> Items:
        raise NotImplementedError  # provided by MiroApi

    @flat("get-items", "board.items.page")
    def get_items(
        self,
        board_id: str,
        limit: Any = None,
        type: Optional[str] = None,
        cursor: Optional[str] = None,
    ) -> Page[Item]:
        """One page of a board's items (``.data``, ``.cursor``, ``.total`` …)."""
        return self._items(board_id).page(type=type, limit=page_size(limit), cursor=cursor)

    def get_all_items(
        self, board_id: str, limit: Any = None, type: Optional[str] = None
    ) -> Iterator[Item]:
        """Every item on a board (optionally of one type), page after page."""
        return iter(self._items(board_id).list(type=type, limit=page_size(limit)))

    @flat("get-items-within-frame", "frame.items")
    def get_items_within_frame(
        self,
        board_id_platform_containers: str,
        parent_item_id: str,
        limit: Any = None,
        type: Optional[str] = None,
        cursor: Optional[str] = None,
    ) -> Page[Item]:
        """One page of the items inside a frame."""
        items = self._items(board_id_platform_containers)
        return items.within(parent_item_id, type=type, limit=page_size(limit)).page(cursor=cursor)

    def get_all_items_within_frame(
        self, board_id: str, parent_item_id: str, limit: Any = None, type: Optional[str] = None
    ) -> Iterator[Item]:
        """Every item inside a frame, page after page."""
        return iter(self._items(board_id).within(parent_item_id, type=type, limit=page_size(limit)))

    @flat("get-specific-item", "board.items.get")
    def get_specific_item(self, board_id: str, item_id: str) -> Item:
        """Get any item, as its typed class."""
        return self._items(board_id).get(item_id)

    @flat("update-item-position-or-parent", "item.move")
    def update_item_position_or_parent(
        self, board_id: str, item_id: str, generic_item_update: Any
    ) -> Item:
        """Move an item or change its parent frame (``GenericItemUpdate`` body)."""
        move = MOVE.from_json(generic_item_update, "generic_item_update")
        return self._items(board_id).move(item_id, **move)

    @flat("delete-item", "item.delete")
    def delete_item(self, board_id: str, item_id: str) -> None:
        """Delete any item."""
        self._items(board_id).delete(item_id)


def _typed(api: Any, declaration: ItemType, board_id: str) -> ItemTypeCollection:
    return getattr(api._items(board_id), _attribute(declaration))


def _attribute(declaration: ItemType) -> str:
    return {"docs": "doc_formats"}.get(declaration.segment, declaration.segment)


def _install(declaration: ItemType) -> None:
    """Add the flat create/get/update/delete methods of one item type to ``ItemsFlat``."""
    ops = declaration.operations
    fluent = f"board.items.{_attribute(declaration)}"
    label = declaration.type.replace("_", " ")

    def create(api: Any, board_id: str, body: Any) -> Item:
        kwargs = declaration.create.from_json(body, create_body)
        return _typed(api, declaration, board_id).create(**kwargs)

    def get(api: Any, board_id: str, item_id: str, **query: Any) -> Item:
        return _typed(api, declaration, board_id).get(item_id, **query)

    def update(api: Any, board_id: str, item_id: str, body: Any) -> Item:
        assert declaration.update is not None
        kwargs = declaration.update.from_json(body, update_body)
        return _typed(api, declaration, board_id).update(item_id, **kwargs)

    def delete(api: Any, board_id: str, item_id: str) -> None:
        _typed(api, declaration, board_id).delete(item_id)

    create_body = snake(f"{declaration.schema}CreateRequest")
    update_body = snake(f"{declaration.schema}UpdateRequest")
    query = [(snake(name), None) for name in declaration.get_params]
    methods = [
        generated(
            ops["create"],
            f"{fluent}.create",
            [("board_id", REQUIRED), (create_body, REQUIRED)],
            lambda api, board_id, **kw: create(api, board_id, kw[create_body]),
            f"Create a {label} item from a ``{declaration.schema}CreateRequest`` body.",
        ),
        generated(
            ops["get"],
            f"{fluent}.get",
            [("board_id", REQUIRED), ("item_id", REQUIRED)] + query,
            get,
            f"Get a {label} item.",
        ),
        generated(
            ops["delete"],
            f"{fluent}.delete",
            [("board_id", REQUIRED), ("item_id", REQUIRED)],
            delete,
            f"Delete a {label} item.",
        ),
    ]
    if "update" in ops:
        methods.append(
            generated(
                ops["update"],
                f"{fluent}.update",
                [("board_id", REQUIRED), ("item_id", REQUIRED), (update_body, REQUIRED)],
                lambda api, board_id, item_id, **kw: update(
                    api, board_id, item_id, kw[update_body]
                ),
                f"Update a {label} item from a ``{declaration.schema}UpdateRequest`` body.",
            )
        )
    for method in methods:
        setattr(ItemsFlat, method.__name__, method)


for _declaration in list(ITEM_TYPES.values()):
    if _declaration.base_path == "/v2":
        _install(_declaration)
