"""One client's workload against a running FakeMiro; prints timings as JSON.

Run by bench.py inside each client's own virtualenv:
    python workload.py (miro|miro_api) URL TOKEN BOARD_ID RUNS
"""

import json
import statistics
import sys
import time
import tracemalloc


def client(kind, url, token):
    if kind == "miro":
        import miro

        api = miro.MiroApi(token, base_url=url)
        return {
            "list": lambda board: sum(
                1 for _ in api.boards.get(board, lazy=True).items.list(limit=50)
            ),
            "create": lambda board: [
                api.boards.get(board, lazy=True).items.sticky_notes.create(content=str(i), x=i)
                for i in range(100)
            ],
            "parse": lambda page: miro.Page(
                data=[miro.core.convert.structure(i, miro.Item) for i in page["data"]]
            ),
        }
    from miro_api.models.generic_item_cursor_paged import GenericItemCursorPaged
    from miro_api.models.sticky_note_create_request import StickyNoteCreateRequest

    import miro_api

    api = miro_api.MiroApi(token)
    api.api_client.configuration.host = url
    return {
        "list": lambda board: sum(1 for _ in api.get_all_items(board, limit="50")),
        "create": lambda board: [
            api.create_sticky_note_item(
                board,
                StickyNoteCreateRequest.from_dict(
                    {"data": {"content": str(i)}, "position": {"x": i}}
                ),
            )
            for i in range(100)
        ],
        "parse": lambda page: GenericItemCursorPaged.from_dict(page),
    }


def measure(fn, arg, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main():
    kind, url, token, board, runs = (
        sys.argv[1],
        sys.argv[2],
        sys.argv[3],
        sys.argv[4],
        int(sys.argv[5]),
    )
    page = json.loads(sys.stdin.read())
    ops = client(kind, url, token)
    results = {}
    results["list 2000 items"] = measure(ops["list"], board, runs)
    parse_many = lambda p: [ops["parse"](p) for _ in range(20)]  # noqa: E731
    results["parse 20 pages of 50 items"] = measure(parse_many, page, runs)
    results["create 100 sticky notes"] = measure(ops["create"], board, max(1, runs // 2))
    tracemalloc.start()
    ops["list"](board)
    results["peak memory listing 2000 items (MiB)"] = (
        tracemalloc.get_traced_memory()[1] / 2**20,
    ) * 2
    print(json.dumps(results))


if __name__ == "__main__":
    main()
