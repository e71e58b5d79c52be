"""Miro's OpenAPI description, loaded once per session and repaired in memory.

The file is test data (DESIGN.md, "Contract against Miro's own spec"): it is never copied
into the repository. It is found through the ``MIRO_OPENAPI_SPEC`` environment variable
(default ``../shared/miro-openapi.json``); a relative path is taken relative to the
repository root, so the suite finds it whatever directory pytest runs from.

The published description has defects that make correct requests or responses invalid
(API-NOTES.md §8). Each one is fixed by one named function listed in :data:`REPAIRS`; a
repair returns a description of every change it made, so a test can show that each repair
was applied and is still needed (a repair that finds nothing to fix returns ``[]``).

Paths keep their published keys (two operations on one verb cannot share a key). Where
the URL an operation really answers differs from its key, a repair records it on the
operation as ``x-miro-route``; :func:`route_of` is what the validator matches on.
"""

from __future__ import annotations

import copy
import json
import os
import re
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

ENV_VAR = "MIRO_OPENAPI_SPEC"
DEFAULT_SPEC = "../shared/miro-openapi.json"
REPO_ROOT = Path(__file__).resolve().parents[2]

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

Json = Dict[str, Any]
Repair = Callable[[Json], List[str]]

#: Schema names the repairs add (checked not to exist in the published description).
ERROR_BODY = "ContractErrorBody"
SCIM_ERROR_BODY = "ContractScimErrorBody"
BOARD_GROUP_DATA = "ContractBoardGroupData"
BOARD_GROUP_CHANGES = "ContractBoardGroupChanges"
SCIM_ERROR_RESPONSE = "ContractScimError"

#: Statuses every operation can answer whatever the description lists (see
#: :func:`declare_universal_error_statuses`).
UNIVERSAL_ERROR_STATUSES = ("401", "429")


class SpecUnavailable(RuntimeError):
    """The OpenAPI description is not where ``MIRO_OPENAPI_SPEC`` says."""


# --------------------------------------------------------------------------- locating


def spec_path() -> Path:
    """Where the OpenAPI description is expected (env var, else the shared default)."""
    raw = Path(os.environ.get(ENV_VAR) or DEFAULT_SPEC).expanduser()
    return raw if raw.is_absolute() else (REPO_ROOT / raw).resolve()


def unavailable_reason() -> Optional[str]:
    """Why the contract tests must skip, or ``None`` if the description is readable."""
    path = spec_path()
    if not path.is_file():
        return (
            f"Miro OpenAPI description not found at {path} "
            f"(set {ENV_VAR} to the path of miro-openapi.json)"
        )
    return None


def load_raw_spec(path: Optional[Path] = None) -> Json:
    """Read the published description as it is, without any repair."""
    path = path or spec_path()
    if not path.is_file():
        raise SpecUnavailable(unavailable_reason() or str(path))
    with path.open("rb") as fh:
        return json.load(fh)


# --------------------------------------------------------------------------- walking


def iter_operations(doc: Json) -> Iterator[Tuple[str, str, Json]]:
    """Yield ``(path_key, method, operation)`` for every operation in ``doc``."""
    for path_key, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield path_key, method, op


def route_of(path_key: str, op: Json) -> str:
    """The URL template an operation really answers (repairs may set ``x-miro-route``)."""
    return op.get("x-miro-route", path_key)


def escape_pointer(token: str) -> str:
    """Escape one JSON-pointer reference token."""
    return token.replace("~", "~0").replace("/", "~1")


def resolve_pointer(doc: Json, ref: str) -> Any:
    """Follow a local ``#/a/b`` reference; raises ``KeyError`` if it points nowhere."""
    if not ref.startswith("#"):
        raise KeyError(f"not a local reference: {ref}")
    node: Any = doc
    for token in ref[1:].split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise KeyError(ref)
    return node


def deref(doc: Json, node: Any) -> Any:
    """``node`` with any chain of ``$ref`` wrappers followed."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        node = resolve_pointer(doc, node["$ref"])
        seen += 1
        if seen > 50:
            raise ValueError("reference cycle")
    return node


def _walk_refs(node: Any) -> Iterator[Json]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum"):
                yield from _walk_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk_refs(value)


def operation_parameters(doc: Json, path_key: str, op: Json) -> List[Json]:
    """The operation's parameters, path-level ones merged in, references followed."""
    merged: Dict[Tuple[str, str], Json] = {}
    for raw in doc["paths"][path_key].get("parameters", []) + op.get("parameters", []):
        param = deref(doc, raw)
        merged[(param["name"], param["in"])] = param
    return list(merged.values())


def _is_scim(path_key: str) -> bool:
    return not path_key.startswith("/v")


def _error_content(schema_name: str, media_types: Tuple[str, ...] = ("application/json",)) -> Json:
    return {mt: {"schema": {"$ref": f"#/components/schemas/{schema_name}"}} for mt in media_types}


def _ensure_error_schemas(doc: Json) -> None:
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(
        ERROR_BODY,
        {
            "type": "object",
            "description": "Miro's REST error body (API-NOTES §4.1), added by tests/contract.",
            "required": ["status", "code", "message", "type"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "type": {"type": "string"},
                "context": {"type": "object"},
            },
        },
    )
    schemas.setdefault(
        SCIM_ERROR_BODY,
        {
            "type": "object",
            "description": "SCIM 2.0 error body (RFC 7644 §3.12), added by tests/contract.",
            "required": ["schemas", "status"],
            "properties": {
                "schemas": {"type": "array", "items": {"type": "string"}},
                "status": {"type": "string"},
                "scimType": {"type": "string"},
                "detail": {"type": "string"},
            },
        },
    )


# --------------------------------------------------------------------------- repairs


def add_missing_error_responses(doc: Json) -> List[str]:
    """§4.2, §8.2: 612 responses ``$ref`` a ``components.responses`` section that is absent.

    Adds the section: one response per referenced name whose body is Miro's error shape
    ``{status, code, message, type, context?}``.
    """
    responses = doc.setdefault("components", {}).get("responses", {})
    wanted: Dict[str, int] = {}
    for node in _walk_refs(doc.get("paths", {})):
        ref = node["$ref"]
        if ref.startswith("#/components/responses/"):
            name = ref.rsplit("/", 1)[1]
            if name not in responses:
                wanted[name] = wanted.get(name, 0) + 1
    if not wanted:
        return []
    _ensure_error_schemas(doc)
    responses = doc["components"].setdefault("responses", {})
    for name in sorted(wanted):
        responses[name] = {
            "description": f"Error {name} (section missing from the published spec)",
            "content": _error_content(ERROR_BODY),
        }
    return [f"components.responses.{n} added ({wanted[n]} refs)" for n in sorted(wanted)]


def route_scim_errors_to_scim_bodies(doc: Json) -> List[str]:
    """§4.1, §8.16: SCIM errors reference per-operation objects the spec never defines.

    A SCIM service answers errors in RFC 7644 §3.12 form (``schemas``, ``status`` as a
    string, ``detail``) and, like its other responses, as ``application/scim+json`` or
    ``application/json``; Miro's REST error shape is accepted too.
    """
    changes: List[str] = []
    for path_key, _method, op in iter_operations(doc):
        if not _is_scim(path_key):
            continue
        for status, response in op.get("responses", {}).items():
            ref = response.get("$ref", "")
            if status[:1] in "45" and ref != f"#/components/responses/{SCIM_ERROR_RESPONSE}":
                op["responses"][status] = {"$ref": f"#/components/responses/{SCIM_ERROR_RESPONSE}"}
                changes.append(f"{op['operationId']} {status} ({ref or 'inline'})")
    if changes:
        _ensure_error_schemas(doc)
        doc["components"].setdefault("responses", {})[SCIM_ERROR_RESPONSE] = {
            "description": "SCIM or REST error body",
            "content": {
                mt: {
                    "schema": {
                        "anyOf": [
                            {"$ref": f"#/components/schemas/{SCIM_ERROR_BODY}"},
                            {"$ref": f"#/components/schemas/{ERROR_BODY}"},
                        ]
                    }
                }
                for mt in ("application/scim+json", "application/json")
            },
        }
    return changes


def describe_bodyless_error_responses(doc: Json) -> List[str]:
    """§4.2: ``revoke_token`` and ``token_info`` declare a 400 with no body at all.

    Miro sends its error body with every error status, so these get the error shape.
    """
    changes: List[str] = []
    for _path_key, _method, op in iter_operations(doc):
        for status, response in op.get("responses", {}).items():
            if status[:1] in "45" and "$ref" not in response and "content" not in response:
                _ensure_error_schemas(doc)
                response["content"] = _error_content(ERROR_BODY)
                changes.append(f"{op['operationId']} {status}")
    return changes


def declare_universal_error_statuses(doc: Json) -> List[str]:
    """§4.1, §5.4, §6: any call can answer 401 (token missing, expired or revoked) and
    429 (the per-user credit budget is shared by every endpoint), but 104 operations do
    not list 401 and 17 do not list 429. Both are declared, with the error body. Likewise
    a call naming a resource in its path answers 404 when it does not exist (§4.1: Miro's
    404 body), though some — e.g. ``get-mindmap-node-experimental`` — do not list it.
    """
    changes: List[str] = []
    for path_key, _method, op in iter_operations(doc):
        responses = op.setdefault("responses", {})
        statuses = list(UNIVERSAL_ERROR_STATUSES)
        if "{" in path_key and "404" not in statuses:
            statuses.append("404")
        for status in statuses:
            if status not in responses:
                if _is_scim(path_key):
                    responses[status] = {"$ref": f"#/components/responses/{SCIM_ERROR_RESPONSE}"}
                else:
                    _ensure_error_schemas(doc)
                    responses[status] = {
                        "description": f"{status} (every endpoint)",
                        "content": _error_content(ERROR_BODY),
                    }
                changes.append(f"{op['operationId']} {status}")
    return changes


_SUFFIXED_BOARD_ID = re.compile(r"\{(board_id_Platform\w+)\}")


def unsuffix_board_id_placeholders(doc: Json) -> List[str]:
    """§8.4: ``{board_id_PlatformContainers}``, ``{board_id_PlatformFileUpload}`` and
    ``{board_id_PlatformTags}`` are the board id under another name (they only keep
    colliding routes apart for the generator).

    The operation's route uses ``{board_id}`` and its path parameter is renamed to
    ``board_id``; the published name stays in ``x-miro-official-name`` because the
    official client's keyword (``board_id_platform_containers`` …) derives from it.
    """
    changes: List[str] = []
    for path_key, _method, op in iter_operations(doc):
        route = route_of(path_key, op)
        for placeholder in _SUFFIXED_BOARD_ID.findall(route):
            params = [p for p in op.get("parameters", []) if "$ref" not in p]
            declared = [p for p in params if p["in"] == "path" and p["name"] == placeholder]
            if not declared:
                continue  # no parameter of that name: see fix_placeholder_without_parameter
            for param in declared:
                param["x-miro-official-name"] = param["name"]
                param["name"] = "board_id"
            route = route.replace("{" + placeholder + "}", "{board_id}")
            op["x-miro-route"] = route
            changes.append(f"{op['operationId']}: {{{placeholder}}} -> {{board_id}}")
    return changes


def fix_placeholder_without_parameter(doc: Json) -> List[str]:
    """§7, §8.3: ``POST /v2/boards/{board_id_Platformcreateitemsinbulkusingfilefromdevice}
    /items/bulk`` declares its path parameter as ``board_id``; the placeholder matches no
    parameter. The real route is ``/v2/boards/{board_id}/items/bulk``.
    """
    changes: List[str] = []
    for path_key, _method, op in iter_operations(doc):
        route = route_of(path_key, op)
        placeholders = re.findall(r"\{([^}]+)\}", route)
        declared = [p["name"] for p in operation_parameters(doc, path_key, op) if p["in"] == "path"]
        orphans = [p for p in placeholders if p not in declared]
        unused = [d for d in declared if d not in placeholders]
        if len(orphans) == 1 and len(unused) == 1:
            op["x-miro-route"] = route.replace("{" + orphans[0] + "}", "{" + unused[0] + "}")
            changes.append(f"{op['operationId']}: {{{orphans[0]}}} -> {{{unused[0]}}}")
    return changes


def strip_query_marker_from_path(doc: Json) -> List[str]:
    """§3.9, §8.5: ``DELETE /v2/boards/{board_id}/groups/{group_id}?`` (delete_group) has
    a trailing ``?`` in its path key; the URL is the un_group one, told apart by the
    required ``delete_items`` query parameter.
    """
    changes: List[str] = []
    for path_key, _method, op in iter_operations(doc):
        route = route_of(path_key, op)
        if "?" in route:
            op["x-miro-route"] = route.split("?", 1)[0]
            changes.append(f"{op['operationId']}: {route!r} -> {op['x-miro-route']!r}")
    return changes


def fix_board_group_schemas(doc: Json) -> List[str]:
    """§3.9, §8.7: board-group create/update bodies and ``GroupResponseShort.data``
    reference ``Group``, which is now the enterprise *user-group* schema
    (``{id, name, type}`` required). The real shape is ``{"data": {"items": [ids]}}``.
    """
    schemas = doc["components"]["schemas"]
    group_ref = "#/components/schemas/Group"
    changes: List[str] = []
    for path_key, _method, op in iter_operations(doc):
        if not path_key.startswith("/v2/boards/"):
            continue
        for media in op.get("requestBody", {}).get("content", {}).values():
            if media.get("schema", {}).get("$ref") == group_ref:
                media["schema"] = {"$ref": f"#/components/schemas/{BOARD_GROUP_CHANGES}"}
                changes.append(f"{op['operationId']} request body")
    short = schemas.get("GroupResponseShort", {}).get("properties", {})
    if short.get("data", {}).get("$ref") == group_ref:
        short["data"] = {"$ref": f"#/components/schemas/{BOARD_GROUP_DATA}"}
        changes.append("GroupResponseShort.data")
    if changes:
        schemas[BOARD_GROUP_DATA] = {
            "type": "object",
            "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"type": "string"}}},
        }
        schemas[BOARD_GROUP_CHANGES] = {
            "type": "object",
            "required": ["data"],
            "properties": {"data": {"$ref": f"#/components/schemas/{BOARD_GROUP_DATA}"}},
        }
    return changes


def require_upload_bodies(doc: Json) -> List[str]:
    """§1 row 130, §7: ``create_document_item_using_file_from_device`` marks its
    multipart body optional although the body's ``resource`` part (the file) is required;
    an empty POST to ``/documents`` would pass as a valid upload. Such bodies are required.
    """
    changes: List[str] = []
    for _path_key, _method, op in iter_operations(doc):
        body = op.get("requestBody")
        if not body or "$ref" in body or body.get("required"):
            continue
        for media, content in body.get("content", {}).items():
            schema = deref(doc, content.get("schema", {}))
            if media == "multipart/form-data" and schema.get("required"):
                body["required"] = True
                changes.append(f"{op['operationId']}: multipart body required")
                break
    return changes


#: oneOf lists whose branches are permissive objects: a correct instance matches several
#: branches, which ``oneOf`` forbids. JSON pointers of the schemas that carry the oneOf.
OVERLAPPING_ONEOFS = (
    "#/components/schemas/WidgetDataOutput",  # GenericItem.data (§3.1): 9 item data shapes
    "#/components/schemas/ItemData",  # bulk-create results (§3.1): document/image data
    "#/components/schemas/ItemDataCreate",  # bulk-create body data (§3.1)
    "#/components/schemas/ItemDataChanges",
    "#/components/schemas/ItemStyle",  # bulk-create body style (§3.1)
    "#/components/schemas/UpdateUserGroupMembersResult/items",  # 207 results (§4.1)
)


def relax_overlapping_oneofs(doc: Json) -> List[str]:
    """§3.1, §4.1: ``oneOf`` over object schemas that require nothing distinguishing
    (``GenericItem.data`` over nine item data shapes, bulk-create ``data``/``style``, the
    user-group membership 207 results): ``{"content": "Hi"}`` is valid sticky-note, text,
    embed … data at once, so every correct item fails "valid under each of". Made ``anyOf``.
    """
    changes: List[str] = []
    for pointer in OVERLAPPING_ONEOFS:
        try:
            schema = resolve_pointer(doc, pointer)
        except KeyError:
            continue
        if "oneOf" in schema and "discriminator" not in schema:
            schema["anyOf"] = schema.pop("oneOf")
            changes.append(pointer)
    return changes


#: Item type -> the schema of that type's own item (its ``data`` is what Get items shows).
ITEM_SCHEMAS = {
    "sticky_note": "StickyNoteItem",
    "text": "TextItem",
    "shape": "ShapeItem",
    "card": "CardItem",
    "app_card": "AppCardItem",
    "image": "ImageItem",
    "document": "DocumentItem",
    "embed": "EmbedItem",
    "frame": "FrameItem",
    "doc_format": "DocFormatItem",
}


def discriminate_generic_item_data(doc: Json) -> List[str]:
    """§3.1, §3.4: ``GenericItem.data`` (Get items, items within a frame, by tag …) is
    a ``oneOf`` of nine data shapes that no instance can satisfy exactly once, and its
    ``ShapeData`` branch knows only the 21 basic shapes, though flowchart shapes are
    created and listed too. Each item's ``data`` is checked against the ``data`` of its
    own type's item schema (``StickyNoteItem`` …), chosen by ``type``; other types
    (``preview``, ``data_table_format``, new ones — §8.11) are not constrained.
    """
    schemas = doc["components"]["schemas"]
    generic = schemas.get("GenericItem", {})
    props = generic.get("properties", {})
    if props.get("data", {}).get("$ref") != "#/components/schemas/WidgetDataOutput":
        return []
    present = {
        t: n for t, n in ITEM_SCHEMAS.items() if "data" in schemas.get(n, {}).get("properties", {})
    }
    props["data"] = {"type": "object", "description": "checked per type (anyOf below)"}
    generic["anyOf"] = [
        {
            "properties": {
                "type": {"enum": [item_type]},
                "data": {"$ref": f"#/components/schemas/{name}/properties/data"},
            }
        }
        for item_type, name in present.items()
    ] + [{"properties": {"type": {"not": {"enum": sorted(present)}}}}]
    return [f"GenericItem.data by type: {', '.join(present)}"]


#: ``required`` names a schema does not declare as properties: a typo to correct, or a
#: name with no property at all (``None``: drop it).
GHOST_REQUIRED = {
    "LegalHoldRequestScopeUsers": {"user": "users"},
    "LegalHoldResponse": {"scopeValue": None},
    "LegalHoldContentItemsResponse": {"id": None, "name": None},
}


def fix_required_names_without_properties(doc: Json) -> List[str]:
    """§1 (Legal holds, rows 14-25; not otherwise covered by API-NOTES): three legal-hold
    schemas require properties they do not have. The request scope requires ``user`` but
    declares ``users`` (so a correct ``{"users": [...]}`` fails); ``LegalHoldResponse``
    requires an undeclared ``scopeValue``; content items require undeclared ``id`` and
    ``name`` (they carry ``contentId`` and ``type``).
    """
    schemas = doc["components"]["schemas"]
    changes: List[str] = []
    for name, fixes in GHOST_REQUIRED.items():
        schema = schemas.get(name, {})
        required = schema.get("required", [])
        for wrong, right in fixes.items():
            if wrong in required and wrong not in schema.get("properties", {}):
                required.remove(wrong)
                if right is not None and right not in required:
                    required.append(right)
                changes.append(f"{name}.required: {wrong} -> {right or '(dropped)'}")
    return changes


def fix_board_export_job_status_response(doc: Json) -> List[str]:
    """§1 row 30, §8.15: the 200 of ``enterprise_update_board_export_job`` types
    ``status`` as ``allOf`` of the *object* ``BoardExportJobStatus`` and a string, which
    nothing satisfies. It is the job status string (``ExportJobStatus``: CREATED,
    IN_PROGRESS, CANCELLED, FINISHED), as the request's ``status`` and the example are.
    """
    changes: List[str] = []
    for _path_key, _method, op in iter_operations(doc):
        if op.get("operationId") != "enterprise-update-board-export-job":
            continue
        for media in op.get("responses", {}).get("200", {}).get("content", {}).values():
            status = media.get("schema", {}).get("properties", {}).get("status", {})
            refs = [part.get("$ref") for part in status.get("allOf", [])]
            if "#/components/schemas/BoardExportJobStatus" in refs:
                media["schema"]["properties"]["status"] = {
                    "$ref": "#/components/schemas/ExportJobStatus"
                }
                changes.append("enterprise-update-board-export-job 200 status")
    return changes


def fix_scim_patch_operation_schema(doc: Json) -> List[str]:
    """§8.16 (SCIM; RFC 7644 §3.5.2): ``PatchGroupResource`` puts the PatchOp URN ``enum``
    on the *array* ``schemas`` (so ``["urn:…:PatchOp"]`` never matches); its ``op`` enum
    is capitalised only although RFC 7644 and the schema's own description use ``add``/
    ``replace``; and the rename ``value`` the description prescribes
    (``{"id": …, "displayName": …}``) is neither of the two ``oneOf`` branches.
    """
    schema = doc["components"]["schemas"].get("PatchGroupResource", {})
    props = schema.get("properties", {})
    changes: List[str] = []
    schemas_prop = props.get("schemas", {})
    if schemas_prop.get("type") == "array" and "enum" in schemas_prop:
        schemas_prop.setdefault("items", {})["enum"] = schemas_prop.pop("enum")
        changes.append("PatchGroupResource.schemas: enum moved onto the items")
    operation = props.get("Operations", {}).get("items", {}).get("properties", {})
    op_enum = operation.get("op", {}).get("enum", [])
    lower = [v.lower() for v in op_enum if v.lower() not in op_enum]
    if lower:
        op_enum.extend(lower)
        changes.append(f"PatchGroupResource op: also {', '.join(lower)}")
    value = operation.get("value", {})
    if "oneOf" in value and not any(b.get("type") == "object" for b in value["oneOf"]):
        value["oneOf"].append(
            {
                "type": "object",
                "properties": {"id": {"type": "string"}, "displayName": {"type": "string"}},
            }
        )
        changes.append("PatchGroupResource value: object branch for a rename")
    return changes


def fix_team_copy_access_level_enum(doc: Json) -> List[str]:
    """§8.15 (team settings): the *response* enum of ``copyAccessLevel``
    (``TeamCopyAccessLevelSettings``) spells one value ``"board_owner            -"``; the
    request enum (``TeamCopyAccessLevelSettingsChanges``) and the board policy's
    ``copyAccess`` say ``board_owner``, so a setting the API accepts could not be read back.
    """
    schema = doc["components"]["schemas"].get("TeamCopyAccessLevelSettings", {})
    enum = schema.get("properties", {}).get("copyAccessLevel", {}).get("enum", [])
    typos = [v for v in enum if v != v.rstrip(" -") and v.rstrip(" -") not in enum]
    for typo in typos:
        enum[enum.index(typo)] = typo.rstrip(" -")
    return [
        f"TeamCopyAccessLevelSettings.copyAccessLevel: {t!r} -> {t.rstrip(' -')!r}" for t in typos
    ]


#: Every repair, applied in this order. Each returns what it changed (empty: nothing to fix).
REPAIRS: List[Repair] = [
    add_missing_error_responses,
    route_scim_errors_to_scim_bodies,
    describe_bodyless_error_responses,
    declare_universal_error_statuses,
    unsuffix_board_id_placeholders,
    fix_placeholder_without_parameter,
    strip_query_marker_from_path,
    fix_board_group_schemas,
    require_upload_bodies,
    discriminate_generic_item_data,
    relax_overlapping_oneofs,
    fix_required_names_without_properties,
    fix_board_export_job_status_response,
    fix_scim_patch_operation_schema,
    fix_team_copy_access_level_enum,
]


def apply_repairs(doc: Json) -> Dict[str, List[str]]:
    """Apply :data:`REPAIRS` to ``doc`` in place; returns each repair's changes by name."""
    return {repair.__name__: repair(doc) for repair in REPAIRS}


# --------------------------------------------------------------------------- the session spec


@dataclass
class Spec:
    """The repaired description plus what it took to get it."""

    document: Json
    raw: Json
    repairs: Dict[str, List[str]]
    load_seconds: float
    repair_seconds: float
    operations: Dict[str, OperationInfo] = field(default_factory=dict)


@dataclass(frozen=True)
class OperationInfo:
    """One operation of the repaired description, with the facts tests need."""

    operation_id: str
    method: str
    path_key: str
    route: str
    tags: Tuple[str, ...]
    pointer: str  # JSON pointer of the operation object in the document

    def op(self, doc: Json) -> Json:
        """The operation object in ``doc``."""
        return resolve_pointer(doc, self.pointer)


def build_spec(raw: Json, *, repair: bool = True, load_seconds: float = 0.0) -> Spec:
    """A :class:`Spec` over a copy of ``raw``, repaired unless ``repair`` is false (tests
    use the unrepaired one to show each defect)."""
    started = time.perf_counter()
    doc = copy.deepcopy(raw)
    report = apply_repairs(doc) if repair else {}
    spec = Spec(doc, raw, report, load_seconds, time.perf_counter() - started)
    for path_key, method, op in iter_operations(doc):
        pointer = f"#/paths/{escape_pointer(path_key)}/{method}"
        spec.operations[op["operationId"]] = OperationInfo(
            op["operationId"],
            method.upper(),
            path_key,
            route_of(path_key, op),
            tuple(op.get("tags", ())),
            pointer,
        )
    return spec


@cache
def _cached(path: str) -> Spec:
    started = time.perf_counter()
    raw = load_raw_spec(Path(path))
    return build_spec(raw, load_seconds=time.perf_counter() - started)


def get_spec() -> Spec:
    """The repaired description for this session (loaded and repaired once)."""
    return _cached(str(spec_path()))
