"""Notebook and REPL add-ons: HTML reprs, the SVG sketch of a board, DataFrames.

An add-on: nothing below it imports it. Errors, the core and the resources reach it through
:mod:`miro._addons` (``_repr_html_``, ``sketch()``, ``to_dataframe()``), which loads this
package on first use, so ``import miro`` stays fast; it renders any object by what the
object says it is (:func:`miro.core.public.shown_as`), never by naming its class.
pandas (``miro[pandas]``) and tqdm (``miro[progress]``) are optional and imported only
when used.
"""

from .. import _addons
from .dataframe import pandas, to_dataframe
from .html import html_repr
from .sketch import Sketch, sketch_items

_addons.provide("html", html_repr)
_addons.provide("dataframe", to_dataframe)
_addons.provide("pandas", pandas)
_addons.provide("sketch", sketch_items)

__all__ = ["Sketch", "html_repr", "sketch_items", "to_dataframe"]
