"""The stateful ``Miro`` client against FakeMiro's OAuth side: configuration, the
authorization flow, state checks, refresh (before expiry, on 401, under 16 threads),
refused refresh tokens, revocation, and secrets kept out of reprs, logs and errors."""

import dataclasses
import datetime
import json
import logging
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from miro import InMemoryStorage, Miro
from miro.errors import (
    AuthorizationDenied,
    InvalidArgument,
    InvalidGrant,
    NotAuthorized,
    StateMismatch,
)

REDIRECT = "https://app.example.com/miro/callback"
UTC = datetime.timezone.utc


def client(fake, storage=None, **options):
    """A ``Miro`` for the fake's app."""
    return Miro(
        fake.client_id,
        fake.client_secret,
        REDIRECT,
        storage,
        base_url=fake.url,
        authorize_url=fake.authorize_url,
        **options,
    )


def authorized(fake, storage=None, **options):
    """A ``Miro`` that went through the whole flow."""
    miro = client(fake, storage, **options)
    miro.exchange_code_for_access_token(fake.authorize(miro.auth_url))
    return miro


def expire(miro, fake):
    """Make the stored access token expired, for the client and for the fake."""
    state = miro._storage.get()
    past = datetime.datetime.now(UTC) - datetime.timedelta(seconds=5)
    miro._storage.set(dataclasses.replace(state, token_expires_at=past))
    fake.expire_access_tokens()


@pytest.fixture
def board(fake):
    response = requests.post(
        f"{fake.url}/v2/boards",
        json={"name": "OAuth board"},
        headers={"Authorization": f"Bearer {fake.token}"},
    )
    return response.json()["id"]


# -- configuration -------------------------------------------------------------------


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("MIRO_CLIENT_ID", "3458764")
    monkeypatch.setenv("MIRO_CLIENT_SECRET", "shh")
    monkeypatch.setenv("MIRO_REDIRECT_URL", "https://env.example.com/cb")
    miro = Miro()
    assert (miro.client_id, miro.redirect_url) == ("3458764", "https://env.example.com/cb")
    assert Miro(client_id="override").client_id == "override"
    assert Miro(client_id=3458764517517819000).client_id == "3458764517517819000"


@pytest.mark.parametrize(
    "argument, variable",
    [
        ("client_id", "MIRO_CLIENT_ID"),
        ("client_secret", "MIRO_CLIENT_SECRET"),
        ("redirect_url", "MIRO_REDIRECT_URL"),
    ],
)
def test_a_missing_setting_names_the_argument_and_the_variable(monkeypatch, argument, variable):
    for name in ("MIRO_CLIENT_ID", "MIRO_CLIENT_SECRET", "MIRO_REDIRECT_URL"):
        monkeypatch.delenv(name, raising=False)
    given = {"client_id": "1", "client_secret": "s", "redirect_url": "https://x.example/cb"}
    del given[argument]
    with pytest.raises(InvalidArgument, match=f"{argument}.*{variable}"):
        Miro(**given)


def test_bad_urls_are_refused_before_anything_is_sent():
    with pytest.raises(InvalidArgument, match="redirect_url"):
        Miro("1", "s", "not a url")
    with pytest.raises(InvalidArgument, match="base_url"):
        Miro("1", "s", REDIRECT, base_url="ftp://example.com")


def test_each_client_gets_its_own_in_memory_storage(fake):
    first = authorized(fake)
    second = client(fake)
    assert first.is_authorized and not second.is_authorized


def test_auth_url_is_the_official_one():
    miro = Miro("3458764", "s", REDIRECT)
    parts = urlsplit(miro.auth_url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://miro.com/oauth/authorize"
    assert parse_qs(parts.query) == {
        "response_type": ["code"],
        "client_id": ["3458764"],
        "redirect_uri": [REDIRECT],
    }
    query = parse_qs(urlsplit(miro.get_auth_url(state="xyz", team_id="42")).query)
    assert query["state"] == ["xyz"] and query["team_id"] == ["42"]


# -- the flow ----------------------------------------------------------------------------


def test_full_flow_auth_url_authorize_exchange_then_the_api(fake, board):
    miro = client(fake)
    assert not miro.is_authorized
    redirect = fake.authorize(miro.get_auth_url(state="s-1"))
    assert redirect.startswith(REDIRECT + "?")
    token = miro.exchange_code_for_access_token(redirect)
    assert miro.is_authorized and miro.access_token == token
    assert miro.api.get_specific_board(board).name == "OAuth board"
    state = miro.state
    assert state.user_id == fake.user_id
    assert state.team_id and state.team_id.isdigit() and "boards:read" in state.scopes
    assert state.token_expires_at.tzinfo is not None
    assert 3500 < state.expires_in() <= 3599
    assert fake.token_requests == ["authorization_code"]
    assert miro.token_info().user.id == fake.user_id


def test_a_bare_code_is_accepted(fake):
    miro = client(fake)
    code = parse_qs(urlsplit(fake.authorize(miro.auth_url)).query)["code"][0]
    assert miro.exchange_code_for_access_token(code) == miro.access_token


def test_a_used_code_is_refused_with_invalid_grant(fake):
    miro = client(fake)
    redirect = fake.authorize(miro.auth_url)
    miro.exchange_code_for_access_token(redirect)
    with pytest.raises(InvalidGrant) as caught:
        client(fake).exchange_code_for_access_token(redirect)
    assert caught.value.error == "invalid_grant" and caught.value.status == 400


def test_a_state_this_client_did_not_issue_is_refused_before_the_token_request(fake):
    issuer, other = client(fake), client(fake)
    redirect = fake.authorize(issuer.get_auth_url(state="mine"))
    with pytest.raises(StateMismatch, match="did not issue"):
        other.exchange_code_for_access_token(redirect)
    with pytest.raises(StateMismatch, match="not the one expected"):
        other.exchange_code_for_access_token(redirect, state="something else")
    assert fake.token_requests == []
    assert other.exchange_code_for_access_token(redirect, state="mine")  # told explicitly


def test_an_issued_state_is_good_once(fake):
    miro = client(fake)
    url = miro.get_auth_url(state="once")
    miro.exchange_code_for_access_token(fake.authorize(url))
    with pytest.raises(StateMismatch):
        miro.exchange_code_for_access_token(fake.authorize(url))


def test_state_can_only_be_checked_on_a_redirect_url(fake):
    with pytest.raises(InvalidArgument, match="redirect URL"):
        client(fake).exchange_code_for_access_token("some-code", state="x")
    with pytest.raises(InvalidArgument, match="no code"):
        client(fake).exchange_code_for_access_token(REDIRECT + "?state=x")


def test_a_declined_authorization_raises_authorization_denied(fake):
    miro = client(fake)
    redirect = fake.authorize(miro.auth_url, approve=False)
    with pytest.raises(AuthorizationDenied) as caught:
        miro.exchange_code_for_access_token(redirect)
    assert caught.value.error == "access_denied" and not miro.is_authorized


def test_nothing_stored_means_not_authorized(fake):
    miro = client(fake)
    assert not miro.is_authorized
    with pytest.raises(NotAuthorized, match="auth_url"):
        _ = miro.access_token
    with pytest.raises(NotAuthorized):
        miro.revoke_token()


# -- refresh -------------------------------------------------------------------------------


def test_the_token_is_refreshed_shortly_before_it_expires(fake, board):
    miro = authorized(fake)
    first = miro.state
    soon = datetime.datetime.now(UTC) + datetime.timedelta(seconds=60)  # inside the 120 s margin
    miro._storage.set(dataclasses.replace(first, token_expires_at=soon))
    assert miro.api.get_specific_board(board).id == board
    assert fake.token_requests == ["authorization_code", "refresh_token"]
    second = miro.state
    assert second.access_token != first.access_token
    assert second.refresh_token != first.refresh_token  # rotated
    assert second.expires_in() > 3500
    miro.api.get_specific_board(board)
    assert fake.token_requests.count("refresh_token") == 1


def test_a_401_from_an_expired_token_refreshes_once_and_retries(fake, board):
    miro = authorized(fake)
    fake.expire_access_tokens()  # the server says expired; the client's clock does not
    assert miro.api.get_specific_board(board).id == board
    assert fake.token_requests == ["authorization_code", "refresh_token"]
    statuses = [e.status for e in fake.exchanges if e.path.startswith("/v2/boards/")]
    assert statuses == [401, 200]


def at_once(clients, board):
    """Every client gets the board, all released together; returns (ids, errors)."""
    barrier = threading.Barrier(len(clients))
    results, errors = [], []

    def call(miro):
        barrier.wait()
        try:
            results.append(miro.api.get_specific_board(board).id)
        except Exception as exc:  # collected: the tests want every call to succeed
            errors.append(exc)

    threads = [threading.Thread(target=call, args=(miro,)) for miro in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_sixteen_threads_with_an_expired_token_cause_one_refresh(fake, board):
    miro = authorized(fake)
    expire(miro, fake)  # the client's clock and the server agree: expired
    assert at_once([miro] * 16, board) == ([board] * 16, [])
    assert fake.token_requests.count("refresh_token") == 1


def test_sixteen_threads_hitting_401_together_cause_one_refresh(fake, board):
    miro = authorized(fake)
    fake.expire_access_tokens()  # only the server knows: every thread gets a 401
    assert at_once([miro] * 16, board) == ([board] * 16, [])
    assert fake.token_requests.count("refresh_token") == 1


def test_clients_sharing_one_storage_share_one_refresh(fake, board):
    storage = InMemoryStorage()
    first = authorized(fake, storage)
    second = client(fake, storage)
    expire(first, fake)
    assert at_once([first, second] * 4, board) == ([board] * 8, [])
    assert fake.token_requests.count("refresh_token") == 1


def test_a_reused_refresh_token_means_not_authorized_and_cleared_storage(fake):
    miro = authorized(fake)
    spent = miro.state
    expire(miro, fake)
    assert miro.access_token  # refreshes: `spent` is now used up
    miro._storage.set(dataclasses.replace(spent, token_expires_at=spent.token_expires_at))
    expire(miro, fake)
    with pytest.raises(InvalidGrant, match="send the user to auth_url"):
        _ = miro.access_token
    assert miro._storage.get() is None
    assert miro.is_authorized is False


def test_a_revoked_grant_means_not_authorized(fake):
    miro = authorized(fake)
    revoked = requests.post(
        f"{fake.url}/v2/oauth/revoke",
        json={
            "accessToken": miro.access_token,
            "clientId": fake.client_id,
            "clientSecret": fake.client_secret,
        },
    )
    assert revoked.status_code == 204
    expire(miro, fake)
    assert miro.is_authorized is False
    assert miro._storage.get() is None


def test_revoke_token_uses_the_v2_endpoint_and_forgets_the_tokens(fake, board):
    miro = authorized(fake)
    token = miro.access_token
    miro.revoke_token()
    revoke = [e for e in fake.exchanges if e.path == "/v2/oauth/revoke"]
    assert [e.status for e in revoke] == [204]
    assert json.loads(revoke[0].request_body) == {
        "accessToken": token,
        "clientId": fake.client_id,
        "clientSecret": fake.client_secret,
    }
    assert not miro.is_authorized
    answer = requests.get(
        f"{fake.url}/v1/oauth-token", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 401


def test_revoking_an_expired_token_refreshes_first_so_the_live_pair_dies(fake):
    miro = authorized(fake)
    expire(miro, fake)
    miro.revoke_token()
    assert fake.token_requests == ["authorization_code", "refresh_token"]
    assert [e.status for e in fake.exchanges if e.path == "/v2/oauth/revoke"] == [204]
    assert miro.state is None


def test_a_session_storage_that_raises_key_error_reads_as_empty(fake):
    class SessionStorage(InMemoryStorage):
        def get(self):
            raise KeyError("miro_state")

    assert client(fake, SessionStorage()).is_authorized is False


# -- secrets -----------------------------------------------------------------------------


def test_no_token_or_secret_in_reprs_logs_or_errors(fake, board, caplog):
    caplog.set_level(logging.DEBUG)
    miro = client(fake)
    redirect = fake.authorize(miro.get_auth_url(state="st"))
    code = parse_qs(urlsplit(redirect).query)["code"][0]
    miro.exchange_code_for_access_token(redirect)
    secrets = {fake.client_secret, code}
    states = [miro.state]
    expire(miro, fake)
    miro.api.get_specific_board(board)  # refresh before the call
    states.append(miro.state)
    fake.expire_access_tokens()
    miro.api.get_specific_board(board)  # refresh on 401
    states.append(miro.state)
    errors = []
    for attempt in (
        lambda: client(fake).exchange_code_for_access_token(redirect),  # used code
        lambda: Miro(fake.client_id, "wrong", REDIRECT, base_url=fake.url)
        .exchange_code_for_access_token(fake.authorize(miro.auth_url)),
    ):  # fmt: skip
        with pytest.raises(Exception) as caught:
            attempt()
        errors.append(caught.value)
    shown = [repr(miro), repr(miro.api), repr(miro._storage), repr(miro.api.token)]
    for state in states:
        secrets.update({state.access_token, state.refresh_token})
        shown.append(repr(state))
    shown += [str(e) for e in errors] + [repr(e) for e in errors]
    shown += [record.getMessage() for record in caplog.records]
    assert any("oauth" in record.name for record in caplog.records)  # the logs were looked at
    leaks = [(secret, text) for secret in secrets for text in shown if secret in text]
    assert leaks == []
    miro.revoke_token()


def test_an_api_call_after_out_of_band_revocation_raises_invalid_grant(fake, board):
    miro = authorized(fake)
    requests.post(
        f"{fake.url}/v1/oauth/revoke", params={"access_token": miro.access_token}
    )  # the user revoked the app's access elsewhere
    with pytest.raises(InvalidGrant):
        miro.api.get_specific_board(board)  # 401 -> refresh -> refused
    assert fake.token_requests == ["authorization_code", "refresh_token"]
    assert not miro.is_authorized


def test_an_app_with_non_expiring_tokens():
    from miro.errors import Unauthorized
    from miro.testing import FakeMiro

    with FakeMiro(token_ttl=None) as fake:
        miro = authorized(fake)
        assert miro.state.token_expires_at is None and miro.state.refresh_token is None
        assert miro.api.get_boards().data == []
        requests.post(f"{fake.url}/v1/oauth/revoke", params={"access_token": miro.access_token})
        with pytest.raises(Unauthorized):  # nothing to refresh with: the 401 stands
            miro.api.get_boards()
        assert fake.token_requests == ["authorization_code"]
