"""`miro` beside raw `requests` + `json` and the official `miro_api`, in one command.

    python benchmarks/bench.py [--runs 5] [--cold-runs 15] [--json benchmarks/results.json]
                               [--docs]

Every workload runs in a fresh interpreter per client against loopback stubs
(benchmarks/stub.py) whose items are copies of a real FakeMiro sticky note. The official
client is `miro_api==2.2.4`: the directory ``MIRO_OFFICIAL_CLIENT`` names (``pip install
--target``), else installed from PyPI on first use into its own virtualenv under
benchmarks/.venvs (its package name is the one our drop-in shim uses, so it never shares
an environment with this project). Every client process reads compiled bytecode as an
installed package does (``PYTHONPYCACHEPREFIX``, a temporary directory filled by a first
run), also where ``PYTHONDONTWRITEBYTECODE`` is set. A cold script (benchmarks/script.py:
interpreter start, import, client, 5,000 items) is timed whole, with the time to its
first item. Each round runs every client once, starting with a different one each round,
so a burst of load on the machine is spread over the clients: ``--runs`` rounds of the
workloads, ``--cold-runs`` rounds of the cold script and the imports (cheap, and the
noisiest figures: a whole process swings by a tenth between rounds on a quiet machine).
Each figure is the median of its rounds and each ratio the median of the rounds' ratios
(memory is measured in the first round only). The table shows the ratios the performance
issue sets targets for, and is written as JSON (and, with ``--docs``, into the table of
docs/guides/performance.md and the README's summary of it).
"""

import argparse
import datetime
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import venv

import requests
from stub import BOARD_ID, Stub

from miro.testing import FakeMiro

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
OFFICIAL = "miro_api==2.2.4"
BIG = 100_000
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"


def official_dir():
    """``MIRO_OFFICIAL_CLIENT``, when it holds the official package (else None)."""
    value = os.environ.get("MIRO_OFFICIAL_CLIENT")
    if value and (pathlib.Path(value) / "miro_api" / "__init__.py").is_file():
        return pathlib.Path(value)
    return None


def official_python():
    """The interpreter for the official client: this one when ``MIRO_OFFICIAL_CLIENT``
    holds it (see :func:`client_env`), else its own virtualenv's (created on first use)."""
    if official_dir() is not None:
        return pathlib.Path(sys.executable)
    home = HERE / ".venvs" / "miro_api"
    python = home / "bin" / "python"
    if not python.exists():
        venv.create(home, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", OFFICIAL], check=True)
    return python


def template_item():
    """A sticky note and a board exactly as FakeMiro lists them."""
    with FakeMiro() as fake:
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {fake.token}"
            board = session.post(f"{fake.url}/v2/boards", json={"name": "bench"}).json()
            notes = f"{fake.url}/v2/boards/{board['id']}/sticky_notes"
            session.post(notes, json={"data": {"content": "x"}}).raise_for_status()
            page = session.get(f"{fake.url}/v2/boards/{board['id']}/items").json()
    return page["data"][0], board


#: Where every client process keeps its compiled bytecode (made once per run).
PYCACHE = tempfile.mkdtemp(prefix="miro-bench-pycache-")


def client_env(kind):
    """The environment of a client's process: compiled bytecode cached as for an installed
    package; the official client alone on ``PYTHONPATH`` (our shim has its name)."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=PYCACHE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if kind == "miro_api":
        env.pop("PYTHONPATH", None)
        if official_dir() is not None:
            env["PYTHONPATH"] = str(official_dir())
    return env


def import_seconds(python, kind, statement):
    """Seconds of ``statement`` in a fresh interpreter (outside this checkout, so the
    official package is not shadowed by our shim)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                          check=True, cwd="/", env=client_env(kind))  # fmt: skip
    return float(done.stdout)


def cold_script(python, kind, url):
    """One cold script (benchmarks/script.py) listing every item of ``url``'s board:
    (seconds of the whole process, seconds from its first line to its first item)."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(python), str(HERE / "script.py"), kind, url, BOARD_ID],
        capture_output=True, text=True, env=client_env(kind), timeout=600,
    )  # fmt: skip
    whole = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"{kind} script failed:\n{done.stderr}")
    answer = json.loads(done.stdout)
    assert answer["items"] == 5000, answer
    return whole, answer["first"]


def run_workloads(python, kind, config, workloads):
    """One round of ``workloads`` for one client: the median of each, from one process."""
    config = dict(config, workloads=workloads)
    out = subprocess.run(
        [str(python), str(HERE / "workload.py"), kind, json.dumps(config)],
        capture_output=True,
        text=True,
        timeout=3600,
        env=client_env(kind),
    )
    if out.returncode:
        raise SystemExit(f"{kind} failed:\n{out.stderr}")
    return {name: statistics.median(values) for name, values in json.loads(out.stdout).items()}


#: Workloads whose figure does not depend on the machine's load: measured in one round only.
ONCE = ("memory", "stream")

#: (client, name, python kind, statement) of the import figures.
IMPORTS = (
    ("raw", "import", "raw", "import requests"),
    ("miro", "import", "miro", "import miro"),
    ("miro", "import_client", "miro", "import miro; miro.MiroApi('token')"),
    (
        "miro",
        "import_items",
        "miro",
        "import miro; miro.MiroApi('token').boards.get('b', lazy=True).items",
    ),
    ("miro_api", "import", "miro_api", "import miro_api"),
)


def rotated(sequence, round_number):
    """``sequence`` started at a different place each round, so a burst of load on the
    machine does not always fall on the same client."""
    shift = round_number % len(sequence)
    return list(sequence[shift:]) + list(sequence[:shift])


def measure(runs, cold_runs):
    """Every figure of the table, by client: rounds that each run every client once in
    turn (``runs`` of the workloads, ``cold_runs`` of the cold script and the imports);
    the rounds' figures per client and workload."""
    template, board = template_item()
    pythons = {"miro_api": official_python(), "raw": sys.executable, "miro": sys.executable}
    common = ["iterate", "get", "create", "memory"]
    wanted = {
        "raw": common + ["stream", "create_slow"],
        "miro": common + ["stream", "create_slow", "create_slow_workers"],
        "miro_api": common,
    }
    rounds = {kind: {} for kind in pythons}

    def record(kind, name, value):
        rounds[kind].setdefault(name, []).append(value)

    with (
        Stub(template, board, 5000) as fast,
        Stub(template, board, BIG) as big,
        Stub(template, board, 5000, delay=0.02) as slow,
    ):
        config = {
            "fast": fast.url, "big": big.url, "slow": slow.url, "board": BOARD_ID,
            "runs": 5, "calls": 200, "big_count": BIG,
        }  # fmt: skip
        for kind in pythons:  # fills the bytecode cache, as an installed package has one
            cold_script(pythons[kind], kind, fast.url)
        for number in range(max(runs, cold_runs)):
            for kind in rotated(list(pythons), number):
                if number < cold_runs:
                    whole, first = cold_script(pythons[kind], kind, fast.url)
                    record(kind, "script", whole)
                    record(kind, "first_call", first)
                if number < runs:
                    workloads = [w for w in wanted[kind] if number == 0 or w not in ONCE]
                    measured = run_workloads(pythons[kind], kind, config, workloads)
                    for name, value in measured.items():
                        record(kind, name, value)
            if number < cold_runs:
                for kind, name, python, statement in rotated(IMPORTS, number):
                    record(kind, name, import_seconds(pythons[python], python, statement))
    return rounds


def _ratio(a, b):
    return None if a is None or b is None or not b else a / b


def rows(rounds):
    """The table: (what, unit, raw, miro, official, miro/raw, miro/official, target). Each
    figure is the median of its rounds; each ratio the median of the rounds' ratios."""
    raw, ours, official = rounds["raw"], rounds["miro"], rounds["miro_api"]
    table = []

    def median(values):
        return None if not values else statistics.median(values)

    def ratio(mine, theirs):
        if not mine or not theirs:
            return None
        if len(mine) != len(theirs):
            return median(mine) / median(theirs)
        return statistics.median(m / t for m, t in zip(mine, theirs))

    def row(what, unit, key, target, scale=1.0, raw_key=None, ours_key=None):
        r, m, o = raw.get(raw_key or key), ours.get(ours_key or key), official.get(key)
        table.append({
            "workload": what, "unit": unit, "key": ours_key or key,
            "raw": None if r is None else median(r) * scale,
            "miro": None if m is None else median(m) * scale,
            "miro_api": None if o is None else median(o) * scale,
            "miro/raw": ratio(m, r), "miro/miro_api": ratio(m, o), "target": target,
            "miro-raw": None if m is None or r is None else (median(m) - median(r)) * scale,
        })  # fmt: skip

    row("cold script: start, import, client, list 5,000 items", "s", "script",
        "≤1.3 raw (aim 1.15)")  # fmt: skip
    row("first call: import, client, first item of board.items", "ms", "first_call",
        "≤ raw + 100 ms", scale=1e3)  # fmt: skip
    row("iterate 5,000 items (100 pages)", "s", "iterate", "≤1.2 raw, ≤0.1 official")
    row("one GET of a board", "µs", "get", "≤1.3 raw", scale=1e6)
    row("create 1,000 notes in bulk", "s", "create", "≤1.05 raw")
    row("create 200 notes, server 20 ms, workers=8", "s", "create_slow", "≤0.33 sequential",
        ours_key="create_slow_workers")  # fmt: skip
    row("import (raw: requests)", "ms", "import", "≤1.2 raw, ≤0.25 official", scale=1e3)
    row("import miro + a token client: miro.MiroApi(token)", "ms", "import",
        "≤1.2 raw, ≤0.25 official", scale=1e3, ours_key="import_client")  # fmt: skip
    row("… + its first board.items (loads what a listing needs)", "ms", "import",
        "≤ raw + 100 ms", scale=1e3, ours_key="import_items")  # fmt: skip
    row("memory held per item, list() of 20,000", "B", "memory", "≤1,000 B")
    row("streaming 100,000 items: memory growth", "MiB", "stream", "≤20 MiB")
    return table


#: The rows the README shows: the goals of the performance issue.
SUMMARY = ("script", "first_call", "iterate", "get", "create", "memory")


def render(table, runs, cold_runs, keys=None):
    """The table as Markdown (only the rows of ``keys``, when given)."""

    def num(value, unit):
        if value is None:
            return "—"
        if unit in ("B", "µs", "ms"):
            return f"{value:,.0f} {unit}"
        return f"{value:.3f} {unit}" if unit == "s" else f"{value:.1f} {unit}"

    def ratio(value):
        return "—" if value is None else f"{value:.2f}×"

    def target(r):  # an absolute target shows the difference it is about
        if "+" not in r["target"] or r["miro-raw"] is None:
            return r["target"]
        return f"{r['target']} (here {r['miro-raw']:+,.0f} {r['unit']})"

    lines = [
        f"Medians of {runs} rounds ({cold_runs} for the cold script, the first call and the "
        f"imports; each round runs every client in turn), {datetime.date.today()}, "
        f"Python {platform.python_version()}, loopback stub (benchmarks/stub.py).",
        "",
        "| workload | raw requests+json | miro | official miro_api | miro ÷ raw "
        "| miro ÷ official | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in table:
        if keys is not None and r["key"] not in keys:
            continue
        lines.append(
            f"| {r['workload']} | {num(r['raw'], r['unit'])} | {num(r['miro'], r['unit'])} "
            f"| {num(r['miro_api'], r['unit'])} | {ratio(r['miro/raw'])} "
            f"| {ratio(r['miro/miro_api'])} | {target(r)} |"
        )
    return "\n".join(lines)


def update_docs(markdown, summary):
    """Put the table between the benchmark markers of the speed guide, and the rows of its
    goals between those of the README."""
    for page, text in ((ROOT / "docs" / "guides" / "performance.md", markdown),
                       (ROOT / "README.md", summary)):  # fmt: skip
        head, rest = page.read_text().split(START, 1)
        _, tail = rest.split(END, 1)
        page.write_text(f"{head}{START}\n{text}\n{END}{tail}")


def rounds_count(text):
    """A number of rounds: a whole number, at least 1 (every figure is a median of them)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a number of rounds is a whole number ≥ 1, got {text!r}")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=rounds_count, default=5, help="rounds of the workloads")
    parser.add_argument(
        "--cold-runs", type=rounds_count, default=15,
        help="rounds of the cold script and the imports",
    )  # fmt: skip
    parser.add_argument("--json", default=str(HERE / "results.json"))
    parser.add_argument(
        "--docs", "--readme", action="store_true",
        help="write the table into docs/guides/performance.md and its goal rows into README.md",
    )  # fmt: skip
    args = parser.parse_args()
    results = measure(args.runs, args.cold_runs)
    table = rows(results)
    markdown = render(table, args.runs, args.cold_runs)
    print(markdown)
    pathlib.Path(args.json).write_text(
        json.dumps({"runs": args.runs, "cold_runs": args.cold_runs,
                    "python": platform.python_version(), "rows": table, "rounds": results},
                   indent=2, ensure_ascii=False) + "\n"
    )  # fmt: skip
    if args.docs:
        update_docs(markdown, render(table, args.runs, args.cold_runs, SUMMARY))


if __name__ == "__main__":
    sys.exit(main())
