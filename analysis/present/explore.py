"""The explorer's linked views as plain functions: (article, selected actor or term) → DataFrame.

:class:`analysis.present.widget.Explorer` (``art.explore()``) calls these when its ``actor`` or ``term``
changes; they need no browser, so scripts and tests get the same panes:

- an actor → :func:`actor_quotes` (joint quotes included), :func:`actor_mentions`,
  :func:`actor_timeline`, :func:`cooccurring_actors`, and the text with its mentions and quotes
  highlighted (:func:`text_html`);
- a term → :func:`term_kwic` (one row per counted occurrence) and :func:`term_segments` (its
  dispersion over the story, segmented as :func:`analysis.extract.terms.term_dispersion` does).

An actor may be given by display name (``actors.actor``) or by ``actor_id`` when the article has one.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.present.markup import Html, Span, highlight
from analysis.present.render import TEXT_STYLE, article_spans
from analysis.tables import ArticleTables

#: Columns each pane shows in the widget (the DataFrames on the widget keep every column).
QUOTE_PANE = ["quote_id", "sentence_id", "kind", "speaker", "cue", "text"]
MENTION_PANE = ["mention_id", "sentence_id", "text", "how", "start", "end"]
TIMELINE_PANE = ["timex_id", "sentence_id", "text", "value", "date_start", "date_end", "event", "actors"]
KWIC_PANE = ["kwic_id", "sentence_id", "left", "match", "right"]
COOCCURRING_PANE = ["actor", "sentences", "first_sentence", "last_sentence"]
SEGMENT_PANE = ["segment", "count", "start", "end"]


def quote_speakers(article: ArticleTables) -> pd.DataFrame:
    """Return one row per (quote, speaker): ``quote_id, actor`` (a joint quote has one per speaker).

    Reads ``article.quote_speakers`` when the article has that table; otherwise splits the display
    string ``quotes.speaker`` on ``"; "`` (how joint speakers are joined).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> q = pd.DataFrame({"quote_id": [0, 1, 2], "speaker": ["Ann Lee", "Ann Lee; Bo Park", None]})
    >>> quote_speakers(SimpleNamespace(quotes=q)).values.tolist()
    [[0, 'Ann Lee'], [1, 'Ann Lee'], [1, 'Bo Park']]
    """
    table = getattr(article, "quote_speakers", None)
    if isinstance(table, pd.DataFrame):
        return table.reset_index(drop=True)
    quotes = article.quotes
    rows = [
        (qid, name.strip())
        for qid, speaker in quotes[["quote_id", "speaker"]].itertuples(index=False)
        if isinstance(speaker, str)
        for name in speaker.split("; ")
        if name.strip()
    ]
    return pd.DataFrame(rows, columns=["quote_id", "actor"]).astype({"quote_id": "int64", "actor": "object"})


def most_quoted(article: ArticleTables, *, actor_type: str | None = "person") -> str | None:
    """Return the actor with the most quotes (joint quotes count for each speaker), or None.

    Ties go to the actor listed first in ``article.actors`` (most mentioned).  ``actor_type``
    restricts the choice (None: any type).
    """
    counts = quote_speakers(article)["actor"].value_counts()
    actors = article.actors
    if actor_type is not None:
        actors = actors[actors["actor_type"] == actor_type]
    ranked = actors.assign(_quotes=actors["actor"].map(counts).fillna(0))
    ranked = ranked[ranked["_quotes"] > 0].sort_values("_quotes", ascending=False, kind="stable")
    return str(ranked["actor"].iloc[0]) if len(ranked) else None


def resolve_actor(article: ArticleTables, actor: str | None) -> str | None:
    """Return the display name of ``actor`` (a name or an ``actor_id``; case ignored), or None.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> resolve_actor(SimpleNamespace(actors=pd.DataFrame({"actor": ["Ann Lee"]})), "ann lee")
    'Ann Lee'
    """
    if not actor or not str(actor).strip():
        return None
    actors = article.actors
    wanted = str(actor).strip()
    for col in ("actor", "actor_id"):
        if col in actors.columns:
            exact = actors.loc[actors[col] == wanted, "actor"]
            if len(exact):
                return str(exact.iloc[0])
    folded = actors.loc[actors["actor"].astype(str).str.casefold() == wanted.casefold(), "actor"]
    return str(folded.iloc[0]) if len(folded) else None


def _pane(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return df[[c for c in columns if c in df.columns]].reset_index(drop=True)


def actor_quotes(article: ArticleTables, actor: str | None) -> pd.DataFrame:
    """Return the quotes ``actor`` speaks, alone or jointly (rows of ``article.quotes``)."""
    name = resolve_actor(article, actor)
    qs = quote_speakers(article)
    ids = set(qs.loc[qs["actor"] == name, "quote_id"]) if name else set()
    return article.quotes[article.quotes["quote_id"].isin(ids)].reset_index(drop=True)


def actor_mentions(article: ArticleTables, actor: str | None) -> pd.DataFrame:
    """Return every mention of ``actor`` (rows of ``article.entities``: names, titles, pronouns...)."""
    name = resolve_actor(article, actor)
    ents = article.entities
    return ents[ents["actor"] == name].reset_index(drop=True) if name else ents.iloc[0:0]


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return [str(v) for v in list(value) if v]
    return []


def actor_timeline(article: ArticleTables, actor: str | None) -> pd.DataFrame:
    """Return the timeline rows whose clause names ``actor`` (its ``actors`` cell)."""
    name = resolve_actor(article, actor)
    tl = article.timeline
    if not name or "actors" not in tl.columns:
        return tl.iloc[0:0]
    ids = {name}
    if "actor_id" in article.actors.columns:
        ids |= set(article.actors.loc[article.actors["actor"] == name, "actor_id"].astype(str))
    keep = tl["actors"].map(lambda v: bool(ids & set(_names(v))))
    return tl[keep.astype(bool)].reset_index(drop=True)


def cooccurring_actors(article: ArticleTables, actor: str | None) -> pd.DataFrame:
    """Return the actors named in a sentence with ``actor``: ``actor, sentences, ...``, most shared first."""
    name = resolve_actor(article, actor)
    co = article.cooccurrence
    if not name or not len(co):
        return pd.DataFrame(columns=COOCCURRING_PANE)
    a = co[co["actor_a"] == name].rename(columns={"actor_b": "actor"}).drop(columns="actor_a")
    b = co[co["actor_b"] == name].rename(columns={"actor_a": "actor"}).drop(columns="actor_b")
    both = pd.concat([a, b], ignore_index=True).sort_values(["sentences", "actor"], ascending=[False, True])
    return _pane(both, COOCCURRING_PANE)


def term_kwic(article: ArticleTables, term: str | None, *, window: int = 5) -> pd.DataFrame:
    """Return the keyword-in-context rows of ``term`` (:meth:`Article.kwic`); none for a blank term."""
    if not term or not str(term).strip():
        return pd.DataFrame(columns=KWIC_PANE)
    return article.kwic(str(term).strip(), window=window)


def term_segments(article: ArticleTables, term: str | None, *, segments: int = 10) -> pd.DataFrame:
    """Return how often ``term`` occurs in each of ``segments`` equal runs of the story's tokens.

    Token ``i`` of ``n`` falls in segment ``1 + i * segments // n``, as in
    :func:`analysis.extract.terms.term_dispersion`; the occurrences are the :func:`term_kwic` rows, so the
    counts add up to the KWIC rows (and, for a term of ``article.terms``, to its ``count``).
    """
    toks = article.tokens.reset_index(drop=True)
    n = len(toks)
    k = min(segments, n)
    if not k:
        return pd.DataFrame(columns=SEGMENT_PANE)
    seg = pd.Series(toks.index * k // n + 1, index=toks.index)
    bounds = toks.assign(segment=seg).groupby("segment").agg(start=("start", "min"), end=("end", "max"))
    hits = term_kwic(article, term)
    position = pd.Series(toks.index, index=toks["token_id"])
    hit_seg = hits["token_id"].map(position) * k // n + 1 if len(hits) else pd.Series(dtype="int64")
    counts = hit_seg.value_counts().reindex(bounds.index, fill_value=0).astype("int64")
    return bounds.assign(count=counts).reset_index()[SEGMENT_PANE]


def text_spans(article: ArticleTables, actor: str | None = None, term: str | None = None) -> list[Span]:
    """Return the spans the explorer draws: blocks, the actor's quotes and mentions, the term's hits."""
    spans = article_spans(article, entities=False, quotes=False)
    for row in actor_quotes(article, actor).itertuples(index=False):
        spans.append(Span(int(row.start), int(row.end), "quote", f"q q-{row.kind}", f"{row.kind} quote"))
    for row in actor_mentions(article, actor).itertuples(index=False):
        kind = row.actor_type if isinstance(row.actor_type, str) else "other"
        title = f"{row.actor} ({row.how})"
        spans.append(Span(int(row.start), int(row.end), "entity", f"ent ent-{kind} sel", title))
    for row in term_kwic(article, term).itertuples(index=False):
        spans.append(Span(int(row.start), int(row.end), "entity", "kw", "term"))
    return spans


def text_html(article: ArticleTables, actor: str | None = None, term: str | None = None) -> Html:
    """Return the article text, escaped, with the actor's mentions (``span.sel``), its quotes and
    the term's occurrences (``span.kw``) highlighted."""
    body = highlight(article.text, text_spans(article, actor, term))
    return Html(f'<div class="wb-article" style="{TEXT_STYLE}">{body}</div>')
