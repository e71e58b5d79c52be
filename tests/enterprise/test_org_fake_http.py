"""FakeMiro's organization side over raw HTTP: Miro's errors, and no change on a 4xx."""

import pytest
import requests


@pytest.fixture
def http(fake):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {fake.token}"
    base = f"{fake.url}/v2/orgs/{fake.org_id}"

    def call(method, path, **kwargs):
        return session.request(method, base + path, **kwargs)

    yield call
    session.close()


def _error(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["type"] == "error" and body["message"]
    return body


@pytest.mark.contract_exempt("sends off-contract requests on purpose")
@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/teams", ["not", "an", "object"]),
        ("POST", "/teams", "Platform"),
        ("POST", "/teams", {}),
        ("POST", "/teams", {"name": ""}),
        ("POST", "/teams", {"name": "x" * 61}),
        ("POST", "/teams", {"name": "ok", "colour": "red"}),
        ("PATCH", "/teams/{team}/settings", {"teamInvitationSettings": {"whoCanInvite": "me"}}),
        ("PATCH", "/teams/{team}/settings", {"teamInvitationSettings": "admins"}),
        ("POST", "/teams/{team}/members", {"email": "ada@example.com", "role": "owner"}),
        ("POST", "/teams/{team}/members", {"role": "member"}),
        ("PATCH", "/teams/{team}/members/{me}", {"role": "non_team"}),
        ("POST", "/teams/{team}/projects", {"name": 7}),
        ("PATCH", "/teams/{team}/projects/{project}/settings", {"sharingPolicySettings": []}),
        ("POST", "/teams/{team}/projects/{project}/members", {"email": "ada@example.com"}),
        ("PATCH", "/teams/{team}/projects/{project}/members/{me}", {"role": "admin"}),
    ],
)
def test_bad_bodies_get_400_and_change_nothing(fake, http, method, path, body):
    ada = fake.add_org_member("ada@example.com")
    team = http("POST", "/teams", json={"name": "T"}).json()["id"]
    project = http("POST", f"/teams/{team}/projects", json={"name": "P"}).json()["id"]
    http("POST", f"/teams/{team}/members", json={"email": "ada@example.com"})
    http(
        "POST",
        f"/teams/{team}/projects/{project}/members",
        json={"email": "ada@example.com", "role": "editor"},
    )
    before = repr(vars(fake.store.org))
    url = path.format(team=team, project=project, me=ada)
    _error(http(method, url, json=body), 400)
    assert repr(vars(fake.store.org)) == before


@pytest.mark.contract_exempt("sends off-contract requests on purpose")
def test_query_checks(http):
    assert _error(http("GET", "/teams", params={"limit": "0"}), 400)["code"] == "invalidParameters"
    _error(http("GET", "/teams", params={"limit": "101"}), 400)
    _error(http("GET", "/teams", params={"cursor": "forged"}), 400)
    _error(http("GET", "/teams", params={"sort": "name"}), 400)
    _error(http("GET", "/members", params={"role": "emperor"}), 400)
    _error(http("GET", "/members", params={"active": "yes"}), 400)
    _error(http("GET", "/members", params={"license": "gold"}), 400)
    eleven = ",".join(f"p{i}@example.com" for i in range(11))
    _error(http("GET", "/members", params={"emails": eleven}), 400)
    _error(http("GET", "/members", params={"cursor": "3458764000000000001"}), 400)


def test_not_found_and_forbidden(fake, http):
    _error(http("GET", "/teams/1"), 404)
    _error(http("GET", "/members/1"), 404)
    team = http("POST", "/teams", json={"name": "T"}).json()["id"]
    _error(http("GET", f"/teams/{team}/projects/1"), 404)
    _error(http("GET", f"/teams/{team}/members/{fake.user_id}"), 404)  # not in this team
    other = requests.get(
        f"{fake.url}/v2/orgs/{fake.org_id}/teams",
        headers={"Authorization": f"Bearer {fake.add_token('Nobody')}"},
    )
    assert _error(other, 403)["code"] == "forbidden"
    _error(requests.get(f"{fake.url}/v2/orgs/{fake.org_id}/teams"), 401)


def test_pages_carry_miros_envelope(fake, http):
    for i in range(3):
        fake.add_org_member(f"p{i}@example.com")
    first = http("GET", "/members", params={"limit": 2}).json()
    assert set(first) == {"data", "size", "limit", "cursor", "type"}
    assert first["size"] == 2 and first["limit"] == 2 and first["type"] == "cursor-list"
    last = http("GET", "/members", params={"limit": 2, "cursor": first["cursor"]}).json()
    assert last["size"] == 2 and "cursor" not in last
    assert isinstance(http("GET", "/members", params={"emails": "p1@example.com"}).json(), list)
    deleted = http("DELETE", "/teams/" + http("POST", "/teams", json={"name": "x"}).json()["id"])
    assert deleted.status_code == 204 and deleted.content == b""


def test_org_state_snapshots_share_the_live_store(fake):
    """A deep copy (a snapshot to roll back to) copies the organization's own state but
    keeps drawing users and ids from the live store."""
    import copy

    fake.add_org_member("snap@example.com")
    snapshot = copy.deepcopy(fake.store.org)
    assert snapshot.store is fake.store and snapshot.info is fake.store.organization
    assert snapshot.members == fake.store.org.members
    assert snapshot.members is not fake.store.org.members
