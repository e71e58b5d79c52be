"""Boards and board members (API-NOTES §3.11; spec tags Boards, Board members)."""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Tuple

from . import checks as c
from .clock import now
from .errors import bad, not_found
from .paging import offset_page
from .server import Request, Route, route

ACCESS = c.enum("private", "view", "comment", "edit")
POLICY = c.obj(
    {
        "sharingPolicy": c.obj(
            {
                "access": ACCESS,
                "organizationAccess": ACCESS,
                "teamAccess": ACCESS,
                "inviteToAccountAndBoardLinkAccess": c.enum(
                    "viewer", "commenter", "editor", "no_access"
                ),
            }
        ),
        "permissionsPolicy": c.obj(
            {
                "collaborationToolsStartAccess": c.enum("all_editors", "board_owners_and_coowners"),
                "copyAccess": c.enum("anyone", "team_members", "team_editors", "board_owner"),
                "sharingAccess": c.enum("team_members_with_editing_rights", "owner_and_coowners"),
            }
        ),
    }
)
BOARD_FIELDS = {
    "name": c.max_length(60, minimum=1),
    "description": c.max_length(300),
    "policy": POLICY,
    "teamId": c.string,
}
CHANGES = dict(BOARD_FIELDS, projectId=c.string)
ROLES = ("viewer", "commenter", "editor", "coowner", "owner")
INVITE = {
    "emails": c.array(c.max_length(254, minimum=3), max_items=20, min_items=1),
    "role": c.enum(*ROLES),
    "message": c.string,
}
SORTS = ("default", "last_modified", "last_opened", "last_created", "alphabetically")
DEFAULT_POLICY = {
    "permissionsPolicy": {
        "collaborationToolsStartAccess": "all_editors",
        "copyAccess": "anyone",
        "sharingAccess": "team_members_with_editing_rights",
    },
    "sharingPolicy": {
        "access": "private",
        "inviteToAccountAndBoardLinkAccess": "no_access",
        "organizationAccess": "private",
        "teamAccess": "edit",
    },
}


def board_or_404(request: Request, board_id: Optional[str] = None) -> Dict[str, Any]:
    """The board named in the path, or ``board_id`` (404 when unknown or not shared)."""
    board_id = request.params["board_id"] if board_id is None else board_id
    board = request.store.boards.get(board_id)
    if board is None or request.user_id not in request.store.members.get(board_id, {}):
        raise not_found("Board", board_id)
    return board


def _merge_policy(current: Dict[str, Any], change: Dict[str, Any]) -> Dict[str, Any]:
    merged = copy.deepcopy(current)
    for section, values in change.items():
        merged.setdefault(section, {}).update(values)
    return merged


def render_board(
    request: Request, board: Dict[str, Any], *, last_opened: bool = False, project: bool = True
) -> Dict[str, Any]:
    """A board as ``BoardWithLinks`` (and its variants) describes it."""
    store = request.store
    owner = board["owner"]
    role = store.members[board["id"]].get(request.user_id, "viewer")
    out = {
        "id": board["id"],
        "type": "board",
        "name": board["name"],
        "description": board["description"],
        "team": dict(store.team),
        "policy": copy.deepcopy(board["policy"]),
        "viewLink": f"https://miro.com/app/board/{board['id']}",
        "owner": store.user_info(owner),
        "currentUserMembership": dict(
            store.user_info(request.user_id), role=role, type="board_member"
        ),
        "createdAt": board["createdAt"],
        "createdBy": store.user_info(board["createdBy"]),
        "modifiedAt": board["modifiedAt"],
        "modifiedBy": store.user_info(board["modifiedBy"]),
        "links": {
            "self": request.url(f"/v2/boards/{board['id']}"),
            "related": request.url(f"/v2/boards/{board['id']}/members?limit=20&offset=0"),
        },
    }
    if project and board.get("projectId"):
        out["project"] = {"id": board["projectId"]}
    if last_opened:
        out["lastOpenedAt"] = board["modifiedAt"]
        out["lastOpenedBy"] = store.user_info(request.user_id)
    return out


def _new_board(request: Request, fields: Dict[str, Any]) -> Dict[str, Any]:
    store = request.store
    board_id = store.board_id()
    stamp = now()
    board = {
        "id": board_id,
        "name": fields.get("name", "Untitled"),
        "description": fields.get("description", ""),
        "policy": _merge_policy(DEFAULT_POLICY, fields.get("policy", {})),
        "projectId": fields.get("projectId"),
        "owner": request.user_id,
        "createdAt": stamp,
        "createdBy": request.user_id,
        "modifiedAt": stamp,
        "modifiedBy": request.user_id,
    }
    store.boards[board_id] = board
    store.members[board_id] = {request.user_id: "owner"}
    for registry in (store.items, store.connectors, store.tags, store.item_tags, store.groups):
        registry[board_id] = {}
    return board


def create_board(request: Request) -> Tuple[int, Any]:
    body = request.json(required=False)
    c.check_object("body", body, CHANGES)
    return 201, render_board(request, _new_board(request, body))


def list_boards(request: Request) -> Tuple[int, Any]:
    c.allowed_query(
        request.query_keys, ("team_id", "project_id", "query", "owner", "limit", "offset", "sort")
    )
    query = request.query
    if "sort" in query:
        c.enum(*SORTS)("sort", query["sort"])
    if len(query.get("query", "")) > 500:
        raise bad("query must be at most 500 characters")
    boards = [
        b
        for b in request.store.boards.values()
        if request.user_id in request.store.members[b["id"]]
    ]
    if query.get("team_id") and query["team_id"] != request.store.team["id"]:
        boards = []
    elif query.get("project_id"):
        boards = [b for b in boards if b.get("projectId") == query["project_id"]]
    elif not query.get("team_id"):
        if query.get("query"):
            needle = query["query"].lower()
            boards = [
                b
                for b in boards
                if needle in b["name"].lower() or needle in b["description"].lower()
            ]
        if query.get("owner"):
            boards = [b for b in boards if b["owner"] == query["owner"]]
    if query.get("sort") == "alphabetically":
        boards.sort(key=lambda b: b["name"].lower())
    filters = {
        k: v for k, v in query.items() if k in ("team_id", "project_id", "query", "owner", "sort")
    }
    return 200, offset_page(
        query,
        boards,
        lambda b: render_board(request, b),
        base_url=request.url("/v2/boards"),
        extra_query=filters,
    )


def copy_board(request: Request) -> Tuple[int, Any]:
    c.allowed_query(request.query_keys, ("copy_from",))
    if "copy_from" not in request.query:
        raise bad("copy_from is required")
    source = board_or_404(request, request.query["copy_from"])
    body = request.json(required=False)
    c.check_object("body", body, BOARD_FIELDS)
    fields = {
        "name": source["name"],
        "description": source["description"],
        "policy": source["policy"],
    }
    fields.update(body)
    board = _new_board(request, fields)
    store = request.store
    for item in store.items[source["id"]].values():
        clone = copy.deepcopy(item)
        clone["id"] = store.number_id()
        store.items[board["id"]][clone["id"]] = clone
    return 201, render_board(request, board, project=False)


def get_board(request: Request) -> Tuple[int, Any]:
    return 200, render_board(request, board_or_404(request), last_opened=True)


def update_board(request: Request) -> Tuple[int, Any]:
    board = board_or_404(request)
    body = request.json()
    c.check_object("body", body, CHANGES)
    for key in ("name", "description", "projectId"):
        if key in body:
            board[key] = body[key]
    if "policy" in body:
        board["policy"] = _merge_policy(board["policy"], body["policy"])
    board["modifiedAt"], board["modifiedBy"] = now(), request.user_id
    return 200, render_board(request, board)


def delete_board(request: Request) -> Tuple[int, Any]:
    board = board_or_404(request)
    store = request.store
    for registry in (
        store.boards,
        store.members,
        store.items,
        store.connectors,
        store.tags,
        store.item_tags,
        store.groups,
    ):
        registry.pop(board["id"], None)
    return 204, None


def _render_member(request: Request, board_id: str, user_id: str, links: bool) -> Dict[str, Any]:
    role = request.store.members[board_id][user_id]
    out = {
        "id": user_id,
        "name": request.store.users[user_id]["name"],
        "role": role,
        "type": "board_member",
    }
    if links:
        out["links"] = {"self": request.url(f"/v2/boards/{board_id}/members/{user_id}")}
    return out


def _member_or_404(request: Request) -> str:
    board = board_or_404(request)
    member_id = request.params["board_member_id"]
    if member_id not in request.store.members[board["id"]]:
        raise not_found("Board member", member_id)
    return member_id


def share_board(request: Request) -> Tuple[int, Any]:
    board = board_or_404(request)
    body = request.json()
    c.check_object("body", body, INVITE, required=("emails",))
    role = body.get("role", "commenter")
    role = "coowner" if role == "owner" else role
    successful: List[int] = []
    failed = []
    for email in body["emails"]:
        if "@" not in email:
            failed.append({"email": email, "reason": "INVALID_EMAIL"})
            continue
        user_id = request.store.user_for_email(email)
        request.store.members[board["id"]].setdefault(user_id, role)
        successful.append(int(user_id))
    return 201, {"successful": successful, "failed": failed}


def list_members(request: Request) -> Tuple[int, Any]:
    board = board_or_404(request)
    c.allowed_query(request.query_keys, ("limit", "offset"))
    members = list(request.store.members[board["id"]])
    return 200, offset_page(
        request.query,
        members,
        lambda user_id: _render_member(request, board["id"], user_id, False),
        base_url=request.url(f"/v2/boards/{board['id']}/members"),
    )


def get_member(request: Request) -> Tuple[int, Any]:
    member_id = _member_or_404(request)
    return 200, _render_member(request, request.params["board_id"], member_id, True)


def update_member(request: Request) -> Tuple[int, Any]:
    member_id = _member_or_404(request)
    body = request.json()
    c.check_object("body", body, {"role": c.enum(*ROLES)})
    board_id = request.params["board_id"]
    if request.store.members[board_id][member_id] == "owner":
        raise bad("The board owner's role cannot be changed")  # the spec lists no 409
    if "role" in body:  # as when sharing, "owner" makes a co-owner (API-NOTES §3.11)
        role = "coowner" if body["role"] == "owner" else body["role"]
        request.store.members[board_id][member_id] = role
    return 200, _render_member(request, board_id, member_id, True)


def remove_member(request: Request) -> Tuple[int, Any]:
    member_id = _member_or_404(request)
    board_id = request.params["board_id"]
    if request.store.members[board_id][member_id] == "owner":
        raise bad("The board owner cannot be removed")
    del request.store.members[board_id][member_id]
    return 204, None


ROUTES: List[Route] = [
    route("POST", "/v2/boards", create_board, level=3),
    route("GET", "/v2/boards", list_boards, level=1),
    route("PUT", "/v2/boards", copy_board, level=4),
    route("GET", "/v2/boards/{board_id}", get_board, level=1),
    route("PATCH", "/v2/boards/{board_id}", update_board, level=2),
    route("DELETE", "/v2/boards/{board_id}", delete_board, level=3),
    route("POST", "/v2/boards/{board_id}/members", share_board, level=3),
    route("GET", "/v2/boards/{board_id}/members", list_members, level=1),
    route("GET", "/v2/boards/{board_id}/members/{board_member_id}", get_member, level=1),
    route("PATCH", "/v2/boards/{board_id}/members/{board_member_id}", update_member, level=2),
    route("DELETE", "/v2/boards/{board_id}/members/{board_member_id}", remove_member, level=2),
]
