"""The TIMEX rule table: which patterns are tried, in which order, and which normaliser reads each match.

Each rule is one entry of :data:`RULES`, in order of precedence: its name (the value of the
timeline's ``rule`` column), the TIMEX3 type it yields, its regular expression over one sentence,
its normaliser, the trigger words and gate that decide cheaply whether a sentence is worth trying.
It reads the pattern pieces of :mod:`.patterns` and the normalisers of :mod:`.normalise`,
:mod:`.relative` and :mod:`.durations`; :mod:`.engine` walks the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass

from analysis.extract.timex.durations import (
    norm_duration,
    norm_duration_plural,
    norm_past_future_unit,
    norm_set,
    norm_set_rate,
    norm_time,
    norm_vague,
)
from analysis.extract.timex.normalise import (
    Context,
    Result,
    named_period_interval,
    norm_absolute_date,
    norm_century,
    norm_decade,
    norm_fiscal_short,
    norm_holiday,
    norm_month,
    norm_month_day,
    norm_month_range,
    norm_month_year,
    norm_month_year_rel,
    norm_named_period,
    norm_season,
    norm_tod_mod,
    norm_year,
)
from analysis.extract.timex.patterns import (
    AMPM,
    APPROX,
    DAYN,
    DECADE_WORDS,
    DIGIT,
    IN_THE,
    MAY_PRE,
    MOD_PRE,
    MON_ANY,
    MONTH_WORDS,
    ORD,
    SEASON_WORDS,
    TIME_PRE,
    TOD_WORDS,
    TZ,
    UNIT_WORDS,
    UNITS,
    WD,
    WEEKDAY_WORDS,
    YEAR4,
    YEARREL,
    Gate,
    absolute_gate,
    decade_gate,
    holiday_gate,
    holiday_pattern,
    number_pattern,
    period_gate,
    period_pattern,
    time_gate,
    year_gate,
)
from analysis.extract.timex.relative import (
    norm_ago,
    norm_deictic,
    norm_deictic_tod,
    norm_period,
    norm_quarter,
    norm_quarter_code,
    norm_relative_unit,
    norm_set_weekday,
    norm_the_year,
    norm_weekday,
    norm_weekend,
    norm_year_ago_adj,
)
from analysis.read.dates import DATE_RE
from analysis.rules import Example, RuleTable

#: The publication date every rule's example is read against: Wednesday 1 February 2023, in ISO
#: week 5 and the first quarter.
EXAMPLE_DCT = "2023-02-01"

# The rule names, as written in the timeline's ``rule`` column: code names a rule by these.
ABSOLUTE_DATE = "absolute_date"
MONTH_RANGE = "month_range"
TIME = "time"
TOD_MOD = "tod_mod"
NAMED_PERIOD = "named_period"
HOLIDAY = "holiday"
MONTH_YEAR = "month_year"
MONTH_YEAR_REL = "month_year_rel"
MONTH_DAY = "month_day"
DAY_MONTH = "day_month"
QUARTER_CODE = "quarter_code"
QUARTER = "quarter"
DECADE = "decade"
CENTURY = "century"
SEASON = "season"
AGO = "ago"
YEAR_AGO_ADJ = "year_ago_adj"
RELATIVE_UNIT = "relative_unit"
PAST_FUTURE_UNIT = "past_future_unit"
WEEKEND = "weekend"
DEICTIC_TOD = "deictic_tod"
DEICTIC = "deictic"
TOD_WEEKDAY = "tod_weekday"
WEEKDAY = "weekday"
SET_WEEKDAY = "set_weekday"
SET = "set"
SET_RATE = "set_rate"
DURATION = "duration"
DURATION_PLURAL = "duration_plural"
MONTH = "month"
YEAR = "year"
FISCAL_SHORT = "fiscal_short"
PERIOD = "period"
THE_YEAR = "the_year"
VAGUE = "vague"


@dataclass(frozen=True)
class Rule:
    """One TIMEX rule: everything about it in one place.

    name : str
        Named in the ``rule`` column of every expression the rule finds.
    type : str
        The TIMEX3 type the rule yields (its normaliser may answer another for a reading it
        recognises: "the year ended June 30" is a DURATION, "Monday morning" a TIME).
    pattern : str or callable
        The regular expression (case-insensitive); a callable builds it from a lexicon when first used.
    normalise : callable
        ``(match, context) -> (type, value, anchor)``, or None to drop the match.
    triggers : frozenset of str, optional
        Words one of which a sentence must hold for the rule to be tried (a cheap pre-filter);
        None: always tried.
    gate : callable, optional
        A further cheap test of the sentence that every match of the rule passes.
    word_start : bool
        The match starts at a word boundary: the engine then skips positions inside words at once.
    doc : str
        What the rule recognises, in one line.
    example : Example
        An invented sentence and the expression the rule finds in it (``text``, ``type``, ``value``),
        read against :data:`EXAMPLE_DCT`.
    trim : re.Pattern, optional
        A leading piece left out of the extent ("in" of "in the past": TimeML).
    sets_focus : bool
        A quarter the rule finds becomes the quarter in focus (what a results report is about).
    interval_of_text : callable, optional
        The first and last day of an expression from its text, instead of from its value.
    """

    name: str
    type: str
    pattern: str | Callable[[], str]
    normalise: Callable[[re.Match, Context], Result | None]
    triggers: frozenset[str] | None = None
    gate: Gate | None = None
    _: KW_ONLY
    word_start: bool = True
    doc: str = ""
    example: Example | None = None
    trim: re.Pattern | None = None
    sets_focus: bool = False
    interval_of_text: Callable[[str], tuple[str, str]] | None = None

    def compile(self) -> re.Pattern:
        """The rule's pattern, compiled case-insensitive (anchored at a word start when ``word_start``)."""
        pat = self.pattern() if callable(self.pattern) else self.pattern
        return re.compile(r"(?<!\w)" + pat if self.word_start else pat, re.I)


def _example(sentence: str, text: str, typ: str, value: str) -> Example:
    """A rule's example: in ``sentence`` the rule finds ``text`` of TIMEX3 ``typ`` and ``value``."""
    return Example(sentence, {"text": text, "type": typ, "value": value})


#: The rules in order of precedence: of two candidates with the same extent, the earlier rule wins
#: (the longer candidate always wins).  To add a rule, add one entry here, with its example.
RULES: RuleTable[Rule] = RuleTable(
    "timeline.rule",
    [
        Rule(
            ABSOLUTE_DATE,
            "DATE",
            DATE_RE.pattern,
            norm_absolute_date,
            frozenset([DIGIT]),
            absolute_gate,
            word_start=False,
            doc="An absolute date in a news form: 2/1/2023, Jan. 31, 2023, 31 January 2023, 2023-02-01.",
            example=_example("The deal closed on 2/1/2023 after talks.", "2/1/2023", "DATE", "2023-02-01"),
        ),
        Rule(
            MONTH_RANGE,
            "DATE",
            rf"(?P<m1>{MON_ANY})\s*[-–]\s*(?P<m2>{MON_ANY})\s*,?\s+(?P<y>{YEAR4})(?!\d)",
            norm_month_range,
            MONTH_WORDS,
            doc="A range of months closed by one year (Nov-Feb 2021); a wrap starts the year before.",
            example=_example("Prices fell Nov-Feb 2021 across the region.", "Nov-Feb 2021", "DATE", "2020-11/2021-02"),
        ),
        Rule(
            TIME,
            "TIME",
            rf"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})|{TIME_PRE}(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d|:\d)|(?P<h3>[01]?\d|2[0-3])[:.](?P<mi3>[0-5]\d)(?={TZ})|(?P<h5>[01]?\d):(?P<mi5>[0-5]\d)(?=\s+(?:this|that|in\s+the)\s+(?P<tod5>morning|afternoon|evening|night)\b)|(?P<h4>[01]?\d|1[0-2])\s+o'clock|(?P<w>noon|midnight|mid-?day|mid-?morning|mid-?afternoon|dawn|dusk))(?P<tz>{TZ})?(?![\w])",
            norm_time,
            frozenset([DIGIT, "noon", "midnight", "midday", "midmorning", "mid", "midafternoon", "dawn", "dusk"]),
            time_gate,
            doc="A clock time (10 p.m., at 14:30, 16.30 GMT, noon) on the publication date.",
            example=_example("The vote starts at 10 p.m. in the capital.", "10 p.m.", "TIME", "2023-02-01T22:00"),
        ),
        Rule(
            TOD_MOD,
            "TIME",
            r"(?P<mod>early|late|later)\s+in\s+the\s+(?P<tod>morning|afternoon|evening)(?![\w-])",
            norm_tod_mod,
            frozenset(["morning", "afternoon", "evening"]),
            doc="Early or late in a part of the day (late in the morning), on the publication date.",
            example=_example("It rained late in the morning.", "late in the morning", "TIME", "2023-02-01TMO"),
        ),
        Rule(
            NAMED_PERIOD,
            "DATE",
            period_pattern,
            norm_named_period,
            gate=period_gate,
            doc="A named period of periods.tsv (the Great Depression): its value and interval from the lexicon.",
            example=_example(
                "Her grandmother grew up during the Great Depression.", "the Great Depression", "DATE", "1929/1939"
            ),
            interval_of_text=named_period_interval,
        ),
        Rule(
            HOLIDAY,
            "DATE",
            holiday_pattern,
            norm_holiday,
            gate=holiday_gate,
            doc="A holiday of holidays.tsv (Christmas, last Thanksgiving): the occurrence the tense points to.",
            example=_example("The family met last Thanksgiving.", "last Thanksgiving", "DATE", "2022-11-24"),
        ),
        Rule(
            MONTH_YEAR,
            "DATE",
            rf"{MOD_PRE}?(?P<mon>{MON_ANY})\s*,?\s+(?:of\s+)?(?P<y>{YEAR4})(?!\d)",
            norm_month_year,
            MONTH_WORDS,
            doc="A month and a year (March 2021, early March of 2021).",
            example=_example("Sales fell in March 2021.", "March 2021", "DATE", "2021-03"),
        ),
        Rule(
            MONTH_YEAR_REL,
            "DATE",
            rf"{MOD_PRE}?(?P<mon>{MON_ANY})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
            norm_month_year_rel,
            MONTH_WORDS,
            doc="A month of this, last or next year (March of last year).",
            example=_example("Sales fell in March of last year.", "March of last year", "DATE", "2022-03"),
        ),
        Rule(
            MONTH_DAY,
            "DATE",
            rf"(?:{WD},?\s+)?{MOD_PRE}?(?P<mon>{MON_ANY})\s+(?P<d>{DAYN})(?!\d|:\d|,?\s*{YEAR4}\b|\s*-\s*\d)",
            norm_month_day,
            MONTH_WORDS,
            doc="A month and a day without a year (Jan. 31): the year from the publication date and the tense.",
            example=_example("Talks began on Jan. 31 in the capital.", "Jan. 31", "DATE", "2023-01-31"),
        ),
        Rule(
            DAY_MONTH,
            "DATE",
            rf"(?:{WD},?\s+)?(?:the\s+)?(?P<d>{DAYN})\s+(?:of\s+)?(?P<mon>{MON_ANY})(?!\.?,?\s*{YEAR4}\b)",
            norm_month_day,
            MONTH_WORDS,
            doc="A day and a month without a year (3 February): the year from the publication date and the tense.",
            example=_example("Talks will begin on 3 February.", "3 February", "DATE", "2023-02-03"),
        ),
        Rule(
            QUARTER_CODE,
            "DATE",
            rf"(?P<fy>FY\s*)?(?-i:Q(?P<q>[1-4]))(?:\s*(?P<y>{YEAR4}))?\b",
            norm_quarter_code,
            frozenset(["q1", "q2", "q3", "q4"]),
            doc="A quarter code (Q3 2022, FY Q1); without a year, the quarter nearest the publication date.",
            example=_example("Revenue in Q3 2022 rose.", "Q3 2022", "DATE", "2022-Q3"),
            sets_focus=True,
        ),
        Rule(
            QUARTER,
            "DATE",
            rf"(?:the\s+)?(?:(?P<q1>{ORD}|latest|current|past|previous|recent|same|year-earlier|year-ago|comparable|fiscal|calendar|{YEAR4})[\s-]+)*(?:(?P<q>{ORD})[\s-]+)?(?:fiscal[\s-]+|calendar[\s-]+)?(?P<half>quarter|half)(?:\s+(?:of|in|for)\s+(?:(?:fiscal|calendar)\s+)?(?P<y>{YEAR4}|{YEARREL}))?(?![\w-]|\s+(?:of\s+)?(?:a|an|the)\s+(?:point|mile|century|percent|percentage))",
            norm_quarter,
            frozenset(["quarter", "half"]),
            doc="A quarter or half in words (the second quarter of 2022, the latest quarter, a third-quarter loss).",
            example=_example(
                "Profit rose in the second quarter of 2022.", "the second quarter of 2022", "DATE", "2022-Q2"
            ),
            sets_focus=True,
        ),
        Rule(
            DECADE,
            "DATE",
            r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
            norm_decade,
            frozenset([DIGIT, *DECADE_WORDS]),
            decade_gate,
            doc="A decade (the 1980s, the '90s, the sixties).",
            example=_example("The band played in the 1980s.", "the 1980s", "DATE", "198"),
        ),
        Rule(
            CENTURY,
            "DATE",
            r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century",
            norm_century,
            frozenset(["century"]),
            doc="A century by its ordinal (the 19th century).",
            example=_example("The bridge was built in the 19th century.", "the 19th century", "DATE", "18"),
        ),
        Rule(
            SEASON,
            "DATE",
            rf"(?:(?:{MOD_PRE})?(?:(?P<rel>this|last|next|this\s+past|past|coming|the)\s+)(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR4}|{YEARREL}))?|(?P<s2>(?-i:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter))\s+(?:of\s+)?(?P<y2>{YEAR4}))(?![\w-])",
            norm_season,
            SEASON_WORDS,
            doc="A season (last summer, spring 2021, this winter).",
            example=_example("Last summer was hot.", "Last summer", "DATE", "2022-SU"),
        ),
        Rule(
            AGO,
            "DATE",
            lambda: (
                rf"{APPROX}?(?P<n>{number_pattern()}|(?:a\s+)?(?:few|couple\s+of))\s+(?P<unit>{UNITS})\s+(?P<dir>ago|earlier|later|back|from\s+now|hence)(?![\w-])"
            ),
            norm_ago,
            frozenset(["ago", "earlier", "later", "back", "now", "hence"]),
            doc="Units counted from the publication date (two years ago) or the date last mentioned (a month later).",
            example=_example("He left the party two years ago.", "two years ago", "DATE", "2021"),
        ),
        Rule(
            YEAR_AGO_ADJ,
            "DATE",
            r"(?:the\s+)?(?P<w>year-earlier|year-ago|year-before|prior-year|year-over-year)(?:\s+periods?\b|(?=\s+\w))",
            norm_year_ago_adj,
            frozenset(["year"]),
            doc="The year-earlier period: the period in focus, a year before.",
            example=_example("Sales beat the year-ago period.", "the year-ago period", "DATE", "2022"),
        ),
        Rule(
            RELATIVE_UNIT,
            "DATE",
            rf"{MOD_PRE}?(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+current|the\s+prior|this\s+past|this\s+coming|a\s+year\s+earlier|the\s+year-earlier|the\s+year-ago)\s+(?P<unit>week|weekend|month|year|decade|century)(?!-|\w|\s+(?:old|long)\b)",
            norm_relative_unit,
            UNIT_WORDS,
            doc="A unit named relative to now or to the date last mentioned (last week, the following month).",
            example=_example("Sales rose last week.", "last week", "DATE", "2023-W04"),
        ),
        Rule(
            PAST_FUTURE_UNIT,
            "DURATION",
            r"(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming)\s+(?P<unit>year|month|week|decade|quarter|century)(?![\w-])",
            norm_past_future_unit,
            UNIT_WORDS,
            doc="The past or next unit (the past year): a duration of one unit.",
            example=_example("Over the past year, growth slowed.", "the past year", "DURATION", "P1Y"),
        ),
        Rule(
            WEEKEND,
            "DATE",
            r"(?:(?P<rel>this|last|next|the|that|this\s+past|this\s+coming)\s+)weekend(?![\w-])",
            norm_weekend,
            frozenset(["weekend"]),
            doc="A weekend (this weekend, the weekend): the past or coming one, as the tense says.",
            example=_example("They rested over the weekend.", "the weekend", "DATE", "2023-W04-WE"),
        ),
        Rule(
            DEICTIC_TOD,
            "TIME",
            r"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday|that)\s+(?P<tod>morning|afternoon|evening|night)(?![\w])",
            norm_deictic_tod,
            TOD_WORDS,
            doc="A part of a day from now (this morning, last night) or the day last mentioned (that evening).",
            example=_example("He spoke this morning.", "this morning", "TIME", "2023-02-01TMO"),
        ),
        Rule(
            DEICTIC,
            "DATE",
            r"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|overnight)(?:\s+(?P<tod>morning|afternoon|evening|night))?(?![\w])",
            norm_deictic,
            frozenset(["today", "yesterday", "tomorrow", "tonight", "overnight"]),
            doc="A day named from now (today, yesterday evening, the day after tomorrow).",
            example=_example("The minister resigned yesterday.", "yesterday", "DATE", "2023-01-31"),
        ),
        Rule(
            TOD_WEEKDAY,
            "TIME",
            rf"(?P<tod>morning|afternoon|evening|night|midnight|noon)\s+(?:on\s+)?(?P<wd>{WD})(?![\w])",
            norm_weekday,
            WEEKDAY_WORDS,
            doc="A part of the day on a weekday (the morning on Thursday).",
            example=_example("The morning on Thursday was calm.", "morning on Thursday", "TIME", "2023-01-26TMO"),
        ),
        Rule(
            WEEKDAY,
            "DATE",
            rf"{MOD_PRE}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming|that)\s+)?(?P<wd>{WD})(?P<pl>s)?(?:\s+(?P<tod>morning|afternoon|evening|night))?(?![\w])",
            norm_weekday,
            WEEKDAY_WORDS,
            doc="A weekday (on Friday, last Tuesday): the day near the publication date the tense points to.",
            example=_example("He arrived on Friday.", "Friday", "DATE", "2023-01-27"),
        ),
        Rule(
            SET_WEEKDAY,
            "SET",
            r"(?:(?:every|each)\s+|on\s+(?=[A-Za-z]+s\b))(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))s?(?:\s+(?P<tod>morning|afternoon|evening|night)s?)?(?![\w])",
            norm_set_weekday,
            WEEKDAY_WORDS,
            doc="A weekday that recurs (every Monday, on Mondays).",
            example=_example("The club meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ),
        Rule(
            SET,
            "SET",
            r"(?P<w>(?:every|each|per)\s+(?:other\s+)?(?:day|night|week|weekend|month|quarter|year|hour|minute|morning|evening|summer|winter|spring|fall|autumn|decade)|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly|semiannually|twice\s+(?:a|per)\s+(?:day|week|month|year)|once\s+(?:a|per)\s+(?:day|week|month|year))(?![\w-])",
            norm_set,
            frozenset(
                "every each per daily nightly weekly biweekly monthly quarterly annually yearly hourly semiannually twice once".split()
            ),
            doc="A recurrence (weekly, every other month, twice a year); not its quarterly dividend.",
            example=_example("The paper appears weekly.", "weekly", "SET", "P1W"),
        ),
        Rule(
            SET_RATE,
            "SET",
            r"(?:(?<=\d\s)|(?<=%\s)|(?<=\w\w\s))(?P<w>a\s+(?:day|week|month|year))(?![\w-])",
            norm_set_rate,
            frozenset(["day", "week", "month", "year"]),
            doc="A rate after a quantity ($50 a day); a length of time after within, for, over.",
            example=_example("The room costs $50 a day.", "a day", "SET", "P1D"),
        ),
        Rule(
            DURATION,
            "DURATION",
            lambda: (
                rf"{APPROX}?(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|final|latest|following|ensuing|preceding|initial|same|year-earlier|remaining|full)\s+)?(?P<n>{number_pattern()}|(?:a\s+)?(?:few|couple\s+of))(?:\s+|-)(?:(?:calendar|business|trading|working|straight|consecutive|full|more|additional|long|short)\s+)?(?P<unit>{UNITS})(?P<adj>-(?:long|old))?(?![\w-])"
            ),
            norm_duration,
            UNIT_WORDS,
            doc="A number of units (three years, a 10-day trip); not an age, a fraction or an ordinal.",
            example=_example("He served three years in office.", "three years", "DURATION", "P3Y"),
        ),
        Rule(
            DURATION_PLURAL,
            "DURATION",
            r"(?:(?P<rel>for|over|in|within|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|in\s+the\s+coming|several|the\s+first|the)\s+)(?P<unit>(?:minute|hour|day|week|month|year|decade|centurie)s)(?![\w-])",
            norm_duration_plural,
            UNIT_WORDS,
            doc="Units of unknown number (for years, over the past months).",
            example=_example("The neighbours argued for years.", "for years", "DURATION", "PXY"),
        ),
        Rule(
            MONTH,
            "DATE",
            rf"{MOD_PRE}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming)\s+)?(?P<mon>(?-i:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)|{MAY_PRE}(?-i:May)|(?-i:May)(?=\s+(?:and|or|to|through)\s+(?-i:June|July)))(?![\w-])",
            norm_month,
            MONTH_WORDS,
            doc="A month without a year (in December, last March): the year the tense or the relative word points to.",
            example=_example("Prices rose in December.", "December", "DATE", "2022-12"),
        ),
        Rule(
            YEAR,
            "DATE",
            rf"(?<![\w$£€#.,/-])(?:(?P<fy>fiscal|calendar|financial|model|school)(?:\s+year)?\s+)?{MOD_PRE}?(?P<y>{YEAR4})(?![\w%/-]|,\d|\.\d|\s+(?:percent|per\s+cent|million|billion|people|pounds|dollars|euros|yen|troops|workers|votes|shares|points|feet|meters|miles|km|tons))",
            norm_year,
            frozenset([DIGIT]),
            year_gate,
            doc="A four-digit year (1998, fiscal 2021); not an amount (2000 people).",
            example=_example("The law dates from 1998.", "1998", "DATE", "1998"),
        ),
        Rule(
            FISCAL_SHORT,
            "DATE",
            r"(?P<fy>fiscal|FY)\s*'?(?P<y>\d\d)(?![\d%])",
            norm_fiscal_short,
            frozenset(["fiscal", "fy"]),
            doc="A fiscal year in two digits (fiscal '21).",
            example=_example("Profits rose in fiscal '21.", "fiscal '21", "DATE", "2021"),
        ),
        Rule(
            PERIOD,
            "DATE",
            rf"the\s+(?:(?:latest|most\s+recent|current)|(?P<y>{YEAR4}))\s+period(?![\w-])",
            norm_period,
            frozenset(["period"]),
            doc="The latest period, the 2021 period: the quarter a results report is about.",
            example=_example(
                "Profit fell in the fourth quarter of 2022, and the latest period was weak.",
                "the latest period",
                "DATE",
                "2022-Q4",
            ),
        ),
        Rule(
            THE_YEAR,
            "DATE",
            r"the\s+(?:(?:fiscal|full|calendar|whole|entire)\s+)?year(?![\w'’-]|\s+(?:before|after|earlier|later|ago|\d|two\s+thousand|nineteen|in\s+which|when|of\s+the))",
            norm_the_year,
            frozenset(["year"]),
            doc="The year: the publication year, or twelve months in the year ended June 30.",
            example=_example("The year was hard for farmers.", "The year", "DATE", "2023"),
        ),
        Rule(
            VAGUE,
            "DATE",
            r"(?P<w>right\s+now|now|currently|current|recent|at\s+this\s+time|presently|at\s+present|at\s+the\s+moment|nowadays|these\s+days|for\s+now|so\s+far|recently|lately|previously|formerly|in\s+the\s+past|the\s+past|in\s+the\s+future|the\s+future|future|soon|shortly|in\s+recent\s+(?:years|months|weeks|days|decades|times)|recent\s+(?:years|months|weeks|days|decades)|in\s+the\s+(?:near|coming|distant)\s+future|once|earlier|later|then|until\s+now|since\s+then|to\s+date|the\s+time\s+being|eventually|ultimately|all\s+the\s+time|meanwhile|moments?\s+ago|a\s+while\s+ago|long\s+ago|years\s+ago|months\s+ago|weeks\s+ago|days\s+ago)(?![\w-])",
            norm_vague,
            frozenset(
                "now currently current presently present moment nowadays days recently lately previously formerly past future soon "
                "shortly recent once earlier later then date time eventually ultimately meanwhile ago while years months weeks".split()
            ),
            doc="A vague reference (now, recently, in the future): PRESENT_REF, PAST_REF, FUTURE_REF; \"then\" dropped.",
            example=_example("Prices are rising right now.", "right now", "DATE", "PRESENT_REF"),
            trim=IN_THE,
        ),
    ],
)
