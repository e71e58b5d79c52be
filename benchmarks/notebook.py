"""Notebook speed: the SVG sketch and the DataFrame of a 10,000-item board.

    python benchmarks/notebook.py [--runs 5] [--items 10000] [--no-fake]

Two measurements for each: from items already listed (what rendering costs), and end to
end against a FakeMiro seeded with the same board through the bulk endpoint (listing the
board's 200 pages over loopback HTTP included; the listing alone is measured too, as most
of the end-to-end time is the fake serving pages). The medians are printed and written to
benchmarks/results/notebook.json.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import statistics
import sys
import time

import requests

import miro
from miro.display import sketch_items, to_dataframe
from miro.items import Item
from miro.items.collection import placed
from miro.testing import FakeMiro

HERE = pathlib.Path(__file__).resolve().parent
RESULTS = HERE / "results" / "notebook.json"
COLORS = ("light_yellow", "yellow", "orange", "light_green", "cyan", "pink", "light_blue")
SHAPES = ("rectangle", "circle", "triangle", "rhombus", "star", "hexagon", "round_rectangle")


def layout(count):
    """JSON of ``count`` items: frames of 49 children in a grid, plus loose shapes and text."""
    frames, rows = [], []
    per_frame = 49
    n_frames = count // (per_frame + 1) // 2
    for f in range(n_frames):
        fx, fy = (f % 10) * 2000, (f // 10) * 1400
        frames.append(
            {
                "type": "frame",
                "data": {"title": f"Frame {f}"},
                "position": {"x": fx, "y": fy},
                "geometry": {"width": 1800, "height": 1200},
            }
        )
        for c in range(per_frame):
            rows.append(("frame", f, {"type": "sticky_note",
                         "data": {"content": f"Note {f}.{c} with a few words"},
                         "style": {"fillColor": COLORS[c % len(COLORS)]},
                         "position": {"x": 150 + (c % 7) * 250, "y": 150 + (c // 7) * 150},
                         "geometry": {"width": 200}}))  # fmt: skip
    loose = count - len(frames) - len(rows)
    for i in range(loose):
        x, y = (i % 100) * 300, -2000 - (i // 100) * 300
        if i % 5 == 0:
            body = {"type": "text", "data": {"content": f"Text {i}"}, "geometry": {"width": 250}}
        else:
            body = {"type": "shape", "data": {"shape": SHAPES[i % len(SHAPES)], "content": f"S{i}"},
                    "geometry": {"width": 200, "height": 120}}  # fmt: skip
        body["position"] = {"x": x, "y": y}
        rows.append(("loose", None, body))
    return frames, rows


def in_memory(frames, rows, connectors):
    """Models as a listing would give them (children with parent ids and relative x/y)."""
    items = []
    for index, frame in enumerate(frames):
        items.append(Item.from_dict(dict(frame, id=f"f{index}")))
    for index, (_, parent, body) in enumerate(rows):
        data = dict(body, id=f"i{index}")
        if parent is not None:
            data["parent"] = {"id": f"f{parent}"}
        items.append(Item.from_dict(data))
    loose = [i for i in items if i.type == "shape"]
    lines = [
        miro.connectors.Connector.from_dict(
            {"id": f"c{n}", "startItem": {"id": a.id}, "endItem": {"id": b.id}, "shape": "straight"}
        )
        for n, (a, b) in enumerate(zip(loose[:connectors], loose[1 : connectors + 1]))
    ]
    return placed(items), lines


def seed(fake, frames, rows):
    """The same board on the fake, through the bulk endpoint (20 items a request)."""
    headers = {"Authorization": f"Bearer {fake.token}"}
    with requests.Session() as session:
        session.headers.update(headers)
        board = session.post(f"{fake.url}/v2/boards", json={"name": "bench"}).json()["id"]
        ids = []
        for start in range(0, len(frames), 20):
            answer = session.post(f"{fake.url}/v2/boards/{board}/items/bulk",
                                  json=frames[start:start + 20])  # fmt: skip
            answer.raise_for_status()
            ids += [item["id"] for item in answer.json()["data"]]
        bodies = []
        for _, parent, body in rows:
            body = dict(body)
            if parent is not None:
                body["parent"] = {"id": ids[parent]}
            bodies.append(body)
        for start in range(0, len(bodies), 20):
            answer = session.post(f"{fake.url}/v2/boards/{board}/items/bulk",
                                  json=bodies[start:start + 20])  # fmt: skip
            answer.raise_for_status()
    return board


def median(fn, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 4)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--no-fake", action="store_true", help="skip the end-to-end runs")
    args = parser.parse_args()
    frames, rows = layout(args.items)
    items, lines = in_memory(frames, rows, 1000)
    assert len(items) == args.items
    results = {
        "items": len(items),
        "connectors": len(lines),
        "runs": args.runs,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
    }
    sketch = sketch_items(items, lines, max_items=len(items))
    results["svg_bytes_all_items"] = len(str(sketch))
    results["sketch, all 10,000 drawn (listed items)"] = median(
        lambda: sketch_items(items, lines, max_items=len(items)), args.runs
    )
    results["sketch, default max_items=5000 (listed items)"] = median(
        lambda: sketch_items(items, lines), args.runs
    )
    results["to_dataframe (listed items)"] = median(lambda: to_dataframe(items), args.runs)
    if not args.no_fake:
        with FakeMiro(rate_limit=None) as fake:
            board_id = seed(fake, frames, rows)
            api = miro.MiroApi(fake.token, base_url=fake.url)
            board = api.boards.get(board_id)
            runs = max(1, args.runs // 2)
            results["listing alone: board.items.list().all() (FakeMiro)"] = median(
                lambda: board.items.list().all(), runs
            )
            results["board.sketch() end to end (FakeMiro)"] = median(board.sketch, runs)
            results["board.items.to_dataframe(tags=False) end to end (FakeMiro)"] = median(
                lambda: board.items.to_dataframe(tags=False), runs
            )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")
    for key, value in results.items():
        print(f"{key:60} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
