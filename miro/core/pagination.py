"""One lazy paginator for Miro's two paging styles.

* **cursor** (items, connectors, frame children, groups, organisation lists): send
  ``cursor`` + ``limit``; the last page has no ``cursor``.
* **offset** (boards, board members, tags, items by tag): send ``offset`` + ``limit``;
  Miro echoes the offset it served and the ``total``.

:class:`Paginator` streams every element of every page with constant memory, is
re-iterable (each iteration starts over), and stops early with :meth:`first`,
:meth:`take` or slicing. Each endpoint declares its :class:`Paging`: style and the page
size range the spec allows, so an out-of-range ``limit`` is rejected before sending.
A server that repeats a cursor or an offset raises
:class:`~miro.errors.PaginationError` instead of looping forever.
"""

from __future__ import annotations

import itertools
from typing import (
    Any,
    Callable,
    Dict,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    TypeVar,
    Union,
    overload,
)

import attrs

from ..errors import InvalidArgument, InvalidArgumentType, PaginationError
from .official import OfficialModel

T = TypeVar("T")

CURSOR = "cursor"
OFFSET = "offset"


@attrs.frozen
class Paging:
    """How one list endpoint pages: style, page-size range, and the JSON field of items."""

    style: str
    min_limit: int
    max_limit: int
    limit_as_string: bool = True
    data_key: str = "data"

    def check_limit(self, limit: Any) -> int:
        """Validate a page size against this endpoint's range."""
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise InvalidArgumentType(f"limit must be an int, got {type(limit).__name__}")
        if not self.min_limit <= limit <= self.max_limit:
            raise InvalidArgument(
                f"limit must be between {self.min_limit} and {self.max_limit} for this list, "
                f"got {limit}"
            )
        return limit

    def wire(self, value: int) -> Union[int, str]:
        """The value as the spec types it (board-level lists take strings)."""
        return str(value) if self.limit_as_string else value


# The spec's ranges (API-NOTES §2.2).
BOARD_CONTENT_CURSOR = Paging(CURSOR, 10, 50)
BOARD_OFFSET = Paging(OFFSET, 1, 50)
GROUP_CURSOR = Paging(CURSOR, 10, 50, limit_as_string=False)
ORGANIZATION_CURSOR = Paging(CURSOR, 1, 100, limit_as_string=False)


@attrs.define
class Page(OfficialModel, Generic[T]):
    """One page of a list: its elements and the envelope fields Miro sent."""

    data: List[T]
    total: Optional[int] = None
    size: Optional[int] = None
    limit: Optional[int] = None
    offset: Optional[int] = None
    cursor: Optional[str] = None
    links: Optional[Dict[str, Any]] = None
    type: Optional[str] = None

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


FetchPage = Callable[[Dict[str, Any]], Mapping[str, Any]]


class Paginator(Generic[T]):
    """A lazy, re-iterable view of every element of a paged list.

    Args:
        fetch: sends one page request given its query parameters, returns the JSON.
        convert: turns one JSON element into a model.
        paging: the endpoint's :class:`Paging`.
        params: the list's other query parameters (filters).
        limit: page size; defaults to the largest the endpoint allows (fewest requests).
    """

    def __init__(
        self,
        fetch: FetchPage,
        convert: Callable[[Any], T],
        paging: Paging,
        params: Optional[Mapping[str, Any]] = None,
        limit: Optional[int] = None,
    ) -> None:
        self._fetch = fetch
        self._convert = convert
        self.paging = paging
        self.params = {k: v for k, v in (params or {}).items() if v is not None}
        self.page_size = paging.max_limit if limit is None else paging.check_limit(limit)

    def __repr__(self) -> str:
        filters = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"<Paginator {self.paging.style} page_size={self.page_size} {filters}>".replace(
            " >", ">"
        )

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.data

    def pages(self, page_size: Optional[int] = None) -> Iterator[Page[T]]:
        """Yield each page in turn (one request per page)."""
        size = self.page_size if page_size is None else page_size
        if self.paging.style == CURSOR:
            return self._cursor_pages(size)
        return self._offset_pages(size)

    def page(self, *, offset: Optional[int] = None, cursor: Optional[str] = None) -> Page[T]:
        """Fetch a single page: at ``offset`` (offset lists) or ``cursor`` (cursor lists)."""
        if self.paging.style == CURSOR:
            if offset is not None:
                raise InvalidArgumentType("this list pages by cursor; offset is not accepted")
            return self._page(self._request({"cursor": cursor}, self.page_size))
        if cursor is not None:
            raise InvalidArgumentType("this list pages by offset; cursor is not accepted")
        if offset is not None and (isinstance(offset, bool) or not isinstance(offset, int)):
            raise InvalidArgumentType(f"offset must be an int, got {type(offset).__name__}")
        if offset is not None and offset < 0:
            raise InvalidArgument(f"offset must be 0 or more, got {offset}")
        start = None if offset is None else self.paging.wire(offset)
        return self._page(self._request({"offset": start}, self.page_size))

    def _request(self, extra: Dict[str, Any], size: int) -> Mapping[str, Any]:
        params = dict(self.params)
        params.update((k, v) for k, v in extra.items() if v is not None)
        params["limit"] = self.paging.wire(size)
        body = self._fetch(params)
        if not isinstance(body, Mapping):
            raise PaginationError(f"expected a page object, got {type(body).__name__}")
        return body

    def _page(self, body: Mapping[str, Any]) -> Page[T]:
        items = body.get(self.paging.data_key) or []
        return Page(
            data=[self._convert(item) for item in items],
            total=_int(body.get("total")),
            size=_int(body.get("size")),
            limit=_int(body.get("limit")),
            offset=_int(body.get("offset")),
            cursor=body.get("cursor") or None,
            links=body.get("links"),
            type=body.get("type"),
        )

    def _cursor_pages(self, size: int) -> Iterator[Page[T]]:
        seen = set()
        cursor: Optional[str] = None
        while True:
            page = self._page(self._request({"cursor": cursor} if cursor else {}, size))
            yield page
            cursor = page.cursor
            if not cursor or not page.data:
                return
            if cursor in seen:
                raise PaginationError(f"the server repeated cursor {cursor!r}")
            seen.add(cursor)

    def _offset_pages(self, size: int) -> Iterator[Page[T]]:
        offset = 0
        while True:
            page = self._page(self._request({"offset": self.paging.wire(offset)}, size))
            yield page
            served = offset if page.offset is None else page.offset
            if served != offset:
                raise PaginationError(f"asked for offset {offset}, the server served {served}")
            offset = served + len(page.data)
            if not page.data:
                return
            if page.total is not None and offset >= page.total:
                return
            if page.total is None and len(page.data) < size:
                return

    def first(self) -> Optional[T]:
        """The first element, or None; fetches a single small page."""
        for item in self.take(1):
            return item
        return None

    def take(self, n: int) -> List[T]:
        """The first ``n`` elements, fetching no more pages than needed."""
        if n <= 0:
            return []
        size = min(self.page_size, max(self.paging.min_limit, n))
        return list(itertools.islice(self._iterate(size), n))

    def _iterate(self, size: int) -> Iterator[T]:
        for page in self.pages(size):
            yield from page.data

    def all(self) -> List[T]:
        """Every element, as a list."""
        return list(self)

    def __len__(self) -> int:
        raise TypeError(
            "a Paginator has no len() without fetching every page; use len(paginator.all())"
        )

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> List[T]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[T, List[T]]:
        """``paginator[i]`` and ``paginator[a:b]`` fetch only the pages they need."""
        if isinstance(index, slice):
            if (index.start or 0) < 0 or (index.stop is not None and index.stop < 0):
                raise InvalidArgument("negative slices need every page; use .all()[...]")
            if index.stop is None:
                return list(itertools.islice(iter(self), index.start, None, index.step))
            return self.take(index.stop)[index]
        if index < 0:
            raise InvalidArgument("negative indexes need every page; use .all()[index]")
        found = self.take(index + 1)
        if len(found) <= index:
            raise IndexError(index)
        return found[index]


def _int(value: Any) -> Optional[int]:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None
