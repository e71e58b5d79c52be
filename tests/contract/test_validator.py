"""The validator: routing (shared URL shapes), acceptance of correct exchanges, and that it
rejects what the spec forbids with a message naming operation, place and fault."""

from __future__ import annotations

import json

import pytest

from . import spec as specmod
from .exchanges import BOARD_IN_PATH, ITEM, error, exchange, multipart, sticky_note

pytestmark = pytest.mark.skipif(
    specmod.unavailable_reason() is not None, reason=str(specmod.unavailable_reason())
)

ITEMS = f"/v2/boards/{BOARD_IN_PATH}/items"
NOTES = f"/v2/boards/{BOARD_IN_PATH}/sticky_notes"
PNG = ("image/png", b"\x89PNG\r\n\x1a\n")


@pytest.fixture(scope="module")
def validator():
    """The session's validator."""
    from .validator import get_validator

    return get_validator()


def rejects(validator, ex, *fragments):
    """Assert ``ex`` is rejected and the message contains every fragment."""
    with pytest.raises(AssertionError) as info:
        validator.validate(ex)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    return message


def cursor_page(items, **extra):
    """A board-content cursor page of ``items``."""
    return {"data": items, "total": len(items), "size": len(items), "limit": 10, **extra}


# --------------------------------------------------------------------------- accepted


def test_a_correct_create_get_delete_round_trip_is_accepted(validator):
    body = {"data": {"content": "Ship it"}, "position": {"x": 0, "y": 0}}
    assert (
        validator.validate(exchange("POST", NOTES, body=body, status=201, response=sticky_note()))
        == "create-sticky-note-item"
    )
    assert (
        validator.validate(exchange("GET", f"{NOTES}/{ITEM}", response=sticky_note()))
        == "get-sticky-note-item"
    )
    assert (
        validator.validate(exchange("DELETE", f"{NOTES}/{ITEM}", status=204))
        == "delete-sticky-note-item"
    )


def test_string_limits_within_bounds_and_error_bodies_are_accepted(validator):
    page = {
        "data": [],
        "total": 0,
        "size": 0,
        "offset": 0,
        "limit": 50,
        "links": {"self": "x"},
        "type": "list",
    }
    assert (
        validator.validate(exchange("GET", "/v2/boards", "limit=50&offset=0", response=page))
        == "get-boards"
    )
    assert (
        validator.validate(
            exchange("GET", f"/v2/boards/{BOARD_IN_PATH}", status=404, response=error(404))
        )
        == "get-specific-board"
    )


@pytest.mark.parametrize(
    "method, path, query, headers, body, expected",
    [
        ("GET", ITEMS, "limit=10", {}, None, "get-items"),
        ("GET", ITEMS, "parent_item_id=1&limit=10", {}, None, "get-items-within-frame"),
        ("GET", ITEMS, "tag_id=1&limit=10", {}, None, "get-items-by-tag"),
        ("DELETE", f"{ITEMS}/{ITEM}", "", {}, None, "delete-item"),
        ("DELETE", f"{ITEMS}/{ITEM}", "tag_id=1", {}, None, "remove-tag-from-item"),
        ("DELETE", f"/v2/boards/{BOARD_IN_PATH}/groups/7", "", {}, None, "unGroup"),
        (
            "DELETE",
            f"/v2/boards/{BOARD_IN_PATH}/groups/7",
            "delete_items=false",
            {},
            None,
            "unGroup",
        ),
        (
            "DELETE",
            f"/v2/boards/{BOARD_IN_PATH}/groups/7",
            "delete_items=true",
            {},
            None,
            "deleteGroup",
        ),
        ("POST", f"{ITEMS}/bulk", "", {"Content-Type": "application/json"}, b"[]", "create-items"),
        (
            "POST",
            f"{ITEMS}/bulk",
            "",
            {"Content-Type": "multipart/form-data; boundary=x"},
            b"--x--",
            "create-items-in-bulk-using-file-from-device",
        ),
        (
            "POST",
            f"/v2/boards/{BOARD_IN_PATH}/images",
            "",
            {"Content-Type": "application/json"},
            b"{}",
            "create-image-item-using-url",
        ),
        (
            "POST",
            f"/v2/boards/{BOARD_IN_PATH}/images",
            "",
            {"Content-Type": "multipart/form-data; boundary=x"},
            b"--x--",
            "create-image-item-using-local-file",
        ),
        (
            "PATCH",
            f"/v2/boards/{BOARD_IN_PATH}/documents/{ITEM}",
            "",
            {"Content-Type": "multipart/form-data; boundary=x"},
            b"--x--",
            "update-document-item-using-file-from-device",
        ),
        ("GET", "/Users", "", {}, None, "listUsers"),
        ("GET", "/api/v1/scim/Users/42", "", {}, None, "getUser"),
    ],
)
def test_shared_url_shapes_are_told_apart(validator, method, path, query, headers, body, expected):
    """API-NOTES §8.6: 8 URL shapes carry more than one operation."""
    route = validator.match(method, path, query, headers, body or b"")
    assert route.operation_id == expected


def test_the_route_collisions_are_exactly_those_of_api_notes(validator):
    shapes = {}
    for routes in validator.routes.values():
        for route in routes:
            info = validator.spec.operations[route.operation_id]
            shape = (info.method, specmod_shape(info.route))
            shapes.setdefault(shape, set()).add(route.operation_id)
    shared = {k: v for k, v in shapes.items() if len(v) > 1}
    assert sorted(shared) == [
        ("DELETE", "/v2/boards/{}/groups/{}"),
        ("DELETE", "/v2/boards/{}/items/{}"),
        ("GET", "/v2/boards/{}/items"),
        ("PATCH", "/v2/boards/{}/documents/{}"),
        ("PATCH", "/v2/boards/{}/images/{}"),
        ("POST", "/v2/boards/{}/documents"),
        ("POST", "/v2/boards/{}/images"),
        ("POST", "/v2/boards/{}/items/bulk"),
    ]


def specmod_shape(route):
    """A route with every placeholder blanked: ``/v2/boards/{}/items``."""
    import re

    return re.sub(r"\{[^}]+\}", "{}", route)


def test_multipart_upload_is_checked_part_by_part(validator):
    headers, body = multipart(
        {"resource": PNG, "data": ("application/json", json.dumps({"title": "logo"}).encode())}
    )
    ok = exchange(
        "POST",
        f"/v2/boards/{BOARD_IN_PATH}/images",
        body=body,
        headers=headers,
        status=201,
        response={"id": ITEM, "type": "image", "links": {"self": "x"}},
    )
    assert validator.validate(ok) == "create-image-item-using-local-file"

    headers, body = multipart({"resource": PNG, "data": ("application/json", b'{"title": 5}')})
    bad = exchange(
        "POST",
        f"/v2/boards/{BOARD_IN_PATH}/images",
        body=body,
        headers=headers,
        status=201,
        response={"id": ITEM, "type": "image"},
    )
    rejects(
        validator,
        bad,
        "create-image-item-using-local-file",
        "part 'data'",
        "$.title",
        "is not of type 'string'",
    )

    headers, body = multipart({"file": PNG})
    bad = exchange(
        "POST",
        f"/v2/boards/{BOARD_IN_PATH}/images",
        body=body,
        headers=headers,
        status=201,
        response={"id": ITEM, "type": "image"},
    )
    rejects(validator, bad, "part 'file' is not declared", "required part 'resource' is missing")


# --------------------------------------------------------------------------- rejected


def test_out_of_range_limit_is_rejected(validator):
    """Board-level limits are strings with numeric bounds (API-NOTES §2.2)."""
    rejects(
        validator,
        exchange("GET", ITEMS, "limit=5", response=cursor_page([])),
        "get-items",
        "request",
        "query parameter 'limit'",
        "'5' is less than the minimum of 10",
    )
    rejects(
        validator,
        exchange("GET", "/v2/boards", "limit=51"),
        "get-boards",
        "'51' is greater than the maximum of 50",
    )
    rejects(validator, exchange("GET", ITEMS, "limit=ten"), "'ten' is not a number")


def test_unknown_query_parameter_is_rejected(validator):
    rejects(
        validator,
        exchange("GET", ITEMS, "limit=10&page=2", response=cursor_page([])),
        "get-items",
        "unknown query parameter 'page'",
        "declared: cursor, limit, type",
    )
    # the official Python client's `??delete_items=true` (API-NOTES §8.5)
    rejects(
        validator,
        exchange(
            "DELETE", f"/v2/boards/{BOARD_IN_PATH}/groups/7", "?delete_items=true", status=204
        ),
        "unknown query parameter '?delete_items'",
    )


def test_bad_enum_in_body_is_rejected(validator):
    body = {"data": {"content": "x"}, "style": {"fillColor": "purple"}}
    rejects(
        validator,
        exchange("POST", NOTES, body=body, status=201, response=sticky_note()),
        "create-sticky-note-item",
        "request",
        "body at $.style.fillColor",
        "'purple' is not one of",
    )


def test_response_missing_a_required_field_is_rejected(validator):
    note = sticky_note()
    del note["type"]
    rejects(
        validator,
        exchange("GET", f"{NOTES}/{ITEM}", response=note),
        "get-sticky-note-item",
        "response",
        "body at $: 'type' is a required property",
    )


def test_204_with_a_body_is_rejected(validator):
    """API-NOTES §4.2: a 204 is empty even where the spec declares JSON."""
    rejects(
        validator,
        exchange("DELETE", f"{NOTES}/{ITEM}", status=204, response={}),
        "delete-sticky-note-item",
        "status 204 must have an empty body",
    )


def test_other_faults_are_rejected(validator):
    rejects(validator, exchange("GET", "/v2/nowhere"), "no operation in the spec has this route")
    rejects(
        validator,
        exchange(
            "POST", f"/v2/boards/{BOARD_IN_PATH}/images", body=b"x", content_type="text/plain"
        ),
        "none of create-image-item-using-url, create-image-item-using-local-file accepts "
        "Content-Type text/plain",
    )
    rejects(
        validator,
        exchange("GET", f"{NOTES}/{ITEM}", status=418, response=error(418)),
        "status 418 is not declared",
    )
    rejects(
        validator,
        exchange("GET", f"{NOTES}/{ITEM}", response=sticky_note(), response_type="text/html"),
        "Content-Type text/html is not declared",
    )
    rejects(validator, exchange("GET", f"{NOTES}/{ITEM}", status=200), "the body is empty")
    rejects(
        validator,
        exchange("POST", NOTES, body=b"{not json", status=201, response=sticky_note()),
        "body is not JSON",
    )
    rejects(
        validator,
        exchange(
            "POST", NOTES, body={}, content_type="text/plain", status=201, response=sticky_note()
        ),
        "Content-Type text/plain is not declared",
    )
    rejects(validator, exchange("GET", f"{NOTES}/{ITEM}", body={"x": 1}), "no body is declared")
    rejects(
        validator,
        exchange("GET", ITEMS, "tag_id=1&parent_item_id=2"),
        "cannot tell which operation this is (get-items-within-frame, get-items-by-tag)",
    )
    rejects(
        validator,
        exchange("GET", f"{NOTES}/{ITEM}", status=404, response={"message": "gone"}),
        "'status' is a required property",
    )
    rejects(
        validator,
        exchange("GET", f"{NOTES}/{ITEM}", response=sticky_note(shape="circle")),
        "$.data.shape",
    )
    created = sticky_note()
    created["createdAt"] = "yesterday"
    rejects(
        validator,
        exchange("GET", f"{NOTES}/{ITEM}", response=created),
        "'yesterday' is not a 'date-time'",
    )
    rejects(
        validator,
        exchange(
            "POST",
            "/v2/orgs/1/boards/export/jobs",
            "request_id=not-a-uuid",
            body={"boardIds": ["b"]},
            status=200,
            response={"jobId": "8e3cc8b6-5b0b-4b68-9ad6-3cc05b9e2f1a"},
        ),
        "query parameter 'request_id'",
        "is not a 'uuid'",
    )
