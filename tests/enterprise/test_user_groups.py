"""User groups: CRUD, members (one by one and the 207 bulk change), teams, sharing."""

import pytest

import miro
from miro.enterprise.user_groups import MembersUpdate


@pytest.fixture
def org(api, fake):
    return api.organizations.get(fake.org_id, lazy=True)


@pytest.fixture
def people(fake):
    return [fake.add_org_member(f"u{i}@example.com", name=f"User {i}") for i in range(4)]


def test_group_lifecycle(org):
    design = org.user_groups.create(name="Design")
    assert design.name == "Design" and design.type == "user-group"
    assert org.user_groups.get(design.id) == design
    org.user_groups.create(name="Research")
    assert [g.name for g in org.user_groups] == ["Design", "Research"]
    assert design.update(name="Product design") is design
    assert org.user_groups.get(design.id).name == "Product design"
    with pytest.raises(miro.errors.Conflict):
        org.user_groups.create(name="Research")
    design.delete()
    with pytest.raises(miro.errors.NotFound):
        org.user_groups.get(design.id)
    assert [g.name for g in org.user_groups] == ["Research"]


def test_groups_page_by_cursor(org):
    for i in range(5):
        org.user_groups.create(name=f"G{i}")
    first = org.user_groups.page(limit=2)
    assert [g.name for g in first] == ["G0", "G1"] and first.cursor and first.type == "cursor-list"
    second = org.user_groups.page(limit=2, cursor=first.cursor)
    assert [g.name for g in second] == ["G2", "G3"]
    assert [g.name for g in org.user_groups.list(limit=2)] == [f"G{i}" for i in range(5)]


def test_lazy_handles_cost_no_request(api, fake):
    fake.clear_exchanges()
    org = api.organizations.get(fake.org_id, lazy=True)
    members = org.user_groups.get("123", lazy=True).members
    assert members.url() == f"/v2/orgs/{fake.org_id}/groups/123/members"
    assert fake.exchanges == []


def test_members_add_get_remove(org, people, fake):
    group = org.user_groups.create(name="Ops")
    first = group.members.add("u0@example.com")
    assert first.id == people[0] and first.email == "u0@example.com"
    group.members.add("U1@example.com")
    assert [m.id for m in group.members] == people[:2]
    assert group.members.get(people[1]).email == "u1@example.com"
    with pytest.raises(miro.errors.Conflict):
        group.members.add("u0@example.com")
    with pytest.raises(miro.errors.BadRequest):
        group.members.add("stranger@example.com")
    first.remove()
    with pytest.raises(miro.errors.NotFound):
        group.members.get(people[0])
    assert [m.id for m in group.members] == [people[1]]


def test_bulk_update_reports_every_operation(org, people):
    group = org.user_groups.create(name="Bulk")
    group.members.add("u0@example.com")
    result = group.members.update(add=["u1@example.com", people[2]], remove=[people[0]])
    assert isinstance(result, MembersUpdate) and result.ok and len(result) == 2
    assert sorted(m.id for m in result.added) == sorted(people[1:3])
    assert [m.id for m in result.removed] == [people[0]]
    assert sorted(m.id for m in group.members) == sorted(people[1:3])


def test_bulk_update_surfaces_partial_failure(org, people):
    group = org.user_groups.create(name="Partial")
    group.members.add("u0@example.com")
    result = group.members.update(add=["u3@example.com", "ghost@example.com"], remove=[people[0]])
    assert not result.ok
    # the spec's 207: adding succeeds partly, as two addMembers results (then removeMembers)
    assert [(r.operation, r.status) for r in result] == [
        ("addMembers", 200), ("addMembers", 400), ("removeMembers", 200)
    ]  # fmt: skip
    [failed] = result.failed
    assert failed.operation == "addMembers" and failed.status == 400
    assert "ghost@example.com" in failed.error.message and "u3@" not in failed.error.message
    assert [m.email for m in result.added] == ["u3@example.com"]  # the part that succeeded
    assert [m.id for m in result.removed] == [people[0]]  # the other operation still applied
    assert [m.email for m in group.members] == ["u3@example.com"]
    with pytest.raises(miro.errors.InvalidArgument, match="ghost@example.com"):
        result.raise_for_errors()


def test_bulk_update_checks_before_sending(org, fake):
    group = org.user_groups.get("42", lazy=True)
    fake.clear_exchanges()
    with pytest.raises(miro.errors.InvalidArgument, match="add= and/or remove="):
        group.members.update()
    with pytest.raises(miro.errors.InvalidArgument, match="at most 500"):
        group.members.update(add=[f"u{i}@example.com" for i in range(400)], remove=["x"] * 101)
    with pytest.raises(miro.errors.InvalidArgumentType, match=r"add\[1\]"):
        group.members.update(add=["u0@example.com", 3.5])
    assert fake.exchanges == []


def test_groups_in_teams(org, fake):
    team = org.teams.create(name="Platform")
    group = org.user_groups.create(name="Backend")
    added = team.user_groups.add(group)
    assert added.id == group.id and added.role == "member"
    assert [g.id for g in team.user_groups] == [group.id]
    assert team.user_groups.get(group.id).role == "member"
    assert [t.id for t in group.teams] == [team.id]
    assert group.teams.get(team.id).role == "member"
    with pytest.raises(miro.errors.Conflict):
        team.user_groups.add(group.id)
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        team.user_groups.add(group, role="admin")
    team.user_groups.remove(group)
    assert list(team.user_groups) == [] and list(group.teams) == []


def test_share_board_and_project_with_groups(org, api, fake):
    board = api.boards.create(name="Roadmap")
    team = org.teams.create(name="Product")
    project = team.projects.create(name="Launch")
    readers, writers = org.user_groups.create(name="Readers"), org.user_groups.create(name="W")
    shares = org.board_user_groups(board)
    assert shares.share([readers, writers.id], role="COMMENTER").role == "COMMENTER"
    assert sorted((g.id, g.role) for g in shares) == sorted(
        [(readers.id, "COMMENTER"), (writers.id, "COMMENTER")]
    )
    shares.share(writers, role="EDITOR")  # sharing again changes the role
    assert {g.id: g.role for g in shares}[writers.id] == "EDITOR"
    assert shares.get(writers).role == "EDITOR"
    shares.remove(readers)
    assert [g.id for g in shares] == [writers.id]
    with pytest.raises(KeyError):
        shares.get(readers)
    with pytest.raises(miro.errors.InvalidArgument, match="role"):
        shares.share(readers, role="OWNER")

    project.user_groups.share(readers, role="VIEWER")
    assert [(g.id, g.role) for g in org.project_user_groups(project.id)] == [(readers.id, "VIEWER")]
    writers.delete()  # a deleted group is no longer shared anywhere
    assert list(shares) == []
    next(iter(project.user_groups)).remove()
    assert list(project.user_groups) == []


def test_members_follow_the_organization(org, people, fake):
    """Someone who leaves the organization leaves its groups too."""
    group = org.user_groups.create(name="Leavers")
    group.members.update(add=["u0@example.com", "u1@example.com"])
    fake.store.org.remove_member(people[0])
    assert [m.id for m in group.members] == [people[1]]


def test_flat_methods(api, fake, people):
    org_id = fake.org_id
    group = api.enterprise_create_group(org_id, {"name": "Flat"})
    api.enterprise_create_group_member(org_id, group.id, {"email": "u0@example.com"})
    result = api.enterprise_update_group_members(
        org_id, group.id, {"membersToAdd": ["u1@example.com"], "membersToRemove": [people[0]]}
    )
    assert [m.id for m in result.added] == [people[1]]
    page = api.enterprise_get_group_members(org_id, group.id, limit=1)
    assert [m.id for m in page] == [people[1]] and page.cursor is None
    assert [g.name for g in api.get_all_enterprise_groups(org_id)] == ["Flat"]
    renamed = api.enterprise_update_group(org_id, group.id, {"name": "Flat 2"})
    assert renamed.name == "Flat 2"
    team_id = fake.store.team["id"]
    api.enterprise_teams_create_group(org_id, team_id, {"userGroupId": group.id, "role": "member"})
    assert [t.id for t in api.get_all_enterprise_groups_teams(org_id, group.id)] == [team_id]
    with pytest.raises(miro.errors.InvalidArgumentType, match="unknown field"):
        api.enterprise_create_group(org_id, {"name": "x", "color": "red"})
    api.enterprise_delete_group(org_id, group.id)
    assert list(api.get_all_enterprise_groups(org_id)) == []


def test_fake_state_lives_on_the_organization(org, api, fake):
    """Groups, export jobs and AI logs are the organization's own state: a snapshot of the
    store (a deep copy, what atomic requests roll back to) holds them, apart from the live."""
    import copy

    from miro.testing._fake.enterprise import exports, user_groups

    group = org.user_groups.create(name="Snap")
    org.board_exports.create(board_ids=[api.boards.create(name="b")])
    fake.add_ai_interaction_log(fake.user_id)
    snapshot = copy.deepcopy(fake.store.org)
    assert list(user_groups.groups_of(snapshot).groups) == [group.id]
    assert len(exports.exports_of(snapshot).jobs) == 1
    org.user_groups.create(name="After")
    assert list(user_groups.groups_of(snapshot).groups) == [group.id]


def test_group_description(api, fake):
    """``description`` is part of CreateGroupRequest / UpdateUserGroupRequest and Group."""
    groups = api.organizations.get(fake.org_id, lazy=True).user_groups
    group = groups.create(name="Described", description="The product team")
    assert group.description == "The product team"
    group.update(description="Renamed team")
    assert groups.get(group.id).description == "Renamed team" and group.name == "Described"
    flat = api.enterprise_create_group(fake.org_id, {"name": "Flat", "description": "x"})
    assert flat.description == "x"
