"""Every fluent create/update shows the keywords its Body declares (issue #18, item 3).

For each family, over FakeMiro: the signature lists the declared keywords (with their
choices), the docstring and ``help()`` name them, and a misspelt keyword raises TypeError
naming the closest one and the accepted ones before any request is sent.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import pydoc
from typing import Any, Callable, NamedTuple, Tuple

import pytest

import miro
from miro import boards, connectors, groups, members, tags
from miro.core.resource import Collection, Resource
from miro.core.signatures import DeclaredVerb
from miro.enterprise import classification, legal_holds, projects, teams, user_groups
from miro.errors import InvalidArgumentType
from miro.items import uploads
from miro.scim import collections as scim
from miro.scim.client import ScimApi


class World:
    """The objects the cases call, each made on first use (through the SDK, over HTTP)."""

    def __init__(self, api: Any, fake: Any) -> None:
        self.api = api
        self.fake = fake

    @functools.cached_property
    def board(self) -> Any:
        return self.api.boards.create(name="signatures")

    @functools.cached_property
    def item(self) -> Any:
        return self.board.items.sticky_notes.create(content="a")

    @functools.cached_property
    def other(self) -> Any:
        return self.board.items.sticky_notes.create(content="b", x=300)

    @functools.cached_property
    def connector(self) -> Any:
        return self.board.connectors.create(start=self.item, end=self.other)

    @functools.cached_property
    def tag(self) -> Any:
        return self.board.tags.create(title="todo", fill_color="red")

    @functools.cached_property
    def group(self) -> Any:
        return self.board.groups.create(items=[self.item, self.other])

    @functools.cached_property
    def member(self) -> Any:
        return self.board.members.first()  # the owner

    @functools.cached_property
    def images(self) -> Any:
        return self.board.items.images

    @functools.cached_property
    def documents(self) -> Any:
        return self.board.items.documents

    @functools.cached_property
    def image(self) -> Any:
        return self.board.items.images.create(url="https://example.com/a.png")

    @functools.cached_property
    def org(self) -> Any:
        return self.api.organizations.get(self.fake.org_id, lazy=True)

    @functools.cached_property
    def team(self) -> Any:
        return self.org.teams.create(name="Platform")

    @functools.cached_property
    def ann(self) -> str:
        self.fake.add_org_member("ann@example.com")
        return "ann@example.com"

    @functools.cached_property
    def team_member(self) -> Any:
        return self.team.members.invite(self.ann, role="member")

    @functools.cached_property
    def project(self) -> Any:
        return self.team.projects.create(name="Launch")

    @functools.cached_property
    def project_member(self) -> Any:
        self.team_member  # noqa: B018 - a team member first
        return self.project.members.add("ann@example.com", role="editor")

    @functools.cached_property
    def user_group(self) -> Any:
        return self.org.user_groups.create(name="Reviewers")

    @functools.cached_property
    def case(self) -> Any:
        return self.org.cases.create(name="Case 1")

    @functools.cached_property
    def hold(self) -> Any:
        return self.case.legal_holds.create(name="Hold 1", users=[self.ann])

    @functools.cached_property
    def scim(self) -> Any:
        return ScimApi(self.fake.scim_token, base_url=self.fake.scim_url)


class Case(NamedTuple):
    body: Any  # the declaration the method must show
    positional: Callable[[World], Tuple[Any, ...]] = lambda w: ()  # what comes before keywords

    def method(self, world: World, name: str) -> Any:
        """The method ``name`` (``"board.connectors.create"``) as a user reaches it."""
        return functools.reduce(getattr, name.split("."), world)


def _id(attribute: str) -> Callable[[World], Tuple[Any, ...]]:
    return lambda w: (getattr(w, attribute).id,)


def _ann(world: World) -> Tuple[Any, ...]:
    return (world.ann,)


CASES = {
    "board.connectors.create": Case(connectors.CONNECTOR_CREATE),
    "board.connectors.update": Case(connectors.CONNECTOR_CHANGES, _id("connector")),
    "connector.update": Case(connectors.CONNECTOR_CHANGES),
    "item.connectors.create": Case(connectors.CONNECTOR_FROM_ITEM, lambda w: (w.other,)),
    "item.connect_to": Case(connectors.CONNECTOR_FROM_ITEM, lambda w: (w.other,)),
    "api.boards.create": Case(boards.BOARD_CHANGES),
    "api.boards.update": Case(boards.BOARD_CHANGES, _id("board")),
    "board.update": Case(boards.BOARD_CHANGES),
    "api.boards.copy": Case(boards.COPY_BOARD_CHANGES, _id("board")),
    "board.copy": Case(boards.COPY_BOARD_CHANGES),
    "board.tags.create": Case(tags.TAG_CREATE),
    "board.tags.update": Case(tags.TAG_CHANGES, _id("tag")),
    "tag.update": Case(tags.TAG_CHANGES),
    "board.groups.create": Case(groups.GROUP_BODY),
    "board.groups.update": Case(groups.GROUP_BODY, _id("group")),
    "group.update": Case(groups.GROUP_BODY),
    "board.members.share": Case(members.INVITE, lambda w: (["bo@example.com"],)),
    "board.members.update": Case(members.MEMBER_CHANGES, _id("member")),
    "member.update": Case(members.MEMBER_CHANGES),
    "images.upload": Case(uploads.IMAGE_UPLOAD, lambda w: (b"x",)),
    "documents.update_file": Case(uploads.DOCUMENT_UPLOAD_UPDATE, lambda w: ("1", b"x")),
    "image.replace_file": Case(uploads.IMAGE_UPLOAD, lambda w: (b"x",)),
    "org.teams.create": Case(teams.TEAM),
    "org.teams.update": Case(teams.TEAM_CHANGES, _id("team")),
    "team.update": Case(teams.TEAM_CHANGES),
    "org.teams.update_settings": Case(teams.SETTINGS_CHANGES, _id("team")),
    "team.update_settings": Case(teams.SETTINGS_CHANGES),
    "team.members.invite": Case(teams.INVITE, _ann),
    "team.members.update": Case(teams.MEMBER_CHANGES, _id("team_member")),
    "team_member.update": Case(teams.MEMBER_CHANGES),
    "team.data_classification.update_settings": Case(classification.TEAM_SETTINGS),
    "team.projects.create": Case(projects.PROJECT),
    "team.projects.update": Case(projects.PROJECT, _id("project")),
    "project.update": Case(projects.PROJECT),
    "team.projects.update_settings": Case(projects.SETTINGS_CHANGES, _id("project")),
    "project.update_settings": Case(projects.SETTINGS_CHANGES),
    "project.members.add": Case(projects.ADD_MEMBER, _ann),
    "project.members.update": Case(projects.MEMBER_CHANGES, _id("project_member")),
    "project_member.update": Case(projects.MEMBER_CHANGES),
    "org.user_groups.create": Case(user_groups.GROUP_FIELDS),
    "org.user_groups.update": Case(user_groups.GROUP_CHANGES, _id("user_group")),
    "user_group.update": Case(user_groups.GROUP_CHANGES),
    "user_group.members.add": Case(user_groups.MEMBER_FIELDS, _ann),
    "org.cases.create": Case(legal_holds.CASE),
    "org.cases.update": Case(legal_holds.CASE, _id("case")),
    "case.update": Case(legal_holds.CASE),
    "case.legal_holds.create": Case(legal_holds.HOLD),
    "case.legal_holds.update": Case(legal_holds.HOLD, _id("hold")),
    "hold.update": Case(legal_holds.HOLD),
    "scim.users.create": Case(scim.USER, lambda w: ("cy@example.com",)),
    "scim.users.replace": Case(scim.USER, lambda w: ("1", "cy@example.com")),
}


@pytest.fixture
def world(api, fake):
    return World(api, fake)


def _keywords(signature: inspect.Signature) -> list:
    return [n for n, p in signature.parameters.items() if p.kind is p.KEYWORD_ONLY]


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_signature_lists_the_declared_keywords_with_their_choices(world, name):
    case = CASES[name]
    signature = inspect.signature(case.method(world, name))
    kinds = {p.kind for p in signature.parameters.values()}
    assert inspect.Parameter.VAR_KEYWORD not in kinds, signature
    taken = [n for n in signature.parameters if n not in _keywords(signature)]
    declared = [n for n in case.body.names() if n not in taken]
    assert [n for n in _keywords(signature) if n != "filename"] == declared
    for keyword in declared:
        parameter = signature.parameters[keyword]
        required = keyword in case.body.required
        assert (parameter.default is parameter.empty) == required, keyword
        choices = getattr(case.body.params[keyword].check, "choices", ())
        assert all(repr(c) in str(parameter.annotation) for c in choices), parameter


@pytest.mark.parametrize("name", sorted(CASES))
def test_docstring_and_help_name_every_keyword(world, name):
    case = CASES[name]
    method = case.method(world, name)
    text = pydoc.render_doc(method, renderer=pydoc.plaintext)
    for keyword in case.body.names():
        assert f"    {keyword}: " in method.__doc__, keyword
        assert f"    {keyword}: " in text and f"{keyword}" in text.split("\n")[2], keyword
    for first, second in case.body.exclusive:
        assert f"Give {first} or {second}, not both." in method.__doc__


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_misspelt_keyword_names_the_closest_before_any_request(world, fake, name):
    case = CASES[name]
    method = case.method(world, name)
    positional = case.positional(world)
    taken = list(inspect.signature(method).parameters)[: len(positional)]
    keyword = next((n for n in case.body.names() if n not in taken), case.body.names()[0])
    sent = len(fake.exchanges)
    with pytest.raises(TypeError) as caught:
        method(*positional, **{keyword + keyword[-1]: "x"})
    assert isinstance(caught.value, InvalidArgumentType)
    message = str(caught.value)
    assert f"did you mean {keyword!r}?" in message and "Accepted: " in message, message
    assert len(fake.exchanges) == sent


def test_declared_keywords_still_reach_miro(world):
    connector = world.connector.update(shape="curved", stroke_style="dashed")
    assert connector.shape == "curved" and connector.style.stroke_style == "dashed"
    assert world.board.update(description="d").description == "d"
    assert world.tag.update(fill_color="blue").fill_color == "blue"
    assert world.board.members.share("bo@example.com", role="editor").failed == []
    assert world.team.update_settings(who_can_invite="admins").team_invitation_settings
    assert world.project.update_settings(team_access="view").sharing_policy_settings
    assert world.user_group.update(description="people").description == "people"
    assert world.team_member.update(role="admin").role == "admin"


def test_class_help_shows_the_keywords_too():
    text = pydoc.render_doc(connectors.Connectors, renderer=pydoc.plaintext)
    assert "create(self, *, start" in text and "stroke_style: one of 'normal'" in text
    assert "update(self, connector_id, *, start" in text.replace(": 'str'", "")
    assert "update(self, *, name" in pydoc.render_doc(boards.Board, renderer=pydoc.plaintext)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


VERBS = ("create", "update", "copy", "share", "invite", "add", "replace", "upload")


def test_no_fluent_create_or_update_hides_its_keywords():
    for info in pkgutil.walk_packages(miro.__path__, "miro."):
        if not info.name.startswith(("miro.testing", "miro.compat")):
            importlib.import_module(info.name)  # every collection and resource class
    hidden = []
    for cls in {*_subclasses(Collection), *_subclasses(Resource)}:
        for name in dir(cls):
            if not name.startswith(VERBS):
                continue
            raw = inspect.getattr_static(cls, name)
            takes_fields = inspect.isfunction(raw) and any(
                p.kind is p.VAR_KEYWORD for p in inspect.signature(raw).parameters.values()
            )
            if takes_fields:
                hidden.append(f"{cls.__qualname__}.{name}")
    assert hidden == []
    assert [n for n, _ in DeclaredVerb.declarations(connectors.Connectors)] == ["create", "update"]


def test_ipython_completes_the_declared_keywords(world):
    completer_module = pytest.importorskip("IPython.core.completer")
    namespace = {"board": world.board, "team": world.team}
    completer = completer_module.IPCompleter(shell=None, namespace=namespace, global_namespace={})
    completer.use_jedi = False  # the keyword matcher, which reads inspect.signature
    completer.evaluation = "unsafe"  # let it read board.connectors (a property)
    completer.disable_matchers = ["IPCompleter.magic_matcher"]  # it needs a shell
    for line, expected in (
        ("board.connectors.create(stroke_s", "stroke_style="),
        ("board.update(descr", "description="),
        ("team.update_settings(who_can", "who_can_invite="),
    ):
        with completer_module.provisionalcompleter():
            matches = [c.text for c in completer.completions(line, len(line))]
        assert expected in matches, (line, matches)
