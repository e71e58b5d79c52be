"""miro: a hand-written Python SDK for the Miro REST API v2."""

from ._version import __version__

__all__ = ["__version__"]
