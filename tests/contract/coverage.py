"""Which of the spec's operations the SDK implements, fluent and flat, by tag."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Tuple

import pytest

from . import official
from . import spec as specmod

#: Where ``test_coverage_report`` leaves the table; the terminal summary prints it once.
REPORT = pytest.StashKey[str]()


@dataclass(frozen=True)
class Coverage:
    """Implemented operations measured against the spec."""

    total: int
    flat: Tuple[str, ...]  # operationIds with a MiroApi method of the official name
    fluent: Tuple[str, ...]  # operationIds the registry gives a fluent call for
    unknown: Tuple[str, ...]  # claimed operationIds the spec does not have
    by_tag: Dict[str, Tuple[int, int, int]]  # tag -> (operations, flat, fluent)


def measure(spec: specmod.Spec, claimed: Iterable[Any], client_class: Optional[type]) -> Coverage:
    """Coverage of ``spec`` by the registry records ``claimed`` and by ``client_class``."""
    claimed = list(claimed)
    known = spec.operations
    fluent = tuple(
        sorted(r.operation_id for r in claimed if r.fluent_name and r.operation_id in known)
    )
    flat = tuple(
        sorted(
            op_id
            for op_id in known
            if client_class is not None
            and callable(getattr(client_class, official.official_method_name(op_id), None))
        )
    )
    by_tag: Dict[str, List[int]] = {}
    for op_id, info in known.items():
        tag = info.tags[0] if info.tags else "(untagged)"
        row = by_tag.setdefault(tag, [0, 0, 0])
        row[0] += 1
        row[1] += op_id in flat
        row[2] += op_id in fluent
    unknown = tuple(sorted(r.operation_id for r in claimed if r.operation_id not in known))
    return Coverage(
        len(known), flat, fluent, unknown, {t: (r[0], r[1], r[2]) for t, r in by_tag.items()}
    )


def report(coverage: Coverage) -> str:
    """A plain-text table: totals, then one line per tag (in spec order)."""
    lines = [
        f"Miro OpenAPI operations implemented: flat {len(coverage.flat)}/{coverage.total}, "
        f"fluent {len(coverage.fluent)}/{coverage.total}",
        f"{'tag':<45} {'flat':>9} {'fluent':>9}",
    ]
    for tag, (ops, flat, fluent) in coverage.by_tag.items():
        lines.append(f"{tag:<45} {flat:>4}/{ops:<4} {fluent:>4}/{ops:<4}")
    if coverage.unknown:
        lines.append(f"claimed but not in the spec: {', '.join(coverage.unknown)}")
    return "\n".join(lines)
