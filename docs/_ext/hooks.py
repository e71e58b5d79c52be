"""MkDocs hooks for the documentation site.

``<!-- miro:flat-methods -->`` in a page becomes one section per family of official flat
methods (``miro.compat._index.FAMILIES``), each method rendered by mkdocstrings from
``miro.MiroApi`` (where ``griffe_miro.py`` puts them). ``<!-- miro:client-members -->``
becomes the rest of ``MiroApi``: its fluent roots and helpers.
"""

from __future__ import annotations

from typing import Any, List

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
    from miro.api import MiroApi

    names = [name for name in vars(MiroApi) if not name.startswith("_")]
    return "\n".join(line for name in names for line in _render(name))


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Expand the markers."""
    if "<!-- miro:flat-methods -->" in markdown:
        markdown = markdown.replace("<!-- miro:flat-methods -->", flat_methods())
    if "<!-- miro:client-members -->" in markdown:
        markdown = markdown.replace("<!-- miro:client-members -->", client_members())
    return markdown
