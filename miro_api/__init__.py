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

from miro import MiroApi
from miro._version import __version__

from .miro_api_wrapper import Miro

__all__ = ["Miro", "MiroApi", "__version__"]
