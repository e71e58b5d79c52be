"""SCIM filter expressions (RFC 7644 §3.4.2.2), checked before they are sent.

``scim.users.list(filter='userName eq "ann@example.com" and active eq true')``: a filter
that does not parse raises :class:`~miro.errors.InvalidArgument` naming ``filter`` and the
position of the problem, before any request. Grammar::

    filter   = or_expr
    or_expr  = and_expr *("or" and_expr)
    and_expr = not_expr *("and" not_expr)
    not_expr = "not" "(" filter ")" / "(" filter ")" / attr "pr"
             / attr compare value / attr "[" filter "]"
    compare  = eq / ne / co / sw / ew / gt / lt / ge / le
    value    = "string" / number / true / false / null

Operators and keywords are case-insensitive, as the RFC says.
"""

from __future__ import annotations

import json
import re
from typing import Any, List, Tuple

from ..errors import InvalidArgument, InvalidArgumentType

COMPARE = frozenset({"eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le"})
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*")
      | (?P<punct>[()\[\]])
      | (?P<word>[A-Za-z0-9_:.$+\-]+)
    )""",
    re.VERBOSE,
)
_ATTR = re.compile(r"^(?:urn:[A-Za-z0-9:._\-]+:)?[A-Za-z][A-Za-z0-9_$\-]*(?:\.[A-Za-z][\w$\-]*)?$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def _tokens(text: str) -> List[Tuple[str, str, int]]:
    out: List[Tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise _error(text, pos, "unexpected character")
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind), match.start(kind)))
        pos = match.end()
    return out


def _error(text: str, pos: int, what: str) -> InvalidArgument:
    return InvalidArgument(f"filter is not a valid SCIM filter: {what} at position {pos}: {text!r}")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.i = 0

    def peek(self) -> Tuple[str, str, int]:
        if self.i < len(self.tokens):
            return self.tokens[self.i]
        return ("end", "", len(self.text))

    def take(self) -> Tuple[str, str, int]:
        token = self.peek()
        self.i += 1
        return token

    def expect(self, value: str) -> None:
        kind, text, pos = self.take()
        if text != value:
            raise _error(
                self.text, pos, f"expected {value!r}, found {repr(text) if text else 'the end'}"
            )

    def keyword(self, *words: str) -> bool:
        kind, text, _ = self.peek()
        if kind == "word" and text.lower() in words:
            self.i += 1
            return True
        return False

    def parse(self) -> None:
        if not self.tokens:
            raise _error(self.text, 0, "empty filter")
        self.or_expr()
        kind, text, pos = self.peek()
        if kind != "end":
            raise _error(self.text, pos, f"unexpected {text!r}")

    def or_expr(self) -> None:
        self.and_expr()
        while self.keyword("or"):
            self.and_expr()

    def and_expr(self) -> None:
        self.not_expr()
        while self.keyword("and"):
            self.not_expr()

    def not_expr(self) -> None:
        if self.keyword("not"):
            self.expect("(")
            self.or_expr()
            self.expect(")")
            return
        kind, text, pos = self.peek()
        if text == "(":
            self.take()
            self.or_expr()
            self.expect(")")
            return
        self.comparison()

    def comparison(self) -> None:
        kind, attr, pos = self.take()
        if kind != "word" or not _ATTR.match(attr) or attr.lower() in ("and", "or", "not"):
            found = repr(attr) if attr else "the end"
            raise _error(self.text, pos, f"expected an attribute name, found {found}")
        kind, op, pos = self.peek()
        if op == "[":
            self.take()
            self.or_expr()
            self.expect("]")
            return
        self.take()
        op = op.lower()
        if op == "pr":
            return
        if op not in COMPARE:
            found = repr(op) if op else "the end"
            raise _error(self.text, pos, f"expected an operator (eq, co, sw, pr …), found {found}")
        kind, value, pos = self.take()
        if kind == "string":
            json.loads(value)
        elif not (value.lower() in ("true", "false", "null") or _NUMBER.match(value)):
            found = repr(value) if value else "the end"
            raise _error(
                self.text,
                pos,
                f"expected a value (string, number, true, false, null), found {found}",
            )


def check_filter(name: str, value: Any) -> str:
    """A SCIM filter string that parses; raises naming ``name`` otherwise."""
    if not isinstance(value, str):
        kind = type(value).__name__
        raise InvalidArgumentType(f"{name} must be a SCIM filter string, got {kind}")
    try:
        _Parser(value).parse()
    except InvalidArgument as exc:
        raise InvalidArgument(str(exc).replace("filter is", f"{name} is", 1)) from None
    return value
