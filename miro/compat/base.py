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
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union

from ..core.registry import register
from ..core.transport import call_options
from ..errors import InvalidArgument, InvalidArgumentType

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


def official(fn: F) -> F:
    """Let a method take the official clients' spellings of the board id."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def method(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **_normalize_aliases(signature, args, kwargs))

    return method  # type: ignore[return-value]


# --- the official per-call keywords (issue #10 part B) ------------------------------------

#: Timeout for one call: seconds, or a (connect, read) pair.
RequestTimeout = Union[None, float, Tuple[float, float]]

#: The keywords every official endpoint method takes after its own parameters, in order.
PER_CALL: Tuple[Tuple[str, Any, Any], ...] = (
    ("_request_timeout", None, RequestTimeout),
    ("_request_auth", None, Optional[Dict[str, Any]]),
    ("_content_type", None, Optional[str]),
    ("_headers", None, Optional[Dict[str, Any]]),
    ("_host_index", 0, int),
)
PER_CALL_NAMES = tuple(name for name, _, _ in PER_CALL)


def per_call_parameters() -> List[inspect.Parameter]:
    """The per-call keywords as signature parameters (after the method's own)."""
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    return [
        inspect.Parameter(name, kind, default=default, annotation=annotation)
        for name, default, annotation in PER_CALL
    ]


def _positive(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgumentType(f"{name} must be a number of seconds, got {type(value).__name__}")
    if not value > 0:
        raise InvalidArgument(f"{name} must be more than 0 seconds, got {value}")
    return float(value)


def _timeout(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, tuple):
        if len(value) != 2:
            raise InvalidArgument("_request_timeout must be seconds or a (connect, read) pair")
        connect, read = value
        return (_positive("_request_timeout[0]", connect), _positive("_request_timeout[1]", read))
    return _positive("_request_timeout", value)


def _headers(value: Any, auth: Any) -> Dict[str, str]:
    headers: Dict[str, str] = {}
    if value is not None and not isinstance(value, Mapping):
        raise InvalidArgumentType(f"_headers must be a dict, got {type(value).__name__}")
    for key, item in (value or {}).items():
        if not isinstance(key, str) or not key:
            raise InvalidArgumentType("_headers keys must be header names (strings)")
        headers[key] = item if isinstance(item, str) else str(item)
    if auth is not None:
        if not isinstance(auth, Mapping) or auth.get("in", "header") != "header":
            raise InvalidArgument(
                "_request_auth must be a dict like {'in': 'header', 'key': 'Authorization', "
                "'value': 'Bearer ...'}: Miro takes bearer tokens in a header only"
            )
        key, token = auth.get("key", "Authorization"), auth.get("value")
        if not isinstance(key, str) or not isinstance(token, str):
            raise InvalidArgumentType("_request_auth needs string 'key' and 'value' entries")
        headers[key] = token
    return headers


def take_per_call(values: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """Remove the per-call keywords from ``values``; return the transport options they ask
    for (``timeout``, ``headers``), or None when none was given. Checked before any request:
    ``_content_type`` must be a string (the SDK sends each body with the type the endpoint
    documents) and ``_host_index`` 0 (Miro's API has one host)."""
    given = {name: values.pop(name) for name in PER_CALL_NAMES if name in values}
    content_type = given.get("_content_type")
    if content_type is not None and not isinstance(content_type, str):
        raise InvalidArgumentType("_content_type must be a string")
    host_index = given.get("_host_index", 0)
    if host_index != 0 or isinstance(host_index, bool):
        raise InvalidArgument(f"_host_index must be 0 (Miro's API has one host): {host_index!r}")
    timeout = _timeout(given.get("_request_timeout"))
    headers = _headers(given.get("_headers"), given.get("_request_auth"))
    if timeout is None and not headers:
        return None
    return {"timeout": timeout, "headers": headers}


def _call(fn: Callable[..., Any], options: Optional[Dict[str, Any]], *args: Any, **kwargs: Any):
    if options is None:
        return fn(*args, **kwargs)
    with call_options(**options):
        return fn(*args, **kwargs)


def _per_call_by_position(name: str, extra: Tuple[Any, ...], kwargs: Dict[str, Any]) -> None:
    if len(extra) > len(PER_CALL_NAMES):
        raise InvalidArgumentType(
            f"{name}() got {len(extra) - len(PER_CALL_NAMES)} too many arguments"
        )
    for key, value in zip(PER_CALL_NAMES, extra):
        if key in kwargs:
            raise InvalidArgumentType(f"{name}() got multiple values for argument {key!r}")
        kwargs[key] = value


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
                _per_call_by_position(fn.__name__, extra, kwargs)
            options = take_per_call(kwargs)
            return _call(inner, options, *args, **kwargs)

        method.__signature__ = signature  # type: ignore[attr-defined]
        return method  # type: ignore[return-value]

    return decorate


# --- end of the per-call keywords -----------------------------------------------------------


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
    signature = inspect.Signature(params, return_annotation=returns)

    def method(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **_normalize_aliases(signature, args, kwargs))
        except TypeError as exc:
            raise InvalidArgumentType(f"{op.flat_name}(): {exc}") from None
        bound.apply_defaults()
        values = dict(bound.arguments)
        options = take_per_call(values)
        return _call(impl, options, values.pop("self"), **values)

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


def page_size(limit: Any) -> Optional[int]:
    """A page size given the official way (``"50"``) or as an int."""
    if limit is None:
        return None
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
