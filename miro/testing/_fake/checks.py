"""Request checks as Miro applies them: required fields, enums, ranges, unknown fields."""

from __future__ import annotations

import datetime
import re
from typing import Any, Callable, Dict, Iterable, Mapping, Optional

from .errors import bad

Check = Callable[[str, Any], None]


def string(where: str, value: Any) -> None:
    """A JSON string."""
    if not isinstance(value, str):
        raise bad(f"{where} must be a string")


def boolean(where: str, value: Any) -> None:
    """A JSON boolean."""
    if not isinstance(value, bool):
        raise bad(f"{where} must be a boolean")


_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)


def date_time(where: str, value: Any) -> None:
    """An RFC 3339 date-time (``format: date-time``), e.g. ``2024-12-31T23:59:00Z``."""
    string(where, value)
    if not _DATE_TIME.fullmatch(value):
        raise bad(f"{where} must be a date-time like 2024-12-31T23:59:00Z")
    try:  # the shape is right; the calendar must be too (no 2024-02-30, no 25:00)
        datetime.datetime.strptime(value[:19].upper(), "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        raise bad(f"{where} must be a valid date and time") from None


def number(minimum: Optional[float] = None, maximum: Optional[float] = None) -> Check:
    """A JSON number within bounds."""

    def check(where: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad(f"{where} must be a number")
        if minimum is not None and value < minimum or maximum is not None and value > maximum:
            raise bad(f"{where} is out of range")

    return check


def numeric_string(minimum: Optional[float] = None, maximum: Optional[float] = None) -> Check:
    """A number written as a string (``"14"``), as Miro's style sizes are."""

    def check(where: str, value: Any) -> None:
        string(where, value)
        try:
            parsed = float(value)
        except ValueError:
            raise bad(f"{where} must be a numeric string") from None
        number(minimum, maximum)(where, parsed)

    return check


def enum(*values: str) -> Check:
    """One of a fixed set of strings."""

    def check(where: str, value: Any) -> None:
        if value not in values:
            raise bad(f"{where} must be one of {', '.join(values)}")

    return check


def max_length(limit: int, minimum: int = 0) -> Check:
    """A string of bounded length."""

    def check(where: str, value: Any) -> None:
        string(where, value)
        if not minimum <= len(value) <= limit:
            raise bad(f"{where} must be {minimum}..{limit} characters")

    return check


def array(item: Check, max_items: Optional[int] = None, min_items: int = 0) -> Check:
    """A JSON array."""

    def check(where: str, value: Any) -> None:
        if not isinstance(value, list):
            raise bad(f"{where} must be an array")
        if len(value) < min_items or max_items is not None and len(value) > max_items:
            raise bad(f"{where} must have {min_items}..{max_items} elements")
        for index, element in enumerate(value):
            item(f"{where}[{index}]", element)

    return check


def obj(fields: Mapping[str, Check], required: Iterable[str] = ()) -> Check:
    """A JSON object with known fields only."""

    def check(where: str, value: Any) -> None:
        check_object(where, value, fields, required)

    return check


def check_object(
    where: str, value: Any, fields: Mapping[str, Check], required: Iterable[str] = ()
) -> Dict[str, Any]:
    """Check an object: it is a dict, has the required fields, and only known ones."""
    if not isinstance(value, dict):
        raise bad(f"{where} must be an object")
    for name in required:
        if name not in value:
            raise bad(f"{where}.{name} is required")
    for name, field_value in value.items():
        if name not in fields:
            raise bad(f"{where}.{name} is not a known field")
        fields[name](f"{where}.{name}", field_value)
    return value


POSITION = obj({"x": number(), "y": number()})
PARENT = obj({"id": string}, required=("id",))
SIZE = number(minimum=1)
ROTATION = number(-360, 360)
GEOMETRY = obj({"width": SIZE, "height": SIZE, "rotation": ROTATION})
GEOMETRY_NO_ROTATION = obj({"width": SIZE, "height": SIZE})
WIDTH_ONLY = obj({"width": SIZE, "rotation": ROTATION})


def fixed_ratio(rotation: bool) -> Check:
    """Width *or* height (API-NOTES §3.2), with or without rotation."""
    base = GEOMETRY if rotation else GEOMETRY_NO_ROTATION

    def check(where: str, value: Any) -> None:
        base(where, value)
        if "width" in value and "height" in value:
            raise bad(f"{where}: set either width or height, not both (fixed aspect ratio)")

    return check


def limit_param(query: Mapping[str, str], low: int, high: int, default: int) -> int:
    """A page size query parameter within the endpoint's range (400 otherwise)."""
    raw = query.get("limit")
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad("limit must be a number") from None
    if not low <= value <= high:
        raise bad(f"limit must be between {low} and {high}")
    return value


def allowed_query(query_keys: Iterable[str], allowed: Iterable[str]) -> None:
    """400 for a query parameter the operation does not take."""
    known = set(allowed)
    for key in query_keys:
        if key not in known:
            raise bad(f"Unknown query parameter {key}")
