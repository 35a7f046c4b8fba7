"""Time loading an article and building every table at 1x, 10x, 100x and 300x its length.

Usage: ``python bench/scale.py [ARTICLE] [--folds 1 10 100 300]``.  Each n-fold copy is the
article's text repeated n times (blank line between copies), written to a temporary file and read
through the public API (``load_article`` + ``Article.tables()``), so decoding, layout, sentences,
tokens and every analysis stage are timed together.  Prints seconds per stage, total seconds, and
the ratio of each total to the 1x total divided by the fold (1.0 = perfectly linear).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import load_article  # noqa: E402

DEFAULT_ARTICLE = ROOT / "data" / "articles" / "nato-chief-condemns-china-bullying.txt"
STAGES = ("blocks", "sentences", "tokens", "entities", "quotes", "actors", "timeline", "terms")


def time_fold(text: str, fold: int, tmp: Path) -> dict[str, float]:
    """Return seconds per stage (and ``load``, ``total``) for ``fold`` copies of ``text``."""
    path = tmp / f"scale-{fold}x.txt"
    path.write_text("\n\n".join([text] * fold), encoding="utf-8")
    times: dict[str, float] = {}
    w0, c0 = time.perf_counter(), time.process_time()
    art = load_article(path)
    times["load"] = time.process_time() - c0
    for stage in STAGES:
        c = time.process_time()
        getattr(art, stage)
        times[stage] = time.process_time() - c
    art.tables()
    times["total"] = time.process_time() - c0
    times["wall"] = time.perf_counter() - w0
    times["chars"] = len(art.text)
    path.unlink()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(DEFAULT_ARTICLE), help="article to copy (.txt)")
    parser.add_argument("--folds", nargs="+", type=int, default=[1, 10, 100, 300])
    parser.add_argument("--limit", type=float, default=30.0, help="seconds allowed for the largest fold")
    args = parser.parse_args(argv)

    text = Path(args.article).read_text(encoding="utf-8")
    # Warm the process-wide caches (NLTK models, lexicons) so the 1x figure is not load time.
    load_article(args.article).tables()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in args.folds:
            rows.append((fold, time_fold(text, fold, Path(tmp))))
    names = ("load", *STAGES)
    print(
        f"{'fold':>5} {'chars':>10} "
        + " ".join(f"{s:>9}" for s in names)
        + f" {'cpu s':>7} {'wall s':>7} {'growth':>6}"
    )
    prev = None
    for fold, t in rows:
        growth = (t["total"] / prev[1]["total"]) / (fold / prev[0]) if prev else 1.0
        stages = " ".join(f"{t[s]:9.3f}" for s in names)
        print(f"{fold:>5} {int(t['chars']):>10} {stages} {t['total']:7.2f} {t['wall']:7.2f} {growth:6.2f}")
        prev = (fold, t)
    fold, t = rows[-1]
    ok = t["wall"] < args.limit
    print(
        f"{fold}x: {t['wall']:.1f} s wall ({'under' if ok else 'OVER'} the {args.limit:.0f} s limit); "
        "growth = (time / previous time) / (fold / previous fold), 1.0 is linear"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
