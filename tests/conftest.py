"""Shared fixtures: a FakeMiro whose every exchange is checked against Miro's OpenAPI
description, and a ``MiroApi`` pointed at it.

* ``fake`` — a started ``miro.testing.FakeMiro``. At teardown every exchange it recorded
  (including any a test cleared with ``fake.clear_exchanges()``) is validated; a violation
  fails the test. A response that is a deliberately injected fault is exempt only when the
  spec does not declare its status (its request is still checked). FakeMiro marks such an
  exchange with a truthy ``injected`` (or ``fault``) attribute or an ``X-FakeMiro-Fault``
  response header.
* ``api`` — ``miro.MiroApi(fake.token, base_url=fake.url)``.
* ``spec_validator`` — the validator itself, for tests that check exchanges directly.
* ``@pytest.mark.contract_exempt("why")`` — a test that sends off-contract requests on
  purpose (e.g. to see the fake's 400) opts out of the check.

Operations exercised by the whole session are counted for the coverage report and listed
in the terminal summary. When the spec file is absent, exchanges are not checked and the
summary says why (tests/contract/spec.py: ``MIRO_OPENAPI_SPEC``) — except when ``CI`` is
set: then a missing spec stops the run before any test. The coverage table is printed once,
in the terminal summary, when ``test_coverage_report`` ran.
"""

from __future__ import annotations

import collections
import os
import time
from typing import Any, Counter, Iterator, List, Optional

import pytest

try:  # tests/ is a package
    from .contract import spec as contract_spec
except ImportError:  # tests/ is a rootdir-style directory
    from contract import spec as contract_spec  # type: ignore[no-redef]

#: operationId -> number of validated exchanges, over the whole session.
EXERCISED: Counter[str] = collections.Counter()
_STATS = {"exchanges": 0, "seconds": 0.0, "exempt": 0}

FAULT_HEADER = "x-fakemiro-fault"


def pytest_configure(config: pytest.Config) -> None:
    """Register the opt-out marker; under CI, refuse to run without the spec."""
    config.addinivalue_line(
        "markers", "contract_exempt(reason): do not check this test's exchanges against the spec"
    )
    config.addinivalue_line(
        "markers", "generated: checks a generated file (CI runs these under several hash seeds)"
    )
    reason = contract_spec.unavailable_reason()
    if reason and os.environ.get("CI"):
        # Locally the contract tests skip, saying why; in CI a missing spec would turn
        # ~160 contract tests into silent skips, so it is an error.
        raise pytest.UsageError(f"CI is set but the contract tests cannot run: {reason}")


def contract_validator() -> Optional[Any]:
    """The session's spec validator, or ``None`` when the spec file is absent."""
    if contract_spec.unavailable_reason():
        return None
    try:
        from .contract.validator import get_validator
    except ImportError:
        from contract.validator import get_validator  # type: ignore[no-redef]
    return get_validator()


def is_injected_fault(exchange: Any) -> bool:
    """Whether FakeMiro marked this exchange as a fault it injected on request.

    FakeMiro marks one with an ``injected``/``fault`` attribute on the exchange or an
    ``X-FakeMiro-Fault`` response header.
    """
    if getattr(exchange, "injected", False) or getattr(exchange, "fault", None):
        return True
    return any(k.lower() == FAULT_HEADER for k in (exchange.response_headers or {}))


def check_exchanges(exchanges: List[Any]) -> List[str]:
    """Validate ``exchanges``; returns one message per violation (and counts coverage)."""
    validator = contract_validator()
    if validator is None or not exchanges:
        return []
    started = time.perf_counter()
    problems: List[str] = []
    for exchange in exchanges:
        if validator.unspecified(exchange.method, exchange.path):
            continue
        try:
            route = validator.match(
                exchange.method,
                exchange.path,
                exchange.query,
                exchange.request_headers,
                exchange.request_body,
            )
            validator.validate_request(route, exchange)
            if is_injected_fault(exchange) and not validator.declares_status(
                route, exchange.status
            ):
                _STATS["exempt"] += 1
            else:
                validator.validate_response(route, exchange)
            if 200 <= exchange.status < 300:
                EXERCISED[route.operation_id] += 1
        except AssertionError as exc:
            problems.append(str(exc))
    _STATS["exchanges"] += len(exchanges)
    _STATS["seconds"] += time.perf_counter() - started
    return problems


def _start_fake() -> Any:
    try:
        from miro.testing import FakeMiro
    except ImportError as exc:  # pragma: no cover - only while FakeMiro is being written
        pytest.skip(f"miro.testing.FakeMiro is not importable yet: {exc}")
    fake = FakeMiro()
    if hasattr(fake, "__enter__"):
        fake = fake.__enter__() or fake
    elif callable(getattr(fake, "start", None)):
        fake.start()
    return fake


def _stop_fake(fake: Any) -> None:
    if hasattr(fake, "__exit__"):
        fake.__exit__(None, None, None)
    elif callable(getattr(fake, "stop", None)):
        fake.stop()
    elif callable(getattr(fake, "close", None)):
        fake.close()


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A running FakeMiro; its exchanges are validated against the spec at teardown."""
    fake = _start_fake()
    cleared: List[Any] = []
    clear = getattr(fake, "clear_exchanges", None)
    if callable(clear):

        def clear_after_keeping() -> None:
            cleared.extend(fake.exchanges)
            clear()

        fake.clear_exchanges = clear_after_keeping
    try:
        yield fake
        exchanges = cleared + list(fake.exchanges)
    finally:
        _stop_fake(fake)
    if request.node.get_closest_marker("contract_exempt"):
        return
    problems = check_exchanges(exchanges)
    if problems:
        shown = "\n\n".join(problems[:10])
        more = f"\n\n(+{len(problems) - 10} more)" if len(problems) > 10 else ""
        pytest.fail(
            f"{len(problems)} of {len(exchanges)} exchanges violate Miro's OpenAPI spec:\n\n"
            f"{shown}{more}",
            pytrace=False,
        )


@pytest.fixture
def api(fake: Any) -> Iterator[Any]:
    """``miro.MiroApi`` for the fake's token and URL."""
    import miro

    client = miro.MiroApi(fake.token, base_url=fake.url)
    yield client
    close = getattr(client, "close", None)
    if callable(close):
        close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say how many exchanges were checked, how fast, and how many operations they hit;
    print the coverage table once, if ``test_coverage_report`` ran."""
    table = _coverage_table(terminalreporter.config)
    if table:
        terminalreporter.write_sep("-", "Coverage of Miro's spec")
        terminalreporter.write_line(table)
    reason = contract_spec.unavailable_reason()
    if reason:
        terminalreporter.write_sep("-", "OpenAPI contract")
        terminalreporter.write_line(f"exchanges NOT checked: {reason}")
        return
    if not _STATS["exchanges"]:
        return
    spec = contract_spec.get_spec()
    per = 1000 * _STATS["seconds"] / _STATS["exchanges"]
    terminalreporter.write_sep("-", "OpenAPI contract")
    terminalreporter.write_line(
        f"{_STATS['exchanges']} exchanges checked in {_STATS['seconds']:.2f}s "
        f"({per:.2f} ms each; {_STATS['exempt']} injected faults exempt); "
        f"spec loaded+repaired in {1000 * (spec.load_seconds + spec.repair_seconds):.0f} ms"
    )
    terminalreporter.write_line(
        f"operations exercised with a 2xx: {len(EXERCISED)}/{len(spec.operations)}"
    )
    try:
        from miro.core.registry import operations

        claimed = {record.operation_id for record in operations()}
    except Exception:  # the SDK is not importable: nothing more to say
        return
    idle = sorted(claimed - set(EXERCISED))
    if idle:
        terminalreporter.write_line(f"implemented but not exercised: {', '.join(idle)}")


def _coverage_table(config: pytest.Config) -> Optional[str]:
    try:
        from .contract.coverage import REPORT
    except ImportError:
        from contract.coverage import REPORT  # type: ignore[no-redef]
    return config.stash.get(REPORT, None)


@pytest.fixture(scope="session")
def spec_validator() -> Any:
    """The session's :class:`~contract.validator.SpecValidator` (skips without the spec)."""
    reason = contract_spec.unavailable_reason()
    if reason:
        pytest.skip(reason)
    return contract_validator()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Redis: ``MIRO_TEST_REDIS_URL`` (CI starts one), else a ``redis-server`` this
    fixture starts on a free port. Skips when neither exists, unless ``MIRO_REQUIRE_REDIS``
    is set (CI), where it fails instead."""
    import os
    import shutil
    import subprocess

    redis = pytest.importorskip("redis")
    url = os.environ.get("MIRO_TEST_REDIS_URL")
    process = None
    if not url:
        binary = shutil.which("redis-server")
        if binary is None:
            message = "no redis-server on PATH and MIRO_TEST_REDIS_URL is not set"
            if os.environ.get("MIRO_REQUIRE_REDIS"):
                pytest.fail(message)
            pytest.skip(message)
        port = _free_port()
        workdir = tmp_path_factory.mktemp("redis")
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
             "no", "--dir", str(workdir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                pytest.fail(f"Redis at {url} did not answer within 10 s")
            time.sleep(0.05)
    try:
        yield url
    finally:
        client.close()
        if process is not None:
            process.terminate()
            process.wait(10)
