"""What public objects show: in ``dir()`` (and so tab completion) the public API only,
and in a notebook what the display add-on renders.

Plumbing that collections and paginators need among themselves (``path``, ``url``,
``request``, ``wrap`` …) keeps working under its name but is not offered.

The display protocol: an object says what it is to the display by a ``_shown_as`` class
attribute (:func:`shown_as`); the display reads its fields, geometry
(:mod:`miro.core.geometry`) and summary from there, naming no resource class. The add-on
itself is reached through :mod:`miro._addons`, never imported from here.
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
