"""Official flat methods for board items: generic ones by hand, per-type ones generated."""

from __future__ import annotations

import json
import os
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from ..core.convert import snake
from ..core.official import OfficialDict
from ..core.pagination import Page
from ..core.params import json_object
from ..errors import InvalidArgument, InvalidArgumentType
from ..items.base import ITEM_TYPES, MOVE, Item, ItemType, ItemTypeCollection
from ..items.bulk import MAX_ITEMS_PER_REQUEST, ItemSpec, Upload, check_list
from ..items.collection import Items
from ..items.uploads import DOCUMENT_UPLOAD, IMAGE_UPLOAD
from . import shapes
from ._item_methods import ItemMethods
from .base import REQUIRED, FileArgument, JsonBody, flat, generated, official, page_size


class ItemsFlat(ItemMethods):
    """``get_items``, ``create_sticky_note_item`` … as the official ``MiroApi`` names them.

    The per-type methods are generated (:func:`install`); :class:`ItemMethods` declares
    them for type checkers."""

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

    @official
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

    @official
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
    def delete_item(self, board_id: str, item_id: str) -> object:
        """Delete any item."""
        self._items(board_id).delete(item_id)
        return shapes.EMPTY

    @flat("create-items", "board.items.create_many")
    def create_items(self, board_id: str, item_create: Any) -> OfficialDict:
        """Create up to 20 items in one all-or-nothing request (a list of ``ItemCreate``);
        the items are the answer's ``.data`` (the official ``Items``).

        Like the official method this is one atomic request: any iterable (a generator
        too) of more than 20 is refused before sending, never split silently.
        """
        check_list(item_create, "item_create")
        item_create = [_official_body(f"item_create[{i}]", v) for i, v in enumerate(item_create)]
        if isinstance(item_create, list) and len(item_create) > MAX_ITEMS_PER_REQUEST:
            raise InvalidArgument(
                f"item_create takes at most {MAX_ITEMS_PER_REQUEST} items; "
                "board.items.create_many sends more in several requests"
            )
        return shapes.bulk_list(self._items(board_id).create_many(item_create))

    @flat("create-items-in-bulk-using-file-from-device", "board.items.upload_many")
    def create_items_in_bulk_using_file_from_device(
        self, board_id: str, data: Any, resources: Any
    ) -> OfficialDict:
        """Create images and documents from files: ``data`` is the JSON list describing
        them (a list, JSON text or a JSON file), ``resources`` the files in the same order;
        the items are the answer's ``.data``."""
        described = _json_list(data)
        check_list(resources, "resources")
        files = list(resources)
        if len(described) != len(files):
            raise InvalidArgument(
                f"data describes {len(described)} items but {len(files)} resources were given"
            )
        uploads = []
        for i, (entry, file) in enumerate(zip(described, files)):
            source, filename = _source(file)
            uploads.append(Upload(source, filename=filename, **_upload_fields(entry, f"data[{i}]")))
        return shapes.bulk_list(self._items(board_id).upload_many(uploads))


def _official_body(name: str, value: Any) -> Any:
    """An official model (``ItemCreate``) as its JSON; anything else as it is."""
    if isinstance(value, (dict, ItemSpec)) or not callable(getattr(value, "to_dict", None)):
        return value
    return json_object(name, value)


def _json_list(data: Any) -> List[Any]:
    """The bulk-upload description: a list, JSON text/bytes, a JSON file path or file object."""
    if isinstance(data, (str, os.PathLike)) and os.path.isfile(data):
        with open(data, "rb") as handle:
            data = handle.read()
    elif hasattr(data, "read"):
        data = data.read()
    if isinstance(data, (bytes, str)):
        try:
            data = json.loads(data)
        except ValueError:
            raise InvalidArgument("data must be a JSON list, or the path of a JSON file") from None
    if not isinstance(data, list):
        raise InvalidArgumentType("data must be a JSON list of item descriptions")
    return data


def _source(value: Any) -> Tuple[Any, Optional[str]]:
    """An official-client file argument (a path, or ``(filename, bytes)``) as (source, name)."""
    if isinstance(value, tuple) and len(value) == 2:
        return value[1], value[0]
    return value, None


def _upload_fields(entry: Any, name: str) -> Dict[str, Any]:
    if not isinstance(entry, dict):
        raise InvalidArgumentType(f"{name} must be an object")
    kind = entry.get("type")
    spec = IMAGE_UPLOAD if kind == "image" else DOCUMENT_UPLOAD
    rest = {k: v for k, v in entry.items() if k != "type"}
    return dict(spec.from_json(rest, name), type=kind)


def _upload(
    collection: ItemTypeCollection, file: Any, data: Any, spec: Any, item_id: Any = None
) -> Item:
    fields = spec.from_json(data, "data")
    source, filename = _source(file)
    if item_id is None:
        return collection.upload(source, filename=filename, **fields)
    return collection.update_file(item_id, source, filename=filename, **fields)


Access = Callable[[Any, str], ItemTypeCollection]


def install(target: type, declaration: ItemType, fluent: str, access: Access) -> None:
    """Add the flat methods of one item type (create/get/update/delete, uploads) to
    ``target``; ``access(api, board_id)`` gives the type's collection."""
    ops = declaration.operations
    label = declaration.type.replace("_", " ")
    create_body = snake(f"{declaration.schema}CreateRequest")
    update_body = snake(f"{declaration.schema}UpdateRequest")
    board, item = ("board_id", REQUIRED, str), ("item_id", REQUIRED, str)
    model = declaration.model

    def create(api: Any, board_id: str, **body: Any) -> Item:
        kwargs = declaration.create.from_json(body[create_body], create_body)
        return access(api, board_id).create(**kwargs)

    def get(api: Any, board_id: str, item_id: str, **query: Any) -> Item:
        return access(api, board_id).get(item_id, **query)

    def update(api: Any, board_id: str, item_id: str, **body: Any) -> Item:
        assert declaration.update is not None
        kwargs = declaration.update.from_json(body[update_body], update_body)
        return access(api, board_id).update(item_id, **kwargs)

    def delete(api: Any, board_id: str, item_id: str) -> None:
        access(api, board_id).delete(item_id)

    create_default = None if declaration.create_body_optional else REQUIRED
    query = [(snake(name), None, Optional[str]) for name in declaration.get_params]
    schema = declaration.schema
    methods = [
        generated(
            ops["create"], f"{fluent}.create", [board, (create_body, create_default, JsonBody)],
            create, f"Create a {label} item from a ``{schema}CreateRequest`` body.", model,
        ),
        generated(
            ops["get"], f"{fluent}.get", [board, item, *query], get, f"Get a {label} item.", model
        ),
        generated(
            ops["delete"], f"{fluent}.delete", [board, item], delete, f"Delete a {label} item.",
            None,
        ),
    ]  # fmt: skip
    if "update" in ops:
        methods.append(
            generated(
                ops["update"], f"{fluent}.update", [board, item, (update_body, REQUIRED, JsonBody)],
                update, f"Update a {label} item from a ``{schema}UpdateRequest`` body.", model,
            )
        )  # fmt: skip
    if "upload" in ops:
        methods += _upload_methods(declaration, fluent, access, label)
    for method in methods:
        setattr(target, method.__name__, method)


def _upload_methods(declaration: ItemType, fluent: str, access: Access, label: str) -> List[Any]:
    """The flat create/update-from-file methods of images and documents."""
    ops = declaration.operations
    create_spec, update_spec = declaration.upload, declaration.upload_update
    board = ("board_id_platform_file_upload", REQUIRED, str)
    file = [("resource", REQUIRED, FileArgument), ("data", None, JsonBody)]
    model = declaration.model

    def upload(api: Any, board_id_platform_file_upload: str, resource: Any, data: Any) -> Item:
        collection = access(api, board_id_platform_file_upload)
        return _upload(collection, resource, data, create_spec)

    def update_file(
        api: Any, board_id_platform_file_upload: str, item_id: str, resource: Any, data: Any
    ) -> Item:
        collection = access(api, board_id_platform_file_upload)
        return _upload(collection, resource, data, update_spec, item_id)

    return [
        generated(
            ops["upload"], f"{fluent}.upload", [board, *file], upload,
            f"Create a {label} item from a local file (``resource``: a path or (name, bytes)).",
            model,
        ),
        generated(
            ops["update_file"], f"{fluent}.update_file",
            [board, ("item_id", REQUIRED, str), *file], update_file,
            f"Replace the file of a {label} item.", model,
        ),
    ]  # fmt: skip


def _stable(attribute: str) -> Access:
    return lambda api, board_id: getattr(api._items(board_id), attribute)


for _declaration in list(ITEM_TYPES.values()):
    _attribute = {"docs": "doc_formats"}.get(_declaration.segment, _declaration.segment)
    install(ItemsFlat, _declaration, f"board.items.{_attribute}", _stable(_attribute))
