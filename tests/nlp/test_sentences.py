"""Sentence segmentation (analysis/nlp/sentences.py): news abbreviations, closing quotes, blocks."""

from __future__ import annotations

import pytest

from analysis.nlp.sentences import split_sentences, split_spans
from tests.builders import blocks_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Jan. 31, the minister spoke. Then he left.", ["On Jan. 31, the minister spoke.", "Then he left."]),
        ("Gov. Hochul met U.S. officials. They agreed.", ["Gov. Hochul met U.S. officials.", "They agreed."]),
        ("He said: “We will win.” She disagreed.", ["He said: “We will win.”", "She disagreed."]),
        ('"It is over." The crowd left.', ['"It is over."', "The crowd left."]),
        ("“Who could say no?” said the mayor. He left.", ["“Who could say no?” said the mayor.", "He left."]),
        ("It was 6:20 p.m. in Tokyo when Mr. Sato arrived.", ["It was 6:20 p.m. in Tokyo when Mr. Sato arrived."]),
        ("Envoy Mary Q. Varnet arrived. Talks began.", ["Envoy Mary Q. Varnet arrived.", "Talks began."]),
        ("They chose Plan B. Talks began.", ["They chose Plan B.", "Talks began."]),
    ],
)
def test_split_spans(text, expected):
    assert [text[a:b] for a, b in split_spans(text)] == expected


def test_sentence_never_crosses_a_block():
    text = "A headline without a stop\nThe first paragraph ends here without a full stop\nNext one."
    blocks = blocks_of(text, layout="auto")
    for row in split_sentences(text, blocks).itertuples():
        block = blocks.loc[blocks["block_id"] == row.block_id].iloc[0]
        assert block.start <= row.start and row.end <= block.end
