"""The one resolver (analysis/nlp/coref.py, focus.py): surnames, given names, titles and pronouns to their actor."""

from __future__ import annotations

import pytest

from analysis.nlp.coref import Coref, person_keys
from tests.builders import entities_of, identity_of, quotes_of


@pytest.mark.parametrize(
    ("full", "keys"),
    [
        ("Ingvar Halden", ["Halden"]),
        ("Yeon Ha-rin", ["Ha-rin", "Yeon"]),  # a hyphenated given name after a one-word family name
        ("Marta del Campo", ["Campo", "del Campo"]),
    ],
)
def test_person_keys(full, keys):
    assert person_keys(full) == keys


# -- coreference ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form", "actor"),
    [
        # "the Secretary-General" is the person named with that title
        (
            "Eva Lind, the Secretary General of the Nordic Council, spoke on Monday. "
            "The Secretary-General called for calm.",
            "Secretary-General",
            "Eva Lind",
        ),
        # a pronoun in a later sentence goes to the subject of the previous one
        (
            "Ann Lee met Tom Berg in Oslo on Monday. She said the talks had gone well.",
            "She",
            "Ann Lee",
        ),
        # in its own sentence, to the person named last before it
        ("Ann Lee said that Tom Berg would resign because he was tired.", "he", "Tom Berg"),
        # a given name used alone for the one person it belongs to
        ("Dana Quist opened the call. Thank you, Dana, said the guest.", "Dana", "Dana Quist"),
    ],
)
def test_coreference(text, form, actor):
    ents = entities_of(text)
    rows = ents[ents["text"] == form]
    assert len(rows) >= 1 and set(rows["actor"]) == {actor}


def test_pronouns_inside_quotes_are_not_counted():
    text = '"He will lose," Ann Lee said of the rival. She added that the count was close.'
    ents = entities_of(text)
    assert "He" not in set(ents["text"])
    assert ents.loc[ents["text"] == "She", "actor"].tolist() == ["Ann Lee"]


def test_title_without_a_named_holder_is_no_actor():
    tables = identity_of("The Chairman said the meeting would resume on Friday.")
    assert "Chairman" not in set(tables.actors["actor"])


def test_transcript_label_with_courtesy_title_is_a_person_with_that_gender():
    ents = entities_of("MS. VARNET: Good afternoon. Tom Korvel will travel on Friday, and he will meet the mayor.")
    people = ents[ents["actor_type"] == "person"]
    assert set(people.loc[people["text"] == "VARNET", "actor"]) == {"Varnet"}
    assert set(people.loc[people["text"] == "he", "actor"]) == {"Tom Korvel"}


def test_a_title_standing_alone_is_its_holder():
    tables = identity_of(
        "Alliance Secretary General Jens Varnet met Prime Minister Tom Korvel on Tuesday. "
        "“No partner is closer,” said the Secretary General."
    )
    ents = tables.entities
    row = ents[ents["text"] == "Secretary General"]
    assert row["actor"].tolist()[-1] == "Jens Varnet" and row["rule"].tolist()[-1] == "title_of"
    assert tables.quotes["speaker"].tolist() == ["Jens Varnet"]


def test_an_abbreviated_title_answers_to_its_word():
    quotes = quotes_of("Army Gen. Mark A. Korvel met the committee on Tuesday. “We need predictable funding,” the general said.")
    assert quotes["speaker"].tolist() == ["Mark A. Korvel"]
    assert quotes["speaker_rule"].tolist() == ["noun phrase (title of person)"]


def test_different_given_names_stay_different_people():
    tables = identity_of("Mary Ann Sloane met Mary Beth Sloane and Mary Sloane on Monday. Tom Sloane was away.")
    people = set(tables.actors.loc[tables.actors["actor_type"] == "person", "actor"])
    assert people == {"Mary Ann Sloane", "Mary Beth Sloane", "Mary Sloane", "Tom Sloane"}


# -- the one focus model ---------------------------------------------------------------------


def test_pronoun_prefers_the_person_named_outside_quotes():
    ents = entities_of("“Olek Varn is late,” Dana Korvel said. Later she left the hall.")
    pron = ents[ents["how"] == "pronoun"]
    assert pron["actor"].tolist() == ["Dana Korvel"]


def test_table_resolver_and_pronouns_share_one_focus_model():
    text = "Helen Korvel met Peter Varn on Monday. He thanked her for the visit."
    ents = entities_of(text)
    coref = Coref(text, ents)
    offset = text.index("He thanked")
    assert coref.group_before(offset, 500) == ["Helen Korvel", "Peter Varn"]
    assert coref.persons_before(offset) == coref.focus.persons_before(offset) == ["Helen Korvel", "Peter Varn"]
    pron = ents[ents["how"] == "pronoun"]
    assert dict(zip(pron["text"], pron["actor"])) == {"He": "Peter Varn", "her": "Helen Korvel"}


def test_coref_reads_the_table_back_as_mentions():
    text = "The Quarry Safety Board (QSB) met. Dana Korvel chairs the QSB."
    ents = entities_of(text)
    coref = Coref(text, ents)
    assert [m.key for m in coref.mentions] == ents.sort_values("start")["text"].tolist()
    assert coref.lookup("QSB") == coref.lookup("Quarry Safety Board") == "Quarry Safety Board"
    assert coref.lookup("Korvel") == "Dana Korvel"


def test_a_possessor_is_less_in_focus_than_the_subject():
    from analysis.nlp.focus import Focus
    from analysis.nlp.mention import Mention

    def people(text):
        v = text.index("Varn")
        return [
            Mention(0, 0, 1, 0, 6, ("Korvel",), "Dana Korvel", "person"),
            Mention(0, 11, 12, v, v + 4, ("Varn",), "Olek Varn", "person"),
        ]

    text = "Korvel told the board that the ferry was not in Varn's plan, but he said it would run."
    assert Focus(text, people(text), sids=[0]).person_for(0, text.index("he said"), "m") == "Dana Korvel"
    # without a possessive the last person named before the pronoun is in focus
    plain = "Korvel told the board that the ferry was not in time for Varn, but he said it would run."
    assert Focus(plain, people(plain), sids=[0]).person_for(0, plain.index("he said"), "m") == "Olek Varn"
