"""``miro_api.rest``: the official client's REST layer (one request, the raw answer)."""

from miro.compat.client import RESTClientObject, RESTResponse, is_socks_proxy_url

__all__ = ["RESTClientObject", "RESTResponse", "is_socks_proxy_url"]
