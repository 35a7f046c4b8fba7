"""Identity merges, throughput, comparison speed and driver memory of ``load_corpus``.

Usage::

    python bench/corpus.py [CORPUS_DIR] [--articles N] [--workers 1,2] [--memory 100,1000] [--no-identities]

First the identity merges on the shipped event corpus (``data/corpora/nato-japan-2023``): for each
actor of its ``identities.csv`` (the accounts name it differently), the corpus actors its article
actors became (one expected) and in how many accounts it appears (against the expected count).

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
weighs).  Beside each time the machine's load average (1 minute) is printed before and after the
run: a figure measured on a busy machine is not a speed figure.  After the largest worker count,
``corpus.actor_share(by="outlet")`` and ``corpus.shared_quotes()`` are timed on that corpus (the
first call of each includes reading its tables back from disk).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
#: The shared benchmarks beside the checkout (a worktree sits one level deeper).
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")
DEFAULT_CORPUS = SHARED / "benchmarks" / "polnear-dev"
EVENT = ROOT / "data" / "corpora" / "nato-japan-2023"


def identity_merges(folder: Path = EVENT) -> list[dict]:
    """Load the event corpus in a loop and check each expected identity of its ``identities.csv``."""
    from analysis import load_corpus

    corpus = load_corpus(folder, scheduler="synchronous", progress=False)
    actors, ident = corpus.actors, corpus.identities.set_index("actor_id")
    out = []
    for row in pd.read_csv(folder / "identities.csv", dtype=str).itertuples(index=False):
        found = sorted(set(actors.loc[actors["article_actor_id"].isin(row.article_actor_ids.split("|")), "actor_id"]))
        articles = int(ident.loc[found, "articles"].max()) if found else 0
        out.append({"actor": row.actor, "corpus_actors": found, "articles": articles, "expected": int(row.articles),
                    "rules": sorted({r for f in found for r in ident.loc[f, "rule"].split("; ")})})  # fmt: skip
    return out


def load() -> float:
    """The machine's 1-minute load average."""
    return os.getloadavg()[0]


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
        load_before = load()
        t0 = time.perf_counter()
        corpus = load_corpus(frame, scheduler=client, progress=False, tables_dir=tmp)
        seconds = time.perf_counter() - t0
        load_after = load()
        arts = corpus.articles
        failed = arts[arts["error"].notna()]
        words = int(arts["words"].fillna(0).sum())
        n_quotes = len(corpus.quotes) if read_back else None  # reading a whole table back is the user's choice
        compare = _time_comparisons(corpus) if read_back else {}
    return {
        "load_before": load_before,
        "load_after": load_after,
        "timings": corpus.timings,
        "comparisons": compare,
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


def _time_comparisons(corpus) -> dict:
    """Seconds of the comparisons a user runs first (each first call reads its tables from disk)."""
    out = {}
    for name, call in (("actor_share", lambda: corpus.actor_share(by="outlet")), ("shared_quotes", corpus.shared_quotes)):
        t0 = time.perf_counter()
        rows = len(call())
        out[name] = {"seconds": time.perf_counter() - t0, "rows": rows}
    return out


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
    parser.add_argument("--no-identities", dest="identities", action="store_false", help="skip the identity check")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = Path(args.corpus)
    if args.memory_child:
        print(json.dumps(memory_child(folder, args.memory_child)))
        return 0
    print(f"machine: {os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.identities:
        for r in identity_merges():
            ok = "ok" if len(r["corpus_actors"]) == 1 and r["articles"] == r["expected"] else "CHECK"
            print(f"identity {r['actor']}: {len(r['corpus_actors'])} corpus actor(s) {r['corpus_actors']}, "
                  f"in {r['articles']} of the expected {r['expected']} accounts ({', '.join(r['rules'])}) {ok}")  # fmt: skip
    frame = corpus_frame(folder, args.articles)
    n_texts = len(list((folder / "text").glob("*.txt")))
    print(f"{folder}: {n_texts} texts repeated to {len(frame)} articles (one of them empty)")
    runs = []
    for w in (int(x) for x in args.workers.split(",") if x.strip()):
        r = timed_run(frame, w)
        runs.append(r)
        print(f"workers={w}: {r['articles']} articles in {r['seconds']:.1f} s = {r['articles_per_s']:.1f} articles/s, "
              f"{r['words_per_s']:,.0f} words/s, {r['quotes']:,} quote rows; failed: {r['failed']} "
              f"({'; '.join(r['failed_error'])}); load average {r['load_before']:.2f} before, "
              f"{r['load_after']:.2f} after; " + ", ".join(f"{k} {v:.2f} s" for k, v in r["timings"].items()))  # fmt: skip
    if len(runs) >= 2:
        print(f"speed-up {runs[-1]['workers']} vs {runs[0]['workers']} worker(s): "
              f"{runs[0]['seconds'] / runs[-1]['seconds']:.2f}x (target >= 1.8x on 2 cores, on a quiet machine: "
              f"load averages {runs[0]['load_before']:.2f} and {runs[-1]['load_before']:.2f} before the runs)")  # fmt: skip
    if runs:
        for name, c in runs[-1]["comparisons"].items():
            print(f"corpus.{name} at {runs[-1]['articles']} articles: {c['seconds']:.2f} s ({c['rows']:,} rows)")
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
