"""Real signatures and docstrings for ``create``/``update``, generated from the declarations.

``board.items.sticky_notes.create`` takes ``**fields`` in the code, but what it accepts is
declared once in its :class:`~miro.core.params.Body`. :class:`DeclaredVerb` hands out, per
item type, a method whose ``__signature__`` lists those keywords (with types and choices)
and whose docstring describes them, so ``help()``, ``inspect.signature`` and the
completion of Jupyter and IPython show them. The method runs the generic code; an unknown
keyword still raises ``TypeError`` naming the accepted ones and the closest match.
"""

from __future__ import annotations

import datetime
import functools
import inspect
import types
from typing import Any, Callable, Dict, List, Literal, Optional, Tuple, Union

from ..core import params as p

KW = inspect.Parameter.KEYWORD_ONLY
_WORDS = {
    float: "a number",
    str: "a string",
    Union[float, str]: "a number (or numeric string)",
    bool: "True or False",
    Union[str, Any]: "an id, or an object with an .id",
    datetime.datetime: "a timezone-aware datetime (or ISO-8601 string)",
    list: "a list",
    dict: "a dict",
}
MAX_CHOICES_SHOWN = 8


def annotation(check: Any) -> Any:
    """The Python type a check accepts, for the signature."""
    choices = getattr(check, "choices", None)
    if choices:
        return Literal.__getitem__(tuple(choices))
    name = getattr(check, "__qualname__", "")
    for prefix, kind in (
        ("number_string", Union[float, str]),
        ("number", float),
        ("_number", float),
        ("text", str),
        ("_text", str),
        ("_boolean", bool),
        ("_identifier", Union[str, Any]),
        ("_timestamp", datetime.datetime),
        ("list_of", list),
        ("json_object", dict),
        ("hex_color", str),
    ):
        if name.startswith(prefix):
            return kind
    return Any


def describe(name: str, param: p.Param) -> str:
    """One line of the docstring: the keyword, what it takes, where it goes."""
    choices = getattr(param.check, "choices", None)
    if choices:
        shown = ", ".join(repr(c) for c in choices[:MAX_CHOICES_SHOWN])
        more = f", … ({len(choices)} values)" if len(choices) > MAX_CHOICES_SHOWN else ""
        takes = f"one of {shown}{more}"
    else:
        first_line = (getattr(param.check, "__doc__", None) or "").strip().split("\n")[0]
        takes = _WORDS.get(annotation(param.check), first_line.rstrip(".") or "a value")
        if getattr(param.check, "__qualname__", "") == "hex_color":
            takes = "a colour as '#rrggbb'"
    if name == "parent":
        takes = "a frame or its id (x/y are then measured from the frame's top-left)"
    where = ".".join(param.at)
    doc = f" — {param.doc}" if param.doc else ""
    return f"    {name}: {takes} [{where}]{doc}"


def parameters(body: p.Body) -> List[inspect.Parameter]:
    """The keyword-only parameters of ``body`` (required ones without a default)."""
    return [
        inspect.Parameter(
            name,
            KW,
            default=inspect.Parameter.empty if name in body.required else None,
            annotation=Optional[annotation(param.check)],
        )
        for name, param in body.params.items()
    ]


def docstring(summary: str, body: p.Body) -> str:
    """A docstring listing every keyword ``body`` accepts."""
    lines = [summary, "", "Keyword arguments (None or absent: not sent):"]
    lines += [describe(name, param) for name, param in body.params.items()]
    if body.required:
        lines.append(f"Required: {', '.join(body.required)}.")
    for first, second in body.exclusive:
        lines.append(f"Give {first} or {second}, not both.")
    lines.append("An unknown keyword raises TypeError naming the accepted ones.")
    return "\n".join(lines)


_CACHE: Dict[Tuple[str, str, str], Callable[..., Any]] = {}


def specialised(
    key: Tuple[str, str, str],
    generic: Callable[..., Any],
    body: p.Body,
    summary: str,
    leading: Tuple[str, ...] = (),
    name: str = "",
) -> Callable[..., Any]:
    """``generic`` under a signature and docstring generated from ``body`` (cached by key)."""
    cached = _CACHE.get(key)
    if cached is not None:
        return cached

    @functools.wraps(generic)
    def method(*args: Any, **kwargs: Any) -> Any:
        return generic(*args, **kwargs)

    positional = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    positional += [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in leading]
    returns = inspect.signature(generic).return_annotation
    method.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        positional + parameters(body), return_annotation=returns
    )
    method.__doc__ = docstring(summary, body)
    if name:
        method.__name__ = name
        method.__qualname__ = generic.__qualname__.rsplit(".", 1)[0] + "." + name
    del method.__wrapped__  # inspect must not look past us
    _CACHE[key] = method
    return method


class DeclaredVerb:
    """A method whose signature comes from the declaration of its object's item type.

    ``declaration(obj)`` gives the :class:`~miro.items.base.ItemType` (or None: the
    generic method is used as is); ``body_of(declaration)`` the :class:`Body`.
    """

    def __init__(
        self,
        generic: Callable[..., Any],
        declaration: Callable[[Any], Any],
        body_of: Callable[[Any], Optional[p.Body]],
        summary: Callable[[Any], str],
        leading: Tuple[str, ...] = (),
    ) -> None:
        self.generic = generic
        self.declaration = declaration
        self.body_of = body_of
        self.summary = summary
        self.leading = leading
        self.name = generic.__name__
        self.__doc__ = generic.__doc__

    def __set_name__(self, owner: Any, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self.generic
        declaration = self.declaration(obj)
        body = self.body_of(declaration) if declaration is not None else None
        if body is None:
            return types.MethodType(self.generic, obj)
        key = (declaration.base_path, declaration.type, self.generic.__qualname__)
        summary = self.summary(declaration)
        method = specialised(key, self.generic, body, summary, self.leading, self.name)
        return types.MethodType(method, obj)
