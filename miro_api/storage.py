"""``miro_api.storage``: the token storage interface of the official package."""

from miro.storage import InMemoryStorage, RedisStorage, SQLiteStorage, State, Storage

__all__ = ["InMemoryStorage", "RedisStorage", "SQLiteStorage", "State", "Storage"]
