"""Tests for analysis/nlp: name parsing, acronyms, chrome words, coreference and actor identities.

The coreference and identity tests run the whole pipeline (layout, sentences, tokens, entities,
quotes) on short texts; the consistency tests check every table against ``art.actors``.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis import Article
from analysis.nlp import lexicons
from analysis.nlp.coref import Coref, person_keys
from analysis.nlp.identity import slug
from analysis.nlp.names import acronym_of, initials, parse_person
from tests.conftest import assert_offsets


def _art(text: str) -> Article:
    return Article.from_text(text, layout="plain")


# -- person names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "name", "key", "suffix"),
    [
        ("H.E. Ms. Maria Velasko", "H.E. Ms.", "Maria Velasko", "Velasko", ""),
        ("Minister of Finance Anna Berg", "Minister of Finance", "Anna Berg", "Berg", ""),
        ("Finance Minister Anna Berg", "Finance Minister", "Anna Berg", "Berg", ""),
        ("Secretary of State John Q. Public Jr.", "Secretary of State", "John Q. Public", "Public", "Jr."),
        ("SUZUKI Taro", "", "Taro Suzuki", "Suzuki", ""),
        ("Marta del Campo", "", "Marta del Campo", "Campo", ""),
        ("Karim al-Rashid", "", "Karim al-Rashid", "al-Rashid", ""),
        ("Carl B. Jensen, Ph.D.", "", "Carl B. Jensen", "Jensen", "Ph.D."),
        ("Vice Adm. Carl B. Jensen", "Vice Adm.", "Carl B. Jensen", "Jensen", ""),
        ("SECRETARY JANE ROE", "SECRETARY", "Jane Roe", "Roe", ""),
        ("Prime Minister Aiko Tamsin", "Prime Minister", "Aiko Tamsin", "Tamsin", ""),
        ("Martin Luther King", "", "Martin Luther King", "King", ""),
        ("Senator Allison", "Senator", "Allison", "Allison", ""),
    ],
)
def test_parse_person(text, title, name, key, suffix):
    p = parse_person(text)
    assert (p.title, p.name, p.key, p.suffix) == (title, name, key, suffix)


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


# -- acronyms ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("NATO", "North Atlantic Treaty Organization", True),
        ("EFSA", "European Food Safety Authority", True),
        ("FWS", "U.S. Fish and Wildlife Service", True),  # without the leading country
        ("FWS", "The U.S. Fish and Wildlife Service", True),
        ("DOE", "U.S. Department of Energy", True),
        ("WPFC", "West Pacific Fisheries Council", True),
        ("MRC", "Movement for Rural Change", True),
        ("OSTP", "Office of Science and Technology Policy", True),
        ("WPFC", "West Pacific", False),
        ("UN", "United", False),
    ],
)
def test_acronym_of(acronym, name, expected):
    assert acronym_of(acronym, name.split()) is expected


def test_initials_skip_function_words():
    assert initials("Bank of the North".split()) == "BN"


# -- page chrome -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "chrome"),
    [
        (("READ", "MORE"), True),
        (("PHOTO",), True),
        (("DOCX",), True),
        (("2", "MB"), False),  # a number is content: only the unit is chrome
        (("MB",), True),
        (("Share",), True),
        (("Background",), True),
        (("Reuters",), False),
        (("Share", "Price", "Index"), False),
    ],
)
def test_chrome_words(words, chrome):
    assert lexicons.is_chrome(words) is chrome


@pytest.mark.parametrize(
    "text",
    [
        "PHOTO: Workers repaired the bridge in Dalvik on Monday.",
        "Read More\n\nThe council approved the budget on Monday.",
        "Download the report (DOCX, 2 MB) from the council's website.",
    ],
)
def test_chrome_words_are_never_actors(text):
    actors = set(_art(text).actors["actor"])
    assert not actors & {"PHOTO", "Read More", "Read", "More", "DOCX", "MB"}


# -- one person, one actor -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "forms"),
    [
        # an honorific and a surname later
        ("H.E. Ms. Maria Velasko opened the session. Velasko said the vote would be held in May.", "Maria Velasko", {"Velasko"}),
        # a portfolio after the title is no part of the name
        (
            "Minister of Finance Anna Berg presented the budget. Berg said taxes would not rise.",
            "Anna Berg",
            {"Anna Berg", "Berg"},
        ),
        # a family name written first in capitals
        ("SUZUKI Taro met the press. Suzuki said the talks had gone well.", "Taro Suzuki", {"Suzuki"}),
        # a hyphenated given name: the family name alone later
        ("Yeon Ha-rin spoke in Geneva. Yeon said the talks must go on.", "Yeon Ha-rin", {"Yeon Ha-rin", "Yeon"}),
        # a name that ends a longer one
        ("Ellen Ruth Morgan served in the war. Ruth Morgan later worked as a clerk.", "Ellen Ruth Morgan", {"Ruth Morgan"}),
        # a particle surname, capitalised when it opens a sentence
        ("Karim al-Rashid was freed on Friday. Al-Rashid had escaped in 2006.", "Karim al-Rashid", {"Al-Rashid"}),
        # a suffix: the full name and the surname are one actor, displayed without the suffix
        ("Secretary Lloyd R. Varnet III arrived on Monday. Varnet said the visit went well.", "Lloyd R. Varnet", {"Varnet"}),
        # a portfolio of ordinary words, then a given name no list knows
        ("Minister of Defense Kwabe Tarrow-Mensa arrived. Tarrow-Mensa said talks would go on.", "Kwabe Tarrow-Mensa", {"Tarrow-Mensa"}),
        # a middle initial and a suffix in one form, neither in another
        ("Lloyd J. Varnet III met troops. Lloyd Varnet later spoke to reporters. Varnet left.", "Lloyd J. Varnet", {"Lloyd Varnet", "Varnet"}),
        # the family name first in one place, last in another
        ("Prime Minister Tomo Korvel met the envoy. Later, Korvel Tomo told reporters the talks went well.", "Tomo Korvel", {"Korvel Tomo"}),
        # a short form of the given name
        ("President Joseph R. Korvel Jr. signed the bill. Joe Korvel said it was a good day.", "Joseph R. Korvel", {"Joe Korvel"}),
        # a capitalised role noun opening the sentence is no part of the name
        ("Co-author Giovanna Varnet added that the data were new. Varnet said more would follow.", "Giovanna Varnet", {"Varnet"}),
        # two particles inside the name, and the name opening a sentence later
        ("Ursel von der Lanz won the vote. Von der Lanz said she was grateful.", "Ursel von der Lanz", {"Von der Lanz"}),
        # a rank with its class
        ("Army Sgt. 1st Class Dana Korvel received the award. Korvel said she was proud.", "Dana Korvel", {"Korvel"}),
    ],
)
def test_one_person_one_actor(text, actor, forms):
    art = _art(text)
    people = art.actors[art.actors["actor_type"] == "person"]
    assert people["actor"].tolist().count(actor) == 1
    row = people.set_index("actor").loc[actor]
    assert forms <= set(row["aliases"])
    assert len(people) == 1, people["actor"].tolist()


@pytest.mark.parametrize(
    ("text", "actor", "alias"),
    [
        # an acronym keeping the function word's letter, in capitals or not
        ("The Department of Defense announced the plan. A DoD spokesman said DOD would pay.", "Department of Defense", "DoD"),
        # the same body with its head word first or last
        ("The Ministry of Foreign Affairs of Varnakia said talks would resume. The Foreign Ministry said no more.",
         "Ministry of Foreign Affairs of Varnakia", "Foreign Ministry"),
        (
            "The European Food Safety Authority (EFSA) published its opinion. EFSA said more data were needed.",
            "European Food Safety Authority",
            "EFSA",
        ),
        (
            "Leaders of the West Pacific Fisheries Council (WPFC) met on Monday. WPFC urged calm.",
            "West Pacific Fisheries Council",
            "WPFC",
        ),
        (
            "The Office of Science and Technology Policy reviewed the plan. OSTP said the review went well.",
            "Office of Science and Technology Policy",
            "OSTP",
        ),
    ],
)
def test_organisation_and_acronym_are_one_actor(text, actor, alias):
    art = _art(text)
    orgs = art.actors[art.actors["actor_type"] == "org"]
    assert orgs["actor"].tolist() == [actor]
    assert alias in orgs["aliases"].iloc[0]


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
    ents = _art(text).entities
    rows = ents[ents["text"] == form]
    assert len(rows) >= 1 and set(rows["actor"]) == {actor}


def test_pronouns_inside_quotes_are_not_counted():
    text = '"He will lose," Ann Lee said of the rival. She added that the count was close.'
    ents = _art(text).entities
    assert "He" not in set(ents["text"])
    assert ents.loc[ents["text"] == "She", "actor"].tolist() == ["Ann Lee"]


def test_title_without_a_named_holder_is_no_actor():
    art = _art("The Chairman said the meeting would resume on Friday.")
    assert "Chairman" not in set(art.actors["actor"])


# -- speakers and identities -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "ids", "rule"),
    [
        # a nationality and a role before the name: the person speaks, not the country
        (
            "The rock fell on Monday. “It was exceptional,” said Swedish scientist, Ingvar Halden.",
            "It was exceptional,",
            "Ingvar Halden",
            ["ingvar-halden"],
            "apposition",
        ),
        # "X of the Y said": the person, not the organisation
        (
            "Tom Olsen of the Polar Research Institute said the blast was smaller.",
            "the blast was smaller.",
            "Tom Olsen",
            ["tom-olsen"],
            "entity",
        ),
        # members of an actor speak for it
        (
            "A storm hit Chile. Chilean officials said that 70 people had died.",
            "70 people had died.",
            "Chile",
            ["chile"],
            "group",
        ),
        # "the magazine" is the organisation in focus
        (
            "The editors of Ocean Review chose the study. The magazine said the result was elegant.",
            "the result was elegant.",
            "Ocean Review",
            ["ocean-review"],
            "organisation in focus",
        ),
        # a bare noun phrase names no actor
        ("The man said that his son was missing.", "his son was missing.", "man", [], "no actor"),
    ],
)
def test_speaker_identity(text, quote, speaker, ids, rule):
    art = _art(text)
    row = art.quotes[art.quotes["text"] == quote].iloc[0]
    assert (row["speaker"], row["speaker_ids"]) == (speaker, ids)
    assert rule in row["speaker_rule"]


def test_joint_quote_counts_for_each_speaker():
    text = "Ann Lee met Tom Berg in Oslo. Later the duo stressed that the talks will go on."
    art = _art(text)
    row = art.quotes[art.quotes["text"] == "the talks will go on."].iloc[0]
    assert row["speaker"] == "Ann Lee; Tom Berg" and row["speaker_ids"] == ["ann-lee", "tom-berg"]
    qs = art.quote_speakers[art.quote_speakers["quote_id"] == row["quote_id"]]
    assert qs["actor"].tolist() == ["Ann Lee", "Tom Berg"]
    quotes = art.actors.set_index("actor")["quotes"]
    assert quotes["Ann Lee"] == quotes["Tom Berg"] == 1


def test_document_speaker_is_a_document_actor():
    text = "Ann Lee and Tom Berg issued a joint statement on Monday. The statement says that the talks will go on."
    art = _art(text)
    row = art.quotes[art.quotes["text"] == "the talks will go on."].iloc[0]
    actor = art.actors.set_index("actor_id").loc[row["speaker_ids"][0]]
    assert actor["actor_type"] == "document" and actor["actor"] == row["speaker"] and actor["quotes"] == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sigrid Øvergård Ås", "sigrid-overgard-as"),
        ("U.S. Department of Energy", "us-department-of-energy"),
        ("Varnak & Koszta", "varnak-and-koszta"),
        ("Peru–Chile joint statement", "peru-chile-joint-statement"),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


# -- every table names the same actors ------------------------------------------------------------------


def _consistency(art: Article) -> None:
    actors = art.actors
    assert actors["actor_id"].is_unique and actors["actor"].is_unique
    names = dict(zip(actors["actor_id"], actors["actor"]))
    # entities: every row's actor_id is an actor, with the same display name
    ents = art.entities
    assert_offsets(art.text, ents)
    assert all(names.get(i) == a for i, a in zip(ents["actor_id"], ents["actor"]))
    # counts: mentions are entity rows, aliases add up to them, quotes are quote_speakers rows
    counts = ents.groupby("actor_id").size()
    for aid, n in zip(actors["actor_id"], actors["mentions"]):
        assert counts.get(aid, 0) == n
    al = art.aliases.groupby("actor_id")["mentions"].sum()
    assert all(al.get(aid, 0) == n for aid, n in zip(actors["actor_id"], actors["mentions"]))
    qs = art.quote_speakers.groupby("actor_id").size()
    assert all(qs.get(aid, 0) == n for aid, n in zip(actors["actor_id"], actors["quotes"]))
    # quotes: each id is an actor and each name of the speaker string is that actor
    for speaker, ids in zip(art.quotes["speaker"], art.quotes["speaker_ids"]):
        assert isinstance(ids, list) and all(i in names for i in ids)
        if ids:
            assert speaker.split("; ") == [names[i] for i in ids]
    # timeline: story actors carry the actors table's names
    for cell, ids in zip(art.timeline["actors"], art.timeline["actor_ids"]):
        got = cell.split("; ") if cell else []
        assert len(got) == len(ids)
        assert all(names[i] == n for i, n in zip(ids, got) if i in names)


def test_tables_agree_on_the_shipped_article(nato, gold):
    _consistency(nato)
    quotes = nato.actors.set_index("actor")["quotes"]
    # 25 quote rows, 3 of them joint: every speaker of a joint quote is counted
    assert len(nato.quotes) == quotes.sum() - sum(len(i) - 1 for i in nato.quotes["speaker_ids"] if i)
    # the two people the annotation gives most quotes to are counted as speakers
    for name, _ in Counter(q["speaker"] for q in gold["quotes"]).most_common(2):
        assert quotes[name] > 0, name


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee met Tom Berg in Oslo on 3 May 2023. Later the duo stressed that the talks will go on.",
        "The European Food Safety Authority (EFSA) said on Monday that EFSA would publish its opinion.",
        "Ann Lee and Tom Berg issued a joint statement on Monday. The statement says that the talks will go on.",
    ],
)
def test_tables_agree_on_small_texts(text):
    _consistency(_art(text))


def test_empty_story_gives_empty_identity_tables():
    art = _art("   \n\n2023-02-01\n")
    assert list(art.quote_speakers.columns[:3]) == ["quote_id", "actor_id", "actor"]
    assert list(art.aliases.columns[:4]) == ["actor_id", "actor", "form", "mentions"]
    assert isinstance(art.actors, pd.DataFrame)


# -- names inside names, states, modifiers ---------------------------------------------------------


def test_body_title_and_person_are_apart():
    art = _art(
        "Harbor and Rail Committee Ranking Member Dana Korvel (R-TX) praised the plan on Monday. "
        "Korvel said it would create jobs."
    )
    actors = dict(zip(art.actors["actor"], art.actors["actor_type"]))
    assert actors.get("Dana Korvel") == "person"
    assert actors.get("Harbor and Rail Committee") == "org"
    assert actors.get("Texas") == "place"  # the party-state tag names the state
    assert not any("Korvel" in a and a != "Dana Korvel" for a in actors)
    assert_offsets(art.text, art.entities)


def test_state_code_after_a_city_is_the_state_not_an_acronym():
    art = _art("The Environmental Protection Agency visited Elm Township, PA, on Monday. The agency said work would start.")
    ents = art.entities.set_index("text")
    assert ents.loc["PA", "actor"] == "Pennsylvania" and ents.loc["PA", "rule"] == "state_code"


def test_ordinary_word_capitalised_once_is_no_actor():
    art = _art("Dana Korvel, manager of the program's Turbines office, said tests went well.")
    assert "Turbines" not in set(art.actors["actor"])
    assert "Dana Korvel" in set(art.actors["actor"])


def test_modifier_before_a_body_named_alone_is_that_body():
    art = _art(
        "The Assembly met on Monday. The Assembly passed the bill. "
        "The party needed no Neutral Assembly votes."
    )
    body = art.entities[art.entities["text"].str.contains("Assembly")]
    assert set(body["actor"]) == {"Assembly"}
    assert "modified_name" in set(body["rule"])


def test_country_closing_a_body_name_is_also_counted():
    art = _art("The Government of Chile said it would reply on Monday.")
    ents = art.entities
    assert ("Chile", "country", "nested") in set(zip(ents["text"], ents["actor_type"], ents["how"]))
    assert "Government of Chile" in set(art.actors["actor"])


def test_degree_after_a_name_is_no_actor():
    art = _art("“The results are clear,” said Dana Korvel, M.D., director of the clinic. Tom Varnet, Ph.D., agreed.")
    names = set(art.actors["actor"])
    assert {"Dana Korvel", "Tom Varnet"} <= names
    assert not names & {"M.D.", "M", "Ph", "Ph.D."}


def test_acronym_leaving_out_the_last_word_joins_its_name():
    art = _art(
        "The National Institute of Arthritis and Skin Diseases (NIAS) funded the study. "
        "NIAS said more work was needed."
    )
    row = art.actors.set_index("actor").loc["National Institute of Arthritis and Skin Diseases"]
    assert "NIAS" in set(row["aliases"]) and row["mentions"] == 3


def test_transcript_label_with_courtesy_title_is_a_person_with_that_gender():
    art = _art("MS. VARNET: Good afternoon. Tom Korvel will travel on Friday, and he will meet the mayor.")
    people = art.entities[art.entities["actor_type"] == "person"]
    assert set(people.loc[people["text"] == "VARNET", "actor"]) == {"Varnet"}
    assert set(people.loc[people["text"] == "he", "actor"]) == {"Tom Korvel"}


def test_ordinary_word_opening_a_sentence_opens_the_name_after_it():
    art = _art("Garden Weekly named the park the best in the region. The magazine said it was well kept.")
    assert "Garden Weekly" in set(art.actors["actor"])
    assert "Weekly" not in set(art.actors["actor"])


def test_a_title_standing_alone_is_its_holder():
    art = _art(
        "Alliance Secretary General Jens Varnet met Prime Minister Tom Korvel on Tuesday. "
        "“No partner is closer,” said the Secretary General."
    )
    ents = art.entities
    row = ents[ents["text"] == "Secretary General"]
    assert row["actor"].tolist()[-1] == "Jens Varnet" and row["rule"].tolist()[-1] == "title_of"
    assert art.quotes["speaker"].tolist() == ["Jens Varnet"]


@pytest.mark.parametrize(("tag", "state"), [("(R-Ga.)", "Georgia"), ("(D-Mont.)", "Montana"), ("(TX-07)", "Texas"), ("(I-Vt.)", "Vermont")])
def test_party_state_tags_name_the_state(tag, state):
    art = _art(f"Rep. Ann Korvel {tag} said the bill would pass.")
    ents = art.entities
    assert ents.loc[ents["rule"] == "state_code", "actor"].tolist() == [state]
    assert_offsets(art.text, ents)


def test_an_abbreviated_title_answers_to_its_word():
    art = _art("Army Gen. Mark A. Korvel met the committee on Tuesday. “We need predictable funding,” the general said.")
    assert art.quotes["speaker"].tolist() == ["Mark A. Korvel"]
    assert art.quotes["speaker_rule"].tolist() == ["noun phrase (title of person)"]


def test_an_ordinary_word_as_speaker_names_no_actor():
    from analysis.nlp.identity import _speaker_kind

    assert _speaker_kind("That", "name") is None
    assert _speaker_kind("Attacks", "name") is None
    assert _speaker_kind("Varnakcorp", "name") == "org"


def test_different_given_names_stay_different_people():
    art = _art("Mary Ann Sloane met Mary Beth Sloane and Mary Sloane on Monday. Tom Sloane was away.")
    people = set(art.actors.loc[art.actors["actor_type"] == "person", "actor"])
    assert people == {"Mary Ann Sloane", "Mary Beth Sloane", "Mary Sloane", "Tom Sloane"}


def test_a_dashed_pair_of_names_names_each():
    art = _art("The leaders agreed to deepen OPEC-Peru cooperation. OPEC and Peru said so.")
    ents = art.entities
    pair = ents[ents["rule"] == "name_pair"]
    assert pair["text"].tolist() == ["OPEC", "Peru"]
    assert set(pair["actor"]) <= set(art.actors["actor"]) and "OPEC-Peru" not in set(art.actors["actor"])
    assert_offsets(art.text, ents)


def test_company_short_name_and_corporate_titles():
    art = _art(
        "Varnak Motors Inc. said it would cut jobs. Chief Executive Officer Dana Korvel said the cuts "
        "were needed. Shares of Varnak fell 3% on Monday."
    )
    actors = dict(zip(art.actors["actor"], art.actors["mentions"]))
    assert actors.get("Dana Korvel") == 1
    company = [a for a in actors if a.startswith("Varnak Motors")]
    assert len(company) == 1 and actors[company[0]] == 2
    assert "Varnak" not in actors


def test_quoted_clause_keeps_numbers_and_skips_a_time_adjunct():
    art = _art("Varnak Motors said on Monday it would cut 2,000 jobs in the region, as demand slows.")
    assert art.quotes["text"].tolist() == ["it would cut 2,000 jobs in the region, as demand slows."]


def test_transcript_labels_in_capitals():
    art = Article.from_text(
        "Press conference\n\nSECRETARY OF DEFENSE LLOYD J. VARNET III: Good afternoon, everyone.\n\n"
        "Q: Mr. Secretary, can you say more about the request from the allies?\n\n"
        "SEC. VARNET: Sure. We will keep working with our allies on this request in the weeks ahead.\n\n"
        "STAFF: Last question, please, and then the secretary has to leave for the airport.\n\n"
        "QUESTION: Will the ministers meet again before the summit in the summer?\n"
    )
    actors = dict(zip(art.actors["actor"], art.actors["mentions"]))
    assert actors.get("Lloyd J. Varnet") == 2, actors
    assert not {"SEC", "STAFF", "VARNET", "Staff", "Q", "QUESTION"} & set(actors)



# -- the one focus model ---------------------------------------------------------------------


def test_pronoun_prefers_the_person_named_outside_quotes():
    art = _art("“Olek Varn is late,” Dana Korvel said. Later she left the hall.")
    pron = art.entities[art.entities["how"] == "pronoun"]
    assert pron["actor"].tolist() == ["Dana Korvel"]


def test_table_resolver_and_pronouns_share_one_focus_model():
    art = _art("Helen Korvel met Peter Varn on Monday. He thanked her for the visit.")
    coref = Coref(art.text, art.entities)
    offset = art.text.index("He thanked")
    assert coref.group_before(offset, 500) == ["Helen Korvel", "Peter Varn"]
    assert coref.persons_before(offset) == coref.focus.persons_before(offset) == ["Helen Korvel", "Peter Varn"]
    pron = art.entities[art.entities["how"] == "pronoun"]
    assert dict(zip(pron["text"], pron["actor"])) == {"He": "Peter Varn", "her": "Helen Korvel"}


def test_coref_reads_the_table_back_as_mentions():
    art = _art("The Quarry Safety Board (QSB) met. Dana Korvel chairs the QSB.")
    coref = Coref(art.text, art.entities)
    assert [m.key for m in coref.mentions] == art.entities.sort_values("start")["text"].tolist()
    assert coref.lookup("QSB") == coref.lookup("Quarry Safety Board") == "Quarry Safety Board"
    assert coref.lookup("Korvel") == "Dana Korvel"
