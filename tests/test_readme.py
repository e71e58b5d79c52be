"""The README's snippets run as pasted, against FakeMiro.

Every ```python block runs on its own (a fresh namespace, as pasted into a new session),
twice: as a script (``exec``) and pasted line by line at the plain ``>>>`` prompt
(``code.InteractiveConsole``, :mod:`pasting`), where a blank line inside an indented block
breaks it. It runs with
``MIRO_BASE_URL``/``MIRO_AUTHORIZE_URL`` and the app's ``MIRO_CLIENT_*`` settings pointing at
a FakeMiro whose token is the README's ``"<access token>"``; a prompt for a pasted redirect
URL is answered by the fake user consenting. Every ```pycon block runs statement by
statement: an expected ``miro.errors.X: message`` must be raised as ``X`` with that message
(up to an ellipsis). A block preceded by ``<!-- readme-test: skip (why) -->`` is not run.
A block leaves the working directory as it found it (files go to temporary directories).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple

import pytest

try:  # tests/ is a package
    from .contract import spec as contract_spec
    from .pasting import paste
except ImportError:  # tests/ is a rootdir-style directory
    from contract import spec as contract_spec  # type: ignore[no-redef]
    from pasting import paste  # type: ignore[no-redef]

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
    assert len([b for b in RUNNABLE if not b.skipped]) >= 2  # a landing page; docs/ has more
    lines = README.read_text(encoding="utf-8").splitlines()
    for block in RUNNABLE:
        if block.skipped:  # a skipped block says why
            marker = next(ln for ln in reversed(lines[: block.line - 1]) if ln.strip())
            assert re.search(r"skip \(.+\)", marker), f"README.md:{block.line}: say why"


@pytest.fixture
def session(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """A FakeMiro the README's placeholders point at; the working directory is a temp dir,
    and so is the home directory (``~/.miro/tokens.sqlite3``)."""
    from miro.testing import FakeMiro

    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
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


#: Each block and how it runs: a python block as a script and pasted at the prompt, a
#: pycon block (a prompt session already) statement by statement.
RUNS = [
    pytest.param(block, how, id=f"README.md:{block.line}-{how}")
    for block in RUNNABLE
    for how in (("script", "prompt") if block.language == "python" else ("session",))
]


@pytest.mark.parametrize("block, how", RUNS)
def test_block_runs_as_pasted(block: Block, how: str, session: Any, tmp_path: Path) -> None:
    if block.skipped:
        pytest.skip("marked <!-- readme-test: skip --> in the README")
    namespace = _namespace(session)
    if how == "prompt":
        paste(block.code, namespace, filename="README.md", first_line=block.line + 1)
    elif how == "script":
        exec(compile(block.code, f"README.md:{block.line}", "exec"), namespace)
    else:
        _run_session(block, namespace, "README.md")
    assert not list(tmp_path.iterdir()), "the block wrote into the working directory"


def _run_session(block: Block, namespace: Dict[str, Any], source: str) -> None:
    """A pycon block of the page ``source``, statement by statement, checking the errors
    it shows."""
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


#: The board side, as the README and the guides count it (and Schemathesis runs it,
#: tests/fuzz/overlay.py).
BOARD_SIDE = ("/v2/boards", "/v2-experimental/", "/v1/oauth-token")


def test_the_readme_counts_the_board_side_the_same_everywhere():
    import miro
    from miro.compat import lazy
    from miro.core.registry import operations

    if contract_spec.unavailable_reason():
        pytest.skip(contract_spec.unavailable_reason())
    route = {op["operationId"]: path for path, _, op in contract_spec.iter_operations(
        contract_spec.load_raw_spec())}  # fmt: skip
    lazy.load_all(miro.MiroApi.__mro__[1])  # every family registers its operations
    board_side = [o for o in operations() if route[o.operation_id].startswith(BOARD_SIDE)]
    pages = [README, *sorted((README.parent / "docs").rglob("*.md"))]
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    said = re.findall(r"(\d+) board-side|board side's (\d+)", text)
    numbers = {int(n) for groups in said for n in groups if n}
    assert len(said) >= 3 and numbers == {len(board_side)}, (numbers, len(board_side))
