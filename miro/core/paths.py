"""Fill ``{placeholder}`` path templates with URL-encoded ids.

Every id goes through :func:`encode_id`, so an id can never change the path it is put in:
``/``, ``?``, ``#``, ``%`` and ``.`` are all percent-encoded (board ids end in ``=``,
which becomes ``%3D``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from ..errors import InvalidArgument, InvalidArgumentType

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def check_id(name: str, value: Any) -> str:
    """Return ``value`` as an id string, or raise naming ``name`` if it is not one."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        ident = getattr(value, "id", None)  # a model object stands for its id
        if isinstance(ident, str) and ident:
            return ident
        raise InvalidArgumentType(f"{name} must be an id string, got {type(value).__name__}")
    text = str(value)
    if not text.strip():
        raise InvalidArgument(f"{name} must be a non-empty id")
    return text


def encode_id(value: str) -> str:
    """Percent-encode an id for use as one path segment (dots included)."""
    return quote(value, safe="").replace(".", "%2E")


def expand(template: str, **ids: Any) -> str:
    """Fill ``template``'s placeholders from ``ids``, each checked and encoded."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in ids:
            raise InvalidArgumentType(f"missing path parameter {name}")
        return encode_id(check_id(name, ids[name]))

    return _PLACEHOLDER.sub(fill, template)
