"""Retries, error mapping, timeouts, headers, and keeping tokens secret."""

import logging
import pickle
import time

import pytest

import miro
from miro.core.transport import USER_AGENT, retry_delay


class Sleeps(list):
    """A sleep function that records how long it was asked to wait (and waits a little)."""

    def __call__(self, seconds):
        self.append(seconds)
        time.sleep(min(seconds, 0.01))


@pytest.fixture
def sleeps():
    return Sleeps()


@pytest.fixture
def client(fake, sleeps):
    api = miro.MiroApi(fake.token, base_url=fake.url, max_retry_wait=30)
    api._transport._sleep = sleeps
    return api


def test_429_is_retried_for_every_method_waiting_as_retry_after_says(fake, client, sleeps):
    board = client.boards.create(name="R")
    fake.fail_next(status=429, retry_after=2, times=2)
    note = board.items.sticky_notes.create(content="after 429")  # a POST
    assert note.data.content == "after 429"
    assert sleeps == [2, 2]
    assert [e.status for e in fake.exchanges[-3:]] == [429, 429, 201]


def test_429_without_retry_after_waits_for_the_rate_limit_reset(fake, client, sleeps):
    fake.fail_next(status=429, reset_in=5)
    client.boards.create(name="R")
    assert len(sleeps) == 1 and 3 <= sleeps[0] <= 6


def test_a_429_wait_longer_than_the_cap_raises_rate_limited_with_reset_time(fake, client, sleeps):
    fake.fail_next(status=429, retry_after=3600)
    with pytest.raises(miro.errors.RateLimited) as limited:
        client.boards.create(name="R")
    assert sleeps == []
    assert limited.value.status == 429 and limited.value.code == "tooManyRequests"
    assert 3500 < limited.value.retry_after <= 3600


def test_retries_give_up_after_max_retries(fake, client, sleeps):
    fake.fail_next(status=429, retry_after=1, times=10)
    with pytest.raises(miro.errors.RateLimited):
        client.boards.list().first()
    assert len(sleeps) == 3


def test_5xx_is_retried_for_get_only(fake, client, sleeps):
    board = client.boards.create(name="R")
    fake.fail_next(status=503, times=1)
    assert client.boards.get(board.id).name == "R"
    assert len(sleeps) == 1
    fake.fail_next(status=500, times=1)
    with pytest.raises(miro.errors.ServerError) as failed:
        board.items.sticky_notes.create(content="not retried")
    assert failed.value.status == 500 and len(sleeps) == 1
    assert [n for n in board.items.sticky_notes.list()] == []


def test_a_cut_connection_is_retried_for_get_and_raised_for_post(fake, client, sleeps):
    board = client.boards.create(name="R")
    fake.fail_next(status=0, times=1)
    assert client.boards.get(board.id).id == board.id
    fake.fail_next(status=0, times=1)
    with pytest.raises(miro.errors.TransportError) as cut:
        board.items.sticky_notes.create(content="x")
    assert cut.value.method == "POST" and fake.token not in str(cut.value)


def test_timeouts_raise_timeout(fake, sleeps):
    api = miro.MiroApi(fake.token, base_url=fake.url, timeout=0.2, max_retries=0)
    fake.delay(3.0, times=1)  # far past the client's 0.2 s, even on a busy machine
    with pytest.raises(miro.errors.Timeout):
        api.boards.create(name="slow")


def test_errors_carry_mirs_code_message_and_request(fake, api):
    with pytest.raises(miro.errors.NotFound) as missing:
        api.boards.get("uXjVnope=")
    error = missing.value
    assert error.status == 404 and error.code and error.message
    assert error.method == "GET" and error.path == "/v2/boards/uXjVnope%3D"
    assert str(error).startswith(f"404 {error.code}: ")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, miro.errors.NotFound) and copy.code == error.code


@pytest.mark.contract_exempt("sends an invalid body on purpose to see the 400")
def test_bad_request_from_the_server_is_typed(fake, api):
    board = api.boards.create(name="R")
    with pytest.raises(miro.errors.BadRequest) as bad:
        api.request(
            "POST", f"/v2/boards/{board.id}/sticky_notes", json={"data": {"shape": "circle"}}
        )
    assert bad.value.status == 400 and bad.value.code


def test_user_agent_and_accept_headers(fake, api):
    api.boards.list().first()
    headers = {k.lower(): v for k, v in fake.exchanges[-1].request_headers.items()}
    assert headers["user-agent"] == USER_AGENT == f"miro-python/{miro.__version__}"
    assert headers["authorization"] == f"Bearer {fake.token}"


def test_token_provider_callable_is_asked_per_request(fake):
    asked = []

    def token():
        asked.append(1)
        return fake.token

    api = miro.MiroApi(token, base_url=fake.url)
    api.boards.create(name="a")
    api.boards.list().first()
    assert len(asked) == 2


def test_tokens_never_appear_in_reprs_logs_or_exceptions(fake, caplog):
    secret = fake.token
    api = miro.MiroApi(secret, base_url=fake.url)
    caplog.set_level(logging.DEBUG)
    board = api.boards.create(name="S")
    texts = [repr(api), repr(api._transport), repr(board), repr(api.boards), repr(board.items)]
    fake.fail_next(status=500, times=5)
    for call in (
        lambda: api.boards.get(board.id),
        lambda: (
            miro.MiroApi(secret, base_url="http://127.0.0.1:9", max_retries=0).boards.list().first()
        ),
    ):
        with pytest.raises(miro.errors.MiroError) as raised:
            call()
        texts += [str(raised.value), repr(raised.value)]
    texts += [r.getMessage() for r in caplog.records]
    assert caplog.records
    assert all(secret not in text for text in texts)


def test_retry_delay_reads_retry_after_seconds_dates_and_reset():
    assert retry_delay({"Retry-After": "7"}) == 7
    assert retry_delay({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0
    assert retry_delay({"X-RateLimit-Reset": "1010"}, now=1000) == 10
    assert retry_delay({}) is None


def test_empty_token_is_refused():
    with pytest.raises(TypeError, match="access_token"):
        miro.MiroApi("")
