"""No import cycles inside ``devin_async``: a module's imports form a DAG.

The graph is read from the source with ``ast``, not from ``sys.modules``, so it sees
every import: module-level ones and those inside functions (a function-level import
that dodges a cycle at load time is still a cycle in the design). Imports under
``if TYPE_CHECKING:`` are left out: they never run. An edge goes to the module an
import names (``from pkg import sub`` names ``pkg.sub`` when that is a module), not
to the parent packages Python loads on the way: a package's ``__init__`` re-exporting
its submodules is not a cycle with them.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable, Iterator, Mapping, Set
from pathlib import Path

import devin_async

PACKAGE = Path(devin_async.__file__).parent

Graph = Mapping[str, Set[str]]


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root``, by dotted name."""
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(nodes: Iterable[ast.AST]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import in ``nodes``, at any depth, except in ``if TYPE_CHECKING:`` bodies."""
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node):
            yield from _imports(node.orelse)
        else:
            yield from _imports(ast.iter_child_nodes(node))


def _base(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module a ``from ... import`` reads from."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    anchor = package[: len(package) - (node.level - 1)]
    return ".".join([*anchor, node.module] if node.module else anchor)


def _targets(module: str, path: Path, modules: Set[str]) -> Iterator[str]:
    """The modules one file's imports name: ``from pkg import x`` names ``pkg.x`` if that
    is a module, else ``pkg``."""
    tree = ast.parse(path.read_text(), str(path))
    for node in _imports([tree]):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
            continue
        base = _base(module, path.name == "__init__.py", node)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            yield submodule if submodule in modules else base


def import_graph(modules: Mapping[str, Path]) -> dict[str, set[str]]:
    """Which of ``modules`` each one imports."""
    names = set(modules)
    return {
        module: {t for t in _targets(module, path, names) if t in names}
        for module, path in modules.items()
    }


@functools.cache
def package_graph() -> dict[str, set[str]]:
    return import_graph(module_names(PACKAGE))


def knots(graph: Graph) -> list[list[str]]:
    """The modules of each import cycle (a strongly connected component that has one)."""
    return sorted(sorted(c) for c in _components(graph) if _is_cyclic(c, graph))


def _is_cyclic(component: Set[str], graph: Graph) -> bool:
    return len(component) > 1 or any(m in graph.get(m, ()) for m in component)


def chain(knot: Iterable[str], graph: Graph) -> list[str]:
    """A shortest import chain ``[a, b, ..., a]`` around ``knot``, from its first module."""
    members = set(knot)
    start = min(members)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for step in sorted(graph.get(node, ())):
                if step == start:
                    back = [node]
                    while back[-1] != start:
                        back.append(came_from[back[-1]])
                    return [*reversed(back), start]
                if step in members and step not in came_from:
                    came_from[step] = node
                    following.append(step)
        frontier = following
    raise AssertionError(f"{start} is on no cycle")


def _components(graph: Graph) -> list[set[str]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    out.append(component)
            elif step not in index:
                index[step] = low[step] = len(index)
                stack.append(step)
                on_stack.add(step)
                work.append((step, iter(sorted(graph.get(step, ())))))
            elif step in on_stack:
                low[node] = min(low[node], index[step])
    return out


def _describe(knot: list[str], graph: Graph) -> str:
    around = chain(knot, graph)
    rest = sorted(set(knot) - set(around))
    return " -> ".join(around) + (f"  (the knot also holds {', '.join(rest)})" if rest else "")


def test_devin_async_has_no_import_cycles() -> None:
    graph = package_graph()
    found = [_describe(knot, graph) for knot in knots(graph)]
    assert not found, "import cycles:\n" + "\n".join(found)


def test_only_the_app_imports_the_fake_routes() -> None:
    graph = package_graph()
    routes = {m for m in graph if m.startswith("devin_async.testing.") and _has_route_table(m)}
    assert len(routes) >= 6, routes
    importers = {m for m, targets in graph.items() if targets & routes}
    assert importers == {"devin_async.testing._app"}


def _has_route_table(module: str) -> bool:
    path = module_names(PACKAGE)[module]
    # Every route module exposes its one table as ``ROUTES: tuple[Route, ...] = (...)``.
    return any(
        isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "ROUTES"
        for node in ast.parse(path.read_text()).body
    )


def test_the_fake_api_leaves_import_nothing_of_it() -> None:
    graph = package_graph()
    for leaf in ("devin_async.testing._wire", "devin_async.testing._render"):
        assert not {m for m in graph[leaf] if m.startswith("devin_async.testing")}, leaf


def test_knots_are_found_with_a_chain_around_each() -> None:
    graph = {"a": {"b"}, "b": {"c", "x"}, "c": {"a", "d"}, "x": {"b"}, "d": set()}
    graph.update({"e": {"e"}, "f": {"a"}})  # a self-import; an importer outside the knot
    assert knots(graph) == [["a", "b", "c", "x"], ["e"]]
    assert chain(["a", "b", "c", "x"], graph) == ["a", "b", "c", "a"]
    assert chain(["e"], graph) == ["e", "e"]
    assert _describe(["a", "b", "c", "x"], graph) == "a -> b -> c -> a  (the knot also holds x)"
    assert knots({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_every_import_form_is_an_edge(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from .a import x\n",
        "a.py": "from . import b\nx = 1\n",
        "b.py": "import pkg.c\n",
        "c.py": "def f():\n    from .sub import d\n",
        "sub/__init__.py": "",
        "sub/d.py": "from .. import a\nfrom typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..e import y\n",
        "e.py": "from .sub import d\nif TYPE_CHECKING:\n    pass\nelse:\n    import pkg.b\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text)
    graph = import_graph(module_names(pkg))
    assert graph == {
        "pkg": {"pkg.a"},
        "pkg.a": {"pkg.b"},
        "pkg.b": {"pkg.c"},
        "pkg.c": {"pkg.sub.d"},
        "pkg.sub": set(),
        "pkg.sub.d": {"pkg.a"},
        "pkg.e": {"pkg.b", "pkg.sub.d"},
    }
    assert knots(graph) == [["pkg.a", "pkg.b", "pkg.c", "pkg.sub.d"]]
