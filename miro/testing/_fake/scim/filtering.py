"""SCIM filters as a SCIM service evaluates them (RFC 7644 §3.4.2.2), over rendered resources.

Supported: ``eq ne co sw ew gt ge lt le pr``, ``and``, ``or``, ``not (…)``, parentheses,
sub-attributes (``name.givenName``), multi-valued attributes (``emails.value``,
``emails[type eq "work" and primary eq true]``) and schema-qualified names. Attribute names
and operators are case-insensitive; string comparison is case-insensitive except for ``id``
(``caseExact`` in the User schema). A filter that does not parse raises :class:`FilterError`
(the service answers 400 ``invalidFilter``).
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, List, Mapping, Tuple

Predicate = Callable[[Mapping[str, Any]], bool]
_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<punct>[()\[\]])|(?P<word>[^\s()\[\]"]+))'
)
_OPERATORS = ("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le")
_CASE_EXACT = frozenset({"id"})
_BOOLS = ("true", "false")


class FilterError(ValueError):
    """The filter is not valid SCIM filter syntax."""


def _lex(text: str) -> List[Tuple[str, str]]:
    tokens, pos = [], 0
    while text[pos:].strip():
        match = _TOKEN.match(text, pos)
        if not match:
            raise FilterError(f"cannot read the filter at position {pos}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    return tokens


def _lookup(resource: Mapping[str, Any], name: str) -> Any:
    for key, value in resource.items():
        if key.lower() == name.lower():
            return value
    return None


def _values(resource: Mapping[str, Any], path: str) -> List[Any]:
    """Every value ``path`` reaches (flattening multi-valued attributes)."""
    if path.lower().startswith("urn:"):
        urn, _, attr = path.rpartition(":")
        extension = _lookup(resource, urn)
        return _values(extension, attr) if isinstance(extension, Mapping) else []
    current: List[Any] = [resource]
    for part in path.split("."):
        nxt: List[Any] = []
        for node in current:
            if isinstance(node, Mapping):
                found = _lookup(node, part)
                nxt.extend(found if isinstance(found, list) else [found])
        current = [v for v in nxt if v is not None]
    flat: List[Any] = []
    for value in current:
        if isinstance(value, list):
            flat.extend(value)
        elif isinstance(value, Mapping) and "value" in value:
            flat.append(value["value"])
        else:
            flat.append(value)
    return flat


def _compare(op: str, actual: Any, expected: Any, exact: bool) -> bool:
    if isinstance(actual, bool) and isinstance(expected, str) and expected.lower() in _BOOLS:
        expected = expected.lower() == "true"  # Azure quotes booleans: primary eq "True" (spec)
    if isinstance(actual, str) and isinstance(expected, str) and not exact:
        actual, expected = actual.lower(), expected.lower()
    if op == "eq":
        return actual == expected
    if op == "ne":
        return actual != expected
    if isinstance(actual, bool) or isinstance(expected, bool) or expected is None:
        return False
    if op in ("co", "sw", "ew"):
        if not (isinstance(actual, str) and isinstance(expected, str)):
            return False
        return {"co": expected in actual, "sw": actual.startswith(expected),
                "ew": actual.endswith(expected)}[op]  # fmt: skip
    try:
        return {"gt": actual > expected, "ge": actual >= expected, "lt": actual < expected,
                "le": actual <= expected}[op]  # fmt: skip
    except TypeError:
        return False


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _lex(text)
        self.i = 0

    def peek(self) -> str:
        return self.tokens[self.i][1] if self.i < len(self.tokens) else ""

    def take(self) -> Tuple[str, str]:
        if self.i >= len(self.tokens):
            raise FilterError("the filter ends too early")
        self.i += 1
        return self.tokens[self.i - 1]

    def expect(self, text: str) -> None:
        if self.take()[1] != text:
            raise FilterError(f"expected {text!r}")

    def parse(self) -> Predicate:
        if not self.tokens:
            raise FilterError("the filter is empty")
        predicate = self.disjunction()
        if self.i != len(self.tokens):
            raise FilterError(f"unexpected {self.peek()!r}")
        return predicate

    def disjunction(self) -> Predicate:
        parts = [self.conjunction()]
        while self.peek().lower() == "or":
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else (lambda r: any(p(r) for p in parts))

    def conjunction(self) -> Predicate:
        parts = [self.negation()]
        while self.peek().lower() == "and":
            self.take()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else (lambda r: all(p(r) for p in parts))

    def negation(self) -> Predicate:
        if self.peek().lower() == "not":
            self.take()
            self.expect("(")
            inner = self.disjunction()
            self.expect(")")
            return lambda r: not inner(r)
        if self.peek() == "(":
            self.take()
            inner = self.disjunction()
            self.expect(")")
            return inner
        return self.comparison()

    def comparison(self) -> Predicate:
        kind, attr = self.take()
        if kind != "word" or attr.lower() in ("and", "or", "not"):
            raise FilterError(f"expected an attribute name, found {attr!r}")
        if self.peek() == "[":
            self.take()
            inner = self.disjunction()
            self.expect("]")

            def any_matching(resource: Mapping[str, Any]) -> bool:
                values = _lookup(resource, attr)
                return isinstance(values, list) and any(
                    isinstance(v, Mapping) and inner(v) for v in values
                )

            return any_matching
        op = self.take()[1].lower()
        if op == "pr":
            return lambda r: any(v not in ("", [], {}) for v in _values(r, attr))
        if op not in _OPERATORS:
            raise FilterError(f"unknown operator {op!r}")
        kind, raw = self.take()
        expected = _literal(kind, raw)
        exact = attr.lower() in _CASE_EXACT

        def test(resource: Mapping[str, Any]) -> bool:
            found = _values(resource, attr)
            if op == "ne":
                return all(_compare("ne", v, expected, exact) for v in found)
            return any(_compare(op, v, expected, exact) for v in found)

        return test


def _literal(kind: str, raw: str) -> Any:
    if kind == "string":
        return json.loads(raw)
    lowered = raw.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "null":
        return None
    try:
        return float(raw) if any(c in raw for c in ".eE") else int(raw)
    except ValueError:
        raise FilterError(f"{raw!r} is not a value (strings are quoted)") from None


def compile_filter(text: str) -> Predicate:
    """A predicate over rendered SCIM resources; raises :class:`FilterError` if malformed."""
    return _Parser(text).parse()
