"""Schemathesis over every operation FakeMiro implements, against Miro's own spec.

All four phases (examples, coverage, fuzzing, stateful) and every default check run
against a live FakeMiro over HTTP. The run fails on anything not listed in :data:`KNOWN`:
a server error, a dropped connection, an unsupported-method answer, invalid data
accepted, a response that breaks the spec … Each entry of :data:`KNOWN` is one kind of
finding that stems from the spec, with its reason; nothing is silenced by check name
alone.

The run takes minutes, so it is opt-in: ``MIRO_FUZZ=1 python -m pytest tests/fuzz``
(CI's schemathesis step). It needs the ``fuzz`` extra (Schemathesis, Python 3.11+) and the
spec (``MIRO_OPENAPI_SPEC``); without them it skips, saying why.
"""

from __future__ import annotations

import collections
import dataclasses
import os
import re
import sys
from typing import List, Optional, Tuple

import pytest
import requests
from contract import spec as contract_spec

from . import overlay
from .run import Found, run

pytestmark = pytest.mark.skipif(
    bool(contract_spec.unavailable_reason()), reason=contract_spec.unavailable_reason() or ""
)


@dataclasses.dataclass(frozen=True)
class Known:
    """A kind of finding that stems from the spec, not from FakeMiro."""

    check: str
    answer: str  # a regex the fake's error message must match ("" = any)
    reason: str
    operations: Tuple[str, ...] = ()  # "PATCH /v2/boards/{…}/documents/{item_id}"; () = any

    def covers(self, found: Found) -> bool:
        """Whether ``found`` is of this kind."""
        return (
            found.check == self.check
            and (not self.operations or found.operation in self.operations)
            and re.search(self.answer, found.answer) is not None
        )


ACCEPTANCE = "positive_data_acceptance"  # "a schema-valid request was rejected"

#: Every kind of finding the run may report, with why it is the spec's and not the fake's.
KNOWN: List[Known] = [
    Known(
        ACCEPTANCE,
        r"is not a known field",
        "the spec's objects allow any extra property; FakeMiro refuses fields the spec does "
        "not name, so a misspelt field fails a test instead of being silently dropped",
    ),
    Known(
        ACCEPTANCE,
        r"must be a numeric string|(limit|offset) must be a number",
        "numbers in strings (API-NOTES §8.8 limit/offset, §8.12 style sizes and opacities) "
        "are typed as free strings",
    ),
    Known(
        ACCEPTANCE,
        r"is out of range|must be a percentage",
        "ranges the docs give in prose (§3.2 sizes, §3.3 styles, §3.7 connector percentages) "
        "are not in the schemas",
    ),
    Known(
        ACCEPTANCE,
        r"must be \d+\.\.\d+ characters|must have \d+\.\.(\d+|None) elements",
        "lengths and counts the docs give in prose (§3.8 tag titles 1-120, §3.9 a group has "
        "at least 2 items, §3.11 emails) are not in the schemas",
    ),
    Known(
        ACCEPTANCE,
        r"\.id is required|set (position or snapTo|either width or height)",
        "rules the docs state (§3.2 parent and fixed-ratio geometry, §3.7 connector ends: an "
        "id, and position or snapTo) that the schemas do not encode",
    ),
    Known(
        ACCEPTANCE,
        r"is not an? [a-z_]+ on this board|is not (an item )?on this board|not an item on "
        r"|Only cards and sticky notes|cannot (have a parent|attach to frames|be grouped)"
        r"|must be different items|already in group",
        "ids from the spec's examples and generated ids name no object on the fake's board, "
        "or one of another kind (§3.2, §3.7-§3.10); the spec cannot say which ids exist",
    ),
    Known(
        ACCEPTANCE,
        r"owner's role cannot be changed|owner cannot be removed",
        "a board has one owner (§3.11), who cannot be demoted or removed; the generated "
        "member id is the caller's own, the owner",
    ),
    Known(
        ACCEPTANCE,
        r"already exists on this board",
        "tag titles are unique per board (§3.8); the examples phase repeats the example title",
    ),
    Known(
        ACCEPTANCE,
        r"Invalid cursor",
        "a cursor is an opaque token the server issued (§2); any string passes the schema",
    ),
    Known(
        ACCEPTANCE,
        r"multipart body needs a 'resource'|Malformed multipart|Multipart part without a name",
        "an upload is its file part and a 'data' part (§7); the multipart schema lets "
        "generated bodies omit the file or add parts of any name, even an empty one",
    ),
    Known(
        "allow_header_conformance",
        r"",
        "one URL filed under two path keys (§8.5, §8.6: the file-upload PATCHes share their "
        "URL with the by-URL PATCH, remove_tag_from_item with delete_item, delete_group's key "
        "ends in '?'): the fake's Allow lists the URL's methods, each key only its own",
        (
            "PATCH /v2/boards/{board_id_PlatformFileUpload}/documents/{item_id}",
            "PATCH /v2/boards/{board_id_PlatformFileUpload}/images/{item_id}",
            "DELETE /v2/boards/{board_id}/groups/{group_id}?",
            "DELETE /v2/boards/{board_id_PlatformTags}/items/{item_id}",
        ),
    ),
]


def test_the_overlay_steps_are_each_still_needed():
    """Each overlay step finds something to adapt in today's spec."""
    _doc, changes = overlay.fuzz_document()
    assert all(changes.values()), {name: n for name, n in changes.items() if not n}
    assert len(changes["drop_bodies_of_204"]) == 23  # API-NOTES §4.2


def test_the_board_side_is_selected_in_full():
    doc, _ = overlay.fuzz_document()
    operations = list(contract_spec.iter_operations(doc))
    assert len(operations) == 102
    assert all(key.startswith(overlay.PREFIXES) for key, _, _ in operations)


def test_every_operation_the_fake_implements_is_selected():
    """When FakeMiro learns new operations (organizations, SCIM …), this fails until their
    prefix joins :data:`overlay.PREFIXES` (or the operation :data:`overlay.LEFT_OUT`)."""
    from miro.testing import FakeMiro

    routes = FakeMiro()._server.routes
    doc = contract_spec.get_spec().document
    missed = []
    for key, method, op in contract_spec.iter_operations(doc):
        url = re.sub(r"\{[^}]+\}", "x", contract_spec.route_of(key, op).split("?")[0])
        served = any(r.method == method.upper() and r.pattern.match(url) for r in routes)
        chosen = key.startswith(overlay.PREFIXES + overlay.PENDING_PREFIXES) or (
            op["operationId"] in overlay.LEFT_OUT
        )
        if served and not chosen:
            missed.append(f"{method.upper()} {key} ({op['operationId']})")
    assert not missed, "FakeMiro serves these but the run does not test them: " + str(missed)


@pytest.mark.skipif(not os.environ.get("MIRO_FUZZ"), reason="minutes long: set MIRO_FUZZ=1")
def test_schemathesis_finds_nothing_but_the_spec_s_own_gaps():
    if sys.version_info < (3, 11):
        pytest.skip("Schemathesis 4 needs Python 3.11+")
    pytest.importorskip("schemathesis", reason="install the fuzz extra: pip install -e .[fuzz]")
    from miro.testing import FakeMiro

    doc, _ = overlay.fuzz_document()
    with FakeMiro(seed=1) as fake:
        headers = {"Authorization": f"Bearer {fake.token}"}
        board, spare = (
            requests.post(f"{fake.url}/v2/boards", json={"name": n}, headers=headers).json()["id"]
            for n in ("fuzzed", "spare")
        )
        found, errors, stats = run(doc, fake.url, fake.token, board, spare)
    assert not errors, "\n".join(errors)
    assert stats["requests"] > 3000, stats  # the run really ran
    unknown = [f for f in found if not any(k.covers(f) for k in KNOWN)]
    assert not unknown, f"{len(unknown)} findings:\n" + "\n".join(map(str, unknown[:30]))
    tally = collections.Counter(_kind(f) for f in found)
    print(f"\n{stats}; known findings by kind: {dict(tally)}")


def _kind(found: Found) -> Optional[str]:
    return next((k.reason[:40] for k in KNOWN if k.covers(found)), None)
