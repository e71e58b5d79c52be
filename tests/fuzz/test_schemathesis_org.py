"""Schemathesis over FakeMiro's organizations, members, teams and projects (28 operations).

Same engine, phases (stateful aside: the org side has no links in the spec), checks and
:data:`~.test_schemathesis.KNOWN` list as the board-side run; only the operations and the
path ids differ. Opt-in like it: ``MIRO_FUZZ=1 python -m pytest tests/fuzz``.
"""

from __future__ import annotations

import copy
import os
import re
import sys

import pytest
import requests
from contract import spec as contract_spec

from . import overlay
from .run import SEED, _failures
from .test_schemathesis import KNOWN

#: The path keys of the organization, its members, teams, team members and settings,
#: projects, project settings and members.
ORG_SIDE = re.compile(
    r"^/v2/orgs/\{org_id\}(/members.*|/default_teams_settings"
    r"|/teams(/\{team_id\}(/members.*|/settings|/projects.*)?)?)?$"
)


def org_document():
    """The repaired spec with the overlay steps, keeping only :data:`ORG_SIDE`."""
    doc = copy.deepcopy(contract_spec.get_spec().document)
    for step in overlay.STEPS:
        if step is not overlay.select:
            step(doc)
    for key in [k for k in doc["paths"] if not ORG_SIDE.match(k)]:
        del doc["paths"][key]
    return doc


pytestmark = pytest.mark.skipif(
    bool(contract_spec.unavailable_reason()), reason=contract_spec.unavailable_reason() or ""
)


def test_the_org_side_is_selected_in_full():
    assert len(list(contract_spec.iter_operations(org_document()))) == 28


@pytest.mark.skipif(not os.environ.get("MIRO_FUZZ"), reason="minutes long: set MIRO_FUZZ=1")
def test_schemathesis_finds_nothing_on_the_org_side_but_the_spec_s_own_gaps():
    if sys.version_info < (3, 10):
        pytest.skip("Schemathesis 4 needs Python 3.10+")
    schemathesis = pytest.importorskip("schemathesis", reason="install the fuzz extra")
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import events, from_schema

    from miro.testing import FakeMiro

    with FakeMiro(seed=1) as fake:
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {fake.token}"
        base = f"{fake.url}/v2/orgs/{fake.org_id}"
        member = fake.add_org_member("fuzzed@example.com")
        team = http.post(f"{base}/teams", json={"name": "fuzzed"}).json()["id"]
        http.post(f"{base}/teams/{team}/members", json={"email": "fuzzed@example.com"})
        project = http.post(f"{base}/teams/{team}/projects", json={"name": "fuzzed"}).json()["id"]
        http.post(
            f"{base}/teams/{team}/projects/{project}/members",
            json={"email": "fuzzed@example.com", "role": "editor"},
        )
        ids = {"org_id": fake.org_id, "team_id": team, "project_id": project, "member_id": member}
        config = SchemathesisConfig.from_dict(
            {
                "seed": SEED,
                "base-url": fake.url,
                "headers": {"Authorization": f"Bearer {fake.token}"},
                "workers": 1,
                "request-timeout": 10,
                "generation": {"max-examples": 12, "database": "none"},
                "phases": {"stateful": {"enabled": False}},
                "parameters": {f"path.{name}": value for name, value in ids.items()},
                "operations": [  # deleting the team or project would end the run's world
                    {"include-operation-id": "enterprise-delete-team", "enabled": False},
                    {"include-operation-id": "enterprise-delete-project", "enabled": False},
                ],
            }
        )
        schema = schemathesis.openapi.from_dict(org_document(), config=config)
        found, errors, requests_sent = [], [], 0
        for event in from_schema(schema).execute():
            if isinstance(event, events.ScenarioFinished):
                found += _failures(event)
                requests_sent += len(event.recorder.interactions)
            elif isinstance(event, (events.NonFatalError, events.FatalError)):
                errors.append(f"{type(event).__name__}: {event}")
    assert not errors, "\n".join(errors)
    assert requests_sent > 300, requests_sent  # the run really ran
    unknown = [f for f in found if not any(k.covers(f) for k in KNOWN)]
    assert not unknown, f"{len(unknown)} findings:\n" + "\n".join(map(str, unknown[:30]))
