"""The timeline (analysis/extract/timeline.py): one row per temporal expression, its event and its actors."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Article
from analysis.extract.timeline import TIMELINE_COLUMNS, event_clause, extract_timeline
from tests.builders import timeline_of
from tests.conftest import assert_offsets

# -- the shipped article --------------------------------------------------------------------------


def test_contract_columns_and_offsets(nato):
    tl = nato.timeline
    assert list(tl.columns[: len(TIMELINE_COLUMNS)]) == TIMELINE_COLUMNS
    assert len(tl) > 0
    assert_offsets(nato.text, tl)
    assert tl["timex_id"].tolist() == list(range(len(tl)))
    assert set(tl["type"]) <= {"DATE", "TIME", "DURATION", "SET"}
    assert tl["rule"].notna().all()


def test_media_player_time_not_in_timeline(nato):
    assert "0:00" not in nato.timeline["text"].tolist()


def test_dateline_event_is_publication(nato):
    datelines = nato.timeline[
        nato.timeline["sentence_id"].isin(nato.sentences.query("kind == 'dateline'")["sentence_id"])
    ]
    assert len(datelines) >= 1
    assert datelines["event"].iloc[0] == "article published"


def test_dates_interval_for_month(nato):
    row = nato.timeline[nato.timeline["text"] == "December"].iloc[0]
    assert (row["date_start"], row["date_end"]) == ("2022-12-01", "2022-12-31")


def test_event_of_partial_date_names_the_predicate(nato):
    row = nato.timeline[nato.timeline["text"] == "December"].iloc[0]
    assert "issued" in row["event"] and "December" not in row["event"]


# -- events and actors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "timex", "must_contain"),
    [
        ("The council issued a recall notice in December, which angered critics.", "December", "issued a recall notice"),
        ("During a tour on May 3, the mayor said work would go on.", "May 3", "tour"),
    ],
)
def test_event_clause(sentence, timex, must_contain):
    a = sentence.index(timex)
    _, _, phrase = event_clause(sentence, a, a + len(timex))
    assert must_contain in phrase and timex not in phrase


@pytest.mark.parametrize(
    ("sentence", "timex", "expected"),
    [
        # an event noun phrase the expression closes is the event, not the following main clause
        ("During a visit to Paris on May 3, the minister spoke to reporters.", "May 3", "a visit to Paris"),
        (
            "The two coaches embraced after holding a long meeting in Rome on March 2, 2021.",
            "March 2, 2021",
            "holding a long meeting in Rome",
        ),
        ("Ahead of talks in Geneva on Friday, the envoy said little.", "Friday", "talks in Geneva"),
        # a bare opening date dates the main clause
        ("On Friday, the minister resigned.", "Friday", "the minister resigned"),
        # the subject is kept and a relative clause or an apposition between it and the predicate skipped
        (
            "Norway, which is one of the region's biggest exporters, has cut its fees in recent years.",
            "recent years",
            "Norway has cut its fees",
        ),
        (
            "The company, a maker of steel pipes, reported a loss in the third quarter.",
            "the third quarter",
            "The company reported a loss",
        ),
        ("The bank raised rates in December, which hurt buyers.", "December", "The bank raised rates"),
        # a relative clause that holds the expression is its own event
        ("It issued a plan, which set a goal for 2030.", "2030", "set a goal"),
    ],
)
def test_event_phrase(sentence, timex, expected):
    a = sentence.index(timex)
    _, _, phrase = event_clause(sentence, a, a + len(timex))
    assert phrase == expected


def _timeline_with_entities(text: str, names: list[str]) -> pd.DataFrame:
    sents = pd.DataFrame({"sentence_id": [0], "kind": ["body"], "start": [0], "end": [len(text)], "text": [text]})
    starts = [text.index(n) for n in names]
    ents = pd.DataFrame(
        {
            "mention_id": list(range(len(names))),
            "sentence_id": [0] * len(names),
            "start": starts,
            "end": [a + len(n) for a, n in zip(starts, names)],
            "text": names,
            "actor": names,
        }
    )
    return extract_timeline(text, sents, published="2023-02-01", entities=ents)


@pytest.mark.parametrize(
    ("text", "names", "actors"),
    [
        # the visitor of an opening event phrase is the main clause's subject
        ("During a visit to Lisbon on May 3, Dana Korvel said talks went well.", ["Lisbon", "Dana Korvel"], "Lisbon; Dana Korvel"),
        # an actor named only in a skipped relative clause is not an actor of the event
        ("Norway, which is a neighbour of Sweden, has cut fees in recent years.", ["Norway", "Sweden"], "Norway"),
    ],
)
def test_actors_follow_the_event(text, names, actors):
    assert _timeline_with_entities(text, names).loc[0, "actors"] == actors


def test_actors_from_entities_in_clause():
    tl = _timeline_with_entities(
        "Northwind Foods issued a recall in December, and the Harbour Board objected.",
        ["Northwind Foods", "Harbour Board"],
    )
    assert tl.loc[0, "actors"] == "Northwind Foods"


def test_empty_entities_and_no_dates():
    tl = timeline_of("The minister spoke to reporters.", published="2023-02-01")
    assert len(tl) == 0 and list(tl.columns[: len(TIMELINE_COLUMNS)]) == TIMELINE_COLUMNS


def test_article_without_publication_date_marks_unresolved():
    row = timeline_of("The recall was issued in December.").iloc[0]
    assert row["value"] == "XXXX-12" and not row["resolved"] and pd.isna(row["date_start"])


def test_caption_dates_get_the_caption_people_as_actors():
    text = (
        "Leaders Agree on Fishing Quotas After Long Talks\n"
        "Prime Minister Ann Lee and President Tom Berg sign the accord after holding talks in Oslo on Jan. 27, 2023. "
        "(Kari Nordmann/Reuters)\n"
        "By Jane Doe\n"
        "Feb. 1, 2023\n\n"
        "The two leaders agreed on new fishing quotas for the shared waters, officials said on Wednesday.\n"
        "Lee said the deal would protect jobs in coastal towns for years to come.\n"
    )
    art = Article.from_text(text)
    row = art.timeline[art.timeline["text"] == "Jan. 27, 2023"].iloc[0]
    assert art.sentences.set_index("sentence_id").loc[row.sentence_id, "kind"] == "caption"
    assert row.value == "2023-01-27"
    assert {"Ann Lee", "Tom Berg", "Oslo"} <= set(row.actors.split("; "))
    # the story's actors table still counts story mentions only: the caption-only people are not in it
    assert not {"Tom Berg", "Oslo"} & set(art.actors["actor"])


@pytest.mark.parametrize(
    "path",
    [
        "data/articles/nato-chief-condemns-china-bullying.txt",
        "data/corpora/nato-japan-2023/nato-2023-01-31-joint-press-point-stoltenberg-kishida.txt",
    ],
)
def test_story_rows_name_the_actors_of_the_entities_table(path):
    from analysis import load_article

    art = load_article(path)
    kinds = art.sentences.set_index("sentence_id")["kind"]
    story = art.timeline[art.timeline["sentence_id"].map(kinds).isin(["body", "heading"])]
    named = [a for actors in story["actors"] if actors for a in actors.split("; ")]
    assert named, "the article dates events with actors"
    assert set(named) <= set(art.entities["actor"])


def test_caption_names_the_story_writes_take_the_story_actor():
    text = (
        "Fishing Deal Signed\n"
        "Lee signs the accord with Tom Berg in Oslo on Jan. 27, 2023. (Kari Nordmann/Reuters)\n"
        "By Jane Doe\n"
        "Feb. 1, 2023\n\n"
        "Prime Minister Ann Lee signed the fishing deal with President Tom Berg, officials said on Wednesday.\n"
        "Lee said the deal would protect jobs in coastal towns.\n"
    )
    art = Article.from_text(text)
    row = art.timeline[art.timeline["text"] == "Jan. 27, 2023"].iloc[0]
    story_lee = art.entities.loc[art.entities["text"] == "Lee", "actor"].iloc[0]
    assert story_lee in row.actors.split("; ")


@pytest.mark.parametrize(
    "text",
    [
        "Dana Korvel of the Harbour Board said on Monday that the ferries would sail in May.",
        "Dana Korvel said the ferries would sail.",  # no temporal expression: an empty timeline
    ],
    ids=["expressions", "none"],
)
def test_actors_named_while_building_equal_renaming_afterwards(text):
    from analysis.nlp.identity import align_actors

    art = Article.from_text(text, published="2023-03-01", layout="plain")
    args = (art.text, art.sentences)
    kwargs = {"published": "2023-03-01", "entities": art.entities, "tokens": art.tokens}
    built = extract_timeline(*args, **kwargs, actors=art.actors)
    pd.testing.assert_frame_equal(built, align_actors(extract_timeline(*args, **kwargs), art.actors))
    assert built.columns[-1] == "actor_ids"
