"""What checking an exchange against Miro's spec costs (the contract suite checks thousands).

Run from the repository root: ``python benchmarks/validation.py`` (needs the spec at
``MIRO_OPENAPI_SPEC``, default ``../shared/miro-openapi.json``). Medians of 5 runs.
Measured here rather than asserted in a unit test, where a loaded machine made it flaky.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from contract.exchanges import BOARD_IN_PATH, ITEM, exchange, sticky_note  # noqa: E402
from contract.validator import get_validator  # noqa: E402


def _cursor_page(items):
    return {"data": items, "total": len(items), "size": len(items), "limit": 50, "links": {}}


def main() -> None:
    validator = get_validator()
    note = exchange(
        "POST", f"/v2/boards/{BOARD_IN_PATH}/sticky_notes",
        body={"data": {"content": "Ship it"}}, status=201, response=sticky_note(),
    )  # fmt: skip
    page = exchange(
        "GET", f"/v2/boards/{BOARD_IN_PATH}/items", "limit=50",
        response=_cursor_page([sticky_note(str(int(ITEM) + i)) for i in range(50)]),
    )  # fmt: skip
    validator.validate(note)
    per_item, per_page = [], []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(500):
            validator.validate(note)
        per_item.append((time.perf_counter() - started) / 500)
        started = time.perf_counter()
        for _ in range(20):
            validator.validate(page)
        per_page.append((time.perf_counter() - started) / 20)
    print(f"one-item exchange: {statistics.median(per_item) * 1000:.3f} ms")
    print(f"50-item page:      {statistics.median(per_page) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
