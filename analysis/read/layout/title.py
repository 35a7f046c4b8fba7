"""Title shapes: what a headline line may look like, and the headline a line carries.

Decides nothing about which line is the title (:mod:`.headline` ranks the candidates): it says
whether a line may be one (title-shaped, not a list item, a nested line or a "Field:" line), the
headline a title bar carries ("Headline | Site Name"), whether a dated header line names an event
("Department Press Briefing – March 3, 2025") and whether a line names a venue above the time of a
briefing.  Reads the line text, its line-pass kind and the lines below it.
"""

from __future__ import annotations

import re

from analysis.read.layout.bylines import BY
from analysis.read.layout.dates import line_dates
from analysis.read.layout.lines import (
    Line,
    title_shape,
)
from analysis.read.layout.rules import DATE_IN_HEADER, MEDIA_PLAYER_TIME

_TITLE_BAR = re.compile(r"^(?P<head>.+?)\s+\|\s+(?P<site>[^|]{2,40})$")
FIELD_LINE = re.compile(
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
    m = _TITLE_BAR.match(ln.text) if "|" in ln.text else None  # the bar is what the pattern needs
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
        and not FIELD_LINE.match(ln.text)
    )


def venue_line(lines: list[Line], i: int) -> bool:
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
