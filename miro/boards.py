"""Boards: ``api.boards`` and the :class:`Board` resource."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Dict, Iterator, Optional

import attrs

from . import _addons
from .core import params as p
from .core.pagination import BOARD_OFFSET, Page, Paginator
from .core.paths import check_id
from .core.progress import collect
from .core.resource import Collection, Model, Resource
from .core.signatures import declared
from .members import BoardMember, BoardMembers
from .models import Links, UserRef

if TYPE_CHECKING:  # each loads with the first board that asks for it
    from typing_extensions import Unpack

    from ._declared import BoardChanges, BoardFilters, CopyBoardChanges
    from .connectors import Connectors
    from .experimental import BoardExperimental
    from .groups import Groups
    from .items.collection import Items
    from .tags import Tags

ACCESS = ("private", "view", "comment", "edit")

POLICY = p.Body(
    p.section(
        "sharingPolicy",
        access=p.choice(*ACCESS),
        organization_access=p.choice(*ACCESS),
        team_access=p.choice(*ACCESS),
        invite_to_account_and_board_link_access=p.choice(
            "viewer", "commenter", "editor", "no_access"
        ),
    ),
    p.section(
        "permissionsPolicy",
        collaboration_tools_start_access=p.choice("all_editors", "board_owners_and_coowners"),
        copy_access=p.choice("anyone", "team_members", "team_editors", "board_owner"),
        sharing_access=p.choice("team_members_with_editing_rights", "owner_and_coowners"),
    ),
)


def _policy(name: str, value: Any) -> Dict[str, Any]:
    """A dict: {"sharingPolicy": {"access": …}, "permissionsPolicy": {"copyAccess": …}}."""
    return POLICY.build(POLICY.from_json(value, name))


_BOARD_FIELDS = dict(
    name=p.text(min_length=1, max_length=60),
    description=p.text(max_length=300),
    policy=_policy,
    team_id=p.ID,
)
#: What create and update accept (``BoardChanges``).
BOARD_CHANGES = p.Body(p.top(**_BOARD_FIELDS, project_id=p.ID))
#: What copy accepts (``CopyBoardChanges``: no project).
COPY_BOARD_CHANGES = p.Body(p.top(**_BOARD_FIELDS))
SORTS = ("default", "last_modified", "last_opened", "last_created", "alphabetically")
LIST_FILTERS = p.Body(
    p.top(
        team_id=p.ID,
        project_id=p.ID,
        query=p.text(max_length=500),
        owner=p.ID,
        sort=p.choice(*SORTS),
    )
)


@attrs.define(kw_only=True)
class Team(Model):
    """The team a board belongs to."""

    id: Optional[str] = None
    name: Optional[str] = None
    type: Optional[str] = None
    picture: Optional[Dict[str, Any]] = None


@attrs.define(kw_only=True, repr=False)
class Board(Resource):
    """A Miro board. ``board.items``, ``board.members`` reach its contents."""

    _summary_fields = ("name",)
    _shown_as: ClassVar[str] = "board"  # what the display add-on shows it as

    name: Optional[str] = None
    description: Optional[str] = None
    type: Optional[str] = None
    team: Optional[Team] = None
    project: Optional[Dict[str, Any]] = None
    picture: Optional[Dict[str, Any]] = None
    policy: Optional[Dict[str, Any]] = None
    view_link: Optional[str] = None
    owner: Optional[UserRef] = None
    current_user_membership: Optional[BoardMember] = None
    created_at: Optional[datetime.datetime] = None
    created_by: Optional[UserRef] = None
    last_opened_at: Optional[datetime.datetime] = None
    last_opened_by: Optional[UserRef] = None
    modified_at: Optional[datetime.datetime] = None
    modified_by: Optional[UserRef] = None
    links: Optional[Links] = None
    #: Items by type, once a walk has counted them (shown by the notebook display).
    _item_counts: Any = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def _boards(self) -> Boards:
        return self._require_collection()

    @property
    def items(self) -> Items:
        """Every item on the board; typed collections hang off it (``items.sticky_notes``)."""
        from .items.collection import Items

        return Items(self._boards.transport, board_id=self.id)

    @property
    def members(self) -> BoardMembers:
        """The board's members."""
        return BoardMembers(self._boards.transport, board_id=self.id)

    @property
    def connectors(self) -> Connectors:
        """The lines joining items on the board."""
        from .connectors import Connectors

        return Connectors(self._boards.transport, board_id=self.id)

    @property
    def tags(self) -> Tags:
        """The board's tags."""
        from .tags import Tags

        return Tags(self._boards.transport, board_id=self.id, board_items=_board_items)

    @property
    def experimental(self) -> BoardExperimental:
        """Experimental endpoints: mind maps, flowchart shapes, code widgets (may change)."""
        from .experimental import BoardExperimental

        return BoardExperimental(self._boards.transport, self.id)

    @property
    def groups(self) -> Groups:
        """The groups of items on the board."""
        from .groups import Groups

        return Groups(self._boards.transport, board_id=self.id)

    def refresh(self) -> Board:
        """Reload every field from Miro (fills a lazy handle)."""
        self._replace_with(self._boards.get(self.id))
        return self

    @declared(BOARD_CHANGES)
    def update(self, **changes: Unpack[BoardChanges]) -> Board:
        """Change the board; updates this object."""
        self._replace_with(self._boards.update(self.id, **changes))
        return self

    @declared(COPY_BOARD_CHANGES)
    def copy(self, **changes: Unpack[CopyBoardChanges]) -> Board:
        """Copy the board (the keywords apply to the copy); returns the new board."""
        return self._boards.copy(self.id, **changes)

    def delete(self) -> None:
        """Delete the board."""
        self._boards.delete(self.id)

    # --- exploring (issue #11): drawings, counts and snapshots, computed locally ----------
    def item_counts(self, *, progress: Any = False) -> Dict[str, int]:
        """How many items of each type the board holds (walks every item once); the
        board's notebook display shows them afterwards."""
        from .items.collection import placed

        counts: Dict[str, int] = {}
        for item in placed(_walk(self.items.list(), progress, "counting")):
            counts[item.type] = counts.get(item.type, 0) + 1
        self._item_counts = counts
        return dict(counts)

    def sketch(
        self,
        viewport: Any = None,
        *,
        zoom: Optional[float] = None,
        width: Optional[int] = None,
        max_items: int = 5000,
        progress: Any = False,
    ) -> Any:
        """An SVG drawing of the board (or of ``viewport=(x0, y0, x1, y1)`` in board
        coordinates), shown inline in Jupyter; ``.save("board.svg")`` writes it.

        ``zoom`` is pixels per board unit (default: fit ``width``, 960 px); at most
        ``max_items`` items are drawn. Walks the board's items and connectors once.
        """
        from .items.collection import placed

        items = placed(_walk(self.items.list(), progress, "items"))
        self._item_counts = _count(items)
        return _addons.use("sketch")(
            items,
            self.connectors.list(),
            viewport=viewport,
            zoom=zoom,
            width=width,
            max_items=max_items,
        )

    def snapshot(self, *, progress: Any = False) -> Any:
        """Every item, connector, tag and group of the board as plain, versioned data
        (a :class:`miro.Snapshot`): save it, diff it, restore it onto a new board."""
        snap = _addons.use("snapshot")(self, progress=progress)
        self._item_counts = snap.counts()
        return snap

    # --- end exploring ----------------------------------------------------------------------


def _walk(paginator: Any, progress: Any, desc: str) -> Any:
    """The paginator's elements, page by page, with a progress bar when asked."""
    return collect(paginator, progress, desc) if progress else paginator


def _count(items: Any) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for item in items:
        counts[item.type] = counts.get(item.type, 0) + 1
    return counts


def _board_items(transport: Any, *, board_id: str) -> Any:
    """A board's items, for its tags' ``items_with`` (loaded only when that is called)."""
    from .items.base import BoardItems

    return BoardItems(transport, board_id=board_id)


class Boards(Collection[Board]):
    """``api.boards``: list, create, get, update, copy and delete boards."""

    path = "/v2/boards"
    item_key = "board_id"
    model = Board
    paging = BOARD_OFFSET

    def list(
        self, *, limit: Optional[int] = None, **filters: Unpack[BoardFilters]
    ) -> Paginator[Board]:
        """Every board matching the filters, fetched page by page as you iterate.

        Filters: ``team_id``, ``project_id``, ``query`` (name or description contains),
        ``owner`` (user id), ``sort`` (one of default, last_modified, last_opened,
        last_created, alphabetically). ``limit`` is the page size (1..50).
        """
        return self._paginate(LIST_FILTERS.check(filters), limit)

    def __iter__(self) -> Iterator[Board]:
        return iter(self.list())

    @declared(BOARD_CHANGES)
    def create(self, **fields: Unpack[BoardChanges]) -> Board:
        """Create a board; returns it."""
        return self._create(BOARD_CHANGES.build(fields))

    def get(self, board_id: str, *, lazy: bool = False) -> Board:
        """Get a board; ``lazy=True`` returns a handle without sending a request."""
        if lazy:
            return Board(id=check_id("board_id", board_id))._bind(self)
        return self._get(board_id)

    @declared(BOARD_CHANGES)
    def update(self, board_id: str, **changes: Unpack[BoardChanges]) -> Board:
        """Change a board; only the given fields are sent."""
        return self._update(board_id, BOARD_CHANGES.build(changes))

    @declared(COPY_BOARD_CHANGES)
    def copy(self, board_id: str, **changes: Unpack[CopyBoardChanges]) -> Board:
        """Copy a board (the keywords apply to the copy); returns the new board."""
        source = check_id("board_id", board_id)
        body = COPY_BOARD_CHANGES.build(changes)
        return self.wrap(self.request("PUT", self.url(), params={"copy_from": source}, json=body))

    def delete(self, board_id: str) -> None:
        """Delete a board (on paid plans it stays in Trash for 90 days)."""
        self._delete(board_id)

    def page(
        self,
        *,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
        **filters: Unpack[BoardFilters],
    ) -> Page[Board]:
        """One page of boards, as ``GET /v2/boards`` returns it."""
        return self.list(limit=limit, **filters).page(offset=offset)
