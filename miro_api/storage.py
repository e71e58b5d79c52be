"""``miro_api.storage``: the token storage interface of the official package.

``State`` is the official three-field dataclass (``access_token``, ``refresh_token``,
``token_expires_at`` as naive local time); :class:`miro.State` keeps its extras.
"""

from miro.compat.storage import State
from miro.storage import InMemoryStorage, RedisStorage, SQLiteStorage, Storage

__all__ = ["InMemoryStorage", "RedisStorage", "SQLiteStorage", "State", "Storage"]
