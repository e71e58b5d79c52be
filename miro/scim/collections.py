"""``scim.users`` and ``scim.groups``: SCIM collections on the shared core.

Lists page the SCIM way (``startIndex`` from 1, ``count`` up to 1000, ``totalResults``)
through :class:`ScimPaginator`; filters are checked before sending
(:mod:`miro.scim.filters`). PATCH operations are given as dicts
(``{"op": "replace", "path": "active", "value": False}``) or ``(op, path, value)`` tuples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, Optional, Sequence, TypeVar

from ..core import params as p
from ..core.pagination import Page, Paginator, Paging, Position, _Walk
from ..core.paths import check_id
from ..core.resource import Collection, Resource
from ..core.signatures import declared
from ..errors import InvalidArgument, InvalidArgumentType
from .filters import check_filter

if TYPE_CHECKING:  # the keywords of create/replace (generated from USER)
    from typing_extensions import Unpack

    from .._declared import ScimUserFields
from .models import (
    ENTERPRISE_USER_SCHEMA,
    PATCH_OP_SCHEMA,
    USER_SCHEMA,
    ScimGroup,
    ScimListResponse,
    ScimUser,
)

SCIM_JSON = "application/scim+json"
R = TypeVar("R", bound=Resource)
#: ``startIndex``/``count`` paging: up to 1000 a page, 100 when not given (API-NOTES §2.2).
SCIM_PAGING = Paging(
    "scim", 1, 1000, limit_as_string=False, data_key="Resources", limit_name="count"
)
SORT_ORDERS = ("ascending", "descending")
PATCH_OPS = ("add", "remove", "replace")
#: Primary organization roles SCIM may set (``roles[primary eq true].value``).
PRIMARY_ROLES = ("ORGANIZATION_INTERNAL_ADMIN", "ORGANIZATION_INTERNAL_USER")

LIST_QUERY = p.Body(
    p.top(
        filter=check_filter,
        attributes=p.TEXT,
        sort_by=p.TEXT,
        sort_order=p.choice(*SORT_ORDERS),
    )
)
_NAME = p.section("name", given_name=p.TEXT, family_name=p.TEXT, formatted=p.text(max_length=60))
#: ``CreateUserResource`` / ``UserResource`` as keyword arguments.
USER = p.Body(
    p.top(
        user_name=p.text(min_length=3),
        display_name=p.text(max_length=60),
        user_type=p.TEXT,
        active=p.BOOLEAN,
        preferred_language=p.TEXT,
        roles=p.list_of(p.json_object),
        photos=p.list_of(p.json_object),
        emails=p.list_of(p.json_object),
        groups=p.list_of(p.json_object),
        schemas=p.list_of(p.TEXT),
        enterprise=p.json_object,
    ),
    _NAME,
    required=("user_name",),
)


class ScimPaginator(Paginator[R]):
    """SCIM lists: ``startIndex`` (1-based) and ``count``, ending at ``totalResults``."""

    def pages(
        self, page_size: Optional[int] = None, *, start: Position = None
    ) -> Iterator[Page[R]]:
        """Yield each page in turn (one request per page), from ``startIndex`` ``start``
        (1-based; the first element by default)."""
        size = self.page_size if page_size is None else self.paging.check_limit(page_size)
        if start is not None and (isinstance(start, bool) or not isinstance(start, int)):
            raise InvalidArgumentType(f"start must be a 1-based index, got {start!r}")
        return self._pages(_Walk(size, start))

    def _pages(self, walk: _Walk) -> Iterator[Page[R]]:
        # The walk's token is the startIndex of the page being read (iteration, resume()).
        while True:
            start = int(walk.token or 1)
            page = self.page(start_index=start, count=walk.size)
            yield page
            following = start + len(page.data)
            if not page.data or (page.total is not None and following > page.total):
                walk.finished = True
                return
            walk.token, walk.used = following, 0

    def page(self, *, start_index: int = 1, count: Optional[int] = None, **_: Any) -> Page[R]:
        """One page from ``start_index`` (1-based) with ``count`` elements at most."""
        if isinstance(start_index, bool) or not isinstance(start_index, int) or start_index < 1:
            raise InvalidArgument(f"start_index must be a whole number from 1, got {start_index!r}")
        size = self.page_size if count is None else self.paging.check_limit(count)
        body = self._fetch({**self.params, "startIndex": start_index, "count": size})
        if not isinstance(body, Mapping):
            raise InvalidArgumentType(f"expected a SCIM list, got {type(body).__name__}")
        return Page(
            data=[self._convert(item) for item in body.get("Resources") or []],
            total=_int(body.get("totalResults")),
            size=_int(body.get("itemsPerPage")),
            offset=_int(body.get("startIndex")),
        )


def _int(value: Any) -> Optional[int]:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def patch_body(
    operations: Any, *, paths: Optional[Sequence[str]] = None, as_text: bool = False
) -> Dict[str, Any]:
    """A ``PatchOp`` body from dicts or ``(op, path, value)`` tuples, each checked.

    ``op`` is sent capitalised, as Miro documents it; with ``as_text`` (user patches, whose
    values the API types as strings) booleans are sent as ``"true"``/``"false"``.
    """
    if isinstance(operations, Mapping) and "Operations" in operations:
        operations = operations["Operations"]
    if isinstance(operations, (str, bytes, Mapping)) or not isinstance(operations, Sequence):
        raise InvalidArgumentType("operations must be a list of PATCH operations")
    if not operations:
        raise InvalidArgument("operations must have at least one PATCH operation")
    out: List[Dict[str, Any]] = []
    for i, op in enumerate(operations):
        where = f"operations[{i}]"
        if isinstance(op, tuple):
            op = dict(zip(("op", "path", "value"), op))
        if not isinstance(op, Mapping):
            raise InvalidArgumentType(f"{where} must be a dict or an (op, path, value) tuple")
        unknown = set(op) - {"op", "path", "value"}
        if unknown:
            raise InvalidArgumentType(f"{where}: unknown field {sorted(unknown)[0]!r}")
        verb = op.get("op")
        if not isinstance(verb, str) or verb.lower() not in PATCH_OPS:
            raise InvalidArgument(
                f"{where}['op'] must be one of add, remove, replace; got {verb!r}"
            )
        if paths is not None and op.get("path") is not None and op["path"] not in paths:
            listed = ", ".join(repr(x) for x in paths)
            raise InvalidArgument(f"{where}['path'] must be one of {listed}; got {op['path']!r}")
        if verb.lower() == "remove" and not op.get("path"):
            raise InvalidArgument(f"{where}: a remove operation needs a path")
        sent = {k: v for k, v in op.items() if v is not None or k == "value"}
        sent["op"] = verb.capitalize()  # Miro documents "Add", "Remove", "Replace"
        if as_text and isinstance(sent.get("value"), bool):
            sent["value"] = "true" if sent["value"] else "false"  # user values are strings
        out.append(sent)
    return {"schemas": [PATCH_OP_SCHEMA], "Operations": out}


class ScimCollection(Collection[R]):
    """Shared plumbing: SCIM media type on bodies, SCIM paging on lists."""

    _abstract = True  # declares no path: ScimUsers and ScimGroups do
    paging = SCIM_PAGING

    def _send(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        headers = {"Content-Type": SCIM_JSON} if body is not None else None
        query = {k: v for k, v in params.items() if v is not None} or None
        return self.request(method, path, json=body, params=query, headers=headers)

    def _list(self, count: Optional[int], **filters: Any) -> ScimPaginator[R]:
        query = LIST_QUERY.check(filters)
        wire = {_WIRE.get(k, k): v for k, v in query.items()}
        url = self.url()
        return ScimPaginator(
            lambda q: self.request("GET", url, params=q), self.wrap, self.paging, wire, count
        )

    def list(
        self,
        *,
        filter: Optional[str] = None,
        attributes: Optional[str] = None,
        sort_by: Optional[str] = None,
        sort_order: Optional[str] = None,
        count: Optional[int] = None,
    ) -> ScimPaginator[R]:
        """Every resource, or those ``filter`` matches (e.g. ``'userName sw "ann"'``), page
        by page; ``count`` is the page size (1..1000)."""
        return self._list(
            count, filter=filter, attributes=attributes, sort_by=sort_by, sort_order=sort_order
        )

    def __iter__(self) -> Iterator[R]:
        return iter(self.list())

    def get(self, resource_id: str, *, attributes: Optional[str] = None) -> R:
        """One resource by id (``attributes``: a comma-separated subset to return)."""
        query = LIST_QUERY.check({"attributes": attributes})
        return self.wrap(self._send("GET", self.url(resource_id), **query))

    def page(self, *, start_index: int = 1, count: Optional[int] = None, **filters: Any) -> Any:
        """One page as Miro sends it (a :class:`ScimListResponse` of bound resources)."""
        query = {_WIRE.get(k, k): v for k, v in LIST_QUERY.check(filters).items()}
        if count is not None:
            self.paging.check_limit(count)
        body = self._send("GET", self.url(), startIndex=start_index, count=count, **query)
        page = ScimListResponse.from_dict(body)
        page.resources = [self.wrap(r) for r in page.resources]
        return page


_WIRE = {"sort_by": "sortBy", "sort_order": "sortOrder"}


class ScimUsers(ScimCollection[ScimUser]):
    """``scim.users``: provision, read, change and deprovision the organization's users."""

    path = "/Users"
    model = ScimUser

    @declared(USER)
    def create(self, user_name: str, **fields: Unpack[ScimUserFields]) -> ScimUser:
        """Provision a user: ``create("ann@x.com", given_name="Ann", family_name="Lee")``.

        ``user_type`` is the license (e.g. ``"Full"``), ``enterprise`` the enterprise
        extension as a dict.
        """
        return self.wrap(self._send("POST", self.url(), user_body(user_name=user_name, **fields)))

    @declared(USER)
    def replace(self, user_id: str, user_name: str, **fields: Unpack[ScimUserFields]) -> ScimUser:
        """Replace a user's attributes (PUT): what is not given is cleared, as SCIM says."""
        body = user_body(user_name=user_name, **fields)
        return self.wrap(self._send("PUT", self.url(user_id), body))

    def patch(self, user_id: str, operations: Any) -> ScimUser:
        """Apply PATCH operations, e.g. ``[("replace", "active", False)]``."""
        body = patch_body(operations, as_text=True)
        return self.wrap(self._send("PATCH", self.url(user_id), body))

    def delete(self, user_id: str) -> None:
        """Delete a user from the organization."""
        self._send("DELETE", self.url(user_id))


def user_body(**fields: Any) -> Dict[str, Any]:
    """A ``UserResource`` body from keyword arguments, checked."""
    body = USER.build(fields)
    if "enterprise" in body:
        body[ENTERPRISE_USER_SCHEMA] = body.pop("enterprise")
    body.setdefault("schemas", [USER_SCHEMA])
    return body


class ScimGroups(ScimCollection[ScimGroup]):
    """``scim.groups``: the organization's teams as SCIM groups (read, rename, membership)."""

    path = "/Groups"
    model = ScimGroup

    def patch(
        self, group_id: str, operations: Any, *, attributes: Optional[str] = None
    ) -> ScimGroup:
        """Apply PATCH operations on ``members`` or ``displayName``."""
        body = patch_body(operations, paths=("members", "displayName"))
        query = LIST_QUERY.check({"attributes": attributes})
        return self.wrap(self._send("PATCH", self.url(group_id), body, **query))

    def add_members(self, group_id: str, *users: Any) -> ScimGroup:
        """Add users (ids or :class:`ScimUser` objects) to a team."""
        return self.patch(group_id, [("add", "members", _members(users))])

    def remove_members(self, group_id: str, *users: Any) -> ScimGroup:
        """Remove users from a team (all or nothing, as Miro does it)."""
        return self.patch(group_id, [("remove", "members", _members(users))])

    def rename(self, group_id: str, display_name: str) -> ScimGroup:
        """Rename a team."""
        name = p.text(min_length=1)("display_name", display_name)
        return self.patch(group_id, [("replace", "displayName", name)])


def _members(users: Sequence[Any]) -> List[Dict[str, str]]:
    if not users:
        raise InvalidArgument("give at least one user")
    return [{"value": check_id(f"users[{i}]", u)} for i, u in enumerate(users)]
