"""FakeMiro's OAuth side driven with plain ``requests`` (no SDK client), as API-NOTES §5
describes Miro's: consent redirect, both token-request layouts, rotation, revocation."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from miro.testing import FakeMiro

REDIRECT = "https://app.example.com/cb"


def consent_url(fake, **extra):
    params = {"response_type": "code", "client_id": fake.client_id, "redirect_uri": REDIRECT}
    params.update(extra)
    return f"{fake.authorize_url}?{urlencode(params)}"


def code_for(fake, **extra):
    query = parse_qs(urlsplit(fake.authorize(consent_url(fake, **extra))).query)
    return query["code"][0]


def exchange(fake, layout="body", **overrides):
    params = {
        "grant_type": "authorization_code",
        "client_id": fake.client_id,
        "client_secret": fake.client_secret,
        "redirect_uri": REDIRECT,
    }
    params.update(overrides)
    if "code" not in params:
        params["code"] = code_for(fake)
    if layout == "query":  # what Miro's official clients send
        return requests.post(f"{fake.url}/v1/oauth/token", params=params)
    return requests.post(f"{fake.url}/v1/oauth/token", data=params)


def refresh(fake, refresh_token):
    return requests.post(
        f"{fake.url}/v1/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": refresh_token},
        data={"client_id": fake.client_id, "client_secret": fake.client_secret},
    )  # the split layout of the refresh docs page


def boards_with(fake, token):
    return requests.get(f"{fake.url}/v2/boards", headers={"Authorization": f"Bearer {token}"})


def test_consent_redirects_with_code_state_client_and_team(fake):
    redirect = fake.authorize(consent_url(fake, state="xyz", team_id="1"))
    parts = urlsplit(redirect)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == REDIRECT
    assert query["state"] == ["xyz"] and query["client_id"] == [fake.client_id]
    assert query["code"][0] and query["team_id"][0].isdigit()
    assert "state" not in parse_qs(urlsplit(fake.authorize(consent_url(fake))).query)


@pytest.mark.parametrize(
    "change", [{"client_id": "nope"}, {"redirect_uri": "ftp://x"}, {"response_type": "token"}]
)
def test_consent_page_refuses_bad_requests(fake, change):
    with pytest.raises(ValueError):
        fake.authorize(consent_url(fake, **change))


def test_declined_consent_redirects_with_access_denied(fake):
    query = parse_qs(urlsplit(fake.authorize(consent_url(fake, state="s"), approve=False)).query)
    assert query["error"] == ["access_denied"] and query["state"] == ["s"]
    assert "code" not in query


def test_only_registered_redirect_urls_get_codes():
    with FakeMiro(redirect_urls=[REDIRECT]) as fake:
        fake.authorize(consent_url(fake))
        with pytest.raises(ValueError, match="redirect_uri"):
            fake.authorize(consent_url(fake, redirect_uri="https://evil.example/cb"))


@pytest.mark.parametrize("layout", ["query", "body"])
def test_code_exchange_in_either_layout(fake, layout):
    answer = exchange(fake, layout)
    assert answer.status_code == 200
    token = answer.json()
    assert token["token_type"] == "bearer" and token["expires_in"] == 3599
    assert token["user_id"] == fake.user_id and token["scope"] == "boards:read boards:write"
    assert isinstance(token["team_id"], int) and b'"team_id":3' in answer.content.replace(b" ", b"")
    assert boards_with(fake, token["access_token"]).status_code == 200
    assert fake.token_requests == ["authorization_code"]


def test_codes_are_single_use_and_bound_to_the_redirect_url(fake):
    code = code_for(fake)
    assert exchange(fake, code=code).status_code == 200
    again = exchange(fake, code=code)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    wrong = exchange(fake, redirect_uri="https://app.example.com/other")
    assert wrong.json()["error"] == "invalid_grant"


def test_client_authentication(fake):
    wrong = exchange(fake, client_secret="guess")
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    basic = requests.post(
        f"{fake.url}/v1/oauth/token",
        data={"grant_type": "authorization_code", "code": code_for(fake), "redirect_uri": REDIRECT},
        auth=(fake.client_id, fake.client_secret),
    )
    assert basic.status_code == 401  # HTTP Basic is not what Miro documents
    missing = exchange(fake, code="")
    assert missing.json()["error"] == "invalid_request"
    odd = exchange(fake, grant_type="password")
    assert odd.json()["error"] == "unsupported_grant_type"


def test_refresh_rotates_the_pair_and_kills_the_old_one(fake):
    first = exchange(fake).json()
    second = refresh(fake, first["refresh_token"])
    assert second.status_code == 200
    pair = second.json()
    assert pair["access_token"] != first["access_token"]
    assert pair["refresh_token"] != first["refresh_token"]
    assert boards_with(fake, first["access_token"]).status_code == 401
    assert boards_with(fake, pair["access_token"]).status_code == 200
    reused = refresh(fake, first["refresh_token"])
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    assert fake.token_requests == ["authorization_code", "refresh_token", "refresh_token"]


def test_expired_access_tokens_answer_401_token_expired(fake):
    token = exchange(fake).json()
    fake.expire_access_tokens()
    expired = boards_with(fake, token["access_token"])
    assert expired.status_code == 401 and expired.json()["code"] == "tokenExpired"
    assert token["access_token"] not in expired.text
    assert boards_with(fake, fake.token).status_code == 200  # static tokens never expire
    assert refresh(fake, token["refresh_token"]).status_code == 200


def test_non_expiring_apps_get_no_refresh_token():
    with FakeMiro(token_ttl=None) as fake:
        token = exchange(fake).json()
        assert "refresh_token" not in token and "expires_in" not in token
        fake.expire_access_tokens()
        assert boards_with(fake, token["access_token"]).status_code == 200


def test_revoke_v2_kills_the_access_and_refresh_token(fake):
    token = exchange(fake).json()
    body = {
        "accessToken": token["access_token"],
        "clientId": fake.client_id,
        "clientSecret": fake.client_secret,
    }
    assert requests.post(f"{fake.url}/v2/oauth/revoke", json=body).status_code == 204
    assert boards_with(fake, token["access_token"]).status_code == 401
    assert refresh(fake, token["refresh_token"]).json()["error"] == "invalid_grant"
    again = requests.post(f"{fake.url}/v2/oauth/revoke", json=body)
    assert again.status_code == 404 and again.json()["type"] == "error"


@pytest.mark.contract_exempt("sends an incomplete RevokeTokenRequest on purpose")
def test_revoke_v2_wants_all_three_fields(fake):
    missing = requests.post(f"{fake.url}/v2/oauth/revoke", json={"accessToken": "x"})
    assert missing.status_code == 400 and missing.json()["code"] == "invalidParameters"


def test_revoke_v2_needs_the_apps_credentials(fake):
    token = exchange(fake).json()
    body = {"accessToken": token["access_token"], "clientId": fake.client_id}
    answer = requests.post(f"{fake.url}/v2/oauth/revoke", json={**body, "clientSecret": "no"})
    assert answer.status_code == 404
    assert boards_with(fake, token["access_token"]).status_code == 200


def test_revoke_v1(fake):
    token = exchange(fake).json()["access_token"]
    url = f"{fake.url}/v1/oauth/revoke"
    assert requests.post(url, params={"access_token": token}).status_code == 204
    assert requests.post(url, params={"access_token": token}).status_code == 400


def test_token_info_for_static_and_oauth_tokens(fake):
    static = requests.get(
        f"{fake.url}/v1/oauth-token", headers={"Authorization": f"Bearer {fake.token}"}
    ).json()
    assert static["user"]["id"] == fake.user_id and "boards:write" in static["scopes"]
    assert static["organization"]["type"] == "organization" and static["team"]["id"].isdigit()
    oauth = exchange(fake).json()["access_token"]
    info = requests.get(
        f"{fake.url}/v1/oauth-token", headers={"Authorization": f"Bearer {oauth}"}
    ).json()
    assert info["scopes"] == ["boards:read", "boards:write"] and info["type"] == "oauth"
