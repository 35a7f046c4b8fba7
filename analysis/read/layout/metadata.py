"""Metadata: the article's title, authors, dates, outlet, caption, credits and headings.

Decides the published and updated dates (the header's dates first: a date labelled published or
posted, else the earliest unlabelled one, else an "Updated" one; only when the header has none,
the date opening the first paragraph ("Berne, 01.02.2024 - "), then a single "Published" date in
the footer), the authors (the header's bylines, a "By" byline over bare names; else the footer's
"By" bylines), and the caption, photo credit, contributors, outlet and headings, each with its
provenance.  Dates in related-article lists, comments, captions and the body are never used: no
date is better than a wrong one.  Reads the labelled lines.
"""

from __future__ import annotations

import re

from analysis.read.layout.bylines import BY, SPLIT_AUTHORS
from analysis.read.layout.captions import BIO_OUTLET, caption_parts
from analysis.read.layout.dates import Dated, dates_of, line_dates, pick_dates
from analysis.read.layout.header import no_source
from analysis.read.layout.lines import Line
from analysis.read.layout.rules import RELATED_LINKS, TITLE_WITH_DATE

#: A first body paragraph that opens with place and date: "Berne, 01.02.2024 - ", "WASHINGTON, Jan. 5, 2024 —".
_LEAD_DATE_TAIL = re.compile(r"\)?\s*(?:\([^)]{1,30}\)\s*)?(?:/[^/]{1,30}/\s*)?(?:[-–—:]|\(|\bPRNewswire\b)")


def empty_metadata() -> dict:
    """The metadata of a page that states nothing."""
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


def fill_metadata(lines: list[Line], meta: dict, start: int) -> None:
    """Fill ``meta`` from the labelled lines.

    Dates and authors come from the header (the lines above the body).  Only when the header states
    no date: the date opening the first body paragraph ("Berne, 01.02.2024 - "), then a single
    "Published" date stated below the body (government pages repeat it in their footer).  Dates in
    related-article lists, comments and the body text are never read as the publication date.
    """
    header: list[Dated] = []
    footer: list[Dated] = []
    footer_authors: list[str] = []
    pending: str | None = None
    related = False  # below a "Related"/"Read next" heading the dates belong to other articles
    for i, ln in enumerate(lines):
        if ln.kind in ("dateline", "byline") or ln.rule == TITLE_WITH_DATE:
            dates, pending = dates_of(ln, pending)
            if i < start:
                header.extend(dates)
            elif not related:
                footer.extend(dates)
        else:
            pending = None
            related = related or (i >= start and ln.rule == RELATED_LINKS)
        if ln.kind == "byline":
            names = ln.extra.get("authors", [])
            if i < start:
                meta["authors"].extend(a for a in names if a not in meta["authors"])
                meta["outlet"] = meta["outlet"] or ln.extra.get("outlet")
            elif BY.match(ln.text):
                footer_authors.extend(a for a in names if a not in footer_authors)
        else:
            _line_metadata(ln, meta)
    if not meta["authors"]:
        meta["authors"] = footer_authors
    if any(BY.match(ln.text) for ln in lines[:start] if ln.kind == "byline"):
        # A "By" byline names the authors; other name-shaped header lines are chrome (masthead, sidebar).
        by = [ln for ln in lines[:start] if ln.kind == "byline" and BY.match(ln.text)]
        meta["authors"] = [a for ln in by for a in ln.extra["authors"]]
    meta["published"], meta["updated"], meta.setdefault("provenance", {})["published"] = _publication_date(
        lines, start, header, footer
    )
    authors = [
        i
        for i, ln in enumerate(lines)
        if ln.kind == "byline" and set(ln.extra.get("authors", [])) & set(meta["authors"])
    ]
    meta["provenance"]["authors"] = _source("byline", authors[0], lines) if authors else no_source("no byline")


def _line_metadata(ln: Line, meta: dict) -> None:
    """Fill caption and photo credit, contributors, outlet (from a bio) and headings from one line."""
    if ln.kind == "caption" and meta["caption"] is None:
        meta["caption"], meta["photo_credit"] = caption_parts(ln.text)
    elif ln.kind == "credit":
        m = re.match(r"^(?P<who>.+?)\s+contributed\b", ln.text)
        if m:
            meta["contributors"].extend(p for p in SPLIT_AUTHORS.split(m.group("who")) if p)
    elif ln.kind == "bio" and meta["outlet"] is None and (m := BIO_OUTLET.search(ln.text)):
        meta["outlet"] = re.sub(r"\s+(?:covering|who|where|and|since|in|on)\b.*$", "", m.group("outlet")).strip()
    elif ln.kind == "heading":
        meta["headings"].append(ln.text)


def _source(rule: str, i: int, lines: list[Line]) -> dict:
    return {"rule": rule, "block_id": i, "line": lines[i].text}


def _states(ln: Line, iso: str) -> bool:
    return any(d == iso for _, d in ln.extra.get("dates") or [])


def _publication_date(lines: list[Line], start: int, header: list, footer: list) -> tuple[str | None, str | None, dict]:
    """Published and updated dates with the provenance of the published one.

    The header's dates first; else the date opening the first paragraph; else a single "Published"
    date in the footer; else None with the reason (dates elsewhere on the page are never used).
    """
    pub, upd = pick_dates(header)
    prov = None
    if pub is not None:
        i = next(i for i in range(start) if lines[i].kind in ("dateline", "byline", "title") and _states(lines[i], pub))
        prov = _source(f"header {lines[i].kind}: {lines[i].rule}", i, lines)
    if pub is None:
        i = next((i for i in range(start, len(lines)) if lines[i].kind == "body"), None)
        if i is not None:
            lead = lines[i].text[:90]
            for a, b, iso in line_dates(lead):
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
        prov = no_source(
            "the page states no publication date in its header, its first paragraph or its footer "
            "(dates in banners, related links, captions and the body are not read)"
        )
    return pub, upd, prov
