"""Credit-aware pacing: stay inside Miro's rate-limit budget instead of bouncing off it.

Miro counts credits per user and app over a one-minute window and reports, on every
answer, ``X-RateLimit-Limit`` (credits per window), ``X-RateLimit-Remaining`` and
``X-RateLimit-Reset`` (epoch seconds when the window refills; API-NOTES §6). A
:class:`Pacer` (one per client, shared by its threads) keeps the latest of those figures
and an estimate of what one call costs. Before a request it reserves that cost; when the
window cannot pay for it (counting the requests still in flight), the caller waits until
the window refills. Far from the limit nothing waits: the work runs at full speed, and
only the request that would have drawn a 429 is held back, like botocore's adaptive
retry mode but from Miro's own credit figures rather than from throttling errors.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Mapping, Optional

#: Seconds added to ``X-RateLimit-Reset``: it is whole seconds, the window may end later.
RESET_MARGIN = 1.0


def _number(headers: Mapping[str, str], name: str) -> Optional[float]:
    value = headers.get(name)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


class Pacer:
    """Holds requests back when the credit budget of the current window is spent.

    Args:
        clock: epoch-seconds clock (``time.time``); ``X-RateLimit-Reset`` is in epoch time.
        sleep: how to wait.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self.limit: Optional[float] = None
        self.remaining: Optional[float] = None
        self.reset: Optional[float] = None
        self.cost: Optional[float] = None  # credits one call costs, as observed
        self.in_flight = 0
        self.waited = 0.0  # seconds spent waiting, in all
        self._answers = 0  # answers seen in the current window
        self._top: Optional[float] = None  # the highest remaining figure they reported

    def __repr__(self) -> str:
        return (
            f"Pacer(limit={self.limit}, remaining={self.remaining}, cost={self.cost}, "
            f"in_flight={self.in_flight})"
        )

    def acquire(self, max_wait: float) -> None:
        """Reserve one call's credits, waiting (at most ``max_wait`` s) for a refill."""
        while True:
            with self._lock:
                wait = self._wait_needed()
                if wait <= 0 or wait > max_wait:
                    # Nothing to wait for, or a wait so long that the 429 path (which
                    # raises RateLimited with the reset time) must decide instead.
                    self.in_flight += 1
                    return
                self.waited += wait
            self._sleep(wait)

    def _wait_needed(self) -> float:
        if self.remaining is None or self.reset is None or self.cost is None:
            return 0.0
        now = self._clock()
        if now >= self.reset + RESET_MARGIN:
            self._new_window(self.limit, None)  # refilled since the last answer
            return 0.0
        if self.remaining - (self.in_flight + 1) * self.cost >= 0:
            return 0.0
        return self.reset + RESET_MARGIN - now

    def release(self, headers: Optional[Mapping[str, str]]) -> None:
        """Record a finished call and the budget its answer reports."""
        with self._lock:
            self.in_flight = max(0, self.in_flight - 1)
            if headers is None:
                return
            limit = _number(headers, "X-RateLimit-Limit")
            remaining = _number(headers, "X-RateLimit-Remaining")
            reset = _number(headers, "X-RateLimit-Reset")
            if limit is None or remaining is None or reset is None or limit <= 0:
                return
            self.limit = limit
            if self.reset is None or reset > self.reset:
                self.reset = reset  # a new window: its figures replace the old ones
                self._new_window(limit, remaining)
            elif reset < self.reset:
                return  # a late answer from the previous window
            self._answers += 1
            self._top = remaining if self._top is None else max(self._top, remaining)
            self.remaining = remaining if self.remaining is None else min(self.remaining, remaining)
            if self._answers >= 2 and self._top > self.remaining:
                # The answers seen were charged between the highest figure and the lowest,
                # in whatever order they arrived (threads): at most that many calls paid
                # for the drop, so this average never underestimates a uniform cost.
                self.cost = (self._top - self.remaining) / (self._answers - 1)
            elif self.cost is None and limit > remaining:
                self.cost = limit - remaining  # one call paid for what is spent so far

    def _new_window(self, limit: Optional[float], remaining: Optional[float]) -> None:
        self.remaining = limit if remaining is None else remaining
        self._top = None
        self._answers = 0
