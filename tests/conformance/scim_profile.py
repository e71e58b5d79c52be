"""scim2-tester's checks with a Miro profile: it sends only what Miro's spec accepts.

scim2-tester (RFC 7643/7644 checks, from the package registry) builds its models from the
server's ``/Schemas`` and fills them with random values. Miro accepts narrower values than
the RFC allows, so this profile chooses them from Miro's spec (the SCIM operations'
descriptions in ``miro-openapi.json``) and leaves out what Miro does not offer, each with its
reason (:data:`LEFT_OUT`). Nothing here changes what a check verifies; it changes what is
sent, and which checks run.

Needs Python 3.11+ and the ``scim-conformance`` extra; imported only by
``test_scim2_tester.py`` once both are known to be there.
"""

from __future__ import annotations

import contextlib
import dataclasses
import random
import uuid
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import httpx2
import requests
import scim2_tester
from pydantic import BaseModel
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_models import Mutability, Path, Required, Resource, Returned
from scim2_tester import utils
from scim2_tester.checkers import resource as resource_checks
from scim2_tester.checkers import resource_query_attributes

#: createUser's userType: "Full, Free, Free Restricted, Full (Trial), Basic, Standard, Advanced".
LICENSES = ("Full", "Free", "Free Restricted", "Full (Trial)", "Basic", "Standard", "Advanced")
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
#: "ORGANIZATION_INTERNAL_ADMIN and ORGANIZATION_INTERNAL_USER are the only supported primary
#: user roles" (patchUser).
PRIMARY_ROLES = ("ORGANIZATION_INTERNAL_ADMIN", "ORGANIZATION_INTERNAL_USER")
#: preferredLanguage: "Example: en_US for English".
LANGUAGES = ("en_US", "de_DE", "fr_FR", "ja_JP")


@dataclasses.dataclass(frozen=True)
class LeftOut:
    """A check (or half of one) the profile does not run, and the spec's reason."""

    check: str
    resource_type: str  # "" = every resource type
    reason: str
    path: str = ""  # one attribute of the check only ("" = the whole check)


#: Every check the Miro profile leaves out, with its reason from Miro's spec.
LEFT_OUT: List[LeftOut] = [
    LeftOut(
        "object_creation",
        "Group",
        "Groups are teams: the spec has no POST /Groups (teams are created with the REST "
        "API, POST /v2/orgs/{org_id}/teams, which is how this profile makes them)",
    ),
    LeftOut(
        "object_replacement",
        "Group",
        "the spec has no PUT /Groups/{id}: a group (team) changes through patchGroup only",
    ),
    LeftOut(
        "object_deletion",
        "Group",
        "the spec has no DELETE /Groups/{id}: teams are deleted with the REST API",
    ),
    LeftOut(
        "search_with_attributes",
        "",
        "the spec has no POST /.search (nor /Users/.search); lists filter with GET ?filter=",
    ),
    LeftOut(
        "check_remove_attribute",
        "User",
        "createUser: a user always has a full name (without displayName Miro uses "
        "name.formatted, givenName familyName, or userName): removing it derives it again",
        "displayName",
    ),
    LeftOut(
        "check_remove_attribute",
        "User",
        "createUser: a user always holds a license (without userType Miro sets one by its "
        "own logic); the fake refuses the removal (400 mutability) rather than ignore it",
        "userType",
    ),
    LeftOut(
        "check_remove_attribute",
        "User",
        "patchUser: a user is active or deactivated (replace active true/false); the fake "
        "refuses the removal (400 mutability)",
        "active",
    ),
    LeftOut(
        "check_remove_attribute",
        "User",
        "patchUser: a user always has one organization_user_role (ORGANIZATION_INTERNAL_ADMIN "
        "or ORGANIZATION_INTERNAL_USER); admin roles are removed with roles[value eq …]",
        "roles",
    ),
    LeftOut(
        "every check, for externalId",
        "",
        "the spec never mentions externalId and Miro's attribute table does not list it: "
        "the fake accepts it and does not keep it",
        "externalId",
    ),
    LeftOut(
        "object_query_with_attributes (excludedAttributes half)",
        "",
        "the spec's getUser/getGroup take `attributes` only, no `excludedAttributes`",
    ),
    LeftOut(
        "object_list_with_attributes (excludedAttributes half)",
        "",
        "the spec's listUsers/listGroups take `attributes` only, no `excludedAttributes`",
    ),
]


#: Attributes the profile fills as a whole (their parts must agree with one another).
WHOLE = ("roles", "members", "photos", "manager", "name")
#: "Send nothing here" (the whole attribute carries it).
SKIP = object()


def _short() -> str:
    """A short random string: Miro caps names at 60 characters and employeeNumber at 20."""
    return uuid.uuid4().hex[:12]


class Profile:
    """What this run sends to a Miro SCIM service (``fake`` provides REST for teams)."""

    def __init__(
        self, scim_url: str, scim_token: str, rest_url: str, rest_token: str, org_id: str
    ) -> None:
        self.scim_url = scim_url.rstrip("/")
        self.scim_token = scim_token
        self.rest = requests.Session()
        self.rest.headers["Authorization"] = f"Bearer {rest_token}"
        self.scim = requests.Session()  # the profile's own set-up calls (scim2-tester has its own)
        self.scim.headers["Authorization"] = f"Bearer {scim_token}"
        self.teams_url = f"{rest_url}/v2/orgs/{org_id}/teams"
        self.manager_id = ""  # a numeric user id, for the enterprise extension's manager
        self.current = ("", "")  # (check, resource type) being run, for per-path left-outs

    def leaves_out(self, path: str) -> bool:
        """Whether the check being run leaves ``path`` out (:data:`LEFT_OUT`)."""
        check, resource_type = self.current
        return any(
            e.path == path
            and (e.check == check or not e.resource_type)
            and e.resource_type in ("", resource_type)
            for e in LEFT_OUT
        )

    # -- values --------------------------------------------------------------------
    def value(self, path: str, default: Callable[[], Any]) -> Any:
        """The value to send at ``path`` (scim2-tester's generated one when Miro takes any)."""
        chosen = self._chosen(path)
        return default() if chosen is None else chosen

    def _chosen(self, path: str) -> Any:
        leaf = path.rsplit(":", 1)[-1] if path.startswith("urn:") else path
        if leaf.split(".")[0] in WHOLE and "." in leaf:
            return SKIP  # the whole attribute is chosen below, consistently
        if path == "userName":
            return f"{_short()}@example.com"  # "An email address in this case"
        if path == "userType":
            return random.choice(LICENSES)
        if path == "roles":
            return [
                {
                    "value": random.choice(PRIMARY_ROLES),
                    "type": "organization_user_role",
                    "primary": True,
                }
            ]
        if path == "preferredLanguage":
            return random.choice(LANGUAGES)
        if path == "photos":  # "Must be a text URL to the image" (jpg, jpeg, bmp, png, gif)
            return [{"value": f"https://example.com/{_short()}.png", "type": "photo"}]
        if path == "members":
            user = self._new_user()
            return [{"value": user["id"], "display": user["displayName"], "type": "User"}]
        if leaf == "manager":  # "If the value attribute is not a numeric value, we ignore it"
            return {"value": self.manager_id, "displayName": _short()}
        if path == "name":  # givenName + familyName: 60 characters at most together
            given, family = _short(), _short()
            return {"givenName": given, "familyName": family, "formatted": f"{given} {family}"}
        return None

    def short_strings(self, value: Any) -> Any:
        """scim2-tester's 36-character random strings, shortened to Miro's limits."""
        if isinstance(value, str):
            try:
                uuid.UUID(value)
            except ValueError:
                return value
            return value.replace("-", "")[:12]
        return value

    # -- teams: groups are created and deleted through the REST API -------------------
    def _new_user(self) -> Dict[str, Any]:
        answer = self.scim.post(
            f"{self.scim_url}/Users",
            json={
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "userName": f"{_short()}@example.com",
                "displayName": _short(),
            },
            timeout=10,
        )
        answer.raise_for_status()
        created: Dict[str, Any] = answer.json()
        return created

    def new_team(self, name: str, with_member: bool = False) -> str:
        """A team made as Miro makes them (REST ``POST /v2/orgs/{org_id}/teams``); its id.

        ``with_member``: with every attribute filled, i.e. one member (added over SCIM).
        """
        answer = self.rest.post(self.teams_url, json={"name": name}, timeout=10)
        answer.raise_for_status()
        team_id = str(answer.json()["id"])
        if with_member:
            added = self.scim.patch(
                f"{self.scim_url}/Groups/{team_id}",
                json={
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [
                        {
                            "op": "add",
                            "path": "members",
                            "value": [{"value": self._new_user()["id"]}],
                        }
                    ],
                },
                timeout=10,
            )
            added.raise_for_status()
        return team_id

    def delete_team(self, team_id: str) -> None:
        """Delete a team the profile made."""
        self.rest.delete(f"{self.teams_url}/{team_id}", timeout=10)


def _kind(model: Any) -> str:
    """The resource type of a scim2 model (``User[EnterpriseUser]`` -> ``User``)."""
    return str(model.__name__).split("[")[0]


def _shaped(generated: Any, chosen: Any) -> Any:
    """The profile's plain value as the model scim2-tester generated (to compare like)."""
    if isinstance(generated, list) and generated and isinstance(generated[0], BaseModel):
        return [type(generated[0]).model_validate(c) for c in chosen]
    if isinstance(generated, BaseModel) and isinstance(chosen, dict):
        return type(generated).model_validate(chosen)
    return chosen


def _pick_included(model: Any) -> Tuple[Optional[str], None]:
    """scim2-tester's choice of attribute for ``attributes=``, externalId aside; no exclusion."""
    for name, info in model.model_fields.items():
        alias = info.serialization_alias or name
        if (
            alias not in ("schemas", "meta", "id", "externalId")
            and model.get_field_annotation(name, Returned) == Returned.default
            and model.get_field_annotation(name, Mutability) != Mutability.read_only
            and model.get_field_annotation(name, Required) != Required.true
        ):
            return alias, None
    return None, None


def _left_out_result(entry: LeftOut) -> utils.CheckResult:
    what = f"{entry.check} [{entry.path}]" if entry.path else entry.check
    return utils.CheckResult(
        status=utils.Status.SKIPPED,
        title=what,
        reason=f"left out by the Miro profile: {entry.reason}",
        resource_type=entry.resource_type or None,
    )


def _narrowed(profile: Profile, name: str, original: Any) -> Any:
    """The check ``name``, run with the paths :data:`LEFT_OUT` names for it filtered out."""

    def narrowed(context: Any, model: Any) -> List[utils.CheckResult]:
        profile.current = (name, _kind(model))
        try:
            results: List[utils.CheckResult] = original(context, model)
        finally:
            profile.current = ("", "")
        return results + [
            _left_out_result(e)
            for e in LEFT_OUT
            if e.path and e.check == name and e.resource_type == _kind(model)
        ]

    return narrowed


@contextlib.contextmanager
def installed(profile: Profile) -> Iterator[None]:
    """scim2-tester with the profile in place (undone on exit)."""
    from scim2_tester import filling
    from scim2_tester.checkers import patch_add, patch_remove, patch_replace

    undo: List[Tuple[Any, str, Any]] = []

    def swap(owner: Any, name: str, new: Any) -> None:
        undo.append((owner, name, getattr(owner, name)))
        setattr(owner, name, new)

    original_value = filling.generate_random_value

    def generate(context: Any, path: Any, mutability: Any = None, required: Any = None) -> Any:
        def default() -> Any:
            return profile.short_strings(original_value(context, path, mutability, required))

        value = default()
        if value is None:  # filtered out by mutability/required: not ours to send
            return None
        chosen = profile.value(str(path), lambda: value)
        if chosen is SKIP:
            return None
        if str(path).lower() == ENTERPRISE.lower() and getattr(value, "manager", None):
            value.manager = type(value.manager).model_validate(profile.value("manager", dict))
        return _shaped(value, chosen)

    for module in (filling, patch_add, patch_remove, patch_replace):
        if hasattr(module, "generate_random_value"):
            swap(module, "generate_random_value", generate)

    original_create = utils.ResourceManager.create_and_register

    def create_and_register(self: Any, model: Any, fill_all: bool = False) -> Resource[Any]:
        if _kind(model) != "Group":  # a team: made through the REST API
            return original_create(self, model, fill_all)
        team_id = profile.new_team(_short(), with_member=fill_all)
        group = self.context.client.query(model, team_id)
        self.resources.append(group)
        return group

    original_cleanup = utils.ResourceManager.cleanup

    def cleanup(self: Any) -> None:
        teams = [r for r in self.resources if type(r).__name__ == "Group"]
        self.resources = [r for r in self.resources if type(r).__name__ != "Group"]
        original_cleanup(self)
        for team in teams:
            profile.delete_team(team.id)
        self.resources = []

    swap(utils.ResourceManager, "create_and_register", create_and_register)
    swap(utils.ResourceManager, "cleanup", cleanup)

    # checks left out for some attributes: run with those paths filtered (iter_paths above)
    for name in sorted({e.check for e in LEFT_OUT if e.path and hasattr(resource_checks, e.check)}):
        swap(resource_checks, name, _narrowed(profile, name, getattr(resource_checks, name)))

    # checks the spec has no operation for: answered as left out, never run
    for entry in LEFT_OUT:
        if entry.path or not hasattr(resource_checks, entry.check):
            continue
        original = getattr(resource_checks, entry.check)

        def left_out(
            context: Any, model: Any, _entry: LeftOut = entry, _original: Any = original
        ) -> List[utils.CheckResult]:
            if _entry.resource_type in ("", _kind(model)):
                return [_left_out_result(_entry)]
            return _original(context, model)

        swap(resource_checks, entry.check, left_out)

    # externalId: Miro does not keep it (the fake accepts and drops it), so no check on it
    original_paths = Path.__dict__["iter_paths"].__func__

    def iter_paths(cls: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for path in original_paths(cls, *args, **kwargs):
            if not profile.leaves_out(str(path)):
                yield path

    swap(Path, "iter_paths", classmethod(iter_paths))

    # no excludedAttributes: the attribute checks keep only their `attributes` half
    swap(resource_query_attributes, "_pick_attribute_names", _pick_included)
    try:
        yield
    finally:
        for owner, name, value in reversed(undo):
            setattr(owner, name, value)


def run(profile: Profile) -> List[utils.CheckResult]:
    """Every scim2-tester check against ``profile.scim_url``, with the profile installed."""
    client = SyncSCIMClient(
        httpx2.Client(
            base_url=profile.scim_url + "/",
            headers={"Authorization": f"Bearer {profile.scim_token}"},
            timeout=10,
        )
    )
    with installed(profile):
        return scim2_tester.check_server(client)


def failures(results: List[utils.CheckResult]) -> List[utils.CheckResult]:
    """The results that are not a pass or a documented skip."""
    bad = (utils.Status.ERROR, utils.Status.CRITICAL)
    return [r for r in results if r.status in bad]


def summary(results: List[utils.CheckResult]) -> Dict[str, int]:
    """How many results of each status."""
    out: Dict[str, int] = {}
    for r in results:
        out[r.status.name] = out.get(r.status.name, 0) + 1
    return dict(sorted(out.items()))


def report(results: List[utils.CheckResult]) -> str:
    """The counts by status, then every check the profile leaves out and why."""
    lines = [f"scim2-tester with the Miro profile: {summary(results)}"]
    for entry in LEFT_OUT:
        what = f"{entry.check} [{entry.path}]" if entry.path else entry.check
        lines.append(f"  left out: {entry.resource_type or 'all'} {what}: {entry.reason}")
    return "\n".join(lines)
