"""Teams: create, list by name, rename, delete; members with roles; settings."""

import pytest

import miro


@pytest.fixture
def org(api, fake):
    return api.organizations.get(fake.org_id, lazy=True)


@pytest.fixture
def team(org):
    return org.teams.create(name="Platform")


def test_team_lifecycle(org, team, fake):
    assert team.name == "Platform" and team.type == "team"
    assert org.teams.get(team.id) == team
    names = sorted(t.name for t in org.teams)
    assert names == ["Fake team", "Platform"]
    assert org.teams.first().name == "Fake team" and org.teams[1] == team  # a sequence
    org.teams.create(name="Developer's team")
    org.teams.create(name="Team for developers")
    assert sorted(t.name for t in org.teams.list(name="DEV")) == [
        "Developer's team",
        "Team for developers",
    ]
    assert team.update(name="Platform & Infra") is team and team.name == "Platform & Infra"
    assert org.teams.get(team.id).name == "Platform & Infra"
    team.delete()
    with pytest.raises(miro.errors.NotFound):
        org.teams.get(team.id)


def test_teams_page_through(org):
    for i in range(5):
        org.teams.create(name=f"T{i}")
    first = org.teams.page(limit=2)
    assert len(first) == 2 and first.cursor and first.type == "cursor-list"
    assert len(org.teams.list(limit=2).all()) == 6
    assert org.teams.list(limit=4)[5].name == "T4"


def test_members_invite_list_role_remove(org, team, fake):
    ids = [fake.add_org_member(f"p{i}@example.com") for i in range(3)]
    ada = team.members.invite("p0@example.com", role="admin")
    assert ada.id == ids[0] and ada.role == "admin" and ada.team_id == team.id
    assert ada.created_by == fake.user_id and ada.created_at is not None
    team.members.invite("p1@example.com")
    team.members.invite("P2@example.com", role="member")
    assert sorted(m.id for m in team.members) == sorted(ids)
    assert [m.id for m in team.members.list(role="admin")] == [ids[0]]
    bob = team.members.get(ids[1])
    assert bob.role == "member"
    bob.update(role="admin")
    assert bob.role == "admin" and team.members.get(ids[1]).role == "admin"
    bob.remove()
    with pytest.raises(miro.errors.NotFound):
        team.members.get(ids[1])
    assert sorted(m.id for m in team.members.list(limit=1)) == sorted([ids[0], ids[2]])


def test_membership_rules(org, team, fake):
    fake.add_org_member("in@example.com")
    fake.add_org_member("off@example.com", active=False)
    team.members.invite("in@example.com")
    with pytest.raises(miro.errors.Conflict):
        team.members.invite("in@example.com")
    with pytest.raises(miro.errors.NotFound):
        team.members.invite("stranger@example.com")  # not in the organization
    with pytest.raises(miro.errors.BadRequest):
        team.members.invite("off@example.com")  # deactivated


def test_bad_input_is_refused_before_any_request(org, team, fake):
    fake.clear_exchanges()
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        team.members.invite("x@example.com", role="owner")
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        team.members.update("1", role="boss")
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        team.members.list(role="guest")
    with pytest.raises(miro.errors.InvalidArgument, match="name"):
        org.teams.create(name="x" * 61)
    with pytest.raises(miro.errors.InvalidArgumentType, match="nme"):
        team.update(nme="typo")
    with pytest.raises(miro.errors.InvalidArgument, match="limit"):
        org.teams.list(limit=0)
    with pytest.raises(miro.errors.InvalidArgument, match="who_can_invite"):
        team.update_settings(who_can_invite="everyone")
    assert fake.exchanges == []


def test_settings(org, team, fake):
    defaults = org.default_team_settings()
    assert defaults.organization_id == fake.org_id
    settings = team.settings()
    assert settings.team_id == team.id
    assert settings.team_invitation_settings.who_can_invite == "all_members"
    changed = team.update_settings(
        who_can_invite="admins",
        allow_listed_domains=["example.com"],
        co_owner_role="disabled",
    )
    assert changed.team_invitation_settings.who_can_invite == "admins"
    assert changed.team_invitation_settings.invite_external_users == "allowed"  # untouched
    assert changed.team_sharing_policy_settings.allow_listed_domains == ["example.com"]
    assert team.settings().team_collaboration_settings.co_owner_role == "disabled"
    sent = fake.exchanges[-2].request_body
    assert b'"teamInvitationSettings":{"whoCanInvite":"admins"}' in sent.replace(b" ", b"")
    # another team keeps the defaults
    assert org.default_team_settings().team_collaboration_settings.co_owner_role == "enabled"
    owners_only = team.update_settings(copy_access_level="board_owner")  # spec typo repaired
    assert owners_only.team_copy_access_level_settings.copy_access_level == "board_owner"


def test_flat_team_methods(api, fake):
    org_id = fake.org_id
    team = api.enterprise_create_team(org_id, {"name": "Flat"})
    assert api.enterprise_get_team(org_id, team.id).name == "Flat"
    assert api.enterprise_update_team(org_id, team.id, {"name": "Flatter"}).name == "Flatter"
    page = api.enterprise_get_teams(org_id, limit=1)
    assert len(page.data) == 1 and page.cursor
    assert [t.name for t in api.get_all_enterprise_teams(org_id, name="flat")] == ["Flatter"]
    user = fake.add_org_member("flat@example.com")
    member = api.enterprise_invite_team_member(
        org_id, team.id, {"email": "flat@example.com", "role": "member"}
    )
    assert member.id == user
    changed = api.enterprise_update_team_member(org_id, team.id, user, {"role": "admin"})
    assert changed.role == "admin"
    assert api.enterprise_get_team_member(org_id, team.id, user).role == "admin"
    assert [m.id for m in api.enterprise_get_team_members(org_id, team.id, role="admin").data] == [
        user
    ]
    assert [m.id for m in api.get_all_enterprise_team_members(org_id, team.id)] == [user]
    settings = api.enterprise_update_team_settings(
        org_id, team.id, {"teamSharingPolicySettings": {"defaultProjectAccess": "view"}}
    )
    assert settings.team_sharing_policy_settings.default_project_access == "view"
    assert api.enterprise_get_team_settings(org_id, team.id) == settings
    assert api.enterprise_get_default_team_settings(org_id).organization_id == org_id
    with pytest.raises(miro.errors.InvalidArgumentType, match="unknown field"):
        api.enterprise_update_team_settings(org_id, team.id, {"teamSharing": {}})
    api.enterprise_delete_team_member(org_id, team.id, user)
    assert list(api.get_all_enterprise_team_members(org_id, team.id)) == []
    api.enterprise_delete_team(org_id, team.id)
    with pytest.raises(miro.errors.NotFound):
        api.enterprise_get_team(org_id, team.id)


def test_changes_are_audited(org, team, fake):
    fake.add_org_member("audited@example.com")
    team.members.invite("audited@example.com")
    team.update(name="Renamed")
    events = [e["event"] for e in fake.store.org.events]
    assert events == ["team_created", "team_member_added", "team_renamed"]
    assert fake.store.org.events[1]["context"]["team"] == {"id": team.id, "name": "Platform"}
