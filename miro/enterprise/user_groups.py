"""User groups of an organization, their members and teams, and what is shared with them.

* ``org.user_groups``: create, iterate, get, update, delete (:class:`UserGroups`);
* ``group.members``: add, iterate, get, remove, and :meth:`GroupMembers.update`, the bulk
  PATCH that answers 207 with one result per operation (:class:`MembersUpdate`: what was
  added, removed, and what failed — nothing is dropped silently);
* ``group.teams``: the teams the group belongs to (read only);
* ``team.user_groups``: add a group to a team, iterate, get, remove (:class:`TeamUserGroups`);
* ``org.board_user_groups(board)`` / ``org.project_user_groups(project)``: share a board or
  project with groups (role ``VIEWER``, ``COMMENTER`` or ``EDITOR``), list, unshare.

Every list is cursor-paged, 1..100 per page (API-NOTES §2.2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional, Union

import attrs

from ..core import params as p
from ..core.pagination import Page, Paginator
from ..core.paths import check_id
from ..core.resource import Collection, Model, Resource
from ..core.signatures import declared
from ..errors import InvalidArgument
from .base import ORG_CURSOR, child

if TYPE_CHECKING:  # the keywords of create/update/add (generated from the declarations below)
    from typing_extensions import Unpack

    from .._declared import UserGroupChanges, UserGroupCreate, UserGroupMemberAdd

#: Roles a user group can have on a board or a project.
SHARING_ROLES = ("VIEWER", "COMMENTER", "EDITOR")
#: Roles a user group can have in a team (the API knows one).
TEAM_ROLES = ("member",)
#: Most users one bulk membership change may add and remove together.
MAX_BULK_MEMBERS = 500

GROUP_FIELDS = p.Body(
    p.top(name=p.text(min_length=1, max_length=60), description=p.text(max_length=300)),
    required=("name",),
)
GROUP_CHANGES = GROUP_FIELDS.optional()
MEMBER_FIELDS = p.Body(p.top(email=p.text(min_length=1)), required=("email",))
TEAM_GROUP_FIELDS = p.Body(
    p.top(user_group_id=p.ID, role=p.choice(*TEAM_ROLES)), required=("user_group_id", "role")
)
SHARE_FIELDS = p.Body(
    p.top(user_group_ids=p.list_of(p.ID, min_items=1), role=p.choice(*SHARING_ROLES)),
    required=("user_group_ids", "role"),
)
_MEMBER_LIST = p.list_of(p.text(min_length=1), max_items=MAX_BULK_MEMBERS)
MEMBERS_UPDATE = p.Body(p.top(members_to_add=_MEMBER_LIST, members_to_remove=_MEMBER_LIST))


def _user(name: str, value: Any) -> str:
    """A user id or email; a model with an ``email`` or ``id`` stands for it."""
    if isinstance(value, str):
        return p.text(min_length=1)(name, value)
    return check_id(name, value)


def _list(value: Any) -> List[Any]:
    if value is None:
        return []
    return [value] if isinstance(value, (str, int)) or hasattr(value, "id") else list(value)


class _OrgCollection(Collection[Any]):
    """A collection under ``/v2/orgs/{org_id}``: cursor pages of 1..100."""

    _abstract = True  # a shared base: the concrete collections declare path and model
    paging = ORG_CURSOR

    @property
    def org_id(self) -> str:
        """The organization."""
        return str(self._parents["org_id"])

    def list(self, *, limit: Optional[int] = None) -> Paginator[Any]:
        """Every element, fetched page by page as you iterate (``limit``: page size 1..100)."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.list())

    def page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[Any]:
        """One page, as the API returns it (``.data``, ``.cursor`` …)."""
        return self.list(limit=limit).page(cursor=cursor)

    def get(self, ident: Any) -> Any:
        """Get one element by id."""
        return self._get(ident)


# --------------------------------------------------------------------------- members


@attrs.define(kw_only=True, repr=False)
class UserGroupMember(Resource):
    """A member of a user group (``id`` is the user id)."""

    _summary_fields = ("email",)

    email: Optional[str] = None
    type: Optional[str] = None

    def remove(self) -> None:
        """Take this member out of the group."""
        self._require_collection().remove(self.id)


@attrs.define(kw_only=True)
class ApiErrorBody(Model):
    """Miro's error object, as it appears inside a 207 result."""

    status: Optional[float] = None
    code: Optional[str] = None
    message: Optional[str] = None
    type: Optional[str] = None


@attrs.define(kw_only=True)
class MembersUpdateResult(Model):
    """One operation of a bulk membership change: ``addMembers`` or ``removeMembers``.

    ``status`` is that operation's own HTTP status; on success ``affected_users`` lists the
    members it changed, on failure ``error`` says why.
    """

    operation: Optional[str] = None
    status: Optional[int] = None
    affected_users: List[UserGroupMember] = attrs.field(factory=list)
    error: Optional[ApiErrorBody] = None

    @property
    def ok(self) -> bool:
        """Whether this operation succeeded."""
        return self.error is None and (self.status is None or 200 <= self.status < 300)


@attrs.define
class MembersUpdate:
    """The 207 answer of a bulk membership change: every per-operation result, in order."""

    results: List[MembersUpdateResult]

    def __iter__(self) -> Iterator[MembersUpdateResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @property
    def ok(self) -> bool:
        """Whether every operation succeeded."""
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> List[MembersUpdateResult]:
        """The operations that failed (with their ``error``)."""
        return [r for r in self.results if not r.ok]

    def _affected(self, operation: str) -> List[UserGroupMember]:
        return [
            u for r in self.results if r.ok and r.operation == operation for u in r.affected_users
        ]

    @property
    def added(self) -> List[UserGroupMember]:
        """Members the ``addMembers`` operation added."""
        return self._affected("addMembers")

    @property
    def removed(self) -> List[UserGroupMember]:
        """Members the ``removeMembers`` operation removed."""
        return self._affected("removeMembers")

    def raise_for_errors(self) -> MembersUpdate:
        """Raise :class:`~miro.errors.InvalidArgument` describing the failed operations, if any."""
        if self.failed:
            described = "; ".join(
                f"{r.operation}: {r.error.message if r.error else r.status}" for r in self.failed
            )
            raise InvalidArgument(f"user group membership change partly failed: {described}")
        return self


class GroupMembers(_OrgCollection):
    """``group.members``: who is in a user group."""

    path = "/v2/orgs/{org_id}/groups/{group_id}/members"
    item_key = "member_id"
    model = UserGroupMember

    @declared(MEMBER_FIELDS)
    def add(self, email: str, **fields: Unpack[UserGroupMemberAdd]) -> UserGroupMember:
        """Add an organization member to the group by email; returns the member."""
        return self._create(MEMBER_FIELDS.build({"email": email, **fields}))

    def remove(self, member: Any) -> None:
        """Take a member (user id or member object) out of the group."""
        self._delete(check_id("member", member))

    def update(self, *, add: Any = None, remove: Any = None) -> MembersUpdate:
        """Add and remove members in one call (user ids or emails, at most 500 together).

        Miro answers 207 Multi-Status: the returned :class:`MembersUpdate` holds one result
        per operation; check ``.ok`` / ``.failed`` or call ``.raise_for_errors()``. Adding
        may succeed partly: then two ``addMembers`` results come back, ``.added`` lists
        who was added and ``.failed`` explains the rest.
        """
        to_add = [_user(f"add[{i}]", v) for i, v in enumerate(_list(add))]
        to_remove = [_user(f"remove[{i}]", v) for i, v in enumerate(_list(remove))]
        if not to_add and not to_remove:
            raise InvalidArgument("give add= and/or remove= (user ids or emails)")
        if len(to_add) + len(to_remove) > MAX_BULK_MEMBERS:
            raise InvalidArgument(
                f"add and remove take at most {MAX_BULK_MEMBERS} users together, "
                f"got {len(to_add) + len(to_remove)}"
            )
        body = MEMBERS_UPDATE.build(
            {"members_to_add": to_add or None, "members_to_remove": to_remove or None}
        )
        return self.apply(body)

    def apply(self, body: Any) -> MembersUpdate:
        """Send an ``UpdateUserGroupMembersRequest`` body as is (already validated)."""
        answer = self.request("PATCH", self.url(), json=body) or []
        return MembersUpdate([MembersUpdateResult.from_dict(r) for r in answer])


# --------------------------------------------------------------------------- teams


@attrs.define(kw_only=True, repr=False)
class GroupTeam(Resource):
    """A team a user group belongs to (``id`` is the team id)."""

    _summary_fields = ("role",)

    role: Optional[str] = None
    type: Optional[str] = None


class GroupTeams(_OrgCollection):
    """``group.teams``: the teams a user group belongs to (read only)."""

    path = "/v2/orgs/{org_id}/groups/{group_id}/teams"
    item_key = "team_id"
    model = GroupTeam


# --------------------------------------------------------------------------- groups


@attrs.define(kw_only=True, repr=False)
class UserGroup(Resource):
    """A user group of the organization; ``group.members`` and ``group.teams`` reach into it."""

    _summary_fields = ("name",)

    name: Optional[str] = None
    description: Optional[str] = None
    type: Optional[str] = None

    @property
    def _groups(self) -> UserGroups:
        return self._require_collection()

    members = child(GroupMembers)
    teams = child(GroupTeams)

    def refresh(self) -> UserGroup:
        """Reload the group (fills a lazy handle)."""
        self._replace_with(self._groups.get(self.id))
        return self

    @declared(GROUP_CHANGES)
    def update(self, **changes: Unpack[UserGroupChanges]) -> UserGroup:
        """Rename the group or change its description; updates this object."""
        self._replace_with(self._groups.update(self.id, **changes))
        return self

    def delete(self) -> None:
        """Delete the group (its members stay in the organization)."""
        self._groups.delete(self.id)


class UserGroups(_OrgCollection):
    """``org.user_groups``: the organization's user groups."""

    path = "/v2/orgs/{org_id}/groups"
    item_key = "group_id"
    model = UserGroup

    @declared(GROUP_FIELDS)
    def create(self, **fields: Unpack[UserGroupCreate]) -> UserGroup:
        """Create a user group; returns it."""
        return self._create(GROUP_FIELDS.build(fields))

    def get(self, group_id: Any, *, lazy: bool = False) -> UserGroup:
        """Get a group; ``lazy=True`` returns a handle without sending a request."""
        if lazy:
            return UserGroup(id=check_id("group_id", group_id))._bind(self)
        return self._get(group_id)

    @declared(GROUP_CHANGES)
    def update(self, group_id: Any, **changes: Unpack[UserGroupChanges]) -> UserGroup:
        """Rename a group or change its description."""
        return self._update(group_id, GROUP_CHANGES.build(changes))

    def delete(self, group_id: Any) -> None:
        """Delete a group."""
        self._delete(group_id)


@attrs.define(kw_only=True, repr=False)
class TeamUserGroup(Resource):
    """A user group in a team (``id`` is the group id)."""

    _summary_fields = ("role",)

    role: Optional[str] = None
    type: Optional[str] = None

    def remove(self) -> None:
        """Take this group out of the team."""
        self._require_collection().remove(self.id)


class TeamUserGroups(_OrgCollection):
    """``team.user_groups``: the user groups in a team."""

    path = "/v2/orgs/{org_id}/teams/{team_id}/groups"
    item_key = "group_id"
    model = TeamUserGroup

    def add(self, group: Any, *, role: str = "member") -> TeamUserGroup:
        """Add a user group (id or object) to the team; ``role`` is ``member``."""
        return self._create(TEAM_GROUP_FIELDS.build({"user_group_id": group, "role": role}))

    def remove(self, group: Any) -> None:
        """Take a user group (id or object) out of the team."""
        self._delete(check_id("group", group))


# --------------------------------------------------------------------------- sharing


@attrs.define(kw_only=True, repr=False)
class SharedUserGroup(Resource):
    """A user group a board or project is shared with, and its role there."""

    _summary_fields = ("role",)

    role: Optional[str] = None
    type: Optional[str] = None

    def remove(self) -> None:
        """Stop sharing with this group."""
        self._require_collection().remove(self.id)


class _Shares(_OrgCollection):
    """The user groups one board or project is shared with."""

    _abstract = True
    item_key = "group_id"
    model = SharedUserGroup

    @classmethod
    def under(cls, org: Resource, **shared: Any) -> Any:
        """The shares of one board or project (``board_id=`` / ``project_id=``) of ``org``."""
        ((name, value),) = shared.items()
        return cls(
            org._require_collection().transport, org_id=org.id, **{name: check_id(name, value)}
        )

    def share(self, groups: Union[Any, Iterable[Any]], *, role: str = "VIEWER") -> SharedUserGroup:
        """Share with one or more user groups (ids or objects) with ``role``
        (``VIEWER``, ``COMMENTER`` or ``EDITOR``); a group already shared gets the new role.
        Returns the sharing Miro reports."""
        ids = _list(groups)
        return self.wrap(
            self.request(
                "POST", self.url(), json=SHARE_FIELDS.build({"user_group_ids": ids, "role": role})
            )
        )

    def get(self, group: Any) -> SharedUserGroup:
        """The sharing with one user group (Miro has no call for one: this walks the list)."""
        group_id = check_id("group", group)
        for shared in self.list():
            if shared.id == group_id:
                return shared
        raise KeyError(f"not shared with user group {group_id}")

    def remove(self, group: Any) -> None:
        """Stop sharing with a user group (id or object)."""
        self._delete(check_id("group", group))


class BoardUserGroups(_Shares):
    """The user groups a board is shared with: ``org.board_user_groups(board)``."""

    path = "/v2/orgs/{org_id}/boards/{board_id}/groups"


class ProjectUserGroups(_Shares):
    """The user groups a project is shared with: ``org.project_user_groups(project)``."""

    path = "/v2/orgs/{org_id}/projects/{project_id}/groups"
