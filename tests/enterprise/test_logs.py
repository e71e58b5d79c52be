"""Audit logs, board content logs and AI interaction logs: every page, dates as documented."""

import datetime
from urllib.parse import parse_qs

import pytest

import miro

UTC = datetime.timezone.utc
DAY = datetime.timedelta(days=1)


@pytest.fixture
def org(api, fake):
    return api.organizations.get(fake.org_id, lazy=True)


@pytest.fixture
def now():
    return datetime.datetime.now(UTC)


def _queries(fake, path):
    return [parse_qs(e.query) for e in fake.exchanges if e.path == path]


def test_audit_log_reads_every_page_of_what_happened(api, org, fake, now):
    fake.add_org_member("ann@example.com")
    for name in ("Alpha", "Beta", "Gamma"):
        org.user_groups.create(name=name)
    team = org.teams.create(name="Audited")
    group = next(iter(org.user_groups))
    group.members.add("ann@example.com")
    team.user_groups.add(group)
    fake.clear_exchanges()
    events = list(api.audit_logs(created_after=now - DAY, created_before=now + DAY, limit=2))
    names = [e.event for e in events]
    assert names.count("user_group_created") == 3
    assert {"user_group_member_added", "user_group_added_to_team"} <= set(names)
    assert len(_queries(fake, "/v2/audit/logs")) == (len(events) + 1) // 2  # every page once
    first = _queries(fake, "/v2/audit/logs")[0]
    after = (now - DAY).strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    assert first["createdAfter"] == [after]  # UTC, milliseconds, Z: as documented
    assert first["limit"] == ["2"] and "sorting" not in first
    created = events[0]
    assert created.created_by.id == fake.user_id and created.context.organization.id == fake.org_id
    assert created.object.name == "Alpha" and created.created_at.tzinfo is not None
    newest = api.audit_logs(created_after=now - DAY, created_before=now + DAY, sorting="desc")
    stamps = [e.created_at for e in newest]
    assert len(stamps) == len(events) and stamps == sorted(stamps, reverse=True)
    assert _queries(fake, "/v2/audit/logs")[-1]["sorting"] == ["DESC"]


def test_audit_log_range_is_honoured(api, org, fake, now):
    org.user_groups.create(name="Old news")
    assert list(api.audit_logs(created_after=now + DAY, created_before=now + 2 * DAY)) == []
    since = (now - DAY).date()  # a date means midnight UTC
    assert [e.event for e in api.audit_logs(created_after=since, created_before=now + DAY)] == [
        "user_group_created"
    ]
    text = api.audit_logs(created_after="2020-01-01T00:00:00+02:00", created_before=now + DAY)
    assert len(text.all()) == 1


def test_log_arguments_are_checked_before_sending(api, org, fake, now):
    fake.clear_exchanges()
    naive = datetime.datetime(2024, 1, 1)
    with pytest.raises(miro.errors.InvalidArgument, match="created_after must be timezone-aware"):
        api.audit_logs(created_after=naive, created_before=now)
    with pytest.raises(miro.errors.InvalidArgument, match="created_after must not be after"):
        api.audit_logs(created_after=now, created_before=now - DAY)
    with pytest.raises(miro.errors.InvalidArgument, match="sorting"):
        api.audit_logs(created_after=now - DAY, created_before=now, sorting="newest")
    with pytest.raises(miro.errors.InvalidArgument, match="to must be an ISO-8601"):
        org.content_logs(from_=now, to="yesterday")
    with pytest.raises(miro.errors.InvalidArgument, match="limit"):
        org.content_logs(from_=now - DAY, to=now, limit=1001)
    with pytest.raises(miro.errors.InvalidArgument, match="board_ids"):
        org.content_logs(from_=now - DAY, to=now, board_ids=[f"b{i}" for i in range(16)])
    with pytest.raises(miro.errors.InvalidArgument, match="limit"):
        org.ai_interaction_logs(from_=now - DAY, to=now, limit=101)
    with pytest.raises(miro.errors.InvalidArgumentType, match="from_"):
        org.ai_interaction_logs(from_=12, to=now)
    assert fake.exchanges == []


def test_content_logs_of_board_items(api, org, fake, now):
    first, second = api.boards.create(name="One"), api.boards.create(name="Two")
    for text in ("a", "b", "c"):
        first.items.sticky_notes.create(content=text)
    second.items.sticky_notes.create(content="elsewhere")
    fake.clear_exchanges()
    logs = list(org.content_logs(from_=now - DAY, to=now + DAY, board_ids=[first], limit=2))
    assert len(logs) == 3 and {g.content_id for g in logs} == {first.id}
    assert all(g.action_type == "create" and g.actor.id == fake.user_id for g in logs)
    assert {g.state["data"]["content"] for g in logs} == {"a", "b", "c"}
    query = _queries(fake, f"/v2/orgs/{fake.org_id}/content-logs/items")[0]
    assert query["board_ids"] == [first.id] and query["from"][0].endswith("Z")
    everything = org.content_logs(from_=now - DAY, to=now + DAY, sorting="DESC")
    assert len(everything.all()) == 4
    assert _queries(fake, f"/v2/orgs/{fake.org_id}/content-logs/items")[-1]["sorting"] == ["desc"]
    by_nobody = org.content_logs(from_=now - DAY, to=now + DAY, emails="nobody@example.com")
    assert by_nobody.all() == []


def test_ai_interaction_logs(api, org, fake, now):
    ann = fake.add_org_member("ann@example.com")
    bob = fake.add_org_member("bob@example.com")
    board = api.boards.create(name="AI")
    for user in (ann, bob, ann):
        fake.add_ai_interaction_log(user, object_id=board.id, details={"prompt": "ideas"})
    fake.add_ai_interaction_log(bob)
    logs = list(org.ai_interaction_logs(from_=now - DAY, to=now + DAY, limit=3))
    assert len(logs) == 4 and logs[0].actor.email == "ann@example.com"
    assert logs[0].object.id == board.id and logs[0].details == {"prompt": "ideas"}
    anns = org.ai_interaction_logs(from_=now - DAY, to=now + DAY, emails=["ann@example.com"])
    assert [g.actor.id for g in anns] == [ann, ann]
    on_board = org.ai_interaction_logs(from_=now - DAY, to=now + DAY, object_ids=board)
    assert len(on_board.all()) == 3


def test_flat_methods(api, org, fake, now):
    org.user_groups.create(name="Flat")
    org.user_groups.create(name="Flatter")
    board = api.boards.create(name="Flat")
    board.items.sticky_notes.create(content="x")
    fake.add_ai_interaction_log(fake.user_id)
    start, end = "2020-01-01T00:00:00.000Z", (now + DAY).isoformat()
    page = api.enterprise_get_audit_logs(start, end, limit=1, sorting="ASC")
    assert len(page) == 1 and page.cursor
    assert len(list(api.get_all_enterprise_audit_logs(start, end))) >= 2
    content = api.enterprise_board_content_item_logs_fetch(fake.org_id, start, end)
    assert [g.item_type for g in content] == ["widget"]
    assert len(list(api.get_all_enterprise_board_content_item_logs(fake.org_id, start, end))) == 1
    ai = api.enterprise_get_ai_interaction_logs(fake.org_id, var_from=start, to=end)
    assert ai.data[0].object.id == fake.org_id
    assert len(list(api.get_all_enterprise_ai_interaction_logs(fake.org_id, start, end))) == 1
