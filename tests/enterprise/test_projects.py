"""Projects: live in a team; settings; members with roles; membership follows the team."""

import pytest

import miro


@pytest.fixture
def team(api, fake):
    team = api.organizations.get(fake.org_id, lazy=True).teams.create(name="Projects")
    for name in ("ada", "bob", "cyd"):
        fake.add_org_member(f"{name}@example.com")
        team.members.invite(f"{name}@example.com")
    return team


def test_project_lifecycle(team):
    project = team.projects.create(name="Q3")
    assert project.name == "Q3" and project.type == "project"
    assert team.projects.get(project.id) == project
    assert [p.name for p in team.projects] == ["Q3"]
    project.update(name="Q4")
    assert team.projects.get(project.id).name == "Q4"
    for i in range(3):
        team.projects.create(name=f"P{i}")
    assert len(team.projects.list(limit=1).all()) == 4
    project.delete()
    with pytest.raises(miro.errors.NotFound):
        team.projects.get(project.id)


def test_nested_handles_cost_one_request(api, fake, team):
    project = team.projects.create(name="Nested")
    fake.clear_exchanges()
    members = (
        api.organizations.get(fake.org_id, lazy=True)
        .teams.get(team.id, lazy=True)
        .projects.get(project.id, lazy=True)
        .members
    )
    assert fake.exchanges == []
    assert list(members) == []  # the creator is not in this team, so no owner
    assert len(fake.exchanges) == 1
    assert fake.exchanges[0].path == (
        f"/v2/orgs/{fake.org_id}/teams/{team.id}/projects/{project.id}/members"
    )


def test_settings(team):
    project = team.projects.create(name="Settings")
    assert project.settings().sharing_policy_settings.team_access == "private"
    changed = project.update_settings(team_access="view")
    assert changed.sharing_policy_settings.team_access == "view"
    assert project.settings().sharing_policy_settings.team_access == "view"


def test_members(team, fake):
    project = team.projects.create(name="Members")
    ada = project.members.add("ada@example.com", role="editor")
    assert ada.email == "ada@example.com" and ada.role == "editor"
    project.members.add("bob@example.com", role="viewer")
    assert sorted(m.email for m in project.members.list(limit=1)) == [
        "ada@example.com",
        "bob@example.com",
    ]
    bob = project.members.get(project.members.list().all()[1].id)
    bob.update(role="commentator")
    assert project.members.get(bob.id).role == "commentator"
    bob.remove()
    assert [m.email for m in project.members] == ["ada@example.com"]
    with pytest.raises(miro.errors.Conflict):
        project.members.add("ada@example.com", role="viewer")
    fake.add_org_member("outsider@example.com")
    with pytest.raises(miro.errors.NotFound):  # in the organization, not in the team
        project.members.add("outsider@example.com", role="viewer")


def test_leaving_the_team_leaves_its_projects(team):
    one = team.projects.create(name="One")
    two = team.projects.create(name="Two")
    for project in (one, two):
        project.members.add("ada@example.com", role="editor")
        project.members.add("cyd@example.com", role="viewer")
    ada = next(m for m in team.members if m.id == one.members.list().all()[0].id)
    ada.remove()
    assert [m.email for m in one.members] == ["cyd@example.com"]
    assert [m.email for m in two.members] == ["cyd@example.com"]


def test_deleting_the_team_deletes_its_projects(api, fake, team):
    project = team.projects.create(name="Doomed")
    team.delete()
    with pytest.raises(miro.errors.NotFound):
        team.projects.get(project.id)


def test_creator_in_the_team_owns_the_project(api, fake):
    default_team = api.organizations.get(fake.org_id, lazy=True).teams.get(
        api.token.info().team.id, lazy=True
    )
    project = default_team.projects.create(name="Mine")
    assert [(m.id, m.role) for m in project.members] == [(fake.user_id, "owner")]


def test_bad_input_is_refused_before_any_request(team, fake):
    project = team.projects.get("1", lazy=True)
    fake.clear_exchanges()
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        project.members.add("ada@example.com", role="admin")
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        project.members.update("2", role="reader")
    with pytest.raises(miro.errors.InvalidArgument, match="team_access"):
        project.update_settings(team_access="edit")
    with pytest.raises(miro.errors.InvalidArgument, match="name"):
        team.projects.create(name="")
    with pytest.raises(miro.errors.InvalidArgument, match="name"):
        project.update()
    with pytest.raises(miro.errors.InvalidArgumentType, match="project_id"):
        team.projects.get(None)
    assert fake.exchanges == []


def test_flat_project_methods(api, fake, team):
    org_id = fake.org_id
    project = api.enterprise_create_project(org_id, team.id, {"name": "Flat"})
    assert api.enterprise_get_project(org_id, team.id, project.id).name == "Flat"
    renamed = api.enterprise_update_project(org_id, team.id, project.id, {"name": "Flatter"})
    assert renamed.name == "Flatter"
    assert [p.id for p in api.enterprise_get_projects(org_id, team.id, limit=10).data] == [
        project.id
    ]
    assert [p.id for p in api.get_all_enterprise_projects(org_id, team.id)] == [project.id]
    settings = api.enterprise_update_project_settings(
        org_id, team.id, project.id, {"sharingPolicySettings": {"teamAccess": "view"}}
    )
    assert settings.sharing_policy_settings.team_access == "view"
    assert api.enterprise_get_project_settings(org_id, team.id, project.id) == settings
    member = api.enterprise_add_project_member(
        org_id, team.id, project.id, {"email": "bob@example.com", "role": "coowner"}
    )
    assert member.role == "coowner"
    updated = api.enterprise_update_project_member(
        org_id, team.id, project.id, member.id, {"role": "owner"}
    )
    assert updated.role == "owner"
    assert api.enterprise_get_project_member(org_id, team.id, project.id, member.id) == updated
    page = api.enterprise_get_project_members(org_id, team.id, project.id)
    assert [m.id for m in page.data] == [member.id]
    assert [m.id for m in api.get_all_enterprise_project_members(org_id, team.id, project.id)] == [
        member.id
    ]
    api.enterprise_delete_project_member(org_id, team.id, project.id, member.id)
    assert api.enterprise_get_project_members(org_id, team.id, project.id).data == []
    api.enterprise_delete_project(org_id, team.id, project.id)
    with pytest.raises(miro.errors.NotFound):
        api.enterprise_get_project(org_id, team.id, project.id)
