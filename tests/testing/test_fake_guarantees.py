"""What FakeMiro guarantees, over raw HTTP: it never crashes or drops a connection, a
rejected request changes nothing, and every answer is Miro's JSON (issue #14)."""

import concurrent.futures
import json
import threading

import pytest
import requests

from miro.testing import FakeMiro

pytestmark = pytest.mark.contract_exempt("sends invalid requests on purpose to see the 4xx")

ERROR_KEYS = {"status", "code", "message", "type"}


@pytest.fixture
def http(fake):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {fake.token}"
    yield session
    session.close()


@pytest.fixture
def board(fake, http):
    return http.post(f"{fake.url}/v2/boards", json={"name": "guarantees"}).json()["id"]


def miro_error(answer, status):
    """``answer`` is Miro's JSON error body with ``status``."""
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"] == "application/json"
    body = answer.json()
    assert set(body) >= ERROR_KEYS and body["status"] == status and body["type"] == "error"
    return body


# -- 1. no crash poisons a board --------------------------------------------------------


def test_a_mindmap_node_without_node_data_is_stored_and_listed(fake, http, board):
    base = f"{fake.url}/v2-experimental/boards/{board}"
    created = http.post(f"{base}/mindmap_nodes", json={"data": {"nodeView": {}}})
    assert created.status_code == 201, created.text
    assert created.json()["data"]["nodeView"] == {"type": "text", "data": {"content": ""}}
    nodes = http.get(f"{base}/mindmap_nodes")
    assert nodes.status_code == 200 and [n["id"] for n in nodes.json()["data"]] == [
        created.json()["id"]
    ]
    assert http.get(f"{base}/items").status_code == 200


def test_a_crashing_handler_answers_500_and_leaves_the_store_untouched(fake, http, board):
    def crash(request):
        request.store.boards[request.params["board_id"]]["name"] = "half-written"
        raise KeyError("bug")

    server = fake._server  # a crash cannot be provoked through the API: plant one
    route = next(r for r in server.routes if r.pattern.match(f"/v2/boards/{board}"))
    patch = next(r for r in server.routes if r.method == "PATCH" and r.pattern is route.pattern)
    original, patch.handler = patch.handler, crash
    try:
        body = miro_error(http.patch(f"{fake.url}/v2/boards/{board}", json={"name": "x"}), 500)
    finally:
        patch.handler = original
    assert body["code"] == "internalError"
    assert http.get(f"{fake.url}/v2/boards/{board}").json()["name"] == "guarantees"


# -- 2. a rejected request changes nothing ----------------------------------------------


def test_a_card_update_with_a_bad_parent_keeps_the_card_as_it_was(fake, http, board):
    card = http.post(
        f"{fake.url}/v2/boards/{board}/cards",
        json={"data": {"title": "before"}, "position": {"x": 1, "y": 2}},
    ).json()
    note = http.post(f"{fake.url}/v2/boards/{board}/sticky_notes", json={}).json()
    change = {
        "data": {"title": "after", "dueDate": "2030-01-01T00:00:00Z"},
        "position": {"x": 50, "y": 60},
        "parent": {"id": note["id"]},  # not a frame
    }
    url = f"{fake.url}/v2/boards/{board}/cards/{card['id']}"
    miro_error(http.patch(url, json=change), 400)
    assert http.get(url).json() == card


def test_a_move_with_a_bad_parent_keeps_the_position(fake, http, board):
    note = http.post(
        f"{fake.url}/v2/boards/{board}/sticky_notes", json={"position": {"x": 1, "y": 2}}
    ).json()
    url = f"{fake.url}/v2/boards/{board}/items/{note['id']}"
    answer = http.patch(url, json={"position": {"x": 9, "y": 9}, "parent": {"id": "123"}})
    miro_error(answer, 400)
    assert http.get(url).json()["position"] == note["position"]


def test_a_connector_update_onto_its_own_end_is_refused_and_not_stored(fake, http, board):
    a, b = (
        http.post(f"{fake.url}/v2/boards/{board}/sticky_notes", json={}).json()["id"]
        for _ in range(2)
    )
    connector = http.post(
        f"{fake.url}/v2/boards/{board}/connectors",
        json={"startItem": {"id": a}, "endItem": {"id": b}},
    ).json()
    url = f"{fake.url}/v2/boards/{board}/connectors/{connector['id']}"
    miro_error(http.patch(url, json={"startItem": {"id": b}, "shape": "straight"}), 400)
    stored = http.get(url).json()
    assert (stored["startItem"]["id"], stored["endItem"]["id"]) == (a, b)
    assert stored["shape"] == connector["shape"]


def test_a_failed_bulk_create_creates_nothing(fake, http, board):
    items = [{"type": "sticky_note", "data": {"content": "ok"}}, {"type": "nope"}]
    miro_error(http.post(f"{fake.url}/v2/boards/{board}/items/bulk", json=items), 400)
    assert http.get(f"{fake.url}/v2/boards/{board}/items").json()["total"] == 0


# -- 3. date-time fields are checked ----------------------------------------------------


@pytest.mark.parametrize(
    "due", ["yesterday", "2024-13-01T00:00:00Z", "2024-02-30T10:00:00Z", "2024-01-01", 20240101]
)
def test_a_card_due_date_must_be_a_date_time(fake, http, board, due):
    url = f"{fake.url}/v2/boards/{board}/cards"
    miro_error(http.post(url, json={"data": {"dueDate": due}}), 400)
    card = http.post(url, json={"data": {"dueDate": "2024-12-31T23:59:00Z"}}).json()
    miro_error(http.patch(f"{url}/{card['id']}", json={"data": {"dueDate": due}}), 400)
    assert http.get(f"{url}/{card['id']}").json()["data"]["dueDate"] == "2024-12-31T23:59:00Z"
    bulk = [{"type": "card", "data": {"dueDate": due}}]
    miro_error(http.post(f"{fake.url}/v2/boards/{board}/items/bulk", json=bulk), 400)


def test_date_times_with_offsets_and_fractions_are_accepted(fake, http, board):
    url = f"{fake.url}/v2/boards/{board}/cards"
    for due in ("2024-12-31T23:59:00.250+02:00", "2024-12-31t23:59:00z"):
        assert http.post(url, json={"data": {"dueDate": due}}).status_code == 201


# -- 4. bodies that are not JSON objects ------------------------------------------------


def _send(http, method, url, raw):
    return http.request(method, url, data=raw, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("raw", ["null", "false", "0", '"text"', "[]"])
def test_create_and_copy_board_want_an_object(fake, http, board, raw):
    before = http.get(f"{fake.url}/v2/boards").json()["total"]
    miro_error(_send(http, "POST", f"{fake.url}/v2/boards", raw), 400)
    miro_error(_send(http, "PUT", f"{fake.url}/v2/boards?copy_from={board}", raw), 400)
    assert http.get(f"{fake.url}/v2/boards").json()["total"] == before


def test_empty_optional_bodies_still_work(fake, http, board):
    assert http.post(f"{fake.url}/v2/boards").status_code == 201
    assert http.put(f"{fake.url}/v2/boards", params={"copy_from": board}).status_code == 201
    assert http.post(f"{fake.url}/v2-experimental/boards/{board}/code_widgets").status_code == 201


def test_null_bodies_are_refused_by_every_create_and_update(fake, http, board):
    base = f"{fake.url}/v2/boards/{board}"
    ids = {
        segment: http.post(f"{base}/{segment}", json=body).json()["id"]
        for segment, body in [
            ("sticky_notes", {}),
            ("texts", {"data": {"content": "t"}}),
            ("shapes", {}),
            ("cards", {}),
            ("app_cards", {}),
            ("frames", {"data": {}}),
            ("embeds", {"data": {"url": "https://example.com"}}),
        ]
    }
    tag = http.post(f"{base}/tags", json={"title": "t"}).json()["id"]
    connector = http.post(
        f"{base}/connectors",
        json={"startItem": {"id": ids["texts"]}, "endItem": {"id": ids["shapes"]}},
    ).json()["id"]
    targets = [("POST", f"{base}/{segment}") for segment in ids]
    targets += [("PATCH", f"{base}/{segment}/{item_id}") for segment, item_id in ids.items()]
    targets += [
        ("POST", f"{base}/tags"),
        ("PATCH", f"{base}/tags/{tag}"),
        ("POST", f"{base}/connectors"),
        ("PATCH", f"{base}/connectors/{connector}"),
        ("PATCH", f"{base}/items/{ids['cards']}"),
        ("PATCH", base),
        ("POST", f"{base}/members"),
        ("POST", f"{base}/groups"),
        ("POST", f"{base}/items/bulk"),
        ("POST", f"{fake.url}/v2-experimental/boards/{board}/mindmap_nodes"),
        ("POST", f"{fake.url}/v2-experimental/boards/{board}/code_widgets"),
    ]
    for method, url in targets:
        answer = _send(http, method, url, "null")
        assert answer.status_code == 400, (method, url, answer.text)
        miro_error(answer, 400)


BULK_TYPES = ["app_card", "text", "shape", "sticky_note", "image", "document", "card", "frame"]


@pytest.mark.parametrize("item_type", [*BULK_TYPES, "embed"])
@pytest.mark.parametrize("data", [None, [], "x", 0])
def test_bulk_items_with_non_object_data_are_refused(fake, http, board, item_type, data):
    answer = http.post(
        f"{fake.url}/v2/boards/{board}/items/bulk", json=[{"type": item_type, "data": data}]
    )
    assert miro_error(answer, 400)["context"]["fields"][0]["field"] == "0"


# -- 5. owner is given as co-owner ------------------------------------------------------


def test_making_a_member_owner_makes_a_coowner(fake, http, board):
    url = f"{fake.url}/v2/boards/{board}/members"
    http.post(url, json={"emails": ["pat@example.com"], "role": "viewer"})
    member = next(m for m in http.get(url).json()["data"] if m["role"] == "viewer")
    answer = http.patch(f"{url}/{member['id']}", json={"role": "owner"})
    assert answer.status_code == 200 and answer.json()["role"] == "coowner"
    roles = sorted(m["role"] for m in http.get(url).json()["data"])
    assert roles == ["coowner", "owner"]
    assert http.patch(f"{url}/{member['id']}", json={"role": "editor"}).json()["role"] == "editor"
    assert http.delete(f"{url}/{member['id']}").status_code == 204


# -- 6. every method gets Miro's JSON ---------------------------------------------------


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "QUERY", "PUT", "CONNECTX"])
def test_unsupported_methods_on_a_known_path_answer_405_with_allow(fake, http, board, method):
    body = miro_error(http.request(method, f"{fake.url}/v2/boards/{board}"), 405)
    assert body["code"] == "methodNotAllowed"
    allow = http.request(method, f"{fake.url}/v2/boards/{board}").headers["Allow"]
    assert set(allow.split(", ")) == {"GET", "PATCH", "DELETE"}


def test_head_gets_the_status_and_headers_without_a_body(fake, http, board):
    answer = http.head(f"{fake.url}/v2/boards/{board}")
    assert answer.status_code == 405 and answer.headers["Allow"]
    assert answer.headers["Content-Type"] == "application/json" and answer.content == b""
    assert http.get(f"{fake.url}/v2/boards/{board}").status_code == 200  # connection reusable


def test_an_unknown_path_is_a_json_404_for_any_method(fake, http):
    for method in ("GET", "TRACE", "OPTIONS", "QUERY"):
        assert miro_error(http.request(method, f"{fake.url}/v2/nowhere"), 404)["code"]


def test_methods_only_some_item_types_support(fake, http, board):
    doc = http.post(
        f"{fake.url}/v2/boards/{board}/docs",
        json={"data": {"contentType": "markdown", "content": "# hi"}},
    ).json()
    answer = http.patch(f"{fake.url}/v2/boards/{board}/docs/{doc['id']}", json={})
    miro_error(answer, 405)
    assert set(answer.headers["Allow"].split(", ")) == {"GET", "DELETE"}
    miro_error(http.get(f"{fake.url}/v2/boards/{board}/unknown_things"), 404)


def test_a_missing_required_query_parameter_is_a_400_not_a_405(fake, http, board):
    note = http.post(f"{fake.url}/v2/boards/{board}/sticky_notes", json={}).json()
    miro_error(http.post(f"{fake.url}/v2/boards/{board}/items/{note['id']}"), 400)


def test_a_malformed_request_line_gets_a_json_error(fake):
    import socket

    host, port = fake.url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(b"GET /v2/boards HTTP/9.x\r\n\r\n")
        chunks = iter(lambda: raw.recv(65536), b"")  # the fake closes after answering
        reply = b"".join(chunks).decode()
    head, _, payload = reply.partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 400") and "application/json" in head
    assert json.loads(payload)["status"] == 400


# -- 7. load ----------------------------------------------------------------------------


def test_64_concurrent_clients_are_all_answered():
    with FakeMiro() as fake:
        headers = {"Authorization": f"Bearer {fake.token}"}
        start = threading.Barrier(64)

        def client(n):
            start.wait()
            # a fresh connection per request: the listen backlog is what is under test
            made = requests.post(f"{fake.url}/v2/boards", json={"name": f"b{n}"}, headers=headers)
            seen = requests.get(f"{fake.url}/v2/boards/{made.json()['id']}", headers=headers)
            return made.status_code, seen.status_code

        with concurrent.futures.ThreadPoolExecutor(64) as pool:
            results = list(pool.map(client, range(64)))
        assert results == [(201, 200)] * 64
        assert len(fake.boards) == 64


def test_fixed_segments_are_their_own_resource(fake, http, board):
    bulk = http.get(f"{fake.url}/v2/boards/{board}/items/bulk")
    assert miro_error(bulk, 405) and bulk.headers["Allow"] == "POST"
    items = http.delete(f"{fake.url}/v2/boards/{board}/groups/items")
    assert miro_error(items, 405) and items.headers["Allow"] == "GET"


def test_copying_from_an_empty_board_id_is_a_404(fake, http):
    miro_error(http.put(f"{fake.url}/v2/boards", params={"copy_from": ""}, json={}), 404)


def test_an_unknown_board_is_a_404_before_the_body_is_read(fake, http):
    url = f"{fake.url}/v2/boards/nope%3D/images"
    miro_error(http.post(url, files={"x": ("a.png", b"...")}), 404)
    miro_error(http.post(url, data="null", headers={"Content-Type": "application/json"}), 404)
