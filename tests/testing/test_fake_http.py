"""FakeMiro driven with plain ``requests`` (no SDK): it pages, fails and answers like Miro."""

import socket
import struct
import time

import pytest
import requests

from miro.testing import FakeMiro


@pytest.fixture
def http(fake):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {fake.token}"
    yield session
    session.close()


@pytest.fixture
def board(fake, http):
    return http.post(f"{fake.url}/v2/boards", json={"name": "raw"}).json()["id"]


def test_cursor_paging_returns_everything_once_in_order(fake, http, board):
    ids = [
        http.post(f"{fake.url}/v2/boards/{board}/texts", json={"data": {"content": str(i)}}).json()[
            "id"
        ]
        for i in range(250)
    ]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": "10", **({"cursor": cursor} if cursor else {})}
        page = http.get(f"{fake.url}/v2/boards/{board}/items", params=params).json()
        pages += 1
        assert page["size"] == len(page["data"]) and page["limit"] == 10 and page["total"] == 250
        seen += [item["id"] for item in page["data"]]
        cursor = page.get("cursor")
        if not cursor:
            break
    assert seen == ids and pages == 25


def test_offset_paging_echoes_the_offset_it_served(fake, http):
    for i in range(25):
        http.post(f"{fake.url}/v2/boards", json={"name": f"b{i}"})
    page = http.get(f"{fake.url}/v2/boards", params={"limit": "10", "offset": "20"}).json()
    assert (page["offset"], page["size"], page["total"], page["type"]) == (20, 5, 25, "list")
    assert "next" not in page["links"] and page["links"]["prev"].endswith("offset=10")


@pytest.mark.contract_exempt("sends out-of-contract limits on purpose to see Miro's 400")
@pytest.mark.parametrize("path, limit", [("items", "9"), ("items", "51"), ("connectors", "5")])
def test_limits_outside_the_range_are_rejected(fake, http, board, path, limit):
    answer = http.get(f"{fake.url}/v2/boards/{board}/{path}", params={"limit": limit})
    assert answer.status_code == 400
    assert answer.json() == {
        "status": 400,
        "code": "invalidParameters",
        "type": "error",
        "message": "limit must be between 10 and 50",
    }


def test_auth_errors(fake):
    missing = requests.get(f"{fake.url}/v2/boards")
    assert missing.status_code == 401 and missing.json()["code"] == "tokenNotProvided"
    wrong = requests.get(f"{fake.url}/v2/boards", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["code"] == "tokenNotFound"


def test_other_users_do_not_see_a_board_until_it_is_shared(fake, http, board):
    other = {"Authorization": f"Bearer {fake.add_token('Other', 'other@example.com')}"}
    assert requests.get(f"{fake.url}/v2/boards/{board}", headers=other).status_code == 404
    http.post(
        f"{fake.url}/v2/boards/{board}/members",
        json={"emails": ["other@example.com"], "role": "viewer"},
    )
    assert (
        requests.get(f"{fake.url}/v2/boards/{board}", headers=other).json()[
            "currentUserMembership"
        ]["role"]
        == "viewer"
    )


def test_204_has_no_body_and_ids_arrive_percent_encoded(fake, http, board):
    assert board.endswith("=")
    note = http.post(
        f"{fake.url}/v2/boards/{board.replace('=', '%3D')}/sticky_notes", json={}
    ).json()
    answer = http.delete(f"{fake.url}/v2/boards/{board}/sticky_notes/{note['id']}")
    assert answer.status_code == 204 and answer.content == b""
    assert fake.exchanges[-1].response_body == b""


@pytest.mark.contract_exempt("sends invalid bodies on purpose to see Miro's 400")
def test_bodies_are_validated_like_miro(fake, http, board):
    cases = [
        ("sticky_notes", {"style": {"fillColor": "plaid"}}),
        ("sticky_notes", {"geometry": {"width": 10, "height": 10}}),
        ("texts", {"data": {}}),
        ("shapes", {"style": {"fontSize": "500"}}),
        ("frames", {"data": {}, "parent": {"id": "1"}}),
        ("cards", {"colour": "red"}),
    ]
    for segment, body in cases:
        answer = http.post(f"{fake.url}/v2/boards/{board}/{segment}", json=body)
        assert answer.status_code == 400, (segment, body, answer.text)
        assert answer.json()["code"] == "invalidParameters"
    assert (
        http.post(
            f"{fake.url}/v2/boards/{board}/sticky_notes",
            data="{",
            headers={"Content-Type": "application/json"},
        ).status_code
        == 400
    )


def test_children_are_placed_relative_to_their_frame(fake, http, board):
    frame = http.post(
        f"{fake.url}/v2/boards/{board}/frames", json={"data": {}, "position": {"x": 0, "y": 0}}
    ).json()
    note = http.post(
        f"{fake.url}/v2/boards/{board}/sticky_notes",
        json={"parent": {"id": frame["id"]}, "position": {"x": 5, "y": 6}},
    ).json()
    assert note["position"] == {"x": 5, "y": 6, "origin": "center", "relativeTo": "parent_top_left"}
    http.delete(f"{fake.url}/v2/boards/{board}/frames/{frame['id']}")
    orphan = http.get(f"{fake.url}/v2/boards/{board}/items/{note['id']}").json()
    assert "parent" not in orphan and orphan["position"]["relativeTo"] == "canvas_center"


def test_fault_injection(fake, http):
    fake.fail_next(status=429, retry_after=3, reset_in=30, method="GET")
    limited = http.get(f"{fake.url}/v2/boards")
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "3"
    assert (
        limited.json()["code"] == "tooManyRequests"
        and limited.headers["X-FakeMiro-Fault"] == "injected"
    )
    assert http.get(f"{fake.url}/v2/boards").status_code == 200
    fake.fail_next(status=503, path="/v2/boards", after=1)
    assert http.get(f"{fake.url}/v2/boards").status_code == 200
    assert http.get(f"{fake.url}/v2/boards").status_code == 503
    fake.fail_next(status=0)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{fake.url}/v2/boards", headers=dict(http.headers))


def test_rate_limit_headers_and_credit_budget():
    with FakeMiro(rate_limit=250) as fake:
        headers = {"Authorization": f"Bearer {fake.token}"}
        first = requests.get(f"{fake.url}/v2/boards", headers=headers)  # level 1: 50 credits
        assert (
            first.headers["X-RateLimit-Limit"] == "250"
            and first.headers["X-RateLimit-Remaining"] == "200"
        )
        statuses = [
            requests.get(f"{fake.url}/v2/boards", headers=headers).status_code for _ in range(5)
        ]
        assert statuses == [200, 200, 200, 200, 429]


def test_the_fake_listens_on_loopback_only(fake):
    host = fake.url.split("//")[1].split(":")[0]
    assert host == "127.0.0.1"
    with socket.create_connection(("127.0.0.1", int(fake.url.rsplit(":", 1)[1])), timeout=1):
        pass


def test_a_client_that_hangs_up_early_is_recorded_quietly(fake, capfd):
    fake.delay(1.0)  # the answer is written after the client is gone
    with socket.create_connection(("127.0.0.1", int(fake.url.rsplit(":", 1)[1]))) as sock:
        request = f"GET /v2/boards HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {fake.token}\r\n"
        sock.sendall(request.encode() + b"\r\n")
        while fake._server.delays:  # the fake has read the request and waits
            time.sleep(0.01)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST
    while not fake.exchanges or not fake.exchanges[-1].client_gone:
        time.sleep(0.01)
    exchange = fake.exchanges[-1]
    assert (exchange.method, exchange.path, exchange.status) == ("GET", "/v2/boards", 200)
    fake.clear_exchanges()
    assert requests.get(f"{fake.url}/v2/boards", headers=bearer(fake)).status_code == 200
    assert "Traceback" not in capfd.readouterr().err


def bearer(fake):
    return {"Authorization": f"Bearer {fake.token}"}


def test_the_repr_of_an_exchange_hides_the_token(fake, http):
    http.get(f"{fake.url}/v2/boards")
    requests.post(f"{fake.url}/v1/oauth/revoke", params={"access_token": "nothing"})
    shown = repr(fake.exchanges)
    assert fake.token not in shown and "'Bearer <hidden>'" in shown
    assert fake.exchanges[0].request_headers["Authorization"] == f"Bearer {fake.token}"
