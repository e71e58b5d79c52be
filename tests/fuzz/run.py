"""One Schemathesis run against a FakeMiro, as a list of the failures it found.

Schemathesis 4's engine (what ``st run`` drives) runs all four phases — examples,
coverage, fuzzing, stateful — with every default check; this module starts it on the
overlaid spec (:mod:`.overlay`) and flattens what it reports.
"""

from __future__ import annotations

import dataclasses
import json
import time
from typing import Any, Dict, List, Optional

#: A fixed seed and a modest budget keep the run reproducible and CI-sized.
SEED = 20261201
MAX_EXAMPLES = 6
STATEFUL_STEPS = 15


@dataclasses.dataclass(frozen=True)
class Found:
    """One failed check on one request."""

    phase: str
    operation: str  # "POST /v2/boards/{board_id}/cards", or the stateful step's
    check: str  # e.g. "positive_data_acceptance"
    title: str
    message: str
    method: str
    path: str
    status: Optional[int]  # None: no answer (dropped connection, timeout)
    answer: str  # the fake's error message, or the start of its body

    def __str__(self) -> str:
        return (
            f"[{self.phase}] {self.check}: {self.title} on {self.method} {self.path} "
            f"-> {self.status} {self.answer!r} ({self.message.splitlines()[0][:160]})"
        )


def run(doc: Dict[str, Any], url: str, token: str, board_id: str, spare_board: str) -> Any:
    """Run every phase against ``url``; returns (failures, errors, statistics).

    ``board_id`` is given to every operation with a board in its path (else nearly every
    generated request stops at a 404 before its body is read); ``spare_board`` to
    ``delete-board``, so deleting does not end the run's board.
    """
    import schemathesis
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import events, from_schema

    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "base-url": url,
            "headers": {"Authorization": f"Bearer {token}"},
            "workers": 1,
            "request-timeout": 10,
            "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
            "phases": {"stateful": {"max-steps": STATEFUL_STEPS}},
            "parameters": {"path.board_id": board_id},
            "operations": [
                {
                    "include-operation-id": "delete-board",
                    "parameters": {"path.board_id": spare_board},
                }
            ],
        }
    )
    schema = schemathesis.openapi.from_dict(doc, config=config)
    found: List[Found] = []
    errors: List[str] = []
    stats: Dict[str, Any] = {"scenarios": 0, "requests": 0, "seconds": {}}
    started = time.perf_counter()
    for event in from_schema(schema).execute():
        if isinstance(event, events.PhaseFinished):
            name = str(getattr(event.phase.name, "value", event.phase.name))
            stats["seconds"][name] = round(time.perf_counter() - started)
        elif isinstance(event, events.ScenarioFinished):
            stats["scenarios"] += 1
            found += _failures(event)
            stats["requests"] += len(event.recorder.interactions)
        elif isinstance(event, (events.NonFatalError, events.FatalError)):
            errors.append(f"{type(event).__name__}: {getattr(event, 'label', '')} {event}")
    return found, errors, stats


def _failures(event: Any) -> List[Found]:
    recorder = event.recorder
    out = []
    for case_id, nodes in recorder.checks.items():
        for node in nodes:
            if node.failure_info is None:
                continue
            failure = node.failure_info.failure
            case = recorder.cases[case_id].value
            response = recorder.find_response(case_id=case_id)
            status = response.status_code if response is not None else None
            answer = ""
            if response is not None:
                answer = _message(response.content)
            out.append(
                Found(
                    phase=str(getattr(event.phase, "value", event.phase)),
                    operation=f"{case.operation.method.upper()} {case.operation.path}",
                    check=node.name,
                    title=failure.title,
                    message=str(failure.message),
                    method=case.method.upper(),
                    path=case.formatted_path,
                    status=status,
                    answer=answer,
                )
            )
    return out


def _message(content: bytes) -> str:
    """The error message of a Miro error body, with a bulk create's per-item messages."""
    try:
        body = json.loads(content)
        fields = (body.get("context") or {}).get("fields") or []
        return " | ".join([str(body.get("message", ""))] + [str(f["message"]) for f in fields])
    except (ValueError, AttributeError, TypeError, KeyError):
        return content[:120].decode("utf-8", "replace")
