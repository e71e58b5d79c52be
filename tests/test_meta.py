"""Meta-tests: declared collections, docstrings on public names, the dependency rules."""

import ast
import importlib
import inspect
import pathlib
import pkgutil

import miro
from miro.core.resource import Collection, Resource

PACKAGE = pathlib.Path(miro.__file__).parent


def _modules():
    for info in pkgutil.walk_packages(miro.__path__, "miro."):
        yield importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_collection_declares_its_path_and_model():
    list(_modules())
    for cls in _subclasses(Collection):
        if cls.__module__.endswith(("items.base", "experimental")) and "ItemType" in cls.__name__:
            continue  # typed collections take path and model from their ItemType declaration
        if cls.__dict__.get("_abstract"):
            continue  # a shared base of a family of collections (e.g. SCIM's)
        assert isinstance(cls.__dict__.get("path") or getattr(cls, "path", None), str), cls
        assert getattr(cls, "model", None) is not None, cls
        assert cls.path.startswith(("/v2/", "/v2-experimental/", "/Users", "/Groups")), cls


def test_every_resource_repr_is_short_and_does_no_io():
    for cls in _subclasses(Resource):
        text = repr(cls(id="1"))
        assert text.startswith(f"{cls.__name__}(") and len(text) < 80


def test_every_public_name_has_a_docstring():
    missing = []
    for module in _modules():
        if module.__name__.startswith("miro.testing._fake"):
            continue
        assert module.__doc__, module.__name__
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(obj) or inspect.isfunction(obj):
                if not inspect.getdoc(obj):
                    missing.append(f"{module.__name__}.{name}")
                if inspect.isclass(obj):
                    for attr, member in vars(obj).items():
                        if attr.startswith("_") or not (
                            inspect.isfunction(member) or isinstance(member, property)
                        ):
                            continue
                        if not inspect.getdoc(member):
                            missing.append(f"{module.__name__}.{name}.{attr}")
    assert missing == []


def test_flat_methods_all_have_docstrings():
    flat = [
        n for n in dir(miro.MiroApi) if not n.startswith("_") and callable(getattr(miro.MiroApi, n))
    ]
    assert len(flat) > 100
    assert [n for n in flat if not inspect.getdoc(getattr(miro.MiroApi, n))] == []


def test_dependency_rules():
    """core imports no domain module; nothing in the SDK imports miro.testing; the fake
    imports nothing of the SDK outside miro.testing."""
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        imported = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                imported.add("." * node.level + (node.module or ""))
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
        if relative.startswith("testing/"):
            assert not any(
                m.startswith("miro.") and not m.startswith("miro.testing") for m in imported
            ), relative
            assert not any(m.startswith("...") for m in imported), relative
        else:
            assert not any("testing" in m for m in imported), relative
        if relative.startswith("core/"):
            allowed = {"..errors", ".._version", ".._addons"}
            assert all(not m.startswith("..") or m in allowed for m in imported), (
                relative,
                imported,
            )
