"""What FakeMiro's atomic requests cost: a write on a board of N items, and a refused one.

    python benchmarks/fake_atomic.py [--runs 5] [--items 2000] [--calls 300]

Every write runs in a transaction of the store (``miro/testing/_fake/journal.py``): each
container it changes saves a shallow copy of itself first, and a refused request rolls them
back. This times ``calls`` dispatches (no HTTP, so the fake's own cost is what is measured)
of a sticky-note create, a refused create (an unknown field: 400, rolled back) and a board
GET, on an empty board and on one of ``items`` items; medians of ``runs`` runs, in µs.
"""

import argparse
import json
import statistics
import time

from miro.testing import FakeMiro

NOTE = b'{"data": {"content": "x"}}'
REFUSED = b'{"data": {"content": "x"}, "colour": "red"}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    fake = FakeMiro()
    server = fake._server  # dispatch without a socket: the fake's own cost
    headers = {"authorization": f"Bearer {fake.token}"}

    def call(method, path, body=b""):
        return server.dispatch(method, path, "", headers, body)

    boards = {}
    for label, size in (("empty board", 0), (f"{args.items} items", args.items)):
        board = json.loads(call("POST", "/v2/boards", b"{}")[2])["id"]
        for _ in range(size):
            call("POST", f"/v2/boards/{board}/sticky_notes", NOTE)
        boards[label] = board
    print(f"{'per call (µs)':<22}" + "".join(f"{label:>16}" for label in boards))
    for name, method, segment, body in (
        ("create sticky note", "POST", "/sticky_notes", NOTE),
        ("refused create (400)", "POST", "/sticky_notes", REFUSED),
        ("get board", "GET", "", b""),
    ):
        row = []
        for board in boards.values():
            runs = []
            for _ in range(args.runs):
                started = time.perf_counter()
                for _ in range(args.calls):
                    call(method, f"/v2/boards/{board}{segment}", body)
                runs.append((time.perf_counter() - started) / args.calls)
            row.append(statistics.median(runs) * 1e6)
        print(f"{name:<22}" + "".join(f"{value:>16.0f}" for value in row))


if __name__ == "__main__":
    main()
