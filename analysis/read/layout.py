"""Recognise the layout of text copied from a news page: title, caption, byline, dates, body...

Every non-blank line becomes exactly one block (nothing is dropped); each block gets a ``kind``
and the ``rule`` that decided it.  The rules are general page conventions, not positions in one
file:

* page chrome (share buttons, media-player times, "Related Topics", newsletter prompts, cookie
  banners, breadcrumbs) matches the patterns in ``data/boilerplate.tsv``;
* a dateline is a short line that is mostly a date (``2/1/2023``, ``Updated: Jan. 31, 2023``), a
  short line where a date follows a published/updated label, or a short dated line above the body
  ("Brussels, 6 March 2024");
* a byline starts with "By" or is a short run of capitalised words opening with a known first name,
  or a name above a role line ("Political Correspondent", "in Beijing");
* a caption ends with a photo credit (in brackets, after "Photograph:"/"Credit", "©", "Name/Agency")
  or starts with "Photo:"; a credit alone on its line introduces the caption below it;
* the title is the best title-shaped line above the body (a line repeated verbatim wins);
* headings are short unpunctuated lines between body paragraphs; credits ("... contributed to this
  report") and author bios ("<author> is a correspondent for <outlet>") close the article.

The publication date is read from the header (the lines above the body): a date labelled published
or posted, else the earliest unlabelled one, else an "Updated" one.  Only when the header has none:
the date opening the first paragraph ("Berne, 01.02.2024 - "), then a single "Published" date in the
footer.  Dates in related-article lists, comments, captions and the body are never used: no date is
better than a wrong one.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from analysis.frames import frame
from analysis.read.dates import find_dates
from analysis.resources import first_names, read_lexicon

BLOCK_COLUMNS = ["block_id", "kind", "start", "end", "text", "rule"]
Layout = Literal["auto", "plain"]

_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_CLOSERS = "\"'”’)]"
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = ""
    rule: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def words(self) -> int:
        return len(self.text.split())


@functools.cache
def _boilerplate_rules() -> tuple[tuple[re.Pattern, str, int], ...]:
    rules = []
    for row in read_lexicon("boilerplate.tsv"):
        pat, rule = row[0], row[1]
        max_words = int(row[2]) if len(row) > 2 and row[2] else 15
        rules.append((re.compile(rf"(?:{pat})", re.I), rule, max_words))
    return tuple(rules)


def boilerplate_rule(line: str) -> str | None:
    """Return the name of the page-chrome rule ``line`` matches, or None.

    A rule applies to lines up to its word limit (15 words unless the lexicon says otherwise), so a
    long sentence that happens to start like chrome stays text.

    >>> boilerplate_rule("0:00"), boilerplate_rule("Related Topics"), boilerplate_rule("Japan won.")
    ('media-player time', 'related links', None)
    """
    s = line.strip()
    n = len(s.split())
    for rx, rule, max_words in _boilerplate_rules():
        if n <= max_words and rx.fullmatch(s):
            return rule
    return None


# --- dates -----------------------------------------------------------------------------------
_LABEL_WORDS = (
    r"(?:(?:page\s+)?last\s+)?(?:updated|modified|modification|revised|published|posted|first published|"
    r"originally published|release(?:\s+date)?|released|issued|date)d?"
)
_DATE_LABEL = re.compile(rf"^\s*(?P<label>{_LABEL_WORDS})(?:\s+on)?\s*:?\s*", re.I)
#: A label word anywhere before a date on the same line ("TOI Desk / Updated: Jan 25, 2024").
_INLINE_LABEL = re.compile(rf"\b(?P<label>{_LABEL_WORDS})\b", re.I)
_TIME_ZONES = (
    "edt|est|cdt|cst|mdt|mst|pdt|pst|et|pt|ct|gmt|utc|bst|cet|cest|eet|eest|wet|west|msk|ist|pkt|ict|wib|pht|jst|"
    "kst|hkt|sgt|awst|acst|aest|aedt|nzst|nzdt|sast|eat|wat|gst|ast|hst|akst"
)
_DATE_FILLER = re.compile(
    r"\b(?:on|at|the|of|updated|published|posted|modified|modification|last|page|am|pm|uhr|h|"
    + _TIME_ZONES
    + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"ago|hours?|hrs?|minutes?|mins?|days?|weeks?|yesterday|today)\b|\b[ap]\.m\.|(?<=\d)(?:am|pm)\b"
    r"|\b(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d\d)?|\d{1,2}[:.]\d{2}(?::\d{2})?|[\d\s,.:|/•·–—+()\[\]-]",
    re.I,
)
#: Slashed day/month/year whose first number cannot be a month (13-31): unambiguous day-first.
_DAY_FIRST = re.compile(r"(?<![\d/.])(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/])")
#: Year-first dotted dates of East Asian and Central European pages: ``2024.03.06``.
_YMD_DOT = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)\.(?P<m>0?[1-9]|1[0-2])\.(?P<d>[12]\d|3[01]|0?[1-9])(?![\d])")
_RELATIVE_DATE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\d+|an?|one)\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$|^(?:just now|yesterday|today)$",
    re.I,
)


@functools.lru_cache(maxsize=256)  # a line is read as a dateline, then as a byline: its dates are found once
def _line_dates(s: str, *, dayfirst: bool = False) -> tuple[tuple[int, int, str], ...]:
    """Return ``(start, end, iso)`` of the absolute dates in ``s``.

    Adds what :func:`~analysis.read.dates.find_dates` leaves out of page chrome: slashed dates whose first
    number is above 12 are day-first (``14/03/2024``), and on a page that writes such dates
    (``dayfirst``) every slashed date is read day-first.
    """
    out = []
    for d in find_dates(s):
        iso = d.iso
        if dayfirst and d.form == "us_slash":
            mt = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", d.text)
            iso = _iso(mt.group(3), mt.group(2), mt.group(1)) if mt else None
        if iso:
            out.append((d.start, d.end, iso))
    for rx in (_DAY_FIRST, _YMD_DOT):
        for m in rx.finditer(s):
            if not any(a <= m.start() < b for a, b, _ in out):
                iso = _iso(m.group("y"), m.group("m"), m.group("d"))
                if iso:
                    out.append((m.start(), m.end(), iso))
    return tuple(sorted(out))


def _iso(y: str, m: str, d: str) -> str | None:
    year = int(y) + (2000 if len(y) == 2 else 0)
    try:
        return datetime.date(year, int(m), int(d)).isoformat()
    except ValueError:  # 30/02/2024
        return None


def _label_kind(label: str) -> str:
    lab = label.lower()
    return "updated" if any(k in lab for k in ("updat", "modif", "revis")) else "published"


def _labelled_dates(s: str, found: tuple[tuple[int, int, str], ...]) -> list[tuple[str | None, str]]:
    """Pair every date with the label word written just before it (after the previous date), if any."""
    out, prev = [], 0
    for a, b, iso in found:
        labels = list(_INLINE_LABEL.finditer(s, prev, a))
        out.append((_label_kind(labels[-1].group("label")) if labels else None, iso))
        prev = b
    return out


def _date_line(s: str, *, dayfirst: bool = False) -> tuple[str, list[tuple[str | None, str]], str | None] | None:
    """Classify ``s`` as a dateline.

    Returns ``(rule, dates, label)`` or None: ``dates`` pairs each date with its label
    (``published``/``updated``/None); ``label`` is the label of a label-only line ("Updated:").
    ``rule`` is ``date line`` (the line is mostly a date), ``date label`` (only a label or a relative
    time such as "3 hours ago") or ``labelled date`` (a short line with other words in which a date
    follows a published/updated label: "Published on Feb 1, 2024, at 6:32 pm (Paris)").
    """
    if len(s) > 160:
        return None
    m = _DATE_LABEL.match(s)
    label = _label_kind(m.group("label")) if m else None
    found = _line_dates(s, dayfirst=dayfirst)
    if not found:
        if _RELATIVE_DATE.match(s):
            return "date label", [], label
        if m and len(s) <= 90:
            rest = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s[m.end() :])
            if not _DATE_FILLER.sub("", rest).strip():
                return "date label", [], label
        return None
    dates = _labelled_dates(s, found)
    rest = s
    for a, b, _ in reversed(found):
        rest = rest[:a] + " " + rest[b:]
    # Pages glue fields together when copied ("UTCUpdated", "GMT+1Updated"): split at case changes first.
    rest = re.sub(r"(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", rest)
    rest = _INLINE_LABEL.sub(" ", rest)
    residue = _DATE_FILLER.sub("", rest)
    if len(re.sub(r"\W", "", residue)) <= 3 and len(s) <= 90:
        return "date line", dates, label
    if any(lab for lab, _ in dates) and len(s.split()) <= 20 and not _SENT_END.search(s):
        return "labelled date", dates, label
    return None


# --- bylines ---------------------------------------------------------------------------------
_BY = re.compile(r"^(?:by|written by|words by|story by|reporting by|text by|von|par|por)\s*:?\s+", re.I)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|[A-Z]{2,}|(?:de|van|von|der|da|di|la|le|bin|al)|[A-Z][a-z]+[A-Z][a-z]+)$"
)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\|\s*|;\s*)\s*")
_OUTLET_HINT = re.compile(
    r"\b(?:news|press|times|post|journal|herald|tribune|reuters|associated press|ap|afp|bloomberg|cnn|bbc|npr|agency|agencies|staff|wire|media|magazine|daily|gazette|network)\b",
    re.I,
)


def _looks_like_name(s: str) -> bool:
    toks = s.split()
    if not 2 <= len(toks) <= 5 or not all(_NAME_TOKEN.match(t) for t in toks):
        return False
    first = toks[0].strip(".")
    return first in first_names() or first.title() in first_names() or bool(re.fullmatch(r"[A-Z]", first))


#: An office a byline's author writes for ("Division Public Affairs", "Office of Communications").
_AFFILIATION = re.compile(r"\b(?:Public Affairs|Affairs|Office|Division|Command|Department|Bureau|Agency|Communications|Press)\b")
#: The longest affiliation after an author's name, in words.
AFFILIATION_WORDS = 8


@functools.cache
def _rank_words() -> frozenset[str]:
    """One-word titles and honorifics ("Sgt.", "Dr.") that may open a byline's name."""
    rows = (*read_lexicon("titles.txt"), *read_lexicon("honorifics.txt"))
    return frozenset(r[0] for r in rows if r and " " not in r[0])


def _without_rank(name: str) -> str:
    """"Sgt. Jane Doe" → "Jane Doe": a rank or courtesy title before an author's name is not part of it."""
    words = name.split()
    while len(words) > 2 and words[0] in _rank_words():
        words = words[1:]
    return " ".join(words)


def _byline(s: str, *, dayfirst: bool = False) -> tuple[list[str], str | None, list[tuple[str | None, str]]] | None:
    """Return (authors, outlet, dates) when ``s`` is a byline, else None.

    ``dates`` are the (label, iso) pairs of dates glued to the byline ("By Jane Doe2/1/2023",
    "Posted on March 2, 2024 by Jane Doe").
    """
    if len(s) > 160:
        return None
    found = _line_dates(s, dayfirst=dayfirst)
    dates = _labelled_dates(s, found)
    body = s
    for a, b, _ in reversed(found):
        body = body[:a] + " " + body[b:]
    if found:
        # What is left around the date: separators, labels, weekday and time ("| Wednesday, 4:32 PM EST").
        body = _BYLINE_DATE_TAIL.sub("", body.strip()).strip()
        body = re.sub(r"^(?:posted|published|updated)\s*(?:on|at)?\s*:?\s*", "", body, flags=re.I).strip()
    # E-mail sign-offs ("By Jane Doe (jane@example.com)") and trailing dashes are not part of the names.
    body = re.sub(r"\s*[(<]?\S+@\S+\.\w+[)>]?", "", body).strip()
    explicit = bool(_BY.match(body))
    body = _BY.sub("", body).strip(" |,–—-")
    if not body:
        return None
    parts = [_without_rank(p.strip(" .")) for p in _SPLIT_AUTHORS.split(body) if p.strip(" .")]
    # "Jane Doe in Tokyo": the reporter's location is not part of the name.
    parts = [re.sub(r"\s+in\s+[A-Z][\w .'’-]*$", "", p) for p in parts]
    authors, outlet = [], None
    for p in parts:
        if _looks_like_name(p) or (
            explicit and re.fullmatch(r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3}", p) and not _OUTLET_HINT.search(p)
        ):
            authors.append(p)
        elif _OUTLET_HINT.search(p) and len(p.split()) <= 5:
            outlet = outlet or p
        elif explicit and authors and _ROLE_LINE.match(p):  # "By Jane Doe, Europe correspondent"
            continue
        elif explicit and authors and _AFFILIATION.search(p) and len(p.split()) <= AFFILIATION_WORDS:
            outlet = outlet or p  # "By Jane Doe, 3rd Division Public Affairs": the author's office
        else:
            return None
    if not authors:
        return None
    return authors, outlet, dates


_BYLINE_DATE_TAIL = re.compile(
    r"(?:\s*(?:[|•·,/–—-]|\b(?:updated|published|posted|on|at|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\b|\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
    r"|\b(?:" + _TIME_ZONES + r")\b|:))+\s*$",
    re.I,
)
_ROLE_LINE = re.compile(
    r"^(?:(?:[\w.&'’-]+\s+){0,5}(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|"
    r"analyst|bureau chief|desk|staff|presenter|anchor)s?|in\s+[A-Z][\w .,'’-]{1,40}|reporting from\s+.{1,60}|"
    r"(?:[\w.&'’-]+\s+){0,4}(?:news|press|media|times|post)(?:,\s*[A-Z][\w .'’-]{1,30})?)$",
    re.I,
)
_PLAIN_NAME = re.compile(r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}$")


# --- captions, credits, bios -----------------------------------------------------------------
_PHOTO_CREDIT = re.compile(
    r"[(\[](?P<credit>[^()\[\]]*?(?:/|\bphoto|\bimage|\bgetty|\bAP\b|\breuters|\bAFP|\bEPA|\bshutterstock|\bcourtesy|\bcredit|\bfile\b|\bpool\b)[^()\[\]]*)[)\]]\s*$",
    re.I,
)
#: Credits written after the caption without brackets: "... Photograph: Name/AFP", "...Tuesday.Credit...Name
#: for The Times", "... © 2024 Name", "... on July 19, 2023. Name/Reuters", or a credit alone ("AGENCY/Name").
_CREDIT_TAIL = [
    re.compile(
        r"(?:^|(?<=[.!?”\"’)\]])\s*|\s)(?:photograph|photo|picture|image|illustration|credit|foto)s?\s*(?::|\.{2,}|…)\s*"
        r"(?P<credit>\S.{1,80}?)\s*$",
        re.I,
    ),
    re.compile(r"(?:^|\s)©\s*(?:\d{4}\s*)?(?P<credit>[^.©]{2,60}?)\s*$"),
    re.compile(
        r"(?:^|(?<=[.!?”\"’])\s+|(?<=^\[\d/\d\]))(?P<credit>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w&.'’-]*"
        r"(?:\s[A-Z][\w&.'’-]*){0,3}(?:\s?/\s?[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})*(?:,\s*file)?)"
        r"(?:\s+(?:via\s+[A-Z][\w ]{1,30}|(?i:purchase|buy|licen[sc]\w*)\b.*))?\s*$"
    ),
]


def _caption_credit(s: str) -> re.Match | None:
    """Return the match of the photo credit closing ``s`` (group ``credit``), or None."""
    if len(s.split()) > 70:
        return None
    if m := _PHOTO_CREDIT.search(s):
        return m
    for rx in _CREDIT_TAIL:
        if m := rx.search(s):
            return m
    return None


_CAPTION_LEAD = re.compile(
    r"^(?:(?:photo|image|picture|caption|pictured|file photo|illustration)\s*(?:credit)?\s*:\s*"
    r"|(?:photo(?:graph)?|image|picture|illustration|video)s?\s+by\s+)",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"(?:contributed (?:to )?(?:this )?(?:report|story|article)|^\(?(?:additional )?reporting by\b|^\(?editing by\b|^\(?writing by\b"
    r"|^with (?:files|reporting) from\b|^compiled by\b|^this (?:story|article|report) (?:was|has been) (?:updated|corrected|produced|written|edited)"
    r"|^correction\s*:|^editor'?s note\s*:)",
    re.I,
)
_BIO_ROLE = re.compile(
    r"\b(?:is|was|has been|serves as)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|analyst|author|fellow|professor|freelancer|staffer|associate|director|researcher)\b"
    r"|^(?:[A-Z][\w’'.-]+\s){0,3}[A-Z][\w’'.-]+\s(?:covers|reports on|writes about|reports for|writes for)\b",
    re.I,
)
_BIO_OUTLET = re.compile(
    r"\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|staffer)\b[^.]*?\b(?:for|at|with)\s+(?P<outlet>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
)
_PRONOUN_START = re.compile(r"^(?:he|she|they|his|her|their)\b", re.I)


def _is_paragraph(line: _Line) -> bool:
    """A body-paragraph shape: a sentence of some length, or a long run of words."""
    return (line.words >= 8 and bool(_SENT_END.search(line.text))) or line.words >= 25


def _is_heading_shape(line: _Line) -> bool:
    t = line.text.rstrip(_CLOSERS)
    return (
        1 <= line.words <= 14 and len(line.text) <= 120 and not re.search(r"[.!?,;:]$", t) and line.text[:1].isupper()
    )


def _title_shape(line: _Line) -> bool:
    return 3 <= line.words <= 30 and len(line.text) <= 250 and not line.text.endswith(":")


# --- recognition -----------------------------------------------------------------------------
def split_lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line, stripped of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of paragraphs separated by blank lines."""
    spans = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)|\s*$)", text, re.S):
        spans.append(m.span())
    return spans


_BULLET = re.compile(r"^(?:[-–*]\s+|[•·▪●◦‣►▶]\s*)(?=\S)")


def _classify_patterns(lines: list[_Line], *, dayfirst: bool = False) -> None:
    """First pass: kinds decided by the line alone (then captions announced by a credit line)."""
    for ln in lines:
        s = _BULLET.sub("", ln.text)  # list items of extracted HTML ("- Published")
        d = None
        if rule := boilerplate_rule(s):
            ln.kind, ln.rule = "boilerplate", rule
        elif (d := _date_line(s, dayfirst=dayfirst)) is not None and d[0] != "labelled date":
            ln.kind, ln.rule = "dateline", d[0]
            ln.extra["dates"], ln.extra["label"] = d[1], d[2]
        elif ln.words <= 40 and _CREDIT_LINE.search(s):  # the length first: the search reads the whole line
            ln.kind, ln.rule = "credit", "credit line"
        elif (b := _byline(s, dayfirst=dayfirst)) is not None:
            ln.kind, ln.rule = "byline", "byline 'By'" if _BY.match(s) else "byline name"
            ln.extra["authors"], ln.extra["outlet"], ln.extra["dates"] = b
        elif d is not None:
            ln.kind, ln.rule = "dateline", d[0]
            ln.extra["dates"], ln.extra["label"] = d[1], d[2]
        elif (m := _caption_credit(s)) or _CAPTION_LEAD.match(s):
            ln.kind, ln.rule = "caption", "photo credit" if m else "caption label"
            ln.extra["credit_only"] = bool(m) and not s[: m.start("credit")].strip(" .[(")
    # A credit standing alone on its line ("Getty Images", "UNICEF/Jane Doe") introduces the caption below it.
    for i, ln in enumerate(lines[:-2]):
        nxt, after = lines[i + 1], lines[i + 2]
        credit_alone = ln.extra.get("credit_only") or (ln.kind == "boilerplate" and ln.rule == "photo credit line")
        if (
            credit_alone
            and not nxt.kind
            and 4 <= nxt.words <= 40
            and len(_SENT_SPLIT.findall(nxt.text)) <= 1
            and not after.kind
            and _is_paragraph(after)
        ):
            nxt.kind, nxt.rule = "caption", "line after photo credit"


_SENT_SPLIT = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"])")


_TITLE_BAR = re.compile(r"^(?P<head>.+?)\s+\|\s+(?P<site>[^|]{2,40})$")


def _title_text(ln: _Line) -> tuple[str, bool]:
    """The headline a line carries and whether it is a title bar ("Headline | Site Name")."""
    m = _TITLE_BAR.match(ln.text)
    if m and len(m.group("head").split()) >= 4 and len(m.group("site").split()) <= 5:
        return m.group("head").rstrip(" -–—"), True
    return ln.text, False


_FIELD_LINE = re.compile(
    r"^(?:from|source|summary|date|category|categories|topic|location|type|author|department|agency|office|"
    r"section|filed under|language|region|country|subject|ref(?:erence)?)\s*:",
    re.I,
)


def _dated_title(ln: _Line) -> bool:
    """A header line that names an event and its date ("Department Press Briefing – March 3, 2025"):
    three words or more in Title Case besides the date."""
    if ln.kind != "dateline" or ln.rule != "date in header line" or not ln.text[:1].isupper():
        return False
    found = _line_dates(ln.text)
    # the name first, then a dash and the date closing the line; no byline, no "|" field row
    if not found or _BY.match(ln.text) or "|" in ln.text or not re.search(r"\s[–—-]\s*$", ln.text[: found[0][0]]):
        return False
    if ln.text[found[-1][1] :].strip(" .)"):
        return False
    rest = ln.text[: found[0][0]]
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", rest)]
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 3 and bool(long_words) and all(w[:1].isupper() for w in long_words)


def _title_candidate(ln: _Line) -> bool:
    return (
        (not ln.kind or _dated_title(ln))
        and _title_shape(ln)
        and not ln.extra.get("bullet")
        and not ln.extra.get("nested")
        and not _FIELD_LINE.match(ln.text)
    )


def _choose_title(lines: list[_Line], body_start: int, hint: str | None) -> int | None:
    """Score every title-shaped line above the body; return the best one's index.

    Evidence for a headline: repeated in the header, a byline or dateline close below, a longer
    sentence-like standfirst directly below, its content words echoed by the first paragraphs,
    Title Case, five words or more, being the page's title
    bar.  Against: ending a sentence, fewer than four words, a row of repeated link words.  Ties go
    to the first line when a byline or dateline is close below (a standfirst follows the headline),
    else to the line closest to the body (chrome sits above the headline).  Field lines
    ("From: ...", "Source: ...") and short all-capital labels ("OFFICE OF THE SPOKESPERSON") are not
    headlines.
    Bulleted and nested (more indented) lines are list items and never headlines.
    """
    if hint:
        norm = comparable_text(hint)
        for i, ln in enumerate(lines[: max(body_start, 1) + 5]):
            if comparable_text(ln.text) == norm:
                return i
    cands = [i for i in range(body_start) if _title_candidate(lines[i])]
    if not cands:
        return None
    # A repeat counts when it is written the same way: a section label echoed in capitals is not one.
    texts = [" ".join(_title_text(ln)[0].split()) for ln in lines]
    header_counts = Counter(texts[:body_start])
    lede = [ln.text for ln in lines[body_start:] if not ln.kind and _is_paragraph(ln)][:2]
    lede_words = {w[:5] for w in _content_words(" ".join(lede))}
    return max(cands, key=lambda i: _title_score(lines, i, header_counts[texts[i]] > 1, lede_words))


def _content_words(s: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]{4,}", s)]


def _link_row(s: str) -> bool:
    """A row of links repeating the site's name ("Agency On Facebook Agency On Twitter ...")."""
    words = s.lower().split()
    return len(words) >= 6 and len(set(words)) / len(words) < 0.7


def _title_score(lines: list[_Line], i: int, repeated: bool, lede_words: set[str]) -> tuple[int, int]:
    ln = lines[i]
    text, bar = _title_text(ln)
    words = text.split()
    content = _content_words(text)
    # A headline sums up the story: most of its content words come back in the first paragraphs.
    echoes = sum(w[:5] in lede_words for w in content)
    echoed = echoes >= 2 and echoes / len(content) >= 0.5
    meta_below = next(
        (
            j - i
            for j in range(i + 1, min(i + 5, len(lines)))
            if lines[j].kind in ("byline", "dateline", "caption") or _venue_line(lines, j)
        ),
        None,
    )
    venue = _venue_line(lines, i)
    dated = ln.kind == "dateline"  # a headline carrying its own date ("... Briefing – March 3, 2025")
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    standfirst = (
        nxt is not None
        and not nxt.kind
        and len(words) < nxt.words < 60
        and bool(_SENT_END.search(nxt.text))
    )
    sentence = bool(_SENT_END.search(text)) and not text.rstrip(_CLOSERS).endswith(("?", "!"))
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.6
    link_row = _link_row(text)
    score = (
        3 * (repeated and len(words) >= 4)
        + 2 * (meta_below is not None or dated)
        + standfirst
        + echoed
        + title_case
        + bar
        + (len(words) >= 5)
        - 2 * sentence
        - 2 * (len(words) < 4)
        - 3 * link_row
        - 2 * (text.isupper() and len(words) <= 5)
        - 3 * venue
    )
    if repeated:  # the first copy of a repeated headline is the title, the others repeat it
        return score, 1000 - i
    return score, -i if meta_below is not None or dated else i - 1000


#: The last word of a line naming where an event took place ("... Briefing Room", "... City Hall").
_VENUE_NOUNS = frozenset(
    "Room Hall Building Center Centre Auditorium Theater Theatre Chamber Chambers Palace Residence "
    "Hotel Airport Base Lawn Garden Gardens Ballroom Studio Stadium Arena Headquarters".split()
)


def _venue_line(lines: list[_Line], i: int) -> bool:
    """A short line naming a venue, right above the time or date line of a briefing or speech: where
    the event took place, not the headline (it sits between the headline and the text)."""
    ln = lines[i]
    words = ln.text.rstrip(" .").split()
    if not (2 <= len(words) <= 8) or words[-1] not in _VENUE_NOUNS:
        return False
    nxt = next((x for x in lines[i + 1 : i + 3] if x.text.strip()), None)
    return nxt is not None and (nxt.kind == "dateline" or nxt.rule == "media-player time" or bool(_CLOCK_LINE.fullmatch(nxt.text.strip())))


_CLOCK_LINE = re.compile(r"\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?")


def _headline_first_line(lines: list[_Line]) -> int | None:
    """The first line is the title when it is shaped like a headline even though it ends a sentence.

    Some sources end headlines with a period ("Council Approves Budget."), so the line reads as a
    short paragraph.  When more paragraphs follow, it is taken as the title if it is Title Case (up
    to 20 words), or short (at most 14 words, 110 characters) and either unpunctuated at the end or
    very short (≤ 9 words): a one-sentence lede is longer than that.
    """
    first = next((i for i, ln in enumerate(lines) if not ln.kind), None)
    if first is None or not any(_is_paragraph(ln) and not ln.kind for ln in lines[first + 1 :]):
        return None
    ln = lines[first]
    if not (3 <= ln.words <= 20 and len(ln.text) <= 160) or not ln.text[:1].isupper():
        return None
    long_words = [w for w in ln.text.split() if len(w) > 3 and w[:1].isalpha()]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.6
    if title_case:  # Title Case is headline evidence on its own
        return first
    short = ln.words <= 14 and len(ln.text) <= 110
    unpunctuated = not _SENT_END.search(ln.text)
    return first if short and (unpunctuated or ln.words <= 9) else None


def comparable_text(s: str) -> str:
    """Lower case, runs of non-word characters as one space: for "is this the same line" tests
    (a title repeated as a heading, a title hint, an HTML page's <h1>)."""
    return re.sub(r"\W+", " ", s).strip().lower()


def _body_start(lines: list[_Line]) -> int:
    """Index of the first body paragraph.

    A paragraph-shaped line is not the body when a byline or dateline follows it before the next
    paragraph (within eight lines): it is a standfirst or caption above the article's header.  Nor
    is a nested paragraph (indented deeper than the page's paragraphs: alert lists, sidebars).
    Banner and sidebar paragraphs above the article's own header are skipped by
    :func:`_header_below`.
    """
    for i, ln in enumerate(lines):
        if ln.kind or not _is_paragraph(ln) or ln.extra.get("nested"):
            continue
        header_below = False
        for j in range(i + 1, min(i + 9, len(lines))):
            nxt = lines[j]
            if nxt.kind in ("byline", "dateline"):
                header_below = True
                break
            if not nxt.kind and _is_paragraph(nxt):
                break
        if not header_below:
            return _header_below(lines, i)
    return len(lines)


def _header_below(lines: list[_Line], start: int) -> int:
    """Move the body start below the article's own header when banners or a sidebar precede it.

    When no dated line or "By" byline sits above ``start``, and within the next four paragraphs a
    headline-shaped line stands over a dated line or a "By" byline that a paragraph follows, those
    first paragraphs were page chrome (a beta-site banner, a newsletter sidebar) and the body
    starts after that header.
    """
    if any(_explicit_meta(ln) for ln in lines[:start]):
        return start
    paras = 0
    for i in range(start, len(lines)):
        ln = lines[i]
        if not ln.kind and _is_paragraph(ln):
            paras += 1
            if paras > 4:
                break
            continue
        if not _explicit_meta(ln):
            continue
        headline = any(
            _title_candidate(lines[j]) and not _SENT_END.search(lines[j].text) for j in range(max(start, i - 3), i)
        )
        below = range(i + 1, min(i + 6, len(lines)))
        para = next((j for j in below if not lines[j].kind and _is_paragraph(lines[j])), None)
        if headline and para is not None:
            return para
    return start


def _explicit_meta(ln: _Line) -> bool:
    return (ln.kind == "dateline" and bool(ln.extra.get("dates"))) or (ln.kind == "byline" and bool(_BY.match(ln.text)))


_DAY_FIRST_PAGE = re.compile(r"(?<![\d/.])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])")


def recognise(text: str, *, layout: Layout = "auto", title_hint: str | None = None) -> tuple[pd.DataFrame, dict]:
    """Return the blocks table and metadata of ``text``.

    Parameters
    ----------
    text : str
        Article text as copied from a page (or extracted from HTML).
    layout : {"auto", "plain"}
        ``plain`` treats every blank-line separated paragraph as body (bare corpus text).
    title_hint : str, optional
        A title known from elsewhere (an HTML page's metadata); the line equal to it is the title.

    Returns
    -------
    (DataFrame, dict)
        ``block_id, kind, start, end, text, rule`` and the metadata dict.
    """
    meta = _empty_metadata()
    if layout == "plain":
        lines = [_Line(a, b, text[a:b], "body", "plain layout") for a, b in split_paragraphs(text)]
        meta["provenance"] = {k: _none("plain layout: every paragraph is body") for k in ("title", "published", "authors")}
        return _frame(lines), meta

    lines = [_Line(a, b, text[a:b]) for a, b in split_lines(text)]
    _page_shape(text, lines)
    # A page that writes 14/03/2024 writes its other slashed dates day-first too.
    dayfirst = bool(_DAY_FIRST_PAGE.search(text))
    _classify_patterns(lines, dayfirst=dayfirst)
    _contact_blocks(lines)
    start = _body_start(lines)
    _dated_header_lines(lines, start, dayfirst=dayfirst)
    start = _body_start(lines)
    t, start = _mark_title(lines, start, title_hint, meta)
    _label_header(lines, start, t)
    _label_body(lines, start)
    _end_matter(lines, start)
    _captions_by_media_label(lines)
    _fill_metadata(lines, meta, start)
    return _frame(lines), meta


def _empty_metadata() -> dict:
    return {
        "title": None,
        "authors": [],
        "published": None,
        "updated": None,
        "outlet": None,
        "caption": None,
        "photo_credit": None,
        "contributors": [],
        "headings": [],
    }


def _mark_title(lines: list[_Line], start: int, title_hint: str | None, meta: dict) -> tuple[int | None, int]:
    """Find and label the title line (and lines repeating it); fill ``meta["title"]`` and its provenance.

    Returns the title's index (or None) and the body start, which moves below a title inside it.
    """
    t = _choose_title(lines, start, title_hint)
    rule = "title hint" if title_hint and t is not None else "title"
    if t is None and (t := _headline_first_line(lines)) is not None:
        rule = "headline-shaped first line"
    meta["provenance"] = {"title": _none("no headline-shaped line above the body")}
    if t is None:
        return t, start
    head, bar = _title_text(lines[t])
    rule = "title bar" if bar and rule == "title" else rule
    rule = "title with its date" if lines[t].kind == "dateline" else rule  # its date stays a header date
    lines[t].kind, lines[t].rule = "title", rule
    start = max(start, _body_start(lines))
    meta["title"] = head
    meta["provenance"]["title"] = {"rule": rule, "block_id": t, "line": lines[t].text}
    for ln in lines:
        if ln is not lines[t] and not ln.kind and comparable_text(ln.text) == comparable_text(head):
            ln.kind, ln.rule = "title", "repeated title"
    return t, start


#: The heading of an end-matter section: source lists, references and link lists after the story.
_END_MATTER_HEADING = re.compile(
    r"(?:sources?|references|external links|see also|further reading|related (?:news|articles|stories|links)"
    r"|bibliography|citations|footnotes|tags|topics)\s*:?",
    re.I,
)
#: An end-matter item is at most this many words: a bulleted item (a cited headline with its
#: outlet and date) or an unbulleted line (a sister-project link); a longer line is the story.
END_MATTER_ITEM_WORDS = 60
END_MATTER_LINE_WORDS = 20


def _end_matter(lines: list[_Line], start: int) -> None:
    """A source list or link list closing the page ("Sources" then its items) is page chrome.

    The heading and every line after it are labelled when none of those lines is a long
    paragraph: the story does not go on below such a heading.
    """
    for i in range(len(lines) - 1, start - 1, -1):
        ln = lines[i]
        if ln.kind in ("body", "heading") and _END_MATTER_HEADING.fullmatch(ln.text.strip()):
            rest = lines[i + 1 :]
            limit = {True: END_MATTER_ITEM_WORDS, False: END_MATTER_LINE_WORDS}
            if all(r.kind == "boilerplate" or r.words <= limit[r.extra["bullet"]] for r in rest):
                for r in (ln, *rest):
                    if r.kind != "boilerplate":
                        r.kind, r.rule = "boilerplate", "end matter"
            return


def _captions_by_media_label(lines: list[_Line]) -> None:
    """Short lines just above a media label ("(click to enlarge)", "View image") caption that image.

    Figure captions below the story (a map's title and date, often copied twice) are captions, not
    trailing chrome: their dates and names belong to the article.
    """
    for i, ln in enumerate(lines):
        if ln.rule != "media label":
            continue
        for j in range(i - 1, max(-1, i - 5), -1):
            above = lines[j]
            if above.rule not in ("trailing chrome", "header chrome") or _is_paragraph(above):
                break
            above.kind, above.rule = "caption", "line above media label"


_BULLET_MARK = re.compile(r"^(?:[•·▪●◦‣►▶]|[-–*]\s)")


def _page_shape(text: str, lines: list[_Line]) -> None:
    """Record each line's indentation, paragraph group and bullet before any line is judged.

    ``group`` numbers runs of lines without a blank line between them (a chrome block is judged
    as a block); ``nested`` marks lines indented deeper than the page's paragraphs, weighted by
    words (list items and sidebars of pages laid out with tables), so a page whose every line is
    indented nests nothing.
    """
    group, prev_end = 0, 0
    for ln in lines:
        gap = text[prev_end : ln.start]
        line_start = max(text.rfind("\n", 0, ln.start), text.rfind("\r", 0, ln.start)) + 1
        group += len(re.findall(r"\r\n|\r|\n", gap)) >= 2
        ln.extra.update(indent=ln.start - line_start, group=group, bullet=bool(_BULLET_MARK.match(ln.text)))
        prev_end = ln.end
    weight: Counter = Counter()
    for ln in lines:
        if _is_paragraph(ln):
            weight[ln.extra["indent"]] += ln.words
    base = weight.most_common(1)[0][0] if weight else 0
    deeper = sum(ln.extra["indent"] >= base + 2 for ln in lines)
    # One stray indented line (a copy starting with spaces) is no nesting: lists have several lines.
    for ln in lines:
        ln.extra["nested"] = deeper >= 2 and ln.extra["indent"] >= base + 2


def _contact_blocks(lines: list[_Line]) -> None:
    """A block of short lines holding a contact line (phone, e-mail, "Contact:") is a contact block.

    Media-contact blocks ("Jane Doe / Press Office / (202) 555-0100") name people who are not the
    article's authors; the whole block is chrome, not only the line with the number.
    """
    groups: dict[int, list[_Line]] = {}
    for ln in lines:
        groups.setdefault(ln.extra.get("group", 0), []).append(ln)
    for members in groups.values():
        if len(members) > 6 or not any(ln.rule == "contact line" for ln in members):
            continue
        if all(ln.words <= 10 and not _is_paragraph(ln) for ln in members):
            for ln in members:
                if ln.kind in ("", "byline"):
                    ln.kind, ln.rule = "boilerplate", "contact block"


def _dated_header_lines(lines: list[_Line], start: int, *, dayfirst: bool = False) -> None:
    """Short unlabelled lines above the body that carry a date are datelines, not headlines.

    "Brussels, 6 March 2024", "Source: Xinhua | 2024-03-06 15:32 | Editor: Liu": page chrome dated
    like a dateline (a caption with a date is a sentence, and has been labelled by its credit).
    """
    for ln in lines[:start]:
        if ln.kind or ln.words > 20 or _SENT_END.search(ln.text):
            continue
        found = _line_dates(ln.text, dayfirst=dayfirst)
        if not found:
            continue
        rest = ln.text
        for a, b, _ in reversed(found):
            rest = rest[:a] + " " + rest[b:]
        # A headline may name a date ("Talks on the March 6, 2024 attack"): chrome has separators or few words.
        if len(_DATE_FILLER.sub(" ", rest).split()) <= 3 or re.search(r"[|•·/]|\s[–—-]\s", ln.text):
            ln.kind, ln.rule = "dateline", "date in header line"
            ln.extra["dates"], ln.extra["label"] = _labelled_dates(ln.text, found), None


def _label_header(lines: list[_Line], start: int, t: int | None) -> None:
    """Label the unlabelled lines above the body: author names, standfirst, page chrome."""
    for idx, ln in enumerate(lines[:start]):
        if ln.kind:
            continue
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        # "Jane Doe" over "Political Correspondent" / "in Beijing" / "BBC News, Cardiff".
        role_below = nxt is not None and not nxt.kind and bool(_ROLE_LINE.match(nxt.text))
        if _looks_like_name(ln.text) or (role_below and _PLAIN_NAME.match(ln.text) and ln.words <= 4):
            ln.kind, ln.rule = "byline", "byline name" if not role_below else "byline name over role"
            ln.extra["authors"], ln.extra["outlet"], ln.extra["dates"] = [ln.text], None, []
            if role_below:
                nxt.kind, nxt.rule = "byline", "byline role"
        elif _link_row(ln.text):
            ln.kind, ln.rule = "boilerplate", "link row"
        elif t is not None and idx > t and ln.words >= 6 and (_SENT_END.search(ln.text) or idx == t + 1):
            ln.kind, ln.rule = "subtitle", "sentence below title" if _SENT_END.search(ln.text) else "standfirst"
        else:
            ln.kind, ln.rule = "boilerplate", "header chrome"


def _label_body(lines: list[_Line], start: int) -> None:
    last_para = max(
        (i for i in range(start, len(lines)) if not lines[i].kind and _is_paragraph(lines[i])), default=start
    )
    authors = [a for ln in lines if ln.kind == "byline" for a in ln.extra.get("authors", [])]
    prev_bio = False
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln.kind:
            prev_bio = False
            continue
        s = ln.text
        # the role search reads the whole paragraph: it comes after the tests of its opening
        is_bio = bool(
            any(s.lower().startswith((a.lower(), a.split()[-1].lower() + " ")) for a in authors)
            or (i > last_para - 1 and re.match(r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3} (?:is|was|has|serves)\b", s))
        ) and bool(_BIO_ROLE.search(s))
        if is_bio or (prev_bio and _PRONOUN_START.match(s)):
            ln.kind, ln.rule = "bio", "author bio" if is_bio else "bio continuation"
            prev_bio = True
            continue
        prev_bio = False
        nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].kind != "boilerplate"), None)
        if _is_heading_shape(ln) and nxt is not None and not nxt.kind and _is_paragraph(nxt) and i < last_para:
            ln.kind, ln.rule = "heading", "short line before paragraph"
        elif i > last_para and not _is_paragraph(ln):
            ln.kind, ln.rule = "boilerplate", "trailing chrome"
        else:
            ln.kind, ln.rule = "body", "paragraph"


#: A first body paragraph that opens with place and date: "Berne, 01.02.2024 - ", "WASHINGTON, Jan. 5, 2024 —".
_LEAD_DATE_TAIL = re.compile(r"\)?\s*(?:\([^)]{1,30}\)\s*)?(?:/[^/]{1,30}/\s*)?(?:[-–—:]|\(|\bPRNewswire\b)")


def _dates_of(ln: _Line, pending: str | None) -> tuple[list[tuple[str | None, str]], str | None]:
    """Dated (label, iso) pairs of a dateline/byline; ``pending`` is a label read on the line above."""
    dates = list(ln.extra.get("dates") or [])
    if not dates:
        return [], ln.extra.get("label") if ln.kind == "dateline" else None
    if pending and dates[0][0] is None:
        dates[0] = (pending, dates[0][1])
    return dates, None


def _pick_dates(dated: list[tuple[str | None, str]]) -> tuple[str | None, str | None]:
    published = [iso for lab, iso in dated if lab == "published"]
    updated = [iso for lab, iso in dated if lab == "updated"]
    unlabelled = [iso for lab, iso in dated if lab is None]
    # A page that states only an "Updated" date was first published no later than that.
    pub = (published or sorted(unlabelled) or sorted(updated) or [None])[0]
    later = sorted(x for x in unlabelled if pub and x > pub)
    return pub, (updated or later or [None])[-1]


def _fill_metadata(lines: list[_Line], meta: dict, start: int) -> None:
    """Fill ``meta`` from the labelled lines.

    Dates and authors come from the header (the lines above the body).  Only when the header states
    no date: the date opening the first body paragraph ("Berne, 01.02.2024 - "), then a single
    "Published" date stated below the body (government pages repeat it in their footer).  Dates in
    related-article lists, comments and the body text are never read as the publication date.
    """
    header: list[tuple[str | None, str]] = []
    footer: list[tuple[str | None, str]] = []
    footer_authors: list[str] = []
    pending: str | None = None
    related = False  # below a "Related"/"Read next" heading the dates belong to other articles
    for i, ln in enumerate(lines):
        if ln.kind in ("dateline", "byline") or ln.rule == "title with its date":
            dates, pending = _dates_of(ln, pending)
            if i < start:
                header.extend(dates)
            elif not related:
                footer.extend(dates)
        else:
            pending = None
            related = related or (i >= start and ln.rule == "related links")
        if ln.kind == "byline":
            names = ln.extra.get("authors", [])
            if i < start:
                meta["authors"].extend(a for a in names if a not in meta["authors"])
                meta["outlet"] = meta["outlet"] or ln.extra.get("outlet")
            elif _BY.match(ln.text):
                footer_authors.extend(a for a in names if a not in footer_authors)
        else:
            _line_metadata(ln, meta)
    if not meta["authors"]:
        meta["authors"] = footer_authors
    if any(_BY.match(ln.text) for ln in lines[:start] if ln.kind == "byline"):
        # A "By" byline names the authors; other name-shaped header lines are chrome (masthead, sidebar).
        by = [ln for ln in lines[:start] if ln.kind == "byline" and _BY.match(ln.text)]
        meta["authors"] = [a for ln in by for a in ln.extra["authors"]]
    meta["published"], meta["updated"], meta.setdefault("provenance", {})["published"] = _publication_date(
        lines, start, header, footer
    )
    authors = [
        i for i, ln in enumerate(lines) if ln.kind == "byline" and set(ln.extra.get("authors", [])) & set(meta["authors"])
    ]
    meta["provenance"]["authors"] = _source("byline", authors[0], lines) if authors else _none("no byline")


def _line_metadata(ln: _Line, meta: dict) -> None:
    """Fill caption and photo credit, contributors, outlet (from a bio) and headings from one line."""
    if ln.kind == "caption" and meta["caption"] is None:
        meta["caption"], meta["photo_credit"] = _caption_parts(ln.text)
    elif ln.kind == "credit":
        m = re.match(r"^(?P<who>.+?)\s+contributed\b", ln.text)
        if m:
            meta["contributors"].extend(p for p in _SPLIT_AUTHORS.split(m.group("who")) if p)
    elif ln.kind == "bio" and meta["outlet"] is None and (m := _BIO_OUTLET.search(ln.text)):
        meta["outlet"] = re.sub(r"\s+(?:covering|who|where|and|since|in|on)\b.*$", "", m.group("outlet")).strip()
    elif ln.kind == "heading":
        meta["headings"].append(ln.text)


#: A trailing "Photo:" / "Credit" / "©" label left on a caption once its credit is cut off.
_CREDIT_LABEL_TAIL = re.compile(
    r"(?:photograph|photo|picture|image|illustration|credit|foto)s?\s*(?::|\.{2,}|…)?\s*$|©\s*(?:\d{4})?\s*$", re.I
)


def _caption_parts(text: str) -> tuple[str | None, str | None]:
    """Split a caption line into (caption, photo credit)."""
    m = _caption_credit(text)
    cap = (
        text[: m.start() if m.re is _PHOTO_CREDIT else m.start("credit")].strip()
        if m
        else _CAPTION_LEAD.sub("", text).strip()
    )
    if m and m.re is not _PHOTO_CREDIT:
        cap = _CREDIT_LABEL_TAIL.sub("", cap).strip()
    return cap or None, m.group("credit").strip() if m else _CAPTION_LEAD.sub("", text).strip() or None


def _source(rule: str, i: int, lines: list[_Line]) -> dict:
    return {"rule": rule, "block_id": i, "line": lines[i].text}


def _states(ln: _Line, iso: str) -> bool:
    return any(d == iso for _, d in ln.extra.get("dates") or [])


def _none(reason: str) -> dict:
    return {"rule": "none", "block_id": None, "line": None, "reason": reason}


def _publication_date(lines: list[_Line], start: int, header: list, footer: list) -> tuple[str | None, str | None, dict]:
    """Published and updated dates with the provenance of the published one.

    The header's dates first; else the date opening the first paragraph; else a single "Published"
    date in the footer; else None with the reason (dates elsewhere on the page are never used).
    """
    pub, upd = _pick_dates(header)
    prov = None
    if pub is not None:
        i = next(i for i in range(start) if lines[i].kind in ("dateline", "byline", "title") and _states(lines[i], pub))
        prov = _source(f"header {lines[i].kind}: {lines[i].rule}", i, lines)
    if pub is None:
        i = next((i for i in range(start, len(lines)) if lines[i].kind == "body"), None)
        if i is not None:
            lead = lines[i].text[:90]
            for a, b, iso in _line_dates(lead):
                if a <= 45 and _LEAD_DATE_TAIL.match(lead, b):
                    pub, prov = iso, _source("date opening the first paragraph", i, lines)
                break
    if pub is None:
        footer_published = {iso for lab, iso in footer if lab == "published"}
        if len(footer_published) == 1:
            pub = footer_published.pop()
            i = next(i for i in range(start, len(lines)) if _states(lines[i], pub))
            prov = _source("published date below the body", i, lines)
    if upd is None and pub is not None:
        later = sorted({iso for lab, iso in footer if lab == "updated" and iso >= pub})
        upd = later[-1] if len(later) == 1 else None
    if pub is None:
        prov = _none(
            "the page states no publication date in its header, its first paragraph or its footer "
            "(dates in banners, related links, captions and the body are not read)"
        )
    return pub, upd, prov


def _frame(lines: list[_Line]) -> pd.DataFrame:
    rows = [(i, ln.kind, ln.start, ln.end, ln.text, ln.rule) for i, ln in enumerate(lines)]
    return frame(
        {c: [r[k] for r in rows] for k, c in enumerate(BLOCK_COLUMNS)},
        dict.fromkeys(("block_id", "start", "end"), "int64"),
    )
