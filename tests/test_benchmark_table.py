"""The benchmark table: its ratios are medians of each round's ratio, and the README and the
speed guide show the rows the performance issue sets goals for (no timing here: the
figures below are made up, the arithmetic and the pages are what is checked)."""

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
bench = pytest.importorskip("bench")


def rounds():
    raw = {
        "script": [1.0, 2.0, 3.0],
        "first_call": [0.1, 0.1, 0.1],
        "iterate": [1.0] * 3,
        "get": [1e-3] * 3,
        "create": [1.0] * 3,
        "memory": [3000.0],
        "import": [0.1] * 3,
    }
    ours = {
        "script": [2.0, 2.0, 6.0],
        "first_call": [0.15, 0.14, 0.13],
        "iterate": [1.1] * 3,
        "get": [5e-4] * 3,
        "create": [1.0] * 3,
        "memory": [900.0],
        "import": [0.01] * 3,
        "import_client": [0.11] * 3,
        "import_items": [0.15] * 3,
    }
    return {"raw": raw, "miro": ours, "miro_api": {"script": [20.0] * 3}}  # fmt: skip


def test_a_ratio_is_the_median_of_the_rounds_ratios_and_a_difference_is_shown():
    table = {row["key"]: row for row in bench.rows(rounds())}
    script = table["script"]
    assert script["miro/raw"] == 2.0  # rounds' ratios 2, 1, 2 (the medians' ratio is 1)
    assert script["raw"] == 2.0 and script["miro"] == 2.0
    assert script["miro/miro_api"] == pytest.approx(0.1)
    first = table["first_call"]
    assert first["miro-raw"] == pytest.approx(40.0)  # ms above raw: the absolute goal
    assert "(here +40 ms)" in bench.render(list(table.values()), 5, 15)
    assert table["import_items"]["miro-raw"] == pytest.approx(50.0)


def test_the_readme_shows_the_goal_rows_and_the_guide_every_row():
    labels = {row["key"]: row["workload"] for row in bench.rows(rounds())}
    summary = bench.render(bench.rows(rounds()), 5, 15, bench.SUMMARY)
    assert [ln.split(" | ")[0][2:] for ln in summary.splitlines()[4:]] == [
        labels[key] for key in bench.SUMMARY
    ]
    for page, keys in ((ROOT / "README.md", bench.SUMMARY),
                       (ROOT / "docs" / "guides" / "performance.md", labels)):  # fmt: skip
        shown = page.read_text(encoding="utf-8").split(bench.START)[1].split(bench.END)[0]
        rows = [ln for ln in shown.splitlines() if ln.startswith("| ")][1:]
        assert [ln.split(" | ")[0][2:] for ln in rows] == [labels[key] for key in keys], page
