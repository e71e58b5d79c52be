"""Every import in ``miro/`` and ``miro_api/`` points down (ARCHITECTURE.md): the modules'
imports, read with :mod:`ast` (imports deferred inside functions included, imports under
``if TYPE_CHECKING:`` left out), form no circle."""

import ast
import pathlib
from typing import Dict, Iterator, List, Set

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGES = ("miro", "miro_api")


def _module_files() -> Dict[str, pathlib.Path]:
    """Dotted module name -> its source file, for every module of the packages."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
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


def import_graph() -> Dict[str, Set[str]]:
    """Module -> the modules of the packages it imports (``TYPE_CHECKING`` aside)."""
    files = _module_files()
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
                return [start, *reversed(path[:-1]), start] if len(path) > 1 else [start, node, start]
            if target not in parents:
                parents[target] = node
                queue.append(target)
    return component


def test_the_graph_reads_every_module():
    graph = import_graph()
    assert "miro.core.transport" in graph and "miro_api.models" in graph
    assert "miro.core.transport" in graph["miro.api"] or any(
        "miro.core" in target for target in graph["miro.api"]
    )


def test_no_module_imports_itself_back_through_others():
    graph = import_graph()
    found = circles(graph)
    report = "\n".join(
        f"{len(component)} modules: {', '.join(component)}\n"
        f"  e.g. {' -> '.join(_a_cycle_through(component, graph))}"
        for component in found
    )
    assert not found, f"{len(found)} import circles (ARCHITECTURE.md: imports point down):\n{report}"
