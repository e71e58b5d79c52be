"""What the official result shapes cost on top of reading a page (no network).

    python benchmarks/compat_shapes.py [--runs 7]

A cursor page of 50 sticky notes (Miro's JSON) is read into models as the fluent layer
does, then adapted as the flat methods do (``miro.compat.shapes.adapt``); also both
``to_dict()`` flavours. Best of ``--runs`` runs of 200 repetitions, in µs per page.
"""

import argparse
import time

from miro.compat import shapes
from miro.core.pagination import Page
from miro.core.resource import Model  # noqa: F401 - the converter's hooks are set up
from miro.items import Item
from miro.items.collection import Items


def note(i):
    return {
        "id": str(3458764500000000000 + i),
        "type": "sticky_note",
        "data": {"content": f"note {i}", "shape": "square"},
        "style": {"fillColor": "light_yellow", "textAlign": "center"},
        "position": {"x": i, "y": 0.5, "origin": "center", "relativeTo": "canvas_center"},
        "geometry": {"width": 199.0, "height": 228.0},
        "createdAt": "2026-01-01T10:00:00Z",
        "createdBy": {"id": "1", "type": "user"},
        "modifiedAt": "2026-01-01T10:00:00Z",
        "modifiedBy": {"id": "1", "type": "user"},
        "links": {"self": f"https://api.miro.com/v2/boards/b/sticky_notes/{i}"},
    }


BODY = {"data": [note(i) for i in range(50)], "size": 50, "limit": 50, "total": 500,
        "cursor": "abc", "links": {"self": "s", "next": "n"}, "type": "cursor-list"}  # fmt: skip


def read(wrap):
    return Page(data=[wrap(i) for i in BODY["data"]], size=50, limit=50, total=500,
                cursor="abc", links=dict(BODY["links"]), type="cursor-list")  # fmt: skip


def per_page(fn, runs, reps=200):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(reps):
            fn()
        times.append((time.perf_counter() - start) / reps * 1e6)
    return min(times)  # the least disturbed run: the machine is shared


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    wrap = Items(None, board_id="b").wrap
    assert isinstance(wrap(note(0)), Item)
    read_us = per_page(lambda: read(wrap), runs)
    adapted_us = per_page(lambda: shapes.adapt("get_items", read(wrap)), runs)
    fluent, official = read(wrap), shapes.adapt("get_items", read(wrap))
    print(f"read a page of 50 items:        {read_us:8.0f} µs")
    print(f"read + official shapes:         {adapted_us:8.0f} µs  (+{adapted_us - read_us:.0f})")
    print(f"to_dict(), Miro's JSON:         {per_page(fluent.to_dict, runs):8.0f} µs")
    print(f"to_dict(), official flavour:    {per_page(official.to_dict, runs):8.0f} µs")


if __name__ == "__main__":
    main()
