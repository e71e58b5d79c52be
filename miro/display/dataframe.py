"""``to_dataframe()``: models as a pandas DataFrame, and DataFrames back into item specs.

pandas is optional (``pip install "miro[pandas]"``); it is imported only here, only when a
DataFrame is asked for. Items become the flat rows of :mod:`.rows` (content as plain text,
position, absolute position, size, parent, tags); other models their flattened fields.
Dtypes: numbers ``float64``, datetimes timezone-aware (UTC), text ``string``, tags lists.
"""

from __future__ import annotations

import datetime
import math
from typing import Any, List, Mapping, Optional, Sequence

from ..core import geometry
from ..core.progress import collect
from ..core.public import shown_as
from . import rows as r

_TEXT_COLUMNS = (
    "id",
    "type",
    "content",
    "parent_id",
    "fill_color",
    "shape",
    "created_by",
    "modified_by",
)


def pandas() -> Any:
    """The pandas module, or an ImportError naming the extra that installs it."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            'to_dataframe() needs pandas, an optional extra: pip install "miro[pandas]"'
        ) from None
    return pd


def to_dataframe(
    source: Any,
    *,
    progress: Any = False,
    tags: Optional[Mapping[str, Sequence[str]]] = None,
) -> Any:
    """A DataFrame with one row per element of ``source`` (a paginator or an iterable).

    ``tags`` maps item ids to tag titles (``board.items.to_dataframe()`` fills it); without
    it the ``tags`` column holds what is known locally (often nothing: None).
    """
    pd = pandas()  # before any request: a missing extra fails fast
    elements = collect(source, progress)
    if elements and all(shown_as(e) == "item" for e in elements) or _lists_items(source, elements):
        parent_of = geometry.parent_lookup(geometry.by_id(elements))
        records = [r.item_row(e, parent_of, tags) for e in elements]
        return _typed(pd, pd.DataFrame.from_records(records, columns=list(r.ITEM_COLUMNS)))
    records = [r.row_of(e) for e in elements]
    return _typed(pd, pd.DataFrame.from_records(records, columns=r.columns(records)))


def _lists_items(source: Any, elements: List[Any]) -> bool:
    owner = getattr(getattr(source, "_convert", None), "__self__", None)
    return not elements and shown_as(owner) == "items"


def _typed(pd: Any, frame: Any) -> Any:
    for column in frame.columns:
        if column in r.FLOAT_COLUMNS:
            frame[column] = frame[column].astype("float64")
        elif column in r.DATETIME_COLUMNS:
            frame[column] = pd.to_datetime(frame[column], utc=True)
        elif column in _TEXT_COLUMNS:
            frame[column] = frame[column].astype("string")
        elif column != "tags":  # other models' columns: typed by what they hold
            values = [v for v in frame[column].tolist() if v is not None and not _nan(v)]
            if values and all(isinstance(v, datetime.datetime) for v in values):
                frame[column] = pd.to_datetime(frame[column], utc=True)
            elif values and all(isinstance(v, str) for v in values):
                frame[column] = frame[column].astype("string")
    return frame


def _nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)
