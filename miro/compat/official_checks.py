"""Field checks of the official models, as pydantic (strict types, lax datetimes) makes them.

A type is the short string the generator writes (``"?str"``, ``"number"``, ``"list<Tag>"``,
``"StickyNoteStyle"`` …). A failed check raises :func:`validation_error`: pydantic's own
``ValidationError`` when pydantic is installed (so ``except pydantic.ValidationError``
catches it), else :class:`ValidationError`, a ``ValueError`` with the same ``errors()``.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

Loc = Tuple[Any, ...]


class Invalid(Exception):
    """One or more failed checks (pydantic's line errors) while validating a value."""

    def __init__(self, errors: List[Dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors


def _fail(kind: str, loc: Loc, value: Any, **ctx: Any) -> Invalid:
    error: Dict[str, Any] = {"type": kind, "loc": loc, "input": value}
    if ctx:
        error["ctx"] = ctx
    return Invalid([error])


_MESSAGES = {
    "missing": "Field required",
    "string_type": "Input should be a valid string",
    "int_type": "Input should be a valid integer",
    "float_type": "Input should be a valid number",
    "bool_type": "Input should be a valid boolean",
    "bytes_type": "Input should be a valid bytes",
    "dict_type": "Input should be a valid dictionary",
    "list_type": "Input should be a valid list",
    "datetime_type": "Input should be a valid datetime",
    "date_type": "Input should be a valid date",
    "model_type": "Input should be a valid dictionary or instance of {class_name}",
    "enum": "Input should be {expected}",
    "string_too_short": "String should have at least {min_length} character",
    "string_too_long": "String should have at most {max_length} characters",
    "too_short": "List should have at least {min_length} item after validation",
    "too_long": "List should have at most {max_length} items after validation",
    "greater_than_equal": "Input should be greater than or equal to {ge}",
    "less_than_equal": "Input should be less than or equal to {le}",
    "value_error": "Value error, {error}",
    "no_such_attribute": "Object has no attribute '{attribute}'",
}


def message(error: Mapping[str, Any]) -> str:
    """pydantic's message for one line error."""
    return _MESSAGES[error["type"]].format(**error.get("ctx", {}))


class ValidationError(ValueError):
    """pydantic's ``ValidationError`` where pydantic is not installed: ``errors()``,
    ``error_count()`` and ``title`` as pydantic gives them."""

    def __init__(self, title: str, errors: List[Dict[str, Any]]) -> None:
        self.title = title
        self._errors = [dict(e, msg=message(e)) for e in errors]
        super().__init__(str(self))

    def errors(self) -> List[Dict[str, Any]]:
        """The line errors: ``type``, ``loc``, ``msg``, ``input`` (and ``ctx``)."""
        return [dict(e) for e in self._errors]

    def error_count(self) -> int:
        """How many checks failed."""
        return len(self._errors)

    def __str__(self) -> str:
        lines = [f"{self.error_count()} validation error(s) for {self.title}"]
        for e in self._errors:
            lines.append(".".join(str(p) for p in e["loc"]))
            lines.append(f"  {e['msg']} [type={e['type']}, input_value={e['input']!r}]")
        return "\n".join(lines)


def validation_error(title: str, errors: List[Dict[str, Any]]) -> ValueError:
    """The error to raise: pydantic's ``ValidationError`` if importable, else ours."""
    try:
        from pydantic_core import ValidationError as Pydantic
    except ImportError:  # pragma: no cover - pydantic is an optional companion
        return ValidationError(title, errors)
    line_errors = []
    for error in errors:
        error = dict(error)
        if error["type"] == "value_error":
            error["ctx"] = {"error": ValueError(error["ctx"]["error"])}
        line_errors.append(error)
    return Pydantic.from_exception_data(title, line_errors)  # type: ignore[arg-type]


def _str(value: Any, loc: Loc) -> Any:
    if isinstance(value, str):
        return value
    raise _fail("string_type", loc, value)


def _int(value: Any, loc: Loc) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _fail("int_type", loc, value)


def _float(value: Any, loc: Loc) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise _fail("float_type", loc, value)


def _number(value: Any, loc: Loc) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise Invalid(
        _fail("float_type", loc + ("float",), value).errors
        + _fail("int_type", loc + ("int",), value).errors
    )


def _bool(value: Any, loc: Loc) -> Any:
    if isinstance(value, bool):
        return value
    raise _fail("bool_type", loc, value)


def _bytes(value: Any, loc: Loc) -> Any:
    if isinstance(value, bytes):
        return value
    raise _fail("bytes_type", loc, value)


def _any(value: Any, loc: Loc) -> Any:
    return value


def _dict(value: Any, loc: Loc) -> Any:
    if isinstance(value, dict):
        return value
    if isinstance(value, Mapping):
        return dict(value)
    raise _fail("dict_type", loc, value)


def _datetime(value: Any, loc: Loc) -> Any:
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
    if isinstance(value, str):
        text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            pass
    raise _fail("datetime_type", loc, value)


def _date(value: Any, loc: Loc) -> Any:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail("date_type", loc, value)


SCALARS: Dict[str, Callable[[Any, Loc], Any]] = {
    "str": _str,
    "int": _int,
    "float": _float,
    "number": _number,
    "bool": _bool,
    "bytes": _bytes,
    "any": _any,
    "dict": _dict,
    "datetime": _datetime,
    "date": _date,
}


def check_constraints(value: Any, constraints: Mapping[str, Any], loc: Loc) -> None:
    """``min_length``/``max_length`` (strings and lists), ``ge``/``le`` (numbers)."""
    text = isinstance(value, str)
    low, high = constraints.get("min_length"), constraints.get("max_length")
    if low is not None and len(value) < low:
        raise _fail("string_too_short" if text else "too_short", loc, value, min_length=low)
    if high is not None and len(value) > high:
        raise _fail("string_too_long" if text else "too_long", loc, value, max_length=high)
    if constraints.get("ge") is not None and value < constraints["ge"]:
        raise _fail("greater_than_equal", loc, value, ge=constraints["ge"])
    if constraints.get("le") is not None and value > constraints["le"]:
        raise _fail("less_than_equal", loc, value, le=constraints["le"])


def run_check(check: Optional[Sequence[Any]], value: Any, loc: Loc) -> None:
    """The official field validator: ``("enum", values)``, ``("enum_each", values)`` for a
    list, or ``("pattern", regex)``; ``None`` passes as in the official validators."""
    if check is None or value is None:
        return
    kind, rule = check
    if kind == "pattern":
        if not re.match(rule, value):
            error = f"must validate the regular expression {rule}"
            raise _fail("value_error", loc, value, error=error)
        return
    values = value if kind == "enum_each" else [value]
    for each in values:
        if each not in rule:
            allowed = ", ".join(repr(v) for v in rule)
            error = f"must be one of enum values ({allowed})"
            if kind == "enum_each":
                error = f"each list item must be one of ({allowed})"
            raise _fail("value_error", loc, value, error=error)


def fail_model(loc: Loc, value: Any, class_name: str) -> Invalid:
    """``value`` is neither a dict nor an instance of the model ``class_name``."""
    return _fail("model_type", loc, value, class_name=class_name)


def fail_list(loc: Loc, value: Any) -> Invalid:
    """``value`` is not a list."""
    return _fail("list_type", loc, value)


def fail_enum(loc: Loc, value: Any, members: Sequence[Any]) -> Invalid:
    """``value`` is none of an enum's members."""
    expected = " or ".join(repr(m) for m in members)
    return _fail("enum", loc, value, expected=expected)


def no_such_attribute(loc: Loc, value: Any) -> Invalid:
    """An assignment to an attribute the model does not declare."""
    return _fail("no_such_attribute", loc, value, attribute=loc[-1])


def missing(loc: Loc) -> Invalid:
    """A required field was not given."""
    return _fail("missing", loc, {})
