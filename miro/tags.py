"""Tags: ``board.tags``, ``item.tags`` and ``board.items.with_tag(tag)``.

Only cards and sticky notes take tags, at most eight each (API-NOTES §3.8); both limits are
checked here before anything is sent. Tag titles are 1..120 characters. Tag changes made
through the REST API show on open boards only after a reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator, List, Optional

import attrs

from .core import params as p
from .core.pagination import BOARD_OFFSET, Page, Paginator
from .core.paths import check_id
from .core.resource import Collection, Resource
from .core.signatures import declared
from .errors import InvalidArgument
from .models import Links

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._declared import TagChanges, TagCreate
    from .items.base import Item

#: Makes a board's items collection: ``(transport, *, board_id) -> BoardItems``.
BoardItemsFactory = Callable[..., Any]

TAG_COLORS = (
    "red", "light_green", "cyan", "yellow", "magenta", "green", "blue", "gray", "violet",
    "dark_green", "dark_blue", "black",
)  # fmt: skip
MAX_TAGS_PER_ITEM = 8
TAGGABLE_TYPES = ("card", "sticky_note")

_FIELDS = p.top(title=p.text(min_length=1, max_length=120), fill_color=p.choice(*TAG_COLORS))
#: ``TagCreateRequest``.
TAG_CREATE = p.Body(_FIELDS, required=("title",))
#: ``TagUpdateRequest``.
TAG_CHANGES = p.Body(_FIELDS)


@attrs.define(kw_only=True, repr=False)
class Tag(Resource):
    """A tag: a coloured label that cards and sticky notes can carry."""

    _summary_fields = ("title", "fill_color")

    title: Optional[str] = None
    fill_color: Optional[str] = None
    type: Optional[str] = None
    links: Optional[Links] = None

    @declared(TAG_CHANGES)
    def update(self, **changes: Unpack[TagChanges]) -> Tag:
        """Change the tag; updates this object."""
        self._replace_with(self._require_collection().update(self.id, **changes))
        return self

    def delete(self) -> None:
        """Delete the tag (it is removed from every item that had it)."""
        self._require_collection().delete(self.id)

    @property
    def items(self) -> Paginator[Item]:
        """Every item carrying this tag (offset pages, fetched as you iterate)."""
        return self._require_collection().items_with(self.id)


class Tags(Collection[Tag]):
    """``board.tags``: create, list, get, update and delete a board's tags."""

    path = "/v2/boards/{board_id}/tags"
    item_key = "tag_id"
    model = Tag
    paging = BOARD_OFFSET

    def __init__(
        self, transport: Any, *, board_id: str, board_items: Optional[BoardItemsFactory] = None
    ) -> None:
        super().__init__(transport, board_id=board_id)
        # Items sit above tags (an item has tags), so whoever makes a board's tags says
        # how its items are read (a BoardItems factory), for items_with.
        self._board_items = board_items

    @property
    def board_id(self) -> str:
        """The board these tags belong to."""
        return str(self._parents["board_id"])

    @declared(TAG_CREATE)
    def create(self, **fields: Unpack[TagCreate]) -> Tag:
        """Create a tag (its ``title`` unique on the board); returns it."""
        return self._create(TAG_CREATE.build(fields))

    def list(self, *, limit: Optional[int] = None) -> Paginator[Tag]:
        """Every tag on the board (offset pages; ``limit`` 1..50)."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[Tag]:
        return iter(self.list())

    def page(self, *, limit: Optional[int] = None, offset: Optional[int] = None) -> Page[Tag]:
        """One page of tags, as ``GET …/tags`` returns it."""
        return self.list(limit=limit).page(offset=offset)

    def get(self, tag_id: str) -> Tag:
        """Get one tag."""
        return self._get(tag_id)

    @declared(TAG_CHANGES)
    def update(self, tag_id: str, **changes: Unpack[TagChanges]) -> Tag:
        """Change a tag; only the given fields are sent."""
        return self._update(tag_id, TAG_CHANGES.build(changes))

    def delete(self, tag_id: str) -> None:
        """Delete a tag."""
        self._delete(tag_id)

    def items_with(self, tag: Any, *, limit: Optional[int] = None) -> Paginator[Item]:
        """Every item carrying ``tag`` (a tag or its id)."""
        if self._board_items is None:
            raise RuntimeError("these tags were made without a way to read items: use board.tags")
        return self._board_items(self.transport, board_id=self.board_id).with_tag(tag, limit=limit)


class ItemTags:
    """The tags of one item: iterate to read them, ``attach``/``detach`` to change them."""

    def __init__(self, tags: Tags, item_id: str, item_type: Optional[str]) -> None:
        self._tags = tags
        self.item_id = item_id
        self.item_type = item_type

    def __repr__(self) -> str:
        return f"<tags of item {self.item_id!r}>"

    def _url(self, suffix: str = "") -> str:
        from .core.paths import expand

        return expand(
            "/v2/boards/{board_id}/items/{item_id}" + suffix,
            board_id=self._tags.board_id,
            item_id=self.item_id,
        )

    def list(self) -> List[Tag]:
        """The item's tags (one request; this list is not paged)."""
        body = self._tags.request("GET", self._url("/tags")) or {}
        return [self._tags.wrap(tag) for tag in body.get("tags", [])]

    def __iter__(self) -> Iterator[Tag]:
        return iter(self.list())

    def attach(self, tag: Any, *, check: bool = True) -> None:
        """Put ``tag`` (a tag or id) on the item; a no-op if it is already there.

        Raises ``InvalidArgument`` for items other than cards and sticky notes and when the
        item already has eight tags. ``check=False`` skips reading the item's tags first
        and sends the one request the official client sends (Miro itself then refuses a
        ninth tag).
        """
        tag_id = check_id("tag", tag)
        if self.item_type is not None and self.item_type not in TAGGABLE_TYPES:
            raise InvalidArgument(
                f"only cards and sticky notes take tags, not {self.item_type.replace('_', ' ')}s"
            )
        if not check:
            self._tags.request("POST", self._url(), params={"tag_id": tag_id})
            return
        current = [t.id for t in self.list()]
        if tag_id in current:
            return
        if len(current) >= MAX_TAGS_PER_ITEM:
            raise InvalidArgument(f"an item takes at most {MAX_TAGS_PER_ITEM} tags")
        self._tags.request("POST", self._url(), params={"tag_id": tag_id})

    def detach(self, tag: Any) -> None:
        """Take ``tag`` (a tag or id) off the item."""
        self._tags.request("DELETE", self._url(), params={"tag_id": check_id("tag", tag)})
