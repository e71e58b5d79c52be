"""``miro_api.api``: where the official package defines its endpoint methods.

``MiroApiEndpoints`` is :class:`miro.MiroApi` here (the official class takes an
``ApiClient``; ours takes the access token, as the official ``MiroApi`` does).
"""

from miro import MiroApi as MiroApiEndpoints

__all__ = ["MiroApiEndpoints"]
