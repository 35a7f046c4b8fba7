"""Tests for analysis/timeline.py and analysis/timex.py: recognition, normalisation, events."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Article
from analysis.timeline import TIMELINE_COLUMNS, event_clause, extract_timeline
from analysis.timex import find_timexes, parse_value

from .conftest import assert_offsets


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
        ("The strategy was issued in December.", ("December", "DATE", "2022-12")),
        ("Talks will resume in March.", ("March", "DATE", "2023-03")),
        ("Prices fell in March 2019.", ("March 2019", "DATE", "2019-03")),
        ("He arrived yesterday.", ("yesterday", "DATE", "2023-01-31")),
        ("He will leave tomorrow.", ("tomorrow", "DATE", "2023-02-02")),
        ("Sales rose last week.", ("last week", "DATE", "2023-W04")),
        ("Output grew last year.", ("last year", "DATE", "2022")),
        ("They will meet next month.", ("next month", "DATE", "2023-03")),
        ("The plant closed two years ago.", ("two years ago", "DATE", "2021")),
        ("It will double spending over five years.", ("five years", "DURATION", "P5Y")),
        ("He served a two-year term.", ("two-year", "DURATION", "P2Y")),
        ("The talks lasted three days.", ("three days", "DURATION", "P3D")),
        ("The train left at 6:20 p.m.", ("6:20 p.m.", "TIME", "2023-02-01T18:20")),
        ("The report is published every year.", ("every year", "SET", "P1Y")),
        ("Prices are checked daily.", ("daily", "SET", "P1D")),
        ("Ties have grown in recent years.", ("in recent years", "DATE", "PAST_REF")),
        ("Prices are high now.", ("now", "DATE", "PRESENT_REF")),
        ("The fashion of the 1990s returned.", ("the 1990s", "DATE", "199")),
        ("Earnings in the third quarter of 2021 rose.", ("the third quarter of 2021", "DATE", "2021-Q3")),
        ("It was the first time since World War II.", ("World War II", "DATE", "1939/1945")),
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
    (t,) = find_timexes("The country plans to double spending over five years.", dct="2023-02-01")
    assert (t.date_start, t.date_end) == ("2023-02-01", "2028-01-31")


# -- events and actors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "timex", "must_contain"),
    [
        ("The government issued a strategy in December, which angered critics.", "December", "issued a strategy"),
        ("During a visit on Jan. 31, the minister said talks would go on.", "Jan. 31", "visit"),
    ],
)
def test_event_clause(sentence, timex, must_contain):
    a = sentence.index(timex)
    _, _, phrase = event_clause(sentence, a, a + len(timex))
    assert must_contain in phrase and timex not in phrase


def test_actors_from_entities_in_clause():
    text = "Japan issued a strategy in December, and France objected."
    sents = pd.DataFrame({"sentence_id": [0], "kind": ["body"], "start": [0], "end": [len(text)], "text": [text]})
    ents = pd.DataFrame(
        {
            "mention_id": [0, 1],
            "sentence_id": [0, 0],
            "start": [0, 38],
            "end": [5, 44],
            "text": ["Japan", "France"],
            "actor": ["Japan", "France"],
        }
    )
    tl = extract_timeline(text, sents, published="2023-02-01", entities=ents)
    assert tl.loc[0, "actors"] == "Japan"


def test_empty_entities_and_no_dates():
    art = Article.from_text("The minister spoke to reporters.", published="2023-02-01", layout="plain")
    tl = art.timeline
    assert len(tl) == 0 and list(tl.columns[: len(TIMELINE_COLUMNS)]) == TIMELINE_COLUMNS


def test_article_without_publication_date_marks_unresolved():
    art = Article.from_text("The strategy was issued in December.", layout="plain")
    row = art.timeline.iloc[0]
    assert row["value"] == "XXXX-12" and not row["resolved"] and pd.isna(row["date_start"])


def test_named_period_interval_from_data():
    (t,) = find_timexes("The first such step since World War II.", dct="2023-02-01")
    assert (t.date_start[:4], t.date_end[:4]) == ("1939", "1945")
