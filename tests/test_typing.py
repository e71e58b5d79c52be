"""What user code sees under ``mypy --strict`` and pyright (strict): ``tests/typing/``.

``tests/typing/fluent.py`` and ``clients.py`` are user-style code with ``assert_type`` at
every kind of call; ``mistakes.py`` holds mistakes each marked with the error it must
raise, checked with ``warn_unused_ignores`` (mypy) and ``reportUnnecessaryTypeIgnoreComment``
(pyright), so a mistake that stops being caught fails. The SDK is seen as a user sees an
installed, typed package. The generated declarations behind it must be current
(``tests/declarations.py``) under any hash seed.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import declarations  # noqa: E402

ROOT = pathlib.Path(__file__).parents[1]
USER_CODE = ROOT / "tests" / "typing"


def tool(name: str) -> str:
    path = pathlib.Path(sys.executable).with_name(name)
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed (the typing extra)")
        return found
    return str(path)


def run(command: list, tmp_path: pathlib.Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYRIGHT_PYTHON_IGNORE_WARNINGS="1")
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


def test_mypy_strict_accepts_the_user_code_and_catches_every_mistake(tmp_path):
    done = run(
        [
            tool("mypy"),
            "--config-file",
            str(USER_CODE / "mypy.ini"),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(USER_CODE),
        ],
        tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pyright_strict_accepts_the_user_code_and_catches_every_mistake(tmp_path):
    done = run(
        [
            tool("pyright"),
            "--outputjson",
            "-p",
            str(USER_CODE),
            "--pythonpath",
            sys.executable,
        ],
        tmp_path,
    )
    report = json.loads(done.stdout)
    errors = [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']} ({d.get('rule', '')})"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]
    assert errors == []
    assert report["summary"]["filesAnalyzed"] >= 3


@pytest.mark.generated
def test_the_generated_declarations_are_current_under_any_hash_seed():
    tool("ruff")  # the generator writes ruff's formatting
    texts = []
    for seed in ("0", "28", "104"):  # 28 and 104 rendered the flat index differently (#18)
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "declarations.py")],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
        )
        texts.append(done.stdout)
    assert texts[0] == texts[1] == texts[2]
    expected = {pathlib.Path(p): text for p, text in json.loads(texts[0]).items()}
    if os.environ.get("MIRO_WRITE_DECLARATIONS"):
        for path, text in expected.items():
            path.write_text(text)
    stale = [str(p.relative_to(ROOT)) for p, text in expected.items() if p.read_text() != text]
    assert stale == [], f"stale: run {declarations.COMMAND}"
