"""Miro's two list envelopes (API-NOTES §2): cursor pages and offset pages."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence
from urllib.parse import urlencode

from .checks import limit_param
from .errors import bad
from .state import Store


def cursor_page(
    store: Store,
    query: Mapping[str, str],
    rows: Sequence[Any],
    render: Callable[[Any], Dict[str, Any]],
    *,
    low: int = 10,
    high: int = 50,
    default: int = 10,
    total: bool = True,
    self_url: str = "",
) -> Dict[str, Any]:
    """``{data, total, size, cursor?, limit, links}``; the last page carries no cursor."""
    limit = limit_param(query, low, high, default)
    start = 0
    if query.get("cursor"):
        position = store.position_of(query["cursor"])
        if position is None:
            raise bad("Invalid cursor")
        start = position
    chunk = list(rows[start : start + limit])
    page: Dict[str, Any] = {
        "data": [render(row) for row in chunk],
        "size": len(chunk),
        "limit": limit,
    }
    if total:
        page["total"] = len(rows)
    if start + limit < len(rows):
        page["cursor"] = store.cursor_for(start + limit)
    if self_url:
        page["links"] = {"self": self_url}
    return page


def offset_page(
    query: Mapping[str, str],
    rows: Sequence[Any],
    render: Callable[[Any], Dict[str, Any]],
    *,
    base_url: str,
    low: int = 1,
    high: int = 50,
    default: int = 20,
    extra_query: Optional[Mapping[str, str]] = None,
) -> Dict[str, Any]:
    """``{data, total, size, offset, limit, links, type: "list"}``, echoing the offset served."""
    limit = limit_param(query, low, high, default)
    try:
        offset = int(query.get("offset", "0"))
    except ValueError:
        raise bad("offset must be a number") from None
    if offset < 0:
        raise bad("offset must not be negative")
    chunk = list(rows[offset : offset + limit])

    def link(at: int) -> str:
        return f"{base_url}?{urlencode(dict(extra_query or {}, limit=limit, offset=at))}"

    links = {
        "self": link(offset),
        "first": link(0),
        "last": link(max(0, (len(rows) - 1) // limit * limit)),
    }
    if offset + limit < len(rows):
        links["next"] = link(offset + limit)
    if offset > 0:
        links["prev"] = link(max(0, offset - limit))
    return {
        "data": [render(row) for row in chunk],
        "total": len(rows),
        "size": len(chunk),
        "offset": offset,
        "limit": limit,
        "links": links,
        "type": "list",
    }


def ordered(rows: Mapping[str, Any]) -> List[Any]:
    """The values of an insertion-ordered mapping, as a list (stable listing order)."""
    return list(rows.values())
