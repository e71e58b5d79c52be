"""Plumbing for the official ``miro_api`` flat methods.

Each flat method is a one-liner onto the fluent layer. :func:`flat` registers the spec
operation it implements and accepts the official client's spellings of the board id
(``board_id_platform``, ``board_id_platform_containers`` …) as aliases.
:func:`generated` builds a flat method from a signature and an implementation, for the
families (item types) where writing each by hand would copy the same lines.
"""

from __future__ import annotations

import functools
import inspect
import re
from typing import TYPE_CHECKING, Any, Callable, Container, Dict, Optional, Sequence, Tuple, TypeVar

from ..core.pagination import MIRO_DEFAULT
from ..core.registry import register
from ..errors import InvalidArgument, InvalidArgumentType
from . import shapes
from .per_call import call_with, per_call_by_position, per_call_parameters, take_per_call

if TYPE_CHECKING:
    from ..enterprise.organizations import Organization, Organizations

F = TypeVar("F", bound=Callable[..., Any])

#: Spellings the official clients (old and new generations) use for a board id.
BOARD_ID_ALIASES = (
    "board_id",
    "board_id_platform",
    "board_id_platform_containers",
    "board_id_platform_file_upload",
    "board_id_platform_tags",
    "board_id_platformcreateitemsinbulkusingfilefromdevice",
)


def _normalize_aliases(
    signature: inspect.Signature, args: Tuple[Any, ...], kwargs: Dict[str, Any]
) -> Dict[str, Any]:
    target = next((name for name in BOARD_ID_ALIASES if name in signature.parameters), None)
    if target is None:
        return kwargs
    given = [name for name in BOARD_ID_ALIASES if name in kwargs and name != target]
    if not given:
        return kwargs
    positional = list(signature.parameters)[: len(args)]
    if target in kwargs or target in positional or len(given) > 1:
        raise InvalidArgumentType(f"the board id was given twice ({', '.join([target] + given)})")
    out = dict(kwargs)
    out[target] = out.pop(given[0])
    return out


#: Arguments the fluent layer spells otherwise than the flat methods calling it: fluent
#: name -> the flat names it may stand for. An argument error raised under a flat method
#: that starts with a fluent name the method does not have is reworded to the method's
#: own spelling (:func:`in_callers_terms`), so ``api.list_users(count=1001)`` says
#: ``count``, not the paginator's ``limit``.
FLUENT_SPELLINGS: Dict[str, Tuple[str, ...]] = {
    "board_id": (*BOARD_ID_ALIASES[1:], "copy_from"),
    "creator_ids": ("creator_id",),
    "from_": ("var_from",),
    "group": ("group_id",),
    "limit": ("count",),
    "member": ("member_id",),
    "name": ("resource",),
    "source": ("resource",),
    "tag": ("tag_id",),
}

_LEADING_NAME = re.compile(r"[A-Za-z_]\w*")


def in_callers_terms(error: Exception, parameters: Container[str], given: Container[str]) -> None:
    """Reword ``error`` (in place) to start with the flat method's spelling of the argument
    it names, when it names the fluent spelling; ``given``: the keywords the caller used."""
    message = str(error.args[0]) if error.args else ""
    lead = _LEADING_NAME.match(message)
    if lead is None or lead.group(0) in parameters or lead.group(0) in given:
        return
    for spelling in FLUENT_SPELLINGS.get(lead.group(0), ()):
        if spelling in parameters:
            error.args = (spelling + message[lead.end() :], *error.args[1:])
            return


def own_argument_names(fn: F) -> F:
    """Make ``fn``'s argument errors name the arguments as ``fn`` spells them."""
    parameters = inspect.signature(fn).parameters

    @functools.wraps(fn)
    def method(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (InvalidArgument, InvalidArgumentType) as error:
            in_callers_terms(error, parameters, kwargs)
            raise

    return method  # type: ignore[return-value]


def official(fn: F) -> F:
    """Let a method take the official clients' spellings of the board id; its argument
    errors name the arguments as it spells them (:func:`own_argument_names`)."""
    signature = inspect.signature(fn)

    @own_argument_names
    @functools.wraps(fn)
    def method(*args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **_normalize_aliases(signature, args, kwargs))
        return shapes.adapt(fn.__name__, result)  # the official result shapes

    return method  # type: ignore[return-value]


def flat(operation_id: str, fluent: str) -> Callable[[F], F]:
    """Mark a method as the official flat method for ``operation_id``; it also takes the
    official per-call keywords (:data:`PER_CALL`), by keyword or after its own parameters."""

    def decorate(fn: F) -> F:
        op = register(operation_id, fluent)
        if fn.__name__ != op.flat_name:
            raise RuntimeError(f"{fn.__name__} should be named {op.flat_name}")
        inner = official(fn)
        own = inspect.signature(fn)
        signature = own.replace(parameters=[*own.parameters.values(), *per_call_parameters()])

        @functools.wraps(fn)
        def method(*args: Any, **kwargs: Any) -> Any:
            if len(args) > len(own.parameters):  # per-call values given by position
                args, extra = args[: len(own.parameters)], args[len(own.parameters) :]
                per_call_by_position(fn.__name__, extra, kwargs)
            options = take_per_call(kwargs)
            return call_with(options, inner, *args, **kwargs)

        method.__signature__ = signature  # type: ignore[attr-defined]
        return method  # type: ignore[return-value]

    return decorate


def generated(
    operation_id: str,
    fluent: str,
    parameters: Sequence[Tuple[str, Any, Any]],
    impl: Callable[..., Any],
    doc: str,
    returns: Any = Any,
) -> Callable[..., Any]:
    """A flat method named after ``operation_id`` with the given ``(name, default, type)``
    params (then the per-call keywords), returning ``returns``.

    ``inspect.Parameter.empty`` as default marks a required parameter. ``impl`` receives
    ``self`` and every parameter by keyword. The signature and ``__annotations__`` carry
    the types; ``miro/compat/_item_methods.py`` declares the same ones for type checkers.
    """
    op = register(operation_id, fluent)
    params = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    params += [
        inspect.Parameter(
            name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default, annotation=kind
        )
        for name, default, kind in parameters
    ]
    params += per_call_parameters()
    returns = shapes.returns(op.flat_name, returns)  # the official result shapes
    signature = inspect.Signature(params, return_annotation=returns)

    def method(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **_normalize_aliases(signature, args, kwargs))
        except TypeError as exc:
            raise InvalidArgumentType(f"{op.flat_name}(): {exc}") from None
        bound.apply_defaults()
        values = dict(bound.arguments)
        options = take_per_call(values)
        try:
            result = call_with(options, impl, values.pop("self"), **values)
        except (InvalidArgument, InvalidArgumentType) as error:
            in_callers_terms(error, signature.parameters, kwargs)
            raise
        return shapes.adapt(op.flat_name, result)  # the official result shapes

    method.__name__ = method.__qualname__ = op.flat_name
    method.__doc__ = doc
    method.__signature__ = signature  # type: ignore[attr-defined]
    method.__annotations__ = {p.name: p.annotation for p in params[1:]}
    method.__annotations__["return"] = returns
    method.generated = True  # type: ignore[attr-defined]
    return method


#: A request body: a dict in the API's JSON shape, or a model (ours or the official one's).
JsonBody = Any
#: A local file: a path, a binary file object, bytes, or a ``(filename, bytes)`` pair.
FileArgument = Any

REQUIRED = inspect.Parameter.empty


def page_size(limit: Any) -> Any:
    """A page size given the official way (``"50"``) or as an int; none given is
    :data:`~miro.core.pagination.MIRO_DEFAULT` (a single page is asked without ``limit``,
    as the official client asks it)."""
    if limit is None:
        return MIRO_DEFAULT
    if isinstance(limit, str):
        if not limit.strip().isdigit():
            raise InvalidArgument(f"limit must be a whole number, got {limit!r}")
        return int(limit)
    return limit


def page_offset(offset: Any) -> Optional[int]:
    """An offset given the official way (``"0"``) or as an int."""
    if offset is None:
        return None
    if isinstance(offset, str):
        if not offset.strip().isdigit():
            raise InvalidArgument(f"offset must be a whole number, got {offset!r}")
        return int(offset)
    return offset


class OrgHost:
    """What the organization-side families need from the client they are mixed into."""

    if TYPE_CHECKING:  # MiroApi provides it

        @property
        def organizations(self) -> Organizations:
            """The fluent root the flat methods go through."""

    def _org(self, org_id: str) -> Organization:
        """The organization ``org_id``, without a request."""
        return self.organizations.get(org_id, lazy=True)
