"""Which request a parsed answer came from, so that JSON which does not fit its model raises
a :class:`~miro.errors.MalformedResponse` naming the status, method and path wherever it is
structured (a fluent collection, a flat method, a page, a bulk answer).

The transport remembers, per thread, the last JSON body it parsed and the request behind it;
:func:`origin` recognises that body (or a value inside it, such as one element of a page's
``data``) by identity. JSON that did not come from the last answer (a snapshot file, a
caller's dict) names no request.
"""

from __future__ import annotations

import threading
from typing import Any, Dict

_LAST = threading.local()

#: How deep inside an answer a structured value may sit: body -> "data" -> one element.
_DEPTH = 2


def remember(body: Any, status: int, method: str, path: str) -> None:
    """Note that ``body`` is the JSON of the answer ``status`` to ``method path``."""
    _LAST.answer = (body, {"status": status, "method": method, "path": path})


def origin(data: Any) -> Dict[str, Any]:
    """``status``, ``method`` and ``path`` of the answer ``data`` is part of ({} if none)."""
    body, request = getattr(_LAST, "answer", (None, {}))
    return dict(request) if body is not None and _within(data, body, _DEPTH) else {}


def _within(data: Any, body: Any, depth: int) -> bool:
    if data is body:
        return True
    if depth == 0:
        return False
    values = body.values() if isinstance(body, dict) else body if isinstance(body, list) else ()
    return any(_within(data, value, depth - 1) for value in values)
