"""Rows (dicts, or a DataFrame's rows) into bulk-create specs: ``create_many(rows)``.

A row has the shape ``board.items.to_dataframe()`` produces: ``type``, ``content``, ``x``,
``y``, ``width``, ``height``, ``parent_id``, ``fill_color``, ``shape``, ``tags`` …; read-only
columns (``id``, ``absolute_x``, ``created_at`` …) are ignored, missing values (None, NaN,
NA) are left out, ``content`` goes to ``title`` or ``url`` for the types that say it so, and
size a type does not take (a text's height) is left to Miro, as it follows from the rest.
A DataFrame is read through its ``to_dict("records")``; pandas is never imported here.
"""

from __future__ import annotations

import math
from typing import Any, Dict, Iterable, List, Mapping, Tuple

from ..core.params import is_mapping
from ..errors import InvalidArgumentType
from .base import ITEM_TYPES

#: Columns of ``to_dataframe()`` that describe an existing item, not what to create.
READ_ONLY = frozenset((
    "id", "absolute_x", "absolute_y", "created_at", "created_by", "modified_at", "modified_by",
))  # fmt: skip
_TEXT_ALIASES = ("content", "title", "url")
#: Geometry Miro reports but some types do not take (it follows from the rest).
_DERIVED = ("width", "height", "rotation")


def records(rows: Any) -> List[Any]:
    """A DataFrame's rows as dicts (or the list as given)."""
    to_dict = getattr(rows, "to_dict", None)
    if callable(to_dict) and hasattr(rows, "columns"):
        return list(to_dict(orient="records"))
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise InvalidArgumentType(f"specs must be a list, got {type(rows).__name__}")
    return list(rows)


def _missing(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _plain(value: Any) -> Any:
    if type(value).__module__ == "numpy" and callable(getattr(value, "item", None)):
        return value.item()  # numpy scalars → Python numbers
    if type(value).__module__ == "numpy" and callable(getattr(value, "tolist", None)):
        return value.tolist()
    return value


#: Values that are neither missing nor numpy scalars: kept as they are, without a look.
_AS_THEY_ARE = frozenset({str, int, bool, dict, list})


def row_fields(row: Mapping[str, Any]) -> Tuple[Dict[str, Any], List[str]]:
    """One row as the keyword dict of a bulk spec, and the tag titles it asks for."""
    fields: Dict[str, Any] = {}
    for k, v in row.items():
        if v.__class__ in _AS_THEY_ARE:
            if k not in READ_ONLY:
                fields[k] = v
        elif k not in READ_ONLY and not _missing(v):
            fields[k] = _plain(v)
    tags = fields.pop("tags", None) or []
    if isinstance(tags, str):
        tags = [tags]
    declaration = ITEM_TYPES.get(fields.get("type", ""))
    if declaration is None or "data" in fields:  # API JSON, or a type create_many rejects
        return fields, list(tags)
    accepted = declaration.create.names()
    if "parent_id" in fields:
        fields["parent"] = fields.pop("parent_id")
    if "content" in fields and "content" not in accepted:
        target = next((n for n in _TEXT_ALIASES if n in accepted), None)
        if target is not None and target not in fields:
            fields[target] = fields.pop("content")
    if ("width", "height") in declaration.create.exclusive and "width" in fields:
        fields.pop("height", None)  # fixed ratio: the width decides
    for derived in _DERIVED:  # e.g. a text's height follows its content
        if derived not in accepted:
            fields.pop(derived, None)
    return fields, list(tags)


def specs_from_rows(rows: Iterable[Any]) -> Tuple[List[Any], List[List[str]]]:
    """Every row as a spec (dicts converted, ItemSpecs kept) and each row's tag titles."""
    specs: List[Any] = []
    tags: List[List[str]] = []
    for row in records(rows):
        if is_mapping(row):
            fields, titles = row_fields(row)
            specs.append(fields)
            tags.append(titles)
        else:
            specs.append(row)
            tags.append([])
    return specs, tags
