"""Walking a large organization: time, requests and memory of `org.members` iteration.

    python benchmarks/org_members.py [--members 5000] [--runs 3]

FakeMiro runs in its own process, seeded with N organization members, so the numbers are
the client's alone. The walk iterates every member with the default page size (100, the
spec's maximum: fewest requests) and with 10, then finds one member by email (the list's
bare-array answer). Reported: the median time, the number of requests, and the peak Python
memory of the walk (tracemalloc, a separate run), which must not grow with N: pages stream.
"""

import argparse
import multiprocessing
import statistics
import time
import tracemalloc

import requests

import miro


def serve(members, pipe):
    from miro.testing import FakeMiro

    with FakeMiro() as fake:
        for i in range(members - 1):
            fake.add_org_member(f"person{i}@example.com")
        pipe.send((fake.url, fake.token, fake.org_id))
        pipe.recv()  # until told to stop


def walk(org, limit):
    return sum(1 for _ in org.members.list(limit=limit))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    here, there = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.members, there), daemon=True)
    server.start()
    url, token, org_id = here.recv()
    requests_sent = []

    class Counting(requests.Session):  # counts requests without touching the fake
        def send(self, *args, **kwargs):
            requests_sent.append(1)
            return super().send(*args, **kwargs)

    api = miro.MiroApi(token, base_url=url, session=Counting())
    org = api.organizations.get(org_id, lazy=True)
    print(f"{args.members} organization members, median of {args.runs} runs")
    for limit in (100, 10):
        times = []
        for _ in range(args.runs):
            requests_sent.clear()
            started = time.perf_counter()
            count = walk(org, limit)
            times.append(time.perf_counter() - started)
        sent = len(requests_sent)
        tracemalloc.start()
        walk(org, limit)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        seconds = statistics.median(times)
        print(
            f"  page size {limit:>3}: {count} members in {seconds * 1000:.0f} ms "
            f"({seconds / count * 1e6:.0f} µs each), {sent} requests, "
            f"peak memory {peak / 1024:.0f} KiB"
        )
    started = time.perf_counter()
    found = org.members.list(emails="person7@example.com").first()
    print(f"  by email: {found.email} in {(time.perf_counter() - started) * 1000:.1f} ms")
    api.close()
    here.send("stop")
    server.join(10)


if __name__ == "__main__":
    main()
