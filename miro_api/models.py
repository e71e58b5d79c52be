"""``miro_api.models``: the official client's model names, onto this SDK's classes.

``from miro_api.models import StickyNoteCreateRequest, StickyNoteData, Position`` works
as with the official package. Response models are our own classes under their official
names (``StickyNoteItem`` is :class:`miro.StickyNote`, ``BoardWithLinks`` is
:class:`miro.Board` …); request bodies and envelopes we have no class for are generic
dicts built by keyword and read by attribute. Any of them is accepted wherever a dict body
is. The map lives in :mod:`miro.compat.shapes`.
"""

from typing import Any, List

from miro.compat.shapes import official_class, official_names


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    value = official_class(name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return official_names()


__all__ = official_names()
