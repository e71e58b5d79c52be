"""How the layers below the add-ons reach them without importing them.

The notebook display (:mod:`miro.display`) and snapshots (:mod:`miro.snapshot`) are
add-ons: errors, the core and the domain modules ask for what an add-on does by name
(``use("html")(board)``) and never import it. An add-on ``provide``s its functions when it
loads; the package itself (``miro/__init__.py``, above everything) says which module to
load for each (``load_with``), so ``import miro`` loads no add-on and a board still shows
in a fresh notebook kernel. See ARCHITECTURE.md.
"""

from __future__ import annotations

from typing import Any, Callable, Dict

_PROVIDED: Dict[str, Callable[..., Any]] = {}
_LOADERS: Dict[str, Callable[[], Any]] = {}


def provide(capability: str, function: Callable[..., Any]) -> None:
    """Offer ``function`` as ``capability`` (an add-on calls this when it loads)."""
    _PROVIDED[capability] = function


def load_with(loader: Callable[[], Any], *capabilities: str) -> None:
    """Say that calling ``loader`` (it imports an add-on) provides ``capabilities``."""
    for capability in capabilities:
        _LOADERS[capability] = loader


def use(capability: str) -> Callable[..., Any]:
    """The function provided as ``capability``, its add-on loaded on first use."""
    function = _PROVIDED.get(capability)
    if function is None:
        loader = _LOADERS.get(capability)
        if loader is None:
            raise LookupError(f"no add-on provides {capability!r}")
        loader()
        function = _PROVIDED[capability]
    return function
