"""What ``dir()`` (and so tab completion) offers on public objects: the public API only.

Plumbing that collections and paginators need among themselves (``path``, ``url``,
``request``, ``wrap`` …) keeps working under its name but is not offered.
"""

from __future__ import annotations

from typing import Any, List, Optional

from .._addons import use

#: Names that are plumbing, not API, wherever they appear.
INTERNAL = frozenset(
    ("item_key", "model", "paging", "path", "request", "transport", "url", "wrap", "item_type")
)


def public_dir(obj: Any) -> List[str]:
    """``dir(obj)`` without private names and without :data:`INTERNAL` plumbing."""
    names = object.__dir__(obj)
    return sorted(n for n in names if not n.startswith("_") and n not in INTERNAL)


def html_repr(obj: Any) -> str:
    """``obj``'s notebook HTML, by the display add-on (loaded when Jupyter first asks)."""
    return str(use("html")(obj))


def to_dataframe(source: Any, **options: Any) -> Any:
    """``source`` as a pandas DataFrame, by the display add-on."""
    return use("dataframe")(source, **options)


def shown_as(obj: Any) -> Optional[str]:
    """What ``obj`` is to the display add-on: ``"board"``, ``"item"``, ``"items"`` (a
    collection of board items), or None for any other model (shown by its fields)."""
    return getattr(obj, "_shown_as", None)
