"""Temporal expressions (analysis/extract/timex/): recognition and TIMEX3 normalisation on single sentences."""

from __future__ import annotations

import pytest

from analysis.extract.timex import find_timexes, parse_value


def _one(text: str, dct: str | None = "2023-02-01") -> tuple[str, str, str]:
    found = find_timexes(text, dct=dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    return t.text, t.type, t.value


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


def test_named_period_interval_from_data():
    (t,) = find_timexes("Her grandmother grew up during the Great Depression.", dct="2023-02-01")
    assert (t.date_start[:4], t.date_end[:4]) == ("1929", "1939")


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
