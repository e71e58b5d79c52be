"""Issue 9's end-to-end story over FakeMiro, through the fluent API, every exchange checked
against Miro's spec: a team with members and a project shared with a user group, three
boards exported and downloaded with progress, the audit log read across pages, and a user
deprovisioned through SCIM disappearing from the team."""

from __future__ import annotations

import datetime
import os

from miro.scim.client import ScimApi


def test_admin_story(api, fake, tmp_path):
    started = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)
    people = ["ann@example.com", "bo@example.com", "cy@example.com"]
    ids = [fake.add_org_member(email) for email in people]
    org = api.organizations.get(fake.org_id)

    team = org.teams.create(name="Platform")
    for email in people:
        team.members.invite(email, role="member")
    assert {m.id for m in team.members} >= set(ids)

    project = team.projects.create(name="Launch")
    for email in people[:2]:
        project.members.add(email, role="editor")
    assert {m.id for m in project.members} == set(ids[:2])

    group = org.user_groups.create(name="Reviewers")
    group.members.add(people[2])
    shared = org.project_user_groups(project).share(group, role="VIEWER")
    assert shared is not None
    assert [g.id for g in org.project_user_groups(project)] == [group.id]

    boards = [api.boards.create(name=f"Board {i}") for i in range(3)]
    job = org.board_exports.create(board_ids=boards, format="PDF")
    job.wait(timeout=30, poll=0.01)
    seen = []
    paths = job.download(tmp_path / "exports", progress=lambda done, total: seen.append(done))
    assert len(paths) == 3 and all(os.path.getsize(p) > 0 for p in paths)
    assert seen and seen[-1] == sum(os.path.getsize(p) for p in paths)

    fake.clear_exchanges()
    events = list(
        api.audit_logs(
            created_after=started,
            created_before=datetime.datetime.now(datetime.timezone.utc)
            + datetime.timedelta(minutes=1),
            limit=2,
        )
    )
    pages = [e for e in fake.exchanges if e.path == "/v2/audit/logs"]
    assert len(pages) > 2  # read across pages
    assert len(events) >= 10 and len({e.id for e in events}) == len(events)

    scim = ScimApi(fake.scim_token, base_url=fake.scim_url)
    (bo,) = scim.users.list(filter='userName eq "bo@example.com"')
    bo.delete()
    assert ids[1] not in {m.id for m in team.members}
    assert ids[1] not in {m.id for m in project.members}
    assert ids[1] not in {m.value for m in scim.groups.get(team.id).members}
