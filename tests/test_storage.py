"""Token storage: State, the Storage ABC, InMemoryStorage, SQLiteStorage, RedisStorage."""

import datetime
import threading
import time
import uuid

import pytest

from miro import InMemoryStorage, RedisStorage, SQLiteStorage, State, Storage
from miro.errors import InvalidArgument, InvalidArgumentType, LockTimeout

UTC = datetime.timezone.utc
LATER = datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


def full_state(access="acc-123", refresh="ref-456"):
    return State(access, refresh, LATER, user_id="7", team_id=3458764517517819000, scopes="a b")


# -- State --------------------------------------------------------------------------


def test_state_takes_the_official_three_positional_fields():
    state = State("acc", "ref", None)
    assert (state.access_token, state.refresh_token, state.token_expires_at) == ("acc", "ref", None)
    assert state.scopes == () and state.user_id is None


def test_state_repr_hides_both_tokens():
    text = repr(full_state("secret-access", "secret-refresh"))
    assert "secret-access" not in text and "secret-refresh" not in text
    assert "<hidden>" in text and "2030-01-02T03:04:05+00:00" in text and "'7'" in text


def test_state_makes_expiry_timezone_aware_and_keeps_big_team_ids_exact():
    naive = datetime.datetime(2030, 1, 1, 12, 0, 0)
    state = State("a", "r", naive, team_id=3458764517517819000)
    assert state.token_expires_at.tzinfo is not None
    assert state.token_expires_at.timestamp() == naive.timestamp()  # read as local time
    assert state.team_id == "3458764517517819000"


def test_state_round_trips_through_a_json_dict():
    state = full_state()
    data = state.to_dict()
    assert data["scopes"] == ["a", "b"] and data["token_expires_at"] == LATER.isoformat()
    assert State.from_dict(data) == state
    assert State.from_dict({**data, "unknown": 1}) == state


def test_state_rejects_bad_values():
    with pytest.raises(InvalidArgumentType, match="token_expires_at"):
        State("a", "r", "tomorrow")
    with pytest.raises(InvalidArgument, match="access_token"):
        State.from_dict({"refresh_token": "r"})


def test_needs_refresh_counts_the_margin_and_needs_a_refresh_token():
    soon = datetime.datetime.now(UTC) + datetime.timedelta(seconds=60)
    assert State("a", "r", soon).needs_refresh(margin=120)
    assert not State("a", "r", soon).needs_refresh(margin=30)
    assert not State("a", None, soon).needs_refresh(margin=120)
    assert not State("a", "r", None).needs_refresh(margin=120)
    assert State("a", "r", soon).expires_in() == pytest.approx(60, abs=2)


# -- the ABC and the in-memory storage ------------------------------------------------


def test_storage_is_abstract_with_get_and_set():
    with pytest.raises(TypeError):
        Storage()

    class Half(Storage):
        def get(self):
            return None

    with pytest.raises(TypeError):
        Half()


def test_default_lock_is_one_per_storage_and_excludes_other_threads():
    storage, other = InMemoryStorage(), InMemoryStorage()
    assert storage.lock() is storage.lock() and storage.lock() is not other.lock()
    inside = []
    with storage.lock():
        thread = threading.Thread(target=lambda: inside.append(storage.lock().acquire(False)))
        thread.start()
        thread.join()
    assert inside == [False]


def test_in_memory_storage_keeps_and_forgets():
    storage = InMemoryStorage()
    assert storage.get() is None
    storage.set(full_state())
    assert storage.get() == full_state()
    assert "acc-123" not in repr(storage)
    storage.set(None)
    assert storage.get() is None


# -- SQLite ---------------------------------------------------------------------------


def test_sqlite_storage_persists_per_key(tmp_path):
    path = tmp_path / "tokens.db"
    alice = SQLiteStorage(path, key="alice")
    bob = alice.with_key("bob")
    assert alice.get() is None
    alice.set(full_state("alice-token"))
    bob.set(full_state("bob-token"))
    assert SQLiteStorage(str(path), key="alice").get().access_token == "alice-token"
    assert SQLiteStorage(path, key="bob").get() == full_state("bob-token")
    alice.set(None)
    assert alice.get() is None and bob.get() is not None
    assert "alice-token" not in repr(alice)


def test_sqlite_storage_rejects_what_cannot_work(tmp_path):
    with pytest.raises(InvalidArgument, match="InMemoryStorage"):
        SQLiteStorage(":memory:")
    with pytest.raises(InvalidArgument, match="table"):
        SQLiteStorage(tmp_path / "t.db", table="tokens; DROP TABLE x")
    with pytest.raises(InvalidArgument, match="key"):
        SQLiteStorage(tmp_path / "t.db", key="")
    with pytest.raises(InvalidArgument, match="lock_timeout"):
        SQLiteStorage(tmp_path / "t.db", lock_timeout=0)
    with pytest.raises(InvalidArgumentType, match="miro.State"):
        SQLiteStorage(tmp_path / "t.db").set({"access_token": "x"})


def test_sqlite_lock_excludes_a_second_holder_of_the_same_key(tmp_path):
    first = SQLiteStorage(tmp_path / "t.db", key="u", lock_timeout=0.3)
    second = SQLiteStorage(tmp_path / "t.db", key="u", lock_timeout=0.3)
    other_user = first.with_key("v")
    with first.lock():
        started = time.monotonic()
        with pytest.raises(LockTimeout, match="'u'"):
            with second.lock():
                pass
        assert time.monotonic() - started >= 0.3
        with other_user.lock():  # another key is not blocked
            pass
    with second.lock():  # released
        second.set(full_state())
    assert first.get() == full_state()


def test_sqlite_lock_of_a_dead_holder_expires(tmp_path):
    crashed = SQLiteStorage(tmp_path / "t.db", key="u", lock_ttl=0.2)
    holder = crashed.lock()
    holder.__enter__()  # never released, as if the process died mid-refresh
    survivor = SQLiteStorage(tmp_path / "t.db", key="u", lock_timeout=30)
    started = time.monotonic()
    with survivor.lock():  # taken once the dead holder's lock expired (else LockTimeout)
        waited = time.monotonic() - started
    assert waited >= 0.1


# -- Redis ----------------------------------------------------------------------------


@pytest.fixture
def redis_storage(redis_url):
    storage = RedisStorage(redis_url, key="alice", prefix=f"test:{uuid.uuid4().hex}:")
    yield storage
    storage.redis.close()


def test_redis_storage_persists_per_key(redis_storage, redis_url):
    bob = redis_storage.with_key("bob")
    assert redis_storage.get() is None
    redis_storage.set(full_state("alice-token"))
    bob.set(full_state("bob-token"))
    again = RedisStorage(redis_url, key="alice", prefix=redis_storage.prefix)
    assert again.get() == full_state("alice-token")
    redis_storage.set(None)
    assert redis_storage.get() is None and bob.get().access_token == "bob-token"
    assert redis_storage.redis.exists(f"{redis_storage.prefix}state:bob") == 1
    assert "alice-token" not in repr(again)
    again.redis.close()


def test_redis_lock_excludes_a_second_worker(redis_storage, redis_url):
    second = RedisStorage(redis_url, key="alice", prefix=redis_storage.prefix, lock_timeout=0.3)
    with redis_storage.lock():
        with pytest.raises(LockTimeout, match="'alice'"):
            with second.lock():
                pass
        with second.with_key("bob").lock():
            pass
    with second.lock():
        pass
    second.redis.close()


def test_redis_storage_wants_a_client_or_url():
    with pytest.raises(InvalidArgumentType, match="redis"):
        RedisStorage(object())
