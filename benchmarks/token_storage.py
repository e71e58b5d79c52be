"""What the stateful client's token lookup costs per API call, by storage.

    python benchmarks/token_storage.py [--runs 5] [--calls 300] [--redis redis://...]

``Miro.api`` asks its storage for the token on every call (so a refresh made by another
process is seen at once). This times ``calls`` GETs of one board against one FakeMiro
through ``MiroApi(token)`` (no storage) and through ``Miro`` over each storage; the median
of ``runs`` runs is reported with its ratio to the plain token (1.00: no overhead).
"""

import argparse
import statistics
import tempfile
import time
import uuid

import requests

from miro import InMemoryStorage, Miro, MiroApi, RedisStorage, SQLiteStorage
from miro.testing import FakeMiro

REDIRECT = "https://bench.example/cb"


def timed(api, board, calls):
    started = time.perf_counter()
    for _ in range(calls):
        api.get_specific_board(board)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--redis", help="a Redis URL, to include RedisStorage")
    args = parser.parse_args()
    with FakeMiro() as fake, tempfile.TemporaryDirectory() as tmp:
        headers = {"Authorization": f"Bearer {fake.token}"}
        board = requests.post(f"{fake.url}/v2/boards", json={"name": "b"}, headers=headers)
        board = board.json()["id"]
        storages = {
            "InMemoryStorage": InMemoryStorage(),
            "SQLiteStorage": SQLiteStorage(tmp + "/t.db"),
        }
        if args.redis:
            storages["RedisStorage"] = RedisStorage(args.redis, prefix=f"bench:{uuid.uuid4().hex}:")
        clients = {"MiroApi(token)": MiroApi(fake.token, base_url=fake.url)}
        for name, storage in storages.items():
            miro = Miro(
                fake.client_id,
                fake.client_secret,
                REDIRECT,
                storage,
                base_url=fake.url,
                authorize_url=fake.authorize_url,
            )
            miro.exchange_code_for_access_token(fake.authorize(miro.auth_url))
            clients[f"Miro + {name}"] = miro.api
        results = {name: [] for name in clients}
        for _ in range(args.runs):
            for name, api in clients.items():
                results[name].append(timed(api, board, args.calls))
        base = statistics.median(results["MiroApi(token)"])
        print(f"{args.calls} GETs, median of {args.runs} runs")
        for name, times in results.items():
            median = statistics.median(times)
            per_call = 1e6 * median / args.calls
            print(f"{name:<26} {median:7.3f} s  {per_call:6.0f} µs/call  x{median / base:.2f}")


if __name__ == "__main__":
    main()
