"""SCIM over FakeMiro: ScimApi fluent and flat, paging, filters, errors, tokens, base URL."""

from __future__ import annotations

import json

import pytest

import miro
from miro.errors import Conflict, InvalidArgument, InvalidArgumentType, NotFound, Unauthorized
from miro.scim import ScimGroup, ScimUser
from miro.scim.client import DEFAULT_SCIM_BASE_URL, ScimApi, default_scim_base_url


@pytest.fixture
def scim(fake):
    client = ScimApi(fake.scim_token, base_url=fake.scim_url)
    yield client
    client.close()


def _people(fake, n):
    return [fake.add_org_member(f"person{i}@example.com", name=f"Person {i}") for i in range(n)]


def test_user_lifecycle(fake, scim):
    ann = scim.users.create(
        "ann@example.com", given_name="Ann", family_name="Lee", user_type="Full",
        enterprise={"department": "R&D"},
    )  # fmt: skip
    assert isinstance(ann, ScimUser)
    assert (ann.user_name, ann.display_name, ann.active) == ("ann@example.com", "Ann Lee", True)
    assert ann.name.given_name == "Ann" and ann.enterprise.department == "R&D"
    assert scim.users.get(ann.id) == ann
    ann.deactivate()
    assert ann.active is False and scim.users.get(ann.id).active is False
    ann.activate()
    replaced = scim.users.replace(ann.id, "ann.lee@example.com", display_name="Ann L.")
    assert replaced.user_name == "ann.lee@example.com" and replaced.enterprise is None
    ann.delete()
    with pytest.raises(NotFound):
        scim.users.get(ann.id)


def test_bodies_go_as_scim_json(fake, scim):
    scim.users.create("bo@example.com", given_name="Bo", family_name="Ek")
    post = [e for e in fake.exchanges if e.method == "POST"][-1]
    assert post.path == "/api/v1/scim/Users"
    assert post.request_headers["Content-Type"] == "application/scim+json"
    body = json.loads(post.request_body)
    assert body["schemas"] == ["urn:ietf:params:scim:schemas:core:2.0:User"]
    assert body["name"] == {"givenName": "Bo", "familyName": "Ek"}


def test_answers_in_scim_json_with_location_and_etag_are_read(fake, scim):
    fake.clear_exchanges()
    ann = scim.users.create("ann@example.com", display_name="Ann")
    created = fake.exchanges[-1]
    assert created.status == 201
    assert created.response_headers["Content-Type"] == "application/scim+json"
    assert created.response_headers["Location"] == f"{fake.scim_url}/Users/{ann.id}"
    assert created.response_headers["ETag"].startswith('W/"')
    ann.deactivate()
    patched = fake.exchanges[-1]
    assert (
        patched.method == "PATCH"
        and patched.response_headers["ETag"] != (created.response_headers["ETag"])
    )
    assert scim.users.get(ann.id).active is False and ann.display_name == "Ann"
    team = scim.groups.list().first()
    team.add_members(ann)
    assert fake.exchanges[-1].response_headers["Content-Type"] == "application/scim+json"
    assert ann.id in {m.value for m in scim.groups.get(team.id).members}
    assert scim.users.get(ann.id).active is True  # joining a team reactivates (patchGroup)


def test_pages_by_start_index_and_count(fake, scim):
    _people(fake, 6)
    fake.clear_exchanges()
    users = scim.users.list(count=2).all()
    assert len(users) == 7  # the admin and six people
    assert len({u.id for u in users}) == 7
    starts = [e.query for e in fake.exchanges]
    assert starts == [f"startIndex={s}&count=2" for s in (1, 3, 5, 7)]
    page = scim.list_users(start_index=3, count=2)
    assert (page.total_results, page.start_index, page.items_per_page) == (7, 3, 2)
    assert all(isinstance(u, ScimUser) for u in page.resources)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('userName eq "person1@example.com"', {"person1@example.com"}),
        ('userName co "son2"', {"person2@example.com"}),
        ('displayName sw "Person 1" or displayName sw "Person 2"',
         {"person1@example.com", "person2@example.com"}),
        ('userName sw "person" and not (userName eq "person0@example.com")',
         {"person1@example.com", "person2@example.com"}),
        ("preferredLanguage pr", set()),
        ('emails[type eq "work" and value ew "2@example.com"]', {"person2@example.com"}),
    ],
)  # fmt: skip
def test_filters(fake, scim, text, expected):
    _people(fake, 3)
    assert {u.user_name for u in scim.users.list(filter=text)} == expected


def test_bad_input_fails_before_any_request(fake, scim):
    fake.clear_exchanges()
    with pytest.raises(InvalidArgument, match="filter is not a valid SCIM filter"):
        scim.users.list(filter='userName equals "x"')
    with pytest.raises(InvalidArgument, match="filter"):
        scim.list_users(filter="(active eq true")
    with pytest.raises(InvalidArgument, match="count must be between 1 and 1000"):
        scim.users.list(count=1001)
    with pytest.raises(InvalidArgument, match="sort_order"):
        scim.users.list(sort_order="up")
    with pytest.raises(InvalidArgument, match=r"operations\[0\]\['op'\]"):
        scim.users.patch("1", [("rename", "displayName", "x")])
    with pytest.raises(InvalidArgumentType, match="user_name"):
        scim.users.create(user_name=42)
    with pytest.raises(InvalidArgument, match="name"):
        scim.resource_type("Widget")
    assert fake.exchanges == []


def test_scim_errors_are_typed_with_scim_type(fake, scim):
    scim.users.create("dup@example.com")
    with pytest.raises(Conflict) as caught:
        scim.users.create("dup@example.com")
    assert caught.value.code == "uniqueness" and caught.value.status == 409
    assert "already exists" in caught.value.message


def test_groups_are_teams(fake, scim):
    ann, bo = _people(fake, 2)
    team = scim.groups.list().first()
    assert isinstance(team, ScimGroup) and team.display_name == "Fake team"
    team.add_members(ann, bo)
    assert {m.value for m in team.members} >= {ann, bo}
    assert scim.users.get(ann).groups[0].value == team.id
    team.remove_members(bo)
    assert bo not in {m.value for m in scim.groups.get(team.id).members}
    team.rename("Platform")
    assert scim.groups.get(team.id).display_name == "Platform"
    assert [g.id for g in scim.groups.list(filter='displayName eq "platform"')] == [team.id]


def test_deprovisioning_removes_the_user_from_teams(fake, scim):
    (ann,) = _people(fake, 1)
    team = scim.groups.list().first()
    team.add_members(ann)
    assert ann in fake.store.org.team_members[team.id]
    scim.users.get(ann).delete()
    assert ann not in fake.store.org.team_members[team.id]
    assert ann not in {m.value for m in scim.groups.get(team.id).members}


def test_discovery(scim):
    config = scim.service_provider_config()
    assert config.patch.supported and config.filter.supported
    assert {t.id for t in scim.resource_types()} == {"User", "Group"}
    assert scim.resource_type("Group").endpoint == "/Groups"
    schemas = {s.id for s in scim.schemas()}
    assert "urn:ietf:params:scim:schemas:core:2.0:User" in schemas
    assert scim.schema("urn:ietf:params:scim:schemas:core:2.0:Group").name == "Group"
    assert len(scim.list_resource_types().resources) == 2
    assert scim.list_schemas().total_results == 3
    assert scim.get_resource_type("User").id == "User"
    assert scim.list_service_provider_configs().sort.supported


def test_tokens_are_not_interchangeable(fake):
    with pytest.raises(Unauthorized):
        ScimApi(fake.token, base_url=fake.scim_url).users.list().first()
    with pytest.raises(Unauthorized):
        miro.MiroApi(fake.scim_token, base_url=fake.url).boards.list().first()


def test_flat_methods_go_to_the_scim_base_url(fake):
    api = miro.MiroApi(fake.scim_token, base_url=fake.url)
    created = api.create_user(
        {"userName": "cy@example.com", "name": {"givenName": "Cy", "familyName": "Oh"}}
    )
    assert api.get_user(created.id).display_name == "Cy Oh"
    patched = api.patch_user(
        created.id,
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations": [{"op": "Replace", "path": "active", "value": False}]},
    )  # fmt: skip
    assert patched.active is False
    replaced = api.replace_user(created.id, {"userName": "cy@example.com", "displayName": "Cy"})
    assert replaced.display_name == "Cy"
    team = api.list_groups().resources[0]
    group = api.patch_group(
        team.id,
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations": [{"op": "Add", "path": "members", "value": [{"value": created.id}]}]},
    )  # fmt: skip
    assert created.id in {m.value for m in group.members}
    assert api.get_group(team.id).id == team.id
    assert api.get_schema("urn:ietf:params:scim:schemas:core:2.0:User").id.endswith("User")
    api.delete_user(created.id)
    assert all(e.path.startswith("/api/v1/scim/") for e in fake.exchanges)


def test_scim_base_url_rules(monkeypatch):
    monkeypatch.delenv("MIRO_SCIM_BASE_URL", raising=False)
    assert default_scim_base_url() == DEFAULT_SCIM_BASE_URL == "https://miro.com/api/v1/scim"
    assert default_scim_base_url("https://api.miro.com") == DEFAULT_SCIM_BASE_URL
    assert default_scim_base_url("http://127.0.0.1:5/") == "http://127.0.0.1:5/api/v1/scim"
    monkeypatch.setenv("MIRO_SCIM_BASE_URL", "https://scim.example/v1")
    assert ScimApi("t")._transport.base_url == "https://scim.example/v1"
    assert miro.MiroApi("t").scim._transport.base_url == "https://scim.example/v1"


def test_reprs_hide_the_token(fake, scim):
    assert fake.scim_token not in repr(scim)
    assert fake.scim_token not in repr(scim.users)


def test_the_scim_client_of_miro_api_shares_its_settings():
    api = miro.MiroApi(
        "t", base_url="http://10.1.2.3:8080", allow_http=True, timeout=7, deadline=30,
        pacing=False, max_retries=1,
    )  # fmt: skip
    scim = api.scim._transport
    assert scim.base_url == "http://10.1.2.3:8080/api/v1/scim"  # allowed: allow_http carried over
    assert (scim.timeout, scim.deadline, scim.max_retries, scim.pacer) == (7, 30, 1, None)
    assert api.scim is api.scim  # made once
    with pytest.raises(InvalidArgument, match="allow_http"):
        ScimApi("t", base_url="http://10.1.2.3:8080/api/v1/scim")
    api.close()
