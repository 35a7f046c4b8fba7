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

from analysis.read.layout.dates import TIME_ZONES, Dated, labelled_dates, line_dates, without_dates
from analysis.resources import first_names, read_lexicon

#: "By", "Written by", "Von"...: an explicit byline's opening.
BY = re.compile(r"^(?:by|written by|words by|story by|reporting by|text by|von|par|por)\s*:?\s+", re.I)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|[A-Z]{2,}|(?:de|van|von|der|da|di|la|le|bin|al)|[A-Z][a-z]+[A-Z][a-z]+)$"
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
    body = re.sub(r"\s*[(<]?\S+@\S+\.\w+[)>]?", "", body).strip()
    explicit = bool(BY.match(body))
    body = BY.sub("", body).strip(" |,–—-")
    if not body:
        return None
    parts = [_without_rank(p.strip(" .")) for p in SPLIT_AUTHORS.split(body) if p.strip(" .")]
    # "Jane Doe in Tokyo": the reporter's location is not part of the name.
    parts = [re.sub(r"\s+in\s+[A-Z][\w .'’-]*$", "", p) for p in parts]
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
