"""Miro's spec as Schemathesis needs it: the contract repairs, plus what a generator needs.

The document starts as the contract suite's repaired description
(``tests/contract/spec.py``: dangling error refs, the bulk-upload placeholder, the
``Group`` collision, item ``data`` oneOfs, … — one named function each, not repeated
here). The steps below only adapt it to a tool that *builds* requests from path keys and
reads ``Allow`` per key; each is one function returning what it changed:

* :func:`select` keeps the operations under test (:data:`PREFIXES`);
* :func:`merge_split_routes` puts operations the spec files under a renamed placeholder
  (API-NOTES §8.3, §8.4) back on their real path where that verb is free, and otherwise
  names the placeholder's parameter after it so the URL can be built;
* :func:`drop_bodies_of_204` removes the JSON declared on 204s (§4.2, §8.19);
* :func:`declare_400_for_input` declares the 400 that Miro answers to invalid input
  (§4.1) on the operations that take input but do not list it.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Dict, List, Tuple

from contract import spec as contract_spec

Json = Dict[str, Any]

#: The operations under test, by path prefix. FakeMiro's board side today; add the
#: organization side (``/v2/orgs``, ``/v2/audit``, ``/v2/sessions``) and SCIM (``/Users``,
#: ``/Groups`` …) here when the fake implements them.
PREFIXES: Tuple[str, ...] = (
    "/v2/boards",
    "/v2-experimental/",
    "/v1/oauth-token",
)


#: Operations FakeMiro implements that the run leaves out on purpose, with the reason.
LEFT_OUT: Dict[str, str] = {
    "revoke-token": "a generated or example token could revoke the run's own token",
    "revoke-token-v2": "a generated or example token could revoke the run's own token",
}

#: Served by FakeMiro, not yet fuzzed: the organization side (issue 14, part 2, in progress).
PENDING_PREFIXES: Tuple[str, ...] = ("/v2/orgs", "/v2/audit", "/v2/sessions")


def select(doc: Json, prefixes: Tuple[str, ...] = PREFIXES) -> List[str]:
    """Keep only the paths under ``prefixes``."""
    dropped = [key for key in doc["paths"] if not key.startswith(prefixes)]
    for key in dropped:
        del doc["paths"][key]
    return [f"{len(dropped)} paths outside {', '.join(prefixes)} left out"]


def merge_split_routes(doc: Json) -> List[str]:
    """§8.3, §8.4, §8.6: one URL filed under several path keys (``{board_id_PlatformTags}``
    …) makes a generator send requests another key's ``Allow`` does not list, and the
    contract repair renamed the parameter, not the key (it records ``x-miro-route``).

    An operation moves to its real route when no operation there has its verb; the
    others (verb+URL collisions told apart by query or content type) stay under their
    published key with the path parameter named as the key's placeholder.
    """
    changes: List[str] = []
    for path_key in list(doc["paths"]):
        item = doc["paths"][path_key]
        for method in [m for m in item if m in contract_spec.HTTP_METHODS]:
            op = item[method]
            route = op.get("x-miro-route")
            if not route or route == path_key:
                continue
            target = doc["paths"].setdefault(route, {})
            if method not in target:
                target[method] = item.pop(method)
                changes.append(f"{op['operationId']}: {path_key} -> {route}")
                continue
            placeholders = re.findall(r"\{([^}]+)\}", path_key)
            shared = item.get("parameters", [])
            alone = [m for m in item if m in contract_spec.HTTP_METHODS] == [method]
            if shared and alone:  # path-level ones (a $ref to ``boardId``): now the op's
                refs = [contract_spec.deref(doc, p) for p in shared]
                op["parameters"] = [copy.deepcopy(p) for p in refs] + op.get("parameters", [])
                del item["parameters"]
            for param in op.get("parameters", []):
                if param.get("in") == "path" and param["name"] not in placeholders:
                    wanted = [p for p in placeholders if p.startswith(param["name"])]
                    if len(wanted) == 1:
                        param["name"] = wanted[0]
                        changes.append(f"{op['operationId']}: parameter {wanted[0]}")
        if not any(m in contract_spec.HTTP_METHODS for m in item):
            del doc["paths"][path_key]
    return changes


def drop_bodies_of_204(doc: Json) -> List[str]:
    """§4.2, §8.19: 23 operations answering 204 declare an ``application/json`` body; a 204
    has none (RFC 9110 §15.3.5), so a correct empty answer fails content-type checks."""
    changes: List[str] = []
    for _key, _method, op in contract_spec.iter_operations(doc):
        response = op.get("responses", {}).get("204")
        if response and "content" in response:
            del response["content"]
            changes.append(op["operationId"])
    return changes


def declare_400_for_input(doc: Json) -> List[str]:
    """§4.1, §4.2: Miro answers ``400 invalidParameters`` to an invalid body or query,
    but the upload operations (and a few others) do not list a 400."""
    changes: List[str] = []
    for path_key, _method, op in contract_spec.iter_operations(doc):
        params = contract_spec.operation_parameters(doc, path_key, op)
        takes_input = "requestBody" in op or any(p["in"] == "query" for p in params)
        if takes_input and "400" not in op.get("responses", {}):
            op["responses"]["400"] = {"$ref": "#/components/responses/400"}
            changes.append(op["operationId"])
    return changes


STEPS = [select, merge_split_routes, drop_bodies_of_204, declare_400_for_input]


def fuzz_document() -> Tuple[Json, Dict[str, List[str]]]:
    """The repaired description with :data:`STEPS` applied, and what each step changed."""
    doc = copy.deepcopy(contract_spec.get_spec().document)
    return doc, {step.__name__: step(doc) for step in STEPS}
