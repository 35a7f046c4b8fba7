"""Speech without quote marks (analysis/extract/quotes/unmarked.py, turns.py): colon-introduced speech,
readout forms, dash-signed paragraphs, delivered speeches and transcript turns, on invented pages.
"""

from __future__ import annotations

import shutil

import pytest

from analysis import load_article
from tests.builders import quotes_of
from tests.conftest import PAGES, assert_offsets

# --- page styles that report speech without quote marks ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "opening", "speaker", "rule"),
    [
        # "X said:" then paragraphs of speech without marks, until narration takes over again
        ("uk_gov_colon_speech.txt", "direct", "Our rivers are the lifeblood", "Priya Lambert", "colon-introduced speech"),
        ("uk_gov_colon_speech.txt", "direct", "That is why we are doubling", "Priya Lambert", "colon-introduced speech"),
        ("uk_gov_colon_speech.txt", "direct", "We welcome this funding", "Daniel Okafor", "colon-introduced speech"),
        # numbered readout items: two contents after "stated that A, and that B"; "expressed his intention to"
        ("ministry_readout.txt", "indirect", "the two countries share", "Kawada", None),
        ("ministry_readout.txt", "indirect", "cooperation between them", "Kawada", None),
        ("ministry_readout.txt", "indirect", "visit Estovia within the year", "Kawada", "readout form"),
        # pull quote without marks signed on the next line with a description, named later in the text
        ("pull_quote_page.txt", "direct", "We have lost everything.", "Lucia Ferrante", "dash-signed paragraph"),
        # a speaker label with a party tag before the quote
        ("pull_quote_page.txt", "direct", "We will rebuild every bridge", "Paolo Greco", None),
        ("pull_quote_page.txt", "direct", "The valleys need a warning system", "Helen Marsh", None),
        # tokenised copy: spaced straight marks pair
        ("tokenised_copy.txt", "partial", "a win for farmers and for workers .", None, None),
        ("tokenised_copy.txt", "direct", "This agreement opens markets", "Ruth Collins", None),
    ],
)
def test_unmarked_and_page_style_quotes(name, kind, opening, speaker, rule):
    art = load_article(PAGES / name)
    q = art.quotes
    rows = q[q["text"].str.startswith(opening)]
    assert len(rows) == 1, q[["kind", "text", "speaker"]]
    row = rows.iloc[0]
    assert row["kind"] == kind
    if speaker is not None:
        assert speaker in str(row["speaker"])
    if rule is not None:
        assert row["rule"] == rule
    assert_offsets(art.text, q)


def test_colon_speech_stops_at_narration():
    art = load_article(PAGES / "uk_gov_colon_speech.txt")
    q = art.quotes
    narration = q[q["text"].str.startswith("The first grants")]
    assert narration.empty or (narration["rule"] != "colon-introduced speech").all()
    speech = q[q["rule"] == "colon-introduced speech"]
    # the two paragraphs of one introduction are one quotation
    assert speech["quotation_id"].nunique() == 2


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("The Foreign Minister expressed concern that the border talks had stalled for months.",
         "the border talks had stalled for months.", "The Foreign Minister"),
        ("Both ministers shared the view that trade between the two countries should grow.",
         "trade between the two countries should grow.", "Both ministers"),
        ("The Prime Minister expressed his hope to visit the region next spring.",
         "visit the region next spring.", "The Prime Minister"),
    ],
)
def test_readout_forms(sentence, content, speaker):
    quotes = quotes_of("Readout of the meeting\nMarch 3, 2024\n" + sentence + "\n", layout="auto")
    rows = quotes[quotes["text"] == content]
    assert len(rows) == 1, quotes[["text", "rule"]]
    assert (rows["kind"].item(), rows["speaker"].item(), rows["rule"].item()) == ("indirect", speaker, "readout form")


def test_readout_noun_object_is_no_content():
    text = "Readout of the meeting\nMarch 3, 2024\nThe Secretary reaffirmed the commitment to the alliance.\n"
    assert not (quotes_of(text, layout="auto")["rule"] == "readout form").any()


def test_a_colon_after_a_long_clause_introduces_no_speech():
    text = (
        "Council seeks answers on contracts\nMarch 3, 2024\n"
        "The committee wanted to question several officials about the contracts, including:\n\n"
        "the finance director, two of her deputies and the head of procurement at the council.\n"
    )
    assert not (quotes_of(text, layout="auto")["rule"] == "colon-introduced speech").any()


def test_readout_at_the_very_start_of_the_text_keeps_the_whole_speaker():
    text = "Ms. Jane Roe expressed her hope that the talks would resume.\n"
    quotes = quotes_of(text)
    rows = quotes[quotes["rule"] == "readout form"]
    assert len(rows) == 1, quotes[["text", "rule", "speaker_text"]]
    assert rows["speaker_text"].item().endswith("Jane Roe")
    assert text[rows["speaker_start"].item() : rows["speaker_end"].item()] == rows["speaker_text"].item()


def test_a_delivered_speech_is_its_speaker_from_first_paragraph_to_last():
    art = load_article(PAGES / "delivered_remarks.txt")
    q = art.quotes
    body = art.blocks[art.blocks["kind"] == "body"]
    assert (q["rule"] == "delivered speech").all() and (q["kind"] == "direct").all()
    assert len(q) == len(body)  # one row per paragraph, nothing inside them read again
    assert set(q["speaker"]) == {"Dana Korvel"}
    a, b = int(q["speaker_start"].iloc[0]), int(q["speaker_end"].iloc[0])
    assert art.text[a:b] == "Dana Korvel"  # the name in the line that gives the speech
    speaker = art.actors.set_index("actor").loc["Dana Korvel"]
    assert speaker["actor_type"] == "person" and speaker["quotes"] == len(q)
    assert_offsets(art.text, q)


def test_a_reporters_byline_makes_no_speech():
    art = load_article(PAGES / "reporter_news.txt")
    assert not (art.quotes["rule"] == "delivered speech").any()
    assert "Omar Haddad" not in set(art.quotes["speaker"].dropna())


def test_a_transcript_is_one_row_per_turn():
    art = load_article(PAGES / "briefing_transcript.txt")
    q = art.quotes
    assert (q["rule"] == "transcript turn").all() and (q["kind"] == "direct").all()
    assert q["speaker"].tolist() == ["Moderator", "Dana Korvel", "(questioner)", "Dana Korvel", "Moderator"]
    # the chair's first turn goes on in the next paragraph; the stage note goes on the second
    assert [len(f) for f in q["fragments"]] == [1, 2, 1, 2, 1]
    asked = q[q["speaker"] == "(questioner)"].iloc[0]
    assert list(asked["speaker_ids"]) == [] and asked["quote_id"] not in set(art.quote_speakers["quote_id"])
    assert art.actors.set_index("actor").loc["Dana Korvel", "quotes"] == 2
    assert_offsets(art.text, q)


def test_the_questioner_is_in_no_speaker_share(tmp_path):
    from analysis import load_corpus

    shutil.copy(PAGES / "briefing_transcript.txt", tmp_path / "briefing.txt")
    share = load_corpus(tmp_path, scheduler="synchronous", progress=False).speaker_share()
    assert "(questioner)" not in set(share["speaker"])
    assert share.set_index("speaker").loc["Dana Korvel", "quotes"] == 2
