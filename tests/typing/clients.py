"""User code on the clients: flat methods (``miro.MiroApi`` and the ``miro_api`` drop-in),
per-call keywords, OAuth, the organization side, SCIM and errors (type-checked only)."""

from __future__ import annotations

from typing import Iterator, List, Optional

from typing_extensions import assert_type

import miro
import miro_api
from miro.boards import Board
from miro.connectors import Connector
from miro.core.pagination import Page, Paginator
from miro.enterprise import Organization, OrganizationMember, Project, Team
from miro.enterprise.legal_holds import Case, LegalHold
from miro.enterprise.projects import ProjectSettings
from miro.enterprise.teams import TeamSettings
from miro.enterprise.user_groups import UserGroup, UserGroupMember
from miro.errors import ApiError, NotFound
from miro.items import Frame, Item, StickyNote
from miro.scim import ScimGroup, ScimUser
from miro.scim.models import ScimListResponse
from miro.tags import Tag
from miro.tokens import TokenInfo


def flat_methods(api: miro.MiroApi, board_id: str) -> None:
    assert_type(api.get_specific_board(board_id), Board)
    assert_type(api.get_boards(limit="10", _request_timeout=5), Page[Board])
    assert_type(api.get_all_boards(), Iterator[Board])
    assert_type(api.create_board({"name": "Retro"}, _headers={"X-Trace": "1"}), Board)
    assert_type(api.get_specific_item(board_id, "1", _request_timeout=(1.0, 5.0)), Item)
    note = api.create_sticky_note_item(board_id, {"data": {"content": "Hi"}}, _request_timeout=3)
    assert_type(note, StickyNote)
    assert_type(api.get_frame_item(board_id, "2", _headers={"X-Trace": "2"}), Frame)
    assert_type(api.get_tags_from_board(board_id, _request_timeout=2), Page[Tag])
    assert_type(api.create_tag(board_id, {"title": "t"}, _headers={}), Tag)
    body = {"startItem": {"id": "1"}, "endItem": {"id": "2"}}
    assert_type(api.create_connector(board_id, body, _request_timeout=1), Connector)
    assert_type(api.get_connectors(board_id, _request_timeout=1), Page[Connector])
    assert_type(api.token_info(_request_timeout=1), TokenInfo)
    assert_type(api.enterprise_get_organization("o", _request_timeout=1), Organization)
    assert_type(api.enterprise_get_teams("o", _headers={}), Page[Team])
    assert_type(api.list_users(count=10, _request_timeout=9), ScimListResponse)
    api.revoke_token("t", _request_timeout=1)


def the_drop_in(board_id: str) -> None:
    api = miro_api.MiroApi("token")
    assert_type(api.get_specific_board(board_id, _request_timeout=5), Board)
    assert_type(api.get_items(board_id, limit="10", _headers={"a": "b"}), Page[Item])
    assert_type(api.get_sticky_note_item(board_id, "1", _request_timeout=2), StickyNote)
    assert_type(api.get_board_members(board_id, _request_timeout=2).data[0].id, str)


def oauth() -> None:
    client = miro_api.Miro(client_id="id", client_secret="secret", redirect_url="http://x")
    assert_type(client.auth_url, str)
    assert_type(client.exchange_code_for_access_token("code"), str)
    assert_type(client.is_authorized, bool)
    assert_type(client.api, miro.MiroApi)
    assert_type(client.api.boards.get("b"), Board)
    same = miro.Miro()
    assert_type(same.token_info(), TokenInfo)


def organization(api: miro.MiroApi, org_id: str) -> None:
    org = api.organizations.get(org_id)
    assert_type(org, Organization)
    assert_type(org.name, Optional[str])
    team = org.teams.create(name="Design")
    assert_type(team, Team)
    assert_type(org.teams.get(team.id), Team)
    assert_type(org.teams.list(), Paginator[Team])
    for found in org.teams:
        assert_type(found, Team)
    assert_type(team.update(name="Design 2"), Team)
    assert_type(team.update_settings(co_owner_role="enabled"), TeamSettings)
    assert_type(team.members.invite("ann@example.com", role="admin").role, Optional[str])
    project = team.projects.create(name="Q3")
    assert_type(project, Project)
    assert_type(project.update(name="Q4"), Project)
    assert_type(project.update_settings(team_access="view"), ProjectSettings)
    assert_type(project.members.add("ann@example.com", role="editor").role, Optional[str])
    group = org.user_groups.create(name="Reviewers", description="people")
    assert_type(group, UserGroup)
    assert_type(group.update(description="everyone"), UserGroup)
    assert_type(group.members.add("ann@example.com"), UserGroupMember)
    case = org.cases.create(name="Case 1")
    assert_type(case, Case)
    assert_type(case.update(name="Case 2"), Case)
    assert_type(case.legal_holds.create(name="Hold", users=["ann@example.com"]), LegalHold)
    for member in org.members.list():
        assert_type(member, OrganizationMember)


def scim() -> None:
    client = miro.ScimApi("scim-token")
    ann = client.users.create("ann@example.com", given_name="Ann", family_name="Lee")
    assert_type(ann, ScimUser)
    assert_type(ann.deactivate(), ScimUser)
    assert_type(client.users.get(ann.id), ScimUser)
    for user in client.users.list(filter='userName sw "ann"'):
        assert_type(user, ScimUser)
    assert_type(client.users.list().all(), List[ScimUser])
    group = client.groups.get("g")
    assert_type(group, ScimGroup)
    assert_type(group.add_members(ann), ScimGroup)
    assert_type(client.get_user(ann.id, _request_timeout=3), ScimUser)


def errors(api: miro.MiroApi) -> None:
    try:
        api.boards.get("nope")
    except NotFound as e:
        assert_type(e.status, int)
        assert_type(e.code, Optional[str])
        assert_type(e.message, str)
    except ApiError as e:
        assert_type(e.status, int)
        assert_type(e.method, str)
