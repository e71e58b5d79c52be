"""Credit-aware pacing: a long job against a small budget, with no 429 and no time lost.

    python benchmarks/pacing.py [--creates 2000] [--threads 4] [--compare]

FakeMiro counts credits per token over a one-minute window, as Miro does (API-NOTES §6:
a sticky-note create costs 100 credits, a board 500). Its ``rate_limit`` is set so that
``creates`` sticky notes need three windows: the budget runs out twice. The job runs on
``threads`` threads of one client (they share its pacer). Reported: answers of 429, the
total time, and the budget's minimum: two full windows plus the time the last window's
share of the work takes at full speed (measured in the first window). ``--compare`` runs
the same job with ``pacing=False`` too.
"""

import argparse
import math
import threading
import time

from miro import MiroApi
from miro.testing import FakeMiro

NOTE_COST = 100
BOARD_COST = 500
WINDOW = 60.0


def run(creates, threads, pacing):
    """One job; returns (seconds, answers of 429, seconds per create when unthrottled)."""
    budget = math.ceil((BOARD_COST + creates * NOTE_COST) / 3 / NOTE_COST) * NOTE_COST
    with FakeMiro(rate_limit=budget) as fake:
        api = MiroApi(fake.token, base_url=fake.url, pacing=pacing, max_retry_wait=120)
        started = time.monotonic()
        board = api.boards.create(name="pacing")
        first_window = (budget - BOARD_COST) // NOTE_COST
        done = []
        lock = threading.Lock()
        errors = []

        def work(numbers):
            try:
                for number in numbers:
                    board.items.sticky_notes.create(content=str(number))
                    with lock:
                        done.append(time.monotonic())
            except Exception as error:
                errors.append(error)

        # The first note alone: the converter builds its structure functions once, before
        # the threads share them.
        work([0])
        workers = [
            threading.Thread(target=work, args=(range(1 + k, creates, threads),))
            for k in range(threads)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        elapsed = time.monotonic() - started
        rejected = sum(1 for e in fake.exchanges if e.status == 429)
        done.sort()
        per_create = (done[first_window - 1] - started) / first_window
        if errors:
            print(f"  {len(errors)} threads failed, first: {errors[0]!r}")
        return elapsed, rejected, per_create, budget, len(fake.store.items[board.id])


def report(label, creates, threads, pacing):
    elapsed, rejected, per_create, budget, made = run(creates, threads, pacing)
    windows = math.ceil((BOARD_COST + creates * NOTE_COST) / budget)
    last_window = creates - (windows - 1) * budget // NOTE_COST + BOARD_COST // NOTE_COST
    minimum = (windows - 1) * WINDOW + last_window * per_create
    print(
        f"{label}: {made}/{creates} notes, budget {budget} credits/min ({windows} windows), "
        f"{rejected} answers of 429, {elapsed:.1f} s; minimum {minimum:.1f} s "
        f"(ratio {elapsed / minimum:.3f}); {1000 * per_create:.2f} ms per create unthrottled"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--creates", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--compare", action="store_true", help="also run without pacing")
    args = parser.parse_args()
    report("pacing on ", args.creates, args.threads, True)
    if args.compare:
        report("pacing off", args.creates, args.threads, False)


if __name__ == "__main__":
    main()
