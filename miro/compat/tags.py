"""Official flat methods for tags."""

from __future__ import annotations

from typing import Any, Iterator

from ..core.official import OfficialDict
from ..core.pagination import Page
from ..items.base import Item
from ..tags import TAG_CHANGES, TAG_CREATE, ItemTags, Tag, Tags
from . import shapes
from .base import flat, official, page_offset, page_size


class TagsFlat:
    """``create_tag``, ``attach_tag_to_item`` … as the official ``MiroApi`` names them."""

    def _tags(self, board_id: str) -> Tags:
        raise NotImplementedError  # provided by MiroApi

    def _item_tags(self, board_id: str, item_id: str) -> ItemTags:
        return ItemTags(self._tags(board_id), item_id, None)

    @flat("create-tag", "board.tags.create")
    def create_tag(self, board_id: str, tag_create_request: Any) -> Tag:
        """Create a tag (``TagCreateRequest`` body)."""
        return self._tags(board_id).create(
            **TAG_CREATE.from_json(tag_create_request, "tag_create_request")
        )

    @flat("get-tags-from-board", "board.tags.page")
    def get_tags_from_board(
        self, board_id: str, limit: Any = None, offset: Any = None
    ) -> Page[Tag]:
        """One page of a board's tags."""
        return self._tags(board_id).page(limit=page_size(limit), offset=page_offset(offset))

    @official
    def get_all_tags_from_board(self, board_id: str, limit: Any = None) -> Iterator[Tag]:
        """Every tag on a board, page after page."""
        return iter(self._tags(board_id).list(limit=page_size(limit)))

    @flat("get-tag", "board.tags.get")
    def get_tag(self, board_id: str, tag_id: str) -> Tag:
        """Get one tag."""
        return self._tags(board_id).get(tag_id)

    @flat("update-tag", "tag.update")
    def update_tag(self, board_id: str, tag_id: str, tag_update_request: Any) -> Tag:
        """Change a tag (``TagUpdateRequest`` body)."""
        changes = TAG_CHANGES.from_json(tag_update_request, "tag_update_request")
        return self._tags(board_id).update(tag_id, **changes)

    @flat("delete-tag", "tag.delete")
    def delete_tag(self, board_id: str, tag_id: str) -> object:
        """Delete a tag (it leaves every item that had it)."""
        self._tags(board_id).delete(tag_id)
        return shapes.EMPTY

    @flat("get-tags-from-item", "item.tags")
    def get_tags_from_item(self, board_id: str, item_id: str) -> OfficialDict:
        """The tags of one item, as ``.tags`` (the official ``GetTagsResponse``)."""
        return shapes.envelope(tags=self._item_tags(board_id, item_id).list())

    @flat("attach-tag-to-item", "item.tags.attach")
    def attach_tag_to_item(self, board_id_platform_tags: str, item_id: str, tag_id: str) -> object:
        """Put a tag on a card or sticky note (at most 8 tags an item)."""
        self._item_tags(board_id_platform_tags, item_id).attach(tag_id, check=False)
        return shapes.EMPTY

    @flat("remove-tag-from-item", "item.tags.detach")
    def remove_tag_from_item(
        self, board_id_platform_tags: str, item_id: str, tag_id: str
    ) -> object:
        """Take a tag off an item."""
        self._item_tags(board_id_platform_tags, item_id).detach(tag_id)
        return shapes.EMPTY

    @flat("get-items-by-tag", "board.items.with_tag")
    def get_items_by_tag(
        self, board_id_platform_tags: str, tag_id: str, limit: Any = None, offset: Any = None
    ) -> Page[Item]:
        """One page of the items carrying a tag."""
        listing = self._tags(board_id_platform_tags).items_with(tag_id, limit=page_size(limit))
        return listing.page(offset=page_offset(offset))

    @official
    def get_all_items_by_tag(
        self, board_id_platform_tags: str, tag_id: str, limit: Any = None
    ) -> Iterator[Item]:
        """Every item carrying a tag, page after page."""
        return iter(self._tags(board_id_platform_tags).items_with(tag_id, limit=page_size(limit)))
