"""``miro_api.miro_api_wrapper``: where the official package defines its two clients."""

from typing import Any

import miro
from miro import MiroApi
from miro.compat.client import ApiClient, Configuration, MiroApiClient, RESTClientObject
from miro.compat.storage import official_state

from .storage import InMemoryStorage, State, Storage


class Miro(miro.Miro):
    """The stateful client (:class:`miro.Miro`), storing the official ``State`` (three
    fields, naive local expiry) as the official client does."""

    def _stored(self, state: miro.State) -> Any:
        return official_state(state)


__all__ = [
    "ApiClient",
    "Configuration",
    "InMemoryStorage",
    "Miro",
    "MiroApi",
    "MiroApiClient",
    "RESTClientObject",
    "State",
    "Storage",
]
