"""``miro_api.api_response``: the official ``ApiResponse`` (status, headers, data, raw data)."""

from miro.compat.client import ApiResponse

__all__ = ["ApiResponse"]
