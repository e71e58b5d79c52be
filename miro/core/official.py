"""The official client's model methods on every model: ``to_dict`` … ``model_dump_json``.

The official ``miro_api`` models are pydantic classes whose ``to_dict()`` gives the API's
field names with ``None`` fields left out, *datetimes and dates as objects*, and enum
members for enums; ``to_json()`` is ``json.dumps(to_dict())``. Our :meth:`to_dict` has
always given Miro's JSON (timestamps as ISO strings), which ``miro`` users store and send.
Both stay true:

* a model that came through the official flat methods (``api.get_specific_board(...)``,
  every ``miro_api`` call) is *official-flavoured*: its ``to_dict()`` is the official
  output (:func:`official_dict`);
* any other model (the fluent layer, ``Model.from_dict``) keeps giving Miro's JSON.

``to_json()`` gives Miro's JSON text for both (the official one raises ``TypeError`` on
any model holding a datetime); ``model_dump()`` / ``model_dump_json()`` take pydantic's
``mode``, ``by_alias`` and ``exclude_none``; ``to_str()`` is the pretty-printed
``model_dump(by_alias=True)``; ``from_dict()`` / ``from_json()`` read Miro's JSON.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, FrozenSet, Iterable, Mapping, Optional, Tuple, Type, TypeVar

import attrs

from .convert import camel, format_datetime, json_name, snake, structure, unstructure

M = TypeVar("M", bound="OfficialModel")


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _value(value: Any, mode: str, by_alias: bool, exclude_none: bool) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind in _KEYS or attrs.has(kind):
        return _dump(value, mode, by_alias, exclude_none)
    if isinstance(value, datetime.datetime):
        return format_datetime(value) if mode == "json" else value
    if isinstance(value, datetime.date):
        return value.isoformat() if mode == "json" else value
    if isinstance(value, Mapping):
        to_dict = getattr(value, "to_dict", None)
        plain = to_dict() if callable(to_dict) else value
        return {k: _value(v, mode, by_alias, exclude_none) for k, v in plain.items()}
    if isinstance(value, (list, tuple)):
        return [_value(v, mode, by_alias, exclude_none) for v in value]
    return value


#: Per class: (attribute name, JSON name) of its wire fields.
_KEYS: Dict[type, Tuple[Tuple[str, str], ...]] = {}


def _keys(cls: type) -> Tuple[Tuple[str, str], ...]:
    keys = _KEYS.get(cls)
    if keys is None:
        keys = _KEYS[cls] = tuple((a.name, json_name(a)) for a in _wire_fields_of(cls))
    return keys


def _dump(obj: Any, mode: str, by_alias: bool, exclude_none: bool) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for name, key in _keys(type(obj)):
        value = getattr(obj, name)
        if value is None and exclude_none:
            continue
        out[key if by_alias else name] = _value(value, mode, by_alias, exclude_none)
    extra = getattr(obj, "_extra", None) or {}
    if by_alias:
        out.update((k, v) for k, v in extra.items() if k not in out)
    else:
        out["additional_properties"] = dict(extra)
    return out


def official_dict(obj: Any) -> Dict[str, Any]:
    """The official ``to_dict()`` of a model: API names, no ``None``, datetimes as objects."""
    return _dump(obj, "python", True, True)


class OfficialExtra(Dict[str, Any]):
    """The ``extra`` of a model that an official flat method returned: its type is the mark
    that ``to_dict()`` answers the official way. (A flag slot on every model cost 8 bytes
    per object, ~64 per listed item.)"""

    __slots__ = ()


def mark_official(obj: Any) -> None:
    """Make the model ``obj`` answer ``to_dict()`` the official way (not its children)."""
    if isinstance(obj, FlaggedOfficialModel):
        object.__setattr__(obj, "_official_flavour", True)
        return
    extra = obj._extra
    if type(extra) is not OfficialExtra:
        object.__setattr__(obj, "_extra", OfficialExtra(extra or {}))


def is_official(obj: Any) -> bool:
    """Whether ``obj`` was marked by :func:`mark_official`."""
    if type(getattr(obj, "_extra", None)) is OfficialExtra:
        return True
    return bool(getattr(obj, "_official_flavour", False))


def official_names(cls: type) -> Dict[str, str]:
    """Official attribute names that differ from ours -> our attribute name.

    The official generator names an attribute after its JSON key, with ``var_`` before
    names it reserves (``links.var_self``); ours may be friendlier (``links.self_url``).
    """
    names = _NAMES.get(cls)
    if names is None:
        names = {}
        for a in _wire_fields_of(cls):
            official = snake(json_name(a))
            for alias in (official, "var_" + official):
                if alias != a.name:
                    names[alias] = a.name
        _NAMES[cls] = names
    return names


_NAMES: Dict[type, Dict[str, str]] = {}
_ABSENT: Dict[type, FrozenSet[str]] = {}


def declare_absent(cls: type, names: Iterable[str]) -> None:
    """Fields the official model for ``cls`` declares and ``cls`` does not: they read as
    ``None`` (as on the official model when Miro leaves them out)."""
    _ABSENT[cls] = _ABSENT.get(cls, frozenset()) | frozenset(names)


def _wire_fields_of(cls: type) -> Any:
    return (a for a in attrs.fields(cls) if not a.name.startswith("_") and a.name != "extra")


def wrap(value: Any) -> Any:
    """A JSON value as the official models expose it: objects read by attribute."""
    if isinstance(value, dict) and not isinstance(value, OfficialDict):
        return OfficialDict(value)
    if isinstance(value, list):
        return [wrap(v) for v in value]
    return value


class OfficialDict(Dict[str, Any]):
    """A JSON object (still a ``dict``) whose keys also read as the official model's
    attributes: ``board.policy.sharing_policy.access``, ``page.links.var_self``.

    As on the official models, an absent field reads as ``None``. Keyword construction
    takes the official (snake_case) names: ``Position(x=1, y=2)``.
    """

    def __init__(self, *args: Any, **fields: Any) -> None:
        source: Any = args[0] if args else {}
        if args and not isinstance(source, Mapping):
            to_dict = getattr(source, "to_dict", None)
            if not callable(to_dict):
                raise TypeError(f"{type(self).__name__}() takes a dict, a model or keywords")
            self._actual = source  # a oneOf wrapper's ``actual_instance``
            source = unstructure(source) if attrs.has(type(source)) else to_dict()
        super().__init__(
            (k, _plain(v)) for k, v in dict(source, **_json_keys(fields)).items() if v is not None
        )

    @classmethod
    def of(cls, fields: Mapping[str, Any]) -> OfficialDict:
        """An envelope holding ``fields`` as they are (models stay models)."""
        made = cls()
        made.update((k, v) for k, v in fields.items() if v is not None)
        return made

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name == "actual_instance":
            return self.__dict__.get("_actual", self)
        for key in (camel(name), name, name[4:] if name.startswith("var_") else ""):
            if key in self:
                value = self[key]
                if isinstance(value, dict) and not isinstance(value, OfficialDict):
                    value = self[key] = OfficialDict.of(value)  # nested assignment sticks
                return wrap(value)
        return None

    def __setattr__(self, name: str, value: Any) -> None:
        # Assignment sets the JSON field (``envelope.links.next = ...`` is kept and sent).
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        stripped = name[4:] if name.startswith("var_") else name
        existing = [k for k in (camel(name), name, stripped) if k in self]
        key = existing[0] if existing else _json_keys({name: None}).popitem()[0]
        if value is None:
            self.pop(key, None)
        else:
            self[key] = value

    def to_dict(self) -> Dict[str, Any]:
        """The object as plain JSON-like data."""
        return {k: _value(v, "python", True, True) for k, v in self.items()}

    @classmethod
    def from_dict(cls, data: Optional[Mapping[str, Any]]) -> Any:
        """Build from JSON (``None`` gives ``None``)."""
        return None if data is None else cls(data)

    def to_json(self) -> str:
        """The object as JSON text."""
        return json.dumps(self.model_dump(mode="json", by_alias=True, exclude_none=True))

    @classmethod
    def from_json(cls, text: str) -> Any:
        """Build from JSON text."""
        return cls.from_dict(json.loads(text))

    def model_dump(
        self, *, mode: str = "python", by_alias: bool = False, exclude_none: bool = False
    ) -> Dict[str, Any]:
        """pydantic's ``model_dump`` (``by_alias`` keeps the API's names)."""
        return {
            (k if by_alias else snake(k)): _value(v, mode, by_alias, exclude_none)
            for k, v in self.items()
            if not (exclude_none and v is None)
        }

    def model_dump_json(
        self, *, by_alias: bool = False, exclude_none: bool = False, indent: Optional[int] = None
    ) -> str:
        """pydantic's ``model_dump_json``."""
        dumped = self.model_dump(mode="json", by_alias=by_alias, exclude_none=exclude_none)
        return json.dumps(dumped, indent=indent)

    def to_str(self) -> str:
        """``model_dump(by_alias=True)``, pretty-printed."""
        import pprint  # only for to_str(): listing never loads it

        return pprint.pformat(self.model_dump(by_alias=True))


def _json_keys(fields: Mapping[str, Any]) -> Dict[str, Any]:
    return {(k[4:] if k.startswith("var_") else camel(k)): v for k, v in fields.items()}


def _plain(value: Any) -> Any:
    """A body value as JSON: models (ours or official) by their dict, nested lists too."""
    if attrs.has(type(value)):
        return unstructure(value)
    if isinstance(value, OfficialDict):
        return value
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    return _plain(to_dict()) if callable(to_dict) else value


class OfficialModel:
    """The methods the official client's models have, for attrs models (see module doc)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup fails: official names (``var_self``), then
        # fields Miro sent that we do not model (kept in ``extra``).
        if name.startswith("_") or name == "extra":
            raise AttributeError(name)
        if name == "actual_instance":  # official oneOf wrappers; ours is already typed
            return self
        ours = official_names(type(self)).get(name)
        if ours is not None:
            return getattr(self, ours)
        extra = getattr(self, "_extra", None) or {}
        if camel(name) in extra:
            return wrap(extra[camel(name)])
        if any(name in _ABSENT.get(cls, ()) for cls in type(self).__mro__):
            return None
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def to_dict(self) -> Dict[str, Any]:
        """Miro's JSON; for results of the official flat methods, the official ``to_dict()``
        (API field names, ``None`` left out, datetimes and dates as objects)."""
        if is_official(self):
            return official_dict(self)
        return unstructure(self)  # type: ignore[no-any-return,unused-ignore]

    @classmethod
    def from_dict(cls: Type[M], data: Optional[Mapping[str, Any]]) -> M:
        """Build the object from Miro's JSON (``None`` gives ``None``, as the official one)."""
        if data is None:
            return None  # type: ignore[return-value]
        if isinstance(data, cls):
            return data
        return structure(dict(data), cls)

    def to_json(self) -> str:
        """Miro's JSON, as text."""
        return json.dumps(unstructure(self))

    @classmethod
    def from_json(cls: Type[M], text: str) -> M:
        """Build the object from Miro's JSON text."""
        return cls.from_dict(json.loads(text))

    def model_dump(
        self, *, mode: str = "python", by_alias: bool = False, exclude_none: bool = False
    ) -> Dict[str, Any]:
        """pydantic's ``model_dump``: field names (or API names with ``by_alias``), ``None``
        kept unless ``exclude_none``, datetimes as objects unless ``mode="json"``."""
        if mode not in ("python", "json"):
            raise ValueError(f"mode must be 'python' or 'json', got {mode!r}")
        return _dump(self, mode, by_alias, exclude_none)

    def model_dump_json(
        self, *, by_alias: bool = False, exclude_none: bool = False, indent: Optional[int] = None
    ) -> str:
        """pydantic's ``model_dump_json``."""
        dumped = self.model_dump(mode="json", by_alias=by_alias, exclude_none=exclude_none)
        return json.dumps(dumped, indent=indent)

    def to_str(self) -> str:
        """The official ``to_str()``: ``model_dump(by_alias=True)``, pretty-printed."""
        import pprint  # only for to_str(): listing never loads it

        return pprint.pformat(self.model_dump(by_alias=True))


class FlaggedOfficialModel(OfficialModel):
    """An official-shaped model without ``extra`` (a page): the mark of
    :func:`mark_official` is a slot of its own."""

    __slots__ = ("_official_flavour",)
