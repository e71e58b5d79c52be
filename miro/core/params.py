"""Declared request parameters: validation and request-body building in one place.

A collection declares what it sends as a :class:`Body`, a mapping from keyword argument
to :class:`Param` (where the value goes in the JSON body and what it accepts)::

    STICKY = Body(
        data(content=TEXT, shape=choice("square", "rectangle")),
        style(fill_color=choice(*STICKY_COLORS)),
        POSITION, FIXED_RATIO_NO_ROTATION, PARENT,
    )
    STICKY.build({"content": "Hi", "x": 0})  # {"data": {"content": "Hi"}, "position": {"x": 0}}

Every argument is checked before anything is sent: an unknown keyword, a wrong type, a
value outside an enum or a range raise :class:`~miro.errors.InvalidArgumentType` /
:class:`~miro.errors.InvalidArgument` naming the argument. ``None`` means "not given" and
is left out of the body. :meth:`Body.from_json` reads a JSON body (what the official
``miro_api`` methods take) back into keyword arguments so it passes the same checks.
"""

from __future__ import annotations

import datetime
import sys
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import attrs

from ..errors import InvalidArgument, InvalidArgumentType
from .convert import camel, format_datetime, parse_datetime, unstructure
from .paths import check_id

Check = Callable[[str, Any], Any]


@attrs.frozen
class Param:
    """One keyword argument: its place in the JSON body (``at``), its check, and what it
    takes in words when the check does not say it well enough (``doc``, for docstrings)."""

    at: Tuple[str, ...]
    check: Check
    doc: str = ""

    def with_path(self, *at: str) -> Param:
        """The same check, placed elsewhere in the body."""
        return attrs.evolve(self, at=at)


def _type_name(value: Any) -> str:
    return type(value).__name__


def _text(name: str, value: Any, *, min_length: int = 0, max_length: Optional[int] = None) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentType(f"{name} must be a string, got {_type_name(value)}")
    if len(value) < min_length:
        raise InvalidArgument(f"{name} must have at least {min_length} characters")
    if max_length is not None and len(value) > max_length:
        raise InvalidArgument(f"{name} must have at most {max_length} characters, got {len(value)}")
    return value


def text(min_length: int = 0, max_length: Optional[int] = None) -> Check:
    """A string, optionally with length bounds."""

    def check(name: str, value: Any) -> str:
        """A string, checked for length."""
        return _text(name, value, min_length=min_length, max_length=max_length)

    return check


TEXT = text()


_LARGEST = int(sys.float_info.max)


def _number(name: str, value: Any, minimum: Optional[float], maximum: Optional[float]) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgumentType(f"{name} must be a number, got {_type_name(value)}")
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidArgument(f"{name} must be a finite number")
    if isinstance(value, int) and not -_LARGEST <= value <= _LARGEST:
        # Python ints have no bound; a JSON number Miro (and every client) reads as a
        # double does. 10**400 would be stored and break every later listing.
        raise InvalidArgument(f"{name} is too large to be a JSON number (at most about 1.8e308)")
    if minimum is not None and value < minimum:
        raise InvalidArgument(f"{name} must be at least {minimum:g}, got {value}")
    if maximum is not None and value > maximum:
        raise InvalidArgument(f"{name} must be at most {maximum:g}, got {value}")
    return value


def number(minimum: Optional[float] = None, maximum: Optional[float] = None) -> Check:
    """A JSON number (int or float, not bool) within optional bounds."""

    def check(name: str, value: Any) -> float:
        """A number, checked against its bounds."""
        return _number(name, value, minimum, maximum)

    return check


NUMBER = number()


def number_string(minimum: Optional[float] = None, maximum: Optional[float] = None) -> Check:
    """A number the API wants as a string (``fontSize: "14"``); numeric strings pass too."""

    def check(name: str, value: Any) -> str:
        if isinstance(value, str):
            try:
                parsed = float(value)
            except ValueError:
                raise InvalidArgument(f"{name} must be a number, got {value!r}") from None
            _number(name, parsed, minimum, maximum)
            return value
        return str(_number(name, value, minimum, maximum))

    return check


def _boolean(name: str, value: Any) -> bool:
    """True or False (not 0/1, not strings)."""
    if not isinstance(value, bool):
        raise InvalidArgumentType(f"{name} must be True or False, got {_type_name(value)}")
    return value


BOOLEAN: Check = _boolean


def choice(*values: str) -> Check:
    """One of a fixed set of strings (an enum of the spec)."""
    allowed = tuple(values)

    def check(name: str, value: Any) -> str:
        if not isinstance(value, str):
            raise InvalidArgumentType(f"{name} must be a string, got {_type_name(value)}")
        if value not in allowed:
            listed = ", ".join(repr(v) for v in allowed)
            raise InvalidArgument(f"{name} must be one of {listed}; got {value!r}")
        return value

    check.choices = allowed  # type: ignore[attr-defined]
    return check


def _timestamp(name: str, value: Any) -> str:
    """A timezone-aware datetime or ISO-8601 string, sent as UTC with ``Z``."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise InvalidArgument(f"{name} must be timezone-aware (e.g. tzinfo=timezone.utc)")
        return format_datetime(value)
    if isinstance(value, str):
        try:
            return format_datetime(parse_datetime(value))
        except ValueError:
            raise InvalidArgument(f"{name} must be an ISO-8601 date-time, got {value!r}") from None
    raise InvalidArgumentType(f"{name} must be a datetime, got {_type_name(value)}")


DATETIME: Check = _timestamp


def _identifier(name: str, value: Any) -> str:
    """An id string, or an object with an ``id`` (an item stands for its id)."""
    return check_id(name, value)


ID: Check = _identifier


def list_of(item: Check, *, max_items: Optional[int] = None, min_items: int = 0) -> Check:
    """A list (or tuple) whose elements each pass ``item``."""

    def check(name: str, value: Any) -> list:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise InvalidArgumentType(f"{name} must be a list, got {_type_name(value)}")
        values = [item(f"{name}[{i}]", v) for i, v in enumerate(value)]
        if len(values) < min_items:
            raise InvalidArgument(f"{name} must have at least {min_items} element(s)")
        if max_items is not None and len(values) > max_items:
            raise InvalidArgument(
                f"{name} must have at most {max_items} elements, got {len(values)}"
            )
        return values

    return check


def json_object(name: str, value: Any) -> Any:
    """A JSON object given as a dict, as one of our models, or as a model with the official
    client's ``to_dict()`` (the ``miro_api.models`` classes)."""
    if value.__class__ is dict:
        return _json_copy(value)
    if not attrs.has(type(value)) and not isinstance(value, Mapping):
        to_dict = getattr(value, "to_dict", None)
        if callable(to_dict):
            return _json_copy(to_dict())
        raise InvalidArgumentType(f"{name} must be a dict, got {_type_name(value)}")
    return unstructure(value if attrs.has(type(value)) else dict(value))  # nested models too


_JSON_LEAVES = frozenset({str, int, float, bool, type(None)})


def _json_copy(value: Any) -> Any:
    """``unstructure(value)`` (a copy, nested models as dicts), without the converter's
    dispatch for the plain dicts, lists and scalars that bodies are made of."""
    kind = value.__class__
    if kind in _JSON_LEAVES:
        return value
    if kind is dict:
        out = {}
        for key, element in value.items():
            if key.__class__ is not str:
                return unstructure(value)
            out[key] = _json_copy(element)
        return out
    if kind is list:
        return [_json_copy(element) for element in value]
    return unstructure(value)


def section(key: str, **checks: Check) -> Dict[str, Param]:
    """Parameters that live in one sub-object of the body, e.g. ``data`` or ``style``."""
    return {name: Param((key, camel(name)), check) for name, check in checks.items()}


def data(**checks: Check) -> Dict[str, Param]:
    """Parameters of the body's ``data`` object."""
    return section("data", **checks)


def style(**checks: Check) -> Dict[str, Param]:
    """Parameters of the body's ``style`` object."""
    return section("style", **checks)


def top(**checks: Check) -> Dict[str, Param]:
    """Parameters at the top level of the body."""
    return {name: Param((camel(name),), check) for name, check in checks.items()}


POSITION = section("position", x=NUMBER, y=NUMBER)
PARENT = {
    "parent": Param(
        ("parent", "id"), ID, "a frame or its id (x/y are then measured from the frame's top-left)"
    )
}
_SIZE = number(minimum=0)
_ROTATION = number(minimum=-360, maximum=360)
GEOMETRY = section("geometry", width=_SIZE, height=_SIZE, rotation=_ROTATION)
GEOMETRY_NO_ROTATION = section("geometry", width=_SIZE, height=_SIZE)
FIXED_RATIO = GEOMETRY  # width *or* height (see Body.exclusive)
FIXED_RATIO_NO_ROTATION = GEOMETRY_NO_ROTATION
WIDTH_ONLY = section("geometry", width=_SIZE, rotation=_ROTATION)


class Body:
    """The keyword arguments one request accepts, and how they become its JSON body."""

    def __init__(
        self,
        *groups: Mapping[str, Param],
        required: Sequence[str] = (),
        exclusive: Sequence[Tuple[str, str]] = (),
        constants: Optional[Mapping[Tuple[str, ...], Any]] = None,
        always: Sequence[str] = (),
        ignored: Iterable[Tuple[str, ...]] = (),
    ) -> None:
        self.params: Dict[str, Param] = {}
        for group in groups:
            self.params.update(group)
        self.required = tuple(required)
        self.exclusive = tuple(exclusive)
        self.constants = dict(constants or {})
        self.always = tuple(always)
        self._by_path = {p.at: name for name, p in self.params.items()}
        self._prefixes = {p.at[:i] for p in self.params.values() for i in range(1, len(p.at))}
        self._prefixes.update(path[:1] for path in self.constants)
        #: Paths a JSON body may carry because the spec declares them, read and never sent
        #: (read-only fields, schema mix-ups): :meth:`from_json` skips them.
        self.ignored = frozenset(tuple(path) for path in ignored)
        self._prefixes.update(path[:i] for path in self.ignored for i in range(1, len(path)))

    def names(self) -> Tuple[str, ...]:
        """The keyword arguments accepted, in declaration order."""
        return tuple(self.params)

    def optional(self) -> Body:
        """The same parameters with nothing required (an update of the same resource)."""
        return Body(
            self.params, exclusive=self.exclusive, constants=self.constants, ignored=self.ignored
        )

    def without(self, *names: str) -> Body:
        """The same body less ``names`` (a method that takes them under other names)."""
        return Body(
            {k: v for k, v in self.params.items() if k not in names},
            required=[k for k in self.required if k not in names],
            exclusive=[pair for pair in self.exclusive if not set(pair) & set(names)],
            constants=self.constants,
            always=self.always,
            ignored=self.ignored,
        )

    def check(self, kwargs: Mapping[str, Any]) -> Dict[str, Any]:
        """Validate keyword arguments; return the given ones converted to wire values."""
        params = self.params  # loops, not comprehensions: this runs once per bulk spec
        for k in kwargs:
            if k not in params:
                raise InvalidArgumentType(_unknown_message(k, params))
        values: Dict[str, Any] = {}
        for k, v in kwargs.items():
            if v is not None:
                values[k] = params[k].check(k, v)
        for k in self.required:
            if k not in values:
                raise InvalidArgument(f"missing required argument: {k}")
        for first, second in self.exclusive:
            if first in values and second in values:
                raise InvalidArgument(
                    f"give {first} or {second}, not both: this item keeps its aspect ratio"
                )
        return values

    def build(self, kwargs: Mapping[str, Any]) -> Dict[str, Any]:
        """Validate keyword arguments and return the JSON body."""
        values = self.check(kwargs)
        body: Dict[str, Any] = {key: {} for key in self.always} if self.always else {}
        params = self.params
        for name, value in values.items():
            _put(body, params[name].at, value)
        for path, value in self.constants.items():
            if path[0] in body or path[0] in self.always:
                _put(body, path, value)
        return body

    def from_json(self, body: Any, name: str = "body") -> Dict[str, Any]:
        """Read a JSON body (dict or model) back into keyword arguments, rejecting unknown keys."""
        if body is None:
            return {}
        # A plain dict is read as it is (the values it leads to are copied one by one): a
        # bulk create reads a thousand of them.
        tree = body if body.__class__ is dict else json_object(name, body)
        kwargs: Dict[str, Any] = {}
        self._walk(tree, (), kwargs, name)
        return kwargs

    def pick(self, tree: Mapping[str, Any]) -> Dict[str, Any]:
        """The keyword arguments found in a response-shaped JSON object, leaving out what
        this body does not take (read-only fields) and nulls; not yet checked."""
        out: Dict[str, Any] = {}
        stack: List[Tuple[Tuple[str, ...], Mapping[str, Any]]] = [((), tree)]
        while stack:
            at, node = stack.pop()
            for key, value in node.items():
                path = at + (key,)
                if path in self._by_path and value is not None:
                    out[self._by_path[path]] = value
                elif path in self._prefixes and isinstance(value, Mapping):
                    stack.append((path, value))
        return out

    def _walk(self, node: Mapping[str, Any], at: Tuple[str, ...], out: Dict[str, Any], name: str):
        for key, value in node.items():
            path = at + (key,)
            if path in self._by_path:  # containers copied, models as JSON: as from a copy
                leaf = value.__class__ in _JSON_LEAVES
                out[self._by_path[path]] = value if leaf else _json_copy(value)
            elif path in self.constants or path in self.ignored:
                continue
            elif path in self._prefixes and is_mapping(value):
                self._walk(value, path, out, name)
            elif path in self._prefixes and value is None:
                continue
            elif path in self._prefixes and _is_model(value):  # a model inside a plain dict
                self._walk(json_object(name, value), path, out, name)
            else:
                where = name + "".join(f"[{p!r}]" for p in path)
                raise InvalidArgumentType(f"{where}: unknown field {key!r}")


def _is_model(value: Any) -> bool:
    """Whether ``value`` is one of our models or an official one (with ``to_dict()``)."""
    return attrs.has(type(value)) or callable(getattr(value, "to_dict", None))


def is_mapping(value: Any) -> bool:
    """``isinstance(value, Mapping)``, answered at once for plain dicts and None."""
    return value.__class__ is dict or (value is not None and isinstance(value, Mapping))


def _put(body: Dict[str, Any], at: Tuple[str, ...], value: Any) -> None:
    node = body
    for key in at[:-1]:
        node = node.setdefault(key, {})
    node[at[-1]] = value


def _unknown_message(name: str, known: Iterable[str]) -> str:
    names = list(known)
    import difflib  # only on error: a script that never errs never loads it

    close = difflib.get_close_matches(name, names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    accepted = f" Accepted: {', '.join(names)}." if names else " No keywords are accepted."
    return f"unexpected keyword argument {name!r}{hint}{accepted}"


def check_keywords(kwargs: Mapping[str, Any], known: Iterable[str]) -> None:
    """Raise naming the first keyword that is not in ``known``."""
    names = list(known)
    for key in kwargs:
        if key not in names:
            raise InvalidArgumentType(_unknown_message(key, names))
