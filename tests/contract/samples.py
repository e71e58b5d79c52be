"""Build JSON instances from the description's schemas.

``minimal`` instances carry only what a schema requires (used as request bodies by the
coverage test); ``full`` instances fill every property, preferring the spec's own
``example`` values (used to find schemas that reject what they themselves describe).
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from . import spec as specmod

_BY_FORMAT = {
    "date-time": "2024-05-07T10:00:00Z",
    "date": "2024-05-07",
    "uuid": "8e3cc8b6-5b0b-4b68-9ad6-3cc05b9e2f1a",
    "int64": "3458764517517819000",
    "uri": "https://example.com/x",
}


def _fits(value: Any, schema: Mapping[str, Any]) -> bool:
    kind = schema.get("type")
    if "enum" in schema and value not in schema["enum"]:
        return False
    if kind == "string":
        if not isinstance(value, str):
            return False
        if schema.get("format") in _BY_FORMAT and schema.get("format") != "uri":
            return False  # examples of formatted strings are often loose; use ours
        return True
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    return False


def _number(schema: Mapping[str, Any], integer: bool) -> Any:
    low, high = schema.get("minimum"), schema.get("maximum")
    value: Any = low if low is not None else (0 if high is None or high >= 0 else high)
    return int(value) if integer else value


def instance(
    doc: Mapping[str, Any],
    schema: Any,
    *,
    full: bool = False,
    depth: int = 0,
    prefer_examples: bool = True,
) -> Any:
    """An instance of ``schema`` (references resolved against ``doc``)."""
    schema = specmod.deref(doc, schema)  # type: ignore[arg-type]
    if depth > 12:
        return None
    if "allOf" in schema:
        merged: Any = None
        for part in schema["allOf"]:
            value = instance(doc, part, full=full, depth=depth + 1, prefer_examples=prefer_examples)
            if isinstance(merged, dict) and isinstance(value, dict):
                merged.update(value)
            elif merged is None:
                merged = value
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        if rest.get("properties") and isinstance(merged, dict):
            merged.update(
                instance(doc, rest, full=full, depth=depth + 1, prefer_examples=prefer_examples)
            )
        return merged
    for key in ("oneOf", "anyOf"):
        if key in schema:
            branch = schema[key][0]
            mapping = schema.get("discriminator", {}).get("mapping")
            if mapping:
                tag, ref = next(iter(mapping.items()))
                value = instance(
                    doc, {"$ref": ref}, full=full, depth=depth + 1, prefer_examples=prefer_examples
                )
                value[schema["discriminator"]["propertyName"]] = tag
                return value
            value = instance(
                doc, branch, full=full, depth=depth + 1, prefer_examples=prefer_examples
            )
            rest = {k: v for k, v in schema.items() if k != key}
            if rest.get("properties") and isinstance(value, dict):
                base = instance(
                    doc, rest, full=full, depth=depth + 1, prefer_examples=prefer_examples
                )
                base.update(value)
                return base
            return value
    example = schema.get("example")
    if prefer_examples and example is not None and _fits(example, schema):
        return example
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type") or ("object" if "properties" in schema else None)
    if kind == "object":
        props = schema.get("properties", {})
        names = list(props) if full else list(schema.get("required", []))
        return {
            name: instance(
                doc,
                props.get(name, {"type": "string"}),
                full=full,
                depth=depth + 1,
                prefer_examples=prefer_examples,
            )
            for name in names
        }
    if kind == "array":
        count = max(schema.get("minItems", 0), 1 if full else 0)
        return [
            instance(
                doc,
                schema.get("items", {}),
                full=full,
                depth=depth + 1,
                prefer_examples=prefer_examples,
            )
            for _ in range(count)
        ]
    if kind == "integer":
        return _number(schema, integer=True)
    if kind == "number":
        return _number(schema, integer=False)
    if kind == "boolean":
        return True
    if kind == "string":
        fmt = schema.get("format")
        if fmt in _BY_FORMAT:
            return _BY_FORMAT[fmt]
        if "minimum" in schema or "maximum" in schema:
            return str(_number(schema, integer=True))
        text = "x" * max(1, schema.get("minLength", 1))
        return text[: schema.get("maxLength", len(text))]
    return {} if full else None


def body_schema(
    doc: Mapping[str, Any], op: Mapping[str, Any], media: str = "application/json"
) -> Optional[Any]:
    """The operation's request-body schema for ``media``, if it has one."""
    body = specmod.deref(doc, op.get("requestBody", {})) or {}  # type: ignore[arg-type]
    content = body.get("content", {})
    return content[media]["schema"] if media in content else None
