"""The house: sub-packages draw the data flow, and imports only point down it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "analysis"
#: Lowest first: a module may import its own layer and the layers before it, never a later one.
LAYERS = ["base", "read", "nlp", "extract", "present", "top"]
#: Top-level modules every layer may use (errors, data files and NLTK resources, frame building, rule
#: tables, and the Protocols of what a stage reads).
BASE = {"errors", "frames", "resources", "rules", "tables"}
#: Long definitions are where rules hide (issue: none over 80 lines).
MAX_FUNCTION_LINES = 80


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in LAYERS:
        return parts[1]
    return "base" if parts[-1] in BASE else "top"


def _modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG.parent).with_suffix("")
        yield ".".join(p for p in rel.parts if p != "__init__"), path


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analysis"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("analysis"))
    known = {m for m, _ in _modules()}
    return {m for m in out if m in known}


@pytest.mark.parametrize(("module", "path"), list(_modules()), ids=[m for m, _ in _modules()])
def test_imports_point_down_the_layers(module, path):
    own = LAYERS.index(_layer(module))
    up = [m for m in _imports(path) if LAYERS.index(_layer(m)) > own]
    assert not up, f"{module} ({_layer(module)}) imports a later layer: {up}"


def test_no_function_over_the_limit():
    long = []
    for module, path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name} ({size} lines)")
    assert not long, long


#: Layers whose modules must import one another at top level (issue 19: present/'s cycles were hidden by
#: imports inside functions).  Other layers may defer an import for start-up time, never to hide a cycle.
TOP_LEVEL_LAYERS = ("present",)


def _module_imports(path: Path) -> tuple[set[str], set[str]]:
    """The package modules ``path`` imports: at module level, and inside functions or classes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    known = {m for m, _ in _modules()}
    top, nested = set(), set()
    for node in ast.walk(tree):
        names = set()
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analysis"):
            subs = {f"{node.module}.{a.name}" for a in node.names} & known
            # "from package import submodule" needs the submodule; any other name needs the package
            names = subs | ({node.module} if len(subs) < len(node.names) else set())
        elif isinstance(node, ast.Import):
            names = {a.name for a in node.names if a.name.startswith("analysis")}
        (top if node in tree.body else nested).update(m for m in names if m in known)
    return top, nested


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle of ``graph`` as a list of modules, or None."""
    state: dict[str, int] = {}

    def visit(m: str, trail: list[str]) -> list[str] | None:
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return [*trail, m, n]
            if n not in state and (found := visit(n, [*trail, m])):
                return found
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m, [])):
            return found
    return None


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_cycle_inside_a_layer(layer):
    """Within a layer the modules form a tree of imports, counting imports inside functions too."""
    mods = {m: p for m, p in _modules() if _layer(m) == layer}
    graph = {}
    for module, path in mods.items():
        top, nested = _module_imports(path)
        graph[module] = {m for m in top | nested if m in mods and m != module}
    cycle = _cycle(graph)
    assert cycle is None, f"import cycle in {layer}/: {' -> '.join(cycle)}"


@pytest.mark.parametrize("layer", TOP_LEVEL_LAYERS)
def test_layer_modules_import_at_top_level(layer):
    late = []
    for module, path in _modules():
        if _layer(module) == layer:
            late += [f"{module} -> {m}" for m in _module_imports(path)[1] if _layer(m) == layer]
    assert not late, f"imports inside functions (a cycle hidden at run time): {late}"


def test_no_private_name_imported_across_modules():
    """A name starting with ``_`` stays in its module (shared helpers are public in their owner)."""
    private = []
    for module, path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis"):
                private += [f"{module}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    assert not private, private
