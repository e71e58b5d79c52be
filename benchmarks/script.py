"""One cold script: interpreter start, import, client, then every item of a board.

    python script.py (raw|miro|miro_api) URL BOARD

What a CLI, a cron job or a serverless handler pays on every run. Prints JSON: ``first``,
the seconds from the script's first line to the first item in hand (import, client,
first page), and ``items``, how many were listed. bench.py times the whole process
around it (interpreter start included).
"""

import time

STARTED = time.perf_counter()

import json  # noqa: E402 - the clock starts before any import
import sys  # noqa: E402

from workload import CLIENTS  # noqa: E402 - each client imports its library when made


def main():
    kind, url, board = sys.argv[1:4]
    listing = iter(CLIENTS[kind](url)["items"](board))
    next(listing)
    first = time.perf_counter() - STARTED
    count = 1 + sum(1 for _ in listing)
    print(json.dumps({"first": first, "items": count}))


if __name__ == "__main__":
    main()
