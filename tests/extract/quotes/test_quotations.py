"""The quotes table (analysis/extract/quotes/table.py): one row per attribution with its fragments,
quotation ids across an interruption, speakers carried over to uncued quotes.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.builders import quotes_of
from tests.conftest import only_row


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        # “A,” X said. “B.”: one quotation interrupted by its cue
        ("“We won,” Jane Doe said. “They lost.”", ["We won,", "They lost."]),
        ("“Who won?” Jane Doe asked. “Nobody did.”", ["Who won?", "Nobody did."]),
        # "A, X said, B": a reported clause interrupted by its cue, both parts clauses
        (
            "The port will reopen, Jane Doe said, once the storm has passed.",
            ["The port will reopen", "once the storm has passed."],
        ),
    ],
)
def test_an_interrupted_quotation_is_one_row(text, fragments):
    # one cue, one speaker, one content: one attribution, its parts the row's fragments
    q = quotes_of(text)
    row = only_row(q, fragments[0])  # the row's own span is its first fragment
    assert len(q) == 1 and row["speaker"] == "Jane Doe"
    assert [text[a:b] for a, b in row["fragments"]] == fragments
    assert row["quotation_id"] == row["quote_id"]


def holding(q, text: str, words: str) -> dict:
    """The one row among whose fragments ``words`` stand."""
    rows = [r for r in q.to_dict("records") if any(text[a:b] == words for a, b in r["fragments"])]
    assert len(rows) == 1, (words, q[["kind", "text", "fragments"]].values.tolist())
    return rows[0]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # another speaker's quotation between: two quotations
        ("“We won,” Jane Doe said. “Fine,” Omar Haddad said. “They lost.”", "We won,", "They lost."),
        # the cue precedes the first quote: no interruption
        ("Jane Doe said: “We won.” Omar Haddad arrived later. “They lost.”", "We won.", "They lost."),
        # a new paragraph starts a new quotation
        ("“We won,” Jane Doe said.\n\n“They lost.”", "We won,", "They lost."),
        # "A, X said, adding that B": a participle opens its own report
        ("The plan failed, Jane Doe said, adding that the vote was close.", "The plan failed", "the vote was close."),
    ],
)
def test_separate_quotations_keep_their_own_id(text, first, second):
    q = quotes_of(text)
    assert holding(q, text, first)["quotation_id"] != holding(q, text, second)["quotation_id"]


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        # one sentence, two quoted stretches of one attribution: one row, both its fragments
        ("“We won,” Jane Doe said, “and they lost.”", ["We won,", "and they lost."]),
        ("“We won,” Jane Doe said, but “the count goes on.”", ["We won,", "the count goes on."]),
        ("Jane Doe called the plan “reckless” and “far too costly.”", ["reckless", "far too costly."]),
        # a quotation running over paragraphs (no closing mark before the next one opens)
        ("Jane Doe said: “We won the vote.\n\n“Now we govern.”", ["We won the vote.", "Now we govern."]),
    ],
)
def test_one_row_per_attribution_with_its_fragments(text, fragments):
    q = quotes_of(text)
    assert len(q) == 1, q[["kind", "text", "rule"]].values.tolist()
    row = q.iloc[0]
    assert [text[a:b] for a, b in row["fragments"]] == fragments
    assert row["text"] == text[row["start"] : row["end"]]


def test_partial_row_keeps_its_reported_clause():
    """Quoted words inside reported speech: one ``partial`` row, the words its text, the clause kept."""
    text = "Jane Doe warned that the plan was “far too costly” for the town."
    q = quotes_of(text)
    assert len(q) == 1
    row = q.iloc[0]
    assert (row["kind"], row["text"]) == ("partial", "far too costly")
    assert text[row["clause_start"] : row["clause_end"]] == "the plan was “far too costly” for the town."


def test_uncued_quote_inherits_previous_speaker():
    text = "“We will win,” Jane Doe said.\n\n“The vote is ours.”\n\nThe weather was fine."
    q = quotes_of(text, pd.DataFrame())
    row = only_row(q, "The vote is ours.")
    assert row["speaker"] == "Jane Doe" and row["speaker_rule"] == "carried over"
    assert pd.isna(row["speaker_start"]) and pd.isna(row["cue"])


def test_multi_paragraph_quote():
    text = "Jane Doe said: “The first part goes on.\n\n“The second part ends here,” she said later."
    q = quotes_of(text)  # "she": the person in focus of the one focus model (the entities' mentions)
    first = only_row(q, "The first part goes on.")
    assert first["mark_rule"] == "unclosed" and first["speaker"] == "Jane Doe"
    assert only_row(q, "The second part ends here,")["speaker"] == "Jane Doe"


def test_a_fronted_subject_is_a_fragment_of_the_clause_after_the_cue():
    # "A, X said, B" where A has no verb of its own: one attribution, one row, A its first fragment
    text = "Climate change, Jane Doe often says, is the greatest threat we face."
    q = quotes_of(text)
    row = only_row(q, "is the greatest threat we face.")
    assert len(q) == 1 and row["speaker"] == "Jane Doe"
    assert [text[a:b] for a, b in row["fragments"]] == ["Climate change", "is the greatest threat we face."]
    # a fronted phrase with no clause after the cue is no quote at all
    assert quotes_of("The new terminal, Jane Doe said. The ferries ran on time.").empty
    # nor is one before an inverted cue ("…, said X"), where a naming verb is often read as a cue;
    # a clause there stays a quote
    assert quotes_of("The harbour group, called Quay Watch, has run the ferry since 1999.").empty
    row = only_row(quotes_of("The ferry will run all winter, said Jane Doe."), "The ferry will run all winter")
    assert row["speaker"] == "Jane Doe" and row["rule"] == "inverted"
