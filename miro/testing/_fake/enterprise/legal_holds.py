"""Legal holds (spec tag "Legal holds", Enterprise Guard): cases, their holds, the content
a hold keeps, and a case's export jobs.

A hold's scope is a list of users by email (1..200, members of the organization). A new
hold is ``PROCESSING`` and becomes ``ACTIVE`` once read again; its content items are the
boards its users own. A case with holds cannot be deleted (400).
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from .. import checks as c
from ..clock import now
from ..errors import bad, not_found
from ..server import Request, Route, route
from ..state import Store
from .organizations import admin_org, json_object, org_page
from .state import Org


def _cases(store: Store) -> Dict[str, Dict[str, Any]]:
    return vars(store).setdefault("cases", {})


def _person(request: Request, user_id: str) -> Dict[str, str]:
    user = request.store.users[user_id]
    first, _, last = (user.get("name") or "").partition(" ")
    email = user.get("email") or request.store.org.members.get(user_id, {}).get("email", "")
    return {"id": user_id, "email": email, "firstName": first or email, "lastName": last or "-"}


def _case_or_404(request: Request) -> Dict[str, Any]:
    case = _cases(request.store).get(request.params["case_id"])
    if case is None:
        raise not_found("Case", request.params["case_id"])
    return case


def _check_case(body: Dict[str, Any]) -> None:
    c.check_object(
        "body", body, {"name": c.max_length(200, minimum=1), "description": c.max_length(2000)},
        required=("name",),
    )  # fmt: skip


def _render_case(case: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in case.items() if k not in ("holds", "exportJobs")}


def list_cases(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    return 200, org_page(request, list(_cases(request.store).values()), _render_case)


def create_case(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    body = json_object(request)
    _check_case(body)
    stamp = now()
    case = {
        "id": request.store.number_id(),
        "organizationId": org.id,
        "name": body["name"],
        "createdBy": _person(request, request.user_id),
        "lastModifiedBy": _person(request, request.user_id),
        "createdAt": stamp,
        "lastModifiedAt": stamp,
        "holds": {},
        "exportJobs": [],
    }
    if "description" in body:
        case["description"] = body["description"]
    _cases(request.store)[case["id"]] = case
    org.record_event("legal_case_created", by=request.user_id, object_id=case["id"],
                     object_name=case["name"])  # fmt: skip
    return 200, _render_case(case)


def get_case(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    return 200, _render_case(_case_or_404(request))


def edit_case(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    case = _case_or_404(request)
    body = json_object(request)
    _check_case(body)
    case["name"] = body["name"]
    case.pop("description", None)
    if "description" in body:
        case["description"] = body["description"]
    case["lastModifiedBy"] = _person(request, request.user_id)
    case["lastModifiedAt"] = now()
    org.record_event("legal_case_updated", by=request.user_id, object_id=case["id"])
    return 200, _render_case(case)


def delete_case(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    case = _case_or_404(request)
    if case["holds"]:
        raise bad("Release the case's legal holds before deleting it")
    del _cases(request.store)[case["id"]]
    org.record_event("legal_case_deleted", by=request.user_id, object_id=case["id"])
    return 204, None


def list_export_jobs(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    jobs = _case_or_404(request)["exportJobs"]
    return 200, org_page(request, jobs, lambda job_id: {"id": job_id})


# -- holds -------------------------------------------------------------------------------
def _scope_users(request: Request, org: Org, body: Dict[str, Any]) -> List[str]:
    scope = body.get("scope")
    if not isinstance(scope, dict) or not isinstance(scope.get("users"), list):
        raise bad("scope.users must be an array of {email}")
    users = scope["users"]
    if not 1 <= len(users) <= 200:
        raise bad("scope.users must list 1..200 users")
    ids = []
    for i, entry in enumerate(users):
        email = entry.get("email") if isinstance(entry, dict) else None
        if not isinstance(email, str):
            raise bad(f"scope.users[{i}].email must be a string")
        member = org.member_by_email(email)
        if member is None:
            raise bad(f"scope.users[{i}]: {email} is not a member of the organization")
        ids.append(member["id"])
    return ids


def _check_hold(request: Request, org: Org) -> Tuple[Dict[str, Any], List[str]]:
    body = json_object(request)
    c.check_object(
        "body", body,
        {"name": c.max_length(200, minimum=1), "description": c.max_length(2000),
         "scope": lambda where, value: None},
        required=("name", "scope"),
    )  # fmt: skip
    return body, _scope_users(request, org, body)


def _hold_or_404(request: Request, case: Dict[str, Any]) -> Dict[str, Any]:
    hold = case["holds"].get(request.params["legal_hold_id"])
    if hold is None:
        raise not_found("Legal hold", request.params["legal_hold_id"])
    return hold


def _render_hold(request: Request, hold: Dict[str, Any]) -> Dict[str, Any]:
    out = {k: v for k, v in hold.items() if k != "userIds"}
    out["scope"] = {"users": [_person(request, u) for u in hold["userIds"]]}
    return out


def list_holds(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    holds = list(_case_or_404(request)["holds"].values())
    return 200, org_page(request, holds, lambda hold: _render_hold(request, hold))


def create_hold(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    case = _case_or_404(request)
    body, user_ids = _check_hold(request, org)
    stamp = now()
    hold = {
        "id": request.store.number_id(),
        "organizationId": org.id,
        "caseId": case["id"],
        "name": body["name"],
        "state": "PROCESSING",
        "userIds": user_ids,
        "createdBy": _person(request, request.user_id),
        "lastModifiedBy": _person(request, request.user_id),
        "createdAt": stamp,
        "lastModifiedAt": stamp,
    }
    if "description" in body:
        hold["description"] = body["description"]
    case["holds"][hold["id"]] = hold
    org.record_event("legal_hold_created", by=request.user_id, object_id=hold["id"],
                     object_name=hold["name"])  # fmt: skip
    return 200, _render_hold(request, hold)


def get_hold(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    hold = _hold_or_404(request, _case_or_404(request))
    answer = _render_hold(request, hold)
    hold["state"] = "ACTIVE"  # processing finishes between reads
    return 200, answer


def edit_hold(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    hold = _hold_or_404(request, _case_or_404(request))
    body, user_ids = _check_hold(request, org)
    hold.update(name=body["name"], userIds=user_ids, lastModifiedAt=now(),
                lastModifiedBy=_person(request, request.user_id))  # fmt: skip
    hold.pop("description", None)
    if "description" in body:
        hold["description"] = body["description"]
    org.record_event("legal_hold_updated", by=request.user_id, object_id=hold["id"])
    return 200, _render_hold(request, hold)


def delete_hold(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    case = _case_or_404(request)
    hold = _hold_or_404(request, case)
    del case["holds"][hold["id"]]
    org.record_event("legal_hold_deleted", by=request.user_id, object_id=hold["id"])
    return 204, None


def content_items(request: Request) -> Tuple[int, Any]:
    admin_org(request)
    c.allowed_query(request.query_keys, ("limit", "cursor"))
    hold = _hold_or_404(request, _case_or_404(request))
    boards = [b for b, board in request.store.boards.items() if board["owner"] in hold["userIds"]]
    return 200, org_page(request, boards, lambda b: {"contentId": b, "type": "board"})


_CASE = "/v2/orgs/{org_id}/cases/{case_id}"
_HOLD = _CASE + "/legal-holds/{legal_hold_id}"
ROUTES: List[Route] = [
    route("GET", "/v2/orgs/{org_id}/cases", list_cases, level=3),
    route("POST", "/v2/orgs/{org_id}/cases", create_case, level=3),
    route("GET", _CASE, get_case, level=3),
    route("PUT", _CASE, edit_case, level=3),
    route("DELETE", _CASE, delete_case, level=3),
    route("GET", _CASE + "/export-jobs", list_export_jobs, level=3),
    route("GET", _CASE + "/legal-holds", list_holds, level=3),
    route("POST", _CASE + "/legal-holds", create_hold, level=3),
    route("GET", _HOLD, get_hold, level=3),
    route("PUT", _HOLD, edit_hold, level=3),
    route("DELETE", _HOLD, delete_hold, level=3),
    route("GET", _HOLD + "/content-items", content_items, level=3),
]
