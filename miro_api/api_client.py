"""``miro_api.api_client``: the official client's HTTP entry point (``ApiClient.call_api``).

:class:`miro.Miro` sends its OAuth token requests through it, so tests written for the
official client that patch ``ApiClient.call_api`` work unchanged.
"""

from miro.compat.client import ApiClient

__all__ = ["ApiClient"]
