"""Words per second of the whole pipeline against NLTK's standard pipeline, in the same run.

Usage::

    NLTK_DATA=../shared/nltk_data python bench/pipeline.py [CORPUS_DIR] [--limit N] [--profile FILE]

``CORPUS_DIR`` defaults to ``../shared/benchmarks/polnear-dev`` (its ``text/*.txt``, published dates
from ``metadata.tsv``).  One warm process: both pipelines first run on the shipped article (models,
lexicons and caches loaded), then every benchmark article goes, in turn, through

- NLTK's standard pipeline: ``sent_tokenize``, ``word_tokenize`` per sentence, ``pos_tag`` (NLTK keeps
  one tagger per process) and the named-entity chunker (``ne_chunker(fmt="binary")`` built once, ``parse``; the
  offline NLTK data holds the binary model, as in ``bench/entities.py``);
- the workbook: ``load_article`` then each table of ``Article.tables()`` in pipeline order, timed one
  by one (a table's time is what it adds to the tables before it).

The two alternate article by article, so machine load hits both alike; times are CPU seconds of
this process (``time.process_time``).  Words are whitespace-separated words of the article text.
Printed: words/s of the contract tables (blocks, sentences, quotes, entities, actors, timeline,
terms) and of every table, each next to NLTK's and as a ratio; the share of time per stage; peak
memory (maximum resident set size); and start-up, timed in a fresh subprocess (CPU and wall
seconds, the second of two runs so the disk is warm and the derived-data cache, see
``analysis.resources.derived_json``, written): ``import analysis``, then ``load_article`` and every
table of the first article, which loads the NLTK models and lexicons.  The target is checked with
Python's default bytecode cache (the first run writes ``__pycache__``, the second reads it); a second
line gives the same with every module compiled from source (``PYTHONDONTWRITEBYTECODE``, as some
environments set it).  Exit status 1 when a target is missed
(every table >= 1.5x NLTK's words/s, contract tables >= 2x, start-up < 1.5 s).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT.parent / "shared" / "benchmarks" / "polnear-dev"
WARM_ARTICLE = ROOT / "data" / "articles" / "nato-chief-condemns-china-bullying.txt"
#: Tables in pipeline order; ``tokens`` is the internal stage entities, quotes and terms share.
CONTRACT = ("blocks", "sentences", "tokens", "entities", "quotes", "actors", "timeline", "terms")
EXTRA = ("cooccurrence", "bigrams", "trigrams", "keyness", "term_dispersion", "stats")
NLTK_STAGES = ("sent_tokenize", "word_tokenize", "pos_tag", "ne_chunk")
TARGETS = {"contract": 2.0, "every table": 1.5}
STARTUP_LIMIT = 1.5

STARTUP_CODE = """
import json, sys, time
w0, c0 = time.perf_counter(), time.process_time()
import analysis
w1, c1 = time.perf_counter(), time.process_time()
art = analysis.load_article(sys.argv[1])
art.tables()
w2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"import": w1 - w0, "first": w2 - w1, "import_cpu": c1 - c0, "first_cpu": c2 - c1}))
"""


def nltk_pipeline():
    """Return ``run(text, times)``: NLTK's standard pipeline, adding CPU seconds per stage to ``times``."""
    import nltk

    chunker = nltk.chunk.ne_chunker(fmt="binary")  # the offline NLTK data ships the binary model only

    def run(text: str, times: dict[str, float]) -> int:
        clock = time.process_time
        c = clock()
        sents = nltk.sent_tokenize(text)
        times["sent_tokenize"] += clock() - c
        n = 0
        for s in sents:
            c0 = clock()
            words = nltk.word_tokenize(s)
            c1 = clock()
            tagged = nltk.pos_tag(words)
            c2 = clock()
            tree = chunker.parse(tagged) if tagged else []
            c3 = clock()
            times["word_tokenize"] += c1 - c0
            times["pos_tag"] += c2 - c1
            times["ne_chunk"] += c3 - c2
            n += len(tree)
        return n

    return run


def ours(path: Path, published: str | None, times: dict[str, float]):
    """Load ``path`` and build every table in pipeline order, adding CPU seconds per stage."""
    from analysis import load_article

    clock = time.process_time
    c = clock()
    art = load_article(path, published=published)
    times["load"] += clock() - c
    for stage in (*CONTRACT, *EXTRA):
        c = clock()
        getattr(art, stage)
        times[stage] += clock() - c
    return art


def read_published(corpus: Path) -> dict[str, str]:
    meta = corpus / "metadata.tsv"
    if not meta.exists():
        return {}
    with meta.open(encoding="utf-8", newline="") as fh:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(fh, delimiter="\t")}


def startup(first: Path, *, bytecode: bool = True) -> dict[str, float]:
    """Time ``import analysis`` and the first article's tables in a fresh process (second of two runs).

    ``bytecode``: Python's default, the modules' compiled bytecode cached by the first run and read
    by the second (warm); else compiled from source each time, as ``PYTHONDONTWRITEBYTECODE`` makes it.
    """
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    out = {}
    for _ in range(2):  # the first run may read from a cold disk
        proc = subprocess.run(
            [sys.executable, "-c", STARTUP_CODE, str(first)], capture_output=True, text=True, env=env, check=True
        )
        out = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def print_stages(times: dict[str, float], names: tuple[str, ...], words: int, title: str) -> None:
    total = sum(times[s] for s in names)
    print(f"{title:<16} {'CPU s':>7} {'share':>6} {'words/s':>10}")
    for s in names:
        rate = words / times[s] if times[s] else float("inf")
        print(f"{s:<16} {times[s]:7.2f} {times[s] / total:6.1%} {rate:10,.0f}")
    print(f"{'total':<16} {total:7.2f} {1:6.0%} {words / total:10,.0f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--profile", type=Path, help="write a cProfile of the workbook's runs to this file")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up subprocess")
    args = ap.parse_args(argv)
    files = sorted((args.corpus / "text").glob("*.txt"))[: args.limit or None]
    if not files:
        print(f"pipeline: no texts in {args.corpus / 'text'}", file=sys.stderr)
        return 2
    published = read_published(args.corpus)
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)

    run_nltk = nltk_pipeline()
    warm_ours: dict[str, float] = dict.fromkeys(("load", *CONTRACT, *EXTRA), 0.0)
    warm_nltk: dict[str, float] = dict.fromkeys(NLTK_STAGES, 0.0)
    ours(WARM_ARTICLE, None, warm_ours)
    run_nltk(WARM_ARTICLE.read_text(encoding="utf-8"), warm_nltk)

    t_ours = dict.fromkeys(("load", *CONTRACT, *EXTRA), 0.0)
    t_nltk = dict.fromkeys(NLTK_STAGES, 0.0)
    prof = cProfile.Profile() if args.profile else None
    for f in files:
        run_nltk(f.read_text(encoding="utf-8"), t_nltk)
        if prof:
            prof.enable()
        ours(f, published.get(f.stem), t_ours)
        if prof:
            prof.disable()
    if prof:
        prof.dump_stats(str(args.profile))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{args.corpus.name}: {len(files)} articles, {words:,} words (whitespace-separated)")
    print_stages(t_nltk, NLTK_STAGES, words, "NLTK stage")
    print()
    print_stages(t_ours, ("load", *CONTRACT, *EXTRA), words, "workbook stage")
    print()
    nltk_rate = words / sum(t_nltk.values())
    ok = True
    print(f"{'pipeline':<36} {'words/s':>10} {'x NLTK':>7} {'target':>7}")
    print(f"{'NLTK sent+word tokenize, pos_tag, ne_chunk':<36} {nltk_rate:10,.0f} {1:7.2f}")
    for label, names in (("contract", ("load", *CONTRACT)), ("every table", ("load", *CONTRACT, *EXTRA))):
        rate = words / sum(t_ours[s] for s in names)
        ratio = rate / nltk_rate
        ok &= ratio >= TARGETS[label]
        print(f"{'workbook, ' + label:<36} {rate:10,.0f} {ratio:7.2f} {TARGETS[label]:6.1f}x")
    print(f"peak memory (max RSS of this process, both pipelines): {peak_mb:,.0f} MB")
    if not args.no_startup:
        s = startup(files[0])
        total, cpu = s["import"] + s["first"], s["import_cpu"] + s["first_cpu"]
        ok &= cpu < STARTUP_LIMIT
        print(
            f"start-up (fresh process, warm disk and bytecode cache), CPU s: import analysis {s['import_cpu']:.2f} "
            f"+ first article (load_article + every table) {s['first_cpu']:.2f} = {cpu:.2f} (target < {STARTUP_LIMIT}); "
            f"wall {s['import']:.2f} + {s['first']:.2f} = {total:.2f} s"
        )
        c = startup(files[0], bytecode=False)
        print(
            f"start-up with every module compiled from source (PYTHONDONTWRITEBYTECODE), CPU s: "
            f"{c['import_cpu']:.2f} + {c['first_cpu']:.2f} = {c['import_cpu'] + c['first_cpu']:.2f}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
