"""The official ``miro_api`` flat methods, each a one-liner onto the fluent layer."""

from .boards import BoardsFlat
from .items import ItemsFlat


class FlatMethods(BoardsFlat, ItemsFlat):
    """Every official flat method this SDK implements."""


__all__ = ["FlatMethods"]
