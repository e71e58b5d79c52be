"""Describes the official wheel's models as JSON (run with the wheel first on ``PYTHONPATH``).

``python describe_official_models.py OUT.json``: every module under ``miro_api/models``,
the names it defines, and per model its fields (name, JSON alias, default, type, enum
values, pattern), as :mod:`tests.compat.official_models` renders them into the shim. Never
imported by the project's own process: the wheel's top-level package is ``miro_api``.
"""

import ast
import datetime
import enum
import importlib
import inspect
import json
import pkgutil
import sys
import textwrap
import typing

from pydantic import BaseModel

import miro_api.models as package


def spec(annotation, constraints):
    """A type as a short string: str int number bool datetime date any dict list<T> Name."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in args[1:]:
            collect(meta, constraints)
        return spec(args[0], constraints)
    if origin is typing.Union:
        optional = type(None) in args
        rest = [a for a in args if a is not type(None)]
        kinds = [spec(a, constraints) for a in rest]
        inner = (
            "number"
            if sorted(kinds) == ["float", "int"]
            else (kinds[0] if len(kinds) == 1 else "union<" + "|".join(kinds) + ">")
        )
        return ("?" if optional else "") + inner
    if origin in (list, typing.List):
        return "list<" + spec(args[0], {}) + ">"
    if origin in (dict, typing.Dict):
        return "dict"
    if origin in (tuple, typing.Tuple):
        return "any"
    if annotation is typing.Any or annotation is object:
        return "any"
    if inspect.isclass(annotation):
        if issubclass(annotation, (BaseModel, enum.Enum)):
            return annotation.__name__
        names = {
            str: "str",
            int: "int",
            float: "float",
            bool: "bool",
            bytes: "bytes",
            datetime.datetime: "datetime",
            datetime.date: "date",
            dict: "dict",
        }
        if annotation in names:
            return names[annotation]
    raise ValueError(f"unknown annotation {annotation!r}")


def collect(meta, constraints):
    for name in ("min_length", "max_length", "ge", "le", "gt", "lt"):
        value = getattr(meta, name, None)
        if value is not None:
            constraints[name] = value
    for inner in getattr(meta, "metadata", ()) or ():
        collect(inner, constraints)


def validators(source):
    """field -> ("enum", [values]) or ("pattern", regex), read from the module's source."""
    found = {}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef):
            continue
        field = None
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and getattr(deco.func, "id", "") == "field_validator":
                field = deco.args[0].value
        if field is None:
            continue
        if node.name.endswith("_validate_enum"):
            values = [
                c.value
                for c in ast.walk(node)
                if isinstance(c, ast.List)
                for c in c.elts
                if isinstance(c, ast.Constant)
            ]
            each = any(isinstance(c, ast.For) for c in ast.walk(node))
            found[field] = ["enum_each" if each else "enum", values]
        elif node.name.endswith("_validate_regular_expression"):
            call = next(
                c
                for c in ast.walk(node)
                if isinstance(c, ast.Call) and getattr(c.func, "attr", "") == "match"
            )
            found[field] = ["pattern", call.args[0].value]
    return found


def jsonable(value):
    if isinstance(value, enum.Enum):
        return {"$enum": value.value}
    if isinstance(value, (str, int, float, bool, type(None), list, dict)):
        return value
    raise ValueError(f"default {value!r}")


def describe_model(cls, source):
    checks = validators(source)
    properties = getattr(cls, f"_{cls.__name__}__properties", None)
    if "actual_instance" in cls.model_fields:
        schemas = cls.model_fields.get("one_of_schemas") or cls.model_fields.get("any_of_schemas")
        kind = "oneof" if "one_of_schemas" in cls.model_fields else "anyof"
        tried = [  # the order from_json tries them in (the first best match wins)
            node.func.value.id
            for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(cls.from_json))))
            if isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "from_json"
            and isinstance(node.func.value, ast.Name)
        ]
        names = typing.get_args(schemas.default) or tuple(schemas.default)
        return {"kind": kind, "schemas": sorted(names), "tried": tried}
    fields = []
    for name, info in cls.model_fields.items():
        constraints = {}
        collect(info, constraints)
        kind = spec(info.annotation, constraints)
        required = info.is_required()
        default = None if required else jsonable(info.get_default(call_default_factory=True))
        fields.append(
            {
                "name": name,
                "alias": info.alias or name,
                "required": required,
                "default": default,
                "type": kind,
                "constraints": constraints,
                "check": checks.get(name),
            }
        )
    return {"kind": "model", "fields": fields, "properties": list(properties or ())}


def main(out):
    models, modules = {}, {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"miro_api.models.{info.name}")
        source = inspect.getsource(module)
        defined = sorted(
            name
            for name, value in vars(module).items()
            if inspect.isclass(value) and value.__module__ == module.__name__
        )
        modules[info.name] = defined
        for name in defined:
            cls = getattr(module, name)
            if issubclass(cls, enum.Enum):
                models[name] = {"kind": "enum", "members": [[m.name, m.value] for m in cls]}
            else:
                models[name] = describe_model(cls, source)
            models[name]["module"] = info.name
            models[name]["doc"] = (inspect.getdoc(cls) or name).strip().splitlines()[0]
    exported = sorted(n for n, v in vars(package).items() if inspect.isclass(v))
    with open(out, "w") as handle:
        json.dump(
            {"models": models, "modules": modules, "package": exported},
            handle,
            indent=1,
            sort_keys=True,
        )


if __name__ == "__main__":
    main(sys.argv[1])
