"""The house: sub-packages draw the data flow, and imports only point down it."""

from __future__ import annotations

import ast
import re
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
#: One module per concern (issue 19: no module over ~600 lines).
MAX_MODULE_LINES = 600


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


def test_no_module_over_the_limit():
    long = [f"{m} ({n} lines)" for m, p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, long


def test_every_module_says_what_it_decides():
    """Each module opens with a docstring: what it decides and what it reads (issue 19)."""
    bare = [m for m, p in _modules() if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not bare, bare


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


#: Names in code that hold a rule column's value (``m.rule``, ``row.how``, ``speaker_rule``, ``anchor``).
_RULE_HOLDER = re.compile(r"(?:^|_)(?:rule|rules|how|anchor)$")


def _declared_rule_names() -> set[str]:
    """Every value a rule column can take, from the tables that declare them (issue 19)."""
    from analysis.extract import entities, quotes, timex
    from analysis.extract.identities import rules as identity_rules
    from analysis.nlp.mention import HOW_KINDS
    from analysis.read.layout import block_rules

    tables = [quotes.QUOTE_RULES, quotes.SPEAKER_RULES, quotes.MARK_RULES, timex.RULES, identity_rules.LINK_RULES]
    names = {name for table in [*tables, HOW_KINDS, block_rules()] for name in table.names}
    names |= set(entities.entity_rules())
    return {n for n in names if isinstance(n, str) and n}


def _holds_rule(node: ast.AST) -> bool:
    for n in ast.walk(node):
        name = n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute) else None
        if name is None and isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Constant):
            name = n.slice.value if isinstance(n.slice.value, str) else None
        if name and _RULE_HOLDER.search(name):
            return True
    return False


def _literals(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return set()


def test_no_rule_name_compared_as_a_string_literal():
    """Rule names are constants of their table, never literals compared in code (issue 19)."""
    declared = _declared_rule_names()
    found = []
    for module, path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            pairs = []
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                pairs = [(s, o) for s in sides for o in sides if s is not o]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
                if node.func.attr in ("startswith", "endswith", "removeprefix", "removesuffix"):
                    pairs = [(node.func.value, node.args[0])]
            for holder, other in pairs:
                hits = {lit for lit in _literals(other) if lit in declared or lit.strip() in declared}
                if hits and _holds_rule(holder) and not _literals(holder):
                    found.append(f"{module}:{node.lineno}: {sorted(hits)}")
    assert not found, found
