"""CI must not turn the contract tests into silent skips, and the coverage table is
printed once per run, in the summary (issue #12, "Must show")."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ONE_TEST = (
    "tests/faults/test_pacing.py::"
    + "test_pacer_leaves_long_waits_to_the_429_path"
    + ("_and_ignores_bad_headers")
)


def pytest_run(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_ci_fails_when_the_spec_is_missing(tmp_path):
    missing = str(tmp_path / "nowhere.json")
    failed = pytest_run(ONE_TEST, CI="true", MIRO_OPENAPI_SPEC=missing)
    assert failed.returncode != 0
    assert "CI is set but the contract tests cannot run" in failed.stdout + failed.stderr
    local = pytest_run(ONE_TEST, MIRO_OPENAPI_SPEC=missing)
    assert local.returncode == 0 and "exchanges NOT checked" in local.stdout


def test_the_coverage_table_is_printed_once_in_the_summary():
    from tests.contract import spec

    if spec.unavailable_reason():
        pytest.skip(spec.unavailable_reason())
    run = pytest_run("tests/contract/test_coverage.py::test_coverage_report", ONE_TEST)
    assert run.returncode == 0, run.stdout[-2000:]
    assert run.stdout.count("Coverage of Miro's spec") == 1
    table_at = run.stdout.index("Coverage of Miro's spec")
    assert run.stdout.index("passed") < table_at or "passed" in run.stdout[table_at:]
    quiet = pytest_run(ONE_TEST)
    assert "Coverage of Miro's spec" not in quiet.stdout
