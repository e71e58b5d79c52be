"""Organizations and organization members (spec tags Organizations, Organization Members).

Also the helpers every enterprise module uses: :func:`admin_org`, :func:`json_object`,
:func:`org_page`, :func:`uuid_param`, :func:`datetime_param`.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, Callable, Dict, List, Mapping, Sequence, Tuple

from .. import checks as c
from ..errors import ApiFault, bad, not_found
from ..paging import cursor_page
from ..server import Request, Route, route
from .state import LICENSES, ORG_ROLES, Org


def admin_org(request: Request) -> Org:
    """The organization in the path; 404 if it is not this fake's, 403 for non-admins."""
    org: Org = request.store.org
    if request.params.get("org_id") not in (None, org.id):
        raise not_found("Organization", request.params["org_id"])
    if not org.is_admin(request.user_id):
        raise ApiFault(403, "forbidden", "Only Company Admins can use the organization API")
    return org


def json_object(request: Request) -> Dict[str, Any]:
    """The JSON body, which must be an object (400 otherwise)."""
    body = request.json()
    if not isinstance(body, dict):
        raise bad("The request body must be a JSON object")
    return body


def org_page(
    request: Request, rows: Sequence[Any], render: Callable[[Any], Dict[str, Any]]
) -> Dict[str, Any]:
    """Miro's organization cursor page: limit 1–100 (default 100), no ``total``."""
    page = cursor_page(request.store, request.query, rows, render, low=1, high=100, default=100)
    page.pop("total", None)
    page["type"] = "cursor-list"
    return page


def uuid_param(where: str, value: Any) -> str:
    """A ``format: uuid`` string (400 otherwise)."""
    try:
        uuid.UUID(str(value))
    except ValueError:
        raise bad(f"{where} must be a UUID") from None
    return str(value)


def datetime_param(where: str, value: Any) -> datetime.datetime:
    """A ``format: date-time`` string (RFC 3339, with a zone) (400 otherwise)."""
    text = str(value)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise bad(f"{where} must be an ISO-8601 date-time") from None
    if parsed.tzinfo is None:
        raise bad(f"{where} must carry a time zone")
    return parsed


def boolean_param(where: str, value: str) -> bool:
    """A query boolean: ``true`` or ``false``."""
    if value not in ("true", "false"):
        raise bad(f"{where} must be true or false")
    return value == "true"


def get_organization(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    return 200, {
        "id": org.id,
        "name": org.info["name"],
        "plan": org.plan,
        "fullLicensesPurchased": org.full_licenses_purchased,
        "type": "organization",
    }


def _member(record: Mapping[str, Any]) -> Dict[str, Any]:
    return dict(record)


def list_members(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    c.allowed_query(request.query_keys, ("emails", "role", "license", "active", "cursor", "limit"))
    query = request.query
    if "emails" in query:  # only emails counts; the answer is a bare array (§8.20)
        emails = [e.strip().lower() for e in query["emails"].split(",") if e.strip()]
        if not 1 <= len(emails) <= 10:
            raise bad("emails must have 1..10 elements (addresses)")
        found = [org.member_by_email(e) for e in emails]
        return 200, [_member(m) for m in found if m is not None]
    rows = list(org.members.values())
    if "role" in query:
        c.enum(*ORG_ROLES)("role", query["role"])
        rows = [m for m in rows if m["role"] == query["role"]]
    if "license" in query:
        c.enum(*LICENSES)("license", query["license"])
        rows = [m for m in rows if m["license"] == query["license"]]
    if "active" in query:
        active = boolean_param("active", query["active"])
        rows = [m for m in rows if m["active"] is active]
    return 200, _members_page(request, rows)


def _members_page(request: Request, rows: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The org-member list's page: its cursor is the id of the last member served."""
    limit = c.limit_param(request.query, 1, 100, 100)
    start = 0
    if request.query.get("cursor"):
        ids = [m["id"] for m in rows]
        if request.query["cursor"] not in ids:
            raise bad("Invalid cursor")
        start = ids.index(request.query["cursor"]) + 1
    chunk = rows[start : start + limit]
    page: Dict[str, Any] = {
        "limit": limit,
        "size": len(chunk),
        "data": [_member(m) for m in chunk],
        "type": "cursor-list",
    }
    if start + limit < len(rows):
        page["cursor"] = chunk[-1]["id"]
    return page


def get_member(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    member = org.members.get(request.params["member_id"])
    if member is None:
        raise not_found("Organization member", request.params["member_id"])
    return 200, _member(member)


ROUTES: List[Route] = [
    route("GET", "/v2/orgs/{org_id}", get_organization, level=3),
    route("GET", "/v2/orgs/{org_id}/members", list_members, level=3),
    route("GET", "/v2/orgs/{org_id}/members/{member_id}", get_member, level=3),
]
