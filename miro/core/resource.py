"""Models, bound resources and the collection base every API domain builds on.

* :class:`Model` — plain data (attrs). Unknown JSON keys land in ``extra``;
  :meth:`Model.to_dict` gives the API JSON back.
* :class:`Resource` — a model that knows the collection it came from, so
  ``note.update(...)`` and ``board.delete()`` work. The back-reference is private: it is
  not compared, not shown in ``repr`` and not serialised, and ``repr`` never does I/O.
* :class:`Collection` — holds the transport and the parent ids, builds paths, sends
  requests and turns answers into bound resources. Domain collections declare their
  ``path`` and ``model`` and add only what differs.
"""

from __future__ import annotations

from typing import (
    Any,
    ClassVar,
    Dict,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
    overload,
)

import attrs

from ..errors import MalformedResponse
from .convert import structure
from .official import OfficialModel
from .pagination import Paginator, Paging
from .paths import expand
from .public import html_repr, public_dir
from .transport import Transport

M = TypeVar("M", bound="Model")
_COLLECTION: Any = object()  # url() without an id: the collection itself
R = TypeVar("R", bound="Resource")
# ``extra`` unset and ``extra == {}`` are the same thing.
_SAME_EXTRA = attrs.cmp_using(eq=lambda a, b: (a or {}) == (b or {}), require_same_type=False)


@attrs.define(kw_only=True)
class Model(OfficialModel):
    """Base of every API object: attrs fields, plus ``extra`` for keys we do not model.

    ``to_dict()``/``from_dict()`` and the official client's model methods come from
    :class:`~miro.core.official.OfficialModel`."""

    # Created on first use: most objects have no unknown keys, and an empty dict on each
    # of an item's ~8 sub-objects was a fifth of the memory a listing held.
    _extra: Optional[Dict[str, Any]] = attrs.field(default=None, repr=False, eq=_SAME_EXTRA)

    @property
    def extra(self) -> Dict[str, Any]:
        """The JSON keys this model does not declare, kept as Miro sent them."""
        extra = self._extra
        if extra is None:
            extra = self._extra = {}
        return extra

    @extra.setter
    def extra(self, value: Dict[str, Any]) -> None:
        self._extra = value

    # --- display (issue #11): reached lazily, so `import miro` never loads miro.display ---
    def _repr_html_(self) -> str:
        return html_repr(self)

    def __dir__(self) -> List[str]:
        return public_dir(self)

    # --- end display ----------------------------------------------------------------------


@attrs.define(kw_only=True, repr=False)
class Resource(Model):
    """A model bound to the collection it belongs to."""

    id: str
    _collection: Any = attrs.field(default=None, init=False, eq=False)

    #: Attribute paths shown in the short repr after the id, e.g. ``("data.content",)``.
    _summary_fields: ClassVar[Tuple[str, ...]] = ()

    def _bind(self: R, collection: Collection) -> R:
        self._collection = collection
        return self

    def _require_collection(self) -> Any:
        if self._collection is None:
            raise RuntimeError(
                f"{type(self).__name__} {self.id} is not bound to a client; "
                "get it through a MiroApi object to call methods on it"
            )
        return self._collection

    def _replace_with(self, fresh: Resource) -> None:
        """Copy every field of ``fresh`` (the server's answer) onto this object."""
        for field in attrs.fields(type(self)):
            if field.name != "_collection" and hasattr(fresh, field.name):
                setattr(self, field.name, getattr(fresh, field.name))

    def __repr__(self) -> str:
        parts = [f"id={self.id!r}"]
        for path in self._summary_fields:
            value: Any = self
            for name in path.split("."):
                value = getattr(value, name, None)
            if value not in (None, ""):
                shown = (
                    value if not isinstance(value, str) or len(value) <= 40 else value[:39] + "…"
                )
                parts.append(f"{path.rsplit('.', 1)[-1]}={shown!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


class Collection(Generic[R]):
    """Requests for one kind of resource under fixed parent ids.

    Subclasses declare ``path`` (the template of the collection URL, e.g.
    ``/v2/boards/{board_id}/members``), ``model`` and, when listable, ``paging``.
    ``item_path`` defaults to ``path + "/{id}"``.
    """

    path: ClassVar[str]
    model: ClassVar[Type[Any]]
    paging: ClassVar[Optional[Paging]] = None
    item_key: ClassVar[str] = "id"

    def __init__(self, transport: Transport, **parents: Any) -> None:
        self._transport = transport
        self._parents = parents

    def __repr__(self) -> str:
        ids = ", ".join(f"{k}={v!r}" for k, v in self._parents.items())
        return f"<{type(self).__name__} {ids}>".replace(" >", ">")

    def __dir__(self) -> List[str]:  # issue #11: the public API only
        return public_dir(self)

    @property
    def transport(self) -> Transport:
        """The transport this collection sends requests with."""
        return self._transport

    def url(self, item_id: Any = _COLLECTION, suffix: str = "") -> str:
        """The encoded path of the collection, or of one element of it (checking the id)."""
        ids = dict(self._parents)
        template = self.path
        if item_id is not _COLLECTION:
            template = f"{self.path}/{{{self.item_key}}}"
            ids[self.item_key] = item_id
        return expand(template + suffix, **ids)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send a request through this collection's transport."""
        return self._transport.request(method, path, **kwargs)

    def wrap(self, data: Any) -> R:
        """Turn one JSON object into a bound resource.

        JSON that does not fit the model raises :class:`~miro.errors.MalformedResponse`.
        """
        obj = structure(data, self.model)
        return cast(R, obj._bind(self) if isinstance(obj, Resource) else obj)

    def _answer(self, method: str, path: str, **kwargs: Any) -> R:
        """Send a request and wrap its answer; a malformed answer names the request."""
        data = self.request(method, path, **kwargs)
        try:
            return self.wrap(data)
        except MalformedResponse as error:
            raise error.located(method, path) from None

    def _get(self, item_id: Any, params: Optional[Mapping[str, Any]] = None) -> R:
        return self._answer("GET", self.url(item_id), params=params)

    def _create(self, body: Any, params: Optional[Mapping[str, Any]] = None) -> R:
        return self._answer("POST", self.url(), json=body, params=params)

    def _update(self, item_id: Any, body: Any, method: str = "PATCH") -> R:
        return self._answer(method, self.url(item_id), json=body)

    def _delete(self, item_id: Any, params: Optional[Mapping[str, Any]] = None) -> None:
        self.request("DELETE", self.url(item_id), params=params)

    def _paginate(
        self,
        params: Optional[Mapping[str, Any]] = None,
        limit: Optional[int] = None,
        path: Optional[str] = None,
    ) -> Paginator[R]:
        if self.paging is None:
            raise TypeError(f"{type(self).__name__} cannot be listed")
        url = path or self.url()
        return Paginator(
            lambda query: self.request("GET", url, params=query),
            self.wrap,
            self.paging,
            params,
            limit,
            path=url,
        )

    # A listable collection reads as a sequence; each use is a fresh listing that fetches
    # only the pages it needs (keep ``.list()`` to index one listing repeatedly).
    def _listing(self) -> Paginator[R]:
        lister = getattr(self, "list", None)
        if lister is None:
            raise TypeError(f"{type(self).__name__} cannot be listed")
        return cast(Paginator[R], lister())

    def __iter__(self) -> Iterator[R]:
        return iter(self._listing())

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> List[R]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[R, List[R]]:
        """``collection[i]``, ``collection[a:b]``: fetch only the pages needed."""
        return self._listing()[index]

    def first(self) -> Optional[R]:
        """The first element, or None (one small page)."""
        return self._listing().first()

    def take(self, n: int) -> List[R]:
        """The first ``n`` elements, fetching no more pages than needed."""
        return self._listing().take(n)
