"""RFC 7644 §3.5.2 PATCH, applied to a resource's JSON document.

A PATCH here is: take the resource as a document (what a PUT would send), apply each
operation to it, then validate and store the result exactly as a PUT of it would be. So
every attribute a resource has can be added, replaced and removed, with or without a
``path``, and nothing is accepted that a PUT would refuse.

Paths: ``attr``, ``attr.sub``, ``attr[filter]``, ``attr[filter].sub``, each optionally
schema-qualified (``urn:…:enterprise:2.0:User:department``), and an extension's URN alone
(its whole object). Attribute names are case-insensitive (RFC 7643 §2.1); ``names`` maps
them to the schema's spelling. A filter that matches nothing is ``noTarget``, except
where Azure sets a sub-attribute of a value that does not exist yet with a plain
``eq`` filter (``photos[type eq "photo"].value``): that value is created.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Mapping, Optional, Tuple

from .filtering import FilterError, Predicate, compile_filter
from .protocol import PATCH_OP, ScimFault

_PATH = re.compile(
    r"^(?P<attr>[A-Za-z$][\w$-]*)(?:\[(?P<filter>.*)\])?(?:\.(?P<sub>[A-Za-z$][\w$-]*))?$"
)
_EQUALITY = re.compile(r'^\s*([A-Za-z$][\w$-]*)\s+eq\s+("(?:[^"\\]|\\.)*"|\S+)\s*$', re.I)


def operations(body: Mapping[str, Any]) -> List[Tuple[str, Optional[str], Any]]:
    """The ``(op, path, value)`` of a PatchOp body, checked (400 ``invalidSyntax``)."""
    if PATCH_OP not in (body.get("schemas") or []):
        raise ScimFault(400, f"schemas must contain {PATCH_OP}", "invalidSyntax")
    found = body.get("Operations")
    if not isinstance(found, list) or not found:
        raise ScimFault(400, "Operations must be a non-empty array", "invalidSyntax")
    out: List[Tuple[str, Optional[str], Any]] = []
    for op in found:
        if not isinstance(op, dict) or not isinstance(op.get("op"), str):
            raise ScimFault(400, "each operation needs an op", "invalidSyntax")
        verb = op["op"].lower()  # Azure sends "Add", "Replace", "Remove"
        if verb not in ("add", "remove", "replace"):
            raise ScimFault(400, f"op {op['op']!r} is not supported", "invalidSyntax")
        path = op.get("path")
        if path is not None and (not isinstance(path, str) or not path.strip()):
            raise ScimFault(400, "path must be a non-empty string", "invalidPath")
        if verb == "remove" and path is None:
            raise ScimFault(400, "remove needs a path", "noTarget")
        if verb != "remove" and "value" not in op:
            raise ScimFault(400, f"{op['op']} needs a value", "invalidValue")
        out.append((verb, path, op.get("value")))
    return out


class Names:
    """The attributes a resource type has: lower-case name -> schema spelling."""

    def __init__(
        self,
        core: str,
        top: Mapping[str, List[str]],
        extensions: Mapping[str, Mapping[str, List[str]]],
        ignored: Tuple[str, ...] = (),
    ) -> None:
        self.core = core
        self.top = {k.lower(): k for k in top}
        self.subs = {k.lower(): {s.lower(): s for s in v} for k, v in top.items()}
        self.extensions = {
            urn.lower(): (urn, Names(urn, attrs, {})) for urn, attrs in extensions.items()
        }
        self.ignored = {i.lower() for i in ignored}

    def attribute(self, name: str) -> str:
        """The schema's spelling of a top-level attribute (400 ``invalidPath`` if unknown)."""
        found = self.top.get(name.lower())
        if found is None:
            raise ScimFault(400, f"{name!r} is not an attribute of this resource", "invalidPath")
        return found

    def sub(self, attribute: str, name: str) -> str:
        """The schema's spelling of a sub-attribute (400 ``invalidPath`` if unknown)."""
        found = self.subs.get(attribute.lower(), {}).get(name.lower())
        if found is None:
            raise ScimFault(400, f"{attribute}.{name} is not an attribute", "invalidPath")
        return found

    def canonical(self, attribute: str, value: Any) -> Any:
        """``value`` with its sub-attribute names in the schema's spelling."""
        if not self.subs.get(attribute.lower()):
            return value
        if isinstance(value, list):
            return [self.canonical(attribute, v) for v in value]
        if isinstance(value, dict):
            return {self.sub(attribute, k): v for k, v in value.items()}
        return value


def apply(document: Dict[str, Any], op: str, path: Optional[str], value: Any, names: Names) -> None:
    """Apply one PATCH operation to ``document`` in place."""
    if path is None:
        if not isinstance(value, dict):
            raise ScimFault(400, "value must be an object when path is absent", "invalidValue")
        for key, item in value.items():
            apply(document, op, key, item, names)
        return
    if path.lower().startswith("urn:"):
        _apply_qualified(document, op, path, value, names)
        return
    match = _PATH.match(path.strip())
    if match is None:
        raise ScimFault(400, f"path {path!r} is not a SCIM attribute path", "invalidPath")
    if match["attr"].lower() in names.ignored:
        return  # accepted, not kept (see the resource's module)
    attr = names.attribute(match["attr"])
    sub = names.sub(attr, match["sub"]) if match["sub"] else None
    if match["filter"] is not None:
        _apply_filtered(document, op, attr, match["filter"], sub, value, names)
    elif sub is not None:
        _apply_sub(document, op, attr, sub, value)
    else:
        _apply_attribute(document, op, attr, names.canonical(attr, value))


def _apply_qualified(
    document: Dict[str, Any], op: str, path: str, value: Any, names: Names
) -> None:
    lowered = path.lower()
    for key, (urn, inner) in names.extensions.items():
        if lowered == key:  # the extension as a whole
            if op == "remove":
                document.pop(urn, None)
            elif not isinstance(value, dict):
                raise ScimFault(400, f"{urn} takes an object", "invalidValue")
            else:
                target = document.setdefault(urn, {})
                for name, item in value.items():
                    if name != "schemas":  # some clients serialize the extension with it
                        apply(target, op, name, item, inner)
            return
        if lowered.startswith(key + ":"):
            apply(document.setdefault(urn, {}), op, path[len(key) + 1 :], value, inner)
            if not document[urn]:
                document.pop(urn)
            return
    core, _, rest = path.rpartition(":")
    if core.lower() == names.core.lower():
        apply(document, op, rest, value, names)
        return
    raise ScimFault(400, f"path {path!r} names no schema of this resource", "invalidPath")


def _apply_attribute(document: Dict[str, Any], op: str, attr: str, value: Any) -> None:
    if op == "remove":
        document.pop(attr, None)
        return
    current = document.get(attr)
    if isinstance(current, list) or isinstance(value, list):
        items = value if isinstance(value, list) else [value]
        if op == "add":  # RFC 7644 §3.5.2.1: values are added to a multi-valued attribute
            kept = [c for c in (current or []) if c not in items]
            if any(isinstance(i, dict) and i.get("primary") is True for i in items):
                kept = [
                    dict(c, primary=False) if isinstance(c, dict) and c.get("primary") else c
                    for c in kept
                ]
            items = kept + items
        document[attr] = items
    elif isinstance(current, dict) and isinstance(value, dict):
        document[attr] = {**current, **value}  # sub-attributes given replace, others stay
    else:
        document[attr] = value


def _apply_sub(document: Dict[str, Any], op: str, attr: str, sub: str, value: Any) -> None:
    current = document.get(attr)
    targets = current if isinstance(current, list) else [current] if current is not None else []
    if op == "remove":
        for target in targets:
            if isinstance(target, dict):
                target.pop(sub, None)
        return
    if not targets:
        document[attr] = {sub: value}
        return
    for target in targets:
        if isinstance(target, dict):
            target[sub] = value


def _apply_filtered(
    document: Dict[str, Any],
    op: str,
    attr: str,
    text: str,
    sub: Optional[str],
    value: Any,
    names: Names,
) -> None:
    try:
        predicate: Predicate = compile_filter(text)
    except FilterError as exc:
        raise ScimFault(400, f"Invalid filter in path: {exc}", "invalidFilter") from None
    items = document.get(attr)
    items = items if isinstance(items, list) else []
    matching = [i for i in items if isinstance(i, dict) and predicate(i)]
    if not matching:
        seed = _equalities(text)
        if op == "remove" or seed is None or sub is None:
            raise ScimFault(400, f"{attr}[{text}] matches no value", "noTarget")
        document[attr] = items + [names.canonical(attr, {**seed, sub: value})]
        return
    for item in matching:
        if op == "remove" and sub is None:
            items.remove(item)
        elif op == "remove":
            item.pop(sub or "", None)
        elif sub is not None:
            item[sub] = value
        elif isinstance(value, dict):
            item.clear()
            item.update(names.canonical(attr, value))
        else:
            raise ScimFault(400, f"{attr}[{text}] takes an object", "invalidValue")
    document[attr] = items


def _equalities(text: str) -> Optional[Dict[str, Any]]:
    """``{"type": "photo"}`` for ``type eq "photo"`` (``and`` of such), else None."""
    out: Dict[str, Any] = {}
    for part in re.split(r"\s+and\s+", text, flags=re.I):
        match = _EQUALITY.match(part)
        if match is None:
            return None
        raw = match.group(2)
        literal = json.loads(raw) if raw.startswith('"') else raw
        if isinstance(literal, str) and literal.lower() in ("true", "false"):
            literal = literal.lower() == "true"
        out[match.group(1)] = literal
    return out
