"""Unparseable answers, slow drips, bad arguments and hidden causes (issue #12.3, #12.6)."""

from __future__ import annotations

import pytest

import miro
from miro.core.transport import Transport, retry_delay
from miro.errors import MalformedResponse

pytestmark = pytest.mark.contract_exempt("answers are spoiled on purpose")


@pytest.fixture
def board(api):
    return api.boards.create(name="answers")


@pytest.mark.parametrize(
    "kind, what, excerpt",
    [
        ("html", "HTML", "<!DOCTYPE html>"),
        ("invalid_json", "not valid JSON", '{"id":'),
        ("null", "null", "null"),
    ],
)
def test_a_2xx_that_is_not_json_raises_malformed_response(fake, board, kind, what, excerpt):
    fake.break_answer(kind, method="GET")
    with pytest.raises(MalformedResponse) as raised:
        miro.MiroApi(fake.token, base_url=fake.url).boards.get(board.id)
    error = raised.value
    assert isinstance(error, miro.errors.MiroError)
    assert error.status == 200 and error.method == "GET"
    assert error.path == f"/v2/boards/{board.id.replace('=', '%3D')}"
    assert error.excerpt.startswith(excerpt) and len(error.excerpt) <= 120
    assert what in str(error) and fake.token not in str(error)


def test_a_body_cut_mid_way_is_a_transport_error_that_may_have_been_delivered(fake, board):
    fake.break_answer("truncate", method="POST")
    with pytest.raises(miro.errors.TransportError) as raised:
        board.items.sticky_notes.create(content="x")
    assert raised.value.delivered is None  # the work may be done: not retried
    assert len(fake.store.items[board.id]) == 1


def test_the_cause_is_kept_and_carries_no_token(fake, api):
    fake.fail_next(status=0, path="/v1/oauth/revoke")
    with pytest.warns(DeprecationWarning):
        with pytest.raises(miro.errors.TransportError) as raised:
            api.revoke_token(fake.token)
    cause = raised.value.__cause__
    assert cause is not None and "Connection" in type(cause).__name__
    assert raised.value.__context__ is cause or raised.value.__suppress_context__
    import traceback

    text = "".join(traceback.format_exception(type(raised.value), raised.value, None))
    assert fake.token not in text and fake.token not in repr(cause)


def test_a_slow_drip_answer_is_cut_at_the_deadline(fake, board):
    client = miro.MiroApi(fake.token, base_url=fake.url, timeout=5, deadline=0.5, max_retries=0)
    fake.break_answer("drip", method="GET", seconds=1.0)  # the whole answer: a minute or more
    with pytest.raises(miro.errors.Timeout, match="deadline"):
        client.boards.get(board.id)  # ends at the deadline (each drip is within timeout=5)


def test_retry_after_that_is_not_a_number_or_date_falls_back_to_backoff(fake, api):
    assert retry_delay({"Retry-After": "soon"}) is None
    assert retry_delay({"Retry-After": "soon", "X-RateLimit-Reset": "nan"}) is None
    waits = []
    api._transport._sleep = waits.append
    fake.fail_next(status=429, times=1)
    board = api.boards.create(name="after 429")
    assert board.name == "after 429" and len(waits) == 1 and 0 < waits[0] <= 1


def test_retry_after_soon_from_the_server(fake, api, monkeypatch):
    import miro.testing._fake.server as server

    original = server.FakeServer.dispatch

    def soon(self, *args):
        status, headers, payload, drop = original(self, *args)
        if status == 201:
            self.__dict__.setdefault("answered_soon", 0)
            if not self.__dict__["answered_soon"]:
                self.__dict__["answered_soon"] = 1
                return 429, {"Retry-After": "soon"}, b'{"status":429}', False
        return status, headers, payload, drop

    waits = []
    api._transport._sleep = waits.append
    monkeypatch.setattr(server.FakeServer, "dispatch", soon)
    api.boards.create(name="soon")  # would raise ValueError before the fix
    assert len(waits) == 1


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"timeout": -1}, miro.errors.InvalidArgument, "timeout"),
        ({"timeout": "3"}, miro.errors.InvalidArgumentType, "timeout"),
        ({"base_url": 123}, miro.errors.InvalidArgumentType, "base_url"),
        ({"base_url": "api.miro.com"}, miro.errors.InvalidArgument, "absolute http(s) URL"),
        ({"max_retries": "3"}, miro.errors.InvalidArgumentType, "max_retries"),
        ({"max_retries": -1}, miro.errors.InvalidArgument, "max_retries"),
        ({"max_retry_wait": -5}, miro.errors.InvalidArgument, "max_retry_wait"),
        ({"deadline": 0}, miro.errors.InvalidArgument, "deadline"),
        ({"pacing": "yes"}, miro.errors.InvalidArgumentType, "pacing"),
    ],
)
def test_constructor_arguments_are_checked_naming_them(kwargs, error, words):
    with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")):
        miro.MiroApi("token", **kwargs)


def test_a_url_without_a_scheme_fails_at_once():
    with pytest.raises(miro.errors.InvalidArgument):  # the constructor: nothing is sent
        miro.MiroApi("token", base_url="127.0.0.1:1")


def test_a_bad_url_scheme_at_request_time_is_not_retried():
    transport = Transport("token", base_url="http://127.0.0.1:1")
    transport.base_url = "nope://x"
    waits = []
    transport._sleep = waits.append  # a retry would wait first
    with pytest.raises(miro.errors.TransportError, match="check base_url"):
        transport.request("GET", "/v2/boards")
    assert waits == []


def test_plain_http_is_refused_before_sending_unless_loopback_or_opted_in(fake):
    with pytest.raises(miro.errors.InvalidArgument, match="unencrypted"):
        miro.MiroApi("token", base_url="http://api.example.com")
    with pytest.raises(miro.errors.InvalidArgument, match="allow_http=True"):
        miro.Miro("1", "secret", "https://app/cb", base_url="http://api.example.com")
    assert miro.MiroApi("token", base_url="http://api.example.com", allow_http=True)
    for host in ("127.0.0.1", "localhost", "[::1]", "127.0.0.5"):
        assert miro.MiroApi("token", base_url=f"http://{host}:8080")
    assert fake.exchanges == []


def test_a_token_callable_returning_none_sends_nothing(fake):
    client = miro.MiroApi(lambda: None, base_url=fake.url)
    with pytest.raises(miro.errors.AuthError, match="NoneType"):
        client.boards.list().first()
    assert fake.exchanges == []


def test_numbers_beyond_a_double_are_refused_before_sending(fake, board):
    fake.clear_exchanges()
    for value in (10**400, -(10**400)):
        with pytest.raises(miro.errors.InvalidArgument, match="x is too large"):
            board.items.sticky_notes.create(content="far", x=value)
    with pytest.raises(miro.errors.InvalidArgument, match="finite"):
        board.items.sticky_notes.create(content="far", y=float("nan"))
    assert fake.exchanges == []


@pytest.mark.parametrize("method", ["create_many", "upload_many"])
def test_none_where_a_list_is_due_names_the_argument(board, method):
    with pytest.raises(miro.errors.InvalidArgumentType, match="must be a list, got NoneType"):
        getattr(board.items, method)(None)


def test_create_items_never_splits_a_generator_silently(fake, api, board):
    specs = ({"type": "text", "data": {"content": str(i)}} for i in range(21))
    fake.clear_exchanges()
    with pytest.raises(miro.errors.InvalidArgument, match="at most 20"):
        api.create_items(board.id, specs)
    assert fake.exchanges == []
    few = ({"type": "text", "data": {"content": str(i)}} for i in range(3))
    assert len(api.create_items(board.id, few).data) == 3  # the official Items envelope


def test_none_for_the_lists_of_the_flat_bulk_methods_names_them(api, board):
    with pytest.raises(miro.errors.InvalidArgumentType, match="item_create must be a list"):
        api.create_items(board.id, None)
    with pytest.raises(miro.errors.InvalidArgumentType, match="resources must be a list"):
        api.create_items_in_bulk_using_file_from_device(board.id, [], None)


def test_a_refused_connection_is_known_never_to_have_been_delivered():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    client = miro.MiroApi("token", base_url=f"http://127.0.0.1:{port}", max_retries=0)
    with pytest.raises(miro.errors.TransportError) as raised:
        client.boards.create(name="nowhere")
    assert raised.value.delivered is False and "token" not in str(raised.value.__cause__)
