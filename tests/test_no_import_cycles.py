"""No import cycles in pipeline/, extractors/, flows/ or web/: the code reads one way, from the
plain steps up to the command line and the web app.

The graph is read from the source with `ast`: every `import` and `from ... import`, also those
inside functions (a late import hides a cycle, it does not remove it), but not those under
`if TYPE_CHECKING:` (never run). `from package import name` points at the submodule when `name`
is one, else at the package. A cycle fails the test with its modules in order.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "extractors", "flows", "web")


def module_files() -> dict[str, Path]:
    """Module name -> source file, for every module of the packages (migrations included)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of `name` that is one of our modules (`a.b.func` -> `a.b`)."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in modules:
            return ".".join(parts[:end])
    return None


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every import node, skipping the bodies of `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ours that `name` imports, anywhere in its source."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:  # relative: from the module's package, one level up per extra dot
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[:len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        found.update(t for t in map(lambda target: _known(target, modules), targets) if t and t != name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every distinct cycle, each as the shortest path from a module back to itself (a -> b -> a)."""
    found, seen = [], set()
    for start in sorted(graph):
        path = shortest_cycle(start, graph)
        if path and frozenset(path) not in seen:
            seen.add(frozenset(path))
            found.append(path)
    return found


def shortest_cycle(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """Breadth-first from `start` until an import leads back to it."""
    came_from: dict[str, str | None] = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node]):
            if child == start:
                path = [node]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    return None


def test_the_graph_sees_late_imports_and_names_a_cycle(tmp_path):
    modules = {"a": Path("a.py"), "a.b": Path("a/b.py"), "c": Path("c.py")}
    assert cycles({"a": {"a.b"}, "a.b": {"c"}, "c": {"a"}}) == [["a", "a.b", "c", "a"]]
    assert cycles({"a": {"a.b"}, "a.b": set(), "c": {"a"}}) == []
    probe = tmp_path / "x.py"
    probe.write_text("def f():\n    from a import b\nif TYPE_CHECKING:\n    import c\n", encoding="utf-8")
    assert imports_of("x", probe, modules) == {"a.b"}  # the late import counts; TYPE_CHECKING's does not
    assert "flows.cli.output" in import_graph()["flows.cli.records"]


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)
