"""Throughput and driver memory of ``load_corpus`` on a local Dask cluster.

Usage::

    python bench/corpus.py [CORPUS_DIR] [--articles N] [--workers 1,2] [--memory 100,1000]

``CORPUS_DIR`` defaults to ``../shared/benchmarks/polnear-dev`` beside the repository: its
``text/*.txt`` articles, with outlet, date and title from ``metadata.tsv``, are repeated with
distinct ids up to ``--articles`` (default 1,000), and one article with no text is put in the
middle of the batch (it must fail alone).  For each worker count a ``LocalCluster`` of that many
single-threaded processes is started and warmed up (each worker loads the NLP models on one short
text), then ``load_corpus(frame, scheduler=client)`` is timed: articles/s and words/s (words of the
articles that loaded), and the speed-up of the largest worker count over the first.  The driver's
peak memory (``ru_maxrss`` of the driver process, which also hosts the scheduler; workers are other
processes) is measured in a fresh process per size (``--memory``), each run on a 2-worker cluster;
it covers ``load_corpus`` only (reading a whole table back, e.g. ``corpus.quotes``, costs what the table
weighs).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "benchmarks" / "polnear-dev"


def corpus_frame(folder: Path, n: int) -> pd.DataFrame:
    """Return ``n`` articles (the folder's texts repeated, distinct ids) with one empty article in the middle."""
    meta = pd.read_csv(folder / "metadata.tsv", sep="\t", dtype=str).drop_duplicates("filename")
    meta = meta.set_index("filename")
    base = []
    for path in sorted((folder / "text").glob("*.txt")):
        row = meta.loc[path.stem] if path.stem in meta.index else {}
        base.append(
            {
                "stem": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "outlet": row.get("publisher"),
                "published": row.get("publication_date"),
                "title": row.get("title"),
            }
        )
    rows = [{**base[i % len(base)], "article_id": f"{base[i % len(base)]['stem']}#{i // len(base)}"} for i in range(n)]
    rows[n // 2] = {"article_id": "empty-article", "text": "   ", "outlet": None, "published": None, "title": None}
    return pd.DataFrame(rows).drop(columns="stem")


def _warm() -> int:
    from analysis import Article

    return len(Article.from_text("Ann Lee said on Monday that it rained in Lima.", layout="plain").tables())


def timed_run(frame: pd.DataFrame, workers: int, *, read_back: bool = True) -> dict:
    """Start a warmed-up LocalCluster of ``workers`` processes and time load_corpus on ``frame``."""
    import logging

    from distributed import Client, LocalCluster

    from analysis import load_corpus

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                     silence_logs=logging.ERROR) as cluster,
        Client(cluster) as client,
        tempfile.TemporaryDirectory() as tmp,
    ):  # fmt: skip
        client.run(_warm)
        t0 = time.perf_counter()
        corpus = load_corpus(frame, scheduler=client, progress=False, tables_dir=tmp)
        seconds = time.perf_counter() - t0
        arts = corpus.articles
        failed = arts[arts["error"].notna()]
        words = int(arts["words"].fillna(0).sum())
        n_quotes = len(corpus.quotes) if read_back else None  # reading a whole table back is the user's choice
    return {
        "workers": workers,
        "articles": len(arts),
        "failed": failed["article_id"].tolist(),
        "failed_error": failed["error"].tolist(),
        "seconds": seconds,
        "articles_per_s": len(arts) / seconds,
        "words_per_s": words / seconds,
        "words": words,
        "quotes": n_quotes,
    }


def memory_child(folder: Path, n: int) -> dict:
    """Run load_corpus on ``n`` articles with 2 workers; return the driver's peak RSS."""
    frame = corpus_frame(folder, n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = timed_run(frame, 2, read_back=False)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"articles": n, "peak_mb": peak / 1024, "before_mb": before / 1024, "seconds": result["seconds"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", default="1,2", help="worker counts to time, comma-separated")
    parser.add_argument("--memory", default="100,1000", help="corpus sizes for the driver's peak memory ('' skips)")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = Path(args.corpus)
    if args.memory_child:
        print(json.dumps(memory_child(folder, args.memory_child)))
        return 0
    frame = corpus_frame(folder, args.articles)
    n_texts = len(list((folder / "text").glob("*.txt")))
    print(f"{folder}: {n_texts} texts repeated to {len(frame)} articles (one of them empty)")
    runs = []
    for w in (int(x) for x in args.workers.split(",") if x.strip()):
        r = timed_run(frame, w)
        runs.append(r)
        print(f"workers={w}: {r['articles']} articles in {r['seconds']:.1f} s = {r['articles_per_s']:.1f} articles/s, "
              f"{r['words_per_s']:,.0f} words/s, {r['quotes']:,} quote rows; failed: {r['failed']} "
              f"({'; '.join(r['failed_error'])})")  # fmt: skip
    if len(runs) >= 2:
        print(f"speed-up {runs[-1]['workers']} vs {runs[0]['workers']} worker(s): "
              f"{runs[0]['seconds'] / runs[-1]['seconds']:.2f}x (target >= 1.7x on 2 cores)")  # fmt: skip
    sizes = [int(x) for x in args.memory.split(",") if x.strip()]
    peaks = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, str(folder), "--memory-child", str(n)],
                             capture_output=True, text=True, check=True)  # fmt: skip
        peaks.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"driver peak memory at {n} articles: {peaks[-1]['peak_mb']:.0f} MB ({peaks[-1]['seconds']:.1f} s)")
    if len(peaks) >= 2:
        growth = peaks[-1]["peak_mb"] - peaks[0]["peak_mb"]
        print(f"growth {sizes[0]} -> {sizes[-1]} articles: {growth:.0f} MB (target < 150 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
