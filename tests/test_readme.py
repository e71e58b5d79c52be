"""The README's snippets run as pasted, against FakeMiro.

Every ```python block runs on its own (a fresh namespace, as pasted into a new session) with
``MIRO_BASE_URL``/``MIRO_AUTHORIZE_URL`` and the app's ``MIRO_CLIENT_*`` settings pointing at
a FakeMiro whose token is the README's ``"<access token>"``; a prompt for a pasted redirect
URL is answered by the fake user consenting. Every ```pycon block runs statement by
statement: an expected ``miro.errors.X: message`` must be raised as ``X`` with that message
(up to an ellipsis). A block preceded by ``<!-- readme-test: skip (why) -->`` is not run.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
SKIP = re.compile(r"<!--\s*(?:readme|docs)-test:\s*skip\b")
FENCE = re.compile(r"^```(\w*)\s*$")


class Block(NamedTuple):
    """One fenced code block."""

    line: int
    language: str
    code: str
    skipped: bool


def blocks(text: str) -> Iterator[Block]:
    """The fenced blocks of ``text`` with their language and skip marker."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opened = FENCE.match(lines[index])
        if opened and opened.group(1):
            start = index
            index += 1
            body: List[str] = []
            while not lines[index].startswith("```"):
                body.append(lines[index])
                index += 1
            previous = next((ln for ln in reversed(lines[:start]) if ln.strip()), "")
            yield Block(start + 1, opened.group(1), "\n".join(body), bool(SKIP.search(previous)))
        index += 1


RUNNABLE = [
    b for b in blocks(README.read_text(encoding="utf-8")) if b.language in ("python", "pycon")
]


def test_the_readme_has_runnable_blocks():
    assert len([b for b in RUNNABLE if not b.skipped]) >= 2
    lines = README.read_text(encoding="utf-8").splitlines()
    for block in RUNNABLE:
        if block.skipped:  # a skipped block says why
            marker = next(ln for ln in reversed(lines[: block.line - 1]) if ln.strip())
            assert re.search(r"skip \(.+\)", marker), f"README.md:{block.line}: say why"


@pytest.fixture
def session(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Any]:
    """A FakeMiro the README's placeholders point at; the working directory is a temp dir."""
    from miro.testing import FakeMiro

    with FakeMiro(token="<access token>") as fake:
        monkeypatch.setenv("MIRO_BASE_URL", fake.url)
        monkeypatch.setenv("MIRO_AUTHORIZE_URL", fake.authorize_url)
        monkeypatch.setenv("MIRO_CLIENT_ID", fake.client_id)
        monkeypatch.setenv("MIRO_CLIENT_SECRET", fake.client_secret)
        monkeypatch.setenv("MIRO_REDIRECT_URL", "https://app.example/cb")
        monkeypatch.chdir(tmp_path)
        yield fake


def _namespace(fake: Any) -> Dict[str, Any]:
    def consenting_user(prompt: str = "") -> str:
        """The person at the prompt: opens the URL shown, consents, pastes the redirect."""
        url = re.search(r"(https?://\S+)", prompt)
        assert url, f"the prompt shows no URL to open: {prompt!r}"
        return str(fake.authorize(url.group(1)))

    return {"__name__": "__readme__", "input": consenting_user}


@pytest.mark.parametrize("block", RUNNABLE, ids=[f"README.md:{b.line}" for b in RUNNABLE])
def test_block_runs_as_pasted(block: Block, session: Any) -> None:
    if block.skipped:
        pytest.skip("marked <!-- readme-test: skip --> in the README")
    run_block(block, _namespace(session), "README.md")


def run_block(block: Block, namespace: Dict[str, Any], source: str) -> None:
    """Run ``block`` of the file ``source`` in ``namespace``, as pasted (see the module's
    docstring); tracebacks name ``source:line``."""
    if block.language == "python":
        exec(compile(block.code, f"{source}:{block.line}", "exec"), namespace)
        return
    import miro

    namespace["miro"] = miro
    statements = [ln for ln in block.code.splitlines()]
    for position, line in enumerate(statements):
        if not line.startswith(">>> "):
            continue
        expected = statements[position + 1] if position + 1 < len(statements) else ""
        code = compile(line[4:], f"{source}:{block.line + 1 + position}", "single")
        error = re.match(r"miro\.errors\.(\w+): (.*)", expected)
        if error is None:
            exec(code, namespace)
            continue
        with pytest.raises(getattr(miro.errors, error.group(1))) as raised:
            exec(code, namespace)
        for piece in error.group(2).split("…"):
            assert piece.strip(" ;,") in str(raised.value), (piece, str(raised.value))
