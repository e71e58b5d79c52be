"""The fast paths of conversion and bulk validation give what the general paths give.

* every model whose ``__init__`` only assigns is structured by assigning its attributes
  directly (``convert._compile_direct``): the objects, ``extra`` and errors are those of
  ``cls(**kw)`` (``convert._compile_general``);
* ``params.json_object`` copies a plain dict itself: the copy is ``unstructure``'s;
* ``rows.row_fields`` keeps str/int/bool/dict/list values without looking at them: the
  fields are those of the general rule (read-only columns out, missing values out,
  numpy scalars as Python numbers).
"""

from __future__ import annotations

import datetime
import math
import typing
from typing import Any, Dict, List

import attrs
import pytest

import miro
from miro.core import convert
from miro.core.convert import WrongShape
from miro.core.params import _json_copy, json_object
from miro.core.resource import Model
from miro.errors import InvalidArgumentType, MalformedResponse
from miro.items import rows
from miro.items.base import ITEM_TYPES

STAMP = "2024-05-07T10:00:00.5Z"


def _models() -> List[type]:
    import miro.enterprise  # noqa: F401  (every model class is defined on import)
    import miro.scim  # noqa: F401

    ITEM_TYPES.load_all()  # item types load on first use
    found, todo = [], [Model]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if attrs.has(cls) and cls.__module__.startswith("miro"):
            found.append(cls)
    return sorted(set(found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


MODELS = _models()
DIRECT = [cls for cls in MODELS if convert._plain_init(cls)]


def _sample(tp: Any, depth: int = 0) -> Any:
    """A JSON value of type ``tp`` (``NotImplemented`` for types the test leaves out)."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) is typing.Union and type(None) in args and len(args) == 2:
        return _sample(args[0] if args[1] is type(None) else args[1], depth)
    simple = {str: "s", int: 7, float: 1.5, bool: True, datetime.datetime: STAMP}
    simple.update({datetime.date: "2024-05-07", Any: {"free": [1]}, object: "o"})
    if tp in simple:
        return simple[tp]
    if typing.get_origin(tp) in (list, List) and args:
        inner = _sample(args[0], depth + 1)
        return NotImplemented if inner is NotImplemented else [inner, inner]
    if typing.get_origin(tp) in (dict, Dict) and len(args) == 2:
        inner = _sample(args[1], depth + 1)
        return NotImplemented if inner is NotImplemented else {"k": inner}
    if attrs.has(tp) and depth < 3:
        return _full(tp, depth + 1)
    return NotImplemented


def _full(cls: type, depth: int = 0) -> Dict[str, Any]:
    hints = typing.get_type_hints(cls)
    out = {}
    for a in attrs.fields(cls):
        if not a.name.startswith("_"):
            value = _sample(hints.get(a.name, Any), depth)
            if value is not NotImplemented:
                out[convert.json_name(a)] = value
    if "type" in out and cls in convert._POLYMORPHIC:
        out.pop("type")  # dispatch is not what is compared here
    return out


def _state(obj: Any) -> Any:
    """Everything an instance holds, private attributes too."""
    return (
        type(obj),
        [(a.name, getattr(obj, a.name, "<unset>")) for a in attrs.fields(type(obj))],
        getattr(obj, "_official_flavour", "<unset>"),
    )


def _outcome(function: Any, data: Any) -> Any:
    try:
        return "ok", _state(function(data))
    except WrongShape as error:
        return "error", str(error)


def _inputs(cls: type) -> List[Any]:
    full = _full(cls)
    cases = [full, {}, dict(full, someFutureField={"a": [1, 2]}), None, [], "x"]
    for key in full:
        cases.append({k: v for k, v in full.items() if k != key})  # each field missing
        cases.append(dict(full, **{key: None}))
        cases.append(dict(full, **{key: {"wrong": True}}))
        cases.append(dict(full, **{key: 12345678901234567890}))
    return cases


def test_most_models_take_the_direct_path():
    assert miro.StickyNote in DIRECT and miro.Item in DIRECT
    assert len(DIRECT) > 0.8 * len(MODELS)


@pytest.mark.parametrize("cls", DIRECT, ids=lambda c: c.__qualname__)
def test_direct_structuring_gives_what_cls_kwargs_gives(cls):
    general = convert._compile_general(cls)
    direct = convert._compile_direct(cls, general)
    for data in _inputs(cls):
        assert _outcome(direct, data) == _outcome(general, data), data


def test_a_class_with_a_hook_keeps_the_general_path():
    @attrs.define(kw_only=True)
    class Checked(Model):
        size: int = attrs.field(default=0, validator=attrs.validators.ge(0))

    @attrs.define(kw_only=True)
    class Hooked(Model):
        size: int = 0
        seen: List[int] = attrs.field(factory=list)

        def __attrs_post_init__(self):
            self.seen.append(self.size)

    assert not convert._plain_init(Checked) and not convert._plain_init(Hooked)
    assert convert.structure({"size": 3}, Hooked).seen == [3]
    with pytest.raises(MalformedResponse):
        convert.structure({"size": -1}, Checked)


def test_factories_give_fresh_values_per_object():
    @attrs.define(kw_only=True)
    class Listed(Model):
        names: List[str] = attrs.field(factory=list)

    assert convert._plain_init(Listed)
    one, two = convert.structure({}, Listed), convert.structure({}, Listed)
    assert one.names == [] and one.names is not two.names


class _Point(dict):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {},
        {"a": 1, "b": 2.5, "c": True, "d": None, "e": "x"},
        {"a": {"b": [1, {"c": [2, 3]}], "t": (1, 2)}},
        {"parent": miro.models.ParentRef(id="1")},
        {"data": {"content": "x"}, "position": _Point(x=1)},
        {1: "non-string key", "a": {2: "b"}},
        {"list": [(1, 2), {"x": miro.models.Position(x=1, y=2)}]},
    ],
)
def test_json_object_copies_a_dict_as_unstructure_does(value):
    copied, expected = json_object("body", value), convert.unstructure(dict(value))
    assert copied == expected
    assert repr(copied) == repr(expected)  # same types all the way down (lists, not tuples)
    assert copied is not value
    assert _json_copy(value) == expected


def test_json_object_still_names_a_wrong_argument():
    with pytest.raises(InvalidArgumentType, match="body must be a dict, got list"):
        json_object("body", [])


def _general_row_fields(row):
    """The rule the fast loop of ``row_fields`` must keep."""
    kept = {k: v for k, v in row.items() if k not in rows.READ_ONLY and not rows._missing(v)}
    return {k: rows._plain(v) for k, v in kept.items()}


def test_row_fields_keep_and_drop_what_the_general_rule_does():
    numpy = pytest.importorskip("numpy")
    pandas = pytest.importorskip("pandas")
    row = {
        "type": "kanban", "content": "Hi", "x": 1, "y": numpy.float64(2.5),
        "width": numpy.int64(100), "height": math.nan, "fill_color": None, "id": "1",
        "created_at": "2024", "parent_id": pandas.NA, "shape": True, "tags": ["a"],
        "extra": {"k": "v"}, "absolute_x": 3.0, "rotation": float("nan"), "n": numpy.nan,
        "when": pandas.NaT, "f": 2.0, "big": 10**30, "flag": numpy.bool_(True),
    }  # fmt: skip
    expected = _general_row_fields(row)  # an unknown type: the filter is all row_fields does
    tags = expected.pop("tags")
    assert rows.row_fields(row) == (expected, tags)
    assert [type(v) for v in rows.row_fields(row)[0].values()] == [
        type(v) for v in expected.values()
    ]
    assert list(expected) == ["type", "content", "x", "y", "width", "shape", "extra", "f",
                              "big", "flag"]  # fmt: skip


@pytest.mark.parametrize("kind", sorted(ITEM_TYPES))
def test_row_fields_of_api_json_rows_are_the_general_rule(kind):
    row = {"type": kind, "data": {"content": "x"}, "position": {"x": 1}, "id": "9"}
    fields, tags = rows.row_fields(row)
    assert (fields, tags) == (_general_row_fields({k: v for k, v in row.items()}), [])


def test_field_types_read_once_per_module_are_what_get_type_hints_gives():
    # convert._field_types evaluates each annotation text once per module (#24)
    for cls in MODELS:
        hints = typing.get_type_hints(cls)
        assert convert._field_types(cls) == {
            a.name: hints.get(a.name, Any) for a in attrs.fields(cls)
        }, cls
