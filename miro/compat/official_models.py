"""The official ``miro_api`` models: every class of the 2.2.4 wheel, by its official name.

The official models are pydantic classes; users build request bodies with them, assign
their fields, validate and dump them. Ours keep that contract without pydantic:

* keywords by JSON name or field name (``StickyNoteStyle(fillColor="yellow")`` or
  ``fill_color=``), unknown keywords ignored, the official defaults (``Position.origin ==
  "center"``, ``BoardChanges.name == "Untitled"``);
* assignment validates and sets the field (``body.style.fill_color = "yellow"``); a field
  the model does not have raises, as pydantic does, instead of vanishing;
* a wrong type raises pydantic's ``ValidationError`` when pydantic is installed, else a
  ``ValueError`` with the same ``errors()`` (:mod:`miro.compat.official_checks`);
* ``to_dict``/``from_dict``/``to_json``/``from_json``/``to_str`` as the official generator
  writes them, and ``model_validate``, ``model_validate_json``, ``model_dump``,
  ``model_dump_json``, ``model_copy``, ``model_construct``, ``model_fields``,
  ``model_fields_set``.

Each class is described in ``official_models.json`` (generated from the wheel by
``tests/compat/official_models.py``) and built on first use; ``miro_api/models/<module>.py``
(generated too) names one each. The models our fluent layer returns (``StickyNoteItem`` is
the shape of :class:`miro.StickyNote`) pass ``isinstance`` against their official class.
"""

from __future__ import annotations

import copy
import enum
import json
import pprint
import threading
from typing import Any, ClassVar, Dict, List, Mapping, Optional, Set, Tuple, Type, TypeVar

from . import official_checks as checks

M = TypeVar("M", bound="OfficialBaseModel")

_LOCK = threading.RLock()
_TABLE: Dict[str, Any] = {}
_CLASSES: Dict[str, Any] = {}


def table() -> Dict[str, Any]:
    """The generated description of the wheel's models (loaded once)."""
    if not _TABLE:
        with _LOCK:
            if not _TABLE:
                from importlib import resources

                text = resources.files(__package__).joinpath("official_models.json").read_text()
                _TABLE.update(json.loads(text))
    return _TABLE


def model(name: str) -> Any:
    """The official class ``name`` (a model, an enum or a oneOf wrapper)."""
    cls = _CLASSES.get(name)
    if cls is None:
        with _LOCK:
            cls = _CLASSES.get(name)
            if cls is None:
                cls = _CLASSES[name] = _build(name, table()["models"][name])
    return cls


def package_names() -> List[str]:
    """The names ``miro_api.models`` exports (as the wheel's ``__init__``)."""
    return list(table()["package"])


def module_of(name: str) -> Optional[str]:
    """The module under ``miro_api.models`` defining ``name``, or ``None``."""
    entry = table()["models"].get(name)
    return None if entry is None else entry["module"]


def _build(name: str, entry: Mapping[str, Any]) -> Any:
    namespace: Dict[str, Any]
    module = f"miro_api.models.{entry['module']}"
    if entry["kind"] == "enum":
        made: Any = enum.Enum(name, [tuple(m) for m in entry["members"]], type=str)  # type: ignore[misc]
        made.__module__, made.__doc__ = module, entry["doc"]
        return made
    if entry["kind"] == "oneof":
        namespace = {
            "one_of_schemas": tuple(entry["schemas"]),
            "_tried": tuple(entry["tried"]),
        }
        return OfficialModelType(name, (OneOfModel,), dict(namespace, __module__=module))
    fields = {f[0]: OfficialField(*f) for f in entry["fields"]}
    namespace = {
        "__doc__": entry["doc"],
        "__module__": module,
        "model_fields": fields,
        "_properties": tuple(entry["properties"]),
    }
    return OfficialModelType(name, (OfficialBaseModel,), namespace)


class OfficialField:
    """One field of an official model (what pydantic's ``FieldInfo`` tells)."""

    __slots__ = ("name", "alias", "required", "_default", "annotation", "constraints", "check")

    def __init__(
        self,
        name: str,
        alias: str,
        required: bool,
        default: Any,
        annotation: str,
        constraints: Optional[Dict[str, Any]] = None,
        check: Optional[List[Any]] = None,
    ) -> None:
        self.name, self.alias, self.required = name, alias, required
        self._default, self.annotation = default, annotation
        self.constraints, self.check = constraints or {}, check

    @property
    def default(self) -> Any:
        """The default value (a fresh copy of a dict or list)."""
        value = self._default
        if isinstance(value, dict) and set(value) == {"$enum"}:
            return model(self.annotation.lstrip("?"))(value["$enum"])
        return copy.deepcopy(value) if isinstance(value, (dict, list)) else value

    def is_required(self) -> bool:
        """Whether the field must be given."""
        return self.required

    def __repr__(self) -> str:
        return f"FieldInfo(annotation={self.annotation}, required={self.required})"

    def validate(self, value: Any, loc: checks.Loc) -> Any:
        """``value`` checked and converted for this field (raises :class:`checks.Invalid`)."""
        value = validate(self.annotation, value, loc)
        if value is not None:
            checks.check_constraints(value, self.constraints, loc)
        checks.run_check(self.check, value, loc)
        return value


def validate(kind: str, value: Any, loc: checks.Loc) -> Any:
    """``value`` as the type ``kind`` (a generated type string) accepts it."""
    if kind.startswith("?"):
        if value is None:
            return None
        kind = kind[1:]
    scalar = checks.SCALARS.get(kind)
    if scalar is not None:
        return scalar(value, loc)
    if kind.startswith("list<"):
        if not isinstance(value, (list, tuple)):
            raise checks.fail_list(loc, value)
        inner, errors, out = kind[5:-1], [], []
        for index, element in enumerate(value):
            try:
                out.append(validate(inner, element, loc + (index,)))
            except checks.Invalid as exc:
                errors.extend(exc.errors)
        if errors:
            raise checks.Invalid(errors)
        return out
    if kind.startswith("union<"):
        errors = []
        for option in kind[6:-1].split("|"):
            try:
                return validate(option, value, loc)
            except checks.Invalid as exc:
                errors.extend(exc.errors)
        raise checks.Invalid(errors)
    target: Any = model(kind)
    if isinstance(target, enum.EnumMeta):
        try:
            return target(value.value if isinstance(value, enum.Enum) else value)
        except ValueError:
            members: List[Any] = list(target)
            raise checks.fail_enum(loc, value, [m.value for m in members]) from None
    return target._coerce(value, loc)


class OfficialModelType(type):
    """The metaclass: ``isinstance(note, StickyNoteItem)`` holds for the fluent layer's
    class playing the official one's part (:data:`miro.compat.shapes.OURS`)."""

    def __instancecheck__(cls, instance: Any) -> bool:
        if type.__instancecheck__(cls, instance):
            return True
        ours = _ours(cls.__name__)
        return ours is not None and isinstance(instance, ours)


def _ours(name: str) -> Optional[type]:
    from .shapes import ours_class

    return ours_class(name)


def _dump(value: Any, mode: str, by_alias: bool, exclude_none: bool) -> Any:
    if isinstance(value, (OfficialBaseModel, OneOfModel)):
        return value.model_dump(mode=mode, by_alias=by_alias, exclude_none=exclude_none)
    if isinstance(value, enum.Enum):
        return value.value if mode == "json" else value
    if isinstance(value, dict):
        return {k: _dump(v, mode, by_alias, exclude_none) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_dump(v, mode, by_alias, exclude_none) for v in value]
    if mode == "json" and hasattr(value, "isoformat"):
        text: str = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    model_dump = getattr(value, "model_dump", None)  # a model of the fluent layer
    if callable(model_dump):
        return model_dump(mode=mode, by_alias=by_alias, exclude_none=exclude_none)
    return value


def _official(value: Any) -> Any:
    """A value in an official ``to_dict()``: models by their own ``to_dict()``."""
    if isinstance(value, list):
        return [_official(v) for v in value if v]
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and not isinstance(value, dict):
        return to_dict()
    return _dump(value, "python", True, True)


def _from_json(field: OfficialField, value: Any) -> Any:
    """A JSON value of ``field`` with its models read by their ``from_dict`` (as the
    official ``from_dict`` does: unknown keys kept in ``additional_properties``)."""
    kind = field.annotation.lstrip("?")
    inner = kind[5:-1] if kind.startswith("list<") else kind
    if inner in checks.SCALARS or inner.startswith("union<"):
        return value
    target = model(inner)
    if isinstance(target, enum.EnumMeta):
        return value
    if inner is kind:
        return target.from_dict(value) if isinstance(value, dict) else value
    if not isinstance(value, list):
        return value
    return [target.from_dict(v) if isinstance(v, dict) else v for v in value]


class OfficialBaseModel(metaclass=OfficialModelType):
    """The base of every official model (see the module's documentation)."""

    __slots__ = ("__dict__", "_fields_set", "__weakref__")
    _fields_set: Set[str]
    model_fields: ClassVar[Dict[str, OfficialField]] = {}
    _properties: ClassVar[Tuple[str, ...]] = ()

    def __init__(self, /, **data: Any) -> None:
        try:
            values, given = type(self)._read(data, ())
        except checks.Invalid as exc:
            raise checks.validation_error(type(self).__name__, exc.errors) from None
        object.__setattr__(self, "__dict__", values)
        object.__setattr__(self, "_fields_set", given)

    @classmethod
    def _read(cls, data: Mapping[str, Any], loc: checks.Loc) -> Tuple[Dict[str, Any], Set[str]]:
        values: Dict[str, Any] = {}
        given: Set[str] = set()
        errors: List[Dict[str, Any]] = []
        for name, field in cls.model_fields.items():
            if field.alias in data:
                key = field.alias
            elif name in data:
                key = name
            elif field.required:
                errors.extend(checks.missing(loc + (field.alias,)).errors)
                continue
            else:
                values[name] = field.default
                continue
            try:
                values[name] = field.validate(data[key], loc + (key,))
                given.add(name)
            except checks.Invalid as exc:
                errors.extend(exc.errors)
        if errors:
            raise checks.Invalid(errors)
        return values, given

    @classmethod
    def _coerce(cls: Type[M], value: Any, loc: checks.Loc) -> M:
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            values, given = cls._read(value, loc)
            return cls._made(values, given)
        raise checks.fail_model(loc, value, cls.__name__)

    @classmethod
    def _made(cls: Type[M], values: Dict[str, Any], given: Set[str]) -> M:
        made = cls.__new__(cls)
        object.__setattr__(made, "__dict__", values)
        object.__setattr__(made, "_fields_set", given)
        return made

    def __setattr__(self, name: str, value: Any) -> None:
        field = type(self).model_fields.get(name)
        try:
            if field is None:
                raise checks.no_such_attribute((name,), value)
            self.__dict__[name] = field.validate(value, (name,))
        except checks.Invalid as exc:
            raise checks.validation_error(type(self).__name__, exc.errors) from None
        self._fields_set.add(name)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __repr_args(self) -> str:
        return ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__repr_args()})"

    def __str__(self) -> str:
        return " ".join(f"{k}={v!r}" for k, v in self.__dict__.items())

    def __getstate__(self) -> Dict[str, Any]:
        return {"values": self.__dict__, "fields_set": self._fields_set}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        object.__setattr__(self, "__dict__", dict(state["values"]))
        object.__setattr__(self, "_fields_set", set(state["fields_set"]))

    def __copy__(self: M) -> M:
        return type(self)._made(dict(self.__dict__), set(self._fields_set))

    def __deepcopy__(self: M, memo: Dict[int, Any]) -> M:
        values = copy.deepcopy(self.__dict__, memo)
        return type(self)._made(values, set(self._fields_set))

    @property
    def model_fields_set(self) -> Set[str]:
        """The fields given explicitly (at construction or by assignment)."""
        return self._fields_set

    # -- the generator's methods ---------------------------------------------------------

    def to_dict(self) -> Dict[str, Any]:
        """The official ``to_dict()``: JSON names, ``None`` left out, nested models by
        their ``to_dict()``, ``additional_properties`` merged at the top level."""
        out: Dict[str, Any] = {}
        for name, field in type(self).model_fields.items():
            value = self.__dict__[name]
            if name == "additional_properties" or value is None:
                continue
            out[field.alias] = _official(value)
        out.update(self.__dict__.get("additional_properties") or {})
        return out

    def to_json(self) -> str:
        """``json.dumps(self.to_dict())``, as the official one."""
        return json.dumps(self.to_dict())

    def to_str(self) -> str:
        """``model_dump(by_alias=True)``, pretty-printed."""
        return pprint.pformat(self.model_dump(by_alias=True))

    @classmethod
    def from_dict(cls: Type[M], obj: Any) -> Optional[M]:
        """Build from the API's JSON; keys the model does not declare go to
        ``additional_properties``. ``None`` gives ``None``."""
        if obj is None:
            return None
        if not isinstance(obj, dict):
            return cls.model_validate(obj)
        data: Dict[str, Any] = {}
        for name, field in cls.model_fields.items():
            if name == "additional_properties":
                continue
            value = obj.get(field.alias)
            data[field.alias] = field.default if value is None else _from_json(field, value)
        made = cls.model_validate(data)
        extra = made.__dict__.get("additional_properties")
        if extra is not None:
            extra.update((k, v) for k, v in obj.items() if k not in cls._properties)
        return made

    @classmethod
    def from_json(cls: Type[M], json_str: str) -> Optional[M]:
        """Build from JSON text."""
        return cls.from_dict(json.loads(json_str))

    # -- pydantic's methods --------------------------------------------------------------

    @classmethod
    def model_validate(cls: Type[M], obj: Any) -> M:
        """A model from a dict (JSON names or field names) or an instance."""
        try:
            return cls._coerce(obj, ())
        except checks.Invalid as exc:
            raise checks.validation_error(cls.__name__, exc.errors) from None

    @classmethod
    def model_validate_json(cls: Type[M], json_data: Any) -> M:
        """A model from JSON text."""
        return cls.model_validate(json.loads(json_data))

    @classmethod
    def model_construct(cls: Type[M], _fields_set: Optional[Set[str]] = None, **values: Any) -> M:
        """A model from trusted values, without checks."""
        data = {}
        for name, field in cls.model_fields.items():
            if field.alias in values:
                data[name] = values[field.alias]
            elif name in values:
                data[name] = values[name]
            elif not field.required:
                data[name] = field.default
        given = set(_fields_set) if _fields_set is not None else set(data) & set(values)
        return cls._made(data, given)

    def model_copy(self: M, *, update: Optional[Mapping[str, Any]] = None, deep: bool = False) -> M:
        """A copy, with ``update`` applied unchecked (as pydantic does)."""
        made = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            made.__dict__[name] = value
            made._fields_set.add(name)
        return made

    def model_dump(
        self,
        *,
        mode: str = "python",
        by_alias: bool = False,
        exclude_none: bool = False,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        include: Optional[Any] = None,
        exclude: Optional[Any] = None,
    ) -> Dict[str, Any]:
        """pydantic's ``model_dump``: every field (``additional_properties`` too)."""
        if mode not in ("python", "json"):
            raise ValueError(f"mode must be 'python' or 'json', got {mode!r}")
        out: Dict[str, Any] = {}
        for name, field in type(self).model_fields.items():
            value = self.__dict__.get(name)
            if include is not None and name not in include:
                continue
            if (exclude is not None and name in exclude) or (exclude_none and value is None):
                continue
            if exclude_unset and name not in self._fields_set:
                continue
            if exclude_defaults and not field.required and value == field.default:
                continue
            out[field.alias if by_alias else name] = _dump(value, mode, by_alias, exclude_none)
        return out

    def model_dump_json(
        self,
        *,
        indent: Optional[int] = None,
        by_alias: bool = False,
        exclude_none: bool = False,
        exclude_unset: bool = False,
    ) -> str:
        """pydantic's ``model_dump_json`` (compact separators, as pydantic's)."""
        dumped = self.model_dump(
            mode="json", by_alias=by_alias, exclude_none=exclude_none, exclude_unset=exclude_unset
        )
        separators = (",", ":") if indent is None else None
        return json.dumps(dumped, indent=indent, separators=separators)


class OneOfModel(metaclass=OfficialModelType):
    """An official ``oneOf`` wrapper: one of several models, in ``actual_instance``."""

    __slots__ = ("actual_instance", "__weakref__")
    one_of_schemas: ClassVar[Tuple[str, ...]] = ()
    _tried: ClassVar[Tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > 1:
            raise ValueError(
                "If a position argument is used, only 1 is allowed to set `actual_instance`"
            )
        if args and kwargs:
            raise ValueError("If a position argument is used, keyword arguments cannot be used.")
        instance = args[0] if args else kwargs.get("actual_instance")
        self.actual_instance = instance

    def __setattr__(self, name: str, value: Any) -> None:
        if name != "actual_instance":
            raise ValueError(f'"{type(self).__name__}" object has no field "{name}"')
        if value is not None:
            matches = [s for s in self.one_of_schemas if isinstance(value, model(s))]
            if len(matches) != 1:
                found = "Multiple matches" if matches else "No match"
                raise ValueError(
                    f"{found} found when setting `actual_instance` in {type(self).__name__} "
                    f"with oneOf schemas: {', '.join(self.one_of_schemas)}"
                )
        object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self.actual_instance == other.actual_instance)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(actual_instance={self.actual_instance!r})"

    @classmethod
    def _coerce(cls, value: Any, loc: checks.Loc) -> Any:
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):  # pydantic reads a dict as the wrapper's own fields
            return cls(actual_instance=value.get("actual_instance"))
        raise checks.fail_model(loc, value, cls.__name__)

    @classmethod
    def from_dict(cls, obj: Any) -> Any:
        """The wrapper of the first schema ``obj`` validates against."""
        return cls.from_json(json.dumps(obj))

    @classmethod
    def from_json(cls, json_str: str) -> Any:
        """The wrapper of the schema the JSON text validates against; of several, the one
        left with the fewest ``additional_properties`` (the first such, in the official
        order)."""
        matches = []
        for schema in cls._tried:
            try:
                matches.append(model(schema).from_json(json_str))
            except ValueError:
                continue
        if not matches:
            raise ValueError(
                f"No match found when deserializing the JSON string into {cls.__name__} "
                f"with oneOf schemas: {', '.join(cls.one_of_schemas)}"
            )
        made = cls()
        best = sorted(matches, key=lambda m: len(m.additional_properties))[0]
        object.__setattr__(made, "actual_instance", best)
        return made

    def to_dict(self) -> Any:
        """The wrapped model's ``to_dict()``."""
        inner = self.actual_instance
        to_dict = getattr(inner, "to_dict", None)
        return to_dict() if callable(to_dict) else inner

    def to_json(self) -> str:
        """The wrapped model as JSON text."""
        return json.dumps(self.to_dict())

    def to_str(self) -> str:
        """The wrapped model's ``model_dump()``, pretty-printed."""
        return pprint.pformat(self.model_dump())

    def model_dump(self, **options: Any) -> Any:
        """The wrapped model's ``model_dump``."""
        return _dump(self.actual_instance, options.get("mode", "python"), False, False)
