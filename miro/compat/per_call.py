"""The official per-call keywords: ``_request_timeout``, ``_request_auth``,
``_content_type``, ``_headers``, ``_host_index``.

Every official endpoint method takes them after its own parameters. The timeout and the
headers (with a header ``_request_auth``) reach the transport for that one call through
:func:`miro.core.transport.call_options`; ``_content_type`` and ``_host_index`` are checked
and accepted. :func:`~miro.compat.base.flat` and :func:`~miro.compat.base.generated` add
them to every flat method.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from ..core.transport import call_options
from ..errors import InvalidArgument, InvalidArgumentType

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


def call_with(
    options: Optional[Dict[str, Any]], fn: Callable[..., Any], *args: Any, **kwargs: Any
) -> Any:
    """Call ``fn`` with the transport options of :func:`take_per_call` applied, if any."""
    if options is None:
        return fn(*args, **kwargs)
    with call_options(**options):
        return fn(*args, **kwargs)


def per_call_by_position(name: str, extra: Tuple[Any, ...], kwargs: Dict[str, Any]) -> None:
    """Move per-call values given after a method's own parameters into ``kwargs``."""
    if len(extra) > len(PER_CALL_NAMES):
        raise InvalidArgumentType(
            f"{name}() got {len(extra) - len(PER_CALL_NAMES)} too many arguments"
        )
    for key, value in zip(PER_CALL_NAMES, extra):
        if key in kwargs:
            raise InvalidArgumentType(f"{name}() got multiple values for argument {key!r}")
        kwargs[key] = value
