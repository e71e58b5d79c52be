"""A griffe extension for the documentation site: what ``miro`` is at run time, shown
from its source.

- ``MiroApi`` loads its official flat methods one family at a time on first use
  (``miro.compat.lazy``); type checkers see them on the generated declarations
  (``miro.compat._declared.FlatMethods``, per-call keywords included). The
  extension puts every one of them on ``miro.MiroApi`` (as griffe aliases of their
  declarations), and each method that calls an API operation links to Miro's reference
  page for it (the operation ids come from ``miro.core.registry``).
- Plumbing that ``dir()`` hides (``miro.core.public.INTERNAL``: ``path``, ``wrap`` …) is
  left off every class that hides it.
- Sphinx roles (``:class:`Board```) read as code, and reST's ``Example::`` as ``Example:``
  (in ``miro`` and ``miro_api``).
- ``Items.sticky_notes`` … (descriptors typed ``_TypedCollection[ItemTypeCollection]``)
  read as the ``ItemTypeCollection`` they give, with a line on what they do.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterator

import griffe

#: Miro's reference page for an operation: its operationId, lower-cased.
REFERENCE = "https://developers.miro.com/reference/{}"
ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`~?([^`]+)`")
LITERAL_BLOCK = re.compile(r"(?m)(\S)::$")  # reST's "Example::" before an indented block


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """``obj`` and everything defined in it (aliases left out)."""
    yield obj
    for member in list(obj.members.values()):
        if not member.is_alias:
            yield from _objects(member)  # type: ignore[arg-type]


def _operations() -> Dict[str, str]:
    """Flat method name -> the operationId it calls."""
    import miro
    from miro.core import registry

    assert miro.MiroApi  # loading the client lets the registry load every family when asked

    return {op.flat_name: op.operation_id for op in registry.operations()}


def _flat_names() -> Dict[str, str]:
    """Public flat method name -> its family (``"boards.BoardsFlat"``)."""
    from miro.compat._index import FAMILIES

    return {
        name: family
        for family, names in FAMILIES.items()
        for name in names
        if not name.startswith("_")
    }


def _link(function: griffe.Object, operation_id: str) -> None:
    url = REFERENCE.format(operation_id.lower())
    line = f"Miro's reference: [`{operation_id}`]({url})."
    if function.docstring is None:
        function.docstring = griffe.Docstring(line, parent=function)
    elif url not in function.docstring.value:
        function.docstring.value = f"{function.docstring.value}\n\n{line}"


def _describe_typed_collection(attribute: griffe.Object) -> None:
    attribute.annotation = str(attribute.annotation)[len("_TypedCollection[") : -1]
    if attribute.docstring is None:
        kind = attribute.name.replace("_", " ")
        text = (
            f"The board's {kind}: `create`, `get`, `update`, `delete`, `list` (what `create`"
            " and `update` take: at the end of this page)."
        )
        attribute.docstring = griffe.Docstring(text, parent=attribute)


def _declared_flat_methods(pkg: griffe.Module) -> griffe.Object:
    """The class declaring every flat method as type checkers see ``MiroApi``: the generated
    declarations (per-call keywords in each signature) where they exist, else the mixin
    of every family that ``miro.compat.flat`` builds at run time."""
    try:
        return pkg["compat._declared.FlatMethods"]
    except KeyError:
        from miro.compat.flat import FlatMethods

        return pkg[f"{FlatMethods.__module__}.{FlatMethods.__qualname__}".split(".", 1)[1]]


class MiroDocs(griffe.Extension):
    """See the module's docstring."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Once a package is loaded: roles in ``miro`` and ``miro_api``; the rest in ``miro``."""
        if pkg.name not in ("miro", "miro_api"):
            return
        for obj in _objects(pkg):
            if obj.docstring is not None:
                text = ROLE.sub(r"`\1`", obj.docstring.value)
                obj.docstring.value = LITERAL_BLOCK.sub(r"\1:", text)
        if pkg.name == "miro":
            self._tidy_classes(pkg)
            self._install_flat_methods(pkg)

    @staticmethod
    def _tidy_classes(pkg: griffe.Module) -> None:
        from miro.core.public import INTERNAL

        for obj in _objects(pkg):
            if obj.is_attribute and str(obj.annotation).startswith("_TypedCollection["):
                _describe_typed_collection(obj)
            if obj.is_class and "__dir__" in obj.all_members:  # it hides plumbing from dir()
                for name in INTERNAL & set(obj.members):
                    del obj.members[name]

    @staticmethod
    def _install_flat_methods(pkg: griffe.Module) -> None:
        api = pkg["MiroApi"].final_target  # wherever the public name's class is defined
        declared = _declared_flat_methods(pkg)
        operations = _operations()
        api.bases.clear()  # the lazy base is an implementation detail
        for name in _flat_names():
            function = declared.all_members[name]
            target = function.final_target if function.is_alias else function
            if name in operations:
                _link(target, operations[name])
            api.set_member(name, griffe.Alias(name, target, parent=api))
