"""What ``dir()`` (and so tab completion) offers on public objects: the public API only.

Plumbing that collections and paginators need among themselves (``path``, ``url``,
``request``, ``wrap`` …) keeps working under its name but is not offered.
"""

from __future__ import annotations

import importlib
from typing import Any, List

#: Names that are plumbing, not API, wherever they appear.
INTERNAL = frozenset(
    ("item_key", "model", "paging", "path", "request", "transport", "url", "wrap", "item_type")
)


def public_dir(obj: Any) -> List[str]:
    """``dir(obj)`` without private names and without :data:`INTERNAL` plumbing."""
    names = object.__dir__(obj)
    return sorted(n for n in names if not n.startswith("_") and n not in INTERNAL)


def html_repr(obj: Any) -> str:
    """``obj``'s notebook HTML, by the ``miro.display`` add-on, imported on first use.

    Core never imports the layers above it; display is the one add-on a core object
    reaches, by name and only when Jupyter asks for HTML, so ``import miro`` does not
    load it (DESIGN: "Display is reached lazily").
    """
    display = importlib.import_module(_DISPLAY)
    return str(display.html_repr(obj))


def to_dataframe(source: Any, **options: Any) -> Any:
    """``source`` as a pandas DataFrame, by the ``miro.display`` add-on (see above)."""
    return importlib.import_module(_DISPLAY).to_dataframe(source, **options)


_DISPLAY = __name__.rsplit(".", 2)[0] + ".display"
