"""Comparisons across the articles of a :class:`~analysis.corpus.Corpus`.

Each function reads the corpus tables (``actors``, ``quotes``, ``terms``, ``timeline``, ...) and
``corpus.articles`` and returns one tidy DataFrame:

- :func:`actor_share`: each actor's share of the entity mentions per article or per metadata column;
- :func:`speaker_share`: who is quoted, how often and in which form, per group;
- :func:`keyness`: terms distinctive of one group of articles against another (Dunning's
  log-likelihood and Hardie's log ratio, with both groups' counts and frequencies per million);
- :func:`merged_timeline`: every dated expression of every article in date order;
- :func:`shared_quotes`: quotes whose words recur in another article (as a quote or as a sentence of
  the other text, e.g. a transcript), matched on word trigrams;
- :func:`comparison_tables`: all of them at once, as the report and the command line use them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from analysis.extract.quotes.speakers import QUESTIONER_NAME
from analysis.extract.terms import log_likelihood
from analysis.tables import CorpusTables

#: Label of the actors beyond ``top_n`` in :func:`actor_share`.
OTHER_ACTORS = "(other actors)"
#: Label of quotes whose speaker names no actor.
UNKNOWN_SPEAKER = "(unknown speaker)"
#: Sentence kinds :func:`shared_quotes` reads as candidate source wording.
SOURCE_SENTENCE_KINDS = ("body", "heading")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def _key(df: pd.DataFrame) -> str:
    return "actor_id" if "actor_id" in df.columns else "actor"


def _with_group(corpus: CorpusTables, df: pd.DataFrame, by: str) -> pd.DataFrame:
    """Add the group label of each row's article as column ``_grp`` (``by`` may name a table column)."""
    groups = corpus.groups(by).rename(columns={"group": "_grp"})
    return df.merge(groups, on="article_id", how="left")


def _group_order(corpus: CorpusTables, by: str) -> dict[str, int]:
    return {g: i for i, g in enumerate(dict.fromkeys(corpus.groups(by)["group"]))}


def actor_share(corpus: CorpusTables, by: str = "article_id", *, top_n: int | None = None) -> pd.DataFrame:
    """Return each actor's share of the entity mentions in each group of articles.

    Parameters
    ----------
    corpus : Corpus
    by : str
        ``article_id`` or any column of ``corpus.articles`` (``outlet``, ``leaning``...).
    top_n : int, optional
        Keep the ``top_n`` actors with most mentions over the corpus; the rest of each group is one
        :data:`OTHER_ACTORS` row.

    Returns
    -------
    DataFrame
        ``<by>, actor, actor_type, mentions, quotes, articles, share`` (``share`` of the group's
        mentions, 0–1; ``articles``: articles of the group naming the actor), groups in article order,
        most mentioned first.
    """
    actors = corpus.actors
    cols = [by, "actor", "actor_type", "mentions", "quotes", "articles", "share"]
    if not len(actors) or "mentions" not in actors.columns:
        return pd.DataFrame(columns=cols)
    key = _key(actors)
    df = _with_group(corpus, actors, by)
    names = df.groupby(key, sort=False)["actor"].agg(lambda s: s.mode().iloc[0])
    types = df.groupby(key, sort=False)["actor_type"].agg(lambda s: s.mode().iloc[0])
    if top_n is not None:
        top = df.groupby(key)["mentions"].sum().sort_values(ascending=False, kind="stable").head(top_n).index
        df = df.assign(**{key: df[key].where(df[key].isin(top), OTHER_ACTORS)})
        names, types = names.reindex(top), types.reindex(top)
        names[OTHER_ACTORS], types[OTHER_ACTORS] = OTHER_ACTORS, "other"
    out = (
        df.groupby(["_grp", key], sort=False)
        .agg(mentions=("mentions", "sum"), quotes=("quotes", "sum"), articles=("article_id", "nunique"))
        .reset_index()
    )
    out["share"] = out["mentions"] / out.groupby("_grp")["mentions"].transform("sum")
    out["actor"] = out[key].map(names).astype("str")
    out["actor_type"] = out[key].map(types).astype("str")
    out = out.assign(_g=out["_grp"].map(_group_order(corpus, by)), _o=out[key].eq(OTHER_ACTORS))
    out = out.sort_values(["_g", "_o", "mentions", "actor"], ascending=[True, True, False, True], kind="stable")
    keep = ["_grp", *(["actor_id"] if key == "actor_id" else []), *cols[1:]]
    return out[keep].rename(columns={"_grp": by}).reset_index(drop=True)


def _speaker_rows(corpus: CorpusTables) -> pd.DataFrame:
    """One row per (quote, speaker): ``article_id, quote_id, kind, actor_id, speaker``."""
    cols = ["article_id", "quote_id", "kind", "actor_id", "speaker"]
    quotes = corpus.quotes
    if not len(quotes) or "quote_id" not in quotes.columns:
        return pd.DataFrame(columns=cols)
    base = quotes[["article_id", "quote_id", "kind"]]
    qs = corpus.table("quote_speakers") if "quote_speakers" in corpus.table_names else None
    if qs is not None and len(qs) and "actor" in qs.columns:
        pick = [c for c in ("article_id", "quote_id", "actor_id", "actor") if c in qs.columns]
        rows = base.merge(qs[pick], on=["article_id", "quote_id"], how="left").rename(columns={"actor": "speaker"})
    else:
        split = quotes["speaker"].map(lambda s: [p.strip() for p in s.split(";")] if isinstance(s, str) else [None])
        rows = base.assign(speaker=split).explode("speaker")
    if "speaker" in quotes.columns:  # a transcript's questioner is nobody's share
        asked = {(a, q) for a, q, s in zip(quotes["article_id"], quotes["quote_id"], quotes["speaker"]) if s == QUESTIONER_NAME}
        rows = rows[[(a, q) not in asked for a, q in zip(rows["article_id"], rows["quote_id"])]]
    named = rows["speaker"].map(lambda s: isinstance(s, str) and bool(s))
    ids = rows["actor_id"] if "actor_id" in rows.columns else rows["speaker"]
    rows = rows.assign(
        actor_id=[str(i) if n and isinstance(i, str) and i else None for i, n in zip(ids, named)],
        speaker=rows["speaker"].where(named, UNKNOWN_SPEAKER),
    )
    rows["actor_id"] = rows["actor_id"].fillna(rows["speaker"])
    return rows[cols].reset_index(drop=True)


def speaker_share(corpus: CorpusTables, by: str = "article_id") -> pd.DataFrame:
    """Return who is quoted in each group of articles: counts per quote kind and share of the quotes.

    A joint quote counts once for each of its speakers (from ``quote_speakers`` when the articles
    have it, else from the ``; ``-joined ``speaker``); quotes with no named speaker count as
    :data:`UNKNOWN_SPEAKER`.  Speakers are told apart by their corpus ``actor_id``.

    Returns
    -------
    DataFrame
        ``<by>, actor_id, speaker, quotes, direct, partial, indirect, articles, share`` (``share``
        of the group's quote–speaker rows), groups in article order, most quoted first.
    """
    rows = _with_group(corpus, _speaker_rows(corpus), by)
    cols = [by, "actor_id", "speaker", "quotes", "direct", "partial", "indirect", "articles", "share"]
    if not len(rows):
        return pd.DataFrame(columns=cols)
    kinds = pd.crosstab([rows["_grp"], rows["actor_id"]], rows["kind"]).reindex(
        columns=["direct", "partial", "indirect"], fill_value=0
    )
    out = kinds.assign(quotes=kinds.sum(axis=1)).reset_index()
    out.columns.name = None
    keys = ["_grp", "actor_id"]
    per = rows.groupby(keys).agg(articles=("article_id", "nunique"), speaker=("speaker", "first")).reset_index()
    out = out.merge(per, on=keys)
    out["share"] = out["quotes"] / out.groupby("_grp")["quotes"].transform("sum")
    out = out.assign(_g=out["_grp"].map(_group_order(corpus, by)), _u=out["speaker"].eq(UNKNOWN_SPEAKER))
    out = out.sort_values(["_g", "_u", "quotes", "speaker"], ascending=[True, True, False, True], kind="stable")
    return out[["_grp", *cols[1:]]].rename(columns={"_grp": by}).reset_index(drop=True)


def keyness(corpus: CorpusTables, a, b=None, *, min_count: int = 2, names: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
    """Return the terms distinctive of articles ``a`` against articles ``b``.

    Parameters
    ----------
    corpus : Corpus
    a, b : list of article_id, one article_id, or a boolean mask over ``corpus.articles``
        The two groups; ``b`` defaults to every other article.
    min_count : int
        Only terms seen at least this often in the two groups together.
    names : (str, str)
        Labels of the groups in the ``favours`` column.

    Returns
    -------
    DataFrame
        ``term, count_a, count_b, per_million_a, per_million_b, articles_a, articles_b,
        log_likelihood, log_ratio, p_value, favours``: ``log_likelihood`` is Dunning's G2, positive
        when the term is relatively more frequent in ``a``; ``log_ratio`` is Hardie's (2014)
        ``log2`` of the ratio of relative frequencies (a zero count counts as 0.5); ``p_value`` from
        chi-square with one degree of freedom.  Most distinctive of ``a`` first, of ``b`` last.
    """
    ids_a = corpus.select(a)
    ids_b = corpus.select(b) if b is not None else [i for i in corpus.articles["article_id"] if i not in set(ids_a)]
    words = dict(zip(corpus.articles["article_id"], corpus.articles["words"].fillna(0)))
    n_a, n_b = float(sum(words[i] for i in ids_a)), float(sum(words[i] for i in ids_b))
    if not n_a or not n_b:
        raise ValueError("keyness needs words in both groups (a group is empty or all its articles failed)")
    terms = corpus.terms[["article_id", "term", "count"]]
    parts = []
    for ids, tag in ((ids_a, "a"), (ids_b, "b")):
        sel = terms[terms["article_id"].isin(ids)].groupby("term")
        parts.append(sel.agg(**{f"count_{tag}": ("count", "sum"), f"articles_{tag}": ("article_id", "nunique")}))
    df = pd.concat(parts, axis=1).fillna(0).astype("int64").reset_index()
    df = df[df["count_a"] + df["count_b"] >= min_count]
    ca, cb = df["count_a"].to_numpy(float), df["count_b"].to_numpy(float)
    g2 = np.array([log_likelihood(x, y, n_a, n_b) for x, y in zip(ca.tolist(), cb.tolist())], dtype=float)
    df = df.assign(
        per_million_a=ca / n_a * 1e6,
        per_million_b=cb / n_b * 1e6,
        log_likelihood=g2,
        log_ratio=np.log2((np.maximum(ca, 0.5) / n_a) / (np.maximum(cb, 0.5) / n_b)),
        p_value=[math.erfc(math.sqrt(abs(g) / 2)) for g in g2],
        favours=np.where(g2 >= 0, names[0], names[1]),
    )
    cols = ["term", "count_a", "count_b", "per_million_a", "per_million_b", "articles_a", "articles_b",
            "log_likelihood", "log_ratio", "p_value", "favours"]  # fmt: skip
    df = df.sort_values(["log_likelihood", "term"], ascending=[False, True], kind="stable")[cols]
    df.attrs.update(words_a=int(n_a), words_b=int(n_b), names=tuple(names))
    return df.reset_index(drop=True).astype({"term": "str", "favours": "str"})


TIMELINE_COLUMNS = ["article_id", "title", "outlet", "published", "timex_id", "sentence_id", "start", "end",
                    "text", "type", "value", "date_start", "date_end", "event", "actors"]  # fmt: skip


def merged_timeline(corpus: CorpusTables) -> pd.DataFrame:
    """Return every dated expression (a ``date_start``) of every article, earliest first.

    Columns: ``article_id, title, outlet, published`` then the timeline's ``timex_id, sentence_id,
    start, end, text, type, value, date_start, date_end, event, actors``; ties keep article order.
    """
    tl = corpus.timeline
    if not len(tl) or "date_start" not in tl.columns:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    tl = tl[tl["date_start"].notna()]
    meta = corpus.articles[["article_id", "title", "outlet", "published"]]
    df = tl.merge(meta, on="article_id", how="left", sort=False)
    order = {aid: i for i, aid in enumerate(corpus.articles["article_id"])}
    df = df.assign(_a=df["article_id"].map(order)).sort_values(["date_start", "_a", "start"], kind="stable")
    return df[[c for c in TIMELINE_COLUMNS if c in df.columns]].reset_index(drop=True)


def _words(text: str) -> list[str]:
    return _WORD.findall(str(text).lower().translate(_APOSTROPHES))


def _shingles(words: list[str], n: int = 3) -> frozenset:
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _units(corpus: CorpusTables, min_words: int) -> pd.DataFrame:
    """Quotes, and story sentences holding no quote, with their word trigrams."""
    q = corpus.quotes
    s = corpus.sentences
    cols = ["article_id", "unit", "quote_id", "sentence_id", "kind", "speaker", "start", "end", "text"]
    quotes = pd.DataFrame(columns=cols)
    if len(q) and "quote_id" in q.columns:
        quotes = q.assign(unit="quote")[cols]
    quoted = set(zip(q["article_id"], q["sentence_id"])) if len(q) and "sentence_id" in q.columns else set()
    if len(s) and "kind" in s.columns:
        free = np.array([k not in quoted for k in zip(s["article_id"], s["sentence_id"])], dtype=bool)
        keep = s["kind"].isin(SOURCE_SENTENCE_KINDS).to_numpy() & free
        sents = s[keep].assign(unit="sentence", quote_id=pd.NA, speaker=None)[cols]
        units = pd.concat([quotes, sents], ignore_index=True) if len(quotes) else sents.reset_index(drop=True)
    else:
        units = quotes.reset_index(drop=True)
    grams = units["text"].map(lambda t: _shingles(_words(t)))
    n_words = units["text"].map(lambda t: len(_words(t)))
    return units.assign(_grams=grams)[(n_words >= min_words) & (grams.map(len) > 0)].reset_index(drop=True)


def _matches(units: pd.DataFrame, min_similarity: float, max_postings: int = 500) -> list[tuple[int, int, float]]:
    """Pairs (quote, unit of another article) sharing at least ``min_similarity`` of the shorter's trigrams."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, grams in enumerate(units["_grams"]):
        for g in grams:
            index[g].append(i)
    arts, grams, kinds = units["article_id"].tolist(), units["_grams"].tolist(), units["unit"].tolist()
    pairs = []
    for i in (i for i, k in enumerate(kinds) if k == "quote"):
        shared = Counter(j for g in grams[i] if len(index[g]) <= max_postings for j in index[g] if arts[j] != arts[i])
        for j, n in shared.items():
            sim = n / min(len(grams[i]), len(grams[j]))
            if sim >= min_similarity:
                pairs.append((i, j, sim))
    return pairs


def _components(n: int, pairs: list[tuple[int, int, float]]) -> list[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in pairs:
        parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def shared_quotes(corpus: CorpusTables, *, min_similarity: float = 0.6, min_words: int = 5) -> pd.DataFrame:
    """Return the quotes whose words recur in other articles, with every article and speaker.

    A quote matches a quote of another article, or a story sentence of another article that holds
    no quote (the source wording in a transcript or statement), when they share at least
    ``min_similarity`` of the shorter one's word trigrams (lower-cased words, apostrophes unified;
    containment, so a partial quote matches the longer sentence it was cut from).  Matches chain
    into groups; a group spans at least two articles.

    Returns
    -------
    DataFrame
        One row per member: ``group_id, n_articles, article_id, unit`` (``quote`` or ``sentence``)
        ``, quote_id, sentence_id, kind, speaker, start, end, text, similarity`` (the best match of
        the member in another article); ``text`` is the article's text at ``start:end``.
    """
    cols = ["group_id", "n_articles", "article_id", "unit", "quote_id", "sentence_id", "kind", "speaker",
            "start", "end", "text", "similarity"]  # fmt: skip
    units = _units(corpus, min_words)
    pairs = _matches(units, min_similarity) if len(units) else []
    if not pairs:
        return pd.DataFrame(columns=cols)
    best: dict[int, float] = {}
    for i, j, sim in pairs:
        best[i], best[j] = max(best.get(i, 0), sim), max(best.get(j, 0), sim)
    members = sorted(best)
    roots = _components(len(units), pairs)
    df = units.loc[members].assign(_root=[roots[i] for i in members], similarity=[best[i] for i in members])
    n_art = df.groupby("_root")["article_id"].nunique()
    df = df[df["_root"].map(n_art) >= 2].assign(n_articles=lambda d: d["_root"].map(n_art))
    order = {aid: i for i, aid in enumerate(corpus.articles["article_id"])}
    df = df.assign(_a=df["article_id"].map(order))
    first = df.groupby("_root")["_a"].min()
    df = df.assign(_f=df["_root"].map(first)).sort_values(["n_articles", "_f", "_root", "_a", "start"],
                                                          ascending=[False, True, True, True, True], kind="stable")  # fmt: skip
    df["group_id"] = pd.factorize(df["_root"])[0] + 1
    return df[cols].astype({"quote_id": "Int64", "speaker": "str"}).reset_index(drop=True)


def default_group(corpus: CorpusTables) -> str:
    """Return ``outlet`` when the articles come from two outlets or more, else ``article_id``."""
    outlets = corpus.articles["outlet"].dropna().unique()
    return "outlet" if 2 <= len(outlets) < len(corpus.articles) else "article_id"


def comparison_tables(corpus: CorpusTables, *, by: str | None = None) -> dict[str, pd.DataFrame]:
    """Return the comparison tables of the report (keyness: the first group of ``by`` against the rest)."""
    by = by or default_group(corpus)
    groups = corpus.groups(by)
    ok = groups[corpus.articles["error"].isna().to_numpy()]
    first = ok["group"].iloc[0] if len(ok) else None
    out = {"actor_share": actor_share(corpus, by=by), "speaker_share": speaker_share(corpus, by=by)}
    try:
        mask = (groups["group"] == first).to_numpy()
        out["keyness"] = keyness(corpus, mask, names=(str(first)[:30], "the others"))
    except (ValueError, KeyError):
        out["keyness"] = pd.DataFrame(columns=["term", "count_a", "count_b", "log_likelihood", "favours"])
    out["merged_timeline"] = merged_timeline(corpus)
    out["shared_quotes"] = shared_quotes(corpus)
    return out
