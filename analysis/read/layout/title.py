"""The title: which line of the header is the article's headline.

Decides, among the title-shaped lines above the body, which one is the headline, by a score of
page conventions (repeated in the header, a byline or dateline close below, a standfirst below, its
words echoed by the first paragraphs, Title Case, a title bar "Headline | Site"; against: a
sentence, fewer than four words, a row of links, a short all-capital label, a venue line), and
whether a first line is a headline although it ends with a period.  Reads the lines with the kinds
of the line pass (datelines, bylines, captions) and the page shape.
"""

from __future__ import annotations

import re
from collections import Counter

from analysis.read.layout.bylines import BY
from analysis.read.layout.dates import line_dates
from analysis.read.layout.lines import (
    CLOSERS,
    SENT_END,
    Line,
    comparable_text,
    content_words,
    is_paragraph,
    link_row,
    title_shape,
)
from analysis.read.layout.rules import DATE_IN_HEADER, MEDIA_PLAYER_TIME

_TITLE_BAR = re.compile(r"^(?P<head>.+?)\s+\|\s+(?P<site>[^|]{2,40})$")
_FIELD_LINE = re.compile(
    r"^(?:from|source|summary|date|category|categories|topic|location|type|author|department|agency|office|"
    r"section|filed under|language|region|country|subject|ref(?:erence)?)\s*:",
    re.I,
)
#: The last word of a line naming where an event took place ("... Briefing Room", "... City Hall").
_VENUE_NOUNS = frozenset(
    "Room Hall Building Center Centre Auditorium Theater Theatre Chamber Chambers Palace Residence "
    "Hotel Airport Base Lawn Garden Gardens Ballroom Studio Stadium Arena Headquarters".split()
)
_CLOCK_LINE = re.compile(r"\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?")


def title_text(ln: Line) -> tuple[str, bool]:
    """The headline a line carries and whether it is a title bar ("Headline | Site Name")."""
    m = _TITLE_BAR.match(ln.text)
    if m and len(m.group("head").split()) >= 4 and len(m.group("site").split()) <= 5:
        return m.group("head").rstrip(" -–—"), True
    return ln.text, False


def dated_title(ln: Line) -> bool:
    """A header line that names an event and its date ("Department Press Briefing – March 3, 2025"):
    three words or more in Title Case besides the date."""
    if ln.kind != "dateline" or ln.rule != DATE_IN_HEADER or not ln.text[:1].isupper():
        return False
    found = line_dates(ln.text)
    # the name first, then a dash and the date closing the line; no byline, no "|" field row
    if not found or BY.match(ln.text) or "|" in ln.text or not re.search(r"\s[–—-]\s*$", ln.text[: found[0][0]]):
        return False
    if ln.text[found[-1][1] :].strip(" .)"):
        return False
    rest = ln.text[: found[0][0]]
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", rest)]
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 3 and bool(long_words) and all(w[:1].isupper() for w in long_words)


def title_candidate(ln: Line) -> bool:
    """An unlabelled (or dated-title) title-shaped line that is no list item, nested line or field."""
    return (
        (not ln.kind or dated_title(ln))
        and title_shape(ln)
        and not ln.extra.get("bullet")
        and not ln.extra.get("nested")
        and not _FIELD_LINE.match(ln.text)
    )


def choose_title(lines: list[Line], body_start: int, hint: str | None) -> int | None:
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
    cands = [i for i in range(body_start) if title_candidate(lines[i])]
    if not cands:
        return None
    # A repeat counts when it is written the same way: a section label echoed in capitals is not one.
    texts = [" ".join(title_text(ln)[0].split()) for ln in lines]
    header_counts = Counter(texts[:body_start])
    lede = [ln.text for ln in lines[body_start:] if not ln.kind and is_paragraph(ln)][:2]
    lede_words = {w[:5] for w in content_words(" ".join(lede))}
    return max(cands, key=lambda i: _title_score(lines, i, header_counts[texts[i]] > 1, lede_words))


def _title_score(lines: list[Line], i: int, repeated: bool, lede_words: set[str]) -> tuple[int, int]:
    ln = lines[i]
    text, bar = title_text(ln)
    words = text.split()
    content = content_words(text)
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
    standfirst = nxt is not None and not nxt.kind and len(words) < nxt.words < 60 and bool(SENT_END.search(nxt.text))
    sentence = bool(SENT_END.search(text)) and not text.rstrip(CLOSERS).endswith(("?", "!"))
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.6
    is_link_row = link_row(text)
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
        - 3 * is_link_row
        - 2 * (text.isupper() and len(words) <= 5)
        - 3 * venue
    )
    if repeated:  # the first copy of a repeated headline is the title, the others repeat it
        return score, 1000 - i
    return score, -i if meta_below is not None or dated else i - 1000


def _venue_line(lines: list[Line], i: int) -> bool:
    """A short line naming a venue, right above the time or date line of a briefing or speech: where
    the event took place, not the headline (it sits between the headline and the text)."""
    ln = lines[i]
    words = ln.text.rstrip(" .").split()
    if not (2 <= len(words) <= 8) or words[-1] not in _VENUE_NOUNS:
        return False
    nxt = next((x for x in lines[i + 1 : i + 3] if x.text.strip()), None)
    return nxt is not None and (
        nxt.kind == "dateline" or nxt.rule == MEDIA_PLAYER_TIME or bool(_CLOCK_LINE.fullmatch(nxt.text.strip()))
    )


def headline_first_line(lines: list[Line]) -> int | None:
    """The first line is the title when it is shaped like a headline even though it ends a sentence.

    Some sources end headlines with a period ("Council Approves Budget."), so the line reads as a
    short paragraph.  When more paragraphs follow, it is taken as the title if it is Title Case (up
    to 20 words), or short (at most 14 words, 110 characters) and either unpunctuated at the end or
    very short (≤ 9 words): a one-sentence lede is longer than that.
    """
    first = next((i for i, ln in enumerate(lines) if not ln.kind), None)
    if first is None or not any(is_paragraph(ln) and not ln.kind for ln in lines[first + 1 :]):
        return None
    ln = lines[first]
    if not (3 <= ln.words <= 20 and len(ln.text) <= 160) or not ln.text[:1].isupper():
        return None
    long_words = [w for w in ln.text.split() if len(w) > 3 and w[:1].isalpha()]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.6
    if title_case:  # Title Case is headline evidence on its own
        return first
    short = ln.words <= 14 and len(ln.text) <= 110
    unpunctuated = not SENT_END.search(ln.text)
    return first if short and (unpunctuated or ln.words <= 9) else None
