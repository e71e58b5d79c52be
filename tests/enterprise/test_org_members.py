"""Organization members: filters, both response shapes of the list, paging, bad input."""

import pytest

import miro


@pytest.fixture
def people(fake):
    """Seven more people: four internal users, two guests (one deactivated), one admin."""
    ids = {}
    for i in range(4):
        ids[f"user{i}"] = fake.add_org_member(f"user{i}@example.com", license="full")
    ids["guest"] = fake.add_org_member(
        "guest@example.com", role="organization_team_guest_user", license="free"
    )
    ids["gone"] = fake.add_org_member(
        "gone@example.com", role="organization_team_guest_user", license="free", active=False
    )
    ids["boss"] = fake.add_org_member(
        "boss@example.com", role="organization_internal_admin", name="The Boss"
    )
    return ids


def test_iterate_every_member_across_pages(api, fake, people):
    org = api.organizations.get(fake.org_id, lazy=True)
    fake.clear_exchanges()
    members = list(org.members.list(limit=3))
    assert len(members) == 8 and len({m.id for m in members}) == 8
    assert len(fake.exchanges) == 3  # 3 + 3 + 2
    me = org.members.get(fake.user_id)
    assert me.role == "organization_internal_admin" and me.active is True
    assert [r.name for r in me.admin_roles] == ["Company Admin"]
    assert me.last_activity_at is not None and me.last_activity_at.tzinfo is not None


def test_filters(api, fake, people):
    members = api.organizations.get(fake.org_id, lazy=True).members
    guests = members.list(role="organization_team_guest_user")
    assert {m.id for m in guests} == {people["guest"], people["gone"]}
    assert [m.id for m in members.list(role="organization_team_guest_user", active=True)] == [
        people["guest"]
    ]
    assert [m.id for m in members.list(active=False)] == [people["gone"]]
    assert {m.id for m in members.list(license="free")} == {people["guest"], people["gone"]}


def test_emails_filter_answers_a_bare_array(api, fake, people):
    members = api.organizations.get(fake.org_id, lazy=True).members
    found = members.list(emails=["user1@example.com", "BOSS@example.com", "nobody@example.com"])
    assert sorted(m.id for m in found) == sorted([people["user1"], people["boss"]])
    page = members.page(emails="guest@example.com")
    assert [m.email for m in page] == ["guest@example.com"] and page.cursor is None
    # the raw answer really was a JSON array (API-NOTES §8.20)
    assert fake.exchanges[-1].response_body.startswith(b"[")


def test_flat_methods_and_generator(api, fake, people):
    page = api.enterprise_get_organization_members(fake.org_id, limit="5")
    assert len(page.data) == 5 and page.cursor and page.type == "cursor-list"
    rest = api.enterprise_get_organization_members(fake.org_id, cursor=page.cursor, limit=5)
    assert len(rest.data) == 3 and rest.cursor is None
    both = api.enterprise_get_organization_members(
        fake.org_id, emails="user0@example.com,user2@example.com"
    )
    assert sorted(m.email for m in both.data) == ["user0@example.com", "user2@example.com"]
    every = list(api.get_all_organization_members(fake.org_id, limit=2))
    assert len(every) == 8
    admins = list(api.get_all_organization_members(fake.org_id, role="organization_internal_admin"))
    assert {m.id for m in admins} == {fake.user_id, people["boss"]}
    member = api.enterprise_get_organization_member(fake.org_id, people["user3"])
    assert member.email == "user3@example.com" and member.license == "full"


def test_unknown_member_is_not_found(api, fake):
    with pytest.raises(miro.errors.NotFound):
        api.organizations.get(fake.org_id, lazy=True).members.get("3458764000000000009")


def test_bad_filters_are_refused_before_any_request(api, fake):
    members = api.organizations.get(fake.org_id, lazy=True).members
    fake.clear_exchanges()
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        members.list(role="superuser")
    with pytest.raises(miro.errors.InvalidArgument, match="license"):
        members.list(license="gold")
    with pytest.raises(miro.errors.InvalidArgumentType, match="active"):
        members.list(active="yes")
    with pytest.raises(miro.errors.InvalidArgument, match="limit"):
        members.list(limit=101)
    with pytest.raises(miro.errors.InvalidArgumentType, match="emails"):
        members.list(emails=42)
    with pytest.raises(miro.errors.InvalidArgument, match="emails.*at most 10"):
        members.list(emails=[f"p{i}@example.com" for i in range(11)])
    assert fake.exchanges == []


def test_fake_seeding_rejects_duplicates_and_bad_roles(fake):
    fake.add_org_member("twice@example.com")
    with pytest.raises(ValueError, match="already"):
        fake.add_org_member("twice@example.com")
    with pytest.raises(ValueError, match="role"):
        fake.add_org_member("odd@example.com", role="emperor")


def test_the_cursor_is_the_last_member_served(api, fake, people):
    """The spec: the cursor is the id of the last member of the previous page."""
    page = api.organizations.get(fake.org_id, lazy=True).members.page(limit=3)
    assert page.cursor == page.data[-1].id
