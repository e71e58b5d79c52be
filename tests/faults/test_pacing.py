"""Credit-aware pacing (issue #12.9): requests wait for the window to refill instead of
drawing 429s, the budget is shared by a client's threads, and work far from the limit
does not wait at all.

The fake's one-minute credit window runs on a virtual clock here (the fake's ``time``
and the pacer's clock are the same object), so minutes pass in milliseconds.
"""

from __future__ import annotations

import threading
import time
import types

import pytest

import miro
from miro.core.pacing import RESET_MARGIN, Pacer


class Clock:
    """Virtual epoch time; ``sleep`` advances it instead of waiting."""

    def __init__(self) -> None:
        self.now = time.time()
        self.lock = threading.Lock()
        self.slept = []

    def time(self) -> float:
        with self.lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.slept.append(seconds)
            self.now += max(0.0, seconds)


@pytest.fixture
def clock(monkeypatch):
    import miro.testing._fake.server as server

    clock = Clock()
    monkeypatch.setattr(server, "time", types.SimpleNamespace(time=clock.time, sleep=time.sleep))
    return clock


@pytest.fixture
def limited(clock):
    from miro.testing import FakeMiro

    with FakeMiro(rate_limit=1000) as fake:  # 10 item creates (level 2) per minute
        yield fake


def client(fake, clock, pacing=True):
    api = miro.MiroApi(fake.token, base_url=fake.url, pacing=pacing, max_retry_wait=120)
    api._transport._sleep = clock.sleep
    if pacing:
        api._transport.pacer = Pacer(clock=clock.time, sleep=clock.sleep)
    return api


def answers_429(fake):
    return sum(1 for e in fake.exchanges if e.status == 429)


def test_a_job_three_times_the_budget_draws_no_429(limited, clock):
    api = client(limited, clock)
    board = api.boards.create(name="paced")
    # The board costs 500 of 1000, each note 100: 5 + 10 + 10 notes fill three windows.
    notes = [board.items.sticky_notes.create(content=str(i)) for i in range(25)]
    assert len(notes) == 25 and answers_429(limited) == 0
    assert len(clock.slept) == 2  # the budget ran out twice: two waits for a refill
    assert all(55 < wait <= 60 + RESET_MARGIN + 1 for wait in clock.slept)


def test_without_pacing_the_same_job_runs_into_a_429(limited, clock):
    api = client(limited, clock, pacing=False)
    api._transport.max_retries = 0
    board = api.boards.create(name="unpaced")
    with pytest.raises(miro.errors.RateLimited):
        for i in range(25):
            board.items.sticky_notes.create(content=str(i))
    assert answers_429(limited) == 1  # what pacing avoids


def test_threads_of_one_client_share_the_budget(limited, clock):
    api = client(limited, clock)
    board = api.boards.create(name="threads")
    errors = []

    def work(start):
        try:
            for i in range(start, start + 6):
                board.items.sticky_notes.create(content=str(i))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(k * 6,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and answers_429(limited) == 0
    assert len(limited.store.items[board.id]) == 24


def test_work_far_from_the_limit_never_waits(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    board = api.boards.create(name="free")
    for i in range(20):
        board.items.sticky_notes.create(content=str(i))
    pacer = api._transport.pacer
    assert pacer is not None and pacer.waited == 0.0
    assert pacer.limit == 100_000 and pacer.remaining is not None


def test_pacer_learns_the_cost_and_waits_only_when_the_window_cannot_pay():
    now = [1000.0]
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    pacer = Pacer(clock=lambda: now[0], sleep=sleep)
    for remaining in (400, 300, 200, 100):  # each call costs 100 of 500
        pacer.acquire(max_wait=120)
        pacer.release(
            {"X-RateLimit-Limit": "500", "X-RateLimit-Remaining": str(remaining),
             "X-RateLimit-Reset": "1060"}
        )  # fmt: skip
    assert pacer.cost == 100 and waits == []
    pacer.acquire(max_wait=120)  # the last 100 credits: no wait
    pacer.release({"X-RateLimit-Limit": "500", "X-RateLimit-Remaining": "0",
                   "X-RateLimit-Reset": "1060"})  # fmt: skip
    pacer.acquire(max_wait=120)  # nothing left: wait for the refill
    assert waits == [60 + RESET_MARGIN]
    pacer.release({"X-RateLimit-Limit": "500", "X-RateLimit-Remaining": "400",
                   "X-RateLimit-Reset": "1121"})  # fmt: skip
    assert pacer.remaining == 400


def test_pacer_leaves_long_waits_to_the_429_path_and_ignores_bad_headers():
    pacer = Pacer(clock=lambda: 0.0, sleep=lambda s: pytest.fail("must not wait"))
    pacer.release({"X-RateLimit-Limit": "x", "X-RateLimit-Remaining": "nan"})
    pacer.acquire(max_wait=1)
    pacer.release({"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0",
                   "X-RateLimit-Reset": "3600"})  # fmt: skip
    pacer.acquire(max_wait=1)  # would wait an hour: go, and let a 429 say so
    assert pacer.in_flight == 1


def test_answers_arriving_out_of_order_do_not_lower_the_cost():
    pacer = Pacer(clock=lambda: 1000.0, sleep=lambda s: None)
    for remaining in ("900", "700", "800", "600"):  # four threads: charged 9,8,7,6 hundred
        pacer.acquire(max_wait=1)
        pacer.release(
            {"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": remaining,
             "X-RateLimit-Reset": "1060"}
        )  # fmt: skip
    assert pacer.cost == 100 and pacer.remaining == 600
