"""The quote rule tables (analysis/extract/quotes/rules.py): one generated test per rule, from the invented
example each rule carries; every value of ``rule``, ``speaker_rule`` and ``mark_rule`` is declared and
never compared as a string literal; the table's contract columns.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from analysis.extract import quotes as quotes_pkg
from analysis.extract.quotes import (
    MARK_RULES,
    QUOTE_COLUMNS,
    QUOTE_RULES,
    RULE_PREFIXES,
    SPEAKER_RULES,
    base_rule,
    base_speaker_rule,
    extract_quotes,
)
from tests.builders import quotes_of
from tests.conftest import assert_offsets, only_row

# -- the table's contract --------------------------------------------------------------------------


def test_contract_columns_and_offsets(nato):
    q = nato.quotes
    assert list(q.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    assert {"rule", "speaker_rule", "mark_rule"} <= set(q.columns)
    assert_offsets(nato.text, q)
    for a, b, t in q[["speaker_start", "speaker_end", "speaker_text"]].dropna().itertuples(index=False):
        assert nato.text[a:b] == t
    assert q["kind"].isin(["direct", "partial", "indirect"]).all()
    assert q["quote_id"].is_unique


def test_empty_input_returns_columns():
    empty = pd.DataFrame(columns=["sentence_id", "block_id", "kind", "start", "end", "text"])
    q = extract_quotes("", empty, pd.DataFrame())
    assert list(q.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS and q.empty


# -- the rule tables: one test per rule, generated from the example each rule carries ----------------

TABLES = {"rule": QUOTE_RULES, "speaker_rule": SPEAKER_RULES, "mark_rule": MARK_RULES}
EXAMPLES = [(column, name, ex) for column, table in TABLES.items() for name, ex in table.examples()]
#: Rules no invented text reaches through the real stages (none).
WITHOUT_EXAMPLE: set[str] = set()


@pytest.mark.parametrize(("column", "name", "example"), EXAMPLES, ids=[f"{c}: {n}" for c, n, _ in EXAMPLES])
def test_rule_example(column, name, example):
    """The rule's invented example, run through the real stages up to the quotes, yields the row it promises."""
    text = example.text
    q = quotes_of(text)
    expect = dict(example.expect)
    value = expect.pop(column, name)  # the value written in the column (a composed one for some rules)
    rows = q[q[column] == value]
    if "text" in expect:
        rows = rows[rows["text"] == expect.pop("text")]
    assert len(rows) == 1, q[["kind", "text", "speaker", "rule", "speaker_rule", "mark_rule"]].values.tolist()
    row = rows.iloc[0]
    for key, want in expect.items():
        assert (pd.isna(row[key]) if want is None else row[key] == want), (key, row[key], want)
    assert text[row["start"] : row["end"]] == row["text"]
    if not pd.isna(row["speaker_start"]):
        assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker_text"]


def test_every_rule_has_an_example():
    missing = {r.name for table in TABLES.values() for r in table if r.example is None}
    assert missing == WITHOUT_EXAMPLE


@pytest.mark.parametrize(
    ("text", "quote", "rule"),
    [
        # composed values: a quote inside a cue's clause, a participle cue
        ("The port reopened, a “historic step,” Dana Korvel said.", "historic step,", "inside quote then cue"),
        ("Dana Korvel spoke on Monday, saying the port would reopen.", "the port would reopen.", "participle cue then clause"),
    ],
)
def test_composed_rule_values(text, quote, rule):
    row = only_row(quotes_of(text), quote)
    assert row["rule"] == rule and base_rule(rule) in QUOTE_RULES


def test_rule_column_values_are_declared(nato):
    texts = [ex.text for _, _, ex in EXAMPLES]
    frames = [nato.quotes, *(quotes_of(t) for t in texts)]
    for column, base in (("rule", base_rule), ("speaker_rule", base_speaker_rule), ("mark_rule", str)):
        values = set().union(*(set(f[column].dropna()) for f in frames))
        assert {base(v) for v in values} <= set(TABLES[column].names), column


def _compared_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """String literals compared with something (``==``, ``!=``, ``in``) or tested as a prefix or suffix."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            parts = [node.left, *node.comparators]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
            "startswith", "endswith", "removeprefix", "removesuffix"
        ):
            parts = list(node.args)
        else:
            continue
        for part in parts:
            elts = part.elts if isinstance(part, ast.Tuple | ast.List | ast.Set) else [part]
            out += [(node.lineno, e.value) for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return out


def test_rule_names_are_not_compared_as_literals():
    """Code names a rule by its declaration, never by comparing a string literal with a rule value."""
    root = Path(quotes_pkg.__file__).parent
    names = {r.name for table in TABLES.values() for r in table}
    paths = [*sorted(root.glob("*.py")), root.parents[1] / "nlp" / "identity.py"]  # the actor link reads them too
    hits = [
        f"{path.name}:{lineno}: {literal!r}"
        for path in paths
        for lineno, literal in _compared_literals(ast.parse(path.read_text(encoding="utf-8")))
        if literal in names or any(literal.startswith(p) for p in RULE_PREFIXES)
    ]
    assert not hits, hits
