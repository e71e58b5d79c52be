"""``miro_api.configuration``: the official client's settings object."""

from miro.compat.client import Configuration

__all__ = ["Configuration"]
