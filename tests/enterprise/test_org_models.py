"""Organization-side models: Miro's JSON in, the same JSON out, unknown fields kept."""

import datetime

import pytest

from miro.enterprise import organizations, projects, teams

CASES = [
    (
        organizations.Organization,
        {"id": "1", "name": "Acme", "plan": "company", "fullLicensesPurchased": 5,
         "type": "organization", "newField": {"x": 1}},
    ),
    (
        organizations.OrganizationMember,
        {"id": "2", "email": "a@example.com", "role": "organization_internal_user",
         "license": "full", "active": True, "lastActivityAt": "2024-05-01T10:00:00Z",
         "licenseAssignedAt": "2024-01-01T00:00:00Z",
         "adminRoles": [{"type": "prebuilt", "name": "Company Admin", "scope": "all"}],
         "type": "organization-member"},
    ),
    (
        teams.Team,
        {"id": "3", "name": "Platform", "type": "team",
         "picture": {"id": 9, "imageURL": "https://example.com/a.png",
                     "originalUrl": "https://example.com/o.png", "type": "picture"}},
    ),
    (
        teams.TeamMember,
        {"id": "4", "teamId": "3", "role": "admin", "createdAt": "2024-05-01T10:00:00Z",
         "createdBy": "2", "modifiedAt": "2024-05-02T10:00:00Z", "modifiedBy": "2",
         "type": "team-member"},
    ),
    (
        teams.TeamSettings,
        {"organizationId": "1", "teamId": "3", "type": "team-settings",
         "teamAccountDiscoverySettings": {"accountDiscovery": "join"},
         "teamCollaborationSettings": {"coOwnerRole": "enabled"},
         "teamCopyAccessLevelSettings": {"copyAccessLevel": "board_owner            -",
                                         "copyAccessLevelLimitation": "anyone"},
         "teamInvitationSettings": {"inviteExternalUsers": "allowed", "whoCanInvite": "admins"},
         "teamSharingPolicySettings": {"allowListedDomains": ["example.com"],
                                       "sharingViaPublicLink": "not_allowed",
                                       "futureSetting": "on"}},
    ),
    (projects.Project, {"id": "5", "name": "Q3", "type": "project"}),
    (
        projects.ProjectSettings,
        {"sharingPolicySettings": {"teamAccess": "view"}, "type": "project_settings"},
    ),
    (
        projects.ProjectMember,
        {"id": "6", "email": "b@example.com", "role": "commentator", "type": "project_member"},
    ),
]  # fmt: skip


@pytest.mark.parametrize("model, data", CASES, ids=[c[0].__name__ for c in CASES])
def test_round_trip_keeps_every_field(model, data):
    obj = model.from_dict(data)
    assert obj.to_dict() == data


def test_typed_fields():
    member = organizations.OrganizationMember.from_dict(CASES[1][1])
    assert member.last_activity_at == datetime.datetime(
        2024, 5, 1, 10, tzinfo=datetime.timezone.utc
    )
    assert member.admin_roles[0].name == "Company Admin"
    assert member.admin_roles[0].extra == {"scope": "all"}
    team = teams.Team.from_dict(CASES[2][1])
    assert team.picture.image_url == "https://example.com/a.png" and team.picture.id == 9
    settings = teams.TeamSettings.from_dict(CASES[4][1])
    assert settings.team_sharing_policy_settings.extra == {"futureSetting": "on"}
    # an enum value Miro adds (or misspells, as the spec does here) is kept, not refused
    assert settings.team_copy_access_level_settings.copy_access_level.startswith("board_owner")
