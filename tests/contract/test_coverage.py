"""Coverage of Miro's spec by the SDK, and proof that every claimed operation works.

``miro.core.registry.operations()`` lists what the SDK claims (operationId, flat
``MiroApi`` method name, fluent call). For each claim:

* the flat method exists under the official name and its parameters follow the official
  client's rule (tests/contract/official.py);
* called against a FakeMiro world built with plain HTTP — a board, a frame, an item of
  each type, a connector, a tag, a board member, a group — with arguments derived from
  the spec (required parameters positionally, bodies as dicts: minimal ones built from
  the schema unless :data:`BODIES` says better), it makes the fake answer a 2xx that the
  validator matches to that very operationId.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import re
import uuid
from typing import Any, Dict, List, Optional
from urllib.parse import quote

import pytest

from . import official, samples
from . import spec as specmod
from .coverage import REPORT, measure, report

SPEC_MISSING = specmod.unavailable_reason()

REGISTRY_MISSING: Optional[str] = None
REGISTRY_BROKEN: Optional[str] = None
try:
    import miro.api  # noqa: F401  (the flat interface registers every operation it claims)
    from miro.core import registry as _registry
except ModuleNotFoundError as exc:  # the SDK's registry is not written yet: skip
    if exc.name not in ("miro", "miro.api", "miro.core", "miro.core.registry"):
        raise
    _registry = None  # type: ignore[assignment]
    REGISTRY_MISSING = f"miro.core.registry is missing ({exc})"
except Exception as exc:  # the SDK is there but does not import: fail, don't skip
    _registry = None  # type: ignore[assignment]
    REGISTRY_BROKEN = f"importing miro.core.registry failed: {type(exc).__name__}: {exc}"

pytestmark = [
    pytest.mark.skipif(SPEC_MISSING is not None, reason=str(SPEC_MISSING)),
    pytest.mark.skipif(REGISTRY_MISSING is not None, reason=str(REGISTRY_MISSING)),
]


def claimed_operations() -> List[Any]:
    """The registry's records (empty when it is missing)."""
    if REGISTRY_BROKEN:
        pytest.fail(REGISTRY_BROKEN)
    return list(_registry.operations()) if _registry is not None else []


def client_class() -> type:
    """``miro.MiroApi``."""
    import miro

    return miro.MiroApi


def _claimed_ids() -> List[str]:
    if REGISTRY_BROKEN or _registry is None:
        return ["(registry unavailable)"]
    try:
        return [r.operation_id for r in _registry.operations()] or ["(none claimed)"]
    except Exception as exc:  # collection must not crash on a half-written SDK
        return [f"(registry failed: {exc})"]


# --------------------------------------------------------------------------- the report


def test_coverage_report(request):
    spec = specmod.get_spec()
    claimed = claimed_operations()
    coverage = measure(spec, claimed, client_class())
    request.config.stash[REPORT] = report(coverage)  # printed once, in the summary
    assert not coverage.unknown, f"claimed operations the spec does not have: {coverage.unknown}"
    names = {r.operation_id: r.flat_name for r in claimed}
    wrong = {
        op_id: name for op_id, name in names.items() if name != official.official_method_name(op_id)
    }
    assert not wrong, f"flat names differ from the official snake_case(operationId): {wrong}"
    missing = sorted(op_id for op_id in names if op_id not in coverage.flat)
    assert not missing, f"claimed operations without a MiroApi method: {missing}"
    no_fluent = sorted(r.operation_id for r in claimed if not r.fluent_name)
    assert not no_fluent, f"claimed operations without a fluent call: {no_fluent}"


def test_flat_methods_follow_the_official_signature_rule():
    """Every ``MiroApi`` method named like an official one takes the official parameters:
    required ones first (path, then query, spec order), then optional ones defaulting to
    ``None``, the body named after its schema; extra parameters only after, with defaults.
    """
    spec = specmod.get_spec()
    cls = client_class()
    problems = []
    for op_id in spec.operations:
        name = official.official_method_name(op_id)
        method = getattr(cls, name, None)
        if not callable(method):
            continue
        expected = official.official_params(spec.raw, op_id)
        params = [
            p
            for p in inspect.signature(method).parameters.values()
            if p.name != "self" and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        got = [p.name for p in params[: len(expected)]]
        want = [p.name for p in expected]
        if got != want:
            problems.append(f"{name}{tuple(got)}: expected {tuple(want)}")
            continue
        for param, spec_param in zip(params, expected):
            if spec_param.required and param.default is not param.empty:
                problems.append(f"{name}: {param.name} is required, has a default")
            if not spec_param.required and param.default is not None:
                problems.append(f"{name}: {param.name} is optional, default must be None")
        extra = [p.name for p in params[len(expected) :] if p.default is p.empty]
        if extra:
            problems.append(f"{name}: extra required parameters {extra}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- the world

#: Item collections (the URL segment before ``{item_id}``) and a create body for each.
ITEM_BODIES: Dict[str, Dict[str, Any]] = {
    "sticky_notes": {"data": {"content": "contract"}},
    "texts": {"data": {"content": "contract"}},
    "shapes": {"data": {"shape": "rectangle", "content": "contract"}},
    "cards": {"data": {"title": "contract"}},
    "app_cards": {"data": {"title": "contract"}},
    "images": {"data": {"url": "https://example.com/contract.png"}},
    "documents": {"data": {"url": "https://example.com/contract.pdf"}},
    "embeds": {"data": {"url": "https://www.youtube.com/watch?v=HlVSNEiFCBk"}},
    "frames": {"data": {"title": "contract"}, "geometry": {"width": 800, "height": 600}},
    "docs": {"data": {"contentType": "markdown", "content": "# contract"}},
    "mindmap_nodes": {"data": {"nodeView": {"data": {"type": "text", "content": "root"}}}},
    "code_widgets": {"data": {"code": "print(1)", "language": "python"}},
}

#: Bodies for operations where the schema's required fields are not enough (or would
#: build nonsense); a callable receives the world.
BODIES: Dict[str, Any] = {
    "create-board": {"name": "contract"},
    "copy-board": {"name": "contract copy"},
    "update-board": {"name": "contract renamed"},
    "share-board": {"emails": ["invitee@example.com"], "role": "editor"},
    "update-board-member": {"role": "viewer"},
    "create-connector": lambda w: {
        "startItem": {"id": w.item("sticky_notes")},
        "endItem": {"id": w.item("texts")},
    },
    "update-connector": {"shape": "straight"},
    "create-tag": {"title": "contract tag"},
    "update-tag": {"title": "contract tag renamed"},
    "createGroup": lambda w: {"data": {"items": [w.item("sticky_notes"), w.item("texts")]}},
    "updateGroup": lambda w: {"data": {"items": [w.item("sticky_notes"), w.item("shapes")]}},
    "create-items": [{"type": "sticky_note", "data": {"content": "bulk"}}],
    "update-item-position-or-parent": {"position": {"x": 10, "y": 20}},
    "move-code-widget-item": {"x": 10, "y": 20},
    "enterprise-create-team": {"name": "contract team"},
    "enterprise-update-team": {"name": "contract team renamed"},
    "enterprise-invite-team-member": lambda w: {"email": w.org_member_email, "role": "member"},
    "enterprise-update-team-member": {"role": "member"},
    "enterprise-update-team-settings": {"teamInvitationSettings": {"whoCanInvite": "admins"}},
    "enterprise-create-project": {"name": "contract project"},
    "enterprise-update-project": {"name": "contract project renamed"},
    "enterprise-update-project-settings": {"sharingPolicySettings": {"teamAccess": "view"}},
    "enterprise-add-project-member": lambda w: {"email": w.team_member_email, "role": "editor"},
    "enterprise-update-project-member": {"role": "viewer"},
    "enterprise-create-group": {"name": "contract group"},
    "enterprise-update-group": {"name": "contract group renamed"},
    "enterprise-create-group-member": lambda w: {"email": w.org_member_email},
    "enterprise-update-group-members": lambda w: {"membersToAdd": [w.org_member_email]},
    "enterprise-teams-create-group": lambda w: {"userGroupId": w.user_group_id, "role": "member"},
    "enterprise-boards-create-group": lambda w: {
        "userGroupIds": [w.user_group_id],
        "role": "EDITOR",
    },
    "enterprise-project-create-group": lambda w: {
        "userGroupIds": [w.user_group_id],
        "role": "VIEWER",
    },
    "enterprise-create-board-export": lambda w: {"boardIds": [w.board_id], "boardFormat": "PDF"},
    "enterprise-update-board-export-job": {"status": "CANCELLED"},
    "revoke-token-v2": lambda w: {
        "accessToken": w.fake.token,
        "clientId": getattr(w.fake, "client_id", "contract-client"),
        "clientSecret": getattr(w.fake, "client_secret", "contract-secret"),
    },
    "create-case": {"name": "contract case"},
    "edit-case": {"name": "contract case renamed"},
    "create-legal-hold": {"name": "hold", "scope": {"users": [{"email": "fake.user@example.com"}]}},
    "edit-legal-hold": {"name": "held", "scope": {"users": [{"email": "fake.user@example.com"}]}},
    "enterprise-dataclassification-board-set": lambda w: {"labelId": w.label_id},
    "enterprise-dataclassification-team-boards-bulk": lambda w: {"labelId": int(w.label_id)},
    "enterprise-dataclassification-team-settings-set": {"enabled": True},
    # SCIM (§8.16): userName is an email; PatchOp bodies as Miro documents them.
    "createUser": {"userName": "scim.created@example.com", "displayName": "Created"},
    "replaceUser": {"userName": "scim.replaced@example.com", "displayName": "Replaced"},
    "patchUser": {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "Replace", "path": "displayName", "value": "Patched"}],
    },
    "patchGroup": {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "Replace", "path": "displayName", "value": "Patched team"}],
    },
}

#: The SCIM service's routes (written without their base path in the spec).
SCIM_ROUTES = ("/Users", "/Groups", "/ServiceProviderConfig", "/ResourceTypes", "/Schemas")

#: Create operations whose body is the collection's create body.
CREATE_SEGMENTS = {
    "create-sticky-note-item": "sticky_notes",
    "create-text-item": "texts",
    "create-shape-item": "shapes",
    "create-shape-item-flowchart": "shapes",
    "create-card-item": "cards",
    "create-app-card-item": "app_cards",
    "create-image-item-using-url": "images",
    "create-document-item-using-url": "documents",
    "create-embed-item": "embeds",
    "create-frame-item": "frames",
    "create-doc-format-item": "docs",
    "create-mindmap-nodes-experimental": "mindmap_nodes",
    "create-code-widget-item": "code_widgets",
}

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class World:
    """Objects on a FakeMiro, created with plain HTTP on first use."""

    def __init__(self, fake: Any, tmp_path: Any) -> None:
        import requests

        self.fake = fake
        self.tmp_path = tmp_path
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {fake.token}"
        self.base = fake.url.rstrip("/")
        self._cache: Dict[str, Any] = {}

    def call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        """Send a request; assert it succeeded; return its JSON."""
        response = self.http.request(method, self.base + path, json=body, params=params or None)
        assert response.status_code < 300, (
            f"world setup {method} {path} -> {response.status_code}: {response.text[:300]}"
        )
        return response.json() if response.content else None

    def _once(self, key: str, make: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def board_id(self) -> str:
        """The world's board."""
        return self._once("board", lambda: self.call("POST", "/v2/boards", {"name": "world"})["id"])

    @property
    def case_id(self) -> str:
        """A legal case of the organization."""
        org = self.token_info["organization"]["id"]
        return self._once(
            "case", lambda: self.call("POST", f"/v2/orgs/{org}/cases", {"name": "world"})["id"]
        )

    @property
    def legal_hold_id(self) -> str:
        """A legal hold of :attr:`case_id` over the fake's user."""
        org = self.token_info["organization"]["id"]
        body = {"name": "world", "scope": {"users": [{"email": "fake.user@example.com"}]}}
        path = f"/v2/orgs/{org}/cases/{self.case_id}/legal-holds"
        return self._once("hold", lambda: self.call("POST", path, body)["id"])

    @property
    def label_id(self) -> str:
        """A data classification label of the organization."""
        org = self.token_info["organization"]["id"]
        path = f"/v2/orgs/{org}/data-classification-settings"
        return self._once("label", lambda: self.call("GET", path)["labels"][1]["id"])

    @property
    def scim_user_id(self) -> str:
        """A member of the organization, seeded for the SCIM user operations."""
        return self._once("scim_user", lambda: self.fake.add_org_member("scim@example.com"))

    @property
    def board_path(self) -> str:
        """``/v2/boards/<encoded id>``."""
        return f"/v2/boards/{quote(self.board_id, safe='')}"

    def item(self, segment: str, experimental: bool = False) -> str:
        """An item of the collection ``segment`` (e.g. ``sticky_notes``)."""
        prefix = (
            self.board_path.replace("/v2/", "/v2-experimental/")
            if experimental
            else (self.board_path)
        )
        return self._once(
            f"item:{experimental}:{segment}",
            lambda: self.call("POST", f"{prefix}/{segment}", ITEM_BODIES[segment])["id"],
        )

    @property
    def frame_with_child(self) -> str:
        """A frame holding one sticky note."""

        def make() -> str:
            frame = self.item("frames")
            self.call(
                "POST",
                f"{self.board_path}/sticky_notes",
                {"data": {"content": "child"}, "parent": {"id": frame}},
            )
            return frame

        return self._once("frame_with_child", make)

    @property
    def connector_id(self) -> str:
        """A connector between a sticky note and a text."""
        return self._once(
            "connector",
            lambda: self.call(
                "POST", f"{self.board_path}/connectors", BODIES["create-connector"](self)
            )["id"],
        )

    def tag_id(self, attached: bool = True) -> str:
        """A tag, attached to the sticky note unless ``attached`` is false."""

        def make() -> str:
            tag = self.call(
                "POST", f"{self.board_path}/tags", {"title": f"world {'on' if attached else 'off'}"}
            )["id"]
            if attached:
                note = self.item("sticky_notes")
                self.call("POST", f"{self.board_path}/items/{note}?tag_id={tag}")
            return tag

        return self._once(f"tag:{attached}", make)

    @property
    def member_id(self) -> str:
        """A board member other than the owner."""

        def make() -> str:
            self.call(
                "POST",
                f"{self.board_path}/members",
                {"emails": ["member@example.com"], "role": "editor"},
            )
            members = self.call("GET", f"{self.board_path}/members", limit="50")["data"]
            others = [m for m in members if m.get("role") != "owner"] or members
            return others[0]["id"]

        return self._once("member", make)

    @property
    def group_id(self) -> str:
        """A group of a sticky note and a text."""
        return self._once(
            "group",
            lambda: self.call("POST", f"{self.board_path}/groups", BODIES["createGroup"](self))[
                "id"
            ],
        )

    @property
    def token_info(self) -> Dict[str, Any]:
        """``GET /v1/oauth-token`` (organisation and team ids)."""
        return self._once("token", lambda: self.call("GET", "/v1/oauth-token"))

    @property
    def org_member_email(self) -> str:
        """A person of the organization who is in no team yet (seeded on the fake)."""
        return self._once(
            "org_member",
            lambda: self.fake.add_org_member("org.member@example.com") and "org.member@example.com",
        )

    @property
    def team_member_email(self) -> str:
        """A member of the token's team who is in no project yet."""

        def make() -> str:
            team = self.token_info["team"]["id"]
            org = self.token_info["organization"]["id"]
            self.call(
                "POST", f"/v2/orgs/{org}/teams/{team}/members", {"email": self.org_member_email}
            )
            return self.org_member_email

        return self._once("team_member", make)

    @property
    def project_id(self) -> str:
        """A project of the token's team; its creator (the token's user) is its owner."""
        team = self.token_info["team"]["id"]
        org = self.token_info["organization"]["id"]
        return self._once(
            "project",
            lambda: self.call(
                "POST", f"/v2/orgs/{org}/teams/{team}/projects", {"name": "world project"}
            )["id"],
        )

    @property
    def org_path(self) -> str:
        """``/v2/orgs/<org id>``."""
        return f"/v2/orgs/{self.token_info['organization']['id']}"

    @property
    def user_group_id(self) -> str:
        """A user group of the organization holding the token's user."""

        def make() -> str:
            group = self.call("POST", f"{self.org_path}/groups", {"name": "world group"})["id"]
            self.call(
                "POST",
                f"{self.org_path}/groups/{group}/members",
                {"email": "fake.user@example.com"},
            )
            return group

        return self._once("user_group", make)

    def user_group_attached(self, route: str) -> str:
        """The user group, added to the token's team or shared with the board or project
        when ``route`` reaches it through one of those."""
        group = self.user_group_id
        team = self.token_info["team"]["id"]
        if "{team_id}" in route:
            body = {"userGroupId": group, "role": "member"}
            path = f"{self.org_path}/teams/{team}/groups"
            self._once("group_team", lambda: self.call("POST", path, body))
        share = {"userGroupIds": [group], "role": "EDITOR"}
        if "/boards/{board_id}/" in route:
            board = quote(self.board_id, safe="")
            self._once(
                "group_board",
                lambda: self.call("POST", f"{self.org_path}/boards/{board}/groups", share),
            )
        if "/projects/{project_id}/" in route:
            project = self.project_id
            self._once(
                "group_project",
                lambda: self.call("POST", f"{self.org_path}/projects/{project}/groups", share),
            )
        return group

    def export_job_id(self, finished: bool = True) -> str:
        """A board export job of the world's board (polled until FINISHED if ``finished``)."""

        def make() -> str:
            path = f"{self.org_path}/boards/export/jobs"
            body = {"boardIds": [self.board_id]}
            job = self.call("POST", path, body, request_id=str(uuid.uuid4()))["jobId"]
            for _ in range(20 if finished else 0):
                if (
                    self.call("GET", f"{self.org_path}/boards/export/jobs/{job}")["jobStatus"]
                    == "FINISHED"
                ):
                    break
            return job

        return self._once(f"export_job:{finished}", make)

    @property
    def export_task_id(self) -> str:
        """The task of the finished export job."""
        job = self.export_job_id()
        return self.call("GET", f"{self.org_path}/boards/export/jobs/{job}/tasks")["data"][0]["id"]

    def file(self, name: str, content: bytes) -> str:
        """Write a temporary file; return its path."""
        path = self.tmp_path / name
        path.write_bytes(content)
        return str(path)


def _segment_before(route: str, placeholder: str) -> str:
    parts = route.split("/")
    index = parts.index("{" + placeholder + "}")
    return parts[index - 1]


def path_value(world: World, info: specmod.OperationInfo, name: str) -> Any:
    """A value for path parameter ``name`` (spec name) of the operation."""
    route = info.route
    experimental = route.startswith("/v2-experimental/")
    if name.startswith("board_id"):
        return world.board_id
    if name == "item_id":
        segment = _segment_before(route, "item_id")
        if segment == "items":
            return world.item("sticky_notes")
        return world.item(segment, experimental=experimental and segment != "items")
    if name == "connector_id":
        return world.connector_id
    if name == "board_member_id":
        return world.member_id
    if name == "group_id" and route.startswith("/v2/boards/"):
        return world.group_id
    if name == "tag_id":
        return world.tag_id()
    if name == "org_id":
        return world.token_info["organization"]["id"]
    if name == "team_id":
        return world.token_info["team"]["id"]
    if name == "id" and route.startswith("/Users/"):
        return world.scim_user_id
    if name == "id" and route.startswith("/Groups/"):
        return world.token_info["team"]["id"]  # SCIM groups are teams
    if name == "resource":
        return "User"
    if name == "uri":
        return "urn:ietf:params:scim:schemas:core:2.0:User"
    if name == "project_id" and route.startswith("/v2/orgs/"):
        return world.project_id
    if name == "member_id" and re.match(r"^/v2/orgs/\{org_id\}/(members|teams)/", route):
        return world.fake.user_id  # org member, team admin, project owner: the token's user
    if name == "group_id" and route.startswith("/v2/orgs/"):
        return world.user_group_attached(route)
    if name == "member_id" and route.startswith("/v2/orgs/{org_id}/groups/"):
        return world.fake.user_id if world.user_group_id else None  # the group holds them
    if name == "job_id":
        return world.export_job_id(
            finished=info.operation_id != "enterprise-update-board-export-job"
        )
    if name == "task_id":
        return world.export_task_id
    if name == "case_id":
        return world.case_id
    if name == "legal_hold_id":
        return world.legal_hold_id
    if name == "app_id" and getattr(world.fake, "app_id", None):
        return world.fake.app_id  # app metrics (§8.14): the fake's own app
    pytest.fail(
        f"{info.operation_id}: the contract world cannot supply path parameter {name!r}; "
        "extend World/path_value in tests/contract/test_coverage.py"
    )


def query_value(world: World, info: specmod.OperationInfo, name: str, schema: Any) -> Any:
    """A value for required query parameter ``name``."""
    if name == "parent_item_id":
        return world.frame_with_child
    if name == "tag_id":
        return world.tag_id(attached=info.operation_id != "attach-tag-to-item")
    if name == "delete_items":
        return True
    if name == "copy_from":
        return world.board_id
    if name == "group_item_id":
        return world.group_id
    if name == "request_id":
        return str(uuid.uuid4())
    if name in ("createdAfter", "from"):
        return "2020-01-01T00:00:00.000Z"
    if name in ("createdBefore", "to"):
        return "2100-01-01T00:00:00.000Z"
    if name == "access_token":
        return world.fake.token
    if name == "email":  # sessions reset: a member of the organization
        return "fake.user@example.com"
    return samples.instance(world_doc(), schema)


def world_doc() -> Dict[str, Any]:
    """The repaired spec document."""
    return specmod.get_spec().document


def body_value(world: World, info: specmod.OperationInfo, param: official.OfficialParam) -> Any:
    """The request body (a dict/list) for the operation."""
    op_id = info.operation_id
    if op_id in BODIES:
        body = BODIES[op_id]
        return body(world) if callable(body) else body
    if op_id in CREATE_SEGMENTS:
        return ITEM_BODIES[CREATE_SEGMENTS[op_id]]
    if re.match(r"update-.*-item", op_id):
        return {"position": {"x": 10, "y": 20}}
    # the repaired spec's schema: the published one is wrong in places (§3.9)
    op = info.op(world_doc())
    schema = samples.body_schema(world_doc(), op, param.media or "application/json")
    return samples.instance(world_doc(), schema)


def form_value(world: World, info: specmod.OperationInfo, param: official.OfficialParam) -> Any:
    """A multipart part: a file path (as the official client takes them) or a list of them."""
    if param.spec_name == "resources":
        return [world.file("upload.png", PNG)]
    if param.spec_name == "data" and "bulk" in info.route:
        # Miro's "JSON file example": one {type, title, position?, geometry?} per resource.
        return world.file("items.json", json.dumps([{"type": "image", "title": "bulk"}]).encode())
    if param.spec_name == "resource":
        if "documents" in info.route:
            return world.file("upload.pdf", PDF)
        return world.file("upload.png", PNG)
    return None


#: Operations whose flat method warns that they are deprecated (the warning it says).
DEPRECATED = {"revoke-token": "the v1 revoke endpoint"}
NO_WARNING = contextlib.nullcontext()


@pytest.mark.parametrize("operation_id", _claimed_ids())
def test_claimed_operation_works(operation_id, fake, api, tmp_path):
    """Calling the flat method makes the fake answer a 2xx matched to this operation."""
    from .validator import get_validator

    claimed_operations()  # fails if the registry is broken
    spec = specmod.get_spec()
    if operation_id not in spec.operations:
        pytest.fail(f"{operation_id} is claimed but is not an operation of the spec")
    info = spec.operations[operation_id]
    world = World(fake, tmp_path)
    args: List[Any] = []
    kwargs: Dict[str, Any] = {}
    for param in official.official_params(spec.raw, operation_id):
        if param.kind == "path":
            value = path_value(world, info, param.spec_name)
        elif param.kind == "query":
            if not param.required:
                continue
            value = query_value(world, info, param.spec_name, param.schema)
        elif param.kind == "form":
            if not param.required:
                continue
            value = form_value(world, info, param)
        else:
            value = body_value(world, info, param)
        if param.required:
            args.append(value)
        else:
            kwargs[param.name] = value
    if info.route.startswith(SCIM_ROUTES):  # SCIM takes a SCIM token (§8.16)
        import miro

        api = miro.MiroApi(fake.scim_token, base_url=fake.url)
    method = getattr(api, official.official_method_name(operation_id))
    before = len(fake.exchanges)
    deprecated = DEPRECATED.get(operation_id)
    with pytest.warns(DeprecationWarning, match=deprecated) if deprecated else NO_WARNING:
        method(*args, **kwargs)
    validator = get_validator()
    seen = []
    for exchange in list(fake.exchanges)[before:]:
        seen.append((validator.validate(exchange), exchange.status))
    assert any(op == operation_id and 200 <= status < 300 for op, status in seen), (
        f"{official.official_method_name(operation_id)}(*{args!r}, **{kwargs!r}) made "
        f"{seen or 'no requests'}; expected a 2xx for {operation_id}"
    )
