"""The authors as a ranking: every line that names people is a byline candidate, the best one wins.

Decides the article's authors (names only) and, when the byline names a desk or an outlet instead
of people, ``byline_org``.  A candidate is a short line from which :func:`byline_names` reads at
least one name: after "By"/"Written by" (anywhere on the line: "March 4, 2024 at 9:41 AM ET by
Jane Doe"), or a line opening with a run of name-shaped words whose first is a known first name;
handles, e-mail addresses, dates, glued words ("Jane DoeStaff Writer") and a role or outlet after
the name are cut off.  Each candidate is scored with the fitted byline weights from its line
(explicit "By", line-pass kind, how many names, a role, an outlet or a date beside it), its place
relative to the title, the body start and the story's end, and its neighbours (menus, lists of
other articles' bylines, how often the name recurs); "no byline" has its own score.  The best
candidate's names are the authors, with those of candidates just around it that also score above
"no byline" (a byline split over lines).  Reads the labelled lines, the title and body positions,
the first-name list and the byline model.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from analysis.read.layout.bylines import BY, MAX_BYLINE_WORDS, Byline, byline_names, has_outlet, has_role
from analysis.read.layout.dates import line_dates
from analysis.read.layout.lines import SENT_END, chrome_words
from analysis.read.layout.model import LinearModel, best_two
from analysis.read.layout.page import Page
from analysis.read.layout.published import Frame
from analysis.read.layout.rules import (
    BYLINE_NAME_OVER_ROLE,
    CONTACT_BLOCK,
    CONTACT_LINE,
    HEADER_CHROME,
    RELATED_LINKS,
    STORY_CHROME,
    TRAILING_CHROME,
)
from analysis.read.layout.title import venue_line
from analysis.resources import first_names

#: The features of a byline candidate, in the order of the weights.
BYLINE_FEATURES = (
    "explicit",
    "starts_by",
    "kind_byline",
    "kind_caption",
    "kind_body",
    "kind_chrome",
    "lexicon_chrome",
    "one_name",
    "several_names",
    "known_first",
    "has_org",
    "date_on_line",
    "date_near",
    "role_near",
    "ends_sentence",
    "log_words",
    "no_title",
    "above_title",
    "below_title_1_3",
    "below_title_4_10",
    "below_title_far",
    "in_header",
    "in_story",
    "after_story",
    "name_repeats",
    "bylines_around",
    "short_around",
    "chrome_share",
)


#: Chrome rules given to lines no other rule claimed (a byline may be among them).
_WEAK_CHROME = {HEADER_CHROME, TRAILING_CHROME, STORY_CHROME}
_CONTACTS = {CONTACT_BLOCK, CONTACT_LINE}
#: What each feature's meaning says of its weight: +1 for the article's byline, -1 against.
BYLINE_SIGNS = {
    **dict.fromkeys(("explicit", "starts_by", "kind_byline", "known_first", "date_on_line", "date_near",
                     "role_near", "below_title_1_3", "in_header"), 1),
    **dict.fromkeys(("kind_caption", "lexicon_chrome", "ends_sentence", "below_title_far",
                     "bylines_around", "chrome_share"), -1),
}  # fmt: skip


@dataclass(frozen=True)
class AuthorCandidate:
    """A line that names people: its line number and what it says."""

    line: int
    byline: Byline


def author_candidates(page: Page, frame: Frame | None = None) -> list[AuthorCandidate]:
    """Every line from which :func:`byline_names` reads names or a desk, except (a named veto, with
    ``frame``) a bare name in a list of other articles between the title and the story: after a
    "Related" / "You may also like" line, such names are the other articles' writers; a "By" line
    there is the article's own."""
    listed = _in_related_list(page, frame) if frame is not None else set()
    out = []
    for i, ln in enumerate(page.lines):
        speaker = _name_and_title(ln.text) and not BY.match(ln.text)  # "By Jane Doe, MA" wrote it
        if ln.words > MAX_BYLINE_WORDS or ln.kind == "title" or ln.rule in _CONTACTS or speaker:
            continue  # media contacts and speakers ("Jane Doe, Department Spokesperson") did not write it
        if venue_line(page.lines, i):
            continue  # "Jane Doe Briefing Room": a place named after someone
        b = byline_names(ln.text)
        if (b is None or not b.names) and ln.rule == BYLINE_NAME_OVER_ROLE and ln.extra.get("authors"):
            # a name the header read over a role line ("Wei Lan" / "in Beijing")
            b = Byline(tuple(ln.extra["authors"]), ln.extra.get("outlet"), bool(BY.match(ln.text)))
        if b is not None and not (i in listed and not b.explicit):
            out.append(AuthorCandidate(i, b))
    return out


def _in_related_list(page: Page, frame: Frame) -> set[int]:
    """The lines after a "Related" line that stands below the title and above the story's start."""
    if frame.title is None:
        return set()
    marker = next((i for i in range(frame.title + 1, frame.start) if page.lines[i].rule == RELATED_LINKS), None)
    return set(range(marker + 1, frame.start)) if marker is not None else set()


def byline_features(page: Page, cands: list[AuthorCandidate], frame: Frame) -> np.ndarray:
    """The feature matrix of the byline candidates (columns :data:`BYLINE_FEATURES`)."""
    lines = [c.line for c in cands]
    mentions = _name_mentions(page, cands)
    rows = []
    for c in cands:
        ln, i = page.lines[c.line], c.line
        names = c.byline.names
        near = [j for j in page.near(i, 2, 2) if j != i]
        rows.append(
            [
                c.byline.explicit,
                bool(re.match(r"\s*by\b", ln.text, re.I)),
                ln.kind == "byline",
                ln.kind == "caption",
                ln.kind == "body",
                ln.kind == "boilerplate",
                ln.kind == "boilerplate" and ln.rule not in _WEAK_CHROME,
                len(names) == 1,
                len(names) >= 2,
                sum(n.split()[0].title() in first_names() for n in names) / len(names) if names else 0.0,
                c.byline.org is not None,
                bool(line_dates(ln.text)),
                any(page.lines[j].kind == "dateline" or line_dates(page.lines[j].text) for j in near),
                any(has_role(page.lines[j].text) and page.words[j] <= 8 for j in (*near, i)),
                bool(SENT_END.search(ln.text)) and ln.words > 6,
                math.log1p(ln.words),
                *_place(i, frame),
                math.log1p(mentions.get(names[0].lower(), 0) if names else 0),
                math.log1p(sum(abs(j - i) <= 6 for j in lines) - 1),
                sum(page.words[j] <= 3 for j in near) / len(near) if near else 0.0,
                sum(w.lower() in chrome_words() for w in ln.text.split()) / max(ln.words, 1),
            ]
        )
    return np.array(rows, dtype=float).reshape(len(cands), len(BYLINE_FEATURES))


def _name_and_title(text: str) -> bool:
    """"Jane Doe, Department Spokesperson": a name and an office that is no newsroom role."""
    m = re.match(r"^[^,]{3,40},\s*((?:[A-Z][\w.&'’-]*\s*){1,5})$", text)
    return m is not None and not has_role(m.group(1)) and not has_outlet(m.group(1))


def _place(i: int, frame: Frame) -> list[float]:
    t = frame.title
    d = i - t if t is not None else 0
    return [
        t is None,
        t is not None and d < 0,
        t is not None and 0 < d <= 3,
        t is not None and 3 < d <= 10,
        t is not None and d > 10,
        i < frame.start,
        frame.start <= i <= frame.end,
        i > frame.end,
    ]


def _name_mentions(page: Page, cands: list[AuthorCandidate]) -> dict[str, int]:
    """How many lines of the page name each candidate's first name (lower case)."""
    wanted = {c.byline.names[0].lower() for c in cands if c.byline.names}
    counts = dict.fromkeys(wanted, 0)
    for ln in page.lines:
        low = ln.text.lower()
        for name in wanted:
            if name in low:
                counts[name] += 1
    return counts


def rank_bylines(page: Page, frame: Frame, model: LinearModel) -> tuple[list[str], str | None, dict]:
    """The authors, the byline's desk or outlet, and the provenance of the choice."""
    cands = author_candidates(page, frame)
    model.check(BYLINE_FEATURES, "byline")
    scores = model.scores(byline_features(page, cands, frame))
    best, second = best_two(scores)
    prov = {"rule": "none", "block_id": None, "line": None, "score": None, "none_score": round(model.bias, 3)}
    if second is not None:
        prov["runner_up"] = _describe(page, cands[second], scores[second])
    if best is None or scores[best] <= model.bias:
        if best is not None:
            prov["runner_up"] = _describe(page, cands[best], scores[best])
        prov["reason"] = "no line naming people scores above 'no byline'"
        return [], None, prov
    top = cands[best]
    names: list[str] = []
    for k, c in enumerate(cands):
        beside = abs(c.line - top.line) <= 2 and scores[k] > model.bias and page.lines[c.line].kind == "byline"
        if beside or k == best:
            names.extend(n for n in c.byline.names if n not in names)
    ln = page.lines[top.line]
    prov.update(rule=f"byline ranking, {ln.kind or 'unlabelled'} line" + (f": {ln.rule}" if ln.rule else ""),
                block_id=top.line, line=ln.text,
                score=round(float(scores[best]), 3))
    return names, top.byline.org, prov


def _describe(page: Page, c: AuthorCandidate, score: float) -> dict:
    return {"block_id": c.line, "line": page.lines[c.line].text, "names": list(c.byline.names),
            "score": round(float(score), 3)}
