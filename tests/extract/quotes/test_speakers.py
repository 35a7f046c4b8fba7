"""Speakers (analysis/extract/quotes/speakers.py, objects.py): the actor each speaker mention stands for."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load_article
from tests.builders import identity_of, quotes_of
from tests.conftest import PAGES, only_row


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
        # a body's noun with a name in it is named by its own words, not by the last body named
        (
            "The Harbour Budget Committee said costs would rise. The Korvel campaign said the ad was fair to voters.",
            "the ad was fair to voters.",
            "Korvel campaign",
            "The Korvel campaign",
            "noun phrase",
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
    # the one resolver (analysis.nlp.coref) reads the entities table: build it from the text (tests/builders.py)
    row = only_row(quotes_of(text), quote)
    assert speaker in row["speaker"]
    assert row["speaker_text"] == mention
    assert rule in row["speaker_rule"]


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
    row = only_row(quotes_of(text, ents), "talks would resume.")
    assert row["speaker"] == "Omar Haddad" and row["speaker_rule"].startswith("entity")


def test_coordinated_people_speak_together():
    text = "Prime Minister Ann Lee met President Tom Berg. Lee and Berg said they would meet again in May."
    row = quotes_of(text).iloc[0]
    assert (row.speaker_text, row.speaker, row.speaker_rule) == (
        "Lee and Berg",
        "Ann Lee; Tom Berg",
        "coordinated people",
    )


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
    tables = identity_of(text)
    row = tables.quotes.iloc[0]
    assert (row["speaker"], row["speaker_text"], row["speaker_rule"]) == ("Harbour Board", words, "member of a body")
    body = tables.actors.set_index("actor").loc["Harbour Board"]
    assert list(row["speaker_ids"]) == [body["actor_id"]] and body["quotes"] == 1


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


def test_speaking_nouns_read_wordnet_as_nltk_does():
    """The derived noun classes answer what NLTK's WordNet reader answers (sampled lemmas, plural forms)."""
    import random

    from nltk.corpus import wordnet

    from analysis.extract.quotes import objects
    from analysis.resources import wordnet_lemmatizer, wordnet_noun_classes

    _, senses = wordnet_noun_classes()
    words = random.Random(7).sample(sorted(senses), 300) + ["teachers", "children", "glasses", "crowds", "reports"]
    lem = wordnet_lemmatizer()
    for word in words:
        lemma = lem.lemmatize(word, "n")
        if word in objects.speaker_nouns() or lemma in objects.speaker_nouns():
            continue
        first = wordnet.synsets(lemma, pos="n")[: objects.WORDNET_SENSES]
        assert objects.speaking_noun(word) == any(s.lexname() in ("noun.person", "noun.group") for s in first), word
