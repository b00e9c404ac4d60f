"""The package's import graph: no circle, so every module can be read, tested and
changed with only the modules below it in mind.

Every `import` statement counts, including those inside functions (imported late for
start-up speed) and under TYPE_CHECKING: a late import is still a dependency."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import reviewlint

PACKAGE = Path(reviewlint.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _target(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours an imported dotted name refers to (the longest known prefix)."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


@cache
def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (computed once per test run)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                names = [f"{base}.{alias.name}" for alias in node.names] or [base]
            for imported in names:
                target = _target(imported, modules)
                if target is not None and target != name:
                    graph[name].add(target)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
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
    return found


def test_the_graph_sees_late_and_relative_imports() -> None:
    graph = import_graph()
    assert "reviewlint.lint" in graph["reviewlint.engine"]
    assert "reviewlint.rules._core" in graph["reviewlint.rules.load"]
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circle() -> None:
    graph = import_graph()
    assert circles(graph) == []


def test_lower_layers_never_import_upper_ones() -> None:
    """The layers of DESIGN.md: what holds settings, documents, rules and results never
    reaches up to the engine, the config files, the API or the command line."""
    graph = import_graph()
    upper = {"reviewlint", "reviewlint.cli", "reviewlint.engine", "reviewlint.config", "reviewlint.api"}
    upper |= {name for name in graph if name.startswith(("reviewlint.commands", "reviewlint.server"))}
    lower = {"reviewlint.codes", "reviewlint.diagnostics", "reviewlint.lines", "reviewlint.words",
             "reviewlint.errors", "reviewlint.settings", "reviewlint.results", "reviewlint.lint",
             "reviewlint.runner", "reviewlint.suppress", "reviewlint.schema", "reviewlint.cache"}
    lower |= {name for name in graph if name.startswith(("reviewlint.document", "reviewlint.rules"))}
    upward = sorted((low, high) for low in lower for high in graph[low] if high in upper)
    assert upward == []


def test_no_test_imports_from_the_commands() -> None:
    """What a test needs is in the package's API: the commands only parse, call and print."""
    offenders = []
    for path in sorted(Path(__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}:{node.lineno}" for name in names if name.startswith("reviewlint.commands")]
    assert offenders == []


def test_no_module_imports_the_api_package_from_inside() -> None:
    """`reviewlint/__init__.py` is the top of the graph (the public API): a module that
    imports it (for `__version__`, say) reaches up through every layer at once."""
    graph = import_graph()
    assert sorted(name for name, imported in graph.items() if "reviewlint" in imported) == []
