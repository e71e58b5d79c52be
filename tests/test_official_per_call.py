"""The official per-call keywords: every endpoint method takes ``_request_timeout``,
``_request_auth``, ``_content_type``, ``_headers`` and ``_host_index``; the timeout, the
headers and the header auth reach the transport for that one call, against FakeMiro."""

import inspect

import pytest

import miro
from miro.core.registry import operations
from miro.errors import InvalidArgument, InvalidArgumentType, Timeout

PER_CALL = ["_request_timeout", "_request_auth", "_content_type", "_headers", "_host_index"]


def test_every_endpoint_method_takes_the_per_call_keywords():
    client = miro.MiroApi  # importing the client registers every operation
    missing = []
    for op in operations():
        params = inspect.signature(getattr(client, op.flat_name)).parameters
        if list(params)[-5:] != PER_CALL:
            missing.append(op.flat_name)
        elif params["_host_index"].default != 0 or params["_headers"].default is not None:
            missing.append(op.flat_name)
    assert len(operations()) > 100 and missing == []


def test_headers_arrive_for_that_call_only(api, fake):
    board = api.create_board({"name": "per call"})
    api.get_specific_board(board.id, _headers={"X-Trace": "abc", "X-Count": 3})
    api.create_sticky_note_item(board.id, {"data": {"content": "hi"}}, _headers={"X-Trace": "note"})
    api.get_specific_board(board.id)
    sent = [e.request_headers for e in fake.exchanges]
    assert sent[1]["X-Trace"] == "abc" and sent[1]["X-Count"] == "3"
    assert sent[2]["X-Trace"] == "note"
    assert "X-Trace" not in sent[0] and "X-Trace" not in sent[3]


def test_per_call_values_may_follow_the_parameters_by_position(api, fake):
    board = api.create_board()
    api.get_specific_board(board.id, 5.0, None, None, {"X-Position": "yes"}, 0)
    assert fake.exchanges[-1].request_headers["X-Position"] == "yes"


def test_too_many_or_doubled_arguments_are_refused(api, fake):
    with pytest.raises(TypeError, match="too many arguments"):
        api.get_specific_board("uXjVb=", 5.0, None, None, None, 0, "surplus")
    with pytest.raises(TypeError, match="multiple values for argument '_request_timeout'"):
        api.get_specific_board("uXjVb=", 5.0, _request_timeout=6.0)
    with pytest.raises(TypeError, match="multiple values"):
        api.get_sticky_note_item("uXjVb=", "1", 5.0, _request_timeout=6.0)
    assert fake.exchanges == []


def test_a_per_call_timeout_applies_to_that_call(api, fake):
    fake.delay(3.0)  # answered after 3 s: within the client's timeout (30 s), not the call's
    with pytest.raises(Timeout):
        api.create_board({"name": "slow"}, _request_timeout=0.2)  # POST: never retried


def test_a_per_call_timeout_overrides_a_short_client_timeout(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url, timeout=0.1, max_retries=0)
    fake.delay(0.4)
    board = api.create_board({"name": "patient"}, _request_timeout=(2.0, 5.0))
    assert board.name == "patient"
    fake.delay(0.4)
    with pytest.raises(Timeout):
        api.create_board({"name": "impatient"})  # the client's own 0.1 s again
    api.close()


def test_request_auth_sends_another_token_for_one_call(fake):
    api = miro.MiroApi("not-the-token", base_url=fake.url)
    auth = {"in": "header", "type": "bearer", "key": "Authorization"}
    page = api.get_boards(_request_auth={**auth, "value": f"Bearer {fake.token}"})
    assert page.data == []
    with pytest.raises(miro.errors.Unauthorized):
        api.get_boards()
    api.close()


@pytest.mark.parametrize(
    "keywords, error, named",
    [
        ({"_request_timeout": -1}, InvalidArgument, "_request_timeout"),
        ({"_request_timeout": "5"}, InvalidArgumentType, "_request_timeout"),
        ({"_request_timeout": (1, 2, 3)}, InvalidArgument, "_request_timeout"),
        ({"_headers": "X-A: 1"}, InvalidArgumentType, "_headers"),
        ({"_request_auth": {"in": "query", "value": "t"}}, InvalidArgument, "_request_auth"),
        ({"_content_type": 3}, InvalidArgumentType, "_content_type"),
        ({"_host_index": 1}, InvalidArgument, "_host_index"),
    ],
)
def test_bad_per_call_values_are_refused_before_sending(api, fake, keywords, error, named):
    with pytest.raises(error, match=named):
        api.get_boards(**keywords)
    with pytest.raises(error, match=named):
        api.get_sticky_note_item("uXjVboard=", "3458764517517819000", **keywords)
    assert fake.exchanges == []


def test_content_type_and_host_index_are_accepted(api, fake):
    board = api.create_board({"name": "typed"}, _content_type="application/json", _host_index=0)
    assert board.name == "typed"
    assert fake.exchanges[-1].request_headers["Content-Type"] == "application/json"
