"""Validate one recorded HTTP exchange against Miro's (repaired) OpenAPI description.

Routing is done here, not by a library: several operations share a URL shape
(API-NOTES §8.6) and are told apart by Content-Type and by required query parameters,
which no generic OpenAPI router does. Schemas are checked with openapi-schema-validator
(OAS 3.0 dialect over jsonschema), extended in two ways the description needs:

* ``minimum``/``maximum`` on a ``type: string`` schema bound the string's numeric value
  (board-level ``limit``/``offset``, style sizes and opacities, API-NOTES §2.2, §3.3);
* formats ``date-time``, ``date``, ``uuid`` and ``int64``-on-a-string are checked.

Every schema is validated through an absolute reference into one in-memory document
(``urn:miro-openapi#/...``), so inline schemas and ``$ref`` chains resolve alike; compiled
validators are cached per schema location and direction.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from functools import cache
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import parse_qsl, unquote

from jsonschema import FormatChecker, ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import extend
from openapi_schema_validator import (
    OAS30ReadValidator,
    OAS30WriteValidator,
    oas30_format_checker,
)
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT4

from . import spec as specmod

SPEC_URI = "urn:miro-openapi"

#: SCIM resources are published without a base path (API-NOTES §8.16); Miro serves them
#: under this prefix, and a fake may serve them bare.
SCIM_PREFIXES = ("", "/api/v1/scim")

#: An operation that shares a route with another and is chosen only when a query
#: parameter has this value (API-NOTES §3.9: ``delete_items=true`` deletes, anything
#: else un-groups).
DISCRIMINATING_VALUES: Dict[str, Dict[str, str]] = {"deleteGroup": {"delete_items": "true"}}

#: Real Miro endpoints the spec does not describe (API-NOTES §5.1): the OAuth token
#: exchange/refresh and the browser authorize page. Exchanges with them are not checked.
UNSPECIFIED_ROUTES = (("POST", "/v1/oauth/token"), ("GET", "/oauth/authorize"))

JSON_MEDIA = re.compile(r"^application/([\w.-]+\+)?json$")
MAX_ERRORS = 5


# --------------------------------------------------------------------------- schema checking


def _numeric_string(
    validator: Any, bound: Any, instance: Any, schema: Mapping[str, Any], is_max: bool
) -> Iterable[ValidationError]:
    if not isinstance(instance, str) or schema.get("type") != "string":
        return
    try:
        value = float(instance)
    except ValueError:
        yield ValidationError(f"{instance!r} is not a number (bounded string)")
        return
    exclusive = schema.get("exclusiveMaximum" if is_max else "exclusiveMinimum", False)
    if is_max:
        failed = value >= bound if exclusive else value > bound
        word = "greater than"
    else:
        failed = value <= bound if exclusive else value < bound
        word = "less than"
    if failed:
        word += " or equal to" if exclusive else ""
        which = "maximum" if is_max else "minimum"
        yield ValidationError(f"{instance!r} is {word} the {which} of {bound!r}")


def _with_string_bounds(base: Any) -> Any:
    minimum, maximum = base.VALIDATORS["minimum"], base.VALIDATORS["maximum"]

    def string_minimum(validator, bound, instance, schema):  # type: ignore[no-untyped-def]
        yield from minimum(validator, bound, instance, schema)
        yield from _numeric_string(validator, bound, instance, schema, is_max=False)

    def string_maximum(validator, bound, instance, schema):  # type: ignore[no-untyped-def]
        yield from maximum(validator, bound, instance, schema)
        yield from _numeric_string(validator, bound, instance, schema, is_max=True)

    return extend(base, {"minimum": string_minimum, "maximum": string_maximum})


# RFC 3339, plus the ``+0000`` offset Miro's audit log uses (its own example, §1 row 4).
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$")


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    for name, func in oas30_format_checker.checkers.items():
        checker.checkers[name] = func

    @checker.checks("date-time")
    def is_datetime(value: object) -> bool:
        return not isinstance(value, str) or bool(_DATETIME.match(value))

    @checker.checks("date")
    def is_date(value: object) -> bool:
        return not isinstance(value, str) or bool(re.match(r"^\d{4}-\d{2}-\d{2}$", value))

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value: object) -> bool:
        return not isinstance(value, str) or bool(uuid.UUID(value))

    int64 = checker.checkers["int64"][0]

    @checker.checks("int64")
    def is_int64(value: object) -> bool:
        # Miro types many string ids as int64 (API-NOTES §8.9): decimal digits, in range.
        if isinstance(value, str):
            return bool(re.fullmatch(r"-?\d{1,19}", value)) and -(2**63) <= int(value) < 2**63
        return bool(int64(value))

    return checker


READ = _with_string_bounds(OAS30ReadValidator)
WRITE = _with_string_bounds(OAS30WriteValidator)
FORMATS = _format_checker()


class SchemaCache:
    """Compiled validators for one document, keyed by schema pointer and direction."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        resource = Resource.from_contents(document, default_specification=DRAFT4)
        self.registry: Registry = Registry().with_resource(SPEC_URI, resource)
        self._validators: Dict[Tuple[str, bool], Any] = {}

    def validator(self, pointer: str, *, write: bool) -> Any:
        """A validator for the schema at ``pointer`` (``#/...``), for requests if ``write``."""
        key = (pointer, write)
        found = self._validators.get(key)
        if found is None:
            cls = WRITE if write else READ
            found = cls(
                {"$ref": SPEC_URI + pointer}, registry=self.registry, format_checker=FORMATS
            )
            self._validators[key] = found
        return found

    def errors(self, pointer: str, instance: Any, *, write: bool) -> List[str]:
        """Readable descriptions of why ``instance`` does not match (empty if it does)."""
        validator = self.validator(pointer, write=write)
        try:
            found = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
        except Unresolvable as exc:  # a harness or repair bug, not a contract violation
            wrapped = getattr(exc, "_wrapped", exc)
            what = getattr(wrapped, "ref", None) or type(wrapped).__name__
            raise RuntimeError(
                f"spec reference {what!r} under {pointer} cannot be resolved"
            ) from None
        return [_describe(e) for e in found[:MAX_ERRORS]]


def _short(value: Any, limit: int = 120) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _closest_branch_error(error: ValidationError) -> ValidationError:
    """The error to show for a failed ``anyOf``/``oneOf``: from the branch the instance
    was meant for, i.e. not one ruled out by an ``enum``/``not`` on a direct property
    (such as an item's ``type``), and with the fewest errors."""
    branches: Dict[Any, List[ValidationError]] = {}
    for inner in error.context or ():
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)
    meant = [
        errs
        for errs in branches.values()
        if not any(e.validator in ("enum", "not") and len(e.relative_path) == 1 for e in errs)
    ]
    if meant:
        return best_match(min(meant, key=len))
    return best_match(error.context or ())


def _describe(error: ValidationError) -> str:
    where = error.json_path
    if error.validator == "oneOf" and "is valid under each of" in error.message:
        return f"{where}: oneOf: matches more than one branch ({_short(error.message)})"
    if error.validator in ("oneOf", "anyOf") and error.context:
        closest = _closest_branch_error(error)
        return (
            f"{where}: matches no {error.validator} branch; closest: "
            f"{closest.json_path}: {_short(closest.message)}"
        )
    return f"{where}: {_short(error.message, 300)}"


# --------------------------------------------------------------------------- routing


@dataclass(frozen=True)
class Route:
    """One operation's URL pattern and the facts routing and checking need."""

    operation_id: str
    method: str
    pattern: re.Pattern[str]
    placeholders: Tuple[str, ...]
    pointer: str
    path_params: Dict[str, str]  # placeholder name -> parameter pointer
    query_params: Dict[str, str]  # name -> parameter pointer
    required_query: Tuple[str, ...]
    body_media: Tuple[str, ...]
    body_required: bool


def _param_pointers(
    doc: Mapping[str, Any], path_key: str, op: Mapping[str, Any], op_pointer: str
) -> Dict[Tuple[str, str], str]:
    item_pointer = op_pointer.rsplit("/", 1)[0]
    found: Dict[Tuple[str, str], str] = {}
    sources = [
        (f"{item_pointer}/parameters", doc["paths"][path_key].get("parameters", [])),
        (f"{op_pointer}/parameters", op.get("parameters", [])),
    ]
    for base, params in sources:
        for index, raw in enumerate(params):
            pointer = raw["$ref"] if "$ref" in raw else f"{base}/{index}"
            param = specmod.deref(doc, raw)
            found[(param["name"], param["in"])] = pointer
    return found


def _compile_route(doc: Mapping[str, Any], info: specmod.OperationInfo) -> Route:
    op = info.op(doc)  # type: ignore[arg-type]
    params = _param_pointers(doc, info.path_key, op, info.pointer)
    placeholders = tuple(re.findall(r"\{([^}]+)\}", info.route))
    regex = ""
    for piece in re.split(r"(\{[^}]+\})", info.route):
        regex += "([^/]+)" if piece.startswith("{") else re.escape(piece)
    prefixes = SCIM_PREFIXES if not info.route.startswith("/v") else ("",)
    prefix = "(?:" + "|".join(re.escape(p) for p in prefixes) + ")" if len(prefixes) > 1 else ""
    body = specmod.deref(doc, op.get("requestBody", {})) or {}
    query = {name: ptr for (name, where), ptr in params.items() if where == "query"}
    required = tuple(
        name
        for name, ptr in query.items()
        if specmod.resolve_pointer(doc, ptr).get("required")  # type: ignore[arg-type]
    )
    return Route(
        operation_id=info.operation_id,
        method=info.method,
        pattern=re.compile(f"^{prefix}{regex}$"),
        placeholders=placeholders,
        pointer=info.pointer,
        path_params={
            name: params[(name, "path")] for name in placeholders if (name, "path") in params
        },
        query_params=query,
        required_query=required,
        body_media=tuple(body.get("content", {})),
        body_required=bool(body.get("required")),
    )


def _media_type(headers: Mapping[str, str]) -> str:
    for key, value in headers.items():
        if key.lower() == "content-type":
            return value.split(";", 1)[0].strip().lower()
    return ""


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return ""


def _accepts_body(route: Route, media: str, has_body: bool) -> bool:
    if not has_body and not media:
        return not route.body_required
    return media in route.body_media


class ContractViolation(AssertionError):
    """An exchange that the OpenAPI description does not allow."""


# --------------------------------------------------------------------------- the validator


class SpecValidator:
    """Matches exchanges to operations and validates both directions."""

    def __init__(self, spec: Optional[specmod.Spec] = None) -> None:
        self.spec = spec or specmod.get_spec()
        self.doc = self.spec.document
        self.schemas = SchemaCache(self.doc)
        self.routes: Dict[str, List[Route]] = {}
        for info in self.spec.operations.values():
            self.routes.setdefault(info.method, []).append(_compile_route(self.doc, info))

    # -- routing -----------------------------------------------------------------------

    @staticmethod
    def unspecified(method: str, path: str) -> bool:
        """Whether this is a real Miro endpoint the spec does not describe (not checked)."""
        return (method.upper(), path.rstrip("/")) in UNSPECIFIED_ROUTES

    def match(
        self,
        method: str,
        path: str,
        query: str = "",
        headers: Optional[Mapping[str, str]] = None,
        body: bytes = b"",
    ) -> Route:
        """The operation a request is, or :class:`ContractViolation` if none or several."""
        method = method.upper()
        candidates = [r for r in self.routes.get(method, ()) if r.pattern.match(path)]
        if not candidates:
            raise ContractViolation(f"{method} {path}: no operation in the spec has this route")
        if len(candidates) == 1:
            return candidates[0]
        names = {name for name, _ in parse_qsl(query, keep_blank_values=True)}
        values = dict(parse_qsl(query, keep_blank_values=True))
        media = _media_type(headers or {})
        viable = [r for r in candidates if _accepts_body(r, media, bool(body))]
        if not viable:
            ids = ", ".join(r.operation_id for r in candidates)
            what = f"Content-Type {media}" if media else "a request without a body"
            raise ContractViolation(f"{method} {path}: none of {ids} accepts {what}")
        viable = [r for r in viable if set(r.required_query) <= names] or viable
        viable = [
            r
            for r in viable
            if all(
                values.get(k) == v for k, v in DISCRIMINATING_VALUES.get(r.operation_id, {}).items()
            )
        ]
        if len(viable) > 1:
            most = max(len(r.required_query) for r in viable)
            viable = [r for r in viable if len(r.required_query) == most]
        if len(viable) != 1:
            ids = ", ".join(r.operation_id for r in (viable or candidates))
            raise ContractViolation(
                f"{method} {path}?{query}: cannot tell which operation this is ({ids}); "
                f"Content-Type {media or 'none'}"
            )
        return viable[0]

    # -- the whole exchange ------------------------------------------------------------

    def validate(self, exchange: Any) -> str:
        """Validate request and response of ``exchange``; returns its operationId.

        ``exchange`` has the attributes of ``miro.testing.Exchange``. Raises
        :class:`ContractViolation` (an ``AssertionError``) naming operation, place and fault.
        """
        route = self.match(
            exchange.method,
            exchange.path,
            exchange.query,
            exchange.request_headers,
            exchange.request_body,
        )
        self.validate_request(route, exchange)
        self.validate_response(route, exchange)
        return route.operation_id

    def validate_request(self, route: Route, exchange: Any) -> None:
        """Check path parameters, query parameters and body of the request."""
        problems: List[str] = []
        match = route.pattern.match(exchange.path)
        assert match is not None
        for name, raw in zip(route.placeholders, match.groups()):
            value = unquote(raw)
            if not value:
                problems.append(f"path parameter {name!r} is empty")
            pointer = route.path_params.get(name)
            if pointer is None:
                problems.append(f"placeholder {{{name}}} has no declared path parameter")
            else:
                problems += [
                    f"path parameter {name!r}: {e}" for e in self._param_errors(pointer, [value])
                ]
        problems += self._query_problems(route, exchange.query)
        problems += self._request_body_problems(route, exchange)
        self._raise(route, exchange, "request", problems)

    def _response_key(self, route: Route, status: Any) -> Optional[str]:
        responses = specmod.resolve_pointer(self.doc, route.pointer).get("responses", {})
        text = str(status)
        for key in (text, text[:1] + "XX", "default"):
            if key in responses:
                return key
        return None

    def declares_status(self, route: Route, status: Any) -> bool:
        """Whether the operation declares ``status`` (exactly, as ``4XX``, or ``default``)."""
        return self._response_key(route, status) is not None

    def validate_response(self, route: Route, exchange: Any) -> None:
        """Check that the status is declared and the body matches its schema."""
        op = specmod.resolve_pointer(self.doc, route.pointer)
        responses = op.get("responses", {})
        status = str(exchange.status)
        key = self._response_key(route, status)
        if key is None:
            self._raise(
                route,
                exchange,
                "response",
                [f"status {status} is not declared (declared: {', '.join(sorted(responses))})"],
            )
        body = exchange.response_body or b""
        if exchange.status == 204 or exchange.status == 304:
            if body.strip():
                self._raise(
                    route,
                    exchange,
                    "response",
                    [f"status {status} must have an empty body, got {_short(body)}"],
                )
            return
        response_pointer = f"{route.pointer}/responses/{specmod.escape_pointer(key)}"
        response = responses[key]
        if "$ref" in response:
            response_pointer = response["$ref"]
            try:
                response = specmod.deref(self.doc, response)
            except KeyError:
                raise RuntimeError(
                    f"{route.operation_id}: status {status} refers to {response_pointer}, "
                    "which the spec does not contain"
                ) from None
        content = response.get("content", {})
        problems: List[str] = []
        media = _media_type(exchange.response_headers)
        if not content:
            if body.strip():
                problems.append(f"status {status} declares no body, got {_short(body)}")
        elif not body.strip():
            problems.append(f"status {status} declares {', '.join(content)} but the body is empty")
        elif media not in content:
            problems.append(
                f"Content-Type {media or 'missing'} is not declared for {status} "
                f"(declared: {', '.join(content)})"
            )
        else:
            problems += self._json_problems(
                f"{response_pointer}/content/{specmod.escape_pointer(media)}/schema",
                body,
                write=False,
                where="body",
            )
        self._raise(route, exchange, "response", problems)

    # -- pieces --------------------------------------------------------------------------

    def _raise(self, route: Route, exchange: Any, where: str, problems: Sequence[str]) -> None:
        if not problems:
            return
        query = f"?{exchange.query}" if exchange.query else ""
        lines = "\n  ".join(problems)
        raise ContractViolation(
            f"{route.operation_id} ({exchange.method} {exchange.path}{query} -> "
            f"{exchange.status}): {where} violates the spec:\n  {lines}"
        )

    def _follow(self, pointer: str) -> str:
        """``pointer`` with any ``$ref`` found there followed (to the real schema)."""
        for _ in range(50):
            node = specmod.resolve_pointer(self.doc, pointer)
            if not (isinstance(node, dict) and "$ref" in node):
                return pointer
            pointer = node["$ref"]
        raise RuntimeError(f"reference cycle at {pointer}")

    def _param_errors(self, pointer: str, values: List[str]) -> List[str]:
        param = specmod.deref(self.doc, {"$ref": pointer})
        schema = specmod.deref(self.doc, param.get("schema", {}))
        schema_pointer = f"{pointer}/schema"
        if schema.get("type") == "array":
            item_schema = specmod.deref(self.doc, schema.get("items", {}))
            converted: Any = []
            for value in values:
                item, error = _convert(value, item_schema)
                if error:
                    return [error]
                converted.append(item)
        else:
            if len(values) > 1:
                return [f"given {len(values)} times ({values})"]
            converted, error = _convert(values[0], schema)
            if error:
                return [error]
        return [
            e.replace("$: ", "", 1)
            for e in self.schemas.errors(schema_pointer, converted, write=True)
        ]

    def _query_problems(self, route: Route, query: str) -> List[str]:
        problems: List[str] = []
        given: Dict[str, List[str]] = {}
        for name, value in parse_qsl(query, keep_blank_values=True):
            given.setdefault(name, []).append(value)
        for name, values in given.items():
            pointer = route.query_params.get(name)
            if pointer is None:
                known = ", ".join(sorted(route.query_params)) or "none"
                problems.append(f"unknown query parameter {name!r} (declared: {known})")
                continue
            problems += [
                f"query parameter {name!r}: {e}" for e in self._param_errors(pointer, values)
            ]
        for name in route.required_query:
            if name not in given:
                problems.append(f"required query parameter {name!r} is missing")
        return problems

    def _request_body_problems(self, route: Route, exchange: Any) -> List[str]:
        body = exchange.request_body or b""
        media = _media_type(exchange.request_headers)
        if not route.body_media:
            return [f"no body is declared, got {_short(body)}"] if body.strip() else []
        if not body.strip():
            return ["the body is required but empty"] if route.body_required else []
        if media not in route.body_media:
            return [
                f"Content-Type {media or 'missing'} is not declared "
                f"(declared: {', '.join(route.body_media)})"
            ]
        schema_pointer = (
            f"{route.pointer}/requestBody/content/{specmod.escape_pointer(media)}/schema"
        )
        op = specmod.resolve_pointer(self.doc, route.pointer)
        if "$ref" in op.get("requestBody", {}):
            schema_pointer = (
                f"{op['requestBody']['$ref']}/content/{specmod.escape_pointer(media)}/schema"
            )
        if media == "multipart/form-data":
            return self._multipart_problems(schema_pointer, exchange.request_headers, body)
        if JSON_MEDIA.match(media):
            return self._json_problems(schema_pointer, body, write=True, where="body")
        return []

    def _json_problems(self, pointer: str, body: bytes, *, write: bool, where: str) -> List[str]:
        try:
            instance = json.loads(body)
        except ValueError as exc:
            return [f"{where} is not JSON ({exc}): {_short(body)}"]
        return [f"{where} at {e}" for e in self.schemas.errors(pointer, instance, write=write)]

    def _multipart_problems(
        self, pointer: str, headers: Mapping[str, str], body: bytes
    ) -> List[str]:
        content_type = _header(headers, "content-type")
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        )
        if not message.is_multipart():
            return [f"multipart body could not be parsed (Content-Type {content_type!r})"]
        parts: Dict[str, List[Any]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not name:
                return ["a multipart part has no name"]
            parts.setdefault(str(name), []).append(part)
        pointer = self._follow(pointer)
        schema = specmod.resolve_pointer(self.doc, pointer)
        props = schema.get("properties", {})
        problems = [
            f"part {n!r} is not declared (declared: {', '.join(props)})"
            for n in parts
            if n not in props
        ]
        problems += [
            f"required part {n!r} is missing" for n in schema.get("required", []) if n not in parts
        ]
        for name, found in parts.items():
            if name not in props:
                continue
            prop_pointer = self._follow(f"{pointer}/properties/{specmod.escape_pointer(name)}")
            prop = specmod.resolve_pointer(self.doc, prop_pointer)
            is_array = prop.get("type") == "array"
            item_pointer = self._follow(f"{prop_pointer}/items") if is_array else prop_pointer
            item = specmod.resolve_pointer(self.doc, item_pointer)
            if not is_array and len(found) > 1:
                problems.append(f"part {name!r} given {len(found)} times")
            if is_array and "maxItems" in prop and len(found) > prop["maxItems"]:
                problems.append(f"part {name!r}: {len(found)} files, at most {prop['maxItems']}")
            if item.get("format") == "binary":
                continue
            for part in found:
                payload = part.get_payload(decode=True) or b""
                where = f"part {name!r}"
                if item.get("type") in ("object", "array") or "properties" in item:
                    problems += self._json_problems(item_pointer, payload, write=True, where=where)
                else:
                    text = payload.decode("utf-8", "replace")
                    problems += [
                        f"{where}: {e}" for e in self.schemas.errors(item_pointer, text, write=True)
                    ]
        return problems


def _convert(raw: str, schema: Mapping[str, Any]) -> Tuple[Any, Optional[str]]:
    """A query/path string as the JSON value its schema types it, or an error."""
    kind = schema.get("type")
    if kind == "integer":
        if re.fullmatch(r"-?\d+", raw):
            return int(raw), None
        return None, f"{raw!r} is not an integer"
    if kind == "number":
        try:
            return float(raw), None
        except ValueError:
            return None, f"{raw!r} is not a number"
    if kind == "boolean":
        if raw in ("true", "false"):
            return raw == "true", None
        return None, f"{raw!r} is not a boolean (true or false)"
    return raw, None


@cache
def get_validator() -> SpecValidator:
    """The session's validator over the session's repaired spec (built once)."""
    return SpecValidator(specmod.get_spec())
