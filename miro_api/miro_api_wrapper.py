"""``miro_api.miro_api_wrapper``: where the official package defines its two clients."""

from miro import Miro, MiroApi
from miro.compat.client import ApiClient, Configuration
from miro.storage import InMemoryStorage, State, Storage

__all__ = ["ApiClient", "Configuration", "InMemoryStorage", "Miro", "MiroApi", "State", "Storage"]
