"""A corpus: many articles read in parallel, their tables concatenated, and comparisons between them.

:func:`load_corpus` reads a folder, a glob, a list of paths or a DataFrame of texts.  Each article
goes through :func:`analyse_batch`, a pure function (article items in, Parquet bytes of every table
out, explicit dtypes, nothing global mutated), so the same code runs in a plain loop, on a local
Dask cluster started here, or on an existing cluster.  The driver writes each batch's tables to a
Parquet dataset on disk as it arrives (``<tables_dir>/<table>/part-NNNNN.parquet``) and keeps only
one row per article in memory, so its memory stays flat in the number of articles.
:class:`Corpus` reads a table from disk the first time it is asked for.

A failed article keeps its row in ``corpus.articles`` with its :class:`ArticleError` message; the
batch goes on.
"""

from __future__ import annotations

import glob as _glob
import io
import math
import os
import re
import shutil
import sys
import tempfile
import weakref
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.article import Article, load_article
from analysis.errors import ArticleError
from analysis.extract import compare
from analysis.present.plotting import CorpusPlot

#: File suffixes a folder source reads (give a glob or a list for other names).
FOLDER_SUFFIXES = (".txt", ".html", ".htm")
#: Metadata file looked up in a folder source when ``metadata`` is not given.
METADATA_NAMES = ("metadata.csv", "metadata.tsv")
#: Columns of a metadata table that can name the article it describes, tried in this order.
KEY_COLUMNS = ("article_id", "file", "filename", "file_name", "path", "source", "name")
#: Fewer articles than this run in a plain loop when no scheduler or worker count is given.
LOCAL_CLUSTER_MIN = 20
#: Most articles per task (one Parquet file per table per task).
BATCH_MAX = 10
#: Columns of ``corpus.articles`` before any user metadata column.
ARTICLE_COLUMNS = [
    "article_id", "source", "title", "outlet", "authors", "published",
    "words", "sentences", "quotes", "actors", "error",
]  # fmt: skip
_ARTICLE_DTYPES = {
    "article_id": "str", "source": "str", "title": "str", "outlet": "str", "published": "str",
    "words": "Int64", "sentences": "Int64", "quotes": "Int64", "actors": "Int64", "error": "str",
}  # fmt: skip
_OVERRIDES = ("title", "outlet")


# -- the per-article function (runs on the workers) ----------------------------------------------
def build_article(item: dict) -> Article:
    """Return the :class:`Article` an item describes (``path`` or ``text``, plus metadata overrides)."""
    published = item.get("published") or None
    if item.get("path") is not None:
        art = load_article(item["path"], published=published)
    else:
        name = item.get("name") or item["article_id"]
        art = Article(item.get("text"), published=published, source=name, layout=item.get("layout", "auto"))
    for key in _OVERRIDES:
        if item.get(key):
            art.metadata[key] = item[key]
    return art


def _summary_row(item: dict, art: Article | None, error: str | None) -> dict:
    row = {"article_id": item["article_id"], "source": item.get("path") or item.get("name"), "error": error}
    if art is None:
        return {**row, **{k: item.get(k) for k in ("title", "outlet", "published")}, "authors": []}
    meta = art.metadata
    stats = dict(zip(art.stats["statistic"], art.stats["value"]))
    return {
        **row,
        "title": meta.get("title"),
        "outlet": meta.get("outlet"),
        "authors": list(meta.get("authors") or []),
        "published": meta.get("published"),
        "words": int(stats.get("words", 0)),
        "sentences": int(stats.get("sentences", 0)),
        "quotes": len(art.quotes),
        "actors": len(art.actors),
    }


def analyse_article(item: dict) -> tuple[dict, dict[str, pd.DataFrame]]:
    """Build every table of one article: ``(summary row, {table: DataFrame with article_id first})``.

    A bad article gives a summary row whose ``error`` holds the problem, and no tables.

    Examples
    --------
    >>> row, tables = analyse_article({"article_id": "a", "text": "Ann Lee said it rained.", "layout": "plain"})
    >>> row["error"], tables["sentences"].columns[0], tables["sentences"]["article_id"].tolist()
    (None, 'article_id', ['a'])
    >>> analyse_article({"article_id": "b", "text": "  "})[0]["error"]
    'b: text is empty or holds only whitespace'
    """
    try:
        art = build_article(item)
        tables = {}
        for name, df in art.tables().items():
            df = df.reset_index(drop=True)
            ids = pd.Series(item["article_id"], index=df.index, dtype="str")
            tables[name] = pd.concat([ids.rename("article_id"), df], axis=1)
        return _summary_row(item, art, None), tables
    except ArticleError as exc:
        return _summary_row(item, None, " ".join(str(exc).split())), {}
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        name = item.get("path") or item["article_id"]
        return _summary_row(item, None, f"{name}: {type(exc).__name__}: {exc}"), {}


def _arrow_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with object columns Arrow cannot type (mixed values) turned into strings."""
    fixed = {}
    for col in df.columns:
        if df[col].dtype != object:
            continue
        try:
            pa.array(df[col], from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            fixed[col] = df[col].map(
                lambda v: [str(x) for x in v] if isinstance(v, list | tuple) else (None if v is None else str(v))
            )
    return df.assign(**fixed) if fixed else df


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    """Return ``df`` as Parquet bytes (no index; lists stay lists)."""
    buf = io.BytesIO()
    _arrow_safe(df).to_parquet(buf, index=False)
    return buf.getvalue()


def analyse_batch(items: Sequence[dict]) -> tuple[list[dict], dict[str, bytes]]:
    """Analyse several articles: their summary rows and, per table, the rows of all of them as Parquet.

    Pure (the same items give the same output) and self-contained, so Dask can run it anywhere;
    no :class:`Article` leaves the function.
    """
    rows, parts = [], {}
    for item in items:
        row, tables = analyse_article(item)
        rows.append(row)
        for name, df in tables.items():
            parts.setdefault(name, []).append(df)
    out = {}
    for name, frames in parts.items():
        full = [f for f in frames if len(f)] or frames[:1]
        out[name] = to_parquet_bytes(full[0] if len(full) == 1 else pd.concat(full, ignore_index=True))
    return rows, out


# -- the driver: sources, scheduling, writing --------------------------------------------------
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


def _batches(items: list[dict], size: int) -> list[list[dict]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class _Writer:
    """Write each batch's tables as ``<root>/<table>/part-NNNNN.parquet`` and conform them at the end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tables: dict[str, None] = {}

    def write(self, number: int, parts: dict[str, bytes]) -> None:
        for name, data in parts.items():
            self.tables.setdefault(name, None)
            folder = self.root / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"part-{number:05d}.parquet").write_bytes(data)

    def finish(self) -> None:
        for name in self.tables:
            conform_dataset(self.root / name)


def _field_type(types: list[pa.DataType]) -> pa.DataType:
    concrete = [t for t in types if not pa.types.is_null(t)]
    if not concrete:
        return pa.null()
    if all(t == concrete[0] for t in concrete):
        return concrete[0]
    try:
        schemas = [pa.schema([("x", t)]) for t in concrete]
        return pa.unify_schemas(schemas, promote_options="permissive").field("x").type
    except (pa.ArrowInvalid, pa.ArrowTypeError, NotImplementedError):
        return pa.string()


def conform_dataset(folder: Path) -> None:
    """Give every Parquet file in ``folder`` one schema, so the folder reads as one dataset.

    Per-article tables agree on their columns, but a column that is empty in one batch has no
    type there (all nulls) and a table with no rows may carry generic types.  Empty files are
    dropped (one is kept when all are empty); each column gets the type its non-null batches
    agree on (numbers widen, anything else conflicting becomes text); files that differ are
    rewritten one at a time.
    """
    files = sorted(folder.glob("part-*.parquet"))
    rows = {f: pq.read_metadata(f).num_rows for f in files}
    if any(rows.values()):
        for f in [f for f in files if not rows[f]]:
            f.unlink()
        files = [f for f in files if rows[f]]
    schemas = {f: pq.read_schema(f) for f in files}
    base = min(files, key=lambda f: sum(pa.types.is_null(t) for t in schemas[f].types))
    names = list(dict.fromkeys(n for s in schemas.values() for n in s.names))
    fields = [pa.field(n, _field_type([s.field(n).type for s in schemas.values() if n in s.names])) for n in names]
    target = pa.schema(fields, metadata=schemas[base].metadata)
    for f in files:
        if schemas[f].equals(target, check_metadata=True):
            continue
        table = pq.read_table(f)
        cols = [
            table.column(fl.name).cast(fl.type) if fl.name in table.column_names else pa.nulls(len(table), fl.type)
            for fl in target
        ]
        pq.write_table(pa.Table.from_arrays(cols, schema=target), f)


def _progress(total: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", disable=not enabled, file=sys.stderr, desc="articles")


def _run_loop(batches: list[list[dict]], writer: _Writer, bar) -> list[dict]:
    import dask

    rows = []
    for n, batch in enumerate(batches):
        batch_rows, parts = dask.delayed(analyse_batch, pure=True)(batch).compute(scheduler="synchronous")
        writer.write(n, parts)
        rows += batch_rows
        bar.update(len(batch))
    return rows


def _failed_batch(batch: list[dict], exc: BaseException) -> list[dict]:
    msg = f"task failed on the cluster: {type(exc).__name__}: {' '.join(str(exc).split())}"
    return [_summary_row(item, None, f"{item.get('path') or item['article_id']}: {msg}") for item in batch]


def _run_client(client, batches: list[list[dict]], writer: _Writer, bar) -> list[dict]:
    """Run the batches on a distributed client, a few in flight per worker, writing each as it lands."""
    from distributed import as_completed

    window = max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2)
    pending = iter(enumerate(batches))
    futures = {}

    def submit() -> bool:
        nxt = next(pending, None)
        if nxt is None:
            return False
        fut = client.submit(analyse_batch, nxt[1], pure=False)
        futures[fut.key] = nxt
        ac.add(fut)
        return True

    ac = as_completed()
    for _ in range(window):
        if not submit():
            break
    rows_by_batch: dict[int, list[dict]] = {}
    for fut in ac:
        number, batch = futures.pop(fut.key)
        try:
            batch_rows, parts = fut.result()
            writer.write(number, parts)
        except Exception as exc:  # noqa: BLE001 - a lost worker fails its batch, not the corpus
            batch_rows = _failed_batch(batch, exc)
        fut.release()
        rows_by_batch[number] = batch_rows
        bar.update(len(batch))
        submit()
    return [row for n in sorted(rows_by_batch) for row in rows_by_batch[n]]


def _local_cluster(workers: int):
    import logging

    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    return Client(cluster), cluster


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_NAMED = ("synchronous", "sync", "loop", "local")


def _execute(items: list[dict], writer: _Writer, scheduler, workers: int | None, progress: bool) -> list[dict]:
    """Pick the executor (loop, local cluster, existing cluster) and run every batch."""
    if isinstance(scheduler, str) and scheduler not in _NAMED and ":" not in scheduler:
        raise ValueError(f"unknown scheduler {scheduler!r}: use one of {', '.join(_NAMED)}, an address or a Client")
    n = len(items)
    loop = scheduler in ("synchronous", "sync", "loop") or (
        scheduler is None and (workers == 1 or (workers is None and n < LOCAL_CLUSTER_MIN))
    )
    with _progress(n, progress and n >= LOCAL_CLUSTER_MIN) as bar:
        if loop:
            return _run_loop(_batches(items, BATCH_MAX), writer, bar)
        if scheduler is None or scheduler == "local":
            n_workers = workers or _cpu_count()
            client, cluster = _local_cluster(n_workers)
        elif isinstance(scheduler, str):
            from distributed import Client

            client, cluster = Client(scheduler), None
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        else:
            client, cluster, n_workers = scheduler, None, max(1, len(scheduler.scheduler_info().get("workers", {})))
        size = max(1, min(BATCH_MAX, math.ceil(n / (4 * n_workers))))
        try:
            return _run_client(client, _batches(items, size), writer, bar)
        finally:
            if client is not scheduler:
                client.close()
            if cluster is not None:
                cluster.close()


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
    owned = tables_dir is None
    root = Path(tempfile.mkdtemp(prefix="workbook-corpus-") if owned else tables_dir)
    root.mkdir(parents=True, exist_ok=True)
    for old in root.glob("*/part-*.parquet"):  # a re-run replaces the previous datasets
        old.unlink()
    writer = _Writer(root)
    rows = _execute(items, writer, scheduler, workers, progress)
    writer.finish()
    articles = _articles_frame(rows, user)
    articles_dir = root / "articles"
    articles_dir.mkdir(exist_ok=True)
    articles.to_parquet(articles_dir / "part-00000.parquet", index=False)
    corpus = Corpus(articles, root, list(writer.tables), items=items)
    if owned:
        weakref.finalize(corpus, shutil.rmtree, str(root), True)
    return corpus


# -- the corpus --------------------------------------------------------------------------------
class Corpus:
    """Articles and their tables (read from the Parquet datasets on first use), with comparisons.

    ``corpus.articles`` has one row per article; ``corpus.<table>`` (``quotes``, ``actors``,
    ``timeline``, ``terms``...: :attr:`table_names`) is that table of every article with
    ``article_id`` first; ``corpus[article_id]`` rebuilds one :class:`Article`.
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
            self._cache[name] = self._read(name)
        return self._cache[name].copy()

    def _read(self, name: str) -> pd.DataFrame:
        folder = self.tables_dir / name
        if not any(folder.glob("part-*.parquet")):
            return pd.DataFrame({"article_id": pd.Series(dtype="str")})
        df = pd.read_parquet(folder)
        order = {aid: i for i, aid in enumerate(self.articles["article_id"])}
        pos = df["article_id"].map(order)
        return df.iloc[np.argsort(pos.to_numpy(), kind="stable")].reset_index(drop=True)

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
        return compare.actor_share(self, by=by, top_n=top_n)

    def speaker_share(self, by: str = "article_id") -> pd.DataFrame:
        """Return who is quoted, how often and how, in each group (see :func:`analysis.extract.compare.speaker_share`)."""
        return compare.speaker_share(self, by=by)

    def keyness(self, a, b=None, *, min_count: int = 2, names: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
        """Return the terms distinctive of group ``a`` against group ``b`` (default: every other article)."""
        return compare.keyness(self, a, b, min_count=min_count, names=names)

    def merged_timeline(self) -> pd.DataFrame:
        """Return every dated expression of every article, in date order, with its article and actors."""
        return compare.merged_timeline(self)

    def shared_quotes(self, *, min_similarity: float = 0.6, min_words: int = 5) -> pd.DataFrame:
        """Return quotes whose words recur in other articles (see :func:`analysis.extract.compare.shared_quotes`)."""
        return compare.shared_quotes(self, min_similarity=min_similarity, min_words=min_words)


def _default_table_names() -> list[str]:
    """Table names of an article (used when every article failed and no table was written)."""
    return list(Article.from_text("It rained.", layout="plain").tables())
