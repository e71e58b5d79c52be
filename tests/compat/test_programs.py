"""Programs written for the official ``miro_api`` run unchanged on the shim.

Each program of ``programs/`` runs in a subprocess under the official wheel and under our
shim, each against its own fresh FakeMiro (pointed there by the official way,
``api.api_client.configuration.host``); what it returned or raised and the final state of
every board (items, connectors, tags, ids and times normalised) must be the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

from miro.testing import FakeMiro

from .harness import REPO, normalize, official_dir, official_unavailable_reason

pytestmark = pytest.mark.skipif(
    official_dir() is None and not os.environ.get("CI"), reason=str(official_unavailable_reason())
)
PROGRAMS = Path(__file__).resolve().parent / "programs"
NAMES = sorted(p.stem for p in PROGRAMS.glob("*.py") if p.stem not in ("__init__", "run"))

#: Faults FakeMiro injects before a program runs (the backoff program's persistent 429s).
FAULTS: Dict[str, Dict[str, Any]] = {
    "backoff": {"status": 429, "times": 6, "retry_after": 0, "method": "PATCH"},
}


def _boards(fake: Any) -> Any:
    """Every board's JSON with its items, connectors and tags, as Miro lists them."""
    import miro

    api = miro.MiroApi(fake.token, base_url=fake.url)
    out = []
    for board in api.request("GET", "/v2/boards", params={"limit": "50"})["data"]:
        path = f"/v2/boards/{board['id']}"
        board["items"] = api.request("GET", f"{path}/items", params={"limit": 50})["data"]
        board["connectors"] = api.request("GET", f"{path}/connectors", params={"limit": 50})["data"]
        board["tags"] = api.request("GET", f"{path}/tags", params={"limit": "50"})["data"]
        out.append(board)
    api.close()
    return out


def run_program(name: str, official: bool, tmp: Path) -> Dict[str, Any]:
    """The program's result and the final boards, under one client."""
    who = "official" if official else "shim"
    with FakeMiro() as fake:
        if name in FAULTS:
            fake.fail_next(**FAULTS[name])
        config, out = tmp / f"{name}-{who}.json", tmp / f"{name}-{who}-out.json"
        config.write_text(json.dumps({"token": fake.token, "url": fake.url}))
        env = {k: v for k, v in os.environ.items() if not k.startswith("MIRO_")}
        env["PYTHONPATH"] = str(official_dir() if official else REPO)
        done = subprocess.run(
            [sys.executable, str(PROGRAMS / "run.py"), name, str(config), str(out)],
            env=env,
            cwd=str(tmp),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"{name} under the {who} client:\n{done.stderr[-3000:]}"
        result = {"result": json.loads(out.read_text()), "boards": _boards(fake)}
        return normalize(result, fake.url)


@pytest.mark.parametrize("name", NAMES)
def test_program_runs_the_same_under_both_clients(name: str, tmp_path: Path) -> None:
    theirs = run_program(name, True, tmp_path)
    ours = run_program(name, False, tmp_path)
    assert ours["result"] == theirs["result"]
    assert ours["boards"] == theirs["boards"]
