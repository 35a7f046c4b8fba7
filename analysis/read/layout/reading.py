"""One page read in stages: the line pass, the title ranking, the labels, the dates, bylines and story.

Decides the order of the decisions and what each reads: the line pass (:mod:`.patterns`) and the
page measures (:mod:`.page`) first; then the title, ranked over the whole page (:mod:`.headline`;
a title known from an HTML page wins); the body starts at the first paragraph below the title (or,
without one, at the first paragraph of the page, :mod:`.header`); header and body lines are
labelled (:mod:`.header`, :mod:`.body`, :mod:`.chrome`); the publication date and the byline are
ranked (:mod:`.published`, :mod:`.authors`) before the story model labels the chrome among the
story (:mod:`.story`), so the three read the same labels.  Each stage's features can be read
without its decision, which is how :mod:`.fit` builds its training data.  Reads the text and the
fitted models.
"""

from __future__ import annotations

import copy
import dataclasses

from analysis.read.layout.authors import rank_bylines
from analysis.read.layout.body import label_body
from analysis.read.layout.chrome import captions_by_media_label, contact_blocks, end_matter
from analysis.read.layout.dates import dated_header_lines, day_first_page
from analysis.read.layout.header import body_start, hinted_title, label_header, mark_title, no_source
from analysis.read.layout.headline import rank_titles
from analysis.read.layout.lines import Line, is_paragraph, page_shape, split_lines
from analysis.read.layout.metadata import empty_metadata, line_metadata
from analysis.read.layout.model import Models
from analysis.read.layout.page import Page
from analysis.read.layout.patterns import classify_patterns
from analysis.read.layout.published import Frame, publication_metadata
from analysis.read.layout.rules import TITLE, TITLE_HINT
from analysis.read.layout.story import mark_story_chrome


def story_lead(page: Page, t: int | None, start: int) -> int:
    """The first line the story may hold: the body start, unless the title sits inside the story or
    below it (a heading, a pull quote or another article's headline ranked first).

    That is when the story's prose (the run of prose with the most words,
    :attr:`~.page.Page.prose_core`) begins above the title and ends above it, holds more words above
    it than below, or runs on past it with no header line (a dateline or a byline) in the few lines
    below the title: a headline heads its date and byline, a line inside the story does not.  Then the
    prose above the title is judged as story too, not taken as header: losing the story to a wrong
    title costs more than judging a few more lines.
    """
    a, b = page.prose_core
    if t is None or b < a or a >= min(t, start):
        return start
    above, below = float(page.prose[a:t].sum()), float(page.prose[t + 1 : b + 1].sum())
    header_below = any(page.lines[j].kind in ("dateline", "byline") for j in page.after(t, HEADER_LINES))
    return a if b < t or above > below or not header_below else start


#: How many lines below a title (page chrome skipped) are read for its date or byline.
HEADER_LINES = 6


class Reading:
    """A page's lines and what has been decided about them so far.

    Parameters
    ----------
    text : str
        The page copy.
    models : Models
        The fitted models (a missing one leaves its decision at "none").
    title_hint : str, optional
        A title known from elsewhere: the line equal to it is the title.
    """

    def __init__(self, text: str, models: Models, *, title_hint: str | None = None) -> None:
        self.text, self.models, self.title_hint = text, models, title_hint
        lines = [Line(a, b, text[a:b]) for a, b in split_lines(text)]
        page_shape(text, lines)
        self.dayfirst = day_first_page(text)
        classify_patterns(lines, dayfirst=self.dayfirst)
        contact_blocks(lines)
        dated_header_lines(lines, body_start(lines), dayfirst=self.dayfirst)
        self.lines = lines
        self.page = Page(lines)
        self.meta = empty_metadata()
        self.frame = Frame(None, 0, -1)

    def fresh(self, models: Models) -> Reading:
        """A copy of this reading as the line pass left it (labels and decisions not yet made), with ``models``."""
        other = copy.copy(self)
        other.models = models
        other.lines = [dataclasses.replace(ln, extra=dict(ln.extra)) for ln in self.lines]
        other.page = copy.copy(self.page)
        other.page.lines = other.lines
        other.meta = empty_metadata()
        other.frame = Frame(None, 0, -1)
        return other

    def choose_title(self) -> tuple[int | None, str, dict]:
        """The title line (None when none), the rule that chose it, and the ranking's provenance."""
        t = hinted_title(self.lines, self.title_hint)
        if t is not None:
            return t, TITLE_HINT, {}
        if self.models.title is None:
            return None, TITLE, {"reason": "no title model"}
        t, prov = rank_titles(self.page, self.models.title)
        return t, TITLE, prov

    def lay_out(self, t: int | None, rule: str, prov: dict) -> Frame:
        """Label the title, the header and the body lines; return where the page's parts are."""
        lines = self.lines
        if t is not None:
            start = body_start(lines, t + 1)
            dated_header_lines(lines, start, first=t + 1, dayfirst=self.dayfirst)
        else:
            start = body_start(lines)
        lead = story_lead(self.page, t, start)
        mark_title(lines, t, rule, self.meta, prov)
        label_header(lines, start, t, lead)
        label_body(lines, lead)
        end_matter(lines, start)
        captions_by_media_label(lines)
        end = max((i for i in range(lead, len(lines)) if lines[i].kind == "body" and is_paragraph(lines[i])),
                  default=start)
        self.frame = Frame(t, start, end, lead)
        return self.frame

    def read_metadata(self) -> None:
        """Rank the dates and bylines, label the chrome among the story, fill the other fields."""
        meta, prov = self.meta, self.meta["provenance"]
        if self.models.date is not None:
            meta["published"], meta["updated"], prov["published"] = publication_metadata(
                self.page, self.frame, self.models.date, dayfirst=self.dayfirst
            )
        else:
            prov["published"] = no_source("no date model")
        if self.models.byline is not None:
            meta["authors"], meta["byline_org"], prov["authors"] = rank_bylines(self.page, self.frame, self.models.byline)
            meta["outlet"] = meta["byline_org"]
        else:
            prov["authors"] = no_source("no byline model")
        if self.models.story is not None:
            mark_story_chrome(self.page, self.frame, self.models.story)
        line_metadata(self.lines, meta)

    def run(self) -> Reading:
        """Every stage in order."""
        self.lay_out(*self.choose_title())
        self.read_metadata()
        return self
