"""The work of a corpus: analysing batches of articles on Dask workers, and writing their tables.

:func:`analyse_batch` is the one function the workers run: a pure function (article items in; the
summary rows and, per table, the Parquet bytes of the batch's rows out; explicit dtypes, nothing
global mutated), so the same code runs in a plain loop, on a local Dask cluster started here, or on
an existing cluster.  :func:`execute` picks the executor and hands each finished batch to a
:class:`Writer`, which writes ``<tables_dir>/<table>/part-NNNNN.parquet`` (or, with
``partition_on``, ``<table>/<column>=<value>/part-NNNNN.parquet``) while the workers go on; every
file holds whole articles.

Starting worker processes re-runs the user's script in each (Python's ``spawn``): a script that
calls :func:`analysis.load_corpus` outside ``if __name__ == "__main__":`` cannot start them, so
:func:`unguarded_script` finds that case first and the corpus runs in the calling process, with a
:class:`CorpusWarning` saying how to get the workers.  Workers load the models once, when they start
(:func:`warm_models`, registered as a worker plugin), and keep them for every later batch.
"""

from __future__ import annotations

import ast
import inspect
import io
import logging
import math
import os
import sys
import uuid
import warnings
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.article import Article, load_article
from analysis.errors import ArticleError
from analysis.extract import identities as _identities

#: Fewer articles than this run in a plain loop when no scheduler or worker count is given.
LOCAL_CLUSTER_MIN = 20
#: Most articles per task (one Parquet file per table per task).
BATCH_MAX = 20
#: Tasks per worker the batches are sized for (several, so a slow batch does not leave a worker idle).
TASKS_PER_WORKER = 8
#: The table the corpus adds to each article's: the titles it gives its persons (read by the linking).
ACTOR_TITLES = "actor_titles"
#: Directory name of a partition whose value is missing (pyarrow's hive default).
MISSING_PARTITION = "__HIVE_DEFAULT_PARTITION__"
_OVERRIDES = ("title", "outlet")
#: An invented text the workers analyse once when they start, so every model is loaded before the first batch.
WARM_TEXT = "Dana Korvel said on Monday that the Harbour Board would meet in Lima on 3 March 2023."


class CorpusError(Exception):
    """A corpus cannot be built as asked (an override naming no actor, worker processes that cannot start)."""


class CorpusWarning(UserWarning):
    """A corpus is built another way than asked (in this process instead of on worker processes)."""


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
        per_article = art.tables()
        per_article[ACTOR_TITLES] = _identities.person_titles(art.text, art.entities)
        for name, df in per_article.items():
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


def partition_dir(column: str, value) -> str:
    """Return the hive directory of a partition (``outlet=The%20Daily``; a missing value as pyarrow's default).

    Examples
    --------
    >>> partition_dir("outlet", "The Daily"), partition_dir("outlet", None)
    ('outlet=The%20Daily', 'outlet=__HIVE_DEFAULT_PARTITION__')
    """
    missing = value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value))) or value == ""
    return f"{column}={MISSING_PARTITION if missing else quote(str(value), safe='')}"


def analyse_batch(
    items: Sequence[dict], partition_on: str | None = None, destination: tuple[str, str, int] | None = None
) -> tuple[list[dict], dict[str, dict[str, bytes | None]]]:
    """Analyse several articles: their summary rows and, per table and partition, their rows as Parquet.

    Pure (the same items give the same output) and self-contained, so Dask can run it anywhere;
    no :class:`Article` leaves the function.  The parts are ``{table: {partition directory: bytes}}``,
    the directory ``""`` when ``partition_on`` is None, else :func:`partition_dir` of the article's
    value in that column (of its summary row, or ``item["partition"]`` for a metadata column).

    ``destination`` is ``(tables_dir, token, batch number)``: when this process sees the folder
    (a worker on the driver's machine or on a shared file system: the folder holds the driver's
    token), it writes the files there itself and returns ``None`` for each part, so the tables
    never travel through the scheduler; elsewhere it returns the bytes for the driver to write.
    """
    rows, parts = [], {}
    for item in items:
        row, tables = analyse_article(item)
        rows.append(row)
        where = ""
        if partition_on is not None:
            where = partition_dir(partition_on, row[partition_on] if partition_on in row else item.get("partition"))
        for name, df in tables.items():
            parts.setdefault(name, {}).setdefault(where, []).append(df)
    out: dict[str, dict[str, bytes | None]] = {}
    for name, by_dir in parts.items():
        for where, frames in by_dir.items():
            full = [f for f in frames if len(f)] or frames[:1]
            df = full[0] if len(full) == 1 else pd.concat(full, ignore_index=True)
            out.setdefault(name, {})[where] = to_parquet_bytes(df)
    if destination is not None and sees_tables_dir(destination[0], destination[1]):
        write_parts(Path(destination[0]), destination[2], out)
        out = {name: dict.fromkeys(by_dir) for name, by_dir in out.items()}
    return rows, out


#: File in a tables folder holding the driver's token: a worker that reads it writes there itself.
TOKEN_FILE = ".workbook-writer"


def sees_tables_dir(root: str, token: str) -> bool:
    """True when ``root`` holds the driver's ``token`` (this process shares the driver's files)."""
    try:
        return (Path(root) / TOKEN_FILE).read_text(encoding="utf-8") == token
    except OSError:
        return False


def write_parts(root: Path, number: int, parts: dict[str, dict[str, bytes | None]]) -> None:
    """Write batch ``number``'s parts as ``<root>/<table>/[<partition>/]part-NNNNN.parquet``
    (each under a temporary name first, so a half-written batch leaves no part file)."""
    for name, by_dir in parts.items():
        for where, data in by_dir.items():
            if data is None:
                continue
            folder = root / name / where if where else root / name
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f"part-{number:05d}.parquet.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, folder / f"part-{number:05d}.parquet")


def warm_models() -> int:
    """Load every model and lexicon of the pipeline in this process (a worker, when it starts).

    The loaders cache what they load for the life of the process (:func:`analysis.resources.loaded_once`),
    so later batches find the models warm.  Returns the number of tables built.
    """
    art = Article.from_text(WARM_TEXT, layout="plain")
    tables = art.tables()
    _identities.person_titles(art.text, art.entities)
    return len(tables)


# -- the driver: sources, scheduling, writing --------------------------------------------------

def _batches(items: list[dict], size: int) -> list[list[dict]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class Writer:
    """Write each batch's tables as ``<root>/<table>/[<partition>/]part-NNNNN.parquet``; conform them at the end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tables: dict[str, None] = {}
        self.token: str | None = None

    def write(self, number: int, parts: dict[str, dict[str, bytes | None]]) -> None:
        """Write batch ``number``'s parts (:func:`analyse_batch`; ``None``: the worker wrote it)."""
        for name in parts:
            self.tables.setdefault(name, None)
        write_parts(self.root, number, parts)

    def destination(self, number: int) -> tuple[str, str, int]:
        """Where a worker may write batch ``number`` itself (:func:`analyse_batch`)."""
        if self.token is None:
            self.token = uuid.uuid4().hex
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / TOKEN_FILE).write_text(self.token, encoding="utf-8")
        return (str(self.root), self.token, number)

    def finish(self) -> None:
        """Conform every table's files to one schema; remove the token file."""
        for name in self.tables:
            conform_dataset(self.root / name)
        (self.root / TOKEN_FILE).unlink(missing_ok=True)


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
    """Give every Parquet file in ``folder`` (and its partitions) one schema, so it reads as one dataset.

    Per-article tables agree on their columns, but a column that is empty in one batch has no
    type there (all nulls) and a table with no rows may carry generic types.  Empty files are
    dropped (one is kept when all are empty); each column gets the type its non-null batches
    agree on (numbers widen, anything else conflicting becomes text); files that differ are
    rewritten one at a time.
    """
    files = sorted(folder.rglob("part-*.parquet"))
    metas = {f: pq.read_metadata(f) for f in files}  # one footer read per file: rows and schema
    rows = {f: m.num_rows for f, m in metas.items()}
    if any(rows.values()):
        for f in [f for f in files if not rows[f]]:
            f.unlink()
        files = [f for f in files if rows[f]]
    schemas = {f: metas[f].schema.to_arrow_schema() for f in files}
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


def _run_loop(batches: list[list[dict]], writer: Writer, bar, partition_on: str | None) -> list[dict]:
    rows = []
    for n, batch in enumerate(batches):
        batch_rows, parts = analyse_batch(batch, partition_on)
        writer.write(n, parts)
        rows += batch_rows
        bar.update(len(batch))
    return rows


def _failed_batch(batch: list[dict], exc: BaseException) -> list[dict]:
    msg = f"task failed on the cluster: {type(exc).__name__}: {' '.join(str(exc).split())}"
    return [_summary_row(item, None, f"{item.get('path') or item['article_id']}: {msg}") for item in batch]


def _run_client(client, batches: list[list[dict]], writer: Writer, bar, partition_on: str | None) -> list[dict]:
    """Run the batches on a distributed client, a few in flight per worker, writing each as it lands
    (the driver writes one batch while the workers compute the next ones)."""
    from distributed import as_completed

    window = max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2)
    pending = iter(enumerate(batches))
    futures = {}
    ac = as_completed()

    def submit() -> bool:
        nxt = next(pending, None)
        if nxt is None:
            return False
        fut = client.submit(analyse_batch, nxt[1], partition_on, writer.destination(nxt[0]), pure=False)
        futures[fut.key] = nxt
        ac.add(fut)
        return True

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


# -- starting workers ---------------------------------------------------------------------------
GUARD = 'if __name__ == "__main__":'


def _is_main_test(test: ast.expr) -> bool:
    """True for ``__name__ == "__main__"`` (either way round)."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, *test.comparators]
    names = [s.id for s in sides if isinstance(s, ast.Name)]
    consts = [s.value for s in sides if isinstance(s, ast.Constant)]
    return names == ["__name__"] and consts == ["__main__"]


def unguarded_script() -> str | None:
    """Return the main script's path when the running call was reached from its top-level code
    outside ``if __name__ == "__main__":`` (a worker process started now would run it again), else None.

    Interactive sessions, notebooks and ``python -c`` have no script to re-run, and a package's
    ``__main__`` (``python -m analysis corpus ...``) is not re-run by ``multiprocessing``: None.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not path or not os.path.isfile(path):
        return None
    spec = getattr(main, "__spec__", None)
    if spec is not None and (spec.name or "").endswith("__main__"):
        return None  # a package's __main__ (python -m package): multiprocessing never re-runs it
    frame = inspect.currentframe()
    while frame is not None and not (
        frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") in ("__main__", "__mp_main__")
    ):
        frame = frame.f_back
    if frame is None:
        return None
    line = frame.f_lineno
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    guarded = any(
        isinstance(node, ast.If) and _is_main_test(node.test) and node.lineno <= line <= (node.end_lineno or line)
        for node in tree.body
    )
    return None if guarded else str(path)


def _guard_message(script: str) -> str:
    return (
        f"{script} calls load_corpus outside `{GUARD}`: Dask starts each worker process by running the "
        f"script again, so the workers cannot start. Put the code that calls load_corpus under `{GUARD}` "
        "(see the README's corpus example) to use the workers"
    )


def _local_cluster(workers: int):
    from distributed import Client, LocalCluster

    if sys.modules.get("__main__") is not None and getattr(sys.modules["__main__"], "__name__", "") == "__mp_main__":
        raise CorpusError(_guard_message(getattr(sys.modules["__main__"], "__file__", "the script")))
    try:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        )
    except Exception as exc:
        script = getattr(sys.modules.get("__main__"), "__file__", None) or "the script"
        raise CorpusError(f"{_guard_message(script)} ({type(exc).__name__}: {exc})") from exc
    return Client(cluster), cluster


def _warm_plugin():
    """A worker plugin loading the models when a worker starts (:func:`warm_models`)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmModels(WorkerPlugin):
        name = "analysis-warm-models"

        def setup(self, worker) -> None:
            warm_models()

    return WarmModels()


def cpu_count() -> int:
    """Return the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batch_size(n: int, workers: int) -> int:
    """Return the articles per task: about :data:`TASKS_PER_WORKER` tasks per worker, at most
    :data:`BATCH_MAX` articles each (a task's fixed cost, one Parquet file per table, is shared).

    Examples
    --------
    >>> batch_size(1000, 2), batch_size(40, 2), batch_size(5, 4)
    (20, 3, 1)
    """
    return max(1, min(BATCH_MAX, math.ceil(n / (TASKS_PER_WORKER * workers))))


NAMED_SCHEDULERS = ("synchronous", "sync", "loop", "local")


def _connect(scheduler, workers: int | None, n: int):
    """Return ``(client, cluster, workers)`` for a local cluster, an address or a given client."""
    if scheduler is None or scheduler == "local":
        n_workers = workers or cpu_count()
        client, cluster = _local_cluster(n_workers)
    elif isinstance(scheduler, str):
        from distributed import Client

        client, cluster = Client(scheduler), None
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    else:
        client, cluster, n_workers = scheduler, None, max(1, len(scheduler.scheduler_info().get("workers", {})))
    try:
        client.register_plugin(_warm_plugin())
    except Exception as exc:  # noqa: BLE001 - workers then load the models with their first batch
        warnings.warn(CorpusWarning(f"could not warm the workers' models: {exc}"), stacklevel=3)
    return client, cluster, n_workers


def execute(
    items: list[dict], writer: Writer, scheduler, workers: int | None, progress: bool, partition_on: str | None = None
) -> list[dict]:
    """Pick the executor (loop, local cluster, existing cluster), run every batch, return the summary rows."""
    if isinstance(scheduler, str) and scheduler not in NAMED_SCHEDULERS and ":" not in scheduler:
        names = ", ".join(NAMED_SCHEDULERS)
        raise ValueError(f"unknown scheduler {scheduler!r}: use one of {names}, an address or a Client")
    n = len(items)
    loop = scheduler in ("synchronous", "sync", "loop") or (
        scheduler is None and (workers == 1 or (workers is None and n < LOCAL_CLUSTER_MIN))
    )
    script = unguarded_script() if not loop and (scheduler is None or scheduler == "local") else None
    if script:
        warnings.warn(CorpusWarning(f"{_guard_message(script)}; running the {n} articles in this process."),
                      stacklevel=3)  # fmt: skip
        loop = True
    with _progress(n, progress and n >= LOCAL_CLUSTER_MIN) as bar:
        if loop:
            return _run_loop(_batches(items, BATCH_MAX), writer, bar, partition_on)
        client, cluster, n_workers = _connect(scheduler, workers, n)
        try:
            return _run_client(client, _batches(items, batch_size(n, n_workers)), writer, bar, partition_on)
        finally:
            if client is not scheduler:
                client.close()
            if cluster is not None:
                cluster.close()
