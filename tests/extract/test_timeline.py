"""Tests for analysis/extract/timeline.py and the analysis/extract/timex/ package: recognition, normalisation, events."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Article
from analysis.extract.timeline import TIMELINE_COLUMNS, event_clause, extract_timeline
from analysis.extract.timex import find_timexes, parse_value
from tests.conftest import assert_offsets


def _one(text: str, dct: str | None = "2023-02-01") -> tuple[str, str, str]:
    found = find_timexes(text, dct=dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    return t.text, t.type, t.value


# -- the shipped article --------------------------------------------------------------------------


def test_contract_columns_and_offsets(nato):
    tl = nato.timeline
    assert list(tl.columns[: len(TIMELINE_COLUMNS)]) == TIMELINE_COLUMNS
    assert len(tl) > 0
    assert_offsets(nato.text, tl)
    assert tl["timex_id"].tolist() == list(range(len(tl)))
    assert set(tl["type"]) <= {"DATE", "TIME", "DURATION", "SET"}
    assert tl["rule"].notna().all()


def test_gold_timeline_entries_found(nato, gold):
    tl = nato.timeline
    for entry in gold["timeline"]:
        hits = tl[
            tl["text"].str.contains(entry["text"], regex=False) | tl["text"].map(lambda t, e=entry: t in e["text"])
        ]
        hits = hits[hits["text"].map(lambda t, e=entry: e["text"] in t or t in e["text"])]
        assert (hits["value"] == entry["value"]).any(), (entry, hits[["text", "value"]].values.tolist())


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


# -- recognition and normalisation on small texts --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed on Jan. 31, 2023.", ("Jan. 31, 2023", "DATE", "2023-01-31")),
        ("The deal was signed on 31 January 2023.", ("31 January 2023", "DATE", "2023-01-31")),
        ("Posted 2/1/2023", ("2/1/2023", "DATE", "2023-02-01")),
        ("Released 2022-11-05 by the agency.", ("2022-11-05", "DATE", "2022-11-05")),
        ("The visit on Jan. 31 went well.", ("Jan. 31", "DATE", "2023-01-31")),
        ("The recall was issued in December.", ("December", "DATE", "2022-12")),
        ("Talks will resume in March.", ("March", "DATE", "2023-03")),
        ("Prices fell in March 2019.", ("March 2019", "DATE", "2019-03")),
        ("He arrived yesterday.", ("yesterday", "DATE", "2023-01-31")),
        ("He will leave tomorrow.", ("tomorrow", "DATE", "2023-02-02")),
        ("Sales rose last week.", ("last week", "DATE", "2023-W04")),
        ("Output grew last year.", ("last year", "DATE", "2022")),
        ("They will meet next month.", ("next month", "DATE", "2023-03")),
        ("The plant closed two years ago.", ("two years ago", "DATE", "2021")),
        ("It will widen the road over five years.", ("five years", "DURATION", "P5Y")),
        ("He served a two-year term.", ("two-year", "DURATION", "P2Y")),
        ("The talks lasted three days.", ("three days", "DURATION", "P3D")),
        ("The train left at 6:20 p.m.", ("6:20 p.m.", "TIME", "2023-02-01T18:20")),
        ("The report is published every year.", ("every year", "SET", "P1Y")),
        ("Prices are checked daily.", ("daily", "SET", "P1D")),
        ("Ties have grown in recent years.", ("in recent years", "DATE", "PAST_REF")),
        ("Prices are high now.", ("now", "DATE", "PRESENT_REF")),
        ("The fashion of the 1990s returned.", ("the 1990s", "DATE", "199")),
        ("Earnings in the third quarter of 2021 rose.", ("the third quarter of 2021", "DATE", "2021-Q3")),
        ("The mill closed during the Great Depression.", ("the Great Depression", "DATE", "1929/1939")),
        ("The vote took place on Monday.", ("Monday", "DATE", "2023-01-30")),
        ("The vote will take place on Friday.", ("Friday", "DATE", "2023-02-03")),
        ("Shops close at Christmas.", ("Christmas", "DATE", "2022-12-25")),
    ],
)
def test_recognise_and_normalise(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0:00",
        "Watch the video 0:00 / 3:12",
        "The score was 2:1 at half time.",
        "She may visit them.",
        "He will march to the hall.",
        "About 2000 people attended.",
        "A fall in prices hit farmers.",
        "It cost $1990.",
    ],
)
def test_not_temporal(text):
    assert find_timexes(text, dct="2023-02-01") == []


@pytest.mark.parametrize(
    "text",
    [
        "The 6-year-old boy returned home.",
        "Mr. Smith, 52 years old, will retire.",
        "Iraq imports about three-quarters of its food.",
        "It will be a second betrayal.",
        "The company raised its quarterly dividend.",
        "He left as soon as the talks ended.",
        "The previously announced plan was dropped.",
        "Future losses will be small.",
    ],
)
def test_ages_fractions_and_adjectives_are_not_timexes(text):
    assert [t.text for t in find_timexes(text, dct="2023-02-01")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the preposition stays out of the extent (TimeML)
        ("Ties have grown in the past.", ("the past", "DATE", "PAST_REF")),
        # a length of time after "within", a rate after a quantity
        ("Troops must leave within a week.", ("a week", "DURATION", "P1W")),
        ("The plant makes 700 cars a week.", ("a week", "SET", "P1W")),
        # decades as durations are written in years
        ("Prices rose for two decades.", ("two decades", "DURATION", "P20Y")),
        # "a third-quarter loss": the article belongs to the noun
        ("The firm posted a third-quarter loss.", ("third-quarter", "DATE", "2022-Q3")),
        # the twelve months up to a date, or the year of the report
        ("Net income for the year ended on that date rose.", ("the year", "DURATION", "P1Y")),
        ("Sales for the full year rose.", ("the full year", "DATE", "2023")),
        # a month named with a past verb lies behind the publication date even when its next return is nearer
        ("He stepped down in March for health reasons.", ("March", "DATE", "2022-03")),
        ("Talks could resume as early as Tuesday.", ("as early as Tuesday", "DATE", "2023-02-07")),
        ("Protesters were planning to march on Saturday.", ("Saturday", "DATE", "2023-02-04")),
    ],
)
def test_more_normalisation(text, expected):
    dct = "2023-02-01" if "March" not in text else "2022-11-02"
    if "full year" in text:
        dct = "2023-05-01"
    assert _one(text, dct) == expected


def test_results_report_compares_with_the_quarter_a_year_before():
    state: dict = {}
    find_timexes("The bank posted a third-quarter loss of $5 million.", dct="2022-11-02", state=state)
    find_timexes("Rates are set to rise on Dec. 15.", dct="2022-11-02", state=state)
    (t,) = find_timexes("It earned $3 million a year ago.", dct="2022-11-02", state=state)
    (u,) = find_timexes("The latest period included a gain.", dct="2022-11-02", state=state)
    (w,) = find_timexes("Costs fell in the year-earlier period.", dct="2022-11-02", state=state)
    assert (t.value, u.value, w.value) == ("2021-Q3", "2022-Q3", "2021-Q3")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices rose in December.", "XXXX-12"),
        ("He arrived yesterday.", "XXXX-XX-XX"),
        ("The visit on Jan. 31 went well.", "XXXX-01-31"),
    ],
)
def test_unresolved_without_publication_date(text, value):
    (t,) = find_timexes(text, dct=None)
    assert (t.value, t.resolved, t.date_start, t.date_end) == (value, False, None, None)


def test_absolute_dates_need_no_publication_date():
    (t,) = find_timexes("Signed on Jan. 31, 2023.", dct=None)
    assert (t.value, t.resolved, t.date_start) == ("2023-01-31", True, "2023-01-31")


def test_anaphoric_anchor_uses_previous_date():
    state: dict = {}
    find_timexes("The war began in 1990.", dct="2000-06-01", state=state)
    (t,) = find_timexes("A year later it ended.", dct="2000-06-01", state=state)
    assert (t.value, t.anchor) == ("1991", "previous date")


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2022-12", ("2022-12-01", "2022-12-31")),
        ("2023-Q1", ("2023-01-01", "2023-03-31")),
        ("2023-W05", ("2023-01-30", "2023-02-05")),
        ("199", ("1990-01-01", "1999-12-31")),
        ("2024", ("2024-01-01", "2024-12-31")),
    ],
)
def test_parse_value_intervals(value, interval):
    _, a, b = parse_value(value)
    assert (a.isoformat(), b.isoformat()) == interval


def test_duration_interval_anchored_to_future():
    (t,) = find_timexes("The club plans to double its membership over five years.", dct="2023-02-01")
    assert (t.date_start, t.date_end) == ("2023-02-01", "2028-01-31")


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
    art = Article.from_text("The minister spoke to reporters.", published="2023-02-01", layout="plain")
    tl = art.timeline
    assert len(tl) == 0 and list(tl.columns[: len(TIMELINE_COLUMNS)]) == TIMELINE_COLUMNS


def test_article_without_publication_date_marks_unresolved():
    art = Article.from_text("The recall was issued in December.", layout="plain")
    row = art.timeline.iloc[0]
    assert row["value"] == "XXXX-12" and not row["resolved"] and pd.isna(row["date_start"])


def test_named_period_interval_from_data():
    (t,) = find_timexes("Her grandmother grew up during the Great Depression.", dct="2023-02-01")
    assert (t.date_start[:4], t.date_end[:4]) == ("1929", "1939")


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


# --- times and dates as real pages write them -------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "dct", "text", "value"),
    [
        # a clock time with a zone, dotted; it takes the day of the weekday beside it
        ("An aftershock hit at 03.17 UTC on Friday.", "2021-05-14", "03.17 UTC on Friday", "2021-05-14T03:17"),
        ("Boats left the harbour at 16.30 GMT.", "2021-05-14", "16.30 GMT", "2021-05-14T16:30"),
        # the zone in brackets; the day comes from "Friday night", not from the publication date
        ("The vote closed at 10:05 p.m. (CST) Monday night.", "2022-03-09", "10:05 p.m. (CST)", "2022-03-07T22:05"),
        # "last night at about 9:40": the evening before the publication date, 21:40
        ("The alarm sounded last night at about 9:40 in the depot.", "2022-03-09", "9:40", "2022-03-08T21:40"),
        ("The road reopened at approximately 3:15 this afternoon.", "2022-03-09", "3:15", "2022-03-09T15:15"),
        ("The ferry left early in the evening.", "2022-03-09", "early in the evening", "2022-03-09TEV"),
        # a range of months closed by one year
        ("Frost is likely for Nov-Feb 2021.", "2020-10-01", "Nov-Feb 2021", "2020-11/2021-02"),
        ("The mayor has previously served two terms.", "2022-03-09", "previously", "PAST_REF"),
        ("The council will not raise rents at this time.", "2022-03-09", "at this time", "PRESENT_REF"),
        # a tokenised copy's space before the comma
        ("OTTAWA , March 07 , 2019 - The House voted.", "2019-03-07", "March 07 , 2019", "2019-03-07"),
    ],
)
def test_page_times_and_dates(sentence, dct, text, value):
    found = {t.text: t.value for t in find_timexes(sentence, dct=dct)}
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    "sentence", ["The previously announced plan was dropped.", "He was swept away by the current.", "The current was strong."]
)
def test_vague_words_used_otherwise_are_not_dates(sentence):
    assert [t.text for t in find_timexes(sentence, dct="2020-01-01")] == []


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
