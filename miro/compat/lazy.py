"""The flat methods, loaded one family at a time on first use.

``MiroApi`` carries some two hundred official flat methods in thirteen families (one module
each: :mod:`miro.compat.boards`, :mod:`miro.compat.enterprise_org` …). Importing them all
costs more than importing ``requests``, and a token client that never calls them should not
pay for it. :data:`LazyFlatMethods` holds a small placeholder per name, listed in the
generated :data:`miro.compat._index.FAMILIES`. The first access to a name imports its
family's module and puts the family's real attributes in place of the placeholders, so
every later call costs what a plain method call costs. ``dir()``, ``help()`` and
``inspect.signature()`` see the real methods (asking for one loads it).
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, Optional, Set, Tuple

from ..core import registry
from ._index import FAMILIES


class _Placeholder:
    """A flat method (or helper) whose family is not loaded yet."""

    __slots__ = ("family", "name", "home")

    def __init__(self, family: str) -> None:
        self.family = family
        self.name = ""
        self.home: type = object

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.home = owner

    def __get__(self, instance: Any, owner: Optional[type] = None) -> Any:
        load(self.home, self.family)
        value = self.home.__dict__[self.name]
        getter = getattr(type(value), "__get__", None)
        return value if getter is None else getter(value, instance, owner or self.home)

    def __repr__(self) -> str:
        return f"<{self.name} of the {self.family} flat methods, not loaded yet>"


def _defined(cls: type, name: str) -> Any:
    """``name`` as ``cls`` defines or inherits it (the raw function, not bound)."""
    for klass in cls.__mro__:
        if name in vars(klass):
            return vars(klass)[name]
    raise AttributeError(f"{cls.__name__} has no {name}")


#: The families already in place, per class that holds their placeholders.
_LOADED: Set[Tuple[type, str]] = set()


def load(home: type, family: str) -> None:
    """Import ``family`` (``"module.Class"`` in this package) and put its attributes on
    ``home`` in place of the placeholders (once: later calls return at once)."""
    if (home, family) in _LOADED:
        return
    module, cls = family.rsplit(".", 1)
    mixin = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
    for name in FAMILIES[family]:
        setattr(home, name, _defined(mixin, name))
    _LOADED.add((home, family))  # after every name is in place, so no thread sees half


def load_all(home: type) -> None:
    """Load every family onto ``home`` (and so register every operation)."""
    for family in FAMILIES:
        load(home, family)


def _namespace() -> Dict[str, Any]:
    namespace: Dict[str, Any] = {
        "__doc__": "Every official flat method, each loaded with its family on first use.",
        "__module__": __name__,
    }
    for family, names in FAMILIES.items():
        namespace.update((name, _Placeholder(family)) for name in names)
    return namespace


#: The base class of :class:`miro.MiroApi` at run time (type checkers see
#: :class:`miro.compat.flat.FlatMethods`).
LazyFlatMethods: type = type("LazyFlatMethods", (), _namespace())

registry.before_listing(lambda: load_all(LazyFlatMethods))
