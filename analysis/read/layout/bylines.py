"""Bylines: which lines name the article's authors, and who they are.

Decides whether a line is a byline ("By Jane Doe and Tom Roe, Reuters", "Jane Doe2/1/2023",
"Posted on March 2, 2024 by Jane Doe", a bare name opening with a known first name) and splits it
into author names, an outlet and the dates glued to it; a name standing over a role line
("Political Correspondent", "in Beijing") is a byline too.  Reads the line text, the first-name
list (NLTK names) and the titles and honorifics lexicons.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.read.layout.dates import TIME_ZONES, Dated, labelled_dates, line_dates, without_dates
from analysis.read.layout.lines import chrome_words, folded
from analysis.resources import first_names, read_lexicon

#: "By", "Written by", "Von"...: an explicit byline's opening.
BY = re.compile(r"^(?:by|written by|words by|story by|reporting by|text by|von|par|por)\s*:?\s+", re.I)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’]+)*|[A-Z]['’][A-Z][a-zà-ÿ]+|[A-Z]\.|[A-Z]{2,}|(?:de|van|von|der|da|di|la|le|bin|al)|[A-Z][a-z]+[A-Z][a-z]+)$"
)
#: Separators between the names of a byline (commas, "and", "&", "|", ";").
SPLIT_AUTHORS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\|\s*|;\s*)\s*")
_OUTLET_HINT = re.compile(
    r"\b(?:news|press|times|post|journal|herald|tribune|reuters|associated press|ap|afp|bloomberg|cnn|bbc|npr|agency|agencies|staff|wire|media|magazine|daily|gazette|network)\b",
    re.I,
)
#: An office a byline's author writes for ("Division Public Affairs", "Office of Communications").
_AFFILIATION = re.compile(
    r"\b(?:Public Affairs|Affairs|Office|Division|Command|Department|Bureau|Agency|Communications|Press)\b"
)
#: The longest affiliation after an author's name, in words.
AFFILIATION_WORDS = 8
_BYLINE_DATE_TAIL = re.compile(
    r"(?:\s*(?:[|•·,/–—-]|\b(?:updated|published|posted|on|at|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\b|\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
    r"|\b(?:" + TIME_ZONES + r")\b|:))+\s*$",
    re.I,
)
_EMAIL = re.compile(r"\s*[(<]?\S+@\S+\.\w+[)>]?")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
#: A role line below an author's name ("Political Correspondent", "in Beijing", "BBC News, Cardiff").
ROLE_LINE = re.compile(
    r"^(?:(?:[\w.&'’-]+\s+){0,5}(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|"
    r"analyst|bureau chief|desk|staff|presenter|anchor)s?|in\s+[A-Z][\w .,'’-]{1,40}|reporting from\s+.{1,60}|"
    r"(?:[\w.&'’-]+\s+){0,4}(?:news|press|media|times|post)(?:,\s*[A-Z][\w .'’-]{1,30})?)$",
    re.I,
)
#: Two to four capitalised words: a name written without a known first name.
PLAIN_NAME = re.compile(r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}$")


def looks_like_name(s: str) -> bool:
    """Two to five name-shaped words opening with a known first name or an initial."""
    toks = s.split()
    if not 2 <= len(toks) <= 5 or not all(_NAME_TOKEN.match(t) for t in toks):
        return False
    first = toks[0].strip(".")
    return first in first_names() or first.title() in first_names() or bool(re.fullmatch(r"[A-Z]", first))


@functools.cache
def _rank_words() -> frozenset[str]:
    """One-word titles and honorifics ("Sgt.", "Dr.") that may open a byline's name."""
    rows = (*read_lexicon("titles.txt"), *read_lexicon("honorifics.txt"))
    return frozenset(r[0] for r in rows if r and " " not in r[0])


def _without_rank(name: str) -> str:
    """Drop a rank or courtesy title before an author's name: "Sgt. Jane Doe" → "Jane Doe"."""
    words = name.split()
    while len(words) > 2 and words[0] in _rank_words():
        words = words[1:]
    return " ".join(words)


def byline(s: str, *, dayfirst: bool = False) -> tuple[list[str], str | None, list[Dated]] | None:
    """Return (authors, outlet, dates) when ``s`` is a byline, else None.

    ``dates`` are the (label, iso) pairs of dates glued to the byline ("By Jane Doe2/1/2023",
    "Posted on March 2, 2024 by Jane Doe").
    """
    if len(s) > 160:
        return None
    found = line_dates(s, dayfirst=dayfirst)
    dates = labelled_dates(s, found)
    body = without_dates(s, found)
    if found:
        # What is left around the date: separators, labels, weekday and time ("| Wednesday, 4:32 PM EST").
        body = _BYLINE_DATE_TAIL.sub("", body.strip()).strip()
        body = re.sub(r"^(?:posted|published|updated)\s*(?:on|at)?\s*:?\s*", "", body, flags=re.I).strip()
    # E-mail sign-offs ("By Jane Doe (jane@example.com)") and trailing dashes are not part of the names.
    body = (_EMAIL.sub("", body) if "@" in body else body).strip()
    explicit = bool(BY.match(body))
    body = BY.sub("", body).strip(" |,–—-")
    if not body:
        return None
    # Each part read when the loop comes to it: the first that is no name, outlet or role ends it.
    split = _split_authors(body) if "and" in body or any(c in body for c in ",&|;") else [body]
    parts = (_without_rank(p.strip(" .")) for p in split if p.strip(" ."))
    # "Jane Doe in Tokyo": the reporter's location is not part of the name.
    parts = (_IN_PLACE.sub("", p) if "in" in p else p for p in parts)
    authors, outlet = [], None
    for p in parts:
        if looks_like_name(p) or (
            explicit and re.fullmatch(r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3}", p) and not _OUTLET_HINT.search(p)
        ):
            authors.append(p)
        elif _OUTLET_HINT.search(p) and len(p.split()) <= 5:
            outlet = outlet or p
        elif explicit and authors and ROLE_LINE.match(p):  # "By Jane Doe, Europe correspondent"
            continue
        elif explicit and authors and _AFFILIATION.search(p) and len(p.split()) <= AFFILIATION_WORDS:
            outlet = outlet or p  # "By Jane Doe, 3rd Division Public Affairs": the author's office
        else:
            return None
    if not authors:
        return None
    return authors, outlet, dates


def _split_authors(body: str) -> Iterator[str]:
    """``SPLIT_AUTHORS.split(body)``, each part found when the reader asks for it (every match of the
    pattern holds a separator, none is empty, and it has no group: the text between the matches).

    >>> list(_split_authors("Dana Korvel, Ines Marlow and Teo Brandt"))
    ['Dana Korvel', 'Ines Marlow', 'Teo Brandt']
    """
    at = 0
    for m in SPLIT_AUTHORS.finditer(body):
        yield body[at : m.start()]
        at = m.end()
    yield body[at:]


#: At most this many words (dates and times removed) may stand before a byline's "by".
BY_AFTER_WORDS = 3
#: A byline candidate has at most this many words.
MAX_BYLINE_WORDS = 25
_BY_ANYWHERE = re.compile(r"(?:^|\b)(?:written|words|story|reporting|text|edited|posted|published)?\s*\bby\s*:?\s+", re.I)
_HANDLE = re.compile(r"[@#][\w.]+|\S+@\S+\.\w+|https?://\S+|\bwww\.\S+")
_SEPARATORS = re.compile(r"\s*(?:[|·•/–—]|\s-\s|\(|\))\s*")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]*[a-zà-ÿ][a-zà-ÿ'’]*(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z]['’][A-Z][a-zà-ÿ]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,}(?:[-'’][A-Z]+)?|Mc[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+)$")
_PARTICLES = frozenset("de van von der da di la le bin al del den dos du".split())


@functools.cache
def byline_words() -> dict[str, str]:
    """Word (lower case) → class (``role``, ``outlet``, ``furniture``) of ``data/byline_words.tsv``."""
    return {r[0]: r[1] for r in read_lexicon("byline_words.tsv") if len(r) > 1}


def _has_class(s: str, cls: str) -> bool:
    words = byline_words()
    return any(words.get(w.lower()) == cls for w in re.findall(r"[A-Za-z]+", s))


def has_role(s: str) -> bool:
    """Whether ``s`` holds a newsroom role word ("correspondent", "senior editor")."""
    return _has_class(s, "role")


def has_outlet(s: str) -> bool:
    """Whether ``s`` holds an outlet or desk word ("News", "Staff", "Desk")."""
    return _has_class(s, "outlet")


@functools.cache
def _stop_words() -> frozenset[str]:
    """Words that end a name: ``data/byline_words.tsv``, chrome words, months and weekdays."""
    return frozenset(_calendar_words() | set(byline_words()) | chrome_words())


_GLUED_WORD = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def _unglue(token: str) -> str:
    """Split a token where a copy glued two words ("WongAndrea", "BlumeStaff"), not inside a name
    with an inner capital ("McDonald", "DiCaprio": the part before the capital has four letters or more)."""
    out, last = [], 0
    for m in _GLUED_WORD.finditer(token):
        if m.start() - last >= 4:
            out.append(token[last : m.start()])
            last = m.start()
    return " ".join([*out, token[last:]])


def _clean(s: str) -> str:
    """The line with glued words split, handles, addresses and dates removed."""
    s = _HANDLE.sub(" ", s)
    found = line_dates(s)  # most often the line as the line pass read it: cached
    s = without_dates(s, found)
    s = " ".join(_unglue(tok) for tok in _LETTER_DIGIT.sub(" ", s).split())
    return re.sub(r"\b\d[\d:.]*\s*(?:[ap]\.?m\.?)?\b", " ", s, flags=re.I)


_SPLIT_KEEP = re.compile(r"(\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*)")


def _names_from(segment: str) -> list[str]:
    """The names a segment opens with, split at commas, "and", "&".

    After a comma, a name must open with a known first name or an initial: "By Jane Doe, River
    Courier" names one author (and its outlet).
    """
    out: list[str] = []
    parts = _SPLIT_KEEP.split(segment.strip(" ,.;:"))
    for k in range(0, len(parts), 2):
        name = _leading_name(parts[k].split())
        comma = k > 0 and parts[k - 1].strip() == ","
        if not name or (comma and not _known_first(name)):
            break
        out.append(_without_rank(name))
    return out


def _known_first(name: str) -> bool:
    first = name.split()[0].strip(".")
    return first.title() in first_names() or len(first) == 1


def _leading_name(words: list[str]) -> str | None:
    """The run of two to four name-shaped words a segment opens with (case kept consistent)."""
    stops, ranks = _stop_words(), _rank_words()
    run: list[str] = []
    for k, w in enumerate(words):
        w = w.strip(",;:")
        if w in ranks or w.rstrip(".") in ranks:
            if run:
                break  # "Jane Doe Editor", "NATO Secretary General ...": a title ends a name
            continue  # "Sgt. Jane Doe": a rank before a name is not part of it
        w = w.rstrip(".") if len(w) > 2 and not re.fullmatch(r"(?:[A-Z]\.)+", w) else w
        if w.lower() in _PARTICLES and run:
            run.append(w)
            continue
        if byline_words().get(w.lower()) == "outlet" and w[:1].isupper() and run and not _known_first(run[0]):
            return None  # "Varnak Courier Staff", "River News Desk": an outlet's name, not a person's
        ends = w.lower() in stops and not _month_in_name(run, w, words[k + 1 : k + 2])
        if not _NAME_WORD.match(w) or ends or len(run) == 4 or (run and w == run[0]):
            break
        if run and run[0].isupper() != w.isupper() and len(run) >= 2:
            break
        run.append(w)
    while run and run[-1].lower() in _PARTICLES:
        run.pop()
    return " ".join(run) if 2 <= len(run) <= 4 else None


def _month_in_name(run: list[str], w: str, after: list[str]) -> bool:
    """A month's name inside a person's name ("Laura June Kessel", "April Ortiz"): after a first name
    (or itself a first name) and before another name word, not before a day or a year."""
    if w.lower() not in _calendar_words() or not (run or w.title() in first_names()):
        return False
    nxt = after[0].strip(",;:") if after else ""
    return bool(_NAME_WORD.match(nxt)) and nxt.lower() not in _stop_words()


@functools.cache
def _place_names() -> frozenset[str]:
    """The names and aliases of countries, regions, cities and US states in the lexicons, lower case."""
    out = set()
    for lexicon, columns in (("countries.tsv", (0, 1)), ("places.tsv", (0, 1)), ("us_states.tsv", (0,))):
        for row in read_lexicon(lexicon):
            out.update(a.strip().lower() for k in columns if k < len(row) for a in row[k].split("|") if a.strip())
    return frozenset(out)


def is_place(name: str) -> bool:
    """Whether a name-shaped run is a place ("Costa Rica"), also after a compass initial ("N. Ireland",
    "S. Korea"): a place is no author.  Another initial keeps a person ("J. Jordan").

    >>> is_place("N. Ireland"), is_place("Costa Rica"), is_place("Sydney Korvel"), is_place("J. Jordan")
    (True, True, False, False)
    """
    words = name.split()
    if len(words) > 1 and words[0] in _COMPASS_INITIALS:
        words = words[1:]
    return " ".join(words).lower() in _place_names()


#: "N. Ireland", "S. Korea", "W. Virginia": initials that stand for a compass word in a place's name.
_COMPASS_INITIALS = frozenset({"N.", "S.", "E.", "W."})


@functools.cache
def _calendar_words() -> frozenset[str]:
    """The names of the months and weekdays (``data/months.txt``), lower case."""
    return frozenset(r[0].lower() for r in read_lexicon("months.txt") if r)


_BY_WORD = re.compile(r"\bby\b", re.I)
_FIRST_WORD_END = re.compile(r"(?<=[a-z])(?=[A-Z])|[^\w.'’-]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")


def _may_open_with_name(words: list[str]) -> bool:
    """A quick look before the full reading: the first word that is no rank is a known first name
    or an initial (glued words and handles are split off later)."""
    ranks = _rank_words()
    first = next((w for w in words if w not in ranks and w.rstrip(".") not in ranks), "")
    first = _FIRST_WORD_END.split(first, maxsplit=1)[0].strip(".,")
    return len(first) == 1 or first.title() in first_names() or bool(_INITIALS.fullmatch(first))


@dataclass(frozen=True)
class Byline:
    """What a byline candidate line says: its names, an outlet or desk, whether "By" introduces them."""

    names: tuple[str, ...]
    org: str | None
    explicit: bool


@functools.lru_cache(maxsize=1024)  # a line is read by the line pass, the byline ranking and the title's
def byline_names(s: str) -> Byline | None:
    """Read the names of a byline-shaped line (None when it names nobody and no desk).

    >>> byline_names("By Dana Korvel and Ines Marlow, Varnak Courier")
    Byline(names=('Dana Korvel', 'Ines Marlow'), org='Varnak Courier', explicit=True)
    >>> byline_names("March 4, 2024 at 9:41 AM ET by Dana Korvel").names
    ('Dana Korvel',)
    """
    words = s.split()
    if len(words) > MAX_BYLINE_WORDS or not (("by" in folded(s) and _BY_WORD.search(s)) or _may_open_with_name(words)):
        return None
    text = _clean(s)
    by = next(reversed(list(_BY_ANYWHERE.finditer(text))), None)  # the last "by": names follow it
    if by is not None and len(text[: by.start()].split()) > BY_AFTER_WORDS:
        by = None  # "... no disclosure by anyone at the agency": a sentence's "by", not a byline's
    explicit = by is not None
    rest = text[by.end() :] if by else text
    segments = [p for p in _SEPARATORS.split(rest) if p.strip(" ,.")]
    if not segments:
        return None
    names = [n for n in _names_from(segments[0]) if not is_place(n)]
    if not explicit and not (names and looks_like_name(names[0])):
        return None
    org = next((p.strip(" ,.") for p in segments[1:] if has_outlet(p) and len(p.split()) <= 5), None)
    if not names:
        tail = segments[0].strip(" ,.")
        if explicit and has_outlet(tail) and len(tail.split()) <= 5:
            return Byline((), tail, True)
        return None
    after = segments[0][segments[0].find(names[-1]) + len(names[-1]) :].strip(" ,.")
    outlet_words = has_outlet(after) or (explicit and re.fullmatch(r"(?:The\s+)?(?:[A-Z][\w&.'’-]*\s*){1,5}", after))
    credential = _has_class(after, "credential") and len(after.split()) == 1
    calendar = all(w.lower() in _calendar_words() for w in after.split())  # "June": a month left by a date
    if org is None and after and outlet_words and len(after.split()) <= 5 and not has_role(after) and not credential and not calendar:
        org = after
    return Byline(tuple(names), org, explicit)
