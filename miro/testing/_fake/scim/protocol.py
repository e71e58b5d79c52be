"""What every SCIM answer of FakeMiro shares (RFC 7644): errors, media type, ETags, lists.

* Errors are RFC 7644 §3.12 bodies (``schemas``, ``status`` as a string, ``detail``,
  ``scimType``), unknown paths and unsupported methods under the SCIM base included.
* Answers are ``application/scim+json`` (§3.8; the spec lists it first) unless the client
  accepts only ``application/json``, which the spec declares too.
* Users and groups carry a weak ``ETag`` (also ``meta.version``), computed from what the
  resource holds; ``If-None-Match`` on GET answers 304 and ``If-Match`` on a write 412
  (§3.14). The ServiceProviderConfig says ``etag.supported: true`` accordingly.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, List, Mapping, Optional, Set, Tuple

from ..errors import ApiFault
from ..server import Request
from .filtering import FilterError, compile_filter

PREFIX = "/api/v1/scim"
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
SCIM_JSON = "application/scim+json"
MAX_COUNT = 1000


class ScimFault(ApiFault):
    """An error answered as a SCIM error body, in the SCIM media type."""

    def __init__(
        self,
        status: int,
        detail: str,
        scim_type: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(
            status,
            scim_type or "scimError",
            detail,
            headers={"Content-Type": SCIM_JSON, **(headers or {})},
        )
        self.scim_type = scim_type

    def body(self) -> Dict[str, Any]:
        """RFC 7644 §3.12: ``schemas``, ``status`` (a string), ``detail``, ``scimType``."""
        out: Dict[str, Any] = {
            "schemas": [ERROR],
            "status": str(self.status),
            "detail": self.message,
        }
        if self.scim_type:
            out["scimType"] = self.scim_type
        return out


def fault(status: int, message: str, headers: Mapping[str, str]) -> ScimFault:
    """The server's own errors (unknown path, method, crash) under the SCIM base."""
    return ScimFault(status, message, headers=headers)


def tokens(request: Request) -> Set[str]:
    """The SCIM API tokens the service accepts."""
    found: Set[str] = vars(request.store).setdefault("scim_tokens", set())
    return found


def authorize(request: Request) -> None:
    """401 unless the request carries one of the organization's SCIM API tokens."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or token not in tokens(request):
        raise ScimFault(401, "A valid SCIM API token is required")


def body(request: Request) -> Dict[str, Any]:
    """The request's JSON object (``application/scim+json`` or ``application/json``)."""
    if not request.body:
        raise ScimFault(400, "A request body is required", "invalidSyntax")
    try:
        parsed = json.loads(request.body)
    except ValueError:
        raise ScimFault(400, "The body is not valid JSON", "invalidSyntax") from None
    if not isinstance(parsed, dict):
        raise ScimFault(400, "The body must be a JSON object", "invalidSyntax")
    return parsed


def media_type(request: Request) -> str:
    """``application/scim+json``, or ``application/json`` for a client accepting only that."""
    accept = request.headers.get("accept", "").lower()
    if "application/json" in accept and SCIM_JSON not in accept:
        return "application/json"
    return SCIM_JSON


def etag(resource: Mapping[str, Any]) -> str:
    """A weak entity tag of what a resource holds (its ``meta`` left aside)."""
    content = {k: v for k, v in resource.items() if k != "meta"}
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
    return f'W/"{digest[:16]}"'


def versioned(resource: Dict[str, Any]) -> Dict[str, Any]:
    """``resource`` with ``meta.version`` set to its ETag."""
    resource["meta"]["version"] = etag(resource)
    return resource


def check_precondition(request: Request, resource: Mapping[str, Any]) -> None:
    """RFC 7644 §3.14: ``If-Match`` on a write must name the current version (else 412)."""
    wanted = request.headers.get("if-match")
    if wanted and wanted.strip() != "*" and etag(resource) not in _tags(wanted):
        raise ScimFault(412, "The resource changed: If-Match does not name its version")


def _tags(header: str) -> List[str]:
    return [t.strip() for t in header.split(",") if t.strip()]


def answer(
    request: Request, status: int, resource: Dict[str, Any], location: bool = False
) -> Tuple[int, Any, Dict[str, str]]:
    """A resource answer: SCIM media type, ``ETag``, ``Location`` on creation (RFC: SHALL)."""
    headers = {"Content-Type": media_type(request)}
    version = resource.get("meta", {}).get("version")
    if version:
        headers["ETag"] = version
        wanted = request.headers.get("if-none-match")
        if request.method == "GET" and wanted and version in _tags(wanted):
            return 304, None, {"ETag": version}
    if location:
        headers["Location"] = resource["meta"]["location"]
    return status, resource, headers


def document(request: Request, payload: Dict[str, Any]) -> Tuple[int, Any, Dict[str, str]]:
    """A discovery document or a list, in the negotiated media type."""
    return 200, payload, {"Content-Type": media_type(request)}


def project(resource: Dict[str, Any], attributes: Optional[str]) -> Dict[str, Any]:
    """The resource reduced to ``attributes`` (RFC 7644 §3.9; ``id`` and ``schemas`` always)."""
    if not attributes:
        return resource
    wanted = {_top(a) for a in attributes.split(",") if a.strip()}
    return {k: v for k, v in resource.items() if k in ("schemas", "id") or k.lower() in wanted}


def _top(attribute: str) -> str:
    name = attribute.strip()
    if name.lower().startswith("urn:"):
        return name.lower()
    return name.split(".")[0].lower()


def _int_param(request: Request, name: str, default: int, minimum: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ScimFault(400, f"{name} must be an integer", "invalidValue") from None
    return max(minimum, value)


def field(resource: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted ``path`` (case-insensitive names), or None."""
    node: Any = resource
    for part in path.split("."):
        if isinstance(node, list):
            node = node[0] if node else None
        if not isinstance(node, Mapping):
            return None
        node = next((v for k, v in node.items() if k.lower() == part.lower()), None)
    return node


def page(request: Request, resources: List[Dict[str, Any]]) -> Tuple[int, Any, Dict[str, str]]:
    """A ListResponse: filter, sort, ``startIndex``/``count`` paging, ``attributes``."""
    allowed = {"attributes", "filter", "startIndex", "count", "sortBy", "sortOrder"}
    unknown = [k for k in request.query_keys if k not in allowed]
    if unknown:
        raise ScimFault(400, f"Unknown query parameter {unknown[0]}", "invalidValue")
    text = request.query.get("filter")
    if text:
        try:
            predicate = compile_filter(text)
        except FilterError as exc:
            raise ScimFault(400, f"Invalid filter: {exc}", "invalidFilter") from None
        resources = [r for r in resources if predicate(r)]
    order = request.query.get("sortOrder", "ascending")
    if order not in ("ascending", "descending"):
        raise ScimFault(400, "sortOrder must be ascending or descending", "invalidValue")
    sort_by = request.query.get("sortBy")
    if sort_by:

        def key(resource: Dict[str, Any]) -> Tuple[bool, str]:
            found = field(resource, sort_by)
            return (found is None, str(found).lower() if found is not None else "")

        resources.sort(key=key, reverse=order == "descending")
    start = _int_param(request, "startIndex", 1, 1)
    count = min(MAX_COUNT, _int_param(request, "count", 100, 0))
    chosen = resources[start - 1 : start - 1 + count]
    attributes = request.query.get("attributes")
    return document(
        request,
        {
            "schemas": [LIST],
            "totalResults": len(resources),
            "startIndex": start,
            "itemsPerPage": len(chosen),
            "Resources": [project(r, attributes) for r in chosen],
        },
    )
