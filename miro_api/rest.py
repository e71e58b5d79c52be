"""``miro_api.rest``: the official client's REST layer (one request, the raw answer)."""

from miro.compat.client import RESTClientObject, RESTResponse

__all__ = ["RESTClientObject", "RESTResponse"]
