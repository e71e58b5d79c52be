"""Tokens: never in a log record (every logger at DEBUG), kept through token-endpoint
outages, refreshed once per lifetime whatever the margin (issue #12.2, #12.4)."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

import miro
from miro import Miro

from .helpers import every_logger_at_debug, secrets_of

REDIRECT = "https://app.example.com/miro/callback"
UTC = datetime.timezone.utc


def authorized(fake, **options):
    client = Miro(
        fake.client_id,
        fake.client_secret,
        REDIRECT,
        base_url=fake.url,
        authorize_url=fake.authorize_url,
        **options,
    )
    client.exchange_code_for_access_token(fake.authorize(client.auth_url))
    return client


def due_in(client, seconds):
    """Make the stored token expire ``seconds`` from now (for the client only)."""
    state = client._storage.get()
    moment = datetime.datetime.now(UTC) + datetime.timedelta(seconds=seconds)
    client._storage.set(dataclasses.replace(state, token_expires_at=moment))


def test_revoke_token_v1_keeps_the_token_out_of_every_log(fake):
    api = miro.MiroApi(fake.token, base_url=fake.url)
    victim = fake.add_token()
    with every_logger_at_debug() as logs:
        with pytest.warns(DeprecationWarning):
            api.revoke_token(victim)  # the official v1 call: token in the query string
    assert "/v1/oauth/revoke" in logs.text()  # urllib3 did log the request line …
    assert victim not in logs.text() and fake.token not in logs.text()  # … scrubbed
    assert "access_token=<hidden>" in logs.text()


def test_the_whole_oauth_life_logs_no_secret(fake):
    with every_logger_at_debug() as logs:
        client = authorized(fake)
        client.api.boards.create(name="logged")
        due_in(client, 5)
        client.api.boards.list().first()  # refreshes
        fake.fail_next(status=503, path="/v1/oauth/token")
        due_in(client, 5)
        client.api.boards.list().first()  # refresh fails, valid token kept
        client.revoke_token()
    leaked = [secret for secret in secrets_of(fake) if secret in logs.text()]
    assert leaked == []
    assert fake.client_secret not in logs.text() and fake.client_secret not in repr(client)


@pytest.mark.contract_exempt("the token endpoint fails on purpose")
@pytest.mark.parametrize("status", [500, 503, 429, 0])
def test_an_outage_of_the_token_endpoint_keeps_a_valid_token_in_use(fake, status):
    client = authorized(fake)
    board = client.api.boards.create(name="outage")
    token = client.state.access_token
    due_in(client, 60)  # inside the early-refresh window, still valid for a minute
    fake.fail_next(status=status, path="/v1/oauth/token", times=100)
    assert client.is_authorized
    for i in range(5):
        board.items.sticky_notes.create(content=str(i))
    assert client.state.access_token == token
    assert fake.token_requests.count("refresh_token") <= 2  # backed off, not every call
    fake._server.faults.clear()
    client._next_refresh_try = 0.0  # the backoff has passed
    assert client.access_token != token  # refreshed once the endpoint is back


@pytest.mark.contract_exempt("the token endpoint fails on purpose")
def test_an_outage_fails_once_the_token_has_really_expired(fake):
    client = authorized(fake)
    due_in(client, -1)
    fake.fail_next(status=503, path="/v1/oauth/token", times=10)
    assert client.is_authorized is False
    with pytest.raises(miro.errors.OAuthError) as raised:
        client.api.boards.list().first()
    assert raised.value.status == 503


def test_a_refused_refresh_token_still_fails_at_once(fake):
    client = authorized(fake)
    due_in(client, 60)
    fake.fail_next(status=400, code="invalid_grant", path="/v1/oauth/token")
    with pytest.raises(miro.errors.OAuthError):
        _ = client.access_token


def test_a_margin_at_or_above_the_lifetime_refreshes_once_not_on_every_call(fake):
    client = authorized(fake, refresh_margin=7200)  # tokens live 3599 s
    for _ in range(10):
        client.api.boards.list().first()
    assert fake.token_requests.count("refresh_token") == 1


def test_token_endpoint_transport_failure_keeps_its_cause_without_secrets(fake):
    client = authorized(fake)
    due_in(client, -1)
    fake.fail_next(status=0, path="/v1/oauth/token")
    with pytest.raises(miro.errors.TransportError) as raised:
        _ = client.access_token
    assert raised.value.__cause__ is not None
    assert fake.client_secret not in repr(raised.value.__cause__)
