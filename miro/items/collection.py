"""``board.items``: every item on a board, and the typed collections hanging off it."""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Generic,
    Iterable,
    List,
    TypeVar,
    overload,
)

from .. import _addons
from ..core import geometry
from ..core.public import to_dataframe
from ..errors import InvalidArgument, InvalidArgumentType
from .base import ITEM_TYPES, BoardItems, Item, ItemTypeCollection

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


class Items(BoardItems):
    """Every item on a board: list (all or by type), get any item, move, delete, create
    many at once, explore.

    ``board.items.sticky_notes``, ``.shapes`` … are the typed collections that create
    and update items of one type.
    """

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

        tags = Tags(self.transport, board_id=self.board_id, board_items=BoardItems)
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
        for tag in Tags(self.transport, board_id=self.board_id, board_items=BoardItems).list():
            for item in self.with_tag(tag.id):
                titles.setdefault(item.id, []).append(tag.title or "")
        return titles

    def to_dataframe(self, *, tags: bool = True, progress: Any = False) -> Any:
        """Every item as a pandas DataFrame (``pip install "miro[pandas]"``): one row per
        item, columns ``id``, ``type``, ``content`` (plain text), ``x``, ``y`` (as Miro
        gives them), ``absolute_x``, ``absolute_y`` (board coordinates), ``width``,
        ``height``, ``rotation``, ``parent_id``, ``tags`` (titles; ``tags=False`` skips
        reading them), ``fill_color``, ``shape``, ``created_at`` … (UTC datetimes)."""
        _addons.use("pandas")()  # fail before any request when the extra is missing
        titles = self.tag_titles() if tags else None
        return to_dataframe(self.list(), progress=progress, tags=titles or ({} if tags else None))

    # --- end exploring --------------------------------------------------------------------
