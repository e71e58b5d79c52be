"""``miro_api.api_extended``: the official endpoint methods plus ``get_all_*`` iterators.

``MiroApiExtended`` is :class:`miro.MiroApi` here, which has both.
"""

from miro import MiroApi as MiroApiExtended

__all__ = ["MiroApiExtended"]
