"""Data classification, legal holds and session resets over FakeMiro."""

from __future__ import annotations

import json

import pytest

from miro.enterprise.classification import DataClassificationLabel
from miro.enterprise.legal_holds import Case, LegalHold
from miro.errors import BadRequest, InvalidArgument, InvalidArgumentType, NotFound


@pytest.fixture
def org(api, fake):
    return api.organizations.get(fake.org_id, lazy=True)


def test_classification_at_every_level(api, fake, org):
    settings = org.data_classification.settings()
    assert settings.enabled and [label.name for label in settings.labels][:2] == [
        "Public",
        "Internal",
    ]
    confidential = settings.labels[2]
    team = org.teams.get(fake.store.team["id"], lazy=True)
    classification = team.data_classification
    assert classification.settings().enabled is True
    changed = classification.update_settings(default_label_id=confidential.id)
    assert changed.default_label_id == confidential.id
    boards = [api.boards.create(name=f"b{i}") for i in range(3)]
    assert classification.board(boards[0].id).name == "Confidential"  # the team's default
    label = classification.set_board(boards[0].id, settings.labels[0].id)
    assert isinstance(label, DataClassificationLabel) and label.name == "Public"
    assert classification.classify_boards(settings.labels[3].id, not_classified_only=True) == 2
    assert classification.board(boards[0].id).name == "Public"
    assert classification.board(boards[2].id).name == "Restricted"
    assert classification.classify_boards(int(settings.labels[1].id)) == 3


def test_the_flat_bulk_classification_returns_what_miro_answered(api, fake, org):
    label = org.data_classification.settings().labels[1].id
    api.boards.create(name="to label")
    fake.clear_exchanges()
    answer = api.enterprise_dataclassification_team_boards_bulk(
        fake.org_id, fake.store.team["id"], {"labelId": label}
    )
    sent = json.loads(fake.exchanges[-1].response_body)
    assert (answer.number_updated_boards, answer.type) == (
        sent["numberUpdatedBoards"],
        sent["type"],
    )
    assert answer.type == "boards-data-classification-label-changed"  # the spec's default


def test_classification_checks_label_ids_before_sending(fake, org):
    classification = org.teams.get(fake.store.team["id"], lazy=True).data_classification
    fake.clear_exchanges()
    with pytest.raises(InvalidArgument, match="label_id must be a numeric label id"):
        classification.classify_boards("confidential")
    with pytest.raises(InvalidArgumentType, match="enabled"):
        classification.update_settings(enabled="yes")
    assert fake.exchanges == []


def test_legal_hold_lifecycle(api, fake, org):
    ann = fake.add_org_member("ann@example.com", name="Ann Lee")
    board = api.boards.create(name="kept")
    case = org.cases.create(name="Case 42", description="Contract dispute")
    assert isinstance(case, Case) and case.organization_id == fake.org_id
    assert case.created_by.email == "fake.user@example.com"
    hold = case.legal_holds.create(
        name="Hold A", users=["fake.user@example.com", "ann@example.com"]
    )
    assert isinstance(hold, LegalHold) and hold.state == "PROCESSING"
    assert {u.id for u in hold.scope.users} == {fake.user_id, ann}
    assert case.legal_holds.get(hold.id).state in ("PROCESSING", "ACTIVE")
    assert case.legal_holds.get(hold.id).state == "ACTIVE"
    assert [item.content_id for item in hold.content_items] == [board.id]
    hold.update(name="Hold A2", users=["ann@example.com"])
    assert hold.name == "Hold A2" and [u.email for u in hold.scope.users] == ["ann@example.com"]
    assert list(hold.content_items) == []
    assert [h.id for h in case.legal_holds] == [hold.id]
    assert list(case.export_jobs) == []
    with pytest.raises(BadRequest, match="legal holds"):
        case.delete()
    hold.delete()
    case.update(name="Case 42 (closed)")
    assert org.cases.get(case.id).name == "Case 42 (closed)"
    case.delete()
    with pytest.raises(NotFound):
        org.cases.get(case.id)


def test_legal_hold_input_is_checked(fake, org):
    case = org.cases.get("123", lazy=True)
    fake.clear_exchanges()
    with pytest.raises(InvalidArgument, match="users must have at most 200"):
        case.legal_holds.create(name="x", users=[f"u{i}@example.com" for i in range(201)])
    with pytest.raises(InvalidArgument, match="missing required argument: users"):
        case.legal_holds.create(name="x", users=None)
    with pytest.raises(InvalidArgument, match="name"):
        org.cases.create(name="")
    assert fake.exchanges == []


def test_flat_compliance_methods(api, fake):
    case = api.create_case(fake.org_id, {"name": "flat"})
    hold = api.create_legal_hold(
        fake.org_id, case.id,
        {"name": "h", "scope": {"users": [{"email": "fake.user@example.com"}]}},
    )  # fmt: skip
    assert api.get_all_legal_holds(fake.org_id, case.id).data[0].id == hold.id
    assert [c.id for c in api.get_all_cases(fake.org_id, limit="1").data] == [case.id]
    team = fake.store.team["id"]
    labels = api.enterprise_dataclassification_organization_settings_get(fake.org_id).labels
    settings = api.enterprise_dataclassification_team_settings_set(
        fake.org_id, team, {"defaultLabelId": int(labels[0].id)}
    )
    assert settings.default_label_id == labels[0].id


def test_session_reset(api, fake):
    ann = fake.add_org_member("ann@example.com")
    api.sessions.reset_all("ann@example.com")
    assert vars(fake.store)["session_resets"] == [ann]
    api.enterprise_post_user_sessions_reset("ann@example.com")
    with pytest.raises(NotFound):
        api.sessions.reset_all("nobody@example.com")
    with pytest.raises(InvalidArgument, match="email"):
        api.sessions.reset_all("not-an-email")
