"""Command line: ``python -m analysis ARTICLE... --out DIR`` (and ``python -m analysis corpus SOURCE... --out DIR``,
see :mod:`analysis.present.corpus_report`).

Writes, per article, under ``DIR/<article>/``: every table as CSV and Parquet in ``tables/``, every
chart as HTML, PNG, SVG and CSV in ``figures/``, and one self-contained ``report.html``.  Progress
goes to stderr, one line per article.  Bad input prints one line naming the file and the problem; a
batch run reports the failures, processes the rest, and exits non-zero when any article failed.
Re-running overwrites the same files with the same content.  One browser draws the static images of
the whole batch; without one, PNG/SVG are skipped with one message.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from analysis.article import load_article, slug
from analysis.errors import ArticleError
from analysis.present.export import FORMATS, StaticExportSkipped, export_all, image_session, write_tables
from analysis.present.plotting import article_charts
from analysis.present.report import write_report
from analysis.resources import MissingResourceError


def _formats(value: str) -> tuple[str, ...]:
    items = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in items if f not in FORMATS]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return items


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def process(
    path: str, out: Path, *, published: str | None, formats: tuple[str, ...], report: bool, title: str | None = None
) -> Path:
    """Write the tables, figures and report of one article; return its output folder."""
    art = load_article(path, published=published, title=title)
    dest = out / slug(art)
    write_tables(art, dest / "tables")
    figures = article_charts(art)
    if formats:
        export_all(figures, dest / "figures", formats)
    if report:
        write_report(art, dest / "report.html", figures, figures_dir="figures" if formats else None)
    return dest


def corpus_main(argv: list[str] | None = None) -> int:
    """``python -m analysis corpus SOURCE... --out DIR [--metadata FILE] [--workers N] [--scheduler ADDRESS]``."""
    from analysis.corpus import CorpusError, load_corpus
    from analysis.present.corpus_report import one_line, write_outputs

    parser = argparse.ArgumentParser(prog="python -m analysis corpus", description="Compare several articles.")
    parser.add_argument("sources", nargs="+", help="folders, globs or article files")
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--metadata", help="CSV/TSV keyed by file name or article_id (outlet, published, ...)")
    parser.add_argument("--workers", type=int, help="processes of the local Dask cluster")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler (tcp://host:8786)")
    parser.add_argument("--by", help="metadata column the comparisons group by (default: outlet or article)")
    parser.add_argument("--formats", type=_formats, default=FORMATS, help="chart formats (default: html,png,svg)")
    parser.add_argument("--no-report", dest="report", action="store_false", help="do not write report.html")
    args = parser.parse_args(argv)
    out = Path(args.out)
    try:
        source = args.sources[0] if len(args.sources) == 1 else _expand_sources(args.sources)
        corpus = load_corpus(source, metadata=args.metadata, scheduler=args.scheduler, workers=args.workers,
                             tables_dir=out / "tables")  # fmt: skip
    except (ArticleError, CorpusError) as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StaticExportSkipped)
        write_outputs(corpus, out, by=args.by, formats=args.formats, report=args.report)
    for message in dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, StaticExportSkipped)):
        print(f"warning: {one_line(message)}", file=sys.stderr)
    failed = corpus.articles[corpus.articles["error"].notna()]
    for err in failed["error"]:
        print(f"error: {one_line(err)}", file=sys.stderr)
    n = len(corpus.articles)
    print(f"{n - len(failed)} of {n} article(s) -> {out}", file=sys.stderr)
    return 1 if len(failed) else 0


def _expand_sources(sources: list[str]) -> list[str]:
    from analysis.corpus import paths_from

    return [str(p) for s in sources for p in paths_from(s)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "corpus" and not Path("corpus").is_file():  # python -m analysis corpus SOURCE...
        return corpus_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", help=".txt, .html or .htm files")
    parser.add_argument("--out", default="reports", help="output directory (default: reports)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD for articles that state none")
    parser.add_argument("--title", help="headline to use when the layout picks a wrong line or the copy has none")
    parser.add_argument(
        "--formats",
        type=_formats,
        default=FORMATS,
        help="chart formats, comma-separated (default: html,png,svg; an empty string writes no figures)",
    )
    parser.add_argument("--no-report", dest="report", action="store_false", help="do not write report.html")
    args = parser.parse_args(argv)

    out = Path(args.out)
    failures = 0
    total = len(args.articles)
    skipped: dict[str, None] = {}
    with warnings.catch_warnings(record=True) as caught, image_session():
        warnings.simplefilter("always", StaticExportSkipped)
        for n, path in enumerate(args.articles, 1):
            t0 = time.perf_counter()
            try:
                dest = process(
                    path, out, published=args.published, formats=args.formats, report=args.report, title=args.title
                )
            except (ArticleError, MissingResourceError) as exc:
                failures += 1
                print(f"error: {_one_line(exc)}", file=sys.stderr)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                failures += 1
                print(f"error: {path}: {type(exc).__name__}: {_one_line(exc)}", file=sys.stderr)
                continue
            finally:
                for w in caught:
                    if issubclass(w.category, StaticExportSkipped) and str(w.message) not in skipped:
                        skipped[str(w.message)] = None
                        print(f"warning: {_one_line(w.message)}", file=sys.stderr)
                caught.clear()
            print(f"[{n}/{total}] {path} -> {dest} ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    if failures:
        print(f"{failures} of {total} article(s) failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
