"""The article as HTML, with entities, quotes and speakers highlighted, every character escaped.

:func:`~analysis.present.markup.highlight` turns a text and a list of
:class:`~analysis.present.markup.Span` (half-open character offsets, possibly nested or overlapping)
into well-formed HTML; :func:`render_article` builds the spans from an article's blocks, entities
and quotes; the result displays itself in a notebook and is embedded as is in the report.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.present.charts import KIND_COLOURS, TYPE_COLOURS
from analysis.present.markup import Html, Span, highlight
from analysis.tables import ArticleTables

#: Inline style of the text's container: its line breaks and spacing kept even where a notebook viewer
#: drops the style sheet (JupyterLab keeps inline styles of the outputs it did not run itself).
TEXT_STYLE = "white-space: pre-wrap"
#: Blocks that are the story; the others (page chrome, bio, ...) are drawn muted.
STORY_KINDS = ("body", "heading")


def _css() -> str:
    ent = "\n".join(
        f".wb-article .ent-{kind} {{ border-bottom: 2px solid {colour}; background: {colour}1F; }}"
        for kind, colour in TYPE_COLOURS.items()
    )
    quote = "\n".join(
        f".wb-article .q-{kind} {{ background: {colour}26; box-shadow: inset 0 -1px {colour}; }}"
        for kind, colour in KIND_COLOURS.items()
    )
    return f"""
.wb-article {{ white-space: pre-wrap; font-family: Georgia, 'Times New Roman', serif; font-size: 15px;
  line-height: 1.6; max-width: 46em; color: #222; }}
.wb-article .blk-muted {{ color: #888; font-size: 13px; }}
.wb-article .blk-heading {{ font-weight: bold; }}
.wb-article .blk-title {{ font-size: 19px; font-weight: bold; }}
.wb-article .ent {{ padding: 0 1px; }}
{ent}
.wb-article .q {{ font-style: italic; }}
{quote}
.wb-article .spk {{ outline: 2px dashed #D55E00; outline-offset: 1px; }}
.wb-legend span {{ display: inline-block; margin: 0 .8em .3em 0; padding: 0 .3em; font-size: 13px; }}
"""


#: Style sheet for :func:`render_article` output (also embedded by the report).
CSS = _css()


def _int(v: Any) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def article_spans(article: ArticleTables, *, entities: bool = True, quotes: bool = True, blocks: bool = True) -> list[Span]:
    """Return the spans :func:`render_article` draws: blocks, quotes, speaker mentions, entities."""
    spans: list[Span] = []
    if blocks:
        for kind, start, end in article.blocks[["kind", "start", "end"]].itertuples(index=False):
            muted = "" if kind in STORY_KINDS or kind == "title" else " blk-muted"
            spans.append(Span(int(start), int(end), "block", f"blk blk-{kind}{muted}", kind))
    if quotes and len(article.quotes):
        q = article.quotes
        for row in q.itertuples(index=False):
            who = row.speaker if isinstance(row.speaker, str) and row.speaker else "unknown speaker"
            cue = f", cue: {row.cue}" if isinstance(getattr(row, "cue", None), str) else ""
            title = f"{row.kind} quote: {who}{cue}"
            spans.append(Span(int(row.start), int(row.end), "quote", f"q q-{row.kind}", title))
            for a, b in getattr(row, "fragments", None) or []:
                if b <= row.start or a >= row.end:  # "“A,” X said. “B.”": the other fragments of the attribution
                    spans.append(Span(int(a), int(b), "quote", f"q q-{row.kind}", title))
            s, e = _int(row.speaker_start), _int(row.speaker_end)
            if s is not None and e is not None:
                spans.append(Span(s, e, "speaker", "spk", f"speaker: {who}"))
    if entities and len(article.entities):
        for row in article.entities.itertuples(index=False):
            kind = row.actor_type if isinstance(row.actor_type, str) else "other"
            title = f"{row.actor} ({kind}; {row.how})"
            spans.append(Span(int(row.start), int(row.end), "entity", f"ent ent-{kind}", title))
    return spans


def legend() -> str:
    """Return an HTML legend for the highlight colours."""
    items = [f'<span class="ent ent-{k}">{k}</span>' for k in TYPE_COLOURS]
    items += [f'<span class="q q-{k}">{k} quote</span>' for k in KIND_COLOURS]
    items.append('<span class="spk">speaker mention</span>')
    return '<div class="wb-legend wb-article" style="white-space: normal">Highlights: ' + " · ".join(items) + "</div>"


def render_article(
    article: ArticleTables, *, entities: bool = True, quotes: bool = True, style: bool = True, show_legend: bool = True
) -> Html:
    """Return the article text as escaped HTML with entities, quotes and speakers highlighted.

    Parameters
    ----------
    article : Article
        A loaded article.
    entities, quotes : bool
        Which layers to draw.
    style : bool
        Include the ``<style>`` sheet (:data:`CSS`); the report includes it once itself.
    show_legend : bool
        Put a colour legend above the text.

    Examples
    --------
    >>> from analysis import Article
    >>> art = Article.from_text("Rain <script>alert(1)</script> fell.", layout="plain")
    >>> "<script>" in render_article(art), "&lt;script&gt;" in render_article(art)
    (False, True)
    """
    spans = article_spans(article, entities=entities, quotes=quotes)
    body = f'<div class="wb-article" style="{TEXT_STYLE}">{highlight(article.text, spans)}</div>'
    parts = [f"<style>{CSS}</style>" if style else "", legend() if show_legend else "", body]
    return Html("".join(parts))


__all__ = ["CSS", "STORY_KINDS", "TEXT_STYLE", "Html", "Span", "article_spans", "highlight", "legend", "render_article"]
