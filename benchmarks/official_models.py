"""What building request bodies with ``miro_api.models`` costs, ours against the official
pydantic models (no network).

    python benchmarks/official_models.py [--runs 7]

Builds a ``StickyNoteCreateRequest`` from nested keyword models, assigns a nested field
and takes its ``to_dict()``, 1,000 times; best of ``--runs`` runs, µs per body. The
official client runs in a subprocess with ``MIRO_OFFICIAL_CLIENT`` first on ``PYTHONPATH``
(its top-level package has our shim's name); without it only ours is measured.
"""

import argparse
import os
import subprocess
import sys

WORK = """
import time
from miro_api.models import (
    FixedRatioNoRotationGeometry, PositionChange, StickyNoteCreateRequest, StickyNoteData,
    StickyNoteStyle,
)

def body(i):
    made = StickyNoteCreateRequest(
        data=StickyNoteData(content=f"note {i}", shape="square"),
        style=StickyNoteStyle(fillColor="light_yellow"),
        position=PositionChange(x=i, y=0),
        geometry=FixedRatioNoRotationGeometry(width=200),
    )
    made.style.fill_color = "yellow"
    return made.to_dict()

body(0)
best = None
for _ in range(RUNS):
    start = time.perf_counter()
    for i in range(1000):
        body(i)
    took = (time.perf_counter() - start) / 1000 * 1e6
    best = took if best is None else min(best, took)
print(f"{best:.1f}")
"""


def measure(pythonpath, runs):
    env = dict(os.environ, PYTHONPATH=pythonpath)
    code = WORK.replace("RUNS", str(runs))
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    return float(done.stdout.split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ours = measure(repo, args.runs)
    print(f"ours:     {ours:7.1f} µs per body")
    official = os.environ.get("MIRO_OFFICIAL_CLIENT")
    if official:
        theirs = measure(official, args.runs)
        print(f"official: {theirs:7.1f} µs per body ({ours / theirs:.2f}× ours/official)")


if __name__ == "__main__":
    main()
