"""The house: sub-packages draw the data flow, and imports only point down it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "analysis"
#: Lowest first: a module may import its own layer and the layers before it, never a later one.
LAYERS = ["base", "read", "nlp", "extract", "present", "top"]
#: Top-level modules every layer may use (errors, data files and NLTK resources, frame building).
BASE = {"errors", "frames", "resources", "rules"}
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
