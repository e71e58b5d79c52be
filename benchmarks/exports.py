"""Board-export downloads and audit-log paging against one FakeMiro.

    python benchmarks/exports.py [--boards 5] [--mb 20] [--events 5000]

* download: ``job.download()`` of ``--boards`` exported files of ``--mb`` MB each; reports
  throughput and the peak Python memory while downloading (files are streamed to disk in
  64 KiB chunks, so the peak should stay far below one file's size);
* audit log: iterating ``api.audit_logs(...)`` over ``--events`` events, 100 per page.
"""

import argparse
import datetime
import os
import tempfile
import time
import tracemalloc

import miro
from miro.testing import FakeMiro
from miro.testing._fake.enterprise import exports as fake_exports


def download(fake, api, boards, megabytes):
    org = api.organizations.get(fake.org_id, lazy=True)
    ids = [api.boards.create(name=f"bench {i}").id for i in range(boards)]
    job = org.board_exports.create(board_ids=ids)
    api._transport._sleep = lambda seconds: None  # the fake finishes as it is polled
    job.wait(poll=0.01)
    state = fake_exports.exports_of(fake.store.org)
    payload = os.urandom(megabytes * 1024 * 1024)
    for task in state.jobs[job.id]["tasks"]:
        name, _ = state.files[task["id"]]
        state.files[task["id"]] = (name, payload)
        task["sizeInBytes"] = len(payload)
    with tempfile.TemporaryDirectory() as target:
        tracemalloc.start()
        started = time.perf_counter()
        paths = job.download(target)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        total = sum(os.path.getsize(p) for p in paths)
    print(
        f"download: {len(paths)} files, {total / 2**20:.0f} MB in {seconds:.2f} s "
        f"({total / 2**20 / seconds:.0f} MB/s); peak Python memory {peak / 2**20:.2f} MB"
    )


def audit(fake, api, events):
    org = fake.store.org
    for i in range(events):
        org.record_event("bench_event", by=fake.user_id, object_id=str(i), object_name="bench")
    now = datetime.datetime.now(datetime.timezone.utc)
    day = datetime.timedelta(days=1)
    fake.clear_exchanges()
    started = time.perf_counter()
    count = sum(1 for _ in api.audit_logs(created_after=now - day, created_before=now + day))
    seconds = time.perf_counter() - started
    pages = len(fake.exchanges)
    print(
        f"audit log: {count} events in {pages} pages, {seconds:.2f} s "
        f"({count / seconds:.0f} events/s, {1000 * seconds / pages:.1f} ms per page)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=5)
    parser.add_argument("--mb", type=int, default=20)
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    with FakeMiro() as fake, miro.MiroApi(fake.token, base_url=fake.url) as api:
        download(fake, api, args.boards, args.mb)
        audit(fake, api, args.events)


if __name__ == "__main__":
    main()
