"""Real signatures and docstrings for methods that take ``**fields``, from their declaration.

What a create or update accepts is declared once, as a :class:`~miro.core.params.Body`; the
code takes ``**fields`` and hands them to ``Body.build``. :func:`declared` (one body for the
method, or ``choose=`` one per object, e.g. by item type; :class:`DeclaredVerb` underneath)
makes that method show the declared keywords, with their types and choices, in
``inspect.signature``, ``help()`` and the completion of Jupyter and IPython, while type
checkers keep reading the function as written (its ``Unpack[...]`` of a TypedDict generated
from the same Body, ``miro/_declared.py``)::

    class Tags(Collection[Tag]):
        @declared(TAG_CREATE)
        def create(self, **fields: Unpack[TagCreate]) -> Tag:
            "Create a tag; returns it."
            return self._create(TAG_CREATE.build(fields))

The method still runs the generic code, so an unknown keyword raises ``TypeError`` naming
the accepted ones and the closest match, before any request. Signatures are built on first
use, never at import. The declarations stay readable by tools: every declared method is a
:class:`DeclaredVerb` in its class's ``__dict__``, with its ``generic`` function and its
``body`` or ``choose`` (what :meth:`DeclaredVerb.declarations` lists).
"""

from __future__ import annotations

import datetime
import functools
import inspect
import types
from typing import (
    Any,
    Callable,
    Dict,
    Hashable,
    Iterator,
    List,
    Literal,
    Optional,
    Tuple,
    TypeVar,
    Union,
    cast,
)

from . import params as p

F = TypeVar("F", bound=Callable[..., Any])
KW = inspect.Parameter.KEYWORD_ONLY
POSITIONAL = inspect.Parameter.POSITIONAL_OR_KEYWORD
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
    if param.doc:
        takes = param.doc
    elif choices:
        shown = ", ".join(repr(c) for c in choices[:MAX_CHOICES_SHOWN])
        more = f", … ({len(choices)} values)" if len(choices) > MAX_CHOICES_SHOWN else ""
        takes = f"one of {shown}{more}"
    else:
        first_line = (getattr(param.check, "__doc__", None) or "").strip().split("\n")[0]
        takes = _WORDS.get(annotation(param.check), first_line.rstrip(".") or "a value")
        if getattr(param.check, "__qualname__", "") == "hex_color":
            takes = "a colour as '#rrggbb'"
    return f"    {name}: {takes} [{'.'.join(param.at)}]"


def parameters(generic: inspect.Signature, body: p.Body) -> List[inspect.Parameter]:
    """The generic method's own parameters (``self``, ``item_id``, ``emails`` …) in place of
    its ``**fields``, the keyword-only parameters of ``body`` not among them: required ones
    without a default, the others default to None (not sent)."""
    found = [x for x in generic.parameters.values() if x.kind is not x.VAR_KEYWORD]
    for name, param in body.params.items():
        if name in generic.parameters:
            continue
        kind: Any = annotation(param.check)
        if name in body.required:
            found.append(inspect.Parameter(name, KW, annotation=kind))
        else:
            found.append(inspect.Parameter(name, KW, default=None, annotation=Optional[kind]))
    return found


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


def specialised(
    generic: Callable[..., Any], body: p.Body, summary: str, name: str = ""
) -> Callable[..., Any]:
    """``generic`` under a signature and docstring generated from ``body``."""

    @functools.wraps(generic)
    def method(*args: Any, **kwargs: Any) -> Any:
        return generic(*args, **kwargs)

    own = inspect.signature(generic)
    method.__signature__ = own.replace(parameters=parameters(own, body))  # type: ignore[attr-defined]
    method.__doc__ = docstring(summary, body)
    if name:
        method.__name__ = name
        method.__qualname__ = generic.__qualname__.rsplit(".", 1)[0] + "." + name
    del method.__wrapped__  # inspect must not look past us
    return method


#: What a verb declares for one object: a cache key, the body and the docstring's summary.
Declaration = Tuple[Hashable, p.Body, str]


class DeclaredVerb:
    """A method whose signature and docstring come from a declared :class:`Body`.

    ``body`` is the method's one body. When it depends on the object (an item collection's
    item type), give ``choose(obj)`` instead: it returns a :data:`Declaration` or None (the
    generic method is used as is). The generic method's own parameters stay as they are
    (``self``, ``item_id``, ``emails`` …); the body's other keywords replace its ``**fields``.
    """

    def __init__(
        self,
        generic: Callable[..., Any],
        body: Union[p.Body, Callable[[], p.Body], None] = None,
        *,
        choose: Optional[Callable[[Any], Optional[Declaration]]] = None,
    ) -> None:
        if (body is None) == (choose is None):
            raise TypeError("give a DeclaredVerb either body= or choose=")
        self.generic = generic
        self._body = body
        self.choose = choose
        self.name = generic.__name__
        self.__doc__ = generic.__doc__
        self._made: Dict[Hashable, Callable[..., Any]] = {}
        self._fixed: Optional[Callable[..., Any]] = None  # the method, once made from body

    def __set_name__(self, owner: Any, name: str) -> None:
        self.name = name

    @property
    def body(self) -> Optional[p.Body]:
        """The one body of the method (None when it is chosen per object); a body given as a
        function is asked for on first use, so its module loads only then."""
        body = self._body
        if body is not None and not isinstance(body, p.Body):
            body = self._body = body()
        return body

    def declaration(self, obj: Any) -> Optional[Declaration]:
        """The key, body and summary for ``obj`` (None on the class: the fixed ones)."""
        body = self.body
        if body is not None:
            return (None, body, inspect.cleandoc(self.generic.__doc__ or ""))
        if obj is None or self.choose is None:
            return None
        return self.choose(obj)

    def method(self, obj: Any = None) -> Callable[..., Any]:
        """The function ``obj`` gets: the generic one under its declared signature."""
        found = self.declaration(obj)
        if found is None:
            return self.generic
        key, body, summary = found
        made = self._made.get(key)
        if made is None:  # built once per key; a race builds an equal one, harmlessly
            made = specialised(self.generic, body, summary, self.name)
            self._made[key] = made
            if self._body is not None:
                self._fixed = made
        return made

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        method = self._fixed or self.method(obj)
        return method if obj is None else types.MethodType(method, obj)

    @staticmethod
    def declarations(owner: type) -> Iterator[Tuple[str, DeclaredVerb]]:
        """The declared verbs of class ``owner`` and its bases, by name (sorted)."""
        seen: Dict[str, DeclaredVerb] = {}
        for klass in reversed(owner.__mro__):
            seen.update((k, v) for k, v in vars(klass).items() if isinstance(v, DeclaredVerb))
        return iter(sorted(seen.items()))


def declared(
    body: Union[p.Body, Callable[[], p.Body], None] = None,
    *,
    choose: Optional[Callable[[Any], Optional[Declaration]]] = None,
) -> Callable[[F], F]:
    """Give the decorated ``**fields`` method the keywords of ``body`` (its signature and
    docstring; the function's own docstring is the summary), or those ``choose(obj)``
    declares for each object (see :class:`DeclaredVerb`). ``body`` may be a function that
    returns it, called on first use: the body's module then loads only when needed. To a
    type checker the method stays the function it decorates: its annotations
    (``**fields: Unpack[...]``) are what it sees."""

    def decorate(generic: F) -> F:
        return cast(F, DeclaredVerb(generic, body, choose=choose))

    return decorate
