"""Board members: ``board.members`` and the :class:`BoardMember` resource."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, List, Optional

import attrs

from .core import params as p
from .core.pagination import BOARD_OFFSET, Page, Paginator
from .core.resource import Collection, Model, Resource
from .core.signatures import declared
from .models import Links

if TYPE_CHECKING:  # the keywords of share/update (generated from the declarations below)
    from typing_extensions import Unpack

    from ._declared import BoardInvite, BoardMemberChanges

ROLES = ("viewer", "commenter", "editor", "coowner", "owner")

#: ``BoardMembersInvite``: up to 20 emails, a role, an optional message.
INVITE = p.Body(
    p.top(
        emails=p.list_of(p.text(min_length=3), min_items=1, max_items=20),
        role=p.choice(*ROLES),
        message=p.TEXT,
    ),
    required=("emails",),
)
#: ``BoardMemberChanges``.
MEMBER_CHANGES = p.Body(p.top(role=p.choice(*ROLES)), required=("role",))


@attrs.define(kw_only=True, repr=False)
class BoardMember(Resource):
    """A user's membership of a board, with their role."""

    _summary_fields = ("name", "role")

    name: Optional[str] = None
    role: Optional[str] = None
    type: Optional[str] = None
    links: Optional[Links] = None

    @declared(MEMBER_CHANGES)
    def update(self, **changes: Unpack[BoardMemberChanges]) -> BoardMember:
        """Change this member's role; updates this object."""
        self._replace_with(self._require_collection().update(self.id, **changes))
        return self

    def remove(self) -> None:
        """Remove this member from the board."""
        self._require_collection().remove(self.id)


@attrs.define(kw_only=True)
class InvitationError(Model):
    """An email that could not be invited, and why."""

    email: Optional[str] = None
    reason: Optional[str] = None


@attrs.define(kw_only=True)
class InvitationResult(Model):
    """What sharing a board did: ids of invited users, and the emails that failed."""

    successful: List[int] = attrs.field(factory=list)
    failed: List[InvitationError] = attrs.field(factory=list)


class BoardMembers(Collection[BoardMember]):
    """``board.members``: share a board, list, get, change roles, remove members."""

    path = "/v2/boards/{board_id}/members"
    item_key = "board_member_id"
    model = BoardMember
    paging = BOARD_OFFSET

    def list(self, *, limit: Optional[int] = None) -> Paginator[BoardMember]:
        """Every member of the board, fetched page by page (``limit`` = page size, 1..50)."""
        return self._paginate(limit=limit)

    def __iter__(self) -> Iterator[BoardMember]:
        return iter(self.list())

    def page(
        self, *, limit: Optional[int] = None, offset: Optional[int] = None
    ) -> Page[BoardMember]:
        """One page of members, as ``GET …/members`` returns it."""
        return self.list(limit=limit).page(offset=offset)

    @declared(INVITE)
    def share(self, emails: Any, **fields: Unpack[BoardInvite]) -> InvitationResult:
        """Invite people by email (one address, or 1..20) with a role (default commenter)."""
        if isinstance(emails, str):
            emails = [emails]
        body = INVITE.build({"emails": emails, **fields})
        return InvitationResult.from_dict(self.request("POST", self.url(), json=body))

    def get(self, member_id: str) -> BoardMember:
        """Get one member by user id."""
        return self._get(member_id)

    @declared(MEMBER_CHANGES)
    def update(self, member_id: str, **changes: Unpack[BoardMemberChanges]) -> BoardMember:
        """Change a member's role."""
        return self._update(member_id, MEMBER_CHANGES.build(changes))

    def remove(self, member_id: str) -> None:
        """Remove a member from the board."""
        self._delete(member_id)
