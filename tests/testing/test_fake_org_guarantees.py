"""FakeMiro's organization side and SCIM keep issue 14's guarantees: raw HTTP regressions.

Each test is a bug Schemathesis (``tests/fuzz``) or its refused-request probe found on the
organization side, replayed with plain ``requests`` against a live FakeMiro.
"""

from __future__ import annotations

import pytest
import requests

from miro.testing import FakeMiro


@pytest.fixture
def fake():
    with FakeMiro(seed=1) as server:
        yield server


def _get(fake, path, **params):
    headers = {"Authorization": f"Bearer {fake.token}"}
    return requests.get(fake.url + path, params=params, headers=headers, timeout=10)


@pytest.mark.parametrize(
    "query, named",
    [
        ({"role": "owner"}, "role"),
        ({"license": "gold"}, "license"),
        ({"active": "yes"}, "active"),
    ],
)
def test_member_filters_are_checked_even_when_emails_makes_them_ignored(fake, query, named):
    """Schemathesis: ``?emails=…&role=<not a role>`` answered 200 ``[]``."""
    path = f"/v2/orgs/{fake.org_id}/members"
    answer = _get(fake, path, emails="fake.user@example.com", **query)
    assert answer.status_code == 400 and named in answer.json()["message"]
    found = _get(fake, path, emails="fake.user@example.com", role="organization_internal_admin")
    assert found.status_code == 200 and [m["id"] for m in found.json()] == [fake.user_id]


def test_a_refused_request_leaves_state_made_on_first_use_behind_nothing(fake):
    """The probe: a refused board classification made the organization's labels (state kept
    in ``vars(store)``, outside the journal) and kept them; now the journal covers it."""
    headers = {"Authorization": f"Bearer {fake.token}"}
    team = fake.store.team["id"]
    url = f"{fake.url}/v2/orgs/{fake.org_id}/teams/{team}/boards/uXjVnoSuchB=/data-classification"
    answer = requests.post(url, json={"labelId": 1}, headers=headers, timeout=10)
    assert answer.status_code in (400, 404)
    assert "classification" not in vars(fake.store)


def test_refused_scim_and_org_requests_change_nothing_anyone_can_read(fake):
    """A SCIM PATCH whose second operation is bad, a team invite of a stranger, and a bulk
    group change naming nobody: refused, and every list reads as before."""
    headers = {"Authorization": f"Bearer {fake.token}"}
    scim = {"Authorization": f"Bearer {fake.scim_token}"}
    user = fake.add_org_member("someone@example.com")
    org = f"{fake.url}/v2/orgs/{fake.org_id}"
    team = requests.post(f"{org}/teams", json={"name": "t"}, headers=headers, timeout=10).json()
    reads = [
        (f"{fake.scim_url}/Users/{user}", scim),
        (f"{org}/teams/{team['id']}/members", headers),
        (f"{org}/teams", headers),
    ]
    before = [requests.get(u, headers=h, timeout=10).json() for u, h in reads]
    patch = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [
            {"op": "replace", "path": "displayName", "value": "Renamed"},
            {"op": "replace", "path": "active", "value": "not a boolean"},
        ],
    }
    refused = [
        requests.patch(f"{fake.scim_url}/Users/{user}", json=patch, headers=scim, timeout=10),
        requests.post(
            f"{org}/teams/{team['id']}/members",
            json={"email": "nobody@example.com", "role": "member"},
            headers=headers,
            timeout=10,
        ),
        requests.patch(f"{org}/teams/{team['id']}", json={"name": ""}, headers=headers, timeout=10),
    ]
    assert [r.status_code >= 400 for r in refused] == [True, True, True], [r.text for r in refused]
    assert [requests.get(u, headers=h, timeout=10).json() for u, h in reads] == before
