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

from . import overlay, world
from .run import ORG_EXAMPLES, Found, run

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
        r"is not a known field|^Unknown attribute ",
        "the spec's objects allow any extra property; FakeMiro refuses fields the spec does "
        "not name (REST) or the SCIM schema does not define (RFC 7644 §3.5.1: "
        "invalidSyntax), so a misspelt field fails a test instead of being silently dropped",
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
        r"must be \d+\.\.\d+ characters|must have \d+\.\.(\d+|None) elements"
        r"|must list \d+\.\.\d+ users",
        "lengths and counts the docs give in prose (§3.8 tag titles 1-120, §3.9 a group has "
        "at least 2 items, §3.11 emails, a legal hold's 1-200 users) are not in the schemas",
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
        ACCEPTANCE,
        r"is not a member of the organization|no label -?\d+",
        "emails and label ids from the spec's examples (user@mail.com, john.smith@example.com, "
        "label 3000457366756291000) and generated ones name nobody and nothing in the fake's "
        "organization; the spec cannot say which exist",
    ),
    Known(
        ACCEPTANCE,
        r"^role must be one of member, admin, non_team, team_guest$"
        r"|must be an ISO-8601 date-time$|must not be after",
        "query values the docs give in prose: the team-member role filter's accepted values, "
        "the audit log's createdAfter/createdBefore as ISO-8601 date-times (typed as free "
        "strings), and a log period's from before its to",
    ),
    Known(
        ACCEPTANCE,
        r"^body\.(labelId|boardIds) is required$|^Give membersToAdd and/or membersToRemove$"
        r"|^userName is required$",
        "fields the spec leaves optional though the operation means nothing without them: "
        "the label of a bulk board classification, the boards of an export, one of the two "
        "lists of a bulk group-member change, a SCIM user's userName (RFC 7643 §4.1)",
    ),
    Known(
        ACCEPTANCE,
        r"^Invalid filter: |^schemas must contain urn:ietf:params:scim:api:messages:2\.0:PatchOp$"
        r"|^Operations must be a non-empty array$|^path '.*' is not a SCIM attribute path$"
        r"|is not an attribute( of this resource)?$|^remove needs a path$"
        r"|^userType '.*' is not one of |^roles\.value must be a non-empty string$",
        "SCIM rules from RFC 7644 and Miro's SCIM docs that the schemas type as free strings "
        "or optional arrays: the filter grammar (§3.4.2.2), a PATCH's PatchOp schema and "
        "non-empty Operations with attribute paths (§3.5.2; patchGroup: path is required "
        "for remove), userType as one of createUser's licenses, a role named by its value",
        (
            "GET /Users",
            "GET /Groups",
            "POST /Users",
            "PUT /Users/{id}",
            "PATCH /Users/{id}",
            "PATCH /Groups/{id}",
        ),
    ),
    Known(
        "ensure_resource_availability",
        r"not found$",
        "not the spec's: the run pins each destroying operation to a spare object "
        "(tests/fuzz/world.py) so deleting cannot empty the run, and the stateful phase cannot "
        "put a created object's id in place of a pinned one; once the spare is gone, it is 404",
        (
            "DELETE /v2/boards/{board_id}",
            "DELETE /v2/orgs/{org_id}/teams/{team_id}",
            "DELETE /v2/orgs/{org_id}/teams/{team_id}/projects/{project_id}",
            "DELETE /v2/orgs/{org_id}/teams/{team_id}/members/{member_id}",
            "DELETE /v2/orgs/{org_id}/teams/{team_id}/projects/{project_id}/members/{member_id}",
            "DELETE /v2/orgs/{org_id}/groups/{group_id}",
            "DELETE /v2/orgs/{org_id}/groups/{group_id}/members/{member_id}",
            "DELETE /v2/orgs/{org_id}/cases/{case_id}",
            "DELETE /v2/orgs/{org_id}/cases/{case_id}/legal-holds/{legal_hold_id}",
            "DELETE /Users/{id}",
        ),
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
    board_side = overlay.fuzz_document(("/v2/boards", "/v2-experimental/"))[1]
    assert len(board_side["drop_bodies_of_204"]) == 23  # API-NOTES §4.2


def test_the_rest_api_and_scim_are_selected_in_full():
    doc, _ = overlay.fuzz_document()
    operations = list(contract_spec.iter_operations(doc))
    org_side = [key for key, _, _ in operations if key.startswith(overlay.ORG_PREFIXES)]
    assert (len(operations), len(org_side)) == (102 + 79, 79)
    assert all(key.startswith(overlay.PREFIXES) for key, _, _ in operations)
    scim, _ = overlay.fuzz_document(overlay.SCIM_PREFIXES)
    assert len(list(contract_spec.iter_operations(scim))) == 14


def test_every_operation_the_fake_implements_is_selected():
    """When FakeMiro learns new operations, this fails until their prefix joins
    :data:`overlay.PREFIXES` (or the operation :data:`overlay.LEFT_OUT`)."""
    from miro.testing import FakeMiro
    from miro.testing._fake.scim import PREFIX as SCIM_BASE

    routes = FakeMiro()._server.routes
    doc = contract_spec.get_spec().document
    missed = []
    for key, method, op in contract_spec.iter_operations(doc):
        url = re.sub(r"\{[^}]+\}", "x", contract_spec.route_of(key, op).split("?")[0])
        scim = key.startswith(overlay.SCIM_PREFIXES)
        url = SCIM_BASE + url if scim else url
        served = any(r.method == method.upper() and r.pattern.match(url) for r in routes)
        chosen = key.startswith(overlay.PREFIXES) or scim or op["operationId"] in overlay.LEFT_OUT
        if served and not chosen:
            missed.append(f"{method.upper()} {key} ({op['operationId']})")
        assert served or not chosen, f"{key} is selected but FakeMiro does not serve it"
    assert not missed, "FakeMiro serves these but the run does not test them: " + str(missed)


@pytest.mark.skipif(not os.environ.get("MIRO_FUZZ"), reason="minutes long: set MIRO_FUZZ=1")
def test_schemathesis_finds_nothing_but_the_spec_s_own_gaps():
    if sys.version_info < (3, 11):
        pytest.skip("Schemathesis 4 needs Python 3.11+")
    pytest.importorskip("schemathesis", reason="install the fuzz extra: pip install -e .[fuzz]")
    from miro.testing import FakeMiro

    rest, _ = overlay.fuzz_document()
    scim, _ = overlay.fuzz_document(overlay.SCIM_PREFIXES)
    org_paths = "^(" + "|".join(re.escape(p) for p in overlay.ORG_PREFIXES) + ")"
    with FakeMiro(seed=1) as fake:
        headers = {"Authorization": f"Bearer {fake.token}"}
        board, spare = (
            requests.post(f"{fake.url}/v2/boards", json={"name": n}, headers=headers).json()["id"]
            for n in ("fuzzed", "spare")
        )
        ids = world.seed(fake, board)
        overrides = dict(ids.overrides, **{"delete-board": {"board_id": spare}})
        found, errors, stats = run(
            rest,
            fake.url,
            fake.token,
            ids.parameters,
            overrides,
            lighter=(org_paths, ORG_EXAMPLES),
        )
        scim_found, scim_errors, scim_stats = run(
            scim,
            fake.scim_url,
            fake.scim_token,
            ids.parameters,
            ids.overrides,
            examples=ORG_EXAMPLES,
        )
    found, errors = found + scim_found, errors + scim_errors
    assert not errors, "\n".join(errors)
    assert stats["requests"] > 3000 and scim_stats["requests"] > 200, (stats, scim_stats)
    unknown = [f for f in found if not any(k.covers(f) for k in KNOWN)]
    kinds = collections.Counter(
        f"{f.check}: {f.operation} -> {f.status} {f.answer[:100]!r}" for f in unknown
    )
    listed = "\n".join(f"{n:4} x {kind}" for kind, n in kinds.most_common(80))
    assert not unknown, f"{len(unknown)} findings of {len(kinds)} kinds:\n{listed}"
    tally = collections.Counter(_kind(f) for f in found)
    print(f"\nREST {stats}; SCIM {scim_stats}; known findings by kind: {dict(tally)}")


def _kind(found: Found) -> Optional[str]:
    return next((k.reason[:40] for k in KNOWN if k.covers(found)), None)
