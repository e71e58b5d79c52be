"""Official flat methods for boards and board members."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Optional

from ..boards import BOARD_CHANGES, COPY_BOARD_CHANGES, Board, Boards
from ..core.pagination import Page
from ..members import INVITE, MEMBER_CHANGES, BoardMember, InvitationResult
from . import shapes
from .base import flat, official, page_offset, page_size


class BoardsFlat:
    """``get_boards``, ``create_board`` … as the official ``MiroApi`` names them."""

    if TYPE_CHECKING:  # MiroApi provides it

        @property
        def boards(self) -> Boards:
            """The fluent root the flat methods go through."""

    @flat("get-boards", "api.boards.page")
    def get_boards(
        self,
        team_id: Optional[str] = None,
        project_id: Optional[str] = None,
        query: Optional[str] = None,
        owner: Optional[str] = None,
        limit: Any = None,
        offset: Any = None,
        sort: Optional[str] = None,
    ) -> Page[Board]:
        """One page of boards (``.data``, ``.total``, ``.offset`` …)."""
        return self.boards.page(
            limit=page_size(limit),
            offset=page_offset(offset),
            team_id=team_id,
            project_id=project_id,
            query=query,
            owner=owner,
            sort=sort,  # type: ignore[arg-type]  # the official str, checked at run time
        )

    @official
    def get_all_boards(
        self,
        team_id: Optional[str] = None,
        project_id: Optional[str] = None,
        query: Optional[str] = None,
        owner: Optional[str] = None,
        limit: Any = None,
        sort: Optional[str] = None,
    ) -> Iterator[Board]:
        """Every board matching the filters, page after page."""
        return iter(
            self.boards.list(
                limit=page_size(limit),
                team_id=team_id,
                project_id=project_id,
                query=query,
                owner=owner,
                sort=sort,  # type: ignore[arg-type]  # the official str, checked at run time
            )
        )

    @flat("create-board", "api.boards.create")
    def create_board(self, board_changes: Any = None) -> Board:
        """Create a board from a ``BoardChanges`` body (dict or model)."""
        return self.boards.create(**BOARD_CHANGES.from_json(board_changes, "board_changes"))

    @flat("copy-board", "board.copy")
    def copy_board(self, copy_from: str, copy_board_changes: Any = None) -> Board:
        """Copy the board ``copy_from``."""
        changes = COPY_BOARD_CHANGES.from_json(copy_board_changes, "copy_board_changes")
        return self.boards.copy(copy_from, **changes)

    @flat("get-specific-board", "api.boards.get")
    def get_specific_board(self, board_id: str) -> Board:
        """Get a board by id."""
        return self.boards.get(board_id)

    @flat("update-board", "board.update")
    def update_board(self, board_id: str, board_changes: Any) -> Board:
        """Update a board from a ``BoardChanges`` body."""
        return self.boards.update(
            board_id, **BOARD_CHANGES.from_json(board_changes, "board_changes")
        )

    @flat("delete-board", "board.delete")
    def delete_board(self, board_id: str) -> object:
        """Delete a board."""
        self.boards.delete(board_id)
        return shapes.EMPTY

    @flat("share-board", "board.members.share")
    def share_board(self, board_id: str, board_members_invite: Any) -> InvitationResult:
        """Invite people to a board (``BoardMembersInvite`` body)."""
        invite = INVITE.from_json(board_members_invite, "board_members_invite")
        emails = invite.pop("emails", None)
        return self.boards.get(board_id, lazy=True).members.share(emails, **invite)

    @flat("get-board-members", "board.members.page")
    def get_board_members(
        self, board_id: str, limit: Any = None, offset: Any = None
    ) -> Page[BoardMember]:
        """One page of a board's members."""
        members = self.boards.get(board_id, lazy=True).members
        return members.page(limit=page_size(limit), offset=page_offset(offset))

    @official
    def get_all_board_members(self, board_id: str, limit: Any = None) -> Iterator[BoardMember]:
        """Every member of a board, page after page."""
        return iter(self.boards.get(board_id, lazy=True).members.list(limit=page_size(limit)))

    @flat("get-specific-board-member", "board.members.get")
    def get_specific_board_member(self, board_id: str, board_member_id: str) -> BoardMember:
        """Get one member of a board."""
        return self.boards.get(board_id, lazy=True).members.get(board_member_id)

    @flat("update-board-member", "member.update")
    def update_board_member(
        self, board_id: str, board_member_id: str, board_member_changes: Any
    ) -> BoardMember:
        """Change a member's role (``BoardMemberChanges`` body)."""
        changes = MEMBER_CHANGES.from_json(board_member_changes, "board_member_changes")
        return self.boards.get(board_id, lazy=True).members.update(board_member_id, **changes)

    @flat("remove-board-member", "member.remove")
    def remove_board_member(self, board_id: str, board_member_id: str) -> object:
        """Remove a member from a board."""
        self.boards.get(board_id, lazy=True).members.remove(board_member_id)
        return shapes.EMPTY
