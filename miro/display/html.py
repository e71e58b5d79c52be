"""HTML reprs for Jupyter (the IPython display protocol), generic over every model.

Every value is escaped with :func:`html.escape`; output is bounded: at most
:data:`MAX_ROWS` table rows and :data:`MAX_FIELDS` fields, cells cut at :data:`MAX_CELL`
characters, and each cut is said ("… 480 more rows"). Nothing here sends a request: a
paginator shows what it has fetched so far, a board the counts a walk recorded.
"""

from __future__ import annotations

import html
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import attrs

from ..core.pagination import Page, Paginator
from ..core.public import shown_as
from . import rows as r

MAX_ROWS = 20
MAX_FIELDS = 40
MAX_CELL = 80
MAX_TEXT = 300

CSS = (
    "<style>.miro-repr{font-family:var(--jp-ui-font-family,sans-serif);font-size:13px;"
    "line-height:1.4;max-width:100%;overflow-x:auto}"
    ".miro-repr .miro-head{font-weight:600;margin:2px 0}"
    ".miro-repr .miro-dim{color:#777;font-weight:400}"
    ".miro-repr table{border-collapse:collapse;margin:2px 0}"
    ".miro-repr th,.miro-repr td{padding:1px 8px;text-align:left;vertical-align:top;"
    "border-bottom:1px solid #eee;white-space:pre-wrap}"
    ".miro-repr th{color:#555}.miro-repr summary{cursor:pointer;color:#555}"
    ".miro-repr .miro-error{color:#b00020}</style>"
)


def esc(value: Any, limit: int = MAX_CELL) -> str:
    """A value as short, escaped text."""
    return html.escape(r.show(value, limit))


def link(url: Any, text: str = "") -> str:
    """An escaped link, only for http(s) URLs (anything else is shown as text)."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return esc(url)
    return f'<a href="{html.escape(url)}" target="_blank">{esc(text or url)}</a>'


def container(head: str, *parts: str, error: bool = False) -> str:
    """The outer box: a bold head line, then the parts."""
    cls = ' class="miro-head miro-error"' if error else ' class="miro-head"'
    return f'{CSS}<div class="miro-repr"><div{cls}>{head}</div>{"".join(parts)}</div>'


def section(title: str, body: str, open_: bool = True) -> str:
    """A collapsible section."""
    state = " open" if open_ else ""
    return f"<details{state}><summary>{html.escape(title)}</summary>{body}</details>"


def fields_table(pairs: Iterable[Tuple[str, Any]], raw: Sequence[str] = ()) -> str:
    """A two-column table of name → value; names in ``raw`` hold ready-made HTML."""
    shown = [(k, v) for k, v in pairs if v not in (None, "", [])]
    body = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{v if k in raw else esc(v, MAX_TEXT)}</td></tr>"
        for k, v in shown[:MAX_FIELDS]
    )
    more = len(shown) - MAX_FIELDS
    if more > 0:
        body += f'<tr><td colspan="2" class="miro-dim">… {more} more fields</td></tr>'
    return f"<table>{body}</table>"


def rows_table(rows: List[Dict[str, Any]], total: Optional[int] = None) -> str:
    """A table of the first :data:`MAX_ROWS` rows; says how many more there are."""
    if not rows:
        return '<div class="miro-dim">(no rows)</div>'
    shown = rows[:MAX_ROWS]
    cols = [c for c in r.columns(shown) if any(row.get(c) not in (None, "") for row in shown)]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(row.get(c))}</td>" for c in cols) + "</tr>" for row in shown
    )
    hidden = (total if total is not None else len(rows)) - len(shown)
    note = f'<div class="miro-dim">… {hidden} more rows not shown</div>' if hidden > 0 else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


def _title(obj: Any) -> str:
    ident = getattr(obj, "id", None)
    name = type(obj).__name__
    dim = f' <span class="miro-dim">{esc(ident)}</span>' if ident else ""
    return f"{html.escape(name)}{dim}"


def model_html(obj: Any) -> str:
    """Any model: its fields, flattened."""
    return container(_title(obj), fields_table(r.model_row(obj).items()))


def _position(item: Any) -> Optional[str]:
    row = r.item_row(item)
    if row["x"] is None:
        return None
    where = f"({row['x']:g}, {row['y']:g})"
    if row["parent_id"]:
        where += " from its frame's top-left"
        if row["absolute_x"] is not None:
            where += f"; on the board ({row['absolute_x']:g}, {row['absolute_y']:g})"
    return where


def _tags(row: Dict[str, Any]) -> Any:
    if row["tags"] is not None:
        return row["tags"] or "none"
    if row["type"] in ("card", "sticky_note"):
        return "not read yet: item.tags lists them (one request)"
    return None


def item_html(item: Any) -> str:
    """A board item: type, content as text, position, size, parent, tags; then every field."""
    row = r.item_row(item)
    size = None
    if row["width"] is not None:
        size = f"{row['width']:g} × {row['height']:g}"
        if row["rotation"]:
            size += f", rotated {row['rotation']:g}°"
    summary = fields_table(
        [
            ("type", row["type"]),
            ("content", row["content"]),
            ("position", _position(item)),
            ("size", size),
            ("parent", row["parent_id"]),
            ("tags", _tags(row)),
            ("fill color", row["fill_color"]),
            ("shape", row["shape"]),
            ("modified", row["modified_at"]),
        ]
    )
    every = section("all fields", fields_table(r.model_row(item).items()), open_=False)
    return container(_title(item), summary, every)


def board_html(board: Any) -> str:
    """A board: name, owner, team, dates, links, and counts by item type once known."""
    owner = getattr(board, "owner", None)
    team = getattr(board, "team", None)
    links = getattr(board, "links", None)
    counts = getattr(board, "_item_counts", None)
    pairs: List[Tuple[str, Any]] = [
        ("name", board.name),
        ("description", board.description),
        ("owner", getattr(owner, "name", None) or getattr(owner, "id", None)),
        ("team", getattr(team, "name", None) or getattr(team, "id", None)),
        ("created", board.created_at),
        ("modified", board.modified_at),
        ("view", link(board.view_link) if board.view_link else None),
        ("api", link(getattr(links, "self_url", None)) if links is not None else None),
    ]
    if counts:
        listed = ", ".join(f"{n} {t}" for t, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        pairs.append(("items", f"{sum(counts.values())}: {listed}"))
    else:
        pairs.append(("items", "not counted yet: board.item_counts() walks the board once"))
    return container(_title(board), fields_table(pairs, raw=("view", "api")))


def page_html(page: Any) -> str:
    """A page: its envelope and a table of its first rows."""
    kinds = sorted({type(x).__name__ for x in page.data})
    head = f'Page <span class="miro-dim">{len(page.data)} × {esc(", ".join(kinds) or "—")}</span>'
    envelope = fields_table(
        [("total", page.total), ("offset", page.offset), ("cursor", page.cursor)]
    )
    return container(
        head, envelope, rows_table([r.row_of(x) for x in page.data[:MAX_ROWS]], len(page.data))
    )


def paginator_html(paginator: Any) -> str:
    """A paginator: what it lists, its paging, how much it has fetched, the first rows."""
    state = paginator._display_state()
    head = f'Paginator <span class="miro-dim">{esc(state["lists"], 200)}</span>'
    pairs = [
        ("paging", f"{state['style']} pages of up to {state['page_size']}"),
        ("filters", ", ".join(f"{k}={v}" for k, v in state["filters"].items()) or None),
        ("fetched so far", f"{state['fetched']} in {state['pages']} page(s)"),
        ("total", state["total"]),
    ]
    first = state["head"]
    table = (
        rows_table([r.row_of(x) for x in first], state["fetched"])
        if first
        else '<div class="miro-dim">nothing fetched yet: iterate, .take(n) or .all()</div>'
    )
    return container(head, fields_table(pairs), section("first rows", table))


def error_html(exc: BaseException) -> str:
    """An error: its class, message and, for API errors, status, code, request and context."""
    pairs: List[Tuple[str, Any]] = [("message", getattr(exc, "message", None) or str(exc))]
    for name in ("status", "code", "method", "path", "type", "request_id"):
        pairs.append((name, getattr(exc, name, None)))
    context = getattr(exc, "context", None)
    if context:
        pairs.append(("context", str(context)))
    return container(html.escape(type(exc).__name__), fields_table(pairs), error=True)


def html_repr(obj: Any) -> str:
    """The HTML repr of any object this SDK returns."""
    if isinstance(obj, BaseException):
        return error_html(obj)
    kind = shown_as(obj)
    if kind == "board":
        return board_html(obj)
    if kind == "item":
        return item_html(obj)
    if isinstance(obj, Page):
        return page_html(obj)
    if isinstance(obj, Paginator):
        return paginator_html(obj)
    if attrs.has(type(obj)):
        return model_html(obj)
    return container(esc(repr(obj), MAX_TEXT))
