"""Command line: ``python -m analysis ARTICLE... --out DIR``.

Writes, per article, every table as CSV and Parquet under ``DIR/<article>/tables/``.  Bad input
prints one line naming the file and the problem; a batch run reports the failures, processes the
rest, and exits non-zero when any article failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .article import load_article, slug
from .errors import ArticleError
from .export import write_tables
from .resources import MissingResourceError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", help=".txt, .html or .htm files")
    parser.add_argument("--out", default="reports", help="output directory (default: reports)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD for articles that state none")
    args = parser.parse_args(argv)

    out = Path(args.out)
    failures = 0
    total = len(args.articles)
    for n, path in enumerate(args.articles, 1):
        try:
            art = load_article(path, published=args.published)
            dest = out / slug(art)
            write_tables(art, dest / "tables")
        except (ArticleError, MissingResourceError) as exc:
            failures += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        print(f"[{n}/{total}] {path} -> {dest}", file=sys.stderr)
    if failures:
        print(f"{failures} of {total} article(s) failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
