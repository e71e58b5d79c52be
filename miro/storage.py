"""Where the :class:`~miro.Miro` client keeps a user's tokens.

``Storage`` is the official ``miro_api`` interface: ``get()`` returns the stored
:class:`State` (or None) and ``set(state)`` replaces it (``set(None)`` forgets it).
Ready implementations:

* :class:`InMemoryStorage`: one process, gone when it exits (the default; a new one per
  client, never shared between clients).
* :class:`SQLiteStorage`: a file on one host, shared by every process that opens it.
* :class:`RedisStorage` (extra ``miro[redis]``): one Redis shared by workers on many hosts.
* :class:`KeyringStorage` (extra ``miro[keyring]``): the OS keyring (macOS Keychain,
  Windows Credential Locker, Secret Service), as ``gh`` keeps its tokens; what
  ``python -m miro login --keyring`` uses.

Token files are private: a SQLite file is created readable by its owner only (0600, its
new folders 0700), and opening one that others can read warns, as ssh does for keys.

Miro's refresh tokens are single-use, so a refresh must never run twice at once for one
user. The client holds :meth:`Storage.lock` around every refresh. The default lock covers
the threads of one process; the SQLite and Redis storages lock across processes (a lease
row in the database, a Redis lock), so many workers sharing one user see one refresh.

Storages for many users are keyed: ``SQLiteStorage(path, key=user_id)``, one
:class:`~miro.Miro` per user key (``storage.with_key(other_user)`` gives a sibling). This
module knows nothing of OAuth: it stores what the client hands it.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime
import email.utils
import json
import os
import re
import sqlite3
import threading
import time
import uuid
from abc import ABC, abstractmethod
from typing import (
    Any,
    ContextManager,
    Dict,
    Iterator,
    Mapping,
    Optional,
    Tuple,
    TypeVar,
    Union,
)

from .errors import InvalidArgument, InvalidArgumentType, LockTimeout, MiroWarning

__all__ = [
    "InMemoryStorage",
    "InsecureTokenFile",
    "KeyringStorage",
    "RedisStorage",
    "SQLiteStorage",
    "State",
    "Storage",
]

_UTC = datetime.timezone.utc
_K = TypeVar("_K", bound="_Keyed")


def _aware(value: Optional[datetime.datetime]) -> Optional[datetime.datetime]:
    """Timezone-aware expiry; a naive one (as the official client writes) is local time."""
    if value is None:
        return None
    if isinstance(value, str):
        value = _parse_time(value)
    if not isinstance(value, datetime.datetime):
        raise InvalidArgumentType("token_expires_at must be a datetime or None")
    return value.astimezone() if value.tzinfo is None else value


def _parse_time(text: str) -> datetime.datetime:
    """ISO 8601 (what ``to_dict`` writes) or an HTTP date (what Flask's JSON writes)."""
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        raise InvalidArgumentType(
            f"token_expires_at must be a datetime, an ISO-8601 or HTTP date, or None; got {text!r}"
        ) from None


def _optional_str(value: Any) -> Optional[str]:
    # Miro's token answer prints team_id as a bare 19-digit JSON number: keep it exact.
    return None if value is None else str(value)


def _scopes(value: Any) -> Tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(value.split())
    return tuple(str(scope) for scope in value)


def _hidden(secret: Optional[str]) -> str:
    return "None" if secret is None else "'<hidden>'"


# --- State: the official dataclass, extended (issue #10 part B) ----------------------------
@dataclasses.dataclass(repr=False)
class State:
    """A user's tokens: what the stateful client stores between requests.

    A dataclass like the official ``miro_api`` ``State``, whose three fields come first:
    ``dataclasses.asdict(state)`` and Flask's JSON session store it as the official one is
    stored, and the client reads such a stored plain dict back (:meth:`from_stored`). The
    other fields keep what Miro's token answer tells an app. ``repr`` hides the tokens.

    Attributes:
        access_token: the bearer token for API calls.
        refresh_token: the single-use token that buys the next access token (None for
            apps with non-expiring tokens).
        token_expires_at: when the access token expires (timezone-aware; a naive value
            is taken as local time; an ISO-8601 or HTTP-date string is parsed).
        user_id: the Miro user who authorized the app.
        team_id: the team the app was installed in.
        scopes: the scopes granted.
    """

    access_token: str
    refresh_token: Optional[str] = None
    token_expires_at: Optional[datetime.datetime] = None
    user_id: Optional[str] = None
    team_id: Optional[str] = None
    scopes: Tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.access_token, str):
            raise InvalidArgumentType("access_token must be a string")
        if self.refresh_token is not None and not isinstance(self.refresh_token, str):
            raise InvalidArgumentType("refresh_token must be a string or None")
        self.token_expires_at = _aware(self.token_expires_at)
        self.user_id = _optional_str(self.user_id)
        self.team_id = _optional_str(self.team_id)
        self.scopes = _scopes(self.scopes)

    @classmethod
    def from_stored(cls, value: Any) -> Optional[State]:
        """What a :class:`Storage` returned, as a ``State``: a ``State`` as it is, a plain
        dict (a ``State`` after a JSON round trip, e.g. through Flask's session) read with
        :meth:`from_dict`, ``None`` as ``None``."""
        if value is None or isinstance(value, State):
            return value
        if isinstance(value, Mapping):
            return cls.from_dict(dict(value))
        if _is_state_like(value):
            return cls.from_dict(dataclasses.asdict(value))  # e.g. the official State
        raise InvalidArgumentType(
            f"the storage returned a {type(value).__name__}; get() must return a State, "
            "a dict of its fields, or None"
        )

    def __repr__(self) -> str:
        expires = self.token_expires_at.isoformat() if self.token_expires_at else None
        return (
            f"State(access_token={_hidden(self.access_token)}, "
            f"refresh_token={_hidden(self.refresh_token)}, token_expires_at={expires!r}, "
            f"user_id={self.user_id!r}, team_id={self.team_id!r}, scopes={self.scopes!r})"
        )

    def expires_in(self, now: Optional[datetime.datetime] = None) -> Optional[float]:
        """Seconds until the access token expires (negative once it has); None if it never does."""
        if self.token_expires_at is None:
            return None
        return (self.token_expires_at - (now or datetime.datetime.now(_UTC))).total_seconds()

    def needs_refresh(self, margin: float = 0.0) -> bool:
        """Whether the access token expires within ``margin`` seconds and can be refreshed."""
        remaining = self.expires_in()
        return self.refresh_token is not None and remaining is not None and remaining <= margin

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict (what the SQLite and Redis storages write)."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "token_expires_at": (
                self.token_expires_at.isoformat() if self.token_expires_at else None
            ),
            "user_id": self.user_id,
            "team_id": self.team_id,
            "scopes": list(self.scopes),
        }

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> State:
        """The inverse of :meth:`to_dict`; unknown keys are ignored."""
        if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
            raise InvalidArgument("a stored state needs at least an access_token string")
        expires = data.get("token_expires_at")
        return cls(
            data["access_token"],
            data.get("refresh_token"),
            expires,
            user_id=data.get("user_id"),
            team_id=data.get("team_id"),
            scopes=data.get("scopes") or (),
        )


# --- end of State ----------------------------------------------------------------------------

_LOCK_GUARD = threading.Lock()


class Storage(ABC):
    """Abstract class used by the stateful client to set and get :class:`State`.

    Implement ``get`` and ``set``. Override :meth:`lock` when several processes share
    the stored state, so that only one of them refreshes an expired token.
    """

    @abstractmethod
    def set(self, state: Optional[State]) -> None:
        """Store ``state``, replacing what was there; ``None`` forgets the user's tokens."""

    @abstractmethod
    def get(self) -> Optional[State]:
        """The stored state, or None when the user has not authorized the app."""

    def lock(self) -> ContextManager[Any]:
        """A lock the client holds while it refreshes the stored tokens.

        The default serialises the threads of this process that use this storage object;
        storages shared between processes override it with a lock that spans them.
        """
        with _LOCK_GUARD:
            lock = self.__dict__.get("_refresh_lock")
            if lock is None:
                lock = self.__dict__["_refresh_lock"] = threading.RLock()
        return lock


class InMemoryStorage(Storage):
    """Tokens in this object only: for scripts, notebooks and tests, not for production."""

    def __init__(self) -> None:
        self.data: Optional[State] = None

    def __repr__(self) -> str:
        return f"InMemoryStorage(authorized={self.data is not None})"

    def set(self, state: Optional[State]) -> None:
        """Keep ``state`` (None forgets it)."""
        self.data = state

    def get(self) -> Optional[State]:
        """The state kept, if any."""
        return self.data


def _check_key(key: Any) -> str:
    if not isinstance(key, str) or not key:
        raise InvalidArgument("key must be a non-empty string (e.g. your user's id)")
    return key


class _Keyed(Storage):
    """A storage holding many users' tokens, one ``key`` per user."""

    key: str

    def with_key(self: _K, key: str) -> _K:
        """The same store and settings, another user's tokens."""
        sibling = copy.copy(self)
        sibling.__dict__.pop("_refresh_lock", None)
        sibling.key = _check_key(key)
        return sibling


def _positive(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise InvalidArgument(f"{name} must be a positive number of seconds")
    return float(value)


def _decode(raw: Union[str, bytes, None]) -> Optional[State]:
    if raw is None:
        return None
    return State.from_dict(json.loads(raw))


def _is_state_like(value: Any) -> bool:
    """A dataclass instance with the official ``State`` fields (``miro_api.storage.State``)."""
    return (
        dataclasses.is_dataclass(value)
        and not isinstance(value, type)
        and hasattr(value, "access_token")
    )


def _encode(state: Any) -> str:
    if not isinstance(state, State):
        if not _is_state_like(state):
            raise InvalidArgumentType("state must be a miro.State or None")
        state = State.from_stored(state)  # the official three-field State
    return json.dumps(state.to_dict(), separators=(",", ":"))


_TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SQLiteStorage(_Keyed):
    """Tokens in a SQLite file: persistent, shared by every process on one host.

    Args:
        path: the database file (created with its table when missing).
        key: whose tokens these are (one row per key, e.g. your user's id).
        table: the table name.
        lock_timeout: how long a refresh waits for another process's refresh to finish
            before raising :class:`~miro.errors.LockTimeout`.
        lock_ttl: how long a lock lives if its holder dies mid-refresh.
    """

    def __init__(
        self,
        path: Union[str, os.PathLike[str]],
        key: str = "default",
        *,
        table: str = "miro_tokens",
        lock_timeout: float = 30.0,
        lock_ttl: float = 60.0,
    ) -> None:
        self.path = os.fspath(path)
        if self.path in ("", ":memory:") or self.path.startswith("file::memory:"):
            raise InvalidArgument(
                "path must be a file: an in-memory SQLite database is private to one "
                "connection (use InMemoryStorage instead)"
            )
        if not isinstance(table, str) or not _TABLE_NAME.match(table):
            raise InvalidArgument("table must be a plain SQL identifier")
        self.key = _check_key(key)
        self.table = table
        self.lock_timeout = _positive("lock_timeout", lock_timeout)
        self.lock_ttl = _positive("lock_ttl", lock_ttl)
        self._local = threading.local()
        _private_file(self.path)
        db = self._db()
        db.execute(
            f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, state TEXT,"
            " lock_owner TEXT, lock_expires REAL)"
        )

    def __repr__(self) -> str:
        return f"SQLiteStorage({self.path!r}, key={self.key!r})"

    def _db(self) -> sqlite3.Connection:
        # One autocommit connection per thread (and per process: never across a fork).
        # Opening one per call cost ~250 µs, a third of a loopback API call.
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():
            db = sqlite3.connect(self.path, timeout=self.lock_timeout, isolation_level=None)
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def get(self) -> Optional[State]:
        """The stored state for this key."""
        db = self._db()
        row = db.execute(f"SELECT state FROM {self.table} WHERE key = ?", (self.key,))
        found = row.fetchone()
        return _decode(found[0]) if found else None

    def set(self, state: Optional[State]) -> None:
        """Store (or, with None, clear) the state for this key."""
        encoded = None if state is None else _encode(state)
        db = self._db()
        db.execute(
            f"INSERT INTO {self.table} (key, state) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET state = excluded.state",
            (self.key, encoded),
        )

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """A lease on this key's row, held by one process (and thread) at a time."""
        owner = uuid.uuid4().hex
        deadline = time.monotonic() + self.lock_timeout
        while not self._try_lock(owner):
            if time.monotonic() >= deadline:
                raise LockTimeout(
                    f"another process held the token refresh lock of {self.key!r} for more "
                    f"than {self.lock_timeout:g} s"
                )
            time.sleep(0.02)
        try:
            yield
        finally:
            db = self._db()
            db.execute(
                f"UPDATE {self.table} SET lock_owner = NULL, lock_expires = NULL"
                " WHERE key = ? AND lock_owner = ?",
                (self.key, owner),
            )

    def _try_lock(self, owner: str) -> bool:
        now = time.time()
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(f"INSERT OR IGNORE INTO {self.table} (key) VALUES (?)", (self.key,))
            taken = db.execute(
                f"UPDATE {self.table} SET lock_owner = ?, lock_expires = ? WHERE key = ?"
                " AND (lock_owner IS NULL OR lock_expires < ?)",
                (owner, now + self.lock_ttl, self.key, now),
            ).rowcount
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return taken == 1


# -- private token files (issue #12.8) ---------------------------------------------------


class InsecureTokenFile(MiroWarning):
    """A token file can be read or written by users other than its owner."""


def _private_file(path: str) -> None:
    """Create ``path`` (and missing folders) for its owner only; warn if others can read it."""
    if path.startswith("file:"):
        return  # a SQLite URI: its owner manages it
    missing = []
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.isdir(folder):
        missing.append(folder)
        folder = os.path.dirname(folder)
    for folder in reversed(missing):  # makedirs' mode would not reach the parents
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
    try:
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        _warn_if_shared(path)
    else:
        os.close(handle)


def _warn_if_shared(path: str) -> None:
    if os.name != "posix":
        return  # Windows ACLs are not mode bits
    mode = os.stat(path).st_mode & 0o777
    if mode & 0o077:
        import warnings

        warnings.warn(
            f"token file {path!r} is accessible by other users (mode {mode:o}); "
            f"its tokens give access to Miro as the user: chmod 600 {path}",
            InsecureTokenFile,
            stacklevel=4,
        )


class RedisStorage(_Keyed):
    """Tokens in Redis, shared by workers on many hosts (extra: ``pip install miro[redis]``).

    Args:
        redis_client_or_url: a ``redis.Redis`` client, or a URL such as
            ``redis://localhost:6379/0``.
        key: whose tokens these are (e.g. your user's id).
        prefix: prepended to the Redis keys (``<prefix>state:<key>``, ``<prefix>lock:<key>``).
        lock_timeout: how long a refresh waits for another worker's refresh to finish
            before raising :class:`~miro.errors.LockTimeout`.
        lock_ttl: how long a lock lives if its holder dies mid-refresh.
    """

    def __init__(
        self,
        redis_client_or_url: Any,
        key: str = "default",
        *,
        prefix: str = "miro:",
        lock_timeout: float = 30.0,
        lock_ttl: float = 60.0,
    ) -> None:
        if isinstance(redis_client_or_url, str):
            try:
                import redis
            except ImportError:  # pragma: no cover - depends on the installed extras
                raise ImportError(
                    "RedisStorage needs the redis package: pip install 'miro[redis]'"
                ) from None
            redis_client_or_url = redis.Redis.from_url(redis_client_or_url)
        for method in ("get", "set", "delete", "lock"):
            if not callable(getattr(redis_client_or_url, method, None)):
                raise InvalidArgumentType(
                    "redis_client_or_url must be a redis.Redis client or a redis:// URL"
                )
        self.redis = redis_client_or_url
        self.key = _check_key(key)
        if not isinstance(prefix, str):
            raise InvalidArgumentType("prefix must be a string")
        self.prefix = prefix
        self.lock_timeout = _positive("lock_timeout", lock_timeout)
        self.lock_ttl = _positive("lock_ttl", lock_ttl)

    def __repr__(self) -> str:
        return f"RedisStorage(key={self.key!r}, prefix={self.prefix!r})"

    @property
    def _state_key(self) -> str:
        return f"{self.prefix}state:{self.key}"

    def get(self) -> Optional[State]:
        """The stored state for this key."""
        return _decode(self.redis.get(self._state_key))

    def set(self, state: Optional[State]) -> None:
        """Store (or, with None, delete) the state for this key."""
        if state is None:
            self.redis.delete(self._state_key)
        else:
            self.redis.set(self._state_key, _encode(state))

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """A Redis lock on this key, held by one worker at a time on any host."""
        lock = self.redis.lock(
            f"{self.prefix}lock:{self.key}",
            timeout=self.lock_ttl,
            blocking_timeout=self.lock_timeout,
            thread_local=False,
        )
        if not lock.acquire():
            raise LockTimeout(
                f"another worker held the token refresh lock of {self.key!r} for more than "
                f"{self.lock_timeout:g} s"
            )
        try:
            yield
        finally:
            try:
                lock.release()
            except Exception:  # the lease ran out and someone else took it: nothing to undo
                pass


class KeyringStorage(_Keyed):
    """Tokens in the operating system's keyring (extra: ``pip install miro[keyring]``).

    The state is one keyring entry: service ``service``, user name ``key``. The lock is
    this process's (a keyring has none across processes): for workers sharing one user,
    prefer :class:`SQLiteStorage` or :class:`RedisStorage`.

    Args:
        key: whose tokens these are.
        service: the keyring service name.
        keyring_backend: a ``keyring`` backend to use instead of the system's default.
    """

    def __init__(
        self, key: str = "default", *, service: str = "miro", keyring_backend: Any = None
    ) -> None:
        if keyring_backend is None:
            try:
                import keyring
            except ImportError:  # pragma: no cover - depends on the installed extras
                raise ImportError(
                    "KeyringStorage needs the keyring package: pip install 'miro[keyring]'"
                ) from None
            keyring_backend = keyring.get_keyring()
        for method in ("get_password", "set_password", "delete_password"):
            if not callable(getattr(keyring_backend, method, None)):
                raise InvalidArgumentType("keyring_backend must be a keyring backend")
        if not isinstance(service, str) or not service:
            raise InvalidArgument("service must be a non-empty string")
        self.keyring = keyring_backend
        self.key = _check_key(key)
        self.service = service

    def __repr__(self) -> str:
        return f"KeyringStorage(key={self.key!r}, service={self.service!r})"

    def get(self) -> Optional[State]:
        """The stored state for this key."""
        return _decode(self.keyring.get_password(self.service, self.key))

    def set(self, state: Optional[State]) -> None:
        """Store (or, with None, delete) the state for this key."""
        if state is not None:
            self.keyring.set_password(self.service, self.key, _encode(state))
            return
        try:
            self.keyring.delete_password(self.service, self.key)
        except Exception as error:  # keyring.errors.PasswordDeleteError: nothing stored
            if type(error).__name__ != "PasswordDeleteError":
                raise
