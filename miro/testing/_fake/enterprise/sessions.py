"""``POST /v2/sessions/reset_all?email=…``: sign a member of the organization out everywhere."""

from __future__ import annotations

from typing import Any, List, Tuple

from .. import checks as c
from ..errors import bad, not_found
from ..server import Request, Route, route
from .organizations import admin_org


def reset_all(request: Request) -> Tuple[int, Any]:
    org = admin_org(request)
    c.allowed_query(request.query_keys, ("email",))
    email = request.query.get("email", "")
    if "@" not in email:
        raise bad("email must be an email address")
    member = org.member_by_email(email)
    if member is None:
        raise not_found("User", email)
    resets = vars(request.store).setdefault("session_resets", [])
    resets.append(member["id"])
    org.record_event("user_sessions_reset", by=request.user_id, object_id=member["id"],
                     object_name=email)  # fmt: skip
    return 200, None


ROUTES: List[Route] = [route("POST", "/v2/sessions/reset_all", reset_all, level=3)]
