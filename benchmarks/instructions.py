"""Client-side instructions per workload, counted by callgrind: figures the machine's load
barely moves (wall-clock ratios on a shared 2-core machine swing by ±0.5 between rounds).

    python benchmarks/instructions.py [--workloads iterate create get script] [--official]

Each client runs ``benchmarks/workload.py`` under ``valgrind --tool=callgrind`` against the
loopback stub, which runs in this process and is not counted. A workload runs once and
then three times after the same warm-up; the difference over two is the instructions of
one run (start-up, imports and the warm-up cancel out). ``script`` counts a whole cold
process instead (benchmarks/script.py: interpreter start, import, client, 5,000 items),
reading compiled bytecode as bench.py's processes do. ``PYTHONHASHSEED`` is fixed; a
second run comes within 0.1%. The official client is slow under callgrind (several
minutes per workload): it is counted with ``--official``. Needs valgrind (Debian's
``valgrind`` package).
"""

import argparse
import json
import re
import shutil
import subprocess
import sys

from bench import BIG, HERE, client_env, cold_script, official_python, template_item
from stub import BOARD_ID, Stub

WORKLOADS = ("iterate", "create", "get", "script")
UNITS = {"iterate": "per item (5,000)", "create": "per note (1,000)", "get": "per GET",
         "script": "cold script, whole process"}  # fmt: skip
PER = {"iterate": 5000, "create": 1000, "get": 200, "script": 1}


def callgrind(argv, env):
    """Instructions of the process ``argv``, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *map(str, argv)],
        capture_output=True, text=True, env=dict(env, PYTHONHASHSEED="0"),
    )  # fmt: skip
    if done.returncode:
        raise SystemExit(f"{argv[1:]} failed:\n{done.stderr}")
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def instructions(python, kind, config, workload, runs):
    """Instructions of a whole ``workload.py`` process doing ``runs`` runs of ``workload``."""
    config = dict(config, runs=runs, workloads=[workload])
    argv = [python, HERE / "workload.py", kind, json.dumps(config)]
    return callgrind(argv, client_env(kind))


def per_run(python, kind, config, workload):
    """Instructions of one run of ``workload`` (three runs minus one, over two); of the
    whole process for ``script``."""
    if workload == "script":
        cold_script(python, kind, config["fast"])  # fills the bytecode cache first
        return callgrind([python, HERE / "script.py", kind, config["fast"], BOARD_ID],
                         client_env(kind))  # fmt: skip
    # Fill the bytecode cache first (bench.py's is new in each run): otherwise the first
    # process counted compiles every module it imports and "once" outweighs "thrice".
    warm = dict(config, runs=0, workloads=[workload])
    subprocess.run([python, HERE / "workload.py", kind, json.dumps(warm)],
                   capture_output=True, check=True, env=client_env(kind))  # fmt: skip
    once = instructions(python, kind, config, workload, 1)
    thrice = instructions(python, kind, config, workload, 3)
    return (thrice - once) / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", nargs="+", choices=WORKLOADS, default=list(WORKLOADS))
    parser.add_argument("--official", action="store_true", help="count miro_api too (slow)")
    parser.add_argument("--json", default=str(HERE / "instructions.json"))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    pythons = {"raw": sys.executable, "miro": sys.executable}
    if args.official:
        pythons["miro_api"] = official_python()
    template, board = template_item()
    counts = {}
    with Stub(template, board, 5000) as fast:
        config = {"fast": fast.url, "big": fast.url, "slow": fast.url, "board": BOARD_ID,
                  "calls": PER["get"], "big_count": BIG}  # fmt: skip
        for workload in args.workloads:
            counts[workload] = {
                kind: per_run(python, kind, config, workload) for kind, python in pythons.items()
            }
    print(
        "| workload | raw requests+json | miro | miro ÷ raw |"
        + (" official | miro ÷ official |" if args.official else "")
    )
    print("|---|---:|---:|---:|" + ("---:|---:|" if args.official else ""))
    for workload, by_kind in counts.items():
        raw, ours = by_kind["raw"], by_kind["miro"]
        cells = [f"{workload} ({UNITS[workload]})", f"{raw / PER[workload]:,.0f}",
                 f"{ours / PER[workload]:,.0f}", f"{ours / raw:.2f}×"]  # fmt: skip
        if args.official:
            official = by_kind["miro_api"]
            cells += [f"{official / PER[workload]:,.0f}", f"{ours / official:.2f}×"]
        print("| " + " | ".join(cells) + " |")
    with open(args.json, "w") as out:
        json.dump(counts, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    sys.exit(main())
