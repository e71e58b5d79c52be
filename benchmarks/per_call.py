"""What the official per-call keywords cost: a flat call beside the fluent one.

    python benchmarks/per_call.py [--runs 5] [--calls 2000]

Times ``get_specific_board`` (flat), with and without ``_headers``/``_request_timeout``,
beside ``api.boards.get`` (fluent), twice: over HTTP to one FakeMiro, and with the
transport answering from memory (the SDK's own Python work alone). Medians of ``runs``
runs, in microseconds per call.
"""

import argparse
import statistics
import time

import requests

from miro import MiroApi
from miro.testing import FakeMiro


def per_call(fn, calls):
    started = time.perf_counter()
    for _ in range(calls):
        fn()
    return 1e6 * (time.perf_counter() - started) / calls


def workloads(api, board):
    return {
        "fluent boards.get": lambda: api.boards.get(board),
        "flat get_specific_board": lambda: api.get_specific_board(board),
        "flat + _headers": lambda: api.get_specific_board(board, _headers={"X-Trace": "1"}),
        "flat + _request_timeout": lambda: api.get_specific_board(board, _request_timeout=5),
    }


def measure(api, board, runs, calls):
    results = {name: [] for name in workloads(api, board)}
    for _ in range(runs):
        for name, fn in workloads(api, board).items():
            results[name].append(per_call(fn, calls))
    return {name: statistics.median(times) for name, times in results.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    with FakeMiro() as fake:
        headers = {"Authorization": f"Bearer {fake.token}"}
        answer = requests.post(f"{fake.url}/v2/boards", json={"name": "b"}, headers=headers)
        board = answer.json()["id"]
        api = MiroApi(fake.token, base_url=fake.url)
        over_http = measure(api, board, args.runs, max(1, args.calls // 10))
        body = answer.json()
        api._transport.request = lambda *a, **k: body  # the SDK's own work only
        in_memory = measure(api, board, args.runs, args.calls)
        api.close()
    print(f"{'call':<26} {'HTTP µs':>9} {'memory µs':>10}")
    for name in over_http:
        print(f"{name:<26} {over_http[name]:9.0f} {in_memory[name]:10.1f}")


if __name__ == "__main__":
    main()
