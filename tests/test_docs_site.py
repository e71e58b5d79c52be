"""The documentation site as CI builds it (``mkdocs build --strict``): every public name of
``miro``, the 197 official flat methods each linking to Miro's page for its operation, the
guides, a search index, and none of the plumbing ``dir()`` hides.

CI builds the site once and hands it over in ``MIRO_DOCS_SITE``; without it the site is
built here (``pip install -e ".[docs]"``), and the tests skip when MkDocs is not installed,
unless ``MIRO_REQUIRE_DOCS`` is set.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, Set

import pytest
from contract import spec as contract_spec

ROOT = Path(__file__).resolve().parent.parent
GUIDES = sorted(p.stem for p in (ROOT / "docs" / "guides").glob("*.md"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = os.environ.get("MIRO_DOCS_SITE")
    if built:
        return Path(built)
    try:
        import mkdocstrings  # noqa: F401
    except ImportError:
        if os.environ.get("MIRO_REQUIRE_DOCS"):
            raise
        pytest.skip('MkDocs is not installed: pip install -e ".[docs]"')
    out = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return out


@pytest.fixture(scope="module")
def anchors(site: Path) -> Dict[str, Set[str]]:
    """Page (relative path) -> the ids of its headings."""
    found = {}
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found[page.relative_to(site).as_posix()] = set(re.findall(r'\bid="([^"]+)"', text))
    return found


def _all_ids(anchors: Dict[str, Set[str]]) -> Set[str]:
    return set().union(*anchors.values())


def test_every_public_name_of_miro_has_its_entry(anchors: Dict[str, Set[str]]) -> None:
    import miro

    ids = _all_ids(anchors)
    missing = [name for name in miro.__all__ if f"miro.{name}" not in ids]
    assert not missing, missing


def test_miro_testing_and_miro_api_have_their_entries(
    site: Path, anchors: Dict[str, Set[str]]
) -> None:
    import miro.testing
    import miro_api

    ids = _all_ids(anchors)
    wanted = [f"miro.testing.{name}" for name in miro.testing.__all__]
    wanted += ["miro_api", "miro_api.exceptions", "miro_api.configuration.Configuration"]
    wanted += ["miro_api.api_client.ApiClient"]
    assert not [name for name in wanted if name not in ids]
    page = (site / "reference" / "miro-api" / "index.html").read_text(encoding="utf-8")
    assert not [name for name in miro_api.__all__ if f"miro_api.{name}" not in page]


def test_every_official_method_is_there_with_its_reference_link(site: Path) -> None:
    import miro.api  # noqa: F401  (every family registers its operations)
    from miro.core import registry

    page = (site / "reference" / "flat-methods" / "index.html").read_text(encoding="utf-8")
    operations = {op.flat_name: op.operation_id for op in registry.operations()}
    assert len(operations) == 197
    if contract_spec.unavailable_reason() is None:  # Miro's own list of operations
        doc = contract_spec.load_raw_spec()
        published = {op["operationId"] for _, _, op in contract_spec.iter_operations(doc)}
        assert set(operations.values()) == published
    for name, operation_id in operations.items():
        assert f'id="miro.MiroApi.{name}"' in page, name
        link = f"https://developers.miro.com/reference/{operation_id.lower()}"
        entry = re.split(r"<h[1-6] ", page.split(f'id="miro.MiroApi.{name}"', 1)[1], maxsplit=1)[0]
        assert link in entry, (name, link)


def test_the_guides_and_a_search_index(site: Path) -> None:
    assert len(GUIDES) >= 10
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for guide in GUIDES:
        assert (site / "guides" / guide / "index.html").is_file(), guide
        assert f"guides/{guide}/" in locations, guide
    words = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    assert "create_sticky_note_item" in words and "FakeMiro" in words


def _hides_plumbing(cls: object) -> bool:
    """Whether ``dir()`` of ``cls``'s instances leaves out the plumbing (miro.core.public)."""
    code = getattr(getattr(cls, "__dir__", None), "__code__", None)
    return code is not None and "public_dir" in code.co_names


def test_no_plumbing_on_the_pages(anchors: Dict[str, Set[str]]) -> None:
    import miro
    from miro.core.public import INTERNAL

    ids = _all_ids(anchors)
    hiding = [name for name in miro.__all__ if _hides_plumbing(getattr(miro, name))]
    assert {"Boards", "Items", "Paginator", "StickyNote"} <= set(hiding)
    leaked = [f"miro.{cls}.{name}" for cls in hiding for name in INTERNAL]
    assert not [name for name in leaked if name in ids]
    assert "miro.MiroApi.request" in ids  # the escape hatch is API, not plumbing


def test_what_each_item_type_takes(site: Path) -> None:
    import miro
    from miro.items import ItemTypeCollection

    page = (site / "reference" / "items" / "index.html").read_text(encoding="utf-8")
    items = miro.MiroApi("t").boards.get("b", lazy=True).items
    public = [name for name in vars(type(items)) if not name.startswith("_")]
    typed = [name for name in public if isinstance(getattr(items, name), ItemTypeCollection)]
    assert len(typed) == 10
    for name in typed:
        heading = f'<code>board.items.{name}</code><a class="headerlink"'
        keywords = page.split(heading, 1)[1].split("<h3", 1)[0]
        assert "create" in keywords and "update" in keywords and "[position.x]" in keywords, name
    assert "fill_color" in page.split('<code>board.items.sticky_notes</code><a class="h', 1)[1]
