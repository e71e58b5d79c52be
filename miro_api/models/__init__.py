"""``miro_api.models``: every model of the official client, by its official name.

``from miro_api.models import StickyNoteCreateRequest`` and
``from miro_api.models.sticky_note_create_request import StickyNoteCreateRequest`` give the
same class, as in the official package. The classes are :mod:`miro.compat.official_models`
(pydantic's contract without pydantic), built on first use; results of the flat methods
are the fluent layer's richer objects, which pass ``isinstance`` against the official class
they stand for (``StickyNoteItem`` for :class:`miro.StickyNote`).
"""

import importlib
from typing import Any, List

from miro.compat.official_models import module_of, package_names


def __getattr__(name: str) -> Any:
    module = None if name.startswith("__") else module_of(name)
    if module is None:
        raise AttributeError(f"module 'miro_api.models' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return package_names()


__all__ = package_names()
