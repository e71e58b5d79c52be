"""Drop-in for the official ``miro_api`` package, backed by :mod:`miro`.

Code written for the official client runs unchanged::

    import miro_api

    miro = miro_api.Miro()               # MIRO_CLIENT_ID, MIRO_CLIENT_SECRET, MIRO_REDIRECT_URL
    print(miro.auth_url)

    api = miro_api.MiroApi("<access_token>")
    print(api.get_boards())

``miro_api.storage`` holds ``Storage``, ``State`` (the official three-field one) and
``InMemoryStorage``; ``miro_api.models`` every official model, one module each. Installing this
distribution next to the official ``miro_api`` distribution makes the two clash: keep one.
"""

import importlib
from typing import Any

from miro import MiroApi
from miro._version import __version__

from .miro_api_wrapper import Miro

#: The submodules ``import miro_api`` makes reachable as attributes (the official package
#: imports them all at once; here each loads on first use).
SUBMODULES = frozenset(
    {
        "api",
        "api_client",
        "api_extended",
        "api_response",
        "configuration",
        "exceptions",
        "miro_api_wrapper",
        "models",
        "rest",
        "storage",
    }
)


def __getattr__(name: str) -> Any:
    if name not in SUBMODULES:
        raise AttributeError(f"module 'miro_api' has no attribute {name!r}")
    return importlib.import_module(f"{__name__}.{name}")


__all__ = ["Miro", "MiroApi", "__version__"]
