"""Notebook and REPL add-ons: HTML reprs, the SVG sketch of a board, DataFrames.

Nothing in the SDK's resources imports this package at import time: their
``_repr_html_`` and ``sketch()``/``to_dataframe()`` methods import it on first use, so
``import miro`` stays fast. pandas (``miro[pandas]``) and tqdm (``miro[progress]``) are
optional and imported only when used.
"""

from .dataframe import to_dataframe
from .html import html_repr
from .sketch import Sketch, sketch_items

__all__ = ["Sketch", "html_repr", "sketch_items", "to_dataframe"]
