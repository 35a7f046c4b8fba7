"""The article as HTML, with entities, quotes and speakers highlighted, every character escaped.

:func:`highlight` turns a text and a list of :class:`Span` (half-open character offsets, possibly
nested or overlapping) into well-formed HTML: the text is cut at every span boundary and each piece
is wrapped in the spans that cover it, so overlapping spans never produce crossed tags.
:func:`render_article` builds the spans from an article's blocks, entities and quotes; the result
displays itself in a notebook and is embedded as is in the report.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any, NamedTuple

import pandas as pd

from analysis.present.charts import KIND_COLOURS, TYPE_COLOURS

#: Nesting order: lower numbers wrap higher ones.
_LAYER = {"block": 0, "quote": 1, "speaker": 2, "entity": 3}
#: Blocks that are the story; the others (page chrome, bio, ...) are drawn muted.
STORY_KINDS = ("body", "heading")


class Span(NamedTuple):
    """A highlighted stretch of text: ``text[start:end]`` gets ``classes`` and a hover ``title``."""

    start: int
    end: int
    layer: str
    classes: str
    title: str = ""


class Html(str):
    """An HTML string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # the plain-text fallback of a notebook output: short, not the markup
        return f"<Html: {len(self):,} characters>"


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


def highlight(text: str, spans: Iterable[Span]) -> str:
    """Return ``text`` HTML-escaped, with each span wrapped in ``<span class=... title=...>``.

    Spans may nest or overlap; the output is always well formed.  Spans outside the text or empty
    are ignored.  Linear in the text length plus the number of spans (after sorting the spans).

    Examples
    --------
    >>> highlight("Ann <b> said", [Span(0, 3, "entity", "ent", "person")])
    '<span class="ent" title="person">Ann</span> &lt;b&gt; said'
    >>> highlight("abcd", [Span(0, 3, "quote", "q"), Span(2, 4, "entity", "e")])
    '<span class="q">ab</span><span class="q"><span class="e">c</span></span><span class="e">d</span>'
    """
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    if not spans:
        return html.escape(text)
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        opens.setdefault(s.start, []).append(i)
        closes.setdefault(s.end, []).append(i)
    cuts = sorted({0, n, *opens, *closes})
    tags = [
        (f'<span class="{html.escape(s.classes)}"' + (f' title="{html.escape(s.title)}"' if s.title else "") + ">")
        for s in spans
    ]
    order = {i: (_LAYER.get(s.layer, 9), s.start, -s.end, i) for i, s in enumerate(spans)}
    active: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active -= set(closes.get(a, ()))
        active |= set(opens.get(a, ()))
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        wrap = sorted(active, key=order.__getitem__)
        out.append("".join(tags[i] for i in wrap) + piece + "</span>" * len(wrap))
    return "".join(out)


def _int(v: Any) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def article_spans(article: Any, *, entities: bool = True, quotes: bool = True, blocks: bool = True) -> list[Span]:
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
            spans.append(
                Span(int(row.start), int(row.end), "quote", f"q q-{row.kind}", f"{row.kind} quote: {who}{cue}")
            )
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
    return '<div class="wb-legend wb-article" style="white-space: normal">' + "".join(items) + "</div>"


def render_article(
    article: Any, *, entities: bool = True, quotes: bool = True, style: bool = True, show_legend: bool = True
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
    body = f'<div class="wb-article">{highlight(article.text, spans)}</div>'
    parts = [f"<style>{CSS}</style>" if style else "", legend() if show_legend else "", body]
    return Html("".join(parts))


_CARD_CSS = """
.wb-card { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #222; border: 1px solid #ccc;
  border-radius: 6px; padding: .6em .9em; max-width: 46em; }
.wb-card .wb-card-title { font-size: 16px; font-weight: bold; margin-bottom: .2em; }
.wb-card .wb-card-meta { color: #555; margin-bottom: .5em; }
.wb-card .wb-card-counts { display: flex; flex-wrap: wrap; gap: .3em 1.2em; margin-bottom: .4em; }
.wb-card .wb-card-counts b { font-size: 15px; }
.wb-card .wb-card-row { margin: .15em 0; }
"""


def _card_counts(article: Any) -> dict[str, int]:
    stats = article.stats
    words = stats.loc[stats["statistic"] == "words", "value"] if "statistic" in stats.columns else []
    return {
        "words": int(words.iloc[0]) if len(words) else len(article.tokens),
        "sentences": len(article.story_sentences),
        "quotes": len(article.quotes),
        "actors": len(article.actors),
        "dates": len(article.timeline),
    }


def article_card(article: Any, *, top: int = 5) -> Html:
    """Return a compact HTML card of an article: title, outlet, date, authors, counts, top actors
    and speakers (what ``Article._repr_html_`` shows).  Every value is escaped.

    Examples
    --------
    >>> from analysis import Article
    >>> card = article_card(Article.from_text("Ann <b>Lee</b> said rain fell.", layout="plain"))
    >>> "<b>Lee</b>" in card, "sentences" in card
    (False, True)
    """
    from analysis.present.explore import quote_speakers  # the panes module renders text through this one

    meta = article.metadata
    esc = html.escape
    title = meta.get("title") or article.source or "Untitled article"
    details = [str(v) for v in (meta.get("outlet"), meta.get("published")) if v]
    authors = meta.get("authors") or []
    if authors:
        details.append("by " + ", ".join(str(a) for a in authors))
    counts = "".join(f"<span><b>{n:,}</b> {esc(k)}</span>" for k, n in _card_counts(article).items())
    actors = article.actors.head(top)
    actor_list = ", ".join(f"{esc(str(a))} ({int(m)})" for a, m in actors[["actor", "mentions"]].itertuples(index=False))
    speakers = quote_speakers(article)["actor"].value_counts().head(top)
    speaker_list = ", ".join(f"{esc(str(a))} ({int(n)})" for a, n in speakers.items())
    return Html(
        f'<style>{_CARD_CSS}</style><div class="wb-card">'
        f'<div class="wb-card-title">{esc(str(title))}</div>'
        f'<div class="wb-card-meta">{esc(" · ".join(details)) or "no outlet, date or author"}</div>'
        f'<div class="wb-card-counts">{counts}</div>'
        f'<div class="wb-card-row">Top actors (mentions): {actor_list or "<i>none</i>"}</div>'
        f'<div class="wb-card-row">Speakers (quotes): {speaker_list or "<i>none</i>"}</div>'
        "</div>"
    )
