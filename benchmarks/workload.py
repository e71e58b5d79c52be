"""One client's workloads against running stubs; prints the measurements as JSON.

Run by bench.py in each client's own interpreter (the official ``miro_api`` lives in its
own virtualenv: its package name is the one our drop-in shim uses):

    python workload.py (raw|miro|miro_api) CONFIG_JSON

CONFIG_JSON holds the stub URLs (``fast``: 5,000 items, ``big``: 100,000 items, ``slow``:
answers after 20 ms), the board id, the number of runs and which workloads to run.
Times are seconds per run (one warm-up run first; ``runs`` may be 0); memory is bytes or MiB.
"""

import gc
import itertools
import json
import sys
import time
import tracemalloc

TOKEN = "bench-token"


def raw_client(url):
    """Plain ``requests`` + ``json``: the floor every client is measured against."""
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"

    def items(board, stop=None):
        cursor, seen = None, 0
        while True:
            params = {"limit": "50"}
            if cursor:
                params["cursor"] = cursor
            page = session.get(f"{url}/v2/boards/{board}/items", params=params).json()
            yield from page["data"]
            seen += len(page["data"])
            cursor = page.get("cursor")
            if not cursor or (stop and seen >= stop):
                return

    def create(board, specs, workers=1):
        made = []
        for start in range(0, len(specs), 20):
            body = specs[start : start + 20]
            answer = session.post(f"{url}/v2/boards/{board}/items/bulk", json=body)
            made += answer.json()["data"]
        return made

    return {
        "items": items,
        "get": lambda board: session.get(f"{url}/v2/boards/{board}").json(),
        "create": create,
    }


def miro_client(url):
    """This SDK's fluent interface."""
    import miro

    api = miro.MiroApi(TOKEN, base_url=url)

    def items(board, stop=None):
        listing = api.boards.get(board, lazy=True).items
        return iter(listing) if stop is None else iter(listing.list().take(stop))

    def create(board, specs, workers=1):
        return api.boards.get(board, lazy=True).items.create_many(specs, workers=workers)

    return {
        "items": items,
        "get": lambda board: api.boards.get(board),
        "create": create,
    }


def official_client(url):
    """The official ``miro_api`` 2.2.4 from PyPI."""
    import miro_api
    from miro_api.models.item_create import ItemCreate

    api = miro_api.MiroApi(TOKEN)

    def here():  # its Configuration is shared by every client: point it at this stub
        api.api_client.configuration.host = url

    def items(board, stop=None):
        here()
        return itertools.islice(api.get_all_items(board, limit="50"), stop)

    def get(board):
        here()
        return api.get_specific_board(board)

    def create(board, specs, workers=1):
        here()
        made = []
        for start in range(0, len(specs), 20):
            body = [ItemCreate.from_dict(spec) for spec in specs[start : start + 20]]
            made += api.create_items(board, body).data
        return made

    return {"items": items, "get": get, "create": create}


CLIENTS = {"raw": raw_client, "miro": miro_client, "miro_api": official_client}


def timed(fn, runs):
    fn()  # warm-up: connections, caches, lazy imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def held_bytes_per_item(client, board, count):
    """Bytes still allocated after ``list()`` of ``count`` items, per item."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = list(client["items"](board, stop=count))[:count]
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(kept) == count, len(kept)
    return held / count


def stream_growth_mib(client, board):
    """Peak memory growth while streaming every item of the big list."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    seen = sum(1 for _ in client["items"](board))
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return peak / 2**20, seen


def specs(n):
    return [{"type": "sticky_note", "data": {"content": f"n{i}"}} for i in range(n)]


def main():
    kind, config = sys.argv[1], json.loads(sys.argv[2])
    runs, board, wanted = config["runs"], config["board"], set(config["workloads"])
    fast, big, slow = (CLIENTS[kind](config[name]) for name in ("fast", "big", "slow"))
    out = {}
    if "iterate" in wanted:
        out["iterate"] = timed(lambda: sum(1 for _ in fast["items"](board)), runs)
    if "get" in wanted:
        calls = config["calls"]
        totals = timed(lambda: [fast["get"](board) for _ in range(calls)], runs)
        out["get"] = [t / calls for t in totals]
    if "create" in wanted:
        body = specs(1000)
        out["create"] = timed(lambda: fast["create"](board, body), runs)
    if "create_slow" in wanted:
        body = specs(200)
        out["create_slow"] = timed(lambda: slow["create"](board, body), runs)
    if "create_slow_workers" in wanted:
        body = specs(200)
        made = slow["create"](board, body, workers=8)
        assert [m.data.content for m in made] == [s["data"]["content"] for s in body]
        out["create_slow_workers"] = timed(lambda: slow["create"](board, body, workers=8), runs)
    if "memory" in wanted:
        out["memory"] = [held_bytes_per_item(big, board, 20_000)]
    if "stream" in wanted:
        growth, seen = stream_growth_mib(big, board)
        assert seen == config["big_count"], seen
        out["stream"] = [growth]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
