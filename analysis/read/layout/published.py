"""The publication date as a ranking: every date a page states is a candidate, the best one wins.

Decides the published date (or that the page states none) and the updated date.  Candidates are
the dates of every line except inside a paragraph's sentences (an event, not the page's date: a
named veto), where only a date opening the paragraph counts ("Berne, 01.02.2024 - "), and except
an unlabelled date outside the title block (a named veto: a figure's, a video's, a menu's).  Each is
scored with the fitted date weights from its line (kind and dateline rule, the label before it:
published, posted, updated), its place relative to the title, the body start and the story's end,
a "Related" list above it, the time or weekday beside it, and how it compares with the page's
other dates; "no date" has its own score.  A relative time ("3 hours ago") is never a date: when
the page gives only that, the reason says so.  The updated date is the latest date labelled
updated (or an unlabelled later one) in the title block or beside the published one.  Reads the
labelled lines, the title and body positions and the date model.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from analysis.read.layout.dates import Dated, labelled_dates, line_dates, relative_time
from analysis.read.layout.lines import Line, is_paragraph
from analysis.read.layout.model import LinearModel, best_two
from analysis.read.layout.page import Page
from analysis.read.layout.rules import (
    COMMENT_CONTROL,
    COMMENTS_LINK,
    DATE_IN_HEADER,
    DATE_LINE,
    LABELLED_DATE,
    PAGE_UTILITY,
    RELATED_LINKS,
    TITLE_WITH_DATE,
)

#: How much of a paragraph's opening is read for its dateline.
LEAD_CHARS = 90
#: A first body paragraph that opens with place and date: "Berne, 01.02.2024 - ", "WASHINGTON, Jan. 5, 2024 —".
_LEAD_DATE_TAIL = re.compile(r"\)?\s*(?:\([^)]{1,30}\)\s*)?(?:/[^/]{1,30}/\s*)?(?:[-–—:]|\(|\bPRNewswire\b)")
_TIME = re.compile(r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.I)
#: The title block, where an unlabelled publication date stands: from this many lines above the
#: title to this many below it or below the body start, whichever is further (on tune and pages-dev
#: every written publication date is within 3 lines above the title, 4 below it or 3 past the body
#: start, or labelled; dates of figures, videos and menus far from the headline are not).
ABOVE_TITLE_LINES, BELOW_TITLE_LINES, PAST_START_LINES = 5, 8, 3
#: "as of" / "as at" right before a date: the date a figure or a price holds for (a named veto).
_AS_OF = re.compile(r"\bas (?:of|at)\s*:?\s*$", re.I)
#: The story's end matter, where a "Published: ..." line may close it: this many lines after its last paragraph.
END_MATTER_LINES = 6
#: The provenance rule of a publication date read from the end matter (no date in the title block).
END_MATTER_DATE = "end-matter date"
#: Chrome rules after which the dates belong to other articles or to comments (a named veto), and
#: those after which they may (a feature: "Most viewed", "Reply", but also "Link copied", "Print").
_OTHERS = {RELATED_LINKS, COMMENTS_LINK, COMMENT_CONTROL}
_MAYBE_OTHERS = {*_OTHERS, PAGE_UTILITY}

#: The features of a date candidate, in the order of the weights.
DATE_FEATURES = (
    "kind_dateline",
    "kind_byline",
    "kind_title",
    "kind_body",
    "kind_caption",
    "kind_chrome",
    "kind_other",
    "rule_date_line",
    "rule_labelled",
    "rule_in_header",
    "label_published",
    "label_updated",
    "no_title",
    "above_title_near",
    "above_title_far",
    "below_title_1_3",
    "below_title_4_8",
    "below_title_far",
    "title_distance",
    "in_header",
    "in_story",
    "after_story",
    "after_related",
    "lead_date",
    "log_words",
    "has_time",
    "has_weekday",
    "repeats",
    "earliest",
    "latest",
    "order_below_title",
)


#: What each feature's meaning says of its weight: +1 for the publication date, -1 against.
DATE_SIGNS = {
    **dict.fromkeys(("kind_dateline", "kind_byline", "rule_date_line", "label_published", "below_title_1_3",
                     "in_header", "lead_date"), 1),
    **dict.fromkeys(("kind_caption", "kind_chrome", "label_updated", "after_related", "above_title_far",
                     "below_title_far", "title_distance"), -1),
}  # fmt: skip


@dataclass(frozen=True)
class DateCandidate:
    """One date a line states: the line, the date, the label before it and where it starts."""

    line: int
    iso: str
    label: str | None
    at: int


@dataclass(frozen=True)
class Frame:
    """Where the page's parts are: the title line (None when none), the body start, the last paragraph,
    and the first line the story may hold (``lead``: the body start, or above it when the story's prose
    runs above the title; see :func:`~.reading.story_lead`)."""

    title: int | None
    start: int
    end: int
    lead: int = -1

    @property
    def story_start(self) -> int:
        """The first line the story model judges."""
        return self.lead if 0 <= self.lead < self.start else self.start


def date_candidates(page: Page, frame: Frame, *, dayfirst: bool = False) -> list[DateCandidate]:
    """Every date the page states, with the label before it, except (named vetoes) the dates of a
    headline, of a caption, inside a paragraph's sentences (only one opening the paragraph counts),
    below a "Related"/comments line after the body start (other articles', readers' dates), right
    after "as of" (a figure's date), and unlabelled dates outside the title block (:func:`_far_from_title`)."""
    out: list[DateCandidate] = []
    pending: str | None = None
    others = _after_others(page.lines, frame.start)
    for i, ln in enumerate(page.lines):
        if (ln.kind == "title" and ln.rule != TITLE_WITH_DATE) or ln.kind == "caption" or others[i]:
            pending = None
            continue
        if is_paragraph(ln) or ln.kind in ("body", "heading"):  # a sentence's dates are events, except one
            # opening the paragraph (only its opening is read)
            found = line_dates(ln.text[:LEAD_CHARS], dayfirst=dayfirst)
            found = tuple(f for f in found[:1] if f[0] <= 45 and _LEAD_DATE_TAIL.match(ln.text, f[1]))
        else:
            found = line_dates(ln.text, dayfirst=dayfirst)
        dated: list[Dated] = list(ln.extra.get("dates") or []) if ln.kind in ("dateline", "byline") else []
        if not dated and found:
            dated = labelled_dates(ln.text, found)
        for k, (label, iso) in enumerate(dated):
            label = label or (pending if k == 0 else None)
            at = found[k][0] if k < len(found) else 0
            if (label is None and _far_from_title(i, frame)) or _AS_OF.search(ln.text, 0, at):
                continue  # "Returns as of 3/8/2024": the date of the figures, not of the page
            out.append(DateCandidate(i, iso, label, at))
        pending = ln.extra.get("label") if ln.kind == "dateline" and not dated else None
    return out


def _far_from_title(i: int, frame: Frame) -> bool:
    """Whether line ``i`` is outside the title block (a named veto for unlabelled dates: a figure's
    "as of" date, a video's date in the story, a menu's date far above the headline)."""
    if frame.title is None:
        return False
    below = max(frame.title + BELOW_TITLE_LINES, frame.start + PAST_START_LINES)
    return i < frame.title - ABOVE_TITLE_LINES or i > below


def date_features(page: Page, cands: list[DateCandidate], frame: Frame) -> np.ndarray:
    """The feature matrix of the date candidates (columns :data:`DATE_FEATURES`)."""
    isos = [c.iso for c in cands]
    counts = {iso: isos.count(iso) for iso in set(isos)}
    others = _after_others(page.lines, frame.start, _MAYBE_OTHERS)
    rows, below = [], 0
    for c in cands:
        row = _line_features(page.lines[c.line], c)
        row += _place_features(c.line, frame, others[c.line])
        if frame.title is not None and c.line > frame.title:
            below += 1
        ln = page.lines[c.line]
        row += [
            c.line >= frame.start and ln.kind == "body" and is_paragraph(ln),
            math.log1p(ln.words),
            bool(_TIME.search(ln.text)),
            bool(_WEEKDAY.search(ln.text)),
            math.log1p(counts[c.iso] - 1),
            c.iso == min(isos),
            c.iso == max(isos),
            math.log1p(below - 1) if frame.title is not None and c.line > frame.title else 0.0,
        ]
        rows.append(row)
    return np.array(rows, dtype=float).reshape(len(cands), len(DATE_FEATURES))


def _line_features(ln: Line, c: DateCandidate) -> list[float]:
    kinds = ("dateline", "byline", "title", "body", "caption", "boilerplate")
    return [
        *(ln.kind == k for k in kinds),
        ln.kind not in kinds,
        ln.rule == DATE_LINE,
        ln.rule == LABELLED_DATE,
        ln.rule == DATE_IN_HEADER,
        c.label == "published",
        c.label == "updated",
    ]


def _place_features(i: int, frame: Frame, after_others: bool) -> list[float]:
    t = frame.title
    d = i - t if t is not None else 0
    return [
        t is None,
        t is not None and -3 <= d < 0,
        t is not None and d < -3,
        t is not None and 0 < d <= 3,
        t is not None and 3 < d <= 8,
        t is not None and d > 8,
        math.log1p(abs(d)),
        i < frame.start,
        frame.start <= i <= frame.end,
        i > frame.end,
        after_others,
    ]


def _after_others(lines: list[Line], start: int, rules: set[str] = _OTHERS) -> list[bool]:
    """For each line, whether a "Related"/comments chrome line below the body start precedes it."""
    out, seen = [], False
    for i, ln in enumerate(lines):
        out.append(seen)
        seen = seen or (i >= start and ln.rule in rules)
    return out


def rank_dates(
    page: Page, frame: Frame, model: LinearModel, cands: list[DateCandidate]
) -> tuple[DateCandidate | None, dict]:
    """The winning date candidate (None: the page states no date) and the provenance of the choice
    (the runner-up is the best candidate stating another date)."""
    model.check(DATE_FEATURES, "date")
    scores = model.scores(date_features(page, cands, frame))
    best, _ = best_two(scores)
    prov = {"score": None, "none_score": round(model.bias, 3), "runner_up": None}
    others = [k for k in range(len(cands)) if best is not None and cands[k].iso != cands[best].iso]
    if others:
        second = max(others, key=lambda k: scores[k])
        prov["runner_up"] = _describe(page, cands[second], scores[second])
    if best is None or scores[best] <= model.bias:
        if best is not None:
            prov["runner_up"] = _describe(page, cands[best], scores[best])
        return None, {**prov, "reason": _no_date_reason(page, frame)}
    prov["score"] = round(float(scores[best]), 3)
    return cands[best], prov


def _describe(page: Page, c: DateCandidate, score: float) -> dict:
    return {"block_id": c.line, "line": page.lines[c.line].text, "date": c.iso, "score": round(float(score), 3)}


def _no_date_reason(page: Page, frame: Frame) -> str:
    near = range(max(0, (frame.title or 0) - 3), min(page.n, max(frame.start, (frame.title or 0) + 8)))
    relative = next((page.lines[i].text for i in near if relative_time(page.lines[i].text)), None)
    if relative:
        return f"no publication date: the page gives it only as a relative time ({relative!r}), not a calendar date"
    return (
        "no publication date: no date the page states scores above 'no date' "
        "(dates in related lists, comments and sentences, and unlabelled dates far from the title, are not read)"
    )


def updated_date(cands: list[DateCandidate], published: DateCandidate, frame: Frame) -> str | None:
    """The latest date labelled updated (else an unlabelled later one) in the title block or beside the published one."""
    lo = min(published.line, frame.title if frame.title is not None else published.line) - 3
    hi = max(published.line + 3, frame.start - 1)
    near = [c for c in cands if lo <= c.line <= hi and c.iso >= published.iso and c is not published]
    labelled = [c.iso for c in near if c.label == "updated"]
    later = [c.iso for c in near if c.label is None and c.iso > published.iso]
    return max(labelled or later or [None], key=lambda x: x or "")


def end_matter_date(page: Page, frame: Frame, cands: list[DateCandidate]) -> DateCandidate | None:
    """The first date labelled published ("Published: ...", "Posted on ... by ...") in the lines
    closing the story (:data:`END_MATTER_LINES` after its last paragraph; dates below a related list
    or comments are no candidates)."""
    return next(
        (c for c in cands if c.label == "published" and frame.end < c.line <= frame.end + END_MATTER_LINES), None
    )


def publication_metadata(page: Page, frame: Frame, model: LinearModel, *, dayfirst: bool = False) -> tuple[str | None, str | None, dict]:
    """Published and updated dates with the provenance of the published one.

    The date ranking decides; when no date scores above "no date" (the sample it is fitted on prints
    every publication date in the title block), a date labelled published in the story's end matter
    is the page's (rule ``end-matter date``).
    """
    cands = date_candidates(page, frame, dayfirst=dayfirst)
    best, prov = rank_dates(page, frame, model, cands)
    if best is None and (end := end_matter_date(page, frame, cands)) is not None:
        ln = page.lines[end.line]
        prov = {**prov, "reason": "no date in the title block scores above 'no date'; the story's end matter labels one published"}
        return end.iso, None, {"rule": END_MATTER_DATE, "block_id": end.line, "line": ln.text, **prov}
    if best is None:
        return None, None, {"rule": "none", "block_id": None, "line": None, **prov}
    ln = page.lines[best.line]
    rule = f"date ranking, {ln.kind or 'unlabelled'} line" + (f": {ln.rule}" if ln.rule else "")
    prov = {"rule": rule, "block_id": best.line, "line": ln.text, **prov}
    upd = updated_date(cands, best, frame)
    return best.iso, upd, prov

