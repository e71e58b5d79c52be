"""Speed and memory of `miro` beside the official `miro_api`, against one FakeMiro.

    python benchmarks/bench.py [--runs 5]

Each client runs in its own virtualenv under benchmarks/.venvs (created on first use: the
official package is `miro_api==2.2.4` from PyPI). The fake is seeded once with 2,000 items;
every workload runs several times and the median is reported, with the ratio
official/ours (above 1: `miro` is faster or smaller).
"""

import argparse
import json
import pathlib
import subprocess
import sys
import venv

import requests

from miro.testing import FakeMiro

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
VENVS = HERE / ".venvs"
CLIENTS = {"miro": ["-e", str(ROOT)], "miro_api": ["miro_api==2.2.4"]}


def python_for(name):
    home = VENVS / name
    python = home / "bin" / "python"
    if not python.exists():
        venv.create(home, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *CLIENTS[name]], check=True)
    return python


def seed(fake, count):
    headers = {"Authorization": f"Bearer {fake.token}"}
    board = requests.post(f"{fake.url}/v2/boards", json={"name": "bench"}, headers=headers).json()[
        "id"
    ]
    with requests.Session() as session:
        session.headers.update(headers)
        for start in range(0, count, 20):
            body = [
                {"type": "sticky_note", "data": {"content": f"note {i}"}}
                for i in range(start, start + 20)
            ]
            session.post(f"{fake.url}/v2/boards/{board}/items/bulk", json=body).raise_for_status()
        page = session.get(f"{fake.url}/v2/boards/{board}/items", params={"limit": "50"}).json()
    return board, page


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pythons = {name: python_for(name) for name in CLIENTS}
    with FakeMiro() as fake:
        board, page = seed(fake, 2000)
        results = {}
        for name, python in pythons.items():
            out = subprocess.run(
                [
                    str(python),
                    str(HERE / "workload.py"),
                    name,
                    fake.url,
                    fake.token,
                    board,
                    str(args.runs),
                ],
                input=json.dumps(page),
                capture_output=True,
                text=True,
                check=True,
            )
            results[name] = json.loads(out.stdout)
    title = f"workload (median of {args.runs} runs)"
    print(f"{title:44} {'miro':>10} {'miro_api':>10} {'ratio':>7}")
    for workload in results["miro"]:
        ours, theirs = results["miro"][workload][0], results["miro_api"][workload][0]
        unit = "" if "MiB" in workload else " s"
        print(f"{workload:44} {ours:>8.3f}{unit:2} {theirs:>8.3f}{unit:2} {theirs / ours:>6.2f}x")


if __name__ == "__main__":
    sys.exit(main())
