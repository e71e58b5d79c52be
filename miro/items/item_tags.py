"""``item.tags``: an item's tags that leave their titles on the item when read (for its
display). Loaded with the first ``item.tags``, so a listing never loads the tag models."""

from __future__ import annotations

from typing import Any, List

from ..tags import ItemTags, Tags


class RememberedTags(ItemTags):
    """An item's tags that leave their titles on the item when read (for its display)."""

    def __init__(self, tags: Tags, item: Any) -> None:
        super().__init__(tags, item.id, item.type or None)
        self._item = item

    def list(self) -> List[Any]:
        """The item's tags (one request; this list is not paged)."""
        found = super().list()
        self._item._known_tags = [tag.title for tag in found]
        return found

    def attach(self, tag: Any, **options: Any) -> None:
        """Put ``tag`` (a tag or id) on the item (see :meth:`ItemTags.attach`)."""
        super().attach(tag, **options)
        self._item._known_tags = None  # changed: read again when asked

    def detach(self, tag: Any, **options: Any) -> None:
        """Take ``tag`` (a tag or id) off the item (see :meth:`ItemTags.detach`)."""
        super().detach(tag, **options)
        self._item._known_tags = None
