"""Cues (analysis/extract/quotes/cues.py, content.py, phrases.py): which reporting verbs report speech,
their speaker mention, their content and its kind, and the conventions news copy writes them in."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.extract.quotes import cues, lexicon, objects, phrases
from analysis.nlp.tokens import tokenize
from tests.builders import quotes_of
from tests.conftest import only_row


def test_heading_scare_quotes_are_not_speech(nato):
    headings = nato.story_sentences[nato.story_sentences["kind"] == "heading"]
    assert len(headings)
    q = nato.quotes
    for a, b in headings[["start", "end"]].itertuples(index=False):
        assert not ((q["start"] < b) & (q["end"] > a)).any()


# -- cues, kinds and speakers on small texts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "kind", "speaker", "cue"),
    [
        ("“We will win,” Jane Doe said.", "We will win,", "direct", "Jane Doe", "said"),
        ("“We will win,” said Jane Doe.", "We will win,", "direct", "Jane Doe", "said"),
        ("Jane Doe said: “We will win.”", "We will win.", "direct", "Jane Doe", "said"),
        ("Jane Doe told reporters that the plan had failed.", "the plan had failed.", "indirect", "Jane Doe", "told"),
        # no "that": the hearer ends where an article after its noun opens the clause
        ("Jane Doe told the crews the quay would close.", "the quay would close.", "indirect", "Jane Doe", "told"),
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
    row = only_row(quotes_of(text), quote)
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
    row = only_row(quotes_of(text), quote)
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
    assert only_row(q, first)["kind"] == "indirect"
    assert only_row(q, second)["kind"] == "indirect"


def test_cue_inside_quote_is_not_a_cue():
    q = quotes_of("“They said no,” she added.")
    row = only_row(q, "They said no,")
    assert row["cue"] == "added" and row["speaker_text"] == "she"


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
    row = only_row(quotes_of(text, pd.DataFrame()), quote)
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


def test_a_field_or_a_place_before_a_colon_is_no_speaker_label():
    # a page's fields ("Review: …", "Tips: …") and a list headed by a place name the text repeats are
    # not a transcript; a role noun ("Host: …") is a speaker label as a name is
    fields = (
        "The ferry café opened in May.\n\nReview: I loved the soup and the view of the pier.\n\n"
        "Review: We waited an hour for a table, and we will come back.\n\nTips: Go early on Fridays."
    )
    assert (quotes_of(fields, pd.DataFrame())["rule"] != "transcript turn").all()
    lists = "Ohio voters were asked in May.\n\nOhio: Dana Korvel, Olek Varn, Ilse Maren\n\nOhio: Jon Pell, Ana Ruiz"
    assert (quotes_of(lists, pd.DataFrame())["rule"] != "transcript turn").all()
    show = "The host spoke first.\n\nHost: We are live from the pier tonight.\n\nHost: Our next guest runs the ferry."
    q = quotes_of(show, pd.DataFrame())
    assert (q["rule"] == "transcript turn").sum() == 2


def test_question_split_from_its_cue():
    text = "Jane Doe spoke on Monday.\n\n“Why now?” Jane Doe asked. “We have waited for years.”"
    q = quotes_of(text, pd.DataFrame())
    row = only_row(q, "Why now?")
    assert row["speaker"] == "Jane Doe" and row["speaker_text"] == "Jane Doe" and row["cue"] == "asked"


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
    quotes = quotes_of(text)
    rows = quotes[quotes["cue"].isin([e[2] for e in expected])]
    got = [tuple(r) for r in rows[["kind", "speaker_text", "cue", "text"]].itertuples(index=False)]
    assert got == expected


NOT_SPEECH_ROWS = [
    # check, sentence, verb: the first check of NOT_SPEECH that rejects the verb
    ("_after_determiner", "His claims about the vote were false.", "claims"),
    ("_infinitive_or_passive", "Jane Smith was told the vote was close.", "told"),
    ("_infinitive_or_passive", "Jane Smith was not told the vote was close.", "told"),  # an adverb between
    ("_infinitive_or_passive", "Jane Smith was once asked how the vote went.", "asked"),
    ("_infinitive_or_passive", "Jane Smith wants to say more.", "say"),
    ("_comparison", "The vote was as expected.", "expected"),
    ("_noun_form", "The court heard claims of fraud.", "claims"),
    ("_noun_form", "Do Jane Doe's tweets break the rules of the port?", "tweets"),  # a possessor, no subject
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
        # but a verb after "and" is the cue's subject's next act, and a relative clause's verb the
        # relative's: neither makes the object a clause
        ("The divers found the old wreck and raised its bell.", False),
        ("The divers found the skipper who lost the ferry.", False),
        ("The survey found skippers who use the new quay were happier.", True),
        # a reflexive object tells nobody: "found herself stranded", however a clause follows
        ("Dana Korvel found herself stranded at the quay and knew the ferry was gone.", False),
    ],
)
def test_a_cue_with_an_object_reports_speech_only_when_the_object_is_speech(text, reported):
    q = quotes_of(text)
    assert (len(q) > 0) == reported, q[["kind", "text", "rule"]].values.tolist()


def test_quoted_clause_keeps_numbers_and_skips_a_time_adjunct():
    quotes = quotes_of("Varnak Motors said on Monday it would cut 2,000 jobs in the region, as demand slows.")
    assert quotes["text"].tolist() == ["it would cut 2,000 jobs in the region, as demand slows."]


def test_one_quoted_word_without_a_cue_is_a_term_not_a_quote():
    # a word set in quotation marks with nobody cued for it: a term or a scare quote, nobody's words
    for text in (
        "The council met on Monday. The “resilient” port reopened after two years.",
        "The council met on the “13th.” The port reopened on Monday.",
    ):
        assert quotes_of(text).empty
    # up to three quoted words that no cue takes and no one could have said are a term too; with a
    # person in the sentence they are that person's words, and a longer stretch stays a quote
    assert quotes_of("The ferry board calls it the “long tail” of the season.").empty
    q = quotes_of("Dana Korvel was “cautiously hopeful” on Monday.")
    assert q["text"].tolist() == ["cautiously hopeful"] and q["speaker"].tolist() == ["Dana Korvel"]
    q = quotes_of("The mood at the harbour was “cautiously hopeful about the spring” on Monday.")
    assert q["text"].tolist() == ["cautiously hopeful about the spring"]
    # one word that a cue takes stays quoted
    q = quotes_of("Dana Korvel called the plan “reckless.”")
    assert q["text"].tolist() == ["reckless."] and q["speaker"].tolist() == ["Dana Korvel"]
