"""The :class:`Article`: one text and the tables derived from it, each built on first use.

Data flows one way: text → blocks → sentences → tokens → entities → quotes → actors → timeline →
terms.  Each table is a ``functools.cached_property`` that calls one stage function; :data:`TABLES`
declares the public ones (name, stage function, and the property's docstring as the description),
the one list that :meth:`Article.tables`, the CLI's ``tables/`` export and the README follow (the
report shows some of them, by these names: :data:`analysis.present.report.REPORT_TABLES`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from analysis.errors import ArticleError
from analysis.extract import entities as _entities
from analysis.extract import quotes as _quotes
from analysis.extract import stats as _stats
from analysis.extract import terms as _terms
from analysis.extract import timeline as _timeline
from analysis.extract.timex import may_hold_timex
from analysis.frames import rows
from analysis.nlp.identity import aliases_table
from analysis.nlp.mention import How
from analysis.nlp.sentences import split_sentences
from analysis.nlp.tokens import tokenize
from analysis.read.dates import parse_date
from analysis.read.io import read_article_file
from analysis.read.layout import recognise

if TYPE_CHECKING:
    from analysis.present.markup import Html
    from analysis.present.plotting import ArticlePlot
    from analysis.present.widget import Explorer

#: Block kinds whose sentences are the story itself (entities, quotes and terms are read from them).
STORY_KINDS = ("body", "heading")
#: Block kinds the timeline does not read (page chrome such as media-player times).
NON_TIMELINE_KINDS = ("boilerplate",)


@dataclass(frozen=True)
class Table:
    """One public table: the ``Article`` property of that name, and the stage function it calls."""

    name: str
    stage: Callable[..., Any]

    @property
    def doc(self) -> str:
        """What a row is: the first line of the property's docstring (written once, there)."""
        return (getattr(Article, self.name).__doc__ or "").strip().splitlines()[0]


#: The public tables in the order :meth:`Article.tables` returns them and the CLI writes them
#: (``tables/<name>.csv``); adding a table is one property on :class:`Article` and one row here.
TABLES: tuple[Table, ...] = (
    Table("blocks", recognise),
    Table("sentences", split_sentences),
    Table("quotes", _quotes.extract_quotes_linked),
    Table("entities", _entities.extract_entities),
    Table("actors", _entities.build_actors),
    Table("quote_speakers", _quotes.extract_quotes_linked),
    Table("aliases", aliases_table),
    Table("cooccurrence", _entities.cooccurrence),
    Table("timeline", _timeline.extract_timeline),
    Table("terms", _terms.term_table),
    Table("bigrams", _terms.ngrams),
    Table("trigrams", _terms.ngrams),
    Table("keyness", _terms.keyness),
    Table("term_dispersion", _terms.term_dispersion),
    Table("stats", _stats.article_stats),
)


def table_docs() -> dict[str, str]:
    """Return ``{table name: what a row is}`` for every table of :data:`TABLES`, in order.

    Examples
    --------
    >>> table_docs()["sentences"]
    'One row per sentence: ``sentence_id, block_id, kind, start, end, text``.'
    """
    return {t.name: t.doc for t in TABLES}


class Article:
    """A news article and its tables.

    Use :func:`load_article` for files and :meth:`Article.from_text` for strings.

    Examples
    --------
    >>> art = Article.from_text("Kyiv, 3 March 2022. The mayor said the city would hold.", layout="plain")
    >>> art.sentences["text"].tolist()
    ['Kyiv, 3 March 2022.', 'The mayor said the city would hold.']
    """

    def __init__(
        self,
        text: str,
        *,
        published: str | None = None,
        title: str | None = None,
        layout: Literal["auto", "plain"] = "auto",
        source: str | None = None,
        file_metadata: dict | None = None,
    ) -> None:
        name = source or "<text>"
        if not isinstance(text, str):
            raise ArticleError(f"{name}: expected text (str), got {type(text).__name__}")
        if not text.strip():
            raise ArticleError(f"{name}: text is empty or holds only whitespace")
        if layout not in ("auto", "plain"):
            raise ArticleError(f"{name}: unknown layout {layout!r} (expected 'auto' or 'plain')")
        if published is not None:
            iso = parse_date(str(published))
            if iso is None:
                raise ArticleError(f"{name}: cannot read published date {published!r} (use YYYY-MM-DD)")
            published = iso
        self.text = text
        self.source = source
        self.layout = layout
        self._published = published
        self._title = " ".join(str(title).split()) if title is not None else None
        self._file_metadata = dict(file_metadata or {})

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: str | None = None,
        title: str | None = None,
        layout: Literal["auto", "plain"] = "auto",
    ) -> Article:
        """Build an article from a string (``layout="plain"``: every paragraph is body)."""
        return cls(text, published=published, title=title, layout=layout)

    def __repr__(self) -> str:
        title = self.metadata.get("title") or ""
        return f"<Article {self.source or '<text>'!s}: {title[:60]!r}, {len(self.text)} chars>"

    @cached_property
    def plot(self) -> ArticlePlot:
        """Every chart of the article, its tables filled in: ``art.plot.actor_mentions(top_n=10)``.

        Each method returns the same plotly ``Figure`` as the :mod:`analysis.present.charts` function called
        with this article's tables (see :mod:`analysis.present.plotting`; imported here, on first
        use, so that reading articles does not load plotly).
        """
        from analysis.present.plotting import ArticlePlot

        return ArticlePlot(self)

    def _repr_html_(self) -> str:
        """A compact card for notebooks: title, outlet, date, authors, counts, top actors and speakers."""
        from analysis.present.card import article_card

        return str(article_card(self))

    def show(self, *, entities: bool = True, quotes: bool = True) -> Html:
        """Return the article text, escaped, with entities, quotes and speakers highlighted.

        Displays itself when it is the last expression of a notebook cell (no network needed).
        """
        from analysis.present.render import render_article

        return render_article(self, entities=entities, quotes=quotes)

    def explore(self, *, actor: str = "", term: str = "") -> Explorer:
        """Return a widget with linked views: actors, the highlighted text, quotes, mentions,
        timeline rows, co-occurring actors, keyword in context and a term's dispersion.

        Clicking an actor's bar selects it; its traits ``actor`` and ``term`` select from Python, and
        its ``quotes``, ``mentions``, ``timeline`` and ``kwic`` DataFrames hold the current panes
        (see :mod:`analysis.present.widget`).
        """
        from analysis.present.widget import Explorer

        return Explorer(self, actor=actor, term=term)

    # -- layout -------------------------------------------------------------------------------
    @cached_property
    def _layout(self) -> tuple[pd.DataFrame, dict]:
        return recognise(self.text, layout=self.layout, title_hint=self._file_metadata.get("title"))

    @cached_property
    def metadata(self) -> dict:
        """Title, authors, published, updated, outlet, caption, photo credit, contributors, headings."""
        meta = dict(self._layout[1])
        prov = {key: dict(value) for key, value in meta.get("provenance", {}).items()}
        for key, value in self._file_metadata.items():
            if value and not meta.get(key):
                meta[key] = value
                if key in ("title", "published", "authors"):
                    prov[key] = {"rule": "page metadata (HTML)", "block_id": None, "line": None}
        for key, value in (("published", self._published), ("title", self._title)):
            if value:
                meta[key] = value
                prov[key] = {"rule": "override", "block_id": None, "line": None}
        meta["provenance"] = prov
        meta["source"] = self.source
        return meta

    @cached_property
    def blocks(self) -> pd.DataFrame:
        """One row per line/paragraph: ``block_id, kind, start, end, text, rule``."""
        return self._layout[0]

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``sentence_id, block_id, kind, start, end, text``."""
        return split_sentences(self.text, self.blocks)

    @cached_property
    def story_sentences(self) -> pd.DataFrame:
        """The sentences of body paragraphs and in-body headings."""
        return rows(self.sentences, [k in STORY_KINDS for k in self.sentences["kind"].tolist()])

    @cached_property
    def tokens(self) -> pd.DataFrame:
        """One row per token of the story sentences: ``token_id, sentence_id, start, end, text, pos``."""
        return tokenize(self.text, self.story_sentences)

    # -- analyses -----------------------------------------------------------------------------
    @cached_property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention in the story (columns: ``docs/contract.md``)."""
        return _entities.extract_entities(self.text, self.story_sentences, self.tokens)

    @cached_property
    def _quotes_linked(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """Quotes, their (quote, speaker) rows and the actors that only speak: one resolver pass."""
        return _quotes.extract_quotes_linked(self.text, self.story_sentences, self.entities, self.tokens)

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """One row per quote with its resolved speaker(s) (``speaker``, ``speaker_ids``)."""
        return self._quotes_linked[0]

    @cached_property
    def quote_speakers(self) -> pd.DataFrame:
        """One row per (quote, speaker): ``quote_id, actor_id, actor`` (a joint quote has one per speaker)."""
        return self._quotes_linked[1]

    @cached_property
    def actors(self) -> pd.DataFrame:
        """One row per actor (``actor_id``, fullest ``actor`` name, ``aliases``), sorted by mentions."""
        return _entities.build_actors(self.entities, self.quote_speakers, self._quotes_linked[2])

    @cached_property
    def aliases(self) -> pd.DataFrame:
        """One row per (actor, surface form): ``actor_id, actor, form, mentions``."""
        return aliases_table(self.entities)

    @cached_property
    def cooccurrence(self) -> pd.DataFrame:
        """Actor pairs named in the same sentence: ``actor_a, actor_b, sentences, ...``."""
        return _entities.cooccurrence(self.entities)

    @cached_property
    def _timeline_context(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """Sentences the timeline reads (story plus title, caption, datelines...), their tokens and
        entity mentions.

        The story's tokens and mentions are reused as they are, so the timeline names the actors
        of the entities table; only the other sentences are tagged and read for entities (when a
        temporal expression may stand in one of them), and a name there that the story also writes
        takes the story's actor.
        """
        kinds, texts = self.sentences["kind"].tolist(), self.sentences["text"].tolist()
        read = [k not in NON_TIMELINE_KINDS for k in kinds]
        sents = self.sentences if all(read) else rows(self.sentences, read)
        is_extra = [k not in STORY_KINDS for k, r in zip(kinds, read) if r]
        # the sentences outside the story are read (as a table) only when an expression may stand there
        if not any(may_hold_timex(t) for t, k, r in zip(texts, kinds, read) if r and k not in STORY_KINDS):
            return sents, self.tokens, self.entities  # their tokens and mentions go unread
        extra = rows(sents, is_extra)
        extra_tokens = tokenize(self.text, extra)
        extra_entities = _entities.extract_entities(self.text, extra, extra_tokens)
        story_actor: dict[str, str] = {}  # surface form -> actor of its first story mention
        for t, a, how in zip(*(self.entities[c].tolist() for c in ("text", "actor", "how"))):
            if how != How.PRONOUN:
                story_actor.setdefault(t, a)
        actors = [
            story_actor.get(t, a) if how != How.PRONOUN else a
            for t, a, how in zip(*(extra_entities[c].tolist() for c in ("text", "actor", "how")))
        ]
        extra_entities["actor"] = actors
        return (
            sents,
            pd.concat([self.tokens, extra_tokens], ignore_index=True),
            pd.concat([self.entities, extra_entities], ignore_index=True),
        )

    @cached_property
    def timeline(self) -> pd.DataFrame:
        """One row per temporal expression, normalised against the publication date.

        The actors of each row come from the clause it dates, in any sentence the timeline reads
        (a caption's date gets the caption's people).
        """
        sents, tokens, entities = self._timeline_context
        return _timeline.extract_timeline(
            self.text,
            sents,
            published=self.metadata.get("published"),
            entities=entities,
            tokens=tokens,
            actors=self.actors,
        )

    @cached_property
    def term_tokens(self) -> pd.DataFrame:
        """Every token with its term key and the rule that counted or dropped it (computed once,
        read by terms, bigrams, trigrams, term_dispersion, kwic and stats)."""
        return _terms.term_tokens(self.tokens)

    @cached_property
    def terms(self) -> pd.DataFrame:
        """Term frequencies of the story, most frequent first."""
        return _terms.term_table(self.term_tokens)

    @cached_property
    def bigrams(self) -> pd.DataFrame:
        """Two-word collocations with counts and an association score."""
        return _terms.ngrams(self.term_tokens, 2, text=self.text)

    @cached_property
    def trigrams(self) -> pd.DataFrame:
        """Three-word collocations with counts and an association score."""
        return _terms.ngrams(self.term_tokens, 3, text=self.text)

    @cached_property
    def keyness(self) -> pd.DataFrame:
        """Distinctive terms against a general-English frequency list (method named per row)."""
        return _terms.keyness(self.terms)

    @cached_property
    def term_dispersion(self) -> pd.DataFrame:
        """Counts of the top terms per segment of the story."""
        return _terms.term_dispersion(self.term_tokens, self.terms)

    def kwic(self, term: str, *, window: int = 5) -> pd.DataFrame:
        """Keyword-in-context rows for ``term`` (left, match, right, sentence_id, offsets)."""
        return _terms.kwic(self.text, self.term_tokens, term, window=window)

    @cached_property
    def stats(self) -> pd.DataFrame:
        """Summary statistics: words, sentences, quotes, actors, reading time, readability."""
        return _stats.article_stats(self)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return every public table by name, in the order of :data:`TABLES`."""
        return {t.name: getattr(self, t.name) for t in TABLES}


def load_article(path: str | Path, *, published: str | None = None, title: str | None = None) -> Article:
    """Load an article from a ``.txt``, ``.html`` or ``.htm`` file.

    Parameters
    ----------
    path : str or Path
        The file to read.
    published : str, optional
        Publication date (``YYYY-MM-DD``) to use when the text states none or states it wrongly.
    title : str, optional
        Headline to use when the layout picks a wrong line or the page copy has none.

    The metadata's ``provenance`` says, for title, published and authors, which rule and which
    block gave the value (``"override"`` for these arguments), or why there is none.

    Raises
    ------
    ArticleError
        When the file is missing, unreadable, empty, binary, undecodable or of an unsupported format.
    """
    text, file_meta = read_article_file(path)
    source = str(path)
    return Article(text, published=published, title=title, source=source, file_metadata=file_meta)


def slug(article: Article) -> str:
    """Return a filesystem-safe short name for the article (file stem or title)."""
    base = Path(article.source).stem if article.source else (article.metadata.get("title") or "article")
    return re.sub(r"[^\w-]+", "-", base).strip("-").lower()[:80] or "article"
