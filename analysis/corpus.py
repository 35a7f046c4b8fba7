"""A corpus: many articles read in parallel, their tables concatenated, and comparisons between them.

:func:`load_corpus` reads a folder, a glob, a list of paths or a DataFrame of texts.  Each batch
of articles goes through :func:`analysis.batches.analyse_batch`, a pure function, in a plain loop,
on a local Dask cluster started here, or on an existing cluster (:mod:`analysis.batches`).  The
driver writes each batch's tables to a Parquet dataset on disk as it arrives
(``<tables_dir>/<table>/part-NNNNN.parquet``, or hive partitions with ``partition_on``) and keeps
only one row per article in memory, so its memory stays flat in the number of articles.
:class:`Corpus` reads a table from disk the first time it is asked for.

After the articles load, their actors are linked across articles (:mod:`analysis.extract.identities`):
``corpus.identities`` has one row per corpus actor, ``corpus.actor_links`` maps each article's
actor to it, and every corpus table read through :class:`Corpus` carries the corpus ``actor_id``
(the article's own as ``article_actor_id``).  The Parquet datasets on disk keep the article ids;
``actor_links`` joins them.

A failed article keeps its row in ``corpus.articles`` with its :class:`ArticleError` message; the
batch goes on.
"""

from __future__ import annotations

import glob as _glob
import os
import re
import shutil
import tempfile
import time
import weakref
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.article import Article
from analysis.batches import (
    ACTOR_TITLES,
    BATCH_MAX,
    LOCAL_CLUSTER_MIN,
    CorpusError,
    CorpusWarning,
    Writer,
    analyse_article,
    analyse_batch,
    build_article,
    conform_dataset,
    execute,
    to_parquet_bytes,
)
from analysis.errors import ArticleError
from analysis.extract import compare
from analysis.extract import identities as _identities
from analysis.present.numbers import ReadableFrame
from analysis.present.plotting import CorpusPlot

#: File suffixes a folder source reads (give a glob or a list for other names).
FOLDER_SUFFIXES = (".txt", ".html", ".htm")
#: Metadata file looked up in a folder source when ``metadata`` is not given.
METADATA_NAMES = ("metadata.csv", "metadata.tsv")
#: Columns of a metadata table that can name the article it describes, tried in this order.
KEY_COLUMNS = ("article_id", "file", "filename", "file_name", "path", "source", "name")
#: Columns of ``corpus.articles`` before any user metadata column.
ARTICLE_COLUMNS = [
    "article_id", "source", "title", "outlet", "authors", "published",
    "words", "sentences", "quotes", "actors", "error",
]  # fmt: skip
_ARTICLE_DTYPES = {
    "article_id": "str", "source": "str", "title": "str", "outlet": "str", "published": "str",
    "words": "Int64", "sentences": "Int64", "quotes": "Int64", "actors": "Int64", "error": "str",
}  # fmt: skip
#: Tables the corpus builds from all the articles: one row per corpus actor, one per article actor.
IDENTITY_TABLES = ("identities", "actor_links")


# -- the driver: sources and metadata ---------------------------------------------------------------
def paths_from(source: str | os.PathLike | Iterable) -> list[Path]:
    """Return the article files a source names: a folder's ``.txt``/``.html``/``.htm`` files (sorted),
    the files a glob matches (sorted), one path, or each path of a list.

    Raises
    ------
    ArticleError
        When a folder holds no article file or a glob matches no file.
    """
    if isinstance(source, str | os.PathLike):
        p = Path(source)
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in FOLDER_SUFFIXES)
            if not found:
                raise ArticleError(f"{p}: no .txt, .html or .htm files in this folder")
            return found
        if any(ch in str(source) for ch in "*?["):
            found = sorted(Path(f) for f in _glob.glob(str(source), recursive=True) if Path(f).is_file())
            if not found:
                raise ArticleError(f"{source}: no file matches this pattern")
            return found
        return [p]
    return [Path(s) for s in source]


def _unique_ids(names: Iterable[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = re.sub(r"\s+", "-", str(name).strip()) or "article"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def _items_from_frame(frame: pd.DataFrame) -> list[dict]:
    if "text" not in frame.columns:
        raise ArticleError("DataFrame source: no 'text' column")
    width = len(str(len(frame)))
    if "article_id" in frame.columns:
        ids = frame["article_id"].astype(str).tolist()
        dup = sorted({i for i in ids if ids.count(i) > 1}) if len(set(ids)) < len(ids) else []
        if dup:
            raise ArticleError(f"DataFrame source: article_id values repeat: {', '.join(dup[:5])}")
    else:
        ids = [f"article-{i:0{width}d}" for i in range(1, len(frame) + 1)]
    cols = [c for c in ("published", "title", "outlet", "layout") if c in frame.columns]
    items = []
    for aid, text, *vals in zip(ids, frame["text"], *(frame[c] for c in cols)):
        extra = {c: _value(v) for c, v in zip(cols, vals)}
        items.append({"article_id": aid, "text": text, **extra})
    return items


def _value(v: Any) -> Any:
    """Return a metadata value as the items carry it: None when missing, dates as ``YYYY-MM-DD``."""
    if _missing(v):
        return None
    return v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v


def _missing(v: Any) -> bool:
    return v is None or (not isinstance(v, list | tuple | dict) and bool(pd.isna(v)))


def _read_metadata(metadata: str | os.PathLike | pd.DataFrame) -> pd.DataFrame:
    if isinstance(metadata, pd.DataFrame):
        return metadata.copy()
    p = Path(metadata)
    if not p.is_file():
        raise ArticleError(f"{p}: metadata file not found")
    sep = "\t" if p.suffix.lower() in (".tsv", ".tab") else ","
    try:
        return pd.read_csv(p, sep=sep, dtype=str, keep_default_na=False, na_values=[""])
    except (ValueError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{p}: cannot read metadata ({exc})") from exc


def _join_metadata(items: list[dict], metadata: pd.DataFrame) -> pd.DataFrame:
    """Copy each metadata row onto its items; return the user columns per article_id."""
    key = next((c for c in KEY_COLUMNS if c in metadata.columns), None)
    if key is None:
        raise ArticleError(f"metadata: no key column (expected one of {', '.join(KEY_COLUMNS)})")
    cols = [c for c in metadata.columns if c != key]
    lookup = {str(k).strip(): rec for k, rec in zip(metadata[key], metadata[cols].to_dict("records"))}
    extra = []
    for item in items:
        names = [item["article_id"]]
        if item.get("path") is not None:
            p = Path(item["path"])
            names += [p.name, p.stem, str(p)]
        rec = next((lookup[n] for n in names if n in lookup), {})
        for c in ("published", "title", "outlet", "layout"):
            if c in rec and not _missing(rec[c]):
                item[c] = _value(rec[c])
        extra.append({"article_id": item["article_id"], **{c: rec.get(c) for c in cols}})
    user = [c for c in cols if c not in ARTICLE_COLUMNS and c != "layout"]
    return pd.DataFrame(extra, columns=["article_id", *cols])[["article_id", *user]]


def _items(source, metadata) -> tuple[list[dict], pd.DataFrame | None]:
    """Return the work items (a DataFrame source's items hold its texts) and the user metadata columns."""
    if isinstance(source, pd.DataFrame):
        items = _items_from_frame(source)
    else:
        paths = paths_from(source)
        ids = _unique_ids(p.stem for p in paths)
        items = [{"article_id": aid, "path": str(p)} for aid, p in zip(ids, paths)]
        if metadata is None and isinstance(source, str | os.PathLike) and Path(source).is_dir():
            metadata = next((Path(source) / n for n in METADATA_NAMES if (Path(source) / n).is_file()), None)
    if not items:
        raise ArticleError("empty corpus: no articles in the source")
    user = _join_metadata(items, _read_metadata(metadata)) if metadata is not None else None
    return items, user


def _articles_frame(rows: list[dict], user: pd.DataFrame | None) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=ARTICLE_COLUMNS).astype(_ARTICLE_DTYPES)
    df["authors"] = df["authors"].map(lambda v: list(v) if isinstance(v, list | tuple | np.ndarray) else [])
    if user is not None and len(user.columns) > 1:
        df = df.merge(user, on="article_id", how="left", sort=False)
    return df


def load_corpus(
    source: str | os.PathLike | Sequence[str | os.PathLike] | pd.DataFrame,
    *,
    metadata: str | os.PathLike | pd.DataFrame | None = None,
    scheduler: Any = None,
    workers: int | None = None,
    progress: bool = True,
    tables_dir: str | os.PathLike | None = None,
    same_actor: Iterable[tuple] = (),
    different_actor: Iterable[tuple] = (),
    partition_on: str | None = None,
) -> Corpus:
    """Read many articles and build every table of each, in parallel on Dask when worth it.

    Parameters
    ----------
    source : folder, glob, list of paths, or DataFrame
        A folder (its ``.txt``, ``.html`` and ``.htm`` files), a glob (``"news/**/*.txt"``), a list
        of paths, or a DataFrame with a ``text`` column (optional ``article_id``, ``published``,
        ``title``, ``outlet``).  Article ids are the file stems (made unique) or ``article_id``.
    metadata : path or DataFrame, optional
        CSV/TSV or DataFrame keyed by ``article_id`` or a file name/stem (column ``file``,
        ``filename``, ``path``...).  ``published``, ``title`` and ``outlet`` override what the
        text states; any other column (``leaning``...) is added to ``corpus.articles``.  A folder
        source uses its ``metadata.csv`` / ``metadata.tsv`` when this is not given.
    scheduler : None, "synchronous", "local", address or distributed.Client
        None: a plain loop for fewer than :data:`LOCAL_CLUSTER_MIN` articles (or ``workers=1``),
        else a local Dask cluster of ``workers`` processes (default: one per CPU) started and
        closed here.  ``"tcp://host:8786"`` or a ``Client`` runs the same batches on an existing
        cluster (its workers need this package and must be able to read the paths; a DataFrame
        source ships the texts).
    workers : int, optional
        Processes of the local cluster.
    progress : bool
        Show a progress bar (stderr) for runs of :data:`LOCAL_CLUSTER_MIN` articles or more.
    tables_dir : path, optional
        Where the Parquet datasets go (default: a temporary folder removed with the corpus).
    partition_on : str, optional
        A column of ``corpus.articles`` (``outlet``, ``published``, a metadata column, or
        ``article_id``) that splits every table's dataset into hive directories
        (``<table>/outlet=NATO/part-00000.parquet``), so a reader loads one group alone
        (``pd.read_parquet(path, filters=[("outlet", "==", "NATO")])``).  Without it each table is
        one folder of files, each holding whole articles.
    same_actor, different_actor : list of (a, b)
        Overrides of the corpus identities (:mod:`analysis.extract.identities`): ``a`` and ``b``
        are actor ids (of any article, e.g. ``("korvel", "dana-korvel")``) or ``(article_id,
        actor_id)`` pairs naming one article's actor; ``same_actor`` joins them into one corpus
        actor, ``different_actor`` keeps them apart whatever the rules find.  ``corpus.identities``
        shows every corpus actor and the article actors it joins.

    Raises
    ------
    CorpusError
        When an override names no actor of the corpus, or the two overrides disagree.

    Examples
    --------
    >>> import pandas as pd
    >>> c = load_corpus(pd.DataFrame({"text": ["Ann Lee said it rained.", "  "], "layout": "plain"}), progress=False)
    >>> c.articles[["article_id", "sentences"]].values.tolist()
    [['article-1', 1], ['article-2', <NA>]]
    >>> c.articles["error"].tolist()
    [nan, 'article-2: text is empty or holds only whitespace']
    >>> c.sentences.columns[0]
    'article_id'
    """
    items, user = _items(source, metadata)
    if partition_on is not None:
        _partition_values(items, user, partition_on)
    owned = tables_dir is None
    root = Path(tempfile.mkdtemp(prefix="workbook-corpus-") if owned else tables_dir)
    root.mkdir(parents=True, exist_ok=True)
    for old in root.glob("*/**/part-*.parquet"):  # a re-run replaces the previous datasets
        old.unlink()
    run = {"scheduler": scheduler, "workers": workers, "progress": progress, "partition_on": partition_on}
    corpus = _build(items, user, root, run, same_actor=same_actor, different_actor=different_actor)
    if owned:
        weakref.finalize(corpus, shutil.rmtree, str(root), True)
    return corpus


def _build(items: list[dict], user: pd.DataFrame | None, root: Path, run: dict, **overrides) -> Corpus:
    """Analyse the items into ``root``, link the actors, and return the corpus (with its ``timings``)."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    writer = Writer(root)
    rows = execute(items, writer, run["scheduler"], run["workers"], run["progress"], run["partition_on"])
    timings["analyse"] = time.perf_counter() - clock
    clock = time.perf_counter()
    writer.finish()
    articles = _articles_frame(rows, user)
    _write_single(root / "articles", articles)
    timings["conform"] = time.perf_counter() - clock
    names = list(writer.tables)
    if "actors" in writer.tables:
        clock = time.perf_counter()
        link_corpus_actors(root, articles["article_id"].tolist(), **overrides)
        names += list(IDENTITY_TABLES)
        timings["link"] = time.perf_counter() - clock
    corpus = Corpus(articles, root, names, items=items)
    corpus.timings = timings
    return corpus


def _partition_values(items: list[dict], user: pd.DataFrame | None, column: str) -> None:
    """Give each item the value of a metadata column it is partitioned on (``item["partition"]``)."""
    if column in ARTICLE_COLUMNS:
        return  # the workers read it from the article's summary row
    if user is None or column not in user.columns:
        known = [*ARTICLE_COLUMNS, *([] if user is None else user.columns[1:])]
        raise CorpusError(f"partition_on={column!r}: not a column of corpus.articles ({', '.join(known)})")
    values = dict(zip(user["article_id"], user[column]))
    for item in items:
        item["partition"] = _value(values.get(item["article_id"]))


def _write_single(folder: Path, df: pd.DataFrame) -> None:
    """Write ``df`` as the one part of the dataset ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "part-00000.parquet").write_bytes(to_parquet_bytes(df))


#: Columns of the ``actors`` dataset the corpus linking reads.
_LINK_READS = ["article_id", "actor_id", "actor", "actor_type", "mentions", "quotes", "names"]


def link_corpus_actors(
    root: Path, article_ids: Sequence[str], *, same_actor: Iterable[tuple] = (), different_actor: Iterable[tuple] = ()
) -> None:
    """Link the article actors of the datasets under ``root`` into corpus actors; write
    ``identities`` and ``actor_links`` beside them (:func:`analysis.extract.identities.link_actors`).

    Reads only the ``actors`` and ``actor_titles`` datasets (one row per actor, not per mention), in
    the order of ``article_ids`` (so the result does not depend on how the files were split).
    """
    actors = pd.read_parquet(root / "actors", columns=_LINK_READS, partitioning=None)
    order = {aid: i for i, aid in enumerate(article_ids)}
    pos = actors["article_id"].map(order).to_numpy()
    actors = actors.iloc[np.argsort(pos, kind="stable")].reset_index(drop=True)
    titles_dir = root / ACTOR_TITLES
    titles = pd.read_parquet(titles_dir, partitioning=None) if any(titles_dir.rglob("part-*.parquet")) else None
    try:
        identities, links = _identities.link_actors(
            actors, titles, same_actor=same_actor, different_actor=different_actor
        )
    except ValueError as exc:
        raise CorpusError(str(exc)) from exc
    _write_single(root / "identities", identities)
    _write_single(root / "actor_links", links)


# -- the corpus --------------------------------------------------------------------------------
class Corpus:
    """Articles and their tables (read from the Parquet datasets on first use), with comparisons.

    ``corpus.articles`` has one row per article; ``corpus.<table>`` (``quotes``, ``actors``,
    ``timeline``, ``terms``...: :attr:`table_names`) is that table of every article with
    ``article_id`` first, its actors named by their corpus ``actor_id`` and display name (the
    article's id kept as ``article_actor_id``); ``corpus.identities`` lists the corpus actors and
    the article actors each joins; ``corpus[article_id]`` rebuilds one :class:`Article` (with the
    article's own ids).
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        tables_dir: Path,
        table_names: list[str],
        *,
        items: list[dict] | None = None,
    ) -> None:
        self.articles = articles
        self.tables_dir = Path(tables_dir)
        self.table_names = table_names or _default_table_names()
        self._items = {i["article_id"]: i for i in items or []}
        self._cache: dict[str, pd.DataFrame] = {}
        #: Seconds :func:`load_corpus` spent analysing (workers and writing), conforming the
        #: datasets and linking the actors.
        self.timings: dict[str, float] = {}

    def __repr__(self) -> str:
        failed = int(self.articles["error"].notna().sum())
        return f"<Corpus: {len(self.articles)} articles ({failed} failed), tables: {', '.join(self.table_names)}>"

    def __len__(self) -> int:
        return len(self.articles)

    @cached_property
    def plot(self) -> CorpusPlot:
        """The comparison charts, one method each (``corpus.plot.actor_share(by="outlet")``)."""
        return CorpusPlot(self)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.table_names))

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or name not in self.__dict__.get("table_names", ()):
            raise AttributeError(name)
        return self.table(name)

    def table(self, name: str) -> pd.DataFrame:
        """Return one table of every article, ``article_id`` first, in the order of ``articles``."""
        if name not in self.table_names:
            raise KeyError(f"no table {name!r}; tables: {', '.join(self.table_names)}")
        if name not in self._cache:
            df = self._read(name)
            if name in _identities.ACTOR_TABLES and self._identity_map is not None:
                df = _identities.apply_links(name, df, self._identity_map)
            self._cache[name] = df
        return self._cache[name].copy()

    def _read(self, name: str) -> pd.DataFrame:
        folder = self.tables_dir / name
        if not any(folder.rglob("part-*.parquet")):
            return pd.DataFrame({"article_id": pd.Series(dtype="str")})
        df = pd.read_parquet(folder, partitioning=None)  # partition columns are in corpus.articles
        if "article_id" not in df.columns:
            return df
        order = {aid: i for i, aid in enumerate(self.articles["article_id"])}
        pos = df["article_id"].map(order)
        return df.iloc[np.argsort(pos.to_numpy(), kind="stable")].reset_index(drop=True)

    @cached_property
    def _identity_map(self) -> _identities.IdentityMap | None:
        """Article actor -> corpus actor, from the ``actor_links`` and ``identities`` datasets."""
        if not all(any((self.tables_dir / n).rglob("part-*.parquet")) for n in (*IDENTITY_TABLES, "actors")):
            return None
        actors = self._read("actors")[["article_id", "actor_id", "actor"]]
        return _identities.IdentityMap.build(self._read("actor_links"), self._read("identities"), actors)

    def __getitem__(self, article_id: str) -> Article:
        """Return the :class:`Article` of ``article_id`` (rebuilt from its file or text)."""
        if article_id not in self._items:
            raise KeyError(article_id)
        return build_article(self._items[article_id])

    def groups(self, by: str = "article_id") -> pd.DataFrame:
        """Return ``article_id`` and the group label of each article (missing labels: "(none)")."""
        if by not in self.articles.columns:
            raise KeyError(f"no column {by!r} in corpus.articles; columns: {', '.join(self.articles.columns)}")
        label = self.articles[by].map(lambda v: "(none)" if _missing(v) else str(v))
        return pd.DataFrame({"article_id": self.articles["article_id"], "group": label.astype("str")})

    def select(self, which) -> list[str]:
        """Return the article ids ``which`` names: ids, one id, or a boolean mask over ``articles``."""
        ids = self.articles["article_id"]
        if isinstance(which, str):
            which = [which]
        arr = np.asarray(which)
        if arr.dtype == bool:
            if len(arr) != len(ids):
                raise ValueError(f"mask has {len(arr)} values for {len(ids)} articles")
            return ids[arr].tolist()
        unknown = sorted(set(map(str, arr.tolist())) - set(ids))
        if unknown:
            raise KeyError(f"unknown article_id: {', '.join(unknown[:5])}")
        return [str(a) for a in arr.tolist()]

    # comparisons live in analysis.extract.compare; thin methods keep them one call away.
    def actor_share(self, by: str = "article_id", *, top_n: int | None = None) -> pd.DataFrame:
        """Return each actor's share of the mentions in each group (see :func:`analysis.extract.compare.actor_share`)."""
        return _readable(compare.actor_share(self, by=by, top_n=top_n))

    def speaker_share(self, by: str = "article_id") -> pd.DataFrame:
        """Return who is quoted, how often and how, in each group (see :func:`analysis.extract.compare.speaker_share`)."""
        return _readable(compare.speaker_share(self, by=by))

    def keyness(self, a, b=None, *, min_count: int = 2, names: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
        """Return the terms distinctive of group ``a`` against group ``b`` (default: every other article)."""
        return _readable(compare.keyness(self, a, b, min_count=min_count, names=names))

    def merged_timeline(self) -> pd.DataFrame:
        """Return every dated expression of every article, in date order, with its article and actors."""
        return compare.merged_timeline(self)

    def shared_quotes(self, *, min_similarity: float = 0.6, min_words: int = 5) -> pd.DataFrame:
        """Return quotes whose words recur in other articles (see :func:`analysis.extract.compare.shared_quotes`)."""
        return _readable(compare.shared_quotes(self, min_similarity=min_similarity, min_words=min_words))


__all__ = [
    "ACTOR_TITLES", "BATCH_MAX", "IDENTITY_TABLES", "LOCAL_CLUSTER_MIN", "Corpus", "CorpusError", "CorpusWarning",
    "analyse_article", "analyse_batch", "build_article", "conform_dataset", "link_corpus_actors", "load_corpus",
    "paths_from", "to_parquet_bytes",
]  # fmt: skip


def _readable(df: pd.DataFrame) -> ReadableFrame:
    """The comparison table as a :class:`~analysis.present.numbers.ReadableFrame`: a notebook shows
    percent shares and rounded statistics; the values (and any CSV written from them) stay exact."""
    out = ReadableFrame(df)
    out.attrs.update(df.attrs)
    return out


def _default_table_names() -> list[str]:
    """Table names of an article (used when every article failed and no table was written)."""
    return [*Article.from_text("It rained.", layout="plain").tables(), ACTOR_TITLES, *IDENTITY_TABLES]
