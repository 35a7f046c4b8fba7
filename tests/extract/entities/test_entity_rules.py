"""The entity rule tables: one generated test per rule, from the invented example kept in its table, and
the checks that every value of ``entities.rule`` and ``entities.how`` is declared and never compared as
a string literal.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis.extract import entities
from analysis.extract.entities import LINK_RULES, RUN_TYPING_RULES, entity_rules
from analysis.nlp import coref, mention
from analysis.nlp.mention import HOW_KINDS
from tests.builders import entities_of
from tests.conftest import PAGES, assert_offsets

# -- the rule tables: one test per rule, from the example kept in the table ----------------------


def _table_examples():
    for table in (RUN_TYPING_RULES, LINK_RULES, HOW_KINDS):
        for name, example in table.examples():
            yield pytest.param(example, id=f"{table.column}:{name}")


@pytest.mark.parametrize("example", list(_table_examples()))
def test_rule_example(example):
    """The example's text, through the real stages up to the entities, yields the mention the rule's table promises."""
    ents = entities_of(example.text)
    assert_offsets(example.text, ents)
    expect = dict(example.expect)
    if "absent" in expect:  # a rule whose mention names no actor: the row is dropped
        assert expect["absent"] not in set(ents["text"])
        return
    rows = ents[ents["text"] == expect.pop("text")].to_dict("records")
    assert any(all(row[k] == v for k, v in expect.items()) for row in rows), (expect, rows)


def test_every_rule_has_an_example():
    for table in (RUN_TYPING_RULES, LINK_RULES, HOW_KINDS):
        assert {name for name, _ in table.examples()} == set(table.names), table.column


def test_rule_columns_are_declared_once():
    """``entity_rules()`` lists every value the column takes, typing rules first; the tables share none."""
    typing = {rule.column for rule in RUN_TYPING_RULES}
    assert not typing & set(LINK_RULES.names)
    assert list(entity_rules()) == [*dict.fromkeys(rule.column for rule in RUN_TYPING_RULES), *LINK_RULES.names]


def _literal_strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [v for elt in node.elts for v in _literal_strings(elt)]
    return []


def test_no_rule_name_is_compared_as_a_string_literal():
    """Code compares rule and mention-kind names through constants or rule fields, never literals."""
    names = set(entity_rules()) | set(HOW_KINDS.names)
    package = Path(entities.__file__).parent
    files = [*sorted(package.glob("*.py")), Path(coref.__file__), Path(mention.__file__)]
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                hits = {v for side in (node.left, *node.comparators) for v in _literal_strings(side)} & names
                found += [f"{path.name}:{node.lineno} {sorted(hits)}"] if hits else []
    assert not found, found


def test_run_rule_names_an_entity_row():
    ents = entities_of("The plan will work, Helen Ostrava said on Monday.")
    row = ents[ents["text"] == "Helen Ostrava"].iloc[0]
    assert (row["actor_type"], row["rule"]) == ("person", "first_name")


def test_every_entity_rule_value_is_declared():
    from analysis import load_article

    declared = entity_rules()
    seen = set()
    for path in sorted(PAGES.glob("*.txt")):
        seen |= set(load_article(path).entities["rule"])
    assert seen, "the fixtures give entities"
    assert seen <= set(declared), seen - set(declared)
