"""Tests for analysis/extract/quotes/: quote-mark pairing, cues, kinds and speaker resolution."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import Article, load_article
from analysis.extract import quotes as quotes_pkg
from analysis.extract.quotes import (
    MARK_RULES,
    QUOTE_COLUMNS,
    QUOTE_RULES,
    RULE_PREFIXES,
    SPEAKER_RULES,
    base_rule,
    base_speaker_rule,
    cues,
    extract_quotes,
    lexicon,
    objects,
    pair_quote_marks,
    phrases,
)
from analysis.nlp.tokens import tokenize
from tests.conftest import PAGES, assert_offsets


def quotes_of(text: str, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Run the real pipeline (layout, sentences, tokens, entities) on a plain text."""
    art = Article.from_text(text, layout="plain")
    if entities is None:
        return art.quotes
    return extract_quotes(art.text, art.story_sentences, entities)


def _row(df: pd.DataFrame, text: str) -> pd.Series:
    hits = df[df["text"] == text]
    assert len(hits) == 1, (text, df[["kind", "text"]].values.tolist())
    return hits.iloc[0]


# -- the shipped article against its hand annotation ------------------------------------------------


def test_contract_columns_and_offsets(nato):
    q = nato.quotes
    assert list(q.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    assert {"rule", "speaker_rule", "mark_rule"} <= set(q.columns)
    assert_offsets(nato.text, q)
    for a, b, t in q[["speaker_start", "speaker_end", "speaker_text"]].dropna().itertuples(index=False):
        assert nato.text[a:b] == t
    assert q["kind"].isin(["direct", "partial", "indirect"]).all()
    assert q["quote_id"].is_unique


def gold_attributions(gold: dict) -> list[dict]:
    """The hand annotation's attributions: each gold quote, except that an indirect clause holding a
    partial quote of the same cue and speaker is that partial's clause (one attribution, one row)."""
    quotes = gold["quotes"]

    def holds(o: dict, g: dict) -> bool:
        same = (o["cue"], o["speaker"], o["kind"], g["kind"]) == (g["cue"], g["speaker"], "indirect", "partial")
        return same and o["span"][0] <= g["span"][0] and g["span"][1] <= o["span"][1]

    out = []
    for g in quotes:
        if any(holds(g, p) for p in quotes):
            continue  # the clause of a partial quote below
        clause = next((o["span"] for o in quotes if holds(o, g)), None)
        out.append({**g, "clause": clause})
    return out


def match_attributions(q: pd.DataFrame, attributions: list[dict]) -> dict[int, int]:
    """``{attribution index: row position}``: same kind, overlap >= half the gold span, one-to-one."""
    pairs: dict[int, int] = {}
    for gi, g in enumerate(attributions):
        a, b = g["span"]
        overlap = (q["end"].clip(upper=b) - q["start"].clip(lower=a)).clip(lower=0)
        cands = [i for i in range(len(q)) if overlap.iloc[i] >= (b - a) / 2 and q["kind"].iloc[i] == g["kind"]]
        free = [i for i in cands if i not in pairs.values()]
        if free:
            pairs[gi] = free[0]
    return pairs


def test_shipped_rows_are_the_gold_attributions(nato, gold):
    """One row per attribution: every row is a gold attribution (precision 1) and every attribution
    has its row (recall 1), with the speaker the annotation gives (or one of its alternatives); a
    partial row carries the reported clause the annotation gives."""
    q, attributions = nato.quotes, gold_attributions(gold)
    pairs = match_attributions(q, attributions)
    missed = [g["text"][:50] for gi, g in enumerate(attributions) if gi not in pairs]
    extra = [q["text"].iloc[i][:50] for i in range(len(q)) if i not in pairs.values()]
    assert not missed and not extra, (missed, extra)
    for gi, i in pairs.items():
        g, row = attributions[gi], q.iloc[i]
        assert row["speaker"] in {g["speaker"], *g.get("speaker_alternatives", [])}, (g["text"][:40], row["speaker"])
        if g["clause"] is not None:
            a, b = g["clause"]
            assert row["clause_start"] <= a + 2 and row["clause_end"] >= b - 2, (g["text"][:40], row["clause_start"])


def test_shipped_speaker_counts_are_attributions(nato, gold):
    """``actors.quotes`` counts attributions: for each gold speaker, the attributions whose row names
    them (a joint row counts for each speaker), nothing twice."""
    q, attributions = nato.quotes, gold_attributions(gold)
    pairs = match_attributions(q, attributions)
    counts = nato.actors.set_index("actor")["quotes"]
    for speaker in {g["speaker"] for g in attributions}:
        if speaker not in counts.index:
            continue
        named = sum(speaker in q["speaker"].iloc[i].split("; ") for i in pairs.values())
        assert counts[speaker] == named, (speaker, counts[speaker], named)


def test_shipped_article_speaker_mentions(nato, gold):
    """speaker_text is the mention in the sentence itself (a pronoun, a surname, "the statement"), or
    null when the speaker is carried over."""
    q, attributions = nato.quotes, gold_attributions(gold)
    for gi, i in match_attributions(q, attributions).items():
        g, row = attributions[gi], q.iloc[i]
        if g["speaker_mention"] is None:
            assert pd.isna(row["speaker_start"]) and row["speaker_rule"] == "carried over"
        elif len(g["speaker_mention"].split()) == 1 or g["speaker_mention"].lower() == "the statement":
            assert row["speaker_text"] == g["speaker_mention"]


def test_heading_scare_quotes_are_not_speech(nato):
    headings = nato.story_sentences[nato.story_sentences["kind"] == "heading"]
    assert len(headings)
    q = nato.quotes
    for a, b in headings[["start", "end"]].itertuples(index=False):
        assert not ((q["start"] < b) & (q["end"] > a)).any()


# -- quote-mark pairing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “yes” and “no.”", ["yes", "no."]),
        ('He said "yes" and "no."', ["yes", "no."]),
        ('He said “yes" and "no”.', ["yes", "no"]),  # curly and straight mixed
        ("“It’s Japan’s ‘moment’ now,” she said.", ["It’s Japan’s ‘moment’ now,"]),  # nested single
        ("The leaders’ talks ended. “We agreed,” he said.", ["We agreed,"]),  # plural possessive
        ("“This never closes", ["This never closes"]),  # unclosed final quote
        ("“One” and “two” and “three", ["One", "two", "three"]),  # odd number of marks
        ("He called it ‘historic’ today.", ["historic"]),  # top-level single quotes
        ("It was the ’90s and rock ’n’ roll.", []),  # apostrophes only
        ("Then he said, ''We won.''", ["We won."]),  # doubled apostrophes as marks
        ("“Stray” close” then “fine.”", ["Stray", "fine."]),  # a stray closer
    ],
)
def test_pair_quote_marks(text, expected):
    assert [text[q.inner_start : q.inner_end] for q in pair_quote_marks(text)] == expected


def test_unbalanced_paragraph_does_not_shift_later_pairing():
    text = "“First paragraph never closes, he said.\n\nThen “a fine quote” here, she said."
    q = quotes_of(text)
    assert "a fine quote" in q["text"].tolist()


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "”",
        "“ ” ‘ ’ ' \" '' ``",
        "He said: “",
        "according to",
        "said said said.",
        "“A” “B” “C” “D” “E",
        "They said that.",
    ],
)
def test_never_raises(text):
    q = quotes_of(text)
    assert_offsets(text, q)


# -- cues, kinds and speakers on small texts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "kind", "speaker", "cue"),
    [
        ("“We will win,” Jane Doe said.", "We will win,", "direct", "Jane Doe", "said"),
        ("“We will win,” said Jane Doe.", "We will win,", "direct", "Jane Doe", "said"),
        ("Jane Doe said: “We will win.”", "We will win.", "direct", "Jane Doe", "said"),
        ("Jane Doe told reporters that the plan had failed.", "the plan had failed.", "indirect", "Jane Doe", "told"),
        ("The plan had failed, Jane Doe said.", "The plan had failed", "indirect", "Jane Doe", "said"),
        ("According to Jane Doe, the plan had failed.", "the plan had failed.", "indirect", "Jane Doe", "According to"),
        ("The plan had failed, according to Jane Doe.", "The plan had failed", "indirect", "Jane Doe", "according to"),
        ("Jane Doe warned that it was a “grave error.”", "grave error.", "partial", "Jane Doe", "warned"),
        (
            "Jane Doe, a senior adviser, said the talks were over.",
            "the talks were over.",
            "indirect",
            "Jane Doe",
            "said",
        ),
        (
            "The ministry said in a statement that talks would resume.",
            "talks would resume.",
            "indirect",
            "ministry",
            "said",
        ),
    ],
)
def test_cue_patterns(text, quote, kind, speaker, cue):
    row = _row(quotes_of(text), quote)
    assert (row["kind"], row["speaker"], row["cue"]) == (kind, speaker, cue)
    assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker_text"]


@pytest.mark.parametrize(
    ("text", "quote", "speaker_text"),
    [
        # a capitalised apposition after the noun phrase opening the clause names the speaker
        (
            "The state’s campaign chairman, Jane Doe, said she cannot comment on the letter.",
            "she cannot comment on the letter.",
            "The state’s campaign chairman, Jane Doe",
        ),
        (
            "Senator Jane Doe, Democrat of Ohio, said the program has failed.",
            "the program has failed.",
            "Senator Jane Doe",
        ),
        # a clause right after the cue is its content, not the fronted phrase before the comma
        (
            "As evidence of his record, experts say the cuts would be swamped by other changes.",
            "the cuts would be swamped by other changes.",
            "experts",
        ),
    ],
)
def test_speaker_after_comma(text, quote, speaker_text):
    row = _row(quotes_of(text), quote)
    assert row["speaker_text"] == speaker_text and row["kind"] == "indirect"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # a clause reported by one cue ends where the next cue's clause begins
        (
            "Jane Doe said the plan would fail, though she acknowledged it was popular.",
            "the plan would fail",
            "it was popular.",
        ),
        (
            "Jane Doe said the plan would fail, but Omar Haddad argued that it would pass.",
            "the plan would fail",
            "it would pass.",
        ),
    ],
)
def test_reported_clause_ends_at_the_next_clause(text, first, second):
    q = quotes_of(text)
    assert _row(q, first)["kind"] == "indirect"
    assert _row(q, second)["kind"] == "indirect"


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        # “A,” X said. “B.”: one quotation interrupted by its cue
        ("“We won,” Jane Doe said. “They lost.”", ["We won,", "They lost."]),
        ("“Who won?” Jane Doe asked. “Nobody did.”", ["Who won?", "Nobody did."]),
        # "A, X said, B": a reported clause interrupted by its cue
        (
            "Climate change, Jane Doe often says, is the greatest threat we face.",
            ["Climate change", "is the greatest threat we face."],
        ),
    ],
)
def test_interrupted_quotation_shares_quotation_id(text, fragments):
    q = quotes_of(text)
    rows = [_row(q, f) for f in fragments]
    assert len({r["quotation_id"] for r in rows}) == 1
    assert rows[0]["quotation_id"] == rows[0]["quote_id"]  # the id is the first fragment's quote_id
    assert {r["speaker"] for r in rows} == {"Jane Doe"}


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
    assert _row(q, first)["quotation_id"] != _row(q, second)["quotation_id"]


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


def test_cue_inside_quote_is_not_a_cue():
    q = quotes_of("“They said no,” she added.")
    row = _row(q, "They said no,")
    assert row["cue"] == "added" and row["speaker_text"] == "she"


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "mention", "rule"),
    [
        # a surname resolves to the full name introduced earlier
        (
            "Senator Mary Brandt arrived. Brandt said the bill was dead.",
            "the bill was dead.",
            "Mary Brandt",
            "Brandt",
            "surname",
        ),
        # a pronoun resolves to the person speaker in focus
        (
            "Mary Brandt said the bill was dead. She added that a vote was unlikely.",
            "a vote was unlikely.",
            "Mary Brandt",
            "She",
            "pronoun",
        ),
        # a definite noun phrase resolves to the document introduced with the same head
        (
            "Mary Brandt and Omar Haddad issued a joint statement on Monday. The statement says that the talks will go on.",
            "the talks will go on.",
            "joint statement",
            "The statement",
            "antecedent",
        ),
        # "the duo" resolves to the two people last in focus
        (
            "Mary Brandt met Omar Haddad in Rome. Later the duo stressed that the talks will go on.",
            "the talks will go on.",
            "Mary Brandt; Omar Haddad",
            "the duo",
            "group",
        ),
    ],
)
def test_speaker_resolution(text, quote, speaker, mention, rule):
    # the one resolver (analysis.nlp.coref) reads the entities table: run the whole pipeline
    row = _row(quotes_of(text), quote)
    assert speaker in row["speaker"]
    assert row["speaker_text"] == mention
    assert rule in row["speaker_rule"]


def test_uncued_quote_inherits_previous_speaker():
    text = "“We will win,” Jane Doe said.\n\n“The vote is ours.”\n\nThe weather was fine."
    q = quotes_of(text, pd.DataFrame())
    row = _row(q, "The vote is ours.")
    assert row["speaker"] == "Jane Doe" and row["speaker_rule"] == "carried over"
    assert pd.isna(row["speaker_start"]) and pd.isna(row["cue"])


def test_multi_paragraph_quote():
    text = "Jane Doe said: “The first part goes on.\n\n“The second part ends here,” she said later."
    q = quotes_of(text)  # "she": the person in focus of the one focus model (the entities' mentions)
    first = _row(q, "The first part goes on.")
    assert first["mark_rule"] == "unclosed" and first["speaker"] == "Jane Doe"
    assert _row(q, "The second part ends here,")["speaker"] == "Jane Doe"


def test_entities_table_gives_the_canonical_speaker():
    text = "The envoy said that talks would resume."
    ents = pd.DataFrame(
        {
            "mention_id": [0],
            "sentence_id": [0],
            "start": [0],
            "end": [9],
            "text": ["The envoy"],
            "actor": ["Omar Haddad"],
            "actor_type": ["person"],
            "how": ["title"],
        }
    )
    row = _row(quotes_of(text, ents), "talks would resume.")
    assert row["speaker"] == "Omar Haddad" and row["speaker_rule"].startswith("entity")


def test_empty_input_returns_columns():
    empty = pd.DataFrame(columns=["sentence_id", "block_id", "kind", "start", "end", "text"])
    q = extract_quotes("", empty, pd.DataFrame())
    assert list(q.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS and q.empty


# -- news conventions and speaker mentions (second pass) ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "kind", "speaker", "mention", "rule"),
    [
        # transcript labels, bare or inside the paragraph's quote marks
        (
            "SMITH: We will win the vote.\n\nJONES: No, you will not.",
            "No, you will not.",
            "direct",
            "Jones",  # an all-capital label is displayed as a name
            "JONES",
            "transcript turn",
        ),
        ("“SMITH: We will win the vote.”", "We will win the vote.", "direct", "Smith", "SMITH", "transcript turn"),
        # a pull quote signed with a dash
        (
            "“We will win the vote.” ― Jane Doe",
            "We will win the vote.",
            "direct",
            "Jane Doe",
            "Jane Doe",
            "dash attribution",
        ),
        # a colon lead-in closing its paragraph; with a verb, then without one (the subject speaks)
        (
            "Jane Doe said:\n\n“We will win the vote.”",
            "We will win the vote.",
            "direct",
            "Jane Doe",
            "Jane Doe",
            "colon lead-in",
        ),
        (
            "Jane Doe made the following comment:\n\n“We will win the vote.”",
            "We will win the vote.",
            "direct",
            "Jane Doe",
            "Jane Doe",
            "colon lead-in (subject)",
        ),
        # an uncued quote in a sentence whose cue introduces a clause: the cue's speaker
        (
            "“At last,” Jane Doe said that the count was over.",
            "At last,",
            "direct",
            "Jane Doe",
            "Jane Doe",
            "quote then cue",
        ),
        # a fronted participle clause is not the content when the cue introduces a quote or a that-clause
        (
            "Asked about the vote, Jane Doe said, “We will win.”",
            "We will win.",
            "direct",
            "Jane Doe",
            "Jane Doe",
            "cue then quote",
        ),
        (
            "Claiming the vote was rigged, Jane Doe told reporters that the count was wrong.",
            "the count was wrong.",
            "indirect",
            "Jane Doe",
            "Jane Doe",
            "cue then object",
        ),
        # the subject is found past a time adjunct or a dash apposition
        (
            "Jane Doe on Tuesday said the vote was close.",
            "the vote was close.",
            "indirect",
            "Jane Doe",
            "Jane Doe",
            "cue then clause",
        ),
        (
            "Jane Doe -- a senior adviser to the mayor -- said the vote was close.",
            "the vote was close.",
            "indirect",
            "Jane Doe",
            "Jane Doe",
            "cue then clause",
        ),
        # a participle after a document the subject issued: the document speaks
        (
            "The council issued a statement calling the vote a disgrace.",
            "the vote a disgrace.",
            "indirect",
            "statement",
            "a statement",
            "participle",
        ),
        # ... after any other object, the subject does
        (
            "The council met the press on Monday, calling the vote a disgrace.",
            "the vote a disgrace.",
            "indirect",
            "council",
            "The council",
            "participle",
        ),
        # a plural subject before a base form
        (
            "Two analysts say the vote was close.",
            "the vote was close.",
            "indirect",
            "analysts",
            "Two analysts",
            "cue then clause",
        ),
        # a quote opening the sentence after "…, X said." continues that report
        (
            "The vote was close, Jane Doe said. “We will win.”",
            "We will win.",
            "direct",
            "Jane Doe",
            "Jane Doe",
            "carried over (same quotation)",
        ),
    ],
)
def test_news_conventions(text, quote, kind, speaker, mention, rule):
    row = _row(quotes_of(text, pd.DataFrame()), quote)
    assert row["kind"] == kind
    assert speaker in row["speaker"]
    assert row["speaker_text"] == mention
    assert text[row["speaker_start"] : row["speaker_end"]] == mention
    assert rule in f"{row['rule']} {row['speaker_rule']}"


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The vote was moved to Friday.",  # a newsroom label is not a speaker
        "The Economy: Prices rose in May.",  # a section title before a colon is not a speaker
    ],
)
def test_labels_that_are_not_speakers(text):
    q = quotes_of(text, pd.DataFrame())
    assert (q["rule"] != "transcript turn").all()


def test_question_split_from_its_cue():
    text = "Jane Doe spoke on Monday.\n\n“Why now?” Jane Doe asked. “We have waited for years.”"
    q = quotes_of(text, pd.DataFrame())
    row = _row(q, "Why now?")
    assert row["speaker"] == "Jane Doe" and row["speaker_text"] == "Jane Doe" and row["cue"] == "asked"


def test_coordinated_people_speak_together():
    text = "Prime Minister Ann Lee met President Tom Berg. Lee and Berg said they would meet again in May."
    art = Article.from_text(text, layout="plain")
    row = art.quotes.iloc[0]
    assert (row.speaker_text, row.speaker, row.speaker_rule) == (
        "Lee and Berg",
        "Ann Lee; Tom Berg",
        "coordinated people",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison is no cue; the British spelling of a reporting verb is one
        (
            "The bank kept its rate unchanged, as expected, and its governor signalled that cuts were unlikely.",
            [("indirect", "its governor", "signalled", "cuts were unlikely.")],
        ),
        # the coordinated verb shares the subject of the report, not of the clause inside it
        (
            "The health secretary said the figures showed progress but admitted there was much more to do.",
            [
                ("indirect", "The health secretary", "said", "the figures showed progress"),
                ("indirect", "The health secretary", "admitted", "there was much more to do."),
            ],
        ),
    ],
)
def test_comparisons_spellings_and_coordinated_reports(text, expected):
    art = Article.from_text(text, layout="plain")
    rows = art.quotes[art.quotes["cue"].isin([e[2] for e in expected])]
    got = [tuple(r) for r in rows[["kind", "speaker_text", "cue", "text"]].itertuples(index=False)]
    assert got == expected


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
    art = Article.from_text("Readout of the meeting\nMarch 3, 2024\n" + sentence + "\n")
    rows = art.quotes[art.quotes["text"] == content]
    assert len(rows) == 1, art.quotes[["text", "rule"]]
    assert (rows["kind"].item(), rows["speaker"].item(), rows["rule"].item()) == ("indirect", speaker, "readout form")


def test_readout_noun_object_is_no_content():
    art = Article.from_text("Readout of the meeting\nMarch 3, 2024\nThe Secretary reaffirmed the commitment to the alliance.\n")
    assert not (art.quotes["rule"] == "readout form").any()


def test_a_colon_after_a_long_clause_introduces_no_speech():
    text = (
        "Council seeks answers on contracts\nMarch 3, 2024\n"
        "The committee wanted to question several officials about the contracts, including:\n\n"
        "the finance director, two of her deputies and the head of procurement at the council.\n"
    )
    art = Article.from_text(text)
    assert not (art.quotes["rule"] == "colon-introduced speech").any()


# -- the rule tables: one test per rule, generated from the example each rule carries ----------------

TABLES = {"rule": QUOTE_RULES, "speaker_rule": SPEAKER_RULES, "mark_rule": MARK_RULES}
EXAMPLES = [(column, name, ex) for column, table in TABLES.items() for name, ex in table.examples()]
#: Rules no invented text reaches through the whole pipeline (none).
WITHOUT_EXAMPLE: set[str] = set()


@pytest.mark.parametrize(("column", "name", "example"), EXAMPLES, ids=[f"{c}: {n}" for c, n, _ in EXAMPLES])
def test_rule_example(column, name, example):
    """The rule's invented example, run through the real pipeline, yields the row it promises."""
    art = Article.from_text(example.text, layout="plain")
    q = art.quotes
    expect = dict(example.expect)
    value = expect.pop(column, name)  # the value written in the column (a composed one for some rules)
    rows = q[q[column] == value]
    if "text" in expect:
        rows = rows[rows["text"] == expect.pop("text")]
    assert len(rows) == 1, q[["kind", "text", "speaker", "rule", "speaker_rule", "mark_rule"]].values.tolist()
    row = rows.iloc[0]
    for key, want in expect.items():
        assert (pd.isna(row[key]) if want is None else row[key] == want), (key, row[key], want)
    assert art.text[row["start"] : row["end"]] == row["text"]
    if not pd.isna(row["speaker_start"]):
        assert art.text[row["speaker_start"] : row["speaker_end"]] == row["speaker_text"]


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
    row = _row(Article.from_text(text, layout="plain").quotes, quote)
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


NOT_SPEECH_ROWS = [
    # check, sentence, verb: the first check of NOT_SPEECH that rejects the verb
    ("_after_determiner", "His claims about the vote were false.", "claims"),
    ("_infinitive_or_passive", "Jane Smith was told the vote was close.", "told"),
    ("_infinitive_or_passive", "Jane Smith wants to say more.", "say"),
    ("_comparison", "The vote was as expected.", "expected"),
    ("_noun_form", "The court heard claims of fraud.", "claims"),
    ("_base_without_plural", "The committee say the vote was close.", "say"),
    (None, "Experts say the vote was close.", "say"),
    (None, "Jane Smith said the vote was close.", "said"),
]


@pytest.mark.parametrize("check, sentence, verb", NOT_SPEECH_ROWS)
def test_not_speech_checks(check, sentence, verb):
    sents = pd.DataFrame({"sentence_id": [0], "block_id": [0], "kind": ["body"], "start": [0], "end": [len(sentence)]})
    s = phrases.Sentence(0, 0, len(sentence), sentence, 0, objects.TagIndex(tokenize(sentence, sents)))
    m = next(m for m in lexicon.cue_re().finditer(s.masked) if m.group("verb") == verb)
    at = phrases.VerbAt(s.toks, s.tok_at(m.start()), lexicon.speech_verbs()[verb])
    first = next((c.__name__ for c in cues.NOT_SPEECH if c(at)), None)
    assert first == check
    rows = quotes_of(sentence)
    assert (verb in set(rows["cue"])) == (check is None)


def test_readout_at_the_very_start_of_the_text_keeps_the_whole_speaker():
    art = Article.from_text("Ms. Jane Roe expressed her hope that the talks would resume.\n", layout="plain")
    rows = art.quotes[art.quotes["rule"] == "readout form"]
    assert len(rows) == 1, art.quotes[["text", "rule", "speaker_text"]]
    assert rows["speaker_text"].item().endswith("Jane Roe")
    assert art.text[rows["speaker_start"].item() : rows["speaker_end"].item()] == rows["speaker_text"].item()


# -- who said what, once: objects, speakers, members, speeches, transcripts --------------------------


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a noun object is speech only when the lexicon of speech objects says so
        ("Dana Korvel cited the harbour report in her letter.", False),
        ("Dana Korvel welcomed the new cranes at the quay.", False),
        ("Dana Korvel called for an end to the strike at the quay.", True),
        ("Dana Korvel stressed her concern about the storm season.", True),
        # a to-infinitive is speech only after a verb whose infinitive is what was said
        ("The crews agreed to work every night on the quay.", False),
        ("Dana Korvel promised to reopen the quay before the winter.", True),
        # judging and naming verbs report what was said about their object
        ("Dana Korvel criticised the old timetable.", True),
        ("Dana Korvel called the repairs a triumph.", True),
        ("A fisherman called the harbour office last night.", False),
        # a clause reports speech whatever the verb
        ("Dana Korvel said the quay would reopen on Monday.", True),
    ],
)
def test_a_cue_with_an_object_reports_speech_only_when_the_object_is_speech(text, reported):
    q = quotes_of(text)
    assert (len(q) > 0) == reported, q[["kind", "text", "rule"]].values.tolist()


@pytest.mark.parametrize(
    "text",
    [
        "At least forty boats were damaged and thousands more feared lost at sea.",  # a quantity
        "The repair programme concluded months of work on the quay.",  # a topic noun
        "On Monday said nothing of the quay.",  # a date word
    ],
)
def test_a_speaker_that_cannot_speak_makes_no_row(text):
    q = quotes_of(text)
    assert q.empty, q[["text", "speaker_text", "rule"]].values.tolist()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A Harbour Board spokesperson said the quay would reopen.", "A Harbour Board spokesperson"),
        ("An official at the Harbour Board said the quay would reopen.", "An official at the Harbour Board"),
        ("The Harbour Board's spokesman said the quay would reopen.", "The Harbour Board's spokesman"),
    ],
)
def test_members_speak_for_their_body(text, words):
    art = Article.from_text(text, layout="plain")
    row = art.quotes.iloc[0]
    assert (row["speaker"], row["speaker_text"], row["speaker_rule"]) == ("Harbour Board", words, "member of a body")
    body = art.actors.set_index("actor").loc["Harbour Board"]
    assert list(row["speaker_ids"]) == [body["actor_id"]] and body["quotes"] == 1


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


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES.glob("*.txt")))
def test_every_speaker_is_a_mention(page):
    """A speaker names actors, is the questioner, or is a noun phrase headed by a noun that can speak
    (the same check bench/pages.py runs over the development pages)."""
    from analysis.extract.quotes.objects import speaking_noun

    art = load_article(PAGES / page)
    actors = set(art.actors["actor_id"])
    for speaker, ids in zip(art.quotes["speaker"], art.quotes["speaker_ids"]):
        if not isinstance(speaker, str) or (len(ids) and set(ids) <= actors) or speaker == "(questioner)":
            continue
        head = speaker.split()[-1].lower().removesuffix("’s").removesuffix("'s")
        assert speaking_noun(head), (page, speaker)
