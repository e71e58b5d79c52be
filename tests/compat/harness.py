"""Runs :mod:`scenario` in a subprocess against a fresh FakeMiro, for one client.

The official client is found through ``MIRO_OFFICIAL_CLIENT``: a directory into which
``pip install --target DIR miro_api==2.2.4`` was run (CI does it, see ``.ci/run``). Its
top-level package is ``miro_api``, the same name as our shim, so it never enters the
project's environment: only the scenario's process sees it, first on ``PYTHONPATH``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OFFICIAL_VERSION = "2.2.4"


def official_dir() -> Optional[Path]:
    """The official wheel's install directory, or ``None`` when it is not available."""
    value = os.environ.get("MIRO_OFFICIAL_CLIENT")
    if not value:
        return None
    path = Path(value)
    return path if (path / "miro_api" / "api" / "__init__.py").is_file() else None


def official_unavailable_reason() -> Optional[str]:
    """Why the official client cannot be compared here, or ``None``."""
    if official_dir() is not None:
        return None
    value = os.environ.get("MIRO_OFFICIAL_CLIENT")
    if value:
        return f"MIRO_OFFICIAL_CLIENT={value} holds no miro_api package"
    return (
        "MIRO_OFFICIAL_CLIENT is not set (pip install --target DIR "
        f"miro_api=={OFFICIAL_VERSION}, then MIRO_OFFICIAL_CLIENT=DIR)"
    )


def run_scenario(
    fake: Any, style: str, official: bool, tmp: Path, paths: Optional[Dict[str, Any]] = None
) -> Dict[str, Any]:
    """Run the scenario against ``fake`` with one client; returns its recorded results.

    The official run records under ``$paths`` every attribute path its results declare;
    given those as ``paths``, our run records what it finds at each."""
    config = {
        "paths": paths or {},
        "url": fake.url,
        "token": fake.token,
        "app_id": fake.app_id,
        "client_id": fake.client_id,
        "client_secret": fake.client_secret,
        "spare_tokens": [fake.add_token(), fake.add_token()],
        "style": style,
        "official": official,
    }
    who = "official" if official else "shim"
    config_path, out_path = tmp / f"{who}-{style}.json", tmp / f"{who}-{style}-out.json"
    config_path.write_text(json.dumps(config))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIRO_")}
    if official:
        location = official_dir()
        assert location is not None
        env["PYTHONPATH"] = str(location)
    else:
        env["PYTHONPATH"] = str(REPO)
        env["MIRO_BASE_URL"] = fake.url
    done = subprocess.run(
        [sys.executable, str(HERE / "scenario.py"), str(config_path), str(out_path)],
        env=env,
        cwd=str(tmp),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise AssertionError(f"the {who} scenario ({style}) failed:\n{done.stderr[-4000:]}")
    results: Dict[str, Any] = json.loads(out_path.read_text())
    log = results.pop("$log", [])
    (tmp / f"{who}-{style}-errors.txt").write_text("\n".join(log))
    return normalize(results, fake.url)


_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def normalize(results: Dict[str, Any], url: str) -> Dict[str, Any]:
    """Ids become ``<id1>``, ``<id2>`` … in order of first appearance, the fake's URL
    ``<url>``, and timestamps lose their value but keep their kind (datetime or string)."""
    ids: List[str] = []

    def collect(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k in sorted(node):
                collect(node[k], k)
        elif isinstance(node, list):
            for v in node:
                collect(v, key)
        elif (
            isinstance(node, str)
            and (key in ("id", "items") or key.endswith("Id"))
            and node
            and node not in ids
        ):
            ids.append(node)

    for label in results:
        collect(results[label])
    order = sorted(((v, f"<id{i}>") for i, v in enumerate(ids, 1)), key=lambda p: -len(p[0]))

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {"$datetime"}:
                return {"$datetime": "<time>"}
            return {k: "<cursor>" if k == "cursor" and v else rewrite(v) for k, v in node.items()}
        if isinstance(node, int) and node > 10**15:  # invitation results: numeric ids
            return "<number>"
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        if isinstance(node, str):
            if _TIMESTAMP.match(node):
                return "<timestamp string>"
            node = node.replace(url, "<url>")
            for value, label in order:
                node = node.replace(value, label)
            node = re.sub(r"\d{16,}", "<number>", node)  # e.g. resource ids in file URLs
        return node

    return {
        label: value if label.startswith("$") else rewrite(value)
        for label, value in results.items()
    }


def differences(ours: Dict[str, Any], theirs: Dict[str, Any]) -> List[Tuple[str, Any, Any]]:
    """``(step, ours, theirs)`` for every step whose results differ."""
    return [
        (label, ours.get(label), theirs.get(label))
        for label in sorted(set(ours) | set(theirs))
        if not label.startswith("$") and ours.get(label) != theirs.get(label)
    ]
