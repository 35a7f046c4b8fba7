"""The header: where the body starts, which line is the title, and what the other header lines are.

Decides the first body paragraph (a paragraph-shaped line with no byline or dateline below it
before the next paragraph, moved below the article's own header when banner or sidebar paragraphs
precede it), labels the title chosen by :mod:`.title` (and the lines repeating it), and labels the
remaining unlabelled header lines: author names (alone or over a role line), link rows, a
standfirst or a sentence below the title, and header chrome.  Reads the lines with the kinds of the
line pass.
"""

from __future__ import annotations

from analysis.read.layout.bylines import BY, PLAIN_NAME, ROLE_LINE, looks_like_name
from analysis.read.layout.lines import SENT_END, Line, comparable_text, is_paragraph, link_row
from analysis.read.layout.rules import (
    BYLINE_NAME,
    BYLINE_NAME_OVER_ROLE,
    BYLINE_ROLE,
    HEADER_CHROME,
    LINK_ROW,
    REPEATED_TITLE,
    SENTENCE_BELOW_TITLE,
    STANDFIRST,
    TITLE,
    TITLE_BAR,
    TITLE_WITH_DATE,
)
from analysis.read.layout.title import title_candidate, title_text


def body_start(lines: list[Line], first: int = 0) -> int:
    """Index of the first body paragraph at or after line ``first``.

    A paragraph-shaped line is not the body when a byline or dateline follows it before the next
    paragraph (within eight lines): it is a standfirst or caption above the article's header.  Nor
    is a nested paragraph (indented deeper than the page's paragraphs: alert lists, sidebars).
    From the top of a page without a title, banner and sidebar paragraphs above the article's own
    header are skipped by :func:`_header_below`.
    """
    for i in range(first, len(lines)):
        ln = lines[i]
        if ln.kind or not is_paragraph(ln) or ln.extra.get("nested"):
            continue
        header_below = False
        for j in range(i + 1, min(i + 9, len(lines))):
            nxt = lines[j]
            if nxt.kind in ("byline", "dateline"):
                header_below = True
                break
            if not nxt.kind and is_paragraph(nxt):
                break
        if not header_below:
            return _header_below(lines, i) if first == 0 else i
    return len(lines)


def _header_below(lines: list[Line], start: int) -> int:
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
        if not ln.kind and is_paragraph(ln):
            paras += 1
            if paras > 4:
                break
            continue
        if not _explicit_meta(ln):
            continue
        headline = any(
            title_candidate(lines[j]) and not SENT_END.search(lines[j].text) for j in range(max(start, i - 3), i)
        )
        below = range(i + 1, min(i + 6, len(lines)))
        para = next((j for j in below if not lines[j].kind and is_paragraph(lines[j])), None)
        if headline and para is not None:
            return para
    return start


def _explicit_meta(ln: Line) -> bool:
    return (ln.kind == "dateline" and bool(ln.extra.get("dates"))) or (ln.kind == "byline" and bool(BY.match(ln.text)))


def mark_title(lines: list[Line], t: int | None, rule: str, meta: dict, prov: dict) -> None:
    """Label the title line ``t`` (and the unlabelled lines repeating it); fill ``meta["title"]`` and its
    provenance (``prov`` adds the ranking's score and runner-up)."""
    if t is None:
        meta["provenance"]["title"] = {**no_source("no line scores as a headline above 'no title'"), **prov}
        return
    head, bar = title_text(lines[t])
    rule = TITLE_BAR if bar and rule == TITLE else rule
    rule = TITLE_WITH_DATE if lines[t].kind == "dateline" else rule  # its date stays a header date
    lines[t].label("title", rule)
    meta["title"] = head
    meta["provenance"]["title"] = {"rule": rule, "block_id": t, "line": lines[t].text, **prov}
    key = comparable_text(head)
    for ln in lines:
        if ln is not lines[t] and not ln.kind and comparable_text(ln.text) == key:
            ln.label("title", REPEATED_TITLE)


def hinted_title(lines: list[Line], hint: str | None) -> int | None:
    """The first line equal to a title known from elsewhere (an HTML page's metadata), if any."""
    if not hint:
        return None
    norm = comparable_text(hint)
    return next((i for i, ln in enumerate(lines) if comparable_text(ln.text) == norm), None)


def label_header(lines: list[Line], start: int, t: int | None, lead: int | None = None) -> None:
    """Label the unlabelled lines above the body: author names, standfirst, page chrome; the lines from
    ``lead`` up to the title are left to the body pass (the story's prose above the title)."""
    for idx, ln in enumerate(lines[:start]):
        if ln.kind or (lead is not None and t is not None and lead <= idx < t):
            continue
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        # "Jane Doe" over "Political Correspondent" / "in Beijing" / "BBC News, Cardiff".
        role_below = nxt is not None and not nxt.kind and bool(ROLE_LINE.match(nxt.text))
        if looks_like_name(ln.text) or (role_below and PLAIN_NAME.match(ln.text) and ln.words <= 4):
            ln.label("byline", BYLINE_NAME if not role_below else BYLINE_NAME_OVER_ROLE)
            ln.extra["authors"], ln.extra["outlet"], ln.extra["dates"] = [ln.text], None, []
            if role_below:
                nxt.label("byline", BYLINE_ROLE)
        elif link_row(ln.text):
            ln.label("boilerplate", LINK_ROW)
        elif t is not None and idx > t and ln.words >= 6 and (SENT_END.search(ln.text) or idx == t + 1):
            ln.label("subtitle", SENTENCE_BELOW_TITLE if SENT_END.search(ln.text) else STANDFIRST)
        else:
            ln.label("boilerplate", HEADER_CHROME)


def no_source(reason: str) -> dict:
    """The provenance of a metadata value the page does not give: no rule, no block, and why."""
    return {"rule": "none", "block_id": None, "line": None, "reason": reason}
