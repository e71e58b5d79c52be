"""Flat rows of models: what the HTML tables and DataFrames show, computed once here.

An item's row has the columns :data:`ITEM_COLUMNS` (content as plain text, relative and
absolute position, size, parent, tags); any other model's row is its fields flattened with
dotted names (``owner.name``), lists shown by their length.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

import attrs

from ..core import geometry
from ..core.convert import camel
from ..core.public import shown_as

#: The columns of an item row, in order.
ITEM_COLUMNS = (
    "id", "type", "content", "x", "y", "absolute_x", "absolute_y", "width", "height",
    "rotation", "parent_id", "tags", "fill_color", "shape", "created_at", "created_by",
    "modified_at", "modified_by",
)  # fmt: skip
FLOAT_COLUMNS = ("x", "y", "absolute_x", "absolute_y", "width", "height", "rotation")
DATETIME_COLUMNS = ("created_at", "modified_at")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br|/p|/li|/div)\s*/?>", re.I)
_SPACE = re.compile(r"[ \t\r\f\v]+")
_TEXT_FIELDS = ("content", "title", "url", "description", "document_url", "image_url")


def plain_text(value: Any) -> str:
    """Miro's rich text (``<p>Hi <b>there</b></p>``) as plain text, entities decoded."""
    if value is None:
        return ""
    text = str(value)
    if "<" not in text and "&" not in text and "\n" not in text:
        return " ".join(text.split())  # plain already: the common case, kept fast
    text = _BREAK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def get_field(obj: Any, name: str) -> Any:
    """A field of a model, or of a dict holding the JSON of a type this SDK does not know."""
    if isinstance(obj, Mapping):
        return obj.get(name, obj.get(camel(name)))
    return getattr(obj, name, None)


def content_of(item: Any) -> str:
    """What an item says: its content, title or URL, as plain text."""
    data = getattr(item, "data", None)
    if data is None:
        return ""
    for name in _TEXT_FIELDS:
        value = get_field(data, name)
        if value:
            return plain_text(value)
    return ""


def _user(value: Any) -> Optional[str]:
    if value is None:
        return None
    return getattr(value, "name", None) or getattr(value, "id", None)


def item_row(
    item: Any,
    parent_of: Optional[Callable[[Any], Any]] = None,
    tags: Optional[Mapping[str, Sequence[str]]] = None,
) -> Dict[str, Any]:
    """One item as a flat row. ``parent_of`` finds parents for absolute positions (an
    item whose parent it cannot find gets None); ``tags`` maps item ids to tag titles."""
    width, height = geometry.size(item) if getattr(item, "geometry", None) else (None, None)
    position = getattr(item, "position", None)
    absolute: Any = (None, None)
    if position is not None:
        try:
            absolute = geometry.absolute_center(item, parent_of or _no_parent)
        except LookupError:
            pass
    style = getattr(item, "style", None)
    known_tags = tags.get(item.id, ()) if tags is not None else getattr(item, "_known_tags", None)
    return {
        "id": item.id,
        "type": getattr(item, "type", None) or None,
        "content": content_of(item),
        "x": getattr(position, "x", None),
        "y": getattr(position, "y", None),
        "absolute_x": absolute[0],
        "absolute_y": absolute[1],
        "width": width,
        "height": height,
        "rotation": getattr(getattr(item, "geometry", None), "rotation", None),
        "parent_id": geometry.parent_id(item),
        "tags": list(known_tags) if known_tags is not None else None,
        "fill_color": get_field(style, "fill_color") if style is not None else None,
        "shape": get_field(getattr(item, "data", None), "shape"),
        "created_at": getattr(item, "created_at", None),
        "created_by": _user(getattr(item, "created_by", None)),
        "modified_at": getattr(item, "modified_at", None),
        "modified_by": _user(getattr(item, "modified_by", None)),
    }


def _no_parent(item: Any) -> Any:
    return getattr(item, "_parent_item", None)


def model_row(obj: Any, max_depth: int = 2) -> Dict[str, Any]:
    """Any model's fields, flattened with dotted names; nested lists become their length."""
    row: Dict[str, Any] = {}
    _flatten(obj, "", row, max_depth)
    return row


def _flatten(obj: Any, prefix: str, row: Dict[str, Any], depth: int) -> None:
    for field in attrs.fields(type(obj)):
        if field.name.startswith("_") or field.name == "extra":
            continue
        value = getattr(obj, field.name)
        name = prefix + field.name
        if attrs.has(type(value)) and depth > 0:
            _flatten(value, name + ".", row, depth - 1)
        elif isinstance(value, (list, tuple)):
            row[name] = len(value)
        elif isinstance(value, dict):
            row[name] = f"{{{len(value)} keys}}" if value else None
        else:
            row[name] = value


def row_of(obj: Any) -> Dict[str, Any]:
    """An item's row or any model's flattened fields."""
    return item_row(obj) if shown_as(obj) == "item" else model_row(obj)


def columns(rows: List[Dict[str, Any]]) -> List[str]:
    """Every column the rows use, in first-seen order."""
    seen: Dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def show(value: Any, limit: int = 80) -> str:
    """A cell as short text: datetimes ISO, floats trimmed, long text cut with an ellipsis."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        text = value.isoformat(timespec="seconds")
    elif isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value)
    else:
        text = str(value)
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
