"""The article card: what a notebook shows for an :class:`~analysis.article.Article` (``art._repr_html_()``).

Title, outlet, date and authors, the counts of words, sentences, quotes, actors and dates, and the
most mentioned actors and most quoted speakers, every value escaped.  The style sheet is only an
extra: one row per line and `` · `` between the counts, so the card reads well without it.
"""

from __future__ import annotations

import html

from analysis.present.explore import quote_speakers
from analysis.present.markup import Html
from analysis.present.numbers import format_count
from analysis.tables import ArticleTables

_CARD_CSS = """
.wb-card { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #222; border: 1px solid #ccc;
  border-radius: 6px; padding: .6em .9em; max-width: 46em; }
.wb-card .wb-card-title { font-size: 16px; font-weight: bold; margin-bottom: .2em; }
.wb-card .wb-card-meta { color: #555; margin-bottom: .5em; }
.wb-card .wb-card-counts { margin-bottom: .4em; }
.wb-card .wb-card-counts b { font-size: 15px; }
.wb-card .wb-card-row { margin: .15em 0; }
"""


def _card_counts(article: ArticleTables) -> dict[str, int]:
    stats = article.stats
    words = stats.loc[stats["statistic"] == "words", "value"] if "statistic" in stats.columns else []
    return {
        "words": int(words.iloc[0]) if len(words) else len(article.tokens),
        "sentences": len(article.story_sentences),
        "quotes": len(article.quotes),
        "actors": len(article.actors),
        "dates": len(article.timeline),
    }


def article_card(article: ArticleTables, *, top: int = 5) -> Html:
    """Return a compact HTML card of an article: title, outlet, date, authors, counts, top actors
    and speakers (what ``Article._repr_html_`` shows).  Every value is escaped.

    Examples
    --------
    >>> from analysis import Article
    >>> card = article_card(Article.from_text("Ann <b>Lee</b> said rain fell.", layout="plain"))
    >>> "<b>Lee</b>" in card, "sentences" in card
    (False, True)
    """
    meta = article.metadata
    esc = html.escape
    title = meta.get("title") or article.source or "Untitled article"
    details = [str(v) for v in (meta.get("outlet"), meta.get("published")) if v]
    authors = meta.get("authors") or []
    if authors:
        details.append("by " + ", ".join(str(a) for a in authors))
    counts = " · ".join(f"<b>{format_count(n)}</b> {esc(k)}" for k, n in _card_counts(article).items())
    actors = article.actors.head(top)
    actor_list = ", ".join(
        f"{esc(str(a))} ({format_count(m)})" for a, m in actors[["actor", "mentions"]].itertuples(index=False)
    )
    speakers = quote_speakers(article)["actor"].value_counts().head(top)
    speaker_list = ", ".join(f"{esc(str(a))} ({format_count(n)})" for a, n in speakers.items())
    # Block elements, separators in the text and a line break between rows: the card reads the same
    # when a notebook viewer strips the <style> (JupyterLab does for outputs it did not run itself).
    rows = [
        f'<div class="wb-card-title"><b>{esc(str(title))}</b></div>',
        f'<div class="wb-card-meta">{esc(" · ".join(details)) or "no outlet, date or author"}</div>',
        f'<div class="wb-card-counts">{counts}</div>',
        f'<div class="wb-card-row">Top actors (mentions): {actor_list or "<i>none</i>"}</div>',
        f'<div class="wb-card-row">Speakers (quotes): {speaker_list or "<i>none</i>"}</div>',
    ]
    return Html(f'<style>{_CARD_CSS}</style><div class="wb-card">\n' + "\n".join(rows) + "\n</div>")
