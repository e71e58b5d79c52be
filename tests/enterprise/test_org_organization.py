"""Organizations: fetched, lazy handles, the fake's Company Admin, access rules."""

import pytest

import miro
from miro.enterprise import Organization


def test_get_organization(api, fake):
    org = api.organizations.get(fake.org_id)
    assert isinstance(org, Organization)
    assert org.id == fake.org_id
    assert org.name == "Fake organization" and org.plan == "company"
    assert org.full_licenses_purchased == 100
    assert api.enterprise_get_organization(fake.org_id) == org
    # the id is the one token info reports
    assert api.token.info().organization.id == fake.org_id


def test_lazy_handle_sends_nothing_until_used(api, fake):
    fake.clear_exchanges()
    org = api.organizations.get(fake.org_id, lazy=True)
    teams = org.teams
    members = org.members
    assert org.name is None and fake.exchanges == []
    assert repr(org) == f"Organization(id={fake.org_id!r})"
    assert "org_id" in repr(teams) and "org_id" in repr(members)
    assert org.refresh().name == "Fake organization"
    assert len(fake.exchanges) == 1


def test_unknown_organization_is_not_found(api):
    with pytest.raises(miro.errors.NotFound):
        api.organizations.get("3458764000000000001")


def test_only_company_admins_reach_the_organization(fake):
    fake.add_org_member("someone@example.com")
    outsider = miro.MiroApi(fake.add_token("Outsider", "outsider@example.com"), base_url=fake.url)
    with pytest.raises(miro.errors.Forbidden):
        outsider.organizations.get(fake.org_id)


def test_bad_org_id_is_refused_before_any_request(api, fake):
    fake.clear_exchanges()
    with pytest.raises(miro.errors.InvalidArgument, match="org_id"):
        api.organizations.get("  ")
    with pytest.raises(miro.errors.InvalidArgumentType, match="org_id"):
        api.organizations.get(None, lazy=True)
    assert fake.exchanges == []
