"""Board items: the generic :class:`Item`, item-type declarations and their collections.

Each item type (sticky note, shape, …) is declared once as an :class:`ItemType`: its JSON
``type``, URL segment, model class, what create and update accept, and the spec
operations behind them. :class:`ItemTypeCollection` turns a declaration into
``create/get/update/delete`` (``board.items.sticky_notes``), and the flat ``MiroApi``
methods are generated from the same declarations.
"""

from __future__ import annotations

import datetime
import importlib
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    cast,
)

import attrs

from ..core import geometry
from ..core import params as p
from ..core.convert import (
    WrongShape,
    malformed,
    polymorphic,
    register_subtype,
    structure,
    structurer,
)
from ..core.pagination import BOARD_CONTENT_CURSOR, BOARD_OFFSET, Page, Paginator
from ..core.resource import Collection, Resource
from ..core.signatures import Declaration, DeclaredVerb, declared
from ..errors import InvalidArgument
from ..models import Geometry, Links, ParentRef, Position, UserRef

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._declared import ConnectorFromItem
    from ..connectors import Connector, ItemConnectors
    from ..tags import ItemTags
    from ._declared import ItemVerbs  # update's keywords per item type (generated)
else:
    ItemVerbs = object


def _connector_from_item() -> p.Body:
    """What ``item.connect_to`` accepts: the connector body without its ends (the
    connectors module loads when the method is first looked up, not with every item)."""
    from ..connectors import CONNECTOR_FROM_ITEM

    return CONNECTOR_FROM_ITEM


ItemT = TypeVar("ItemT", bound="Item")

#: The ``type`` filter values of ``GET /v2/boards/{board_id}/items``.
LISTABLE_TYPES = (
    "text",
    "shape",
    "sticky_note",
    "image",
    "document",
    "card",
    "app_card",
    "preview",
    "frame",
    "embed",
    "doc_format",
    "data_table_format",
)

#: Where a move sends an item (``GenericItemUpdate``).
MOVE = p.Body(p.POSITION, p.PARENT)


@attrs.define(kw_only=True, repr=False)
class Item(Resource, ItemVerbs):
    """Any board item. Typed subclasses (``StickyNote`` …) give ``data``/``style`` fields;
    an item of a type this SDK does not know yet arrives as a plain ``Item`` with the
    JSON of ``data`` and ``style`` kept as dicts."""

    type: str = ""
    data: Any = None
    style: Any = None
    position: Optional[Position] = None
    geometry: Optional[Geometry] = None
    parent: Optional[ParentRef] = None
    created_at: Optional[datetime.datetime] = None
    created_by: Optional[UserRef] = None
    modified_at: Optional[datetime.datetime] = None
    modified_by: Optional[UserRef] = None
    links: Optional[Links] = None

    _summary_fields: ClassVar[Tuple[str, ...]] = ("type",)
    #: The display add-on shows it as an item (see ``miro.core.public.shown_as``).
    _shown_as: ClassVar[str] = "item"
    #: The parent frame, once known (set by board-wide walks, or fetched once on demand).
    _parent_item: Any = attrs.field(default=None, init=False, eq=False, repr=False)
    #: Tag titles, once a board-wide walk has read them (``to_dataframe``, ``snapshot``).
    _known_tags: Any = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def board_id(self) -> str:
        """The id of the board this item is on."""
        return str(self._require_collection().board_id)

    def _board_items(self) -> BoardItems:
        collection = self._require_collection()
        return BoardItems(collection.transport, board_id=collection.board_id)

    @property
    def connectors(self) -> ItemConnectors:
        """The connectors that start or end at this item (lazy; walks the board's list)."""
        from ..connectors import Connectors

        collection = self._require_collection()
        return Connectors(collection.transport, board_id=collection.board_id).touching(self.id)

    @declared(_connector_from_item)
    def connect_to(self, other: Any, **fields: Unpack[ConnectorFromItem]) -> Connector:
        """Draw a connector from this item to ``other`` (an item or id); returns it."""
        if self.type == "frame":
            raise InvalidArgument("connectors cannot start at a frame")
        return self.connectors.create(to=other, **fields)

    @property
    def tags(self) -> ItemTags:
        """This item's tags: iterate, ``attach(tag)``, ``detach(tag)``."""
        from ..tags import Tags
        from .item_tags import RememberedTags

        collection = self._require_collection()
        tags = Tags(collection.transport, board_id=collection.board_id, board_items=BoardItems)
        return RememberedTags(tags, self)

    def refresh(self: ItemT) -> ItemT:
        """Reload this item from Miro."""
        self._replace_with(self._require_collection().get(self.id))
        return self

    def _update(self, **changes: Any) -> Item:
        """Change this item (the keywords its type's create accepts); updates this object."""
        collection = self._require_collection()
        if not isinstance(collection, ItemTypeCollection):
            raise TypeError(
                f"items of type {self.type!r} cannot be updated by this SDK; use move()"
            )
        self._replace_with(collection.update(self.id, **changes))
        return self

    if not TYPE_CHECKING:  # type checkers see ItemVerbs.update: the keywords of each type
        #: ``note.update(content=...)``, with its type's keywords in ``help()`` (issue #11).
        update = DeclaredVerb(
            _update,
            choose=lambda item: _declared(
                ITEM_TYPES.get(item.type), "update", "Change this {}; updates this object."
            ),
        )

    def move(
        self: ItemT, x: Optional[float] = None, y: Optional[float] = None, *, parent: Any = None
    ) -> ItemT:
        """Move the item to ``x``, ``y`` and/or into the frame ``parent``; updates this object.

        Inside a frame, coordinates are measured from the frame's top-left corner.
        """
        fresh = self._board_items().move(self.id, x=x, y=y, parent=parent)
        self._replace_with(fresh)
        return self

    def delete(self) -> None:
        """Delete the item from the board."""
        self._require_collection().delete(self.id)

    # --- absolute coordinates (issue #11) -------------------------------------------------
    @property
    def absolute_position(self) -> Position:
        """The item's centre in board coordinates (origin: the board's centre).

        A child's ``position`` is measured from its frame's top-left corner; this adds the
        frame's. The frame is taken from the board-wide walk that produced this item
        (``in_region``, ``sketch``, ``snapshot``) or else fetched once and remembered.
        """
        x, y = geometry.absolute_center(self, _parent_of)
        return Position(x=x, y=y, origin="center", relative_to="canvas_center")

    @property
    def absolute_box(self) -> Tuple[float, float, float, float]:
        """The unrotated bounding box ``(x0, y0, x1, y1)`` in board coordinates."""
        return geometry.box(self, _parent_of)

    # --- end absolute coordinates ---------------------------------------------------------

    # ``image.replace_file(path, title=...)``, with its type's keywords in ``help()``.
    @declared(
        choose=lambda item: _declared(
            ITEM_TYPES.get(item.type),
            "upload_update",
            "Upload a new file for this {} (a path, a binary file object, or bytes named by "
            "filename=); updates this object.",
        )
    )
    def replace_file(
        self: ItemT, source: Any, *, filename: Optional[str] = None, **fields: Any
    ) -> ItemT:
        """Upload a new file for this image or document; updates this object."""
        collection = self._require_collection()
        self._replace_with(collection.update_file(self.id, source, filename=filename, **fields))
        return self


# JSON with a known "type" becomes that type's class, its module loaded on first sight.
polymorphic(Item, load=lambda type_name: _model_of(type_name))


def _parent_of(item: Any) -> Any:
    """The parent of ``item``: the one a walk attached, else one GET, remembered."""
    wanted = geometry.parent_id(item)
    known = getattr(item, "_parent_item", None)
    if known is not None and known.id == wanted:
        return known
    if getattr(item, "_collection", None) is None:
        raise LookupError(
            f"item {item.id} sits in frame {wanted}, which is unknown and cannot be fetched: "
            "the item is not bound to a client"
        )
    parent = item._board_items().get(wanted)
    item._parent_item = parent
    return parent


@attrs.frozen
class ItemType:
    """The declaration of one item type.

    Attributes:
        type: the JSON ``type`` value (``sticky_note``).
        segment: the URL segment of its collection (``sticky_notes``).
        model: the class responses are read into.
        create: what create accepts; ``update`` likewise (None: no update endpoint).
        operations: spec operationIds by verb (create/get/update/delete).
        schema: prefix of the request-body schema names (``StickyNote`` →
            ``StickyNoteCreateRequest``), which name the official body arguments.
        get_params: extra query parameters of get (name → check).
        base_path: the API version root (``/v2`` or ``/v2-experimental``).
        upload, upload_update: the ``data`` part of a create / update from a local file,
            for types that take one (images, documents).
        create_body_optional: the spec lets create be sent without a body.
    """

    type: str
    segment: str
    model: Type[Item]
    create: p.Body
    update: Optional[p.Body]
    operations: Mapping[str, str]
    schema: str
    get_params: Mapping[str, p.Check] = attrs.field(factory=dict)
    base_path: str = "/v2"
    upload: Optional[p.Body] = None
    upload_update: Optional[p.Body] = None
    create_body_optional: bool = False

    @property
    def path(self) -> str:
        """The collection's URL template."""
        return f"{self.base_path}/boards/{{board_id}}/{self.segment}"


class ItemTypes(Mapping[str, ItemType]):
    """The declared item types by JSON ``type``, each loaded the first time it is asked for.

    A type's module (its model, structure function and create/update declarations) is
    imported on the first lookup of its name, or the first item of that type a response
    holds: a board of sticky notes never loads the card models. Iterating loads them all.
    The modules are named by :mod:`miro.items` (:func:`declare_modules`)."""

    def __init__(self) -> None:
        self._loaded: Dict[str, ItemType] = {}
        self._modules: Dict[str, str] = {}

    def declare_modules(self, modules: Mapping[str, str]) -> None:
        """Name the module that declares each type (``"sticky_note"`` → its module)."""
        self._modules.update(modules)

    def register(self, declaration: ItemType) -> None:
        """Record a declared type (done by :func:`item_type` when its module runs)."""
        self._loaded[declaration.type] = declaration

    def __getitem__(self, type_name: str) -> ItemType:
        found = self._loaded.get(type_name)
        if found is None:
            module = self._modules.get(type_name)
            if module is None:
                raise KeyError(type_name)
            importlib.import_module(module)
            found = self._loaded[type_name]
        return found

    def get(self, type_name: Any, default: Any = None) -> Any:
        """The declaration of ``type_name`` (loading it), or ``default``."""
        found = self._loaded.get(type_name)
        if found is None and type_name in self._modules:
            found = self[type_name]
        return default if found is None else found

    def load_all(self) -> Dict[str, ItemType]:
        """Every declared type, all loaded (sorted by name)."""
        for type_name in sorted(self._modules):
            self[type_name]
        return dict(sorted(self._loaded.items()))

    def __iter__(self) -> Iterator[str]:
        return iter(self.load_all())

    def __len__(self) -> int:
        return len(self.load_all())

    def __contains__(self, type_name: object) -> bool:
        return type_name in self._loaded or type_name in self._modules

    def loaded(self) -> List[str]:
        """The names of the types loaded so far (sorted)."""
        return sorted(self._loaded)


#: The item types, by JSON ``type``: ``ITEM_TYPES["sticky_note"]`` loads and gives its
#: declaration.
ITEM_TYPES: ItemTypes = ItemTypes()


def _model_of(type_name: Any) -> Optional[type]:
    """The model for ``type_name``, loading its module (None: a type we do not declare)."""
    declaration = ITEM_TYPES.get(type_name) if type_name.__class__ is str else None
    return None if declaration is None else declaration.model


def _declared(declaration: Optional[ItemType], verb: str, summary: str) -> Optional[Declaration]:
    """What an item type declares for ``verb`` (its ``create``, ``update``, ``upload`` or
    ``upload_update`` body), for a method's signature; None when it declares nothing."""
    body = getattr(declaration, verb) if declaration is not None else None
    if declaration is None or body is None:
        return None
    key = (declaration.base_path, declaration.type)
    return key, body, summary.format(declaration.type.replace("_", " "))


def item_type(declaration: ItemType) -> ItemType:
    """Register an item type: responses with its ``type`` become its model."""
    ITEM_TYPES.register(declaration)
    register_subtype(Item, declaration.type, declaration.model)
    return declaration


def crud_operations(
    kebab: str, *, url_variant: bool = False, update: bool = True
) -> Dict[str, str]:
    """The operationIds of one item type, e.g. ``create-sticky-note-item``."""
    suffix = "-using-url" if url_variant else ""
    ops = {
        "create": f"create-{kebab}-item{suffix}",
        "get": f"get-{kebab}-item",
        "delete": f"delete-{kebab}-item",
    }
    if update:
        ops["update"] = f"update-{kebab}-item{suffix}"
    return ops


class ItemTypeCollection(Collection[ItemT]):
    """The items of one type on one board: ``board.items.sticky_notes``.

    Type checkers see one subclass per type (``miro.items._declared``, generated) with the
    model and the create/update keywords of that type."""

    item_key = "item_id"

    def __init__(self, transport: Any, item_type: ItemType, *, board_id: str) -> None:
        super().__init__(transport, board_id=board_id)
        self.item_type = item_type
        self.path = item_type.path  # type: ignore[misc]
        self.model = item_type.model  # type: ignore[misc]

    @property
    def board_id(self) -> str:
        """The board these items are on."""
        return str(self._parents["board_id"])

    def __repr__(self) -> str:
        return f"<{self.item_type.segment} of board {self.board_id!r}>"

    def __iter__(self) -> Iterator[ItemT]:
        return iter(self.list())

    def _create_item(self, **fields: Any) -> Item:
        """Create an item of this type; the keywords are its data, style, x/y, size, parent."""
        return self._create(self.item_type.create.build(fields))

    #: ``create(...)`` with this type's keywords in its signature and docstring (issue #11).
    create = DeclaredVerb(
        _create_item,
        choose=lambda collection: _declared(
            collection.item_type, "create", "Create a {} on the board; returns it."
        ),
    )

    def get(self, item_id: str, **query: Any) -> ItemT:
        """Get one item of this type by id."""
        p.check_keywords(query, self.item_type.get_params)
        params = {
            p.camel(k): self.item_type.get_params[k](k, v)
            for k, v in query.items()
            if v is not None
        }
        return self._get(item_id, params)

    def _update_item(self, item_id: str, **changes: Any) -> Item:
        """Change an item of this type; only the given fields are sent."""
        if self.item_type.update is None:
            raise TypeError(f"{self.item_type.segment} cannot be updated through the API")
        return self._update(item_id, self.item_type.update.build(changes))

    #: ``update(item_id, ...)`` with this type's keywords in its signature (issue #11).
    update = DeclaredVerb(
        _update_item,
        choose=lambda collection: _declared(
            collection.item_type, "update", "Change a {}; only the given fields are sent."
        ),
    )

    def delete(self, item_id: str) -> None:
        """Delete an item of this type."""
        self._delete(item_id)

    # ``upload(path, ...)`` with this type's keywords in its signature and docstring.
    @declared(
        choose=lambda collection: _declared(
            collection.item_type,
            "upload",
            "Create a new {} from a local file (a path, a binary file object, or bytes named "
            "by filename=); returns it.",
        )
    )
    def upload(self, source: Any, *, filename: Optional[str] = None, **fields: Any) -> ItemT:
        """Create an item from a local file: a path, a binary file object or ``bytes``
        (``filename=`` names bytes)."""
        from .uploads import multipart, read_source

        spec = self._upload_spec(self.item_type.upload)
        data = spec.build(fields)
        parts = multipart(read_source("source", source, filename), data)
        return self.wrap(self.request("POST", self.url(), files=parts))

    # ``update_file(item_id, path, ...)`` with this type's keywords in its signature.
    @declared(
        choose=lambda collection: _declared(
            collection.item_type,
            "upload_update",
            "Replace the file of a {} (and optionally its title, place or size).",
        )
    )
    def update_file(
        self, item_id: str, source: Any, *, filename: Optional[str] = None, **fields: Any
    ) -> ItemT:
        """Replace an item's file (and optionally its title, place or size)."""
        from .uploads import multipart, read_source

        spec = self._upload_spec(self.item_type.upload_update)
        data = spec.build(fields)
        parts = multipart(read_source("source", source, filename), data)
        return self.wrap(self.request("PATCH", self.url(item_id), files=parts))

    def _upload_spec(self, spec: Optional[p.Body]) -> p.Body:
        if spec is None:
            raise TypeError(f"{self.item_type.segment} cannot be created from a file")
        return spec

    def list(self, *, limit: Optional[int] = None) -> Paginator[ItemT]:
        """Every item of this type on the board (cursor pages; ``limit`` 10..50)."""
        if self.item_type.type not in LISTABLE_TYPES:
            raise TypeError(f"{self.item_type.segment} cannot be listed by type")
        items = BoardItems(self.transport, board_id=self.board_id)
        return cast("Paginator[ItemT]", items.list(type=self.item_type.type, limit=limit))


_LIST_FILTERS = p.Body(p.top(type=p.choice(*LISTABLE_TYPES), parent_item_id=p.ID))


class BoardItems(Collection[Item]):
    """A board's items read, moved and deleted through ``/v2/boards/{board_id}/items``,
    whatever their type: what an item, a typed collection, tags and groups need of the
    board; :class:`miro.items.collection.Items` (``board.items``) adds the typed
    collections, bulk creation and exploring."""

    path = "/v2/boards/{board_id}/items"
    _shown_as = "items"  # listings of board items become item rows in a DataFrame
    item_key = "item_id"
    model = Item
    paging = BOARD_CONTENT_CURSOR

    @property
    def board_id(self) -> str:
        """The board these items are on."""
        return str(self._parents["board_id"])

    def __repr__(self) -> str:
        return f"<items of board {self.board_id!r}>"

    def __init__(self, transport: Any, **parents: Any) -> None:
        super().__init__(transport, **parents)
        #: JSON ``type`` -> (its structure function, the collection its items bind to).
        self._known: Dict[Any, Tuple[Callable[[Any], Any], Any]] = {}

    def wrap(self, data: Any) -> Item:
        """Read an item as its typed class, bound to its type's collection when we know it."""
        known = self._known.get(data.get("type") if data.__class__ is dict else None)
        if known is None:
            return self._wrap_new_type(data)
        # The hot path of every listing: the type's own function, no dispatch.
        try:
            item: Item = known[0](data)
        except (WrongShape, TypeError, ValueError) as error:
            raise malformed(self.model, data, error) from None
        item._collection = known[1]
        return item

    def _wrap_new_type(self, data: Any) -> Item:
        item: Item = structure(data, self.model)
        # One typed collection per type for the whole listing, not a new one per item.
        typed = typed_collection(self.transport, self.board_id, item.type)
        bound = self if typed is None else typed
        if item.type == data.get("type"):
            self._known[item.type] = (structurer(type(item)), bound)
        return item._bind(bound)

    def list(self, *, type: Optional[str] = None, limit: Optional[int] = None) -> Paginator[Item]:
        """Every item on the board (or of one ``type``), fetched page by page (``limit`` 10..50)."""
        return self._paginate(_LIST_FILTERS.check({"type": type}), limit)

    def within(
        self, frame: Any, *, type: Optional[str] = None, limit: Optional[int] = None
    ) -> Paginator[Item]:
        """Every item inside the frame ``frame`` (an id or a frame item)."""
        filters = _LIST_FILTERS.check({"type": type, "parent_item_id": frame})
        return self._paginate(filters, limit)

    def with_tag(self, tag: Any, *, limit: Optional[int] = None) -> Paginator[Item]:
        """Every item carrying ``tag`` (a tag or its id); offset pages, ``limit`` 1..50."""
        filters = {"tag_id": p.ID("tag", tag)}
        url = self.url()
        return Paginator(
            lambda query: self.request("GET", url, params=query),
            self.wrap,
            BOARD_OFFSET,
            filters,
            limit,
            path=url,
        )

    def page(
        self,
        *,
        type: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Item]:
        """One page of items, as ``GET …/items`` returns it."""
        return self.list(type=type, limit=limit).page(cursor=cursor)

    def __iter__(self) -> Iterator[Item]:
        return iter(self.list())

    def get(self, item_id: str) -> Item:
        """Get any item by id, as its typed class (``StickyNote``, ``Frame`` …)."""
        return self._get(item_id)

    def move(
        self,
        item_id: str,
        *,
        x: Optional[float] = None,
        y: Optional[float] = None,
        parent: Any = None,
    ) -> Item:
        """Move an item and/or put it into a frame (``parent``)."""
        body = MOVE.build({"x": x, "y": y, "parent": parent})
        if not body:
            raise InvalidArgument("move needs x, y or parent")
        return self._update(item_id, body)

    def delete(self, item_id: str) -> None:
        """Delete any item by id."""
        self._delete(item_id)


def typed_collection(transport: Any, board_id: str, type_name: str) -> Optional[ItemTypeCollection]:
    """The typed collection for ``type_name``, or None for a type we do not know."""
    declaration = ITEM_TYPES.get(type_name)
    if declaration is None or declaration.base_path != "/v2":
        return None
    return ItemTypeCollection(transport, declaration, board_id=board_id)


__all__ = [
    "BOARD_CONTENT_CURSOR",
    "BoardItems",
    "ITEM_TYPES",
    "Item",
    "ItemType",
    "ItemTypeCollection",
    "LISTABLE_TYPES",
    "MOVE",
    "crud_operations",
    "item_type",
    "typed_collection",
]
