"""The one converter between Miro's JSON and our attrs models.

* attribute names are the snake_case of the API's camelCase keys (``created_at`` ↔
  ``createdAt``);
* datetimes are timezone-aware and written back as ISO-8601 with ``Z``;
* keys a model does not declare are kept in its ``extra`` dict and written back on
  unstructure, so nothing Miro sends is lost (a field added next year survives a
  round trip);
* polymorphic bases (items) dispatch on the JSON ``type`` through a registry and fall
  back to the base class for a type we do not know yet;
* private attributes (``_collection`` …) and ``extra`` are never read from or written to
  JSON.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import sys
import threading
import typing
from typing import Any, Callable, Dict, List, Optional, Tuple, Type, TypeVar, Union

import attrs

from ..errors import MalformedResponse
from .answered import origin

if typing.TYPE_CHECKING:
    import cattrs

T = TypeVar("T")

_CAMEL_BOUNDARY = re.compile(r"_([a-z0-9])")
_SNAKE_BOUNDARY = re.compile(r"(?<=[a-z0-9])([A-Z])")


def camel(name: str) -> str:
    """``fill_color`` → ``fillColor``."""
    return _CAMEL_BOUNDARY.sub(lambda m: m.group(1).upper(), name)


def snake(name: str) -> str:
    """``fillColor`` → ``fill_color`` (also turns ``-`` into ``_``)."""
    return _SNAKE_BOUNDARY.sub(r"_\1", name).replace("-", "_").lower()


def parse_datetime(value: Any) -> datetime.datetime:
    """Parse Miro's ISO-8601 timestamps (``…Z``) into aware datetimes."""
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
    parsed = _fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


if sys.version_info >= (3, 11):
    _fromisoformat = datetime.datetime.fromisoformat
else:  # pragma: no cover - 3.9/3.10 take neither "Z" nor every fraction length

    def _fromisoformat(text: str) -> datetime.datetime:
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            return datetime.datetime.fromisoformat(_trim_fraction(text))


def _trim_fraction(text: str) -> str:
    # Python 3.9's fromisoformat takes 3 or 6 fractional digits only.
    match = re.match(r"^(.*T\d\d:\d\d:\d\d)\.(\d+)(.*)$", text)
    if not match:
        return text
    head, fraction, tail = match.groups()
    return f"{head}.{fraction[:6].ljust(6, '0')}{tail}"


def format_datetime(value: datetime.datetime) -> str:
    """Write an aware datetime as Miro does: UTC, ISO-8601, ``Z``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    value = value.astimezone(datetime.timezone.utc)
    text = value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
    return text.replace("+00:00", "Z")


_POLYMORPHIC: Dict[type, Dict[str, type]] = {}
_LOADERS: Dict[type, Callable[[Any], Optional[type]]] = {}


def register_subtype(base: type, type_name: str, cls: type) -> None:
    """Make JSON with ``"type": type_name`` structure as ``cls`` wherever ``base`` is asked."""
    _POLYMORPHIC.setdefault(base, {})[type_name] = cls


def subtype_for(base: type, type_name: Any) -> type:
    """The registered class for ``type_name`` under ``base``, or ``base`` itself."""
    found = _POLYMORPHIC.get(base, {}).get(type_name)
    if found is None and base in _LOADERS:
        found = _LOADERS[base](type_name)
    return base if found is None else found


def _is_wire_field(a: attrs.Attribute[Any]) -> bool:
    return not a.name.startswith("_")


def json_name(a: attrs.Attribute[Any]) -> str:
    """The JSON key of an attribute: ``metadata["json"]`` if set, else its camelCase."""
    return a.metadata.get("json") or camel(a.name)


def polymorphic(base: type, load: Optional[Callable[[Any], Optional[type]]] = None) -> None:
    """Mark ``base`` as dispatching on the JSON ``type`` (see :func:`register_subtype`);
    ``load(type_name)`` is asked for a type not registered yet (it may load the module
    that registers it) and gives its class or None."""
    _POLYMORPHIC.setdefault(base, {})
    if load is not None:
        _LOADERS[base] = load


class WrongShape(ValueError):
    """A JSON value is not of the type its model declares (``where``: the path to it)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.where: List[str] = []  # innermost key first, filled while unwinding

    @property
    def field(self) -> str:
        """The path to the value, ``"child.tags[1]"`` (empty for the value itself)."""
        return ".".join(reversed(self.where)).replace(".[", "[")

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


_JSON_NAMES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
_JSON_NAMES.update({int: "an integer", float: "a number", type(None): "null"})


def _wrong(expected: str, value: Any) -> WrongShape:
    return WrongShape(f"expected {expected}, got {_JSON_NAMES.get(type(value), 'a value')}")


# Strict leaves: a JSON type is never coerced into another (no "{}" read as a string).
def _any(value: Any) -> Any:
    return value


def _str(value: Any) -> str:
    if value.__class__ is str:
        return value
    raise _wrong("a string", value)


def _int(value: Any) -> int:
    if value.__class__ is int:
        return value
    raise _wrong("an integer", value)


def _float(value: Any) -> float:
    kind = value.__class__
    if kind is float:
        return value
    if kind is int:
        try:
            float(value)
        except OverflowError:
            raise WrongShape(f"number out of range: {str(value)[:20]}…") from None
        return value  # a JSON integer stays an int, as in the JSON (and the official client)
    raise _wrong("a number", value)


def _bool(value: Any) -> bool:
    if value.__class__ is bool:
        return value
    raise _wrong("a boolean", value)


def _datetime(value: Any) -> datetime.datetime:
    if value.__class__ is not str:
        raise _wrong("an ISO-8601 timestamp string", value)
    try:
        parsed = _fromisoformat(value)
    except ValueError:
        raise WrongShape(f"not an ISO-8601 timestamp: {value[:40]!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


def _date(value: Any) -> datetime.date:
    if value.__class__ is not str:
        raise _wrong("an ISO-8601 date string", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise WrongShape(f"not an ISO-8601 date: {value[:40]!r}") from None


_LEAVES: Dict[Any, Callable[[Any], Any]] = {
    Any: _any, str: _str, int: _int, float: _float, bool: _bool, object: _any,
    datetime.datetime: _datetime, datetime.date: _date,
}  # fmt: skip


def _optional(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(value: Any) -> Any:
        return None if value is None else inner(value)

    return optional


def _list(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def structure_list(value: Any) -> Any:
        if value.__class__ is not list:
            raise _wrong("an array", value)
        if inner is _any:
            return value
        out = []
        for index, element in enumerate(value):
            try:
                out.append(inner(element))
            except WrongShape as error:
                error.where.append(f"[{index}]")
                raise
        return out

    return structure_list


def _dict(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def structure_dict(value: Any) -> Any:
        if value.__class__ is not dict:
            raise _wrong("an object", value)
        if inner is _any:
            return value  # JSON objects are fresh per response: no copy needed
        out = {}
        for key, element in value.items():
            try:
                out[key] = inner(element)
            except WrongShape as error:
                error.where.append(str(key))
                raise
        return out

    return structure_dict


_STRUCTURERS: Dict[Any, Callable[[Any], Any]] = {}
_BUILDING: Dict[Any, Callable[[Any], Any]] = {}  # placeholders, seen by the building thread
_BUILD_LOCK = threading.RLock()


def structurer(tp: Any) -> Callable[[Any], Any]:
    """The (cached) function turning JSON into ``tp``: strict, generated once per class."""
    found = _STRUCTURERS.get(tp)
    if found is None:
        with _BUILD_LOCK:
            found = _STRUCTURERS.get(tp) or _BUILDING.get(tp)
            if found is None:
                found = _STRUCTURERS[tp] = _build(tp)
    return found


def _build(tp: Any) -> Callable[[Any], Any]:
    if tp in _LEAVES:
        return _LEAVES[tp]
    if attrs.has(tp):
        return _build_class(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Union and len(args) == 2 and type(None) in args:
        return _optional(structurer(args[0] if args[1] is type(None) else args[1]))
    if origin in (list, List) and len(args) == 1:
        return _list(structurer(args[0]))
    if origin in (dict, Dict) and len(args) == 2:
        return _dict(structurer(args[1]))
    # Anything else (enums, other unions …) is left to cattrs.
    return lambda value: _converter().structure(value, tp)


def _build_class(cls: type) -> Callable[[Any], Any]:
    # A placeholder first, so a class that contains itself resolves to its own function.
    _BUILDING[cls] = lambda value: _STRUCTURERS[cls](value)
    try:
        return _compile_class(cls)
    finally:
        del _BUILDING[cls]


def _compile_class(cls: type) -> Callable[[Any], Any]:
    hints = _field_types(cls)
    if _plain_init(cls):
        function = _compile_direct(cls, _general_on_demand(cls, hints), hints)
    else:
        function = _compile_general(cls, hints)
    if cls not in _POLYMORPHIC:
        return function
    subtypes = _POLYMORPHIC[cls]
    load = _LOADERS.get(cls)

    def dispatch(value: Any) -> Any:
        if value.__class__ is dict:
            kind = value.get("type", "")
            target = subtypes.get(kind)
            if target is None and load is not None:
                target = load(kind)
            if target is not None and target is not cls:
                return structurer(target)(value)
        return function(value)

    return dispatch


_EVALUATED: Dict[Tuple[str, str], Any] = {}


def _field_types(cls: type) -> Dict[str, Any]:
    """The type of each attribute of ``cls``: its annotation evaluated in the module of the
    class that declares it, once per module and text (``typing.get_type_hints`` compiles
    every annotation of every base class again for each class: most of the cost of the
    first listing). What that leaves unresolved (a name only the class body knows, a
    quoted name inside) is left to ``get_type_hints``."""
    types: Dict[str, Any] = {}
    for a in attrs.fields(cls):
        owner = _declaring(cls, a.name)  # as get_type_hints: the first class declaring it
        tp = vars(owner).get("__annotations__", {}).get(a.name, Any)
        if isinstance(tp, str):
            key = (owner.__module__, tp)
            if key not in _EVALUATED:
                try:
                    _EVALUATED[key] = eval(tp, vars(sys.modules[owner.__module__]))  # noqa: S307
                except Exception:  # noqa: BLE001 - a name only the class body knows
                    return _hinted_types(cls)
            tp = _EVALUATED[key]
        if _unresolved(tp):
            return _hinted_types(cls)
        types[a.name] = tp
    return types


def _hinted_types(cls: type) -> Dict[str, Any]:
    """The type of each attribute of ``cls``, by ``typing.get_type_hints``."""
    hints = typing.get_type_hints(cls)
    return {a.name: hints.get(a.name, Any) for a in attrs.fields(cls)}


def _declaring(cls: type, name: str) -> type:
    """The class in the MRO of ``cls`` whose own annotations declare ``name``."""
    for klass in cls.__mro__:
        if name in vars(klass).get("__annotations__", ()):
            return klass
    return cls  # not annotated anywhere (attrs.field() alone): Any


def _unresolved(tp: Any) -> bool:
    """Whether a quoted name is left anywhere inside the type ``tp``."""
    if isinstance(tp, (str, typing.ForwardRef)):
        return True
    return any(_unresolved(arg) for arg in typing.get_args(tp))


def _general_on_demand(cls: type, hints: Dict[str, Any]) -> Callable[[Any], Any]:
    """:func:`_compile_general`'s structurer of ``cls``, compiled the first time it is
    called: a direct structurer only needs it for JSON missing a required field."""
    made: List[Callable[[Any], Any]] = []

    def general(value: Any) -> Any:
        if not made:
            made.append(_compile_general(cls, hints))
        return made[0](value)

    return general


def _compile_general(cls: type, hints: Optional[Dict[str, Any]] = None) -> Callable[[Any], Any]:
    """The structurer collecting keyword arguments for ``cls(**kw)``: any attrs class."""
    hints = _field_types(cls) if hints is None else hints
    fields = attrs.fields(cls)
    wire = [a for a in fields if _is_wire_field(a)]
    namespace = _namespace(cls, wire)
    lines = [*_HEAD, "    kw = {}", "    n = 0"]
    for index, a in enumerate(wire):
        key = json_name(a)
        lines += [f"    v = d.get({key!r}, MISSING)", "    if v is not MISSING:"]
        lines += _converted(a, index, hints, namespace, f"kw[{a.alias!r}]")
    lines += [
        "    try:",
        "        obj = cls(**kw)",
        "    except TypeError as e:",
        "        raise WrongShape(str(e).split('.', 1)[-1].strip()) from None",
    ]
    return _define(cls, lines + _tail(fields), namespace)


#: The first lines of every generated structurer: only a JSON object is a model.
_HEAD = [
    "def structure(d):",
    "    if d.__class__ is not dict:",
    "        raise _wrong('an object', d)",
]


def _namespace(cls: type, wire: List[attrs.Attribute[Any]]) -> Dict[str, Any]:
    """The names a generated structurer of ``cls`` starts with."""
    return {
        "cls": cls, "_wrong": _wrong, "WrongShape": WrongShape, "MISSING": _MISSING,
        "known": frozenset(json_name(a) for a in wire),
    }  # fmt: skip


def _converted(
    a: attrs.Attribute[Any], index: int, hints: Dict[str, Any], namespace: Dict[str, Any],
    target: str, count: bool = True,
) -> List[str]:  # fmt: skip
    """Lines (in an ``if``/``else`` branch) that count the present wire field ``a`` (unless
    ``count`` is false: the caller counts the missing ones instead), convert
    its value ``v`` and store it in ``target``; a wrong shape names the field."""
    return [
        *(["        n += 1"] if count else []),
        "        try:",
        *_field_code(hints.get(a.name, Any), f"c{index}", namespace),
        f"            {target} = v",
        "        except WrongShape as e:",
        f"            e.where.append({json_name(a)!r})",
        "            raise",
    ]


def _tail(fields: Any) -> List[str]:
    """The last lines of a generated structurer: unknown keys kept in ``_extra`` (when the
    class has one), then ``obj`` returned."""
    if not any(a.name == "_extra" for a in fields):
        return ["    return obj"]
    return [
        "    if n != len(d):",
        "        obj._extra = {k: v for k, v in d.items() if k not in known}",
        "    return obj",
    ]


def _plain_init(cls: type) -> bool:
    """Whether ``cls.__init__`` only assigns each attribute its argument or default (no
    validators, converters, hooks, ``takes_self`` factories or custom ``__setattr__``), so
    an instance can be made by assigning the attributes directly."""
    init = getattr(getattr(cls, "__init__", None), "__code__", None)
    if init is None or "attrs generated" not in init.co_filename:
        return False
    if cls.__new__ is not object.__new__ or cls.__setattr__ is not object.__setattr__:
        return False
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    for a in attrs.fields(cls):
        if a.validator is not None or a.converter is not None:
            return False
        if isinstance(a.default, attrs.Factory) and a.default.takes_self:  # type: ignore[arg-type]
            return False
        if _is_wire_field(a) and not a.init:
            return False
    return True


def _compile_direct(
    cls: type, general: Callable[[Any], Any], hints: Optional[Dict[str, Any]] = None
) -> Callable[[Any], Any]:
    """The structurer of a :func:`_plain_init` class: the same checks as ``general``, but
    the instance is made with ``object.__new__`` and its attributes assigned in
    ``__init__``'s order (``cls(**kw)`` was half of the conversion time). A missing
    required field is left to ``general``, which raises the usual error."""
    hints = _field_types(cls) if hints is None else hints
    fields = attrs.fields(cls)
    namespace = _namespace(cls, [a for a in fields if _is_wire_field(a)])
    namespace.update(new=object.__new__, general=general)
    # n counts the fields present: every wire field, less each one found missing (fewer
    # steps than counting the present ones, which a listing's items mostly are).
    wire_count = sum(1 for a in fields if _is_wire_field(a))
    lines = [*_HEAD, "    obj = new(cls)", f"    n = {wire_count}"]
    for index, a in enumerate(fields):
        default = _default_code(a, f"d{index}", namespace)
        if not _is_wire_field(a):
            lines.append(f"    obj.{a.name} = {default}")
            continue
        key = json_name(a)
        lines += [
            f"    v = d.get({key!r})",  # None in the wire is rarer than a value: one test
            f"    if v is None and {key!r} not in d:",
            *(["        return general(d)"] if default is None else
              [f"        obj.{a.name} = {default}", "        n -= 1"]),
            "    else:",
        ]  # fmt: skip
        lines += _converted(a, index, hints, namespace, f"obj.{a.name}", count=False)
    return _define(cls, lines + _tail(fields), namespace)


def _default_code(a: attrs.Attribute[Any], name: str, namespace: Dict[str, Any]) -> Optional[str]:
    """The expression of an attribute's default (None: it has none, it is required)."""
    default: Any = a.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        namespace[name] = default.factory
        return f"{name}()"
    namespace[name] = default
    return name


def _define(cls: type, lines: List[str], namespace: Dict[str, Any]) -> Callable[[Any], Any]:
    exec(compile("\n".join(lines), f"<structure {cls.__qualname__}>", "exec"), namespace)
    function: Callable[[Any], Any] = namespace["structure"]
    return function


_MISSING = object()
_EXACT = {str: "a string", int: "an integer", bool: "a boolean"}
_SHARE_LIMIT = 256


def _field_code(tp: Any, name: str, namespace: Dict[str, Any]) -> List[str]:
    """Lines checking/converting ``v`` in place. The common leaves are inlined: a function
    call per field (and one more for ``Optional``) was most of the conversion time."""
    optional = False
    args = typing.get_args(tp)
    if typing.get_origin(tp) is Union and len(args) == 2 and type(None) in args:
        optional, tp = True, args[0] if args[1] is type(None) else args[1]
    pad = " " * 12
    if tp is Any or tp is object:
        return []
    if tp in _EXACT:
        namespace[name] = tp
        allow_none = "v is not None and " if optional else ""
        check = [
            f"{pad}if {allow_none}v.__class__ is not {name}:",
            f"{pad}    raise _wrong({_EXACT[tp]!r}, v)",
        ]
        if tp is not str:
            return check
        # One copy of each repeated string (types, enum values, user ids): a listing held
        # ~10 equal strings per item. The memo of a field that turns out to hold unique
        # values (ids, contents) stops growing at _SHARE_LIMIT entries.
        namespace[f"{name}m"] = {}
        return check + [
            f"{pad}s = {name}m.get(v)",
            f"{pad}if s is not None:",
            f"{pad}    v = s",
            f"{pad}elif v is not None and len({name}m) < {_SHARE_LIMIT}:",
            f"{pad}    {name}m[v] = v",
        ]
    namespace[name] = structurer(tp)
    if tp is float:  # ints are widened by the function; floats pass as they are
        # Repeated floats shared too (sizes, the y of a row): 24 bytes each. 0.0 and -0.0
        # are equal keys: a zero is shared only with a zero of its sign.
        namespace[f"{name}m"], namespace["copysign"] = {}, math.copysign
        return [
            f"{pad}if v.__class__ is float:",
            f"{pad}    s = {name}m.get(v)",
            f"{pad}    if s is None:",
            f"{pad}        if len({name}m) < {_SHARE_LIMIT}:",
            f"{pad}            {name}m[v] = v",
            f"{pad}    elif v or copysign(1.0, v) == copysign(1.0, s):",
            f"{pad}        v = s",
            f"{pad}{'elif v is not None' if optional else 'else'}:",
            f"{pad}    v = {name}(v)",
        ]
    if tp is datetime.datetime:  # immutable: one object per repeated timestamp string
        namespace[f"{name}m"] = {}
        return [
            f"{pad}s = {name}m.get(v) if v.__class__ is str else None",
            f"{pad}if s is not None:",
            f"{pad}    v = s",
            f"{pad}elif {'v is not None' if optional else 'True'}:",
            f"{pad}    s = {name}(v)",  # raises unless v is a timestamp string
            f"{pad}    if len({name}m) < {_SHARE_LIMIT}:",
            f"{pad}        {name}m[v] = s",
            f"{pad}    v = s",
        ]
    if optional:
        return [f"{pad}if v is not None:", f"{pad}    v = {name}(v)"]
    return [f"{pad}v = {name}(v)"]


def _unstructure_factory(conv: cattrs.Converter) -> Callable[[type], Callable[[Any], Any]]:
    from cattrs.gen import make_dict_unstructure_fn, override

    def factory(cls: type) -> Callable[[Any], Any]:
        overrides = {
            a.name: override(rename=json_name(a)) if _is_wire_field(a) else override(omit=True)
            for a in attrs.fields(cls)
        }
        base_fn: Callable[..., Any] = make_dict_unstructure_fn(
            cls,
            conv,
            _cattrs_omit_if_default=True,
            **overrides,  # type: ignore[arg-type]
        )

        def unstructure(obj: Any) -> Dict[str, Any]:
            out: Dict[str, Any] = base_fn(obj)
            extra = getattr(obj, "_extra", None)
            if extra:
                out.update({k: v for k, v in extra.items() if k not in out})
            return out

        return unstructure

    return factory


def _make_converter() -> cattrs.Converter:
    import cattrs

    conv = cattrs.Converter()
    conv.register_structure_hook(datetime.datetime, lambda v, _: parse_datetime(v))
    conv.register_unstructure_hook(datetime.datetime, format_datetime)
    conv.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook_factory(
        attrs.has, lambda cls: lambda value, _: structurer(cls)(value)
    )
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_factory(conv))
    return conv


_CONVERTERS: List[cattrs.Converter] = []


def _converter() -> cattrs.Converter:
    """The cattrs converter, made on first use: reading JSON into models never needs it
    (each model has its own generated structure function), so listing does not load
    cattrs; writing models back to JSON does."""
    if not _CONVERTERS:
        with _BUILD_LOCK:
            if not _CONVERTERS:
                _CONVERTERS.append(_make_converter())
    return _CONVERTERS[0]


def __getattr__(name: str) -> Any:
    """``converter``: the cattrs converter (see :func:`_converter`)."""
    if name == "converter":
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def structure(data: Any, cls: Type[T]) -> T:
    """Turn API JSON into a model of class ``cls`` (or a registered subtype).

    A value of the wrong JSON type (a string field given an object, an int given a bool)
    raises :class:`~miro.errors.MalformedResponse` naming the field; nothing is coerced.
    """
    try:
        return structurer(cls)(data)
    except (WrongShape, TypeError, ValueError) as error:
        raise malformed(cls, data, error) from None
    except Exception as error:
        if not _is_cattrs_error(error):
            raise
        raise malformed(cls, data, error) from None


def _is_cattrs_error(error: Exception) -> bool:
    """Whether ``error`` is cattrs' validation error (cattrs is only loaded if it ran)."""
    loaded = sys.modules.get("cattrs")
    return loaded is not None and isinstance(error, loaded.BaseValidationError)


def malformed(cls: Any, data: Any, error: Exception) -> MalformedResponse:
    """The :class:`~miro.errors.MalformedResponse` for JSON that did not fit ``cls``."""
    name = getattr(cls, "__name__", str(cls))
    field = error.field if isinstance(error, WrongShape) else ""
    return MalformedResponse(
        f"{name} does not fit: {error}", excerpt=excerpt(data), field=field, **origin(data)
    )


def excerpt(data: Any, size: int = 200) -> str:
    """A short text of a JSON value, for error messages."""
    try:
        text = json.dumps(data, separators=(",", ":"), default=str)
    except (TypeError, ValueError):
        text = repr(data)
    return text if len(text) <= size else text[: size - 1] + "…"


def unstructure(obj: Any) -> Any:
    """Turn a model (or anything containing models) back into API JSON."""
    return _converter().unstructure(obj)
