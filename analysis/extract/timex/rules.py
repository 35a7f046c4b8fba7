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
from dataclasses import dataclass

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
    DIGIT,
    MAY_PRE,
    MOD_PRE,
    MON_ANY,
    MONTH_WORDS,
    ORD,
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
from analysis.extract.timex.values import DECADE_NAMES, SEASON
from analysis.read.dates import DATE_RE


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
    """

    name: str
    type: str
    pattern: str | Callable[[], str]
    normalise: Callable[[re.Match, Context], Result | None]
    triggers: frozenset[str] | None = None
    gate: Gate | None = None
    word_start: bool = True

    def compile(self) -> re.Pattern:
        pat = self.pattern() if callable(self.pattern) else self.pattern
        return re.compile(r"(?<!\w)" + pat if self.word_start else pat, re.I)


#: The rules in order of precedence: of two candidates with the same extent, the earlier rule wins
#: (the longer candidate always wins).  To add a rule, add one entry here.
RULES: tuple[Rule, ...] = (
    Rule(
        "absolute_date", "DATE", DATE_RE.pattern, norm_absolute_date, frozenset([DIGIT]), absolute_gate, word_start=False
    ),
    Rule(
        "month_range",
        "DATE",
        rf"(?P<m1>{MON_ANY})\s*[-–]\s*(?P<m2>{MON_ANY})\s*,?\s+(?P<y>{YEAR4})(?!\d)",
        norm_month_range,
        MONTH_WORDS,
    ),
    Rule(
        "time",
        "TIME",
        rf"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})|{TIME_PRE}(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d|:\d)|(?P<h3>[01]?\d|2[0-3])[:.](?P<mi3>[0-5]\d)(?={TZ})|(?P<h5>[01]?\d):(?P<mi5>[0-5]\d)(?=\s+(?:this|that|in\s+the)\s+(?P<tod5>morning|afternoon|evening|night)\b)|(?P<h4>[01]?\d|1[0-2])\s+o'clock|(?P<w>noon|midnight|mid-?day|mid-?morning|mid-?afternoon|dawn|dusk))(?P<tz>{TZ})?(?![\w])",
        norm_time,
        frozenset([DIGIT, "noon", "midnight", "midday", "midmorning", "mid", "midafternoon", "dawn", "dusk"]),
        time_gate,
    ),
    Rule(
        "tod_mod",
        "TIME",
        r"(?P<mod>early|late|later)\s+in\s+the\s+(?P<tod>morning|afternoon|evening)(?![\w-])",
        norm_tod_mod,
        frozenset(["morning", "afternoon", "evening"]),
    ),
    Rule(
        "named_period",
        "DATE",
        period_pattern,
        norm_named_period,
        gate=period_gate,
    ),
    Rule("holiday", "DATE", holiday_pattern, norm_holiday, gate=holiday_gate),
    Rule(
        "month_year",
        "DATE",
        rf"{MOD_PRE}?(?P<mon>{MON_ANY})\s*,?\s+(?:of\s+)?(?P<y>{YEAR4})(?!\d)",
        norm_month_year,
        MONTH_WORDS,
    ),
    Rule(
        "month_year_rel",
        "DATE",
        rf"{MOD_PRE}?(?P<mon>{MON_ANY})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
        norm_month_year_rel,
        MONTH_WORDS,
    ),
    Rule(
        "month_day",
        "DATE",
        rf"(?:{WD},?\s+)?{MOD_PRE}?(?P<mon>{MON_ANY})\s+(?P<d>{DAYN})(?!\d|:\d|,?\s*{YEAR4}\b|\s*-\s*\d)",
        norm_month_day,
        MONTH_WORDS,
    ),
    Rule(
        "day_month",
        "DATE",
        rf"(?:{WD},?\s+)?(?:the\s+)?(?P<d>{DAYN})\s+(?:of\s+)?(?P<mon>{MON_ANY})(?!\.?,?\s*{YEAR4}\b)",
        norm_month_day,
        MONTH_WORDS,
    ),
    Rule(
        "quarter_code",
        "DATE",
        rf"(?P<fy>FY\s*)?(?-i:Q(?P<q>[1-4]))(?:\s*(?P<y>{YEAR4}))?\b",
        norm_quarter_code,
        frozenset(["q1", "q2", "q3", "q4"]),
    ),
    Rule(
        "quarter",
        "DATE",
        rf"(?:the\s+)?(?:(?P<q1>{ORD}|latest|current|past|previous|recent|same|year-earlier|year-ago|comparable|fiscal|calendar|{YEAR4})[\s-]+)*(?:(?P<q>{ORD})[\s-]+)?(?:fiscal[\s-]+|calendar[\s-]+)?(?P<half>quarter|half)(?:\s+(?:of|in|for)\s+(?:(?:fiscal|calendar)\s+)?(?P<y>{YEAR4}|{YEARREL}))?(?![\w-]|\s+(?:of\s+)?(?:a|an|the)\s+(?:point|mile|century|percent|percentage))",
        norm_quarter,
        frozenset(["quarter", "half"]),
    ),
    Rule(
        "decade",
        "DATE",
        r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
        norm_decade,
        frozenset([DIGIT, *DECADE_NAMES]),
        decade_gate,
    ),
    Rule(
        "century",
        "DATE",
        r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century",
        norm_century,
        frozenset(["century"]),
    ),
    Rule(
        "season",
        "DATE",
        rf"(?:(?:{MOD_PRE})?(?:(?P<rel>this|last|next|this\s+past|past|coming|the)\s+)(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR4}|{YEARREL}))?|(?P<s2>(?-i:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter))\s+(?:of\s+)?(?P<y2>{YEAR4}))(?![\w-])",
        norm_season,
        frozenset(SEASON),
    ),
    Rule(
        "ago",
        "DATE",
        lambda: rf"{APPROX}?(?P<n>{number_pattern()}|(?:a\s+)?(?:few|couple\s+of))\s+(?P<unit>{UNITS})\s+(?P<dir>ago|earlier|later|back|from\s+now|hence)(?![\w-])",
        norm_ago,
        frozenset(["ago", "earlier", "later", "back", "now", "hence"]),
    ),
    Rule(
        "year_ago_adj",
        "DATE",
        r"(?:the\s+)?(?P<w>year-earlier|year-ago|year-before|prior-year|year-over-year)(?:\s+periods?\b|(?=\s+\w))",
        norm_year_ago_adj,
        frozenset(["year"]),
    ),
    Rule(
        "relative_unit",
        "DATE",
        rf"{MOD_PRE}?(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+current|the\s+prior|this\s+past|this\s+coming|a\s+year\s+earlier|the\s+year-earlier|the\s+year-ago)\s+(?P<unit>week|weekend|month|year|decade|century)(?!-|\w|\s+(?:old|long)\b)",
        norm_relative_unit,
        UNIT_WORDS,
    ),
    Rule(
        "past_future_unit",
        "DURATION",
        r"(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming)\s+(?P<unit>year|month|week|decade|quarter|century)(?![\w-])",
        norm_past_future_unit,
        UNIT_WORDS,
    ),
    Rule(
        "weekend",
        "DATE",
        r"(?:(?P<rel>this|last|next|the|that|this\s+past|this\s+coming)\s+)weekend(?![\w-])",
        norm_weekend,
        frozenset(["weekend"]),
    ),
    Rule(
        "deictic_tod",
        "TIME",
        r"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday|that)\s+(?P<tod>morning|afternoon|evening|night)(?![\w])",
        norm_deictic_tod,
        TOD_WORDS,
    ),
    Rule(
        "deictic",
        "DATE",
        r"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|overnight)(?:\s+(?P<tod>morning|afternoon|evening|night))?(?![\w])",
        norm_deictic,
        frozenset(["today", "yesterday", "tomorrow", "tonight", "overnight"]),
    ),
    Rule(
        "tod_weekday",
        "TIME",
        rf"(?P<tod>morning|afternoon|evening|night|midnight|noon)\s+(?:on\s+)?(?P<wd>{WD})(?![\w])",
        norm_weekday,
        WEEKDAY_WORDS,
    ),
    Rule(
        "weekday",
        "DATE",
        rf"{MOD_PRE}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming|that)\s+)?(?P<wd>{WD})(?P<pl>s)?(?:\s+(?P<tod>morning|afternoon|evening|night))?(?![\w])",
        norm_weekday,
        WEEKDAY_WORDS,
    ),
    Rule(
        "set_weekday",
        "SET",
        r"(?:(?:every|each)\s+|on\s+(?=[A-Za-z]+s\b))(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))s?(?:\s+(?P<tod>morning|afternoon|evening|night)s?)?(?![\w])",
        norm_set_weekday,
        WEEKDAY_WORDS,
    ),
    Rule(
        "set",
        "SET",
        r"(?P<w>(?:every|each|per)\s+(?:other\s+)?(?:day|night|week|weekend|month|quarter|year|hour|minute|morning|evening|summer|winter|spring|fall|autumn|decade)|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly|semiannually|twice\s+(?:a|per)\s+(?:day|week|month|year)|once\s+(?:a|per)\s+(?:day|week|month|year))(?![\w-])",
        norm_set,
        frozenset(
            "every each per daily nightly weekly biweekly monthly quarterly annually yearly hourly semiannually twice once".split()
        ),
    ),
    Rule(
        "set_rate",
        "SET",
        r"(?:(?<=\d\s)|(?<=%\s)|(?<=\w\w\s))(?P<w>a\s+(?:day|week|month|year))(?![\w-])",
        norm_set_rate,
        frozenset(["day", "week", "month", "year"]),
    ),
    Rule(
        "duration",
        "DURATION",
        lambda: rf"{APPROX}?(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|final|latest|following|ensuing|preceding|initial|same|year-earlier|remaining|full)\s+)?(?P<n>{number_pattern()}|(?:a\s+)?(?:few|couple\s+of))(?:\s+|-)(?:(?:calendar|business|trading|working|straight|consecutive|full|more|additional|long|short)\s+)?(?P<unit>{UNITS})(?P<adj>-(?:long|old))?(?![\w-])",
        norm_duration,
        UNIT_WORDS,
    ),
    Rule(
        "duration_plural",
        "DURATION",
        r"(?:(?P<rel>for|over|in|within|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|in\s+the\s+coming|several|the\s+first|the)\s+)(?P<unit>(?:minute|hour|day|week|month|year|decade|centurie)s)(?![\w-])",
        norm_duration_plural,
        UNIT_WORDS,
    ),
    Rule(
        "month",
        "DATE",
        rf"{MOD_PRE}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming)\s+)?(?P<mon>(?-i:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)|{MAY_PRE}(?-i:May)|(?-i:May)(?=\s+(?:and|or|to|through)\s+(?-i:June|July)))(?![\w-])",
        norm_month,
        MONTH_WORDS,
    ),
    Rule(
        "year",
        "DATE",
        rf"(?<![\w$£€#.,/-])(?:(?P<fy>fiscal|calendar|financial|model|school)(?:\s+year)?\s+)?{MOD_PRE}?(?P<y>{YEAR4})(?![\w%/-]|,\d|\.\d|\s+(?:percent|per\s+cent|million|billion|people|pounds|dollars|euros|yen|troops|workers|votes|shares|points|feet|meters|miles|km|tons))",
        norm_year,
        frozenset([DIGIT]),
        year_gate,
    ),
    Rule("fiscal_short", "DATE", r"(?P<fy>fiscal|FY)\s*'?(?P<y>\d\d)(?![\d%])", norm_fiscal_short, frozenset(["fiscal", "fy"])),
    Rule(
        "period",
        "DATE",
        rf"the\s+(?:(?:latest|most\s+recent|current)|(?P<y>{YEAR4}))\s+period(?![\w-])",
        norm_period,
        frozenset(["period"]),
    ),
    Rule(
        "the_year",
        "DATE",
        r"the\s+(?:(?:fiscal|full|calendar|whole|entire)\s+)?year(?![\w'’-]|\s+(?:before|after|earlier|later|ago|\d|two\s+thousand|nineteen|in\s+which|when|of\s+the))",
        norm_the_year,
        frozenset(["year"]),
    ),
    Rule(
        "vague",
        "DATE",
        r"(?P<w>right\s+now|now|currently|current|recent|at\s+this\s+time|presently|at\s+present|at\s+the\s+moment|nowadays|these\s+days|for\s+now|so\s+far|recently|lately|previously|formerly|in\s+the\s+past|the\s+past|in\s+the\s+future|the\s+future|future|soon|shortly|in\s+recent\s+(?:years|months|weeks|days|decades|times)|recent\s+(?:years|months|weeks|days|decades)|in\s+the\s+(?:near|coming|distant)\s+future|once|earlier|later|then|until\s+now|since\s+then|to\s+date|the\s+time\s+being|eventually|ultimately|all\s+the\s+time|meanwhile|moments?\s+ago|a\s+while\s+ago|long\s+ago|years\s+ago|months\s+ago|weeks\s+ago|days\s+ago)(?![\w-])",
        norm_vague,
        frozenset(
            "now currently current presently present moment nowadays days recently lately previously formerly past future soon "
            "shortly recent once earlier later then date time eventually ultimately meanwhile ago while years months weeks".split()
        ),
    ),
)
