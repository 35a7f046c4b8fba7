"""Table-driven tests of the TIMEX rule table (analysis/extract/timex/rules.py): one test per rule.

Each rule of ``RULES`` carries its invented example: a sentence, the expression the rule must find
in it, and the TIMEX3 type and value it must normalise to, seen from the publication date
``EXAMPLE_DCT`` (Wednesday 1 February 2023).  The tests are generated from ``RULES.examples()``, so
a new rule brings its own test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis.extract.timex import RULES, engine, find_timexes
from analysis.extract.timex.rules import EXAMPLE_DCT, RELATIVE_UNIT, WEEKEND
from analysis.rules import RuleTable

EXAMPLES = RULES.examples()


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_rule_example(rule, example):
    found = find_timexes(example.text, dct=EXAMPLE_DCT)
    for t in found:
        assert example.text[t.start : t.end] == t.text
    hits = [t for t in found if t.text == example.expect["text"]]
    assert hits, [(t.text, t.rule, t.value) for t in found]
    t = hits[0]
    assert (t.rule, t.type, t.value, t.resolved) == (rule, example.expect["type"], example.expect["value"], True)


def test_the_table_is_a_rule_table_with_an_example_per_rule():
    assert isinstance(RULES, RuleTable) and RULES.column == "timeline.rule"
    assert all(rule.doc and rule.example is not None for rule in RULES)
    assert [name for name, _ in EXAMPLES] == list(RULES.names)


def test_declared_type_is_the_examples_type():
    for rule in RULES:
        # a rule may yield another type for a reading it recognises; its plain example is its own type
        assert rule.type == rule.example.expect["type"], rule.name


def test_examples_are_invented_sentences_of_their_own():
    sentences = [example.text for _, example in EXAMPLES]
    assert len(set(sentences)) == len(sentences)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Prices rose in December.", "December", "XXXX-12"),
        ("He arrived on Friday.", "Friday", "XXXX-WXX-5"),
        ("Sales rose last week.", "last week", "XXXX-WXX"),
        ("The minister resigned yesterday.", "yesterday", "XXXX-XX-XX"),
    ],
)
def test_relative_values_stay_unresolved_without_publication_date(sentence, expression, value):
    hits = [t for t in find_timexes(sentence) if t.text == expression]
    assert hits and (hits[0].value, hits[0].resolved) == (value, False)


def test_precedence_follows_the_table_order():
    # "last weekend" is matched by relative_unit and by weekend with the same extent: the earlier wins
    assert RULES.names.index(RELATIVE_UNIT) < RULES.names.index(WEEKEND)
    [t] = find_timexes("They met last weekend.", dct=EXAMPLE_DCT)
    assert (t.text, t.rule) == ("last weekend", RELATIVE_UNIT)


def test_the_engine_compares_no_rule_name():
    # per-rule special cases are fields of the rule: the driver never branches on a rule's name
    tree = ast.parse(Path(engine.__file__).read_text(encoding="utf-8"))
    names = set(RULES.names)
    compared = [
        node.value
        for cmp in ast.walk(tree)
        if isinstance(cmp, ast.Compare)
        for side in [cmp.left, *cmp.comparators]
        for node in (side.elts if isinstance(side, ast.Tuple | ast.List | ast.Set) else [side])
        if isinstance(node, ast.Constant) and node.value in names
    ]
    assert not compared, compared


def test_fiscal_short_code_alone():
    # the trigger pre-filter reads "FY21" as "fy2" and, since the fix, "fy": the fiscal rule is tried
    assert [t.value for t in find_timexes("In FY21 profits rose.", dct=EXAMPLE_DCT)] == ["2021"]
