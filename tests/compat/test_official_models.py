"""The shim's official models against the wheel's: generated files current, every module
path and name importable, and the same defaults, acceptance, dumps and errors per model."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Optional

import pytest

from .harness import REPO, official_dir, official_unavailable_reason
from .official_models import TABLE, describe, render, stale

pytestmark = pytest.mark.skipif(
    official_dir() is None and not os.environ.get("CI"), reason=str(official_unavailable_reason())
)
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def described(tmp_path_factory: Any) -> Dict[str, Any]:
    return describe(tmp_path_factory.mktemp("described"))


@pytest.mark.generated
@pytest.mark.parametrize("hash_seed", ["0", "28", "104"])  # 28, 104: the index's bad seeds (#18)
def test_generated_models_are_current_under_any_hash_seed(tmp_path: Path, hash_seed: str) -> None:
    files = render(describe(tmp_path, hash_seed))
    if os.environ.get("MIRO_WRITE_OFFICIAL_MODELS"):
        for path, text in files.items():
            path.write_text(text)
    assert stale(files) == [], (
        "generated official models are stale: run MIRO_WRITE_OFFICIAL_MODELS=1 python -m "
        "pytest tests/compat/test_official_models.py"
    )


def test_every_module_path_and_name_of_the_wheel_imports_from_the_shim(described: Any) -> None:
    import miro_api.models as package

    for module, names in described["modules"].items():
        loaded = importlib.import_module(f"miro_api.models.{module}")
        for name in names:
            assert getattr(loaded, name) is getattr(package, name), (module, name)
            assert getattr(loaded, name).__module__ == f"miro_api.models.{module}"
    assert sorted(package.__all__) == described["package"]


#: The wheel's other module paths (``miro_api`` re-exports ``Miro`` and ``MiroApi``).
OTHER_MODULES = (
    "miro_api.api",
    "miro_api.api_client",
    "miro_api.api_extended",
    "miro_api.api_response",
    "miro_api.configuration",
    "miro_api.exceptions",
    "miro_api.miro_api_wrapper",
    "miro_api.rest",
    "miro_api.storage",
)


def test_the_other_module_paths_and_names_of_the_wheel_import_from_the_shim(
    tmp_path: Path,
) -> None:
    script = (
        "import importlib, inspect, json, sys\n"
        "out = {}\n"
        "for path in json.loads(sys.argv[1]):\n"
        "    m = importlib.import_module(path)\n"
        "    out[path] = sorted(n for n, v in vars(m).items() if not n.startswith('_')\n"
        "        and (inspect.isclass(v) or inspect.isfunction(v))\n"
        "        and getattr(v, '__module__', '') == path)\n"
        "print(json.dumps(out))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIRO_")}
    env["PYTHONPATH"] = str(official_dir())
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(OTHER_MODULES)],
        env=env,
        cwd=str(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(done.stdout)
    assert sum(len(names) for names in theirs.values()) >= 25
    theirs["miro_api"] = ["Miro", "MiroApi"]
    for path, names in theirs.items():
        loaded = importlib.import_module(path)
        missing = [name for name in names if not hasattr(loaded, name)]
        assert missing == [], (path, missing)


def _sample(kind: str, models: Dict[str, Any], depth: int, check: Any = None) -> Any:
    optional = kind.startswith("?")
    kind = kind.lstrip("?")
    if check and check[0] in ("enum", "enum_each"):
        value = check[1][-1]
        return [value] if check[0] == "enum_each" else value
    if check and check[0] == "pattern":
        return "123"
    simple = {
        "str": "text",
        "int": 7,
        "float": 1.5,
        "number": 2.5,
        "bool": True,
        "bytes": None,
        "any": "anything",
        "dict": {"k": "v"},
        "datetime": "2024-01-02T03:04:05Z",
        "date": "2024-01-02",
    }
    if kind in simple:
        return simple[kind]
    if kind.startswith("list<"):
        inner = _sample(kind[5:-1], models, depth)
        return [] if inner is None else [inner]
    if kind.startswith("union<"):
        return _sample(kind[6:-1].split("|")[0], models, depth)
    entry = models[kind]
    if entry["kind"] == "enum":
        return entry["members"][-1][1]
    if entry["kind"] == "oneof" or depth > 2:
        return None if optional else {}
    return _fields(entry, models, depth + 1, alias=True)


def _fields(entry: Dict[str, Any], models: Dict[str, Any], depth: int, alias: bool) -> Any:
    out: Dict[str, Any] = {}
    for row in entry["fields"]:
        name, key, kind = row[0], row[1], row[4]
        if name == "additional_properties":
            continue
        constraints, check = (row[5:] + [None, None])[:2]
        value = _sample(kind, models, depth, check)
        if constraints and isinstance(value, str) and constraints.get("min_length"):
            value = value * constraints["min_length"]
        if constraints and isinstance(value, int) and constraints.get("ge") is not None:
            value = max(value, constraints["ge"])
        if value is not None:
            out[key if alias else name] = value
    return out


def _samples() -> Dict[str, Optional[Dict[str, Any]]]:
    models = json.loads(TABLE.read_text())["models"]
    samples: Dict[str, Optional[Dict[str, Any]]] = {}
    for name, entry in models.items():
        if entry["kind"] != "model":
            continue
        alias = _fields(entry, models, 0, alias=True)
        alias["zzUnknown"] = 1
        wrong = next(
            ([row[1], 12345] for row in entry["fields"] if row[4].lstrip("?") == "str"), None
        )
        samples[name] = {
            "module": entry["module"],
            "alias": alias,
            "names": _fields(entry, models, 0, alias=False),
            "wrong": wrong,
        }
    return samples


def _probe(tmp: Path, official: bool, samples: Dict[str, Any]) -> Dict[str, Any]:
    who = "official" if official else "shim"
    samples_path, out = tmp / "samples.json", tmp / f"{who}.json"
    samples_path.write_text(json.dumps(samples))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIRO_")}
    env["PYTHONPATH"] = str(official_dir() if official else REPO)
    subprocess.run(
        [sys.executable, str(HERE / "model_probe.py"), str(samples_path), str(out)],
        env=env,
        check=True,
        timeout=600,
    )
    result: Dict[str, Any] = json.loads(out.read_text())
    return result


def _dumps_a_one_of_wrapper(outcome: Any) -> bool:
    """pydantic's ``model_dump`` of a oneOf wrapper shows the wrapper's internals (its
    ``typing.Literal`` of schema names among them); ours dumps the wrapped model."""
    return "one_of_schemas" in json.dumps(outcome)


def test_every_model_behaves_as_the_wheels(tmp_path: Path) -> None:
    """Defaults, alias and field-name keywords, unknown keywords, ``from_dict``/``to_dict``,
    ``model_dump``, ``model_fields_set``, wrong types (at construction and assignment) and
    unknown attributes, for each of the wheel's models."""
    samples = _samples()
    ours, theirs = _probe(tmp_path, False, samples), _probe(tmp_path, True, samples)
    differ = {
        f"{name}.{step}": (ours[name].get(step), outcome)
        for name in theirs
        for step, outcome in theirs[name].items()
        if ours[name].get(step) != outcome and not _dumps_a_one_of_wrapper(outcome)
    }
    calls = sum(len(steps) for steps in theirs.values())
    assert not differ, f"{len(differ)} of {calls} differ: {dict(list(differ.items())[:8])}"
