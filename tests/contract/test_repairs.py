"""Each repair of the published spec: it still finds its defect, and the defect is real —
the unrepaired spec rejects a correct exchange (or cannot route it) that the repaired one
accepts. A repair whose defect Miro has fixed upstream fails
``test_every_repair_still_finds_its_defect``: delete it then."""

from __future__ import annotations

import copy
import re

import pytest

from . import official
from . import spec as specmod
from .exchanges import BOARD_IN_PATH, ITEM, error, exchange, sticky_note

pytestmark = pytest.mark.skipif(
    specmod.unavailable_reason() is not None, reason=str(specmod.unavailable_reason())
)

USER = {"id": "4", "email": "a@b.c", "firstName": "A", "lastName": "B"}
GROUPS = f"/v2/boards/{BOARD_IN_PATH}/groups"
ITEMS = f"/v2/boards/{BOARD_IN_PATH}/items"


@pytest.fixture(scope="module")
def spec():
    """The session's repaired spec."""
    return specmod.get_spec()


@pytest.fixture(scope="module")
def repaired():
    """The session's validator (repaired spec)."""
    from .validator import get_validator

    return get_validator()


@pytest.fixture(scope="module")
def raw():
    """A validator over the spec exactly as published."""
    from .validator import SpecValidator

    return SpecValidator(specmod.build_spec(specmod.get_spec().raw, repair=False))


def raw_rejects(raw, ex, fragment=""):
    """The published spec rejects ``ex`` (or cannot even resolve what it needs to)."""
    with pytest.raises((AssertionError, RuntimeError)) as info:
        raw.validate(ex)
    assert fragment in str(info.value), str(info.value)
    return str(info.value)


# --------------------------------------------------------------------------- bookkeeping


def test_repairs_are_listed_once_and_documented():
    names = [r.__name__ for r in specmod.REPAIRS]
    assert len(names) == len(set(names))
    for repair in specmod.REPAIRS:
        assert repair.__doc__ and "§" in repair.__doc__, f"{repair.__name__}: cite API-NOTES"


@pytest.mark.parametrize("repair", specmod.REPAIRS, ids=lambda r: r.__name__)
def test_every_repair_still_finds_its_defect(spec, repair):
    """Applied in order to the published spec, every repair changes something."""
    assert spec.repairs[repair.__name__], (
        f"{repair.__name__} found nothing to repair: the published spec no longer has "
        f"this defect; remove the repair"
    )


def test_repairs_are_idempotent(spec):
    again = copy.deepcopy(spec.document)
    assert specmod.apply_repairs(again) == {r.__name__: [] for r in specmod.REPAIRS}
    assert again == spec.document


def test_the_published_spec_is_left_untouched(spec):
    assert spec.raw == specmod.load_raw_spec()
    assert "responses" not in spec.raw["components"]


def _refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum"):
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _dangling(doc):
    missing = []
    for ref in _refs(doc):
        try:
            specmod.resolve_pointer(doc, ref)
        except (KeyError, IndexError, ValueError):
            missing.append(ref)
    return missing


def _placeholder_mismatches(spec):
    doc = spec.document
    bad = []
    for info in spec.operations.values():
        placeholders = set(re.findall(r"\{([^}]+)\}", info.route))
        declared = {
            p["name"]
            for p in specmod.operation_parameters(doc, info.path_key, info.op(doc))
            if p["in"] == "path"
        }
        if placeholders != declared or "?" in info.route:
            bad.append(info.operation_id)
    return bad


# --------------------------------------------------------------------------- one per repair


def test_add_missing_error_responses(spec, raw, repaired):
    assert len(_dangling(spec.raw)) == 612
    assert _dangling(spec.document) == []
    # get-specific-board's 400 is one of the dangling references
    bad_request = exchange(
        "GET", f"/v2/boards/{BOARD_IN_PATH}", "", status=400, response=error(400)
    )
    assert spec.raw["paths"]["/v2/boards/{board_id}"]["get"]["responses"]["400"] == {
        "$ref": "#/components/responses/400"
    }
    raw_rejects(raw, bad_request, "which the spec does not contain")
    assert repaired.validate(bad_request) == "get-specific-board"
    incomplete = exchange(
        "GET", f"/v2/boards/{BOARD_IN_PATH}", status=400, response={"message": "no"}
    )
    with pytest.raises(AssertionError, match="'code' is a required property"):
        repaired.validate(incomplete)


def test_route_scim_errors_to_scim_bodies(raw, repaired):
    scim_error = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
        "status": "404",
        "detail": "no such user",
    }
    ex = exchange(
        "GET", "/Users/42", status=404, response=scim_error, response_type="application/scim+json"
    )
    raw_rejects(raw, ex)
    assert repaired.validate(ex) == "getUser"
    rest_style = exchange("GET", "/Users/42", status=404, response=error(404, "notFound"))
    assert repaired.validate(rest_style) == "getUser"


def test_describe_bodyless_error_responses(raw, repaired):
    ex = exchange("GET", "/v1/oauth-token", status=400, response=error(400, "invalidToken"))
    raw_rejects(raw, ex, "status 400 declares no body")
    assert repaired.validate(ex) == "token-info"


def test_declare_universal_error_statuses(raw, repaired):
    ex = exchange(
        "GET",
        f"/v2/boards/{BOARD_IN_PATH}/sticky_notes/{ITEM}",
        status=401,
        response=error(401, "tokenNotProvided"),
    )
    raw_rejects(raw, ex, "status 401 is not declared")
    assert repaired.validate(ex) == "get-sticky-note-item"


def test_unsuffix_board_id_placeholders(spec, raw, repaired):
    info = spec.operations["get-items-within-frame"]
    assert info.path_key == "/v2/boards/{board_id_PlatformContainers}/items"
    assert info.route == "/v2/boards/{board_id}/items"
    param = next(p for p in info.op(spec.document)["parameters"] if p["in"] == "path")
    assert param["name"] == "board_id"
    assert param["x-miro-official-name"] == "board_id_PlatformContainers"
    # the official client's keyword still comes from the published name (§8.4)
    names = [p.name for p in official.official_params(spec.raw, "get-items-within-frame")]
    assert names[0] == "board_id_platform_containers"
    for op_id in (
        "get-items-by-tag",
        "attach-tag-to-item",
        "remove-tag-from-item",
        "create-image-item-using-local-file",
    ):
        assert "{board_id}" in spec.operations[op_id].route


def test_fix_placeholder_without_parameter(spec, raw, repaired):
    bulk = "create-items-in-bulk-using-file-from-device"
    assert _placeholder_mismatches(specmod.build_spec(spec.raw, repair=False)) == [
        bulk,
        "deleteGroup",
    ]
    assert _placeholder_mismatches(spec) == []
    assert spec.operations[bulk].route == "/v2/boards/{board_id}/items/bulk"
    route = repaired.match(
        "POST", f"{ITEMS}/bulk", "", {"Content-Type": "multipart/form-data; boundary=x"}, b"x"
    )
    assert route.operation_id == bulk and route.path_params == {
        "board_id": "#/components/parameters/boardId"
    }


def test_strip_query_marker_from_path(raw, repaired):
    ex = exchange("DELETE", f"{GROUPS}/7", "delete_items=true", status=204)
    assert repaired.validate(ex) == "deleteGroup"
    assert raw.match("DELETE", f"{GROUPS}/7", "delete_items=true").operation_id == "unGroup"


def test_fix_board_group_schemas(raw, repaired):
    group = {"id": "3458764517517852419", "type": "group", "data": {"items": ["1", "2"]}}
    create = exchange(
        "POST", GROUPS, body={"data": {"items": ["1", "2"]}}, status=201, response=group
    )
    raw_rejects(raw, create, "'id' is a required property")
    assert repaired.validate(create) == "createGroup"
    user_group_shaped = exchange(
        "POST",
        GROUPS,
        body={"id": "1", "name": "n", "type": "user-group"},
        status=201,
        response=group,
    )
    with pytest.raises(AssertionError, match="'data' is a required property"):
        repaired.validate(user_group_shaped)
    get = exchange("GET", f"{GROUPS}/3458764517517852419", response=group)
    raw_rejects(raw, get, "'name' is a required property")
    assert repaired.validate(get) == "getGroupById"


def _item_page(items):
    return {"data": items, "total": len(items), "size": len(items), "limit": 10, "links": {}}


def test_discriminate_generic_item_data(raw, repaired):
    note = sticky_note()
    flowchart = {"id": "2", "type": "shape", "data": {"shape": "flow_chart_decision"}}
    listing = exchange("GET", ITEMS, "limit=10", response=_item_page([note, flowchart]))
    raw_rejects(raw, listing, "valid under each of")
    assert repaired.validate(listing) == "get-items"
    wrong = exchange("GET", ITEMS, response=_item_page([sticky_note(shape="circle")]))
    with pytest.raises(AssertionError, match=r"\$.data\[0\].data.shape: 'circle' is not one of"):
        repaired.validate(wrong)


def test_relax_overlapping_oneofs(raw, repaired):
    created = {"id": ITEM, "type": "sticky_note", "links": {"self": "x"}, "data": {"title": "t"}}
    bulk = exchange(
        "POST",
        f"{ITEMS}/bulk",
        body=[{"type": "sticky_note", "data": {"content": "x"}, "style": {"fillColor": "red"}}],
        status=201,
        response={"type": "bulk-list", "data": [created]},
    )
    raw_rejects(raw, bulk, "valid under each of")
    assert repaired.validate(bulk) == "create-items"
    results = [{"operation": "addMembers", "status": 200, "affectedUsers": []}]
    members = exchange(
        "PATCH",
        "/v2/orgs/1/groups/2/members",
        body={"membersToAdd": ["a@b.c"]},
        status=207,
        response=results,
    )
    raw_rejects(raw, members, "valid under each of")
    assert repaired.validate(members) == "enterprise-update-group-members"


def test_fix_required_names_without_properties(raw, repaired):
    hold = {
        "id": "1",
        "organizationId": "2",
        "caseId": "3",
        "name": "hold",
        "state": "ACTIVE",
        "scope": {"users": [USER]},
        "createdBy": USER,
        "lastModifiedBy": USER,
        "createdAt": "2024-05-07T10:00:00Z",
        "lastModifiedAt": "2024-05-07T10:00:00Z",
    }
    ex = exchange(
        "POST",
        "/v2/orgs/2/cases/3/legal-holds",
        body={"name": "hold", "scope": {"users": [{"email": "a@b.c"}]}},
        response=hold,
    )
    raw_rejects(raw, ex, "'user' is a required property")
    assert repaired.validate(ex) == "create-legal-hold"
    get = exchange("GET", "/v2/orgs/2/cases/3/legal-holds/1", response=hold)
    raw_rejects(raw, get, "'scopeValue' is a required property")
    assert repaired.validate(get) == "get-legal-hold"
    items = {
        "size": 1,
        "total": 1,
        "limit": 10,
        "type": "cursor-list",
        "data": [{"contentId": "uXjVOD6LSME=", "type": "board"}],
    }
    listing = exchange("GET", "/v2/orgs/2/cases/3/legal-holds/1/content-items", response=items)
    raw_rejects(raw, listing, "'id' is a required property")
    assert repaired.validate(listing) == "get-legal-hold-content-items"


def test_fix_board_export_job_status_response(raw, repaired):
    ex = exchange(
        "PUT",
        "/v2/orgs/1/boards/export/jobs/8e3cc8b6-5b0b-4b68-9ad6-3cc05b9e2f1a/status",
        body={"status": "CANCELLED"},
        response={"status": "CANCELLED"},
    )
    raw_rejects(raw, ex, "is not of type 'object'")
    assert repaired.validate(ex) == "enterprise-update-board-export-job"


def test_fix_scim_patch_operation_schema(raw, repaired):
    body = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [
            {"op": "add", "path": "members", "value": [{"value": "3074457364156964977"}]},
            {"op": "replace", "value": {"id": "1326", "displayName": "New name"}},
        ],
    }
    group = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "id": "1326",
        "displayName": "New name",
    }
    ex = exchange(
        "PATCH",
        "/Groups/1326",
        body=body,
        content_type="application/scim+json",
        response=group,
        response_type="application/scim+json",
    )
    message = raw_rejects(raw, ex)
    assert "is not one of" in message
    assert repaired.validate(ex) == "patchGroup"


def test_require_upload_bodies(raw, repaired):
    empty = exchange(
        "POST",
        f"/v2/boards/{BOARD_IN_PATH}/documents",
        status=201,
        response={"id": ITEM, "type": "document"},
    )
    assert raw.validate(empty) == "create-document-item-using-file-from-device"
    with pytest.raises(AssertionError, match="accepts a request without a body"):
        repaired.validate(empty)


def test_fix_team_copy_access_level_enum(raw, repaired):
    settings = {
        "type": "team-settings",
        "teamCopyAccessLevelSettings": {"copyAccessLevel": "board_owner"},
    }
    ex = exchange(
        "PATCH",
        "/v2/orgs/1/teams/2/settings",
        body={"teamCopyAccessLevelSettings": {"copyAccessLevel": "board_owner"}},
        response=settings,
    )
    raw_rejects(raw, ex, "is not one of")
    assert repaired.validate(ex) == "enterprise-update-team-settings"
