"""Four processes sharing one user's tokens see exactly one refresh: SQLiteStorage (one
host) and RedisStorage (a real redis-server) lock the refresh across processes."""

import contextlib
import dataclasses
import datetime
import multiprocessing
import uuid

import pytest
import requests

from miro import Miro, RedisStorage, SQLiteStorage

REDIRECT = "https://app.example.com/miro/callback"
PROCESSES = 4


def _storage(spec):
    kind, target, key, prefix = spec
    if kind.startswith("unlocked-"):
        storage = _storage((kind[len("unlocked-") :], target, key, prefix))
        storage.lock = contextlib.nullcontext  # the control experiment: no refresh lock
        return storage
    if kind == "sqlite":
        return SQLiteStorage(target, key=key)
    return RedisStorage(target, key=key, prefix=prefix)


def _worker(fake_url, client_id, client_secret, spec, board, barrier, results):
    """One process: its own Miro over the shared storage, one API call at the barrier."""
    try:
        miro = Miro(client_id, client_secret, REDIRECT, _storage(spec), base_url=fake_url)
        barrier.wait(30)
        results.put(("ok", miro.api.get_specific_board(board).id))
    except Exception as exc:  # reported to the parent, which asserts on it
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def run_processes(fake, spec, stall=0.0):
    """Authorize once in this process, expire the token, then call from 4 processes."""
    board = requests.post(
        f"{fake.url}/v2/boards",
        json={"name": "shared"},
        headers={"Authorization": f"Bearer {fake.token}"},
    ).json()["id"]
    storage = _storage(spec)
    miro = Miro(
        fake.client_id,
        fake.client_secret,
        REDIRECT,
        storage,
        base_url=fake.url,
        authorize_url=fake.authorize_url,
    )
    miro.exchange_code_for_access_token(fake.authorize(miro.auth_url))
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1)
    storage.set(dataclasses.replace(storage.get(), token_expires_at=past))
    fake.expire_access_tokens()
    if stall:
        fake.delay(stall, times=PROCESSES)  # every process's first request: its refresh

    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    args = (fake.url, fake.client_id, fake.client_secret, spec, board, barrier, results)
    workers = [context.Process(target=_worker, args=args) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(30)
    assert outcomes == [("ok", board)] * PROCESSES
    assert fake.token_requests == ["authorization_code", "refresh_token"]
    return storage.get()


def test_four_processes_on_sqlite_storage_refresh_once(fake, tmp_path):
    state = run_processes(fake, ("sqlite", str(tmp_path / "tokens.db"), "user-1", ""))
    assert state.expires_in() > 3500


def test_four_processes_on_redis_storage_refresh_once(fake, redis_url):
    prefix = f"test:{uuid.uuid4().hex}:"
    state = run_processes(fake, ("redis", redis_url, "user-1", prefix))
    assert state.expires_in() > 3500


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_without_the_storage_lock_processes_would_race(fake, tmp_path, kind, request):
    """The control experiment: the same four processes with the storage lock disabled make
    several refreshes, and all but one are refused (reused refresh token). The fake stalls
    the refreshes so that every process reads the expired state before the first lands."""
    if kind == "redis":
        target = request.getfixturevalue("redis_url")
    else:
        target = str(tmp_path / "tokens.db")
    spec = ("unlocked-" + kind, target, "user-1", f"test:{uuid.uuid4().hex}:")
    with pytest.raises(AssertionError):
        run_processes(fake, spec, stall=1.0)
    assert fake.token_requests.count("refresh_token") == PROCESSES
