"""Board data classification (spec tags "Board classification: Organization/Team/Board level").

The organization has four labels (Public, Internal, Confidential, Restricted) and
classification turned on; each team has settings (``enabled``, ``defaultLabelId``); each
board of a team may carry a label. Label ids are int64 in requests and strings in answers.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from .. import checks as c
from ..errors import bad, not_found
from ..server import Request, Route, route
from ..state import Store
from .organizations import admin_org, json_object
from .state import Org

#: The answer's ``type`` of a bulk classification (the spec's default).
LABEL_CHANGED = "boards-data-classification-label-changed"

_LABELS = (
    ("Public", "#2d9bf0", "Can be shared with anyone"),
    ("Internal", "#8fd14f", "Only people of the organization"),
    ("Confidential", "#fac710", "Only the board's members"),
    ("Restricted", "#f24726", "Named people only; never share externally"),
)


def _state(store: Store) -> Dict[str, Any]:
    """Labels, per-team settings and per-board labels, made on first use."""
    state = vars(store).get("classification")
    if state is None:
        labels = [
            {
                "id": store.number_id(),
                "name": name,
                "color": color,
                "description": text,
                "sharingRecommendation": text,
                "guidelineUrl": "https://example.com/data-classification",
                "orderNumber": order,
                "default": order == 1,
                "type": "board-classification-label",
            }
            for order, (name, color, text) in enumerate(_LABELS)
        ]
        state = {"labels": labels, "teams": {}, "boards": {}}
        vars(store)["classification"] = state
    return state


def _team_settings(request: Request, org: Org) -> Dict[str, Any]:
    team_id = request.params["team_id"]
    if team_id not in org.teams:
        raise not_found("Team", team_id)
    state = _state(request.store)
    default = next(label["id"] for label in state["labels"] if label["default"])
    return state["teams"].setdefault(team_id, {"enabled": True, "defaultLabelId": default})


def _label(request: Request, label_id: Any, where: str) -> Dict[str, Any]:
    for label in _state(request.store)["labels"]:
        if label["id"] == str(label_id):
            return label
    raise bad(f"{where}: no label {label_id}")


def _int64(where: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(f"{where} must be an integer label id")


def _render_label(label: Dict[str, Any]) -> Dict[str, Any]:
    keys = ("id", "name", "color", "description", "sharingRecommendation", "guidelineUrl")
    return dict({k: label[k] for k in keys}, type="board-classification-label")


def organization_settings(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    labels: List[Dict[str, Any]] = _state(request.store)["labels"]
    return 200, {"enabled": True, "labels": labels, "type": "board-classification-settings"}


def team_settings(request: Request) -> Tuple[int, Any]:
    settings = _team_settings(request, admin_org(request))
    return 200, dict(settings, type="team-board-classification-settings")


def set_team_settings(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    body = json_object(request)
    c.check_object("body", body, {"enabled": c.boolean, "defaultLabelId": _int64})
    settings = _team_settings(request, org)
    if "defaultLabelId" in body:
        _label(request, body["defaultLabelId"], "defaultLabelId")
    settings.update(body)
    if "defaultLabelId" in body:
        settings["defaultLabelId"] = str(body["defaultLabelId"])
    org.record_event("board_classification_settings_updated", by=request.user_id,
                     category="team", team_id=request.params["team_id"])  # fmt: skip
    return 200, dict(settings, type="team-board-classification-settings")


def _team_boards(request: Request) -> List[str]:
    team_id = request.params["team_id"]
    return [
        board_id
        for board_id, board in request.store.boards.items()
        if board.get("teamId", request.store.team["id"]) == team_id
    ]


def bulk_classify(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    body = json_object(request)
    c.check_object(
        "body", body, {"labelId": _int64, "notClassifiedOnly": c.boolean}, required=("labelId",)
    )
    _team_settings(request, org)
    label = _label(request, body["labelId"], "labelId")
    labelled = _state(request.store)["boards"]
    boards = _team_boards(request)
    if body.get("notClassifiedOnly"):
        boards = [b for b in boards if b not in labelled]
    for board_id in boards:
        labelled[board_id] = label["id"]
    org.record_event("boards_classified", by=request.user_id, category="team",
                     team_id=request.params["team_id"])  # fmt: skip
    return 200, {"numberUpdatedBoards": len(boards), "type": LABEL_CHANGED}


def _board(request: Request, org: Org) -> str:
    _team_settings(request, org)
    board_id = request.params["board_id"]
    if board_id not in _team_boards(request):
        raise not_found("Board", board_id)
    return board_id


def board_label(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    board_id = _board(request, org)
    state = _state(request.store)
    label_id = state["boards"].get(board_id) or _team_settings(request, org)["defaultLabelId"]
    return 200, _render_label(_label(request, label_id, "board"))


def set_board_label(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    board_id = _board(request, org)
    body = json_object(request)
    c.check_object("body", body, {"labelId": c.string}, required=("labelId",))
    label = _label(request, body["labelId"], "labelId")
    _state(request.store)["boards"][board_id] = label["id"]
    org.record_event("board_classified", by=request.user_id, category="board",
                     object_id=board_id, team_id=request.params["team_id"])  # fmt: skip
    return 200, _render_label(label)


_TEAM = "/v2/orgs/{org_id}/teams/{team_id}"
ROUTES: List[Route] = [
    route("GET", "/v2/orgs/{org_id}/data-classification-settings", organization_settings, level=2),
    route("GET", _TEAM + "/data-classification-settings", team_settings, level=2),
    route("PATCH", _TEAM + "/data-classification-settings", set_team_settings, level=2),
    route("PATCH", _TEAM + "/data-classification", bulk_classify, level=4),
    route("GET", _TEAM + "/boards/{board_id}/data-classification", board_label, level=2),
    route("POST", _TEAM + "/boards/{board_id}/data-classification", set_board_label, level=2),
]
