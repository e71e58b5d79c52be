"""Every field Miro's spec declares in a JSON request body is accepted in a dict body by
the flat method that sends it: none is refused as unknown.

Each field is sent alone (with a value of its declared type) through the flat method; the
call may still fail for other reasons (a missing required field, a value out of range, or
the fake's 404 for the made-up board), but never with "unknown field".
"""

from typing import Any, Dict, Iterator, Tuple

import pytest

import miro
from miro.core.registry import operations

try:  # tests/ is a package
    from .contract import official
    from .contract import spec as specmod
except ImportError:  # tests/ is a rootdir-style directory
    from contract import official  # type: ignore[no-redef]
    from contract import spec as specmod  # type: ignore[no-redef]

ID = "3458764517517819000"
COMBINATORS = ("allOf", "oneOf", "anyOf")


@pytest.fixture(scope="module")
def raw_spec():
    reason = specmod.unavailable_reason()
    if reason:
        pytest.skip(reason)
    return specmod.load_raw_spec()


def fields(doc: Dict[str, Any], schema: Any, at: Tuple[str, ...] = ()) -> Iterator[Any]:
    """``(path, leaf schema)`` for every writable field of ``schema``, nested ones included."""
    node = specmod.deref(doc, schema)
    properties = dict(node.get("properties") or {})
    for key in COMBINATORS:
        for part in node.get(key) or []:
            properties.update(specmod.deref(doc, part).get("properties") or {})
    if not properties or len(at) > 6:
        if at:
            yield at, node
        return
    for name, child in properties.items():
        resolved = specmod.deref(doc, child)
        if resolved.get("readOnly"):
            continue
        yield from fields(doc, resolved, at + (name,))


def sample(leaf: Dict[str, Any]) -> Any:
    if leaf.get("enum"):
        return leaf["enum"][0]
    samples = {"number": 1, "integer": 1, "boolean": True, "array": [ID], "object": {}}
    return samples.get(leaf.get("type"), "x")


def nested(path: Tuple[str, ...], value: Any) -> Any:
    for key in reversed(path):
        value = {key: value}
    return value


def refused_as_unknown(method: Any, arguments: Dict[str, Any]) -> str:
    try:
        method(**arguments)
    except (miro.errors.InvalidArgumentType, TypeError) as exc:
        if "unknown field" in str(exc) or "unexpected keyword" in str(exc):
            return str(exc)
    except Exception:  # refused for another reason: the field itself was accepted
        pass
    return ""


@pytest.mark.contract_exempt("fields are sent one at a time, without their required company")
def test_every_declared_body_field_is_accepted(raw_spec, fake):
    api = miro.MiroApi(fake.token, base_url=fake.url, max_retries=0)
    refused, checked = [], 0
    for op in operations():
        try:
            params = official.official_params(raw_spec, op.operation_id)
        except KeyError:
            continue
        bodies = [p for p in params if p.kind == "body" and "json" in (p.media or "")]
        if not bodies:
            continue
        body = bodies[0]
        others = {p.name: ID for p in params if p.required and p.kind in ("path", "query")}
        schema = specmod.deref(raw_spec, body.schema)
        many = schema.get("type") == "array"
        item = specmod.deref(raw_spec, schema["items"]) if many else schema
        types = [None]
        if many:  # a bulk body: polymorphic by "type"; a field must suit one of them
            types = specmod.deref(raw_spec, item["properties"]["type"]).get("enum") or [None]
        method = getattr(api, op.flat_name)
        for path, leaf in fields(raw_spec, item):
            checked += 1
            problems = []
            for kind in types:
                value = nested(path, sample(leaf))
                if many:
                    value = [{"type": kind, **value}] if path != ("type",) else [value]
                problems.append(refused_as_unknown(method, {**others, body.name: value}))
            if all(problems):
                refused.append(f"{op.flat_name}: {'.'.join(path)}: {problems[0]}")
    api.close()
    assert checked > 300 and refused == []
