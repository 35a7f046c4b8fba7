"""Linking mentions to actors (analysis/extract/entities/linking.py, acronyms.py): names inside names,
modified names, a company's short name, a country closing a body's name, words that name no actor.
"""

from __future__ import annotations

from analysis import Article
from tests.builders import entities_of, identity_of
from tests.conftest import assert_offsets

# -- names inside names, states, modifiers ---------------------------------------------------------


def test_body_title_and_person_are_apart():
    tables = identity_of(
        "Harbor and Rail Committee Ranking Member Dana Korvel (R-TX) praised the plan on Monday. "
        "Korvel said it would create jobs."
    )
    actors = dict(zip(tables.actors["actor"], tables.actors["actor_type"]))
    assert actors.get("Dana Korvel") == "person"
    assert actors.get("Harbor and Rail Committee") == "org"
    assert actors.get("Texas") == "place"  # the party-state tag names the state
    assert not any("Korvel" in a and a != "Dana Korvel" for a in actors)
    assert_offsets(tables.text, tables.entities)


def test_modifier_before_a_body_named_alone_is_that_body():
    ents = entities_of(
        "The Assembly met on Monday. The Assembly passed the bill. "
        "The party needed no Neutral Assembly votes."
    )
    body = ents[ents["text"].str.contains("Assembly")]
    assert set(body["actor"]) == {"Assembly"}
    assert "modified_name" in set(body["rule"])


def test_country_closing_a_body_name_is_also_counted():
    tables = identity_of("The Government of Chile said it would reply on Monday.")
    ents = tables.entities
    assert ("Chile", "country", "nested") in set(zip(ents["text"], ents["actor_type"], ents["how"]))
    assert "Government of Chile" in set(tables.actors["actor"])


def test_degree_after_a_name_is_no_actor():
    tables = identity_of("“The results are clear,” said Dana Korvel, M.D., director of the clinic. Tom Varnet, Ph.D., agreed.")
    names = set(tables.actors["actor"])
    assert {"Dana Korvel", "Tom Varnet"} <= names
    assert not names & {"M.D.", "M", "Ph", "Ph.D."}


def test_acronym_leaving_out_the_last_word_joins_its_name():
    tables = identity_of(
        "The National Institute of Arthritis and Skin Diseases (NIAS) funded the study. "
        "NIAS said more work was needed."
    )
    row = tables.actors.set_index("actor").loc["National Institute of Arthritis and Skin Diseases"]
    assert "NIAS" in set(row["aliases"]) and row["mentions"] == 3


def test_company_short_name_and_corporate_titles():
    tables = identity_of(
        "Varnak Motors Inc. said it would cut jobs. Chief Executive Officer Dana Korvel said the cuts "
        "were needed. Shares of Varnak fell 3% on Monday."
    )
    actors = dict(zip(tables.actors["actor"], tables.actors["mentions"]))
    assert actors.get("Dana Korvel") == 1
    company = [a for a in actors if a.startswith("Varnak Motors")]
    assert len(company) == 1 and actors[company[0]] == 2
    assert "Varnak" not in actors
    # a legal-form suffix of another country types its company too ("SpA", "Oyj", "BV")
    for suffix in ("SpA", "Oyj", "BV"):
        tables = identity_of(f"Banca Portmere Korvel {suffix} raised its forecast on Monday.")
        types = dict(zip(tables.actors["actor"], tables.actors["actor_type"]))
        assert types == {f"Banca Portmere Korvel {suffix}": "org"}, types


# -- a name's neighbours that are not the name (real pages: a title in waiting, a sentence's verb) -


def test_a_title_in_waiting_is_a_title():
    tables = identity_of(
        "The harbour contract went to a local firm, President-elect Dana Korvel announced on Tuesday. "
        "Vice President-elect Olek Varn agreed. President-elect Korvel thanked the council."
    )
    actors = dict(zip(tables.actors["actor"], tables.actors["actor_type"]))
    assert actors.get("Dana Korvel") == "person" and actors.get("Olek Varn") == "person"
    assert not any("elect" in a for a in actors)
    korvel = tables.actors.set_index("actor").loc["Dana Korvel"]
    assert korvel["mentions"] == 2
    assert_offsets(tables.text, tables.entities)


def test_a_sentence_word_before_a_given_name_is_no_part_of_the_name():
    tables = identity_of(
        "Dana Korvel runs the ferry board in Portmere. Ask Dana Korvel about the timetable and she "
        "will talk for hours. Sociologist Ilse Maren, who studies port towns, praised the board. "
        "Replied Korvel, with a smile: the ferries will run."
    )
    actors = set(tables.actors["actor"])
    assert {"Dana Korvel", "Ilse Maren"} <= actors
    assert not any(a.split()[0] in ("Ask", "Sociologist", "Replied") for a in actors)
    assert_offsets(tables.text, tables.entities)


def test_a_cue_word_before_a_given_name_stays_in_the_name():
    actors = identity_of("Hurricane Dana reached the coast on Friday. Port Elizabeth closed its harbour.").actors
    kinds = dict(zip(actors["actor"], actors["actor_type"]))
    assert kinds.get("Hurricane Dana") == "event"
    assert "Port Elizabeth" in kinds


def test_a_given_name_that_is_also_a_function_word_opens_a_sentence_name():
    actors = set(identity_of("The board met on Friday. Don Pellow agreed with the choice.").actors["actor"])
    assert "Don Pellow" in actors


def test_a_surname_only_a_preposition_typed_is_the_person():
    tables = identity_of(
        "Dana Korvel won the vote in Portmere on Monday. The board got threats from Korvel supporters "
        "after the count, late in Korvel's first term."
    )
    ents = tables.entities
    korvel = ents[ents["text"] == "Korvel"]
    assert len(korvel) == 2 and set(korvel["actor"]) == {"Dana Korvel"}
    assert "place" not in set(korvel["actor_type"])


def test_a_name_glued_to_its_bio_is_the_person_twice():
    # an author box copied as one line: the name, then the bio opening with the given name
    tables = identity_of("The review came out on Monday.\n\nDana Korvel Dana reviews ferries for the Harbour Gazette.")
    assert set(tables.actors["actor"]) == {"Dana Korvel", "Harbour Gazette"}
    assert tables.actors.set_index("actor").loc["Dana Korvel", "mentions"] == 2
    # a name made of a repeated word stays one name
    assert "Korvel & Korvel" in set(identity_of("Korvel & Korvel opened a shop in Portmere.").actors["actor"])


def test_a_surname_before_a_number_is_the_person_not_a_team():
    # "gave Korvel 36 votes" looks like a score ("Wexford 36"); the article's Dana Korvel says otherwise
    tables = identity_of("Dana Korvel won the harbour vote on Monday. The north ward gave Korvel 36 votes.")
    ents = tables.entities
    korvel = ents[ents["text"] == "Korvel"]
    assert len(korvel) == 1 and korvel["actor"].tolist() == ["Dana Korvel"]
    assert korvel["actor_type"].tolist() == ["person"]


def test_a_title_case_pronoun_is_no_country():
    tables = identity_of(
        "The harbour board met on Friday and the US market grew.\n\n"
        "Ferries Are Going to Hit Us Like a Wave\n\n"
        "The board said the ferries would come in March."
    )
    actors = set(tables.actors["actor"])
    assert "Us" not in actors
    assert any(a in ("US", "United States") for a in actors)


def test_a_joiner_before_a_credit_is_not_the_name():
    ents = entities_of("The photo was taken by Olek Varn / Reuters at the pier on Monday.")
    assert "Olek Varn" in set(ents["text"])
    assert not any(t.endswith("/") for t in ents["text"])
    # a slash with a space beside it parts two names (a credit, a list); written without one it joins
    ents = entities_of("The photos by Ezra Palo / Harbour Images show the pier, and Varn/Korvel Lines ran the ferry.")
    assert {"Ezra Palo", "Harbour Images", "Varn/Korvel Lines"} <= set(ents["text"])


def test_an_ordinary_word_only_the_given_name_list_makes_a_person_names_no_actor():
    actors = set(identity_of(
        "The ferry board met in Portmere on Friday. Joy of joys, the pier is open. "
        "The letter was signed by Jolene on Monday."
    ).actors["actor"])
    assert "Joy" not in actors  # an ordinary word, capitalised once: no actor
    assert "Jolene" in actors  # a given name that is no ordinary word stays a person
    # said by someone, or given to a person the article names, the word is a name
    actors = set(identity_of("Joy Pell runs the pier. Joy said the ferry would run on Friday.").actors["actor"])
    assert "Joy Pell" in actors


def test_a_subhead_in_title_case_names_nothing_by_its_capitals():
    text = (
        "Harbour fees rise again\n\nBy Jane Doe\n\n"
        "The ferry board in Portmere raised its fees on Friday, the third rise this year, and the "
        "traders on the quay say the rise will hurt them.\n\n"
        "Fuel Bills\n\n"
        "The board said the costs of fuel and wages had grown faster than its income since spring.\n\n"
        "Hurricane Dana\n\n"
        "The storm that hit the quay in May also cost the board money, its treasurer said."
    )
    art = Article.from_text(text)
    assert "heading" in set(art.blocks["kind"])
    actors = dict(zip(art.actors["actor"], art.actors["actor_type"]))
    assert "Fuel Bills" not in actors  # a subhead's capitals are no name
    assert actors.get("Hurricane Dana") == "event"  # a cue word still opens a name in one
    assert "Portmere" in actors


def test_pm_before_a_name_is_a_title():
    tables = identity_of("Prime Minister Dana Korvel signed the ferry deal. PM Korvel said the ferries would run.")
    assert set(tables.actors["actor"]) >= {"Dana Korvel"} and not any("PM" in a for a in tables.actors["actor"])


def test_an_auxiliary_opens_no_name_inside_a_sentence():
    text = (
        "Harbour fees rise again\n\nBy Jane Doe\n\n"
        "The ferry board in Portmere raised its fees on Friday, the third rise this year, and the "
        "traders on the quay say the rise will hurt them.\n\nOther People Are Reading\n\n"
        "The board said the costs of fuel and wages had grown faster than its income since spring."
    )
    actors = set(Article.from_text(text).actors["actor"])
    assert not any(a.startswith("Are") or a == "Reading" for a in actors)
    assert "Portmere" in actors
