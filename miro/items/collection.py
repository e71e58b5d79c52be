"""``board.items``: every item on a board, and the typed collections hanging off it."""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    Generic,
    Iterable,
    Iterator,
    List,
    Optional,
    Tuple,
    TypeVar,
    overload,
)

from ..core import params as p
from ..core.convert import WrongShape, malformed, structure, structurer
from ..core.pagination import BOARD_CONTENT_CURSOR, BOARD_OFFSET, Page, Paginator
from ..core.resource import Collection
from ..errors import InvalidArgument, InvalidArgumentType
from . import geometry
from .base import ITEM_TYPES, LISTABLE_TYPES, MOVE, Item, ItemTypeCollection, typed_collection

if TYPE_CHECKING:  # one typed collection per item type (generated)
    from ._declared import (
        AppCards,
        Cards,
        Docs,
        Documents,
        Embeds,
        Frames,
        Images,
        Shapes,
        StickyNotes,
        Texts,
    )

C = TypeVar("C", bound="ItemTypeCollection[Any]")


def placed(items: Iterable[Item]) -> List[Item]:
    """The items as a list, each child told its parent (from the same list), so absolute
    positions need no further request."""
    listed = list(items)
    known = geometry.by_id(listed)
    for item in listed:
        parent = known.get(geometry.parent_id(item) or "")
        if parent is not None:
            item._parent_item = parent
    return listed


_LIST_FILTERS = p.Body(p.top(type=p.choice(*LISTABLE_TYPES), parent_item_id=p.ID))


class _TypedCollection(Generic[C]):
    """Declares ``Items.<segment>`` as the typed collection of one item type (the type's
    module loads on first use)."""

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    @overload
    def __get__(self, obj: None, owner: Any) -> _TypedCollection[C]: ...

    @overload
    def __get__(self, obj: Items, owner: Any) -> C: ...

    def __get__(self, obj: Any, owner: Any) -> Any:
        if obj is None:
            return self
        declaration = ITEM_TYPES[self.type_name]
        return ItemTypeCollection(obj.transport, declaration, board_id=obj.board_id)


class Items(Collection[Item]):
    """Every item on a board: list (all or by type), get any item, move, delete.

    ``board.items.sticky_notes``, ``.shapes`` … are the typed collections that create
    and update items of one type.
    """

    path = "/v2/boards/{board_id}/items"
    item_key = "item_id"
    model = Item
    paging = BOARD_CONTENT_CURSOR

    sticky_notes: _TypedCollection[StickyNotes] = _TypedCollection("sticky_note")
    texts: _TypedCollection[Texts] = _TypedCollection("text")
    shapes: _TypedCollection[Shapes] = _TypedCollection("shape")
    cards: _TypedCollection[Cards] = _TypedCollection("card")
    app_cards: _TypedCollection[AppCards] = _TypedCollection("app_card")
    frames: _TypedCollection[Frames] = _TypedCollection("frame")
    images: _TypedCollection[Images] = _TypedCollection("image")
    documents: _TypedCollection[Documents] = _TypedCollection("document")
    embeds: _TypedCollection[Embeds] = _TypedCollection("embed")
    doc_formats: _TypedCollection[Docs] = _TypedCollection("doc_format")

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

    def create_many(
        self, specs: Iterable[Any], *, progress: Any = False, workers: int = 1
    ) -> List[Item]:
        """Create many items of any types, 20 per request, returned in input order.

        ``specs`` are ``ItemSpec`` objects (``StickyNoteSpec(content="Hi")``), keyword
        dicts with a ``type`` (``{"type": "shape", "shape": "circle"}``), API JSON
        (``{"type": "text", "data": {"content": "Hi"}}``), or a pandas DataFrame / list of
        dicts shaped like ``to_dataframe()``'s rows (``parent_id``, ``tags`` by title …;
        read-only columns such as ``id`` are ignored). Every spec is validated before the
        first request. Each request of 20 is atomic, the whole call is not: if it fails for
        good, the error's ``created`` lists the items made (input order) and
        ``error.bulk.resume()`` finishes the job without duplicates (see
        :mod:`miro.items.bulk`). ``progress=True`` shows a tqdm bar. ``workers=N`` sends
        up to N requests at once (threads; the connection pool grows to match).
        """
        if isinstance(workers, bool) or not isinstance(workers, int):
            raise InvalidArgumentType(f"workers must be an int, got {type(workers).__name__}")
        if workers < 1:
            raise InvalidArgument(f"workers must be 1 or more, got {workers}")
        from ..core.progress import progress_bar
        from .bulk import (
            MAX_ITEMS_PER_REQUEST,
            chunked,
            create_in_chunks,
            specs_body,
            validate_specs,
        )
        from .rows import specs_from_rows

        rows, tag_titles = specs_from_rows(specs)
        checked = validate_specs(rows, "specs")
        url = self.url() + "/bulk"
        self.transport.ensure_pool(workers)
        with progress_bar(progress, total=len(checked), desc="creating", unit="item") as bar:

            def send(chunk: Any) -> Any:
                answer = self.request("POST", url, json=specs_body(chunk))
                bar.update(len((answer or {}).get("data") or []))
                return answer

            created = create_in_chunks(
                checked,
                send,
                self.wrap,
                workers,
                chunker=lambda values: chunked(values, MAX_ITEMS_PER_REQUEST),
            )
        if any(tag_titles):
            self._tag_by_title(created, tag_titles)
        return created

    def _tag_by_title(self, items: List[Item], titles: List[List[str]]) -> None:
        """Attach tags named by title, creating the board's missing tags first."""
        from ..tags import Tags

        tags = Tags(self.transport, board_id=self.board_id)
        by_title = {tag.title: tag for tag in tags.list()}
        for item, wanted in zip(items, titles):
            for title in wanted:
                if title not in by_title:
                    by_title[title] = tags.create(title=title)
                item.tags.attach(by_title[title])

    def upload_many(self, uploads: Iterable[Any]) -> List[Item]:
        """Create images and documents from local files in bulk (``Upload`` objects or
        paths), in requests of at most 20 files and 6 MB; items come back in input order."""
        from .bulk import create_in_chunks, upload_chunks, upload_parts, validate_uploads

        checked = validate_uploads(uploads)
        url = self.url() + "/bulk"
        return create_in_chunks(
            checked,
            lambda chunk: self.request("POST", url, files=upload_parts(chunk)),
            self.wrap,
            chunker=upload_chunks,
        )

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

    # --- exploring (issue #11) ------------------------------------------------------------
    def in_region(
        self, x0: float, y0: float, x1: float, y1: float, *, partly: bool = False
    ) -> List[Item]:
        """The items lying within the rectangle ``(x0, y0)``–``(x1, y1)`` of absolute board
        coordinates (the board's centre is 0, 0; y grows downwards); ``partly=True`` also
        takes items that only overlap it. Walks every item once and places frame children
        by their frame (not to be confused with ``within(frame)``, a frame's children)."""
        area = geometry.region(x0, y0, x1, y1)
        items = placed(self.list())
        test = geometry.overlaps if partly else geometry.inside
        return [item for item in items if test(item.absolute_box, area)]

    def tag_titles(self) -> Dict[str, List[str]]:
        """Item id → titles of its tags, read with one walk per board tag (not per item)."""
        from ..tags import Tags

        titles: Dict[str, List[str]] = {}
        for tag in Tags(self.transport, board_id=self.board_id).list():
            for item in self.with_tag(tag.id):
                titles.setdefault(item.id, []).append(tag.title or "")
        return titles

    def to_dataframe(self, *, tags: bool = True, progress: Any = False) -> Any:
        """Every item as a pandas DataFrame (``pip install "miro[pandas]"``): one row per
        item, columns ``id``, ``type``, ``content`` (plain text), ``x``, ``y`` (as Miro
        gives them), ``absolute_x``, ``absolute_y`` (board coordinates), ``width``,
        ``height``, ``rotation``, ``parent_id``, ``tags`` (titles; ``tags=False`` skips
        reading them), ``fill_color``, ``shape``, ``created_at`` … (UTC datetimes)."""
        from ..display import to_dataframe
        from ..display.dataframe import pandas

        pandas()  # fail before any request when the extra is missing
        titles = self.tag_titles() if tags else None
        return to_dataframe(self.list(), progress=progress, tags=titles or ({} if tags else None))

    # --- end exploring --------------------------------------------------------------------
