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
import warnings
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

from ..errors import (
    InvalidArgument,
    InvalidArgumentType,
    MalformedResponse,
    MiroError,
    MiroWarning,
    PaginationError,
)
from .answered import origin
from .official import FlaggedOfficialModel
from .progress import collect
from .public import html_repr, public_dir, to_dataframe

T = TypeVar("T")
_HEAD = 20  # elements a paginator keeps for its repr

CURSOR = "cursor"
OFFSET = "offset"


class _MiroDefault:
    """The page size Miro picks when a request sends none (see :data:`MIRO_DEFAULT`)."""

    def __repr__(self) -> str:
        return "MIRO_DEFAULT"


#: ``limit=MIRO_DEFAULT``: a single page (``.page()``) is asked without ``limit``, so Miro
#: applies its own default (the official client's flat methods do so); walking every page
#: still uses the largest size.
MIRO_DEFAULT: Any = _MiroDefault()


@attrs.frozen
class Paging:
    """How one list endpoint pages: style, page-size range, and the JSON field of items."""

    style: str
    min_limit: int
    max_limit: int
    limit_as_string: bool = True
    data_key: str = "data"
    #: What the page size is called where users give it (SCIM's ``count``).
    limit_name: str = "limit"

    def check_limit(self, limit: Any) -> int:
        """Validate a page size against this endpoint's range."""
        name = self.limit_name
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise InvalidArgumentType(f"{name} must be an int, got {type(limit).__name__}")
        if not self.min_limit <= limit <= self.max_limit:
            raise InvalidArgument(
                f"{name} must be between {self.min_limit} and {self.max_limit} for this list, "
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
class Page(FlaggedOfficialModel, Generic[T]):
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

    # --- display (issue #11) --------------------------------------------------------------
    def __repr__(self) -> str:
        kinds = sorted({type(x).__name__ for x in self.data})
        envelope = "".join(
            f", {name}={value!r}"
            for name, value in (
                ("total", self.total),
                ("offset", self.offset),
                ("cursor", self.cursor),
            )
            if value is not None
        )
        return f"<Page of {len(self.data)} {'/'.join(kinds) or 'elements'}{envelope}>"

    def _repr_html_(self) -> str:
        return html_repr(self)

    def to_dataframe(self) -> Any:
        """This page's elements as a pandas DataFrame (``pip install "miro[pandas]"``)."""
        return to_dataframe(self.data)

    # --- end display ----------------------------------------------------------------------


FetchPage = Callable[[Dict[str, Any]], Mapping[str, Any]]
Position = Union[str, int, None]  # a cursor (cursor lists) or an offset (offset lists)


class MalformedElementWarning(MiroWarning):
    """One element of a listed page did not fit its model and was skipped.

    ``error`` is the :class:`~miro.errors.MalformedResponse` saying what was wrong and
    ``data`` the element's JSON as Miro sent it. Turn it into an error with
    ``warnings.simplefilter("error", MalformedElementWarning)``.
    """

    def __init__(self, error: MalformedResponse, data: Any) -> None:
        super().__init__(f"skipped a malformed element: {error}")
        self.error = error
        self.data = data


class _Walk:
    """Where one walk through a list stands: the page it is on and how much of it was used."""

    __slots__ = ("size", "token", "used", "finished")

    def __init__(self, size: int, token: Position = None, used: int = 0) -> None:
        self.size = size
        self.token = token  # the cursor/offset of the page being read (None: the first)
        self.used = used  # elements of that page already handed out
        self.finished = False


class Paginator(Generic[T]):
    """A lazy, re-iterable view of every element of a paged list.

    Iterating walks every page with constant memory, each time from the start.
    ``paginator[i]`` and slices keep the pages they fetched, so reading indexes in order
    costs one request per page. After an error mid-way (the exception carries
    ``resume_from``), :meth:`resume` continues the last walk without repeats or gaps, and
    ``pages(start=error.resume_from)`` continues page by page.

    Args:
        fetch: sends one page request given its query parameters, returns the JSON.
        convert: turns one JSON element into a model.
        paging: the endpoint's :class:`Paging`.
        params: the list's other query parameters (filters).
        limit: page size; defaults to the largest the endpoint allows (fewest requests).
        path: the list's URL path, for error messages.
    """

    def __init__(
        self,
        fetch: FetchPage,
        convert: Callable[[Any], T],
        paging: Paging,
        params: Optional[Mapping[str, Any]] = None,
        limit: Optional[int] = None,
        *,
        path: str = "",
    ) -> None:
        self._fetch = fetch
        self._convert = convert
        self.paging = paging
        self.params = {k: v for k, v in (params or {}).items() if v is not None}
        #: False for ``limit=MIRO_DEFAULT``: a single page is asked without ``limit``.
        self.sends_limit = limit is not MIRO_DEFAULT
        if limit is MIRO_DEFAULT:
            limit = None
        self.page_size = paging.max_limit if limit is None else paging.check_limit(limit)
        self.path = path
        self._last: Optional[_Walk] = None  # the latest walk by iteration
        self._cache: List[T] = []  # elements kept for indexing and slicing
        self._cache_walk: Optional[_Walk] = None
        self._cache_pages: Optional[Iterator[Page[T]]] = None

        self._fetched = 0  # what the last walk has fetched so far, for display
        self._pages_fetched = 0
        self._total: Optional[int] = None
        self._head: List[T] = []

    # --- display (issue #11): state for reprs, kept without extra requests ----------------
    def _remember(self, page: Page[T]) -> None:
        self._fetched += len(page.data)
        self._pages_fetched += 1
        self._total = page.total if page.total is not None else self._total
        if len(self._head) < _HEAD:
            self._head.extend(page.data[: _HEAD - len(self._head)])

    def _lists(self) -> str:
        owner = getattr(self._convert, "__self__", None)
        return repr(owner).strip("<>") if owner is not None else "elements"

    def _display_state(self) -> Dict[str, Any]:
        return {
            "lists": self._lists(),
            "style": self.paging.style,
            "page_size": self.page_size,
            "filters": dict(self.params),
            "fetched": self._fetched,
            "pages": self._pages_fetched,
            "total": self._total,
            "head": list(self._head),
        }

    def __repr__(self) -> str:
        filters = "".join(f", {k}={v!r}" for k, v in self.params.items())
        total = f" of {self._total}" if self._total is not None else ""
        return (
            f"<Paginator of {self._lists()}{filters}: {self.paging.style} pages of "
            f"{self.page_size}, {self._fetched}{total} fetched so far>"
        )

    def _repr_html_(self) -> str:
        return html_repr(self)

    def __dir__(self) -> List[str]:
        return public_dir(self)

    def to_dataframe(self, *, progress: Any = False) -> Any:
        """Every element as a pandas DataFrame, one flat row each (``pip install
        "miro[pandas]"``); board items get the columns of ``board.items.to_dataframe()``."""
        return to_dataframe(self, progress=progress)

    # --- end display ----------------------------------------------------------------------

    def __iter__(self) -> Iterator[T]:
        self._last = _Walk(self.page_size)
        return self._elements(self._last)

    def resume(self) -> Iterator[T]:
        """Continue the last iteration where it stopped (after an error or a ``break``):
        the elements it has not handed out yet, none twice."""
        last = self._last
        if last is None or last.finished:
            return iter(self)
        self._last = _Walk(last.size, last.token, last.used)
        return self._elements(self._last)

    @property
    def resume_from(self) -> Position:
        """Where the last iteration stopped: for offset lists the offset of the next
        element, for cursor lists the cursor of its page (None: the first page)."""
        last = self._last
        if last is None:
            return None
        if self.paging.style == OFFSET:
            return (last.token or 0) + last.used  # type: ignore[operator]
        return last.token

    def pages(
        self, page_size: Optional[int] = None, *, start: Position = None
    ) -> Iterator[Page[T]]:
        """Yield each page in turn (one request per page), from the first or from
        ``start``: a cursor (cursor lists) or an offset (offset lists)."""
        size = self.page_size if page_size is None else self.paging.check_limit(page_size)
        return self._pages(_Walk(size, self._check_start(start)))

    def _check_start(self, start: Position) -> Position:
        if start is None:
            return None
        if self.paging.style == CURSOR:
            if not isinstance(start, str):
                raise InvalidArgumentType(
                    f"start must be a cursor string for this list, got {type(start).__name__}"
                )
            return start
        if isinstance(start, bool) or not isinstance(start, int):
            raise InvalidArgumentType(
                f"start must be an int offset for this list, got {type(start).__name__}"
            )
        if start < 0:
            raise InvalidArgument(f"start must be 0 or more, got {start}")
        return start

    def page(self, *, offset: Optional[int] = None, cursor: Optional[str] = None) -> Page[T]:
        """Fetch a single page: at ``offset`` (offset lists) or ``cursor`` (cursor lists)."""
        if self.paging.style == CURSOR:
            if offset is not None:
                raise InvalidArgumentType("this list pages by cursor; offset is not accepted")
            return self._page(self._request({"cursor": cursor}, self._single_page_size()))
        if cursor is not None:
            raise InvalidArgumentType("this list pages by offset; cursor is not accepted")
        if offset is not None and (isinstance(offset, bool) or not isinstance(offset, int)):
            raise InvalidArgumentType(f"offset must be an int, got {type(offset).__name__}")
        if offset is not None and offset < 0:
            raise InvalidArgument(f"offset must be 0 or more, got {offset}")
        start = None if offset is None else self.paging.wire(offset)
        return self._page(self._request({"offset": start}, self._single_page_size()))

    def _single_page_size(self) -> Optional[int]:
        return self.page_size if self.sends_limit else None

    def _request(self, extra: Dict[str, Any], size: Optional[int]) -> Mapping[str, Any]:
        params = dict(self.params)
        params.update((k, v) for k, v in extra.items() if v is not None)
        if size is not None:
            params["limit"] = self.paging.wire(size)
        body = self._fetch(params)
        if not isinstance(body, Mapping):
            raise PaginationError(f"expected a page object, got {type(body).__name__}")
        return body

    def _page(self, body: Mapping[str, Any]) -> Page[T]:
        items = body.get(self.paging.data_key) or []
        if not isinstance(items, list):
            raise MalformedResponse(
                f"expected a list in {self.paging.data_key!r}, got {type(items).__name__}",
                field=self.paging.data_key,
                **{"method": "GET", "path": self.path, **origin(body)},
            )
        page = Page(
            data=self._convert_all(items),
            total=_int(body.get("total")),
            size=_int(body.get("size")),
            limit=_int(body.get("limit")),
            offset=_int(body.get("offset")),
            cursor=body.get("cursor") or None,
            links=body.get("links"),
            type=body.get("type"),
        )
        self._remember(page)
        return page

    def _convert_all(self, items: List[Any]) -> List[T]:
        convert = self._convert
        try:
            return [convert(item) for item in items]
        except MalformedResponse:
            pass  # find the bad ones; the others still count
        kept = []
        for item in items:
            try:
                kept.append(convert(item))
            except MalformedResponse as error:
                error = error.located("GET", self.path)
                warnings.warn(MalformedElementWarning(error, item), stacklevel=4)
        return kept

    def _fetch_page(self, walk: _Walk, extra: Dict[str, Any]) -> Page[T]:
        try:
            return self._page(self._request(extra, walk.size))
        except MiroError as error:
            error.resume_from = walk.token  # type: ignore[attr-defined]
            raise

    def _pages(self, walk: _Walk) -> Iterator[Page[T]]:
        if walk.token is None:  # a walk from the start: the display counts afresh
            self._fetched = self._pages_fetched = 0
            self._head = []
        if self.paging.style == CURSOR:
            return self._cursor_pages(walk)
        return self._offset_pages(walk)

    def _cursor_pages(self, walk: _Walk) -> Iterator[Page[T]]:
        seen = set()
        while True:
            cursor = walk.token
            page = self._fetch_page(walk, {"cursor": cursor} if cursor else {})
            yield page
            if not page.cursor or not page.data:
                walk.finished = True
                return
            if page.cursor in seen:
                raise PaginationError(f"the server repeated cursor {page.cursor!r}")
            seen.add(page.cursor)
            walk.token, walk.used = page.cursor, 0

    def _offset_pages(self, walk: _Walk) -> Iterator[Page[T]]:
        while True:
            offset: int = walk.token or 0  # type: ignore[assignment]
            page = self._fetch_page(walk, {"offset": self.paging.wire(offset)})
            yield page
            served = offset if page.offset is None else page.offset
            if served != offset:
                raise PaginationError(f"asked for offset {offset}, the server served {served}")
            following = served + len(page.data)
            if (
                not page.data
                or (page.total is not None and following >= page.total)
                or (page.total is None and len(page.data) < walk.size)
            ):
                walk.finished = True
                return
            walk.token, walk.used = following, 0

    def _elements(self, walk: _Walk) -> Iterator[T]:
        for page in self._pages(walk):
            data = page.data
            for index in range(walk.used, len(data)):
                walk.used = index + 1
                yield data[index]

    def first(self) -> Optional[T]:
        """The first element, or None; fetches a single small page."""
        for item in self.take(1):
            return item
        return None

    def take(self, n: int) -> List[T]:
        """The first ``n`` elements, fetching no more pages than needed."""
        if n <= 0:
            return []
        walk = self._cache_walk
        if len(self._cache) >= n or (walk is not None and walk.finished):
            return self._cache[:n]
        size = min(self.page_size, max(self.paging.min_limit, n))
        return list(itertools.islice(self._elements(_Walk(size)), n))

    def all(self, *, progress: Any = False) -> List[T]:
        """Every element, as a list; ``progress=True`` shows a tqdm bar (``miro[progress]``)
        that knows its total on lists that report one (boards, members, tags)."""
        if progress:
            return collect(self, progress, "listing")
        return list(self)

    def __len__(self) -> int:
        raise TypeError(
            "a Paginator has no len() without fetching every page; use len(paginator.all())"
        )

    def _cached(self, stop: Optional[int]) -> List[T]:
        """The kept elements, fetching further pages until there are ``stop`` (or all)."""
        cache = self._cache
        while stop is None or len(cache) < stop:
            if self._cache_pages is None:
                if self._cache_walk is None:
                    self._cache_walk = _Walk(self.page_size)
                elif self._cache_walk.finished:
                    break
                # After a failed fetch the walk still points at the page that failed.
                self._cache_pages = self._pages(self._cache_walk)
            try:
                cache.extend(next(self._cache_pages).data)
            except StopIteration:
                self._cache_pages = None
                break
            except BaseException:
                self._cache_pages = None
                raise
        return cache

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> List[T]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[T, List[T]]:
        """``paginator[i]`` and ``paginator[a:b]`` fetch only the pages they need, once."""
        if isinstance(index, slice):
            if (index.start or 0) < 0 or (index.stop is not None and index.stop < 0):
                raise InvalidArgument("negative slices need every page; use .all()[...]")
            return self._cached(index.stop)[index]
        if isinstance(index, bool) or not isinstance(index, int):
            raise InvalidArgumentType(
                f"index must be an int or a slice, got {type(index).__name__}"
            )
        if index < 0:
            raise InvalidArgument("negative indexes need every page; use .all()[index]")
        found = self._cached(index + 1)
        if len(found) <= index:
            raise IndexError(index)
        return found[index]


def _int(value: Any) -> Optional[int]:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None
