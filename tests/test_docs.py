"""The documentation site's pages: every code block runs as pasted, against FakeMiro.

A page is a session a reader follows from the top: its ```python blocks are pasted line by
line at the plain ``>>>`` prompt (:mod:`pasting`: a blank line inside an indented block
breaks there, as it would for the reader) and its ```pycon blocks run statement by
statement, in order, in one namespace, with the README's setup (``MIRO_BASE_URL`` and the
app settings pointing at a FakeMiro whose token is ``"<access token>"``, a temporary working
and home directory). A page leaves the working directory as it found it. A block preceded by
``<!-- docs-test: skip (why) -->`` is not run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterator, List

import pytest
from pasting import paste
from test_readme import Block, _namespace, _run_session, blocks, session  # noqa: F401

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_ext" not in p.parts)


def _runnable(page: Path) -> List[Block]:
    text = page.read_text(encoding="utf-8")
    return [b for b in blocks(text) if b.language in ("python", "pycon")]


def _name(page: Path) -> str:
    return page.relative_to(DOCS.parent).as_posix()


def test_the_guides_have_runnable_blocks() -> None:
    guides = [p for p in PAGES if p.parent.name == "guides"]
    assert len(guides) >= 10
    for page in guides:
        assert [b for b in _runnable(page) if not b.skipped], f"{_name(page)} shows no code"
        lines = page.read_text(encoding="utf-8").splitlines()
        for block in _runnable(page):
            if block.skipped:  # a skipped block says why
                marker = next(ln for ln in reversed(lines[: block.line - 1]) if ln.strip())
                assert re.search(r"skip \(.+\)", marker), f"{_name(page)}:{block.line}: say why"


@pytest.fixture
def environment() -> Iterator[None]:
    """Blocks may set environment variables, as a reader's shell would: undone after."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


PAGES_WITH_CODE = [p for p in PAGES if _runnable(p)]


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=[_name(p) for p in PAGES_WITH_CODE])
def test_page_runs_as_pasted(
    page: Path,
    session: Any,  # noqa: F811 (the README's fixture, imported)
    environment: None,
    tmp_path: Path,
) -> None:
    from miro.testing import FakeMiro

    namespace = _namespace(session)
    try:
        for block in _runnable(page):
            if block.skipped:
                continue
            if block.language == "python":
                paste(block.code, namespace, filename=_name(page), first_line=block.line + 1)
            else:
                _run_session(block, namespace, _name(page))
        assert not list(tmp_path.iterdir()), "the page wrote into the working directory"
    finally:  # a page that failed half-way leaves no server running
        for value in list(namespace.values()):
            if isinstance(value, FakeMiro):
                value.stop()


def test_the_readme_is_a_landing_page_linking_every_guide() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 250
    guides = [p for p in PAGES if p.parent.name == "guides"]
    assert not [p for p in guides if f"]({_name(p)})" not in readme]
    first_screen = readme.split("\n## ", 1)[0]  # the two commands, before any section
    assert "pip install . && python examples/quickstart.py" in first_screen
    assert "python -m pytest" in first_screen
