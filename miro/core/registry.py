"""Which API operations the SDK implements, fluent and flat.

Every flat ``MiroApi`` method registers the spec operation it calls (by ``operationId``)
with the fluent call that does the work. The coverage test reads :func:`operations` and
checks each claim against Miro's spec and against FakeMiro. Registrations happen when a
family of flat methods is loaded (``MiroApi`` loads them on first use, and completes the
list whenever :func:`operations` is asked); the core imports nothing above it.
"""

from __future__ import annotations

from typing import Callable, Dict, List, NamedTuple


class Operation(NamedTuple):
    """One implemented API operation (a named tuple: a token client needs no attrs class)."""

    operation_id: str
    flat_name: str
    fluent_name: str


_OPERATIONS: Dict[str, Operation] = {}
_COMPLETERS: List[Callable[[], None]] = []


def flat_name_for(operation_id: str) -> str:
    """The official ``miro_api`` method name: snake_case of the operationId."""
    from .convert import snake

    return snake(operation_id)


def register(operation_id: str, fluent_name: str) -> Operation:
    """Record that ``operation_id`` is implemented; returns the record."""
    op = Operation(operation_id, flat_name_for(operation_id), fluent_name)
    existing = _OPERATIONS.get(operation_id)
    if existing is not None and existing != op:
        raise RuntimeError(f"operation {operation_id} registered twice: {existing} and {op}")
    _OPERATIONS[operation_id] = op
    return op


def before_listing(complete: Callable[[], None]) -> None:
    """Run ``complete`` before each :func:`operations` call: a layer that registers its
    operations lazily loads the rest there."""
    _COMPLETERS.append(complete)


def operations() -> List[Operation]:
    """Every operation registered (all of them once ``miro.api`` is imported), sorted by
    operationId."""
    for complete in _COMPLETERS:
        complete()
    return sorted(_OPERATIONS.values(), key=lambda op: op.operation_id)
