"""``art.explore()``: a JupyterLab widget with linked views of one article (anywidget, offline).

The widget shows the actors as clickable bars (mentions, coloured by type), a term box, the article
text and panes.  Clicking a bar sets the ``actor`` trait; typing a term sets ``term``.  Python
recomputes the panes with :mod:`analysis.present.explore` and sends them as escaped HTML; the JavaScript
(``analysis/present/static/explorer.js``, shipped in the package, no CDN) only draws and reports clicks.

The current panes are DataFrames on the widget — ``quotes``, ``mentions``, ``timeline``,
``cooccurring`` for the actor, ``kwic`` and ``dispersion`` for the term — so a script or a test
drives it with ``w.actor = "..."`` and reads ``w.quotes`` without a browser.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import anywidget
import pandas as pd
import traitlets

from analysis.present import explore, render
from analysis.present.charts import TYPE_COLOURS
from analysis.tables import ArticleTables

_STATIC = Path(__file__).parent / "static"
#: Rows of each pane sent to the browser (the DataFrames on the widget are complete).
PANE_ROWS = 50


def _table_html(df: pd.DataFrame, columns: list[str], empty: str) -> str:
    cols = [c for c in columns if c in df.columns]
    if not len(df):
        return f'<p class="wb-x-empty">{html.escape(empty)}</p>'
    more = f'<p class="wb-x-empty">{len(df) - PANE_ROWS} more rows in Python.</p>' if len(df) > PANE_ROWS else ""
    return df[cols].head(PANE_ROWS).to_html(index=False, escape=True, border=0, na_rep="", classes="wb-x-table") + more


def _segments_html(seg: pd.DataFrame) -> str:
    if not len(seg) or not seg["count"].sum():
        return '<p class="wb-x-empty">No occurrences.</p>'
    top = int(seg["count"].max())
    cells = "".join(
        f'<div class="wb-x-seg" title="segment {int(s)}: {int(c)}">'
        f'<div style="height:{round(100 * int(c) / top)}%"></div><span>{int(c)}</span></div>'
        for s, c in seg[["segment", "count"]].itertuples(index=False)
    )
    return f'<div class="wb-x-segs">{cells}</div><p class="wb-x-note">story segments 1 (opening) → {len(seg)} (end)</p>'


class Explorer(anywidget.AnyWidget):
    """Linked views of an article: select an actor or a term, read the panes.

    Parameters
    ----------
    article : Article
        A loaded article.
    actor, term : str, optional
        Initial selection (an actor's name or ``actor_id``; a word or phrase).

    Examples
    --------
    >>> from analysis import Article
    >>> art = Article.from_text("Ann Lee said rain fell. Lee said it fell again.", layout="plain")
    >>> w = art.explore(term="rain")
    >>> len(w.kwic)
    1
    """

    _esm = (_STATIC / "explorer.js").read_text(encoding="utf-8")
    _css = render.CSS + (_STATIC / "explorer.css").read_text(encoding="utf-8")

    actor = traitlets.Unicode("").tag(sync=True)
    term = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    actors = traitlets.List().tag(sync=True)
    terms = traitlets.List().tag(sync=True)
    text_html = traitlets.Unicode("").tag(sync=True)
    panes_html = traitlets.Dict().tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)

    def __init__(self, article: ArticleTables, *, actor: str = "", term: str = "", **kwargs: Any) -> None:
        self._article = article
        self._cache: dict[tuple[str, str], pd.DataFrame] = {}
        acts = article.actors
        quoted = explore.quote_speakers(article)["actor"].value_counts()
        rows = [
            {
                "actor": str(r.actor),
                "type": str(r.actor_type) if isinstance(r.actor_type, str) else "other",
                "mentions": int(r.mentions),
                "quotes": int(quoted.get(r.actor, 0)),
                "colour": TYPE_COLOURS.get(r.actor_type, TYPE_COLOURS["other"]),
            }
            for r in acts.itertuples(index=False)
        ]
        super().__init__(
            title=str(article.metadata.get("title") or article.source or "article"),
            actors=rows,
            terms=article.terms["term"].head(30).astype(str).tolist(),
            **kwargs,
        )
        self.actor, self.term = actor or "", term or ""
        self._refresh()

    # -- panes as DataFrames ------------------------------------------------------------------
    def _pane(self, name: str, key: str, build) -> pd.DataFrame:
        if (name, key) not in self._cache:
            self._cache[(name, key)] = build(self._article, key)
        return self._cache[(name, key)]

    @property
    def quotes(self) -> pd.DataFrame:
        """The quotes of the selected actor, joint quotes included (rows of ``art.quotes``)."""
        return self._pane("quotes", self.actor, explore.actor_quotes)

    @property
    def mentions(self) -> pd.DataFrame:
        """Every mention of the selected actor (rows of ``art.entities``)."""
        return self._pane("mentions", self.actor, explore.actor_mentions)

    @property
    def timeline(self) -> pd.DataFrame:
        """The timeline rows whose clause names the selected actor."""
        return self._pane("timeline", self.actor, explore.actor_timeline)

    @property
    def cooccurring(self) -> pd.DataFrame:
        """The actors named in a sentence with the selected actor."""
        return self._pane("cooccurring", self.actor, explore.cooccurring_actors)

    @property
    def kwic(self) -> pd.DataFrame:
        """Keyword-in-context rows of the term (one per occurrence)."""
        return self._pane("kwic", self.term, explore.term_kwic)

    @property
    def dispersion(self) -> pd.DataFrame:
        """Occurrences of the term per story segment."""
        return self._pane("dispersion", self.term, explore.term_segments)

    # -- sync ---------------------------------------------------------------------------------
    @traitlets.observe("actor", "term")
    def _on_select(self, change: dict) -> None:
        if hasattr(self, "_article"):
            self._refresh()

    def _refresh(self) -> None:
        art = self._article
        name = explore.resolve_actor(art, self.actor)
        self.text_html = str(explore.text_html(art, self.actor, self.term))
        pick = "Select an actor to see its" if not name else "No"
        self.panes_html = {
            "quotes": _table_html(self.quotes, explore.QUOTE_PANE, f"{pick} quotes."),
            "mentions": _table_html(self.mentions, explore.MENTION_PANE, f"{pick} mentions."),
            "timeline": _table_html(self.timeline, explore.TIMELINE_PANE, f"{pick} dated events."),
            "cooccurring": _table_html(self.cooccurring, explore.COOCCURRING_PANE, f"{pick} co-occurring actors."),
            "kwic": _table_html(self.kwic, explore.KWIC_PANE, "Type a term to see it in context." if not self.term else "No occurrences."),
            "dispersion": _segments_html(self.dispersion),
        }
        parts = []
        if self.actor:
            parts.append(
                f"{name}: {len(self.mentions)} mentions, {len(self.quotes)} quotes, {len(self.timeline)} dated events"
                if name
                else f"no actor named {self.actor!r}"
            )
        if self.term:
            parts.append(f"“{self.term}”: {len(self.kwic)} occurrences")
        self.status = " · ".join(parts) or "Click an actor's bar or type a term."
