"""Every import in ``miro/`` and ``miro_api/`` points down (ARCHITECTURE.md): the modules'
imports, read with :mod:`ast` (imports deferred inside functions included, imports under
``if TYPE_CHECKING:`` left out), form no circle, and each goes to its own layer or one
below; the add-ons are imported only from above them."""

import ast
import pathlib
from typing import Dict, Iterator, List, Sequence, Set

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGES = ("miro", "miro_api")


def _module_files(root: pathlib.Path, packages: Sequence[str]) -> Dict[str, pathlib.Path]:
    """Dotted module name -> its source file, for every module of the packages."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    """``if TYPE_CHECKING:`` or ``if typing.TYPE_CHECKING:``."""
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", None)
    return name == "TYPE_CHECKING"


def _import_nodes(node: ast.AST) -> Iterator[ast.stmt]:
    """Every import statement under ``node``, at any depth, but none a type checker alone
    reads (the body of ``if TYPE_CHECKING:``; its ``else`` still runs)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for statement in child.orelse:
                yield from _import_nodes(ast.Module(body=[statement], type_ignores=[]))
        else:
            yield from _import_nodes(child)


def _imported(module: str, is_package: bool, node: ast.stmt, known: Set[str]) -> List[str]:
    """The modules of the packages that one import statement names."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        assert isinstance(node, ast.ImportFrom)
        base = node.module or ""
        if node.level:
            anchor = module.split(".")
            if not is_package:
                anchor.pop()
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join(anchor + ([base] if base else []))
        # ``from package import name`` imports the submodule when ``name`` is one
        names = [
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
            for alias in node.names
        ]
    found = []
    for name in names:
        while name and name not in known:  # ``import miro.x.Y`` style names: the module
            name = name.rpartition(".")[0]
        if name and name != module:
            found.append(name)
    return found


def import_graph(
    root: pathlib.Path = ROOT, packages: Sequence[str] = PACKAGES
) -> Dict[str, Set[str]]:
    """Module -> the modules of the packages it imports (``TYPE_CHECKING`` aside)."""
    files = _module_files(root, packages)
    known = set(files)
    graph = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        graph[module] = {
            target
            for node in _import_nodes(tree)
            for target in _imported(module, is_package, node, known)
        }
    return graph


def circles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative),
    largest first, each sorted."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return sorted(found, key=lambda component: (-len(component), component))


def _a_cycle_through(component: List[str], graph: Dict[str, Set[str]]) -> List[str]:
    """One concrete circle inside a component, to say where to start cutting."""
    members = set(component)
    start = component[0]
    parents = {start: ""}
    queue = [start]
    for node in queue:
        for target in sorted(graph[node] & members):
            if target == start:
                path = [node]
                while parents[path[-1]]:
                    path.append(parents[path[-1]])
                return [start, *reversed(path[:-1]), start]  # path ends at start
            if target not in parents:
                parents[target] = node
                queue.append(target)
    return component


def test_the_reader_counts_deferred_imports_and_skips_type_checking(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    sources = {
        "__init__.py": "",
        "low.py": "import os\n",
        "mid.py": "from . import low\nfrom .sub import leaf\n",
        "high.py": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from .top import Top\n"
            "def later():\n    from .mid import x\n    import pkg.sub.leaf\n"
        ),
        "top.py": "from .high import later\n",
        "sub/__init__.py": "",
        "sub/leaf.py": "from ..low import y\n",
    }
    for name, text in sources.items():
        (package / name).write_text(text)
    graph = import_graph(tmp_path, ["pkg"])
    assert graph["pkg.high"] == {"pkg.mid", "pkg.sub.leaf"}  # deferred in, TYPE_CHECKING out
    assert graph["pkg.mid"] == {"pkg.low", "pkg.sub.leaf"}  # ``from package import module``
    assert graph["pkg.sub.leaf"] == {"pkg.low"} and graph["pkg.low"] == set()
    assert circles(graph) == []
    (package / "low.py").write_text("def back():\n    from .top import later\n")
    found = circles(import_graph(tmp_path, ["pkg"]))
    assert found == [["pkg.high", "pkg.low", "pkg.mid", "pkg.sub.leaf", "pkg.top"]]


def test_no_module_imports_itself_back_through_others():
    graph = import_graph()
    assert "miro.core.transport" in graph and "miro_api.models" in graph
    found = circles(graph)
    report = "\n".join(
        f"{len(component)} modules: {', '.join(component)}\n"
        f"  e.g. {' -> '.join(_a_cycle_through(component, graph))}"
        for component in found
    )
    assert not found, (
        f"{len(found)} import circles (ARCHITECTURE.md: imports point down):\n{report}"
    )


#: The layers, lowest first (ARCHITECTURE.md draws them). ``x.*`` is the package ``x`` and
#: every module in it; any other ``miro`` module is a domain module. ``miro.testing`` (FakeMiro)
#: is a tree of its own that imports nothing of the SDK (tests/test_meta.py).
LAYERS = (
    (
        "base",
        ("miro._version", "miro._official_errors", "miro._addons", "miro.errors", "miro.secret"),
    ),
    ("core", ("miro.core.*",)),
    ("domains", ()),
    ("display", ("miro.display.*",)),
    ("snapshots", ("miro.snapshot.*",)),
    ("compat", ("miro.compat.*",)),
    ("clients", ("miro.api", "miro.oauth", "miro.scim_api", "miro.login", "miro.storage")),
    ("face", ("miro", "miro.__main__", "miro_api.*")),
)
#: What the display add-on may import: it renders what objects say they are, by no class name.
DISPLAY_IMPORTS = ("base", "core", "display")
#: Upward on purpose: old import paths of ScimApi, loaded only when asked for.
OLD_PATHS = {("miro.scim", "miro.scim_api"), ("miro.scim.client", "miro.scim_api")}


def layer_of(module: str) -> str:
    """The layer a module belongs to (see :data:`LAYERS`)."""
    for name, patterns in LAYERS:
        for pattern in patterns:
            package = pattern[:-2] if pattern.endswith(".*") else None
            if module == pattern or (
                package and (module == package or module.startswith(package + "."))
            ):
                return name
    return "domains"


def test_every_import_goes_to_its_own_layer_or_below():
    rank = {name: index for index, (name, _) in enumerate(LAYERS)}
    upward, display = [], []
    for module, targets in sorted(import_graph().items()):
        if module.startswith("miro.testing"):
            continue
        for target in sorted(targets):
            here, there = layer_of(module), layer_of(target)
            if rank[there] > rank[here] and (module, target) not in OLD_PATHS:
                upward.append(f"{module} ({here}) -> {target} ({there})")
            if here == "display" and there not in DISPLAY_IMPORTS:
                display.append(f"{module} -> {target} ({there})")
    assert upward == [], "imports pointing up (ARCHITECTURE.md):\n" + "\n".join(upward)
    assert display == [], "display names what it shows (use shown_as):\n" + "\n".join(display)


def test_the_layers_hold_what_they_say():
    assert [layer_of(m) for m in ("miro", "miro.errors", "miro.core", "miro.core.transport")] == [
        "face",
        "base",
        "core",
        "core",
    ]
    assert [layer_of(m) for m in ("miro.boards", "miro.items.base", "miro.scim.models")] == [
        "domains"
    ] * 3
    assert [layer_of(m) for m in ("miro.display.html", "miro.snapshot", "miro_api.models")] == [
        "display",
        "snapshots",
        "face",
    ]
