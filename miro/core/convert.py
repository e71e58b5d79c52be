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
import re
from typing import Any, Callable, Dict, Type, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

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
    text = str(value)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.datetime.fromisoformat(_trim_fraction(text))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


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


def register_subtype(base: type, type_name: str, cls: type) -> None:
    """Make JSON with ``"type": type_name`` structure as ``cls`` wherever ``base`` is asked."""
    _POLYMORPHIC.setdefault(base, {})[type_name] = cls


def subtype_for(base: type, type_name: Any) -> type:
    """The registered class for ``type_name`` under ``base``, or ``base`` itself."""
    return _POLYMORPHIC.get(base, {}).get(type_name, base)


def _is_wire_field(a: attrs.Attribute[Any]) -> bool:
    return not a.name.startswith("_") and a.name != "extra"


def json_name(a: attrs.Attribute[Any]) -> str:
    """The JSON key of an attribute: ``metadata["json"]`` if set, else its camelCase."""
    return a.metadata.get("json") or camel(a.name)


def polymorphic(base: type) -> None:
    """Mark ``base`` as dispatching on the JSON ``type`` (see :func:`register_subtype`)."""
    _POLYMORPHIC.setdefault(base, {})


def _structure_factory(conv: cattrs.Converter) -> Callable[[type], Callable[[Any, type], Any]]:
    def factory(cls: type) -> Callable[[Any, type], Any]:
        fields = attrs.fields(cls)
        overrides = {
            a.name: override(rename=json_name(a)) if _is_wire_field(a) else override(omit=True)
            for a in fields
        }
        base_fn: Callable[..., Any] = make_dict_structure_fn(
            cls,
            conv,
            **overrides,  # type: ignore[arg-type]
        )
        known = frozenset(json_name(a) for a in fields if _is_wire_field(a))
        keeps_extra = any(a.name == "extra" for a in fields)

        def structure(data: Any, _: type) -> Any:
            obj = base_fn(data, cls)
            if keeps_extra:
                obj.extra = {k: v for k, v in data.items() if k not in known}
            return obj

        if cls in _POLYMORPHIC:

            def dispatch(data: Any, asked: type) -> Any:
                target = subtype_for(cls, data.get("type")) if isinstance(data, dict) else cls
                if target is cls:
                    return structure(data, cls)
                return conv.structure(data, target)

            return dispatch
        return structure

    return factory


def _unstructure_factory(conv: cattrs.Converter) -> Callable[[type], Callable[[Any], Any]]:
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
            out = base_fn(obj)
            extra = getattr(obj, "extra", None)
            if extra:
                out.update({k: v for k, v in extra.items() if k not in out})
            return out

        return unstructure

    return factory


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_structure_hook(datetime.datetime, lambda v, _: parse_datetime(v))
    conv.register_unstructure_hook(datetime.datetime, format_datetime)
    conv.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
    # A JSON integer stays an int where the model says float, as in the JSON (and pydantic).
    conv.register_structure_hook(float, lambda v, _: v if type(v) in (int, float) else float(v))
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook_factory(attrs.has, _structure_factory(conv))
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_factory(conv))
    return conv


converter = _make_converter()


def structure(data: Any, cls: Type[T]) -> T:
    """Turn API JSON into a model of class ``cls`` (or a registered subtype)."""
    return converter.structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Turn a model (or anything containing models) back into API JSON."""
    return converter.unstructure(obj)
