"""MkDocs hooks for the documentation site.

``<!-- miro:flat-methods -->`` in a page becomes one section per family of official flat
methods (``miro.compat._index.FAMILIES``), each method rendered by mkdocstrings from
``miro.MiroApi`` (where ``griffe_miro.py`` puts them). ``<!-- miro:client-members -->``
becomes the rest of ``MiroApi``: its fluent roots and helpers. ``<!-- miro:item-keywords -->``
becomes what each item type's ``create`` and ``update`` take: their signatures are
generated from the item declarations at run time, where griffe cannot see them.
"""

from __future__ import annotations

import inspect
from typing import Any, List, Tuple

#: A heading per family module; a new family gets its module's name until it is added here.
TITLES = {
    "boards": "Boards and board members",
    "items": "Items",
    "connectors": "Connectors",
    "tags": "Tags",
    "groups": "Groups",
    "experimental": "Experimental: mind maps, flowchart shapes, code widgets, app metrics",
    "tokens": "Access tokens",
    "scim": "SCIM (users and groups)",
    "enterprise_org": "Organizations, members, teams, projects",
    "enterprise_groups": "User groups and their assignments",
    "enterprise_exports": "Board exports",
    "enterprise_logs": "Audit, content and AI interaction logs",
    "enterprise_compliance": "Data classification, legal holds, sessions",
}


def _render(name: str) -> List[str]:
    return [
        f"::: miro.MiroApi.{name}",
        "    options:",
        "      show_root_heading: true",
        "      show_root_full_path: false",
        "      heading_level: 3",
        "",
    ]


def flat_methods() -> str:
    """Every public flat method, by family, in the index's order."""
    from miro.compat._index import FAMILIES

    lines: List[str] = []
    for family, names in FAMILIES.items():
        public = [name for name in names if not name.startswith("_")]
        if not public:
            continue
        module = family.split(".")[0]
        lines += [f"## {TITLES.get(module, module.replace('_', ' ').capitalize())}", ""]
        for name in public:
            lines += _render(name)
    return "\n".join(lines)


def client_members() -> str:
    """``MiroApi``'s own public members: the fluent roots, ``request``, ``close``."""
    from miro import MiroApi

    names = [name for name in vars(MiroApi) if not name.startswith("_")]
    return "\n".join(line for name in names for line in _render(name))


def _signature(name: str, function: Any) -> str:
    signature = inspect.signature(function)
    parameters = list(signature.parameters.values())
    star = all(parameter.kind is not parameter.VAR_POSITIONAL for parameter in parameters)
    lines = [f"{name}("]
    for parameter in parameters:
        if star and parameter.kind is parameter.KEYWORD_ONLY:
            lines.append("    *,")  # the bare star before the first keyword-only parameter
            star = False
        lines.append(f"    {parameter},")
    returns = signature.return_annotation
    shown = returns if isinstance(returns, str) else getattr(returns, "__name__", returns)
    return "\n".join([*lines, f") -> {shown}"])


def typed_collections() -> List[Tuple[str, Any]]:
    """``board.items.sticky_notes`` … of a board handle (no request), by attribute name."""
    import miro
    from miro.items import ItemTypeCollection

    items = miro.MiroApi("docs").boards.get("board", lazy=True).items
    found = ((name, getattr(items, name)) for name in vars(type(items)) if name[0] != "_")
    return [(name, value) for name, value in found if isinstance(value, ItemTypeCollection)]


def item_keywords() -> str:
    """Per item type: ``board.items.<type>.create`` and ``.update``, signature and doc."""
    lines: List[str] = []
    for name, collection in typed_collections():
        lines += [f"### `board.items.{name}`", ""]
        for verb in ("create", "update"):
            method = getattr(collection, verb)
            lines += ["```python", _signature(verb, method), "```", ""]
            lines += ["```text", (method.__doc__ or "").strip(), "```", ""]
    return "\n".join(lines)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Expand the markers."""
    if "<!-- miro:item-keywords -->" in markdown:
        markdown = markdown.replace("<!-- miro:item-keywords -->", item_keywords())
    if "<!-- miro:flat-methods -->" in markdown:
        markdown = markdown.replace("<!-- miro:flat-methods -->", flat_methods())
    if "<!-- miro:client-members -->" in markdown:
        markdown = markdown.replace("<!-- miro:client-members -->", client_members())
    return markdown
