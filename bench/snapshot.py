"""Write every table of many articles to one folder, or compare two such folders.

A refactor that must not change any output is checked by a snapshot before and after::

    python bench/snapshot.py write /tmp/before        # on the old code
    python bench/snapshot.py write /tmp/after         # on the new code
    python bench/snapshot.py compare /tmp/before /tmp/after

The articles are the shipped article, the corpus in ``data/corpora/``, and, when present beside the
checkout, the pages-dev and PolNeAR dev texts (``../shared/benchmarks``). Each table is written as
CSV with its dtypes in a header line, so a changed value or dtype shows in the comparison.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import ArticleError, load_article  # noqa: E402

BENCH = ROOT.parent / "shared" / "benchmarks"


def article_paths() -> list[Path]:
    """Return the articles the snapshot reads, in a fixed order."""
    paths = sorted((ROOT / "data" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "data" / "corpora").glob("*/*.txt"))
    paths += sorted((BENCH / "pages-dev").glob("article_*.txt"))
    polnear = BENCH / "polnear-dev"
    paths += sorted(p for p in polnear.rglob("*.txt") if p.name.lower() != "readme.txt")
    return paths


def write(out: Path) -> None:
    """Write ``out/<article>/<table>.csv`` for every article and table."""
    out.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(article_paths()):
        folder = out / f"{i:04d}-{path.stem}"
        folder.mkdir(exist_ok=True)
        try:
            art = load_article(path)
            tables = art.tables()
        except ArticleError as err:
            (folder / "error.txt").write_text(str(err), encoding="utf-8")
            continue
        (folder / "metadata.txt").write_text(repr(sorted(art.metadata.items())), encoding="utf-8")
        for name, df in tables.items():
            dtypes = ",".join(f"{c}:{t}" for c, t in df.dtypes.astype(str).items())
            (folder / f"{name}.csv").write_text(dtypes + "\n" + df.to_csv(index=False), encoding="utf-8")
    print(f"wrote {len(list(out.iterdir()))} articles to {out}")


def compare(a: Path, b: Path) -> int:
    """Print every file that differs between two snapshots; return the number of differences."""
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    diffs = sorted(files_a ^ files_b)
    for rel in diffs:
        print(f"only in {'first' if rel in files_a else 'second'}: {rel}")
    changed = [rel for rel in sorted(files_a & files_b) if (a / rel).read_bytes() != (b / rel).read_bytes()]
    for rel in changed:
        print(f"differs: {rel}")
    total = len(diffs) + len(changed)
    print(f"{len(files_a & files_b)} files compared, {total} differences")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("write").add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.cmd == "write":
        write(args.out)
    else:
        sys.exit(1 if compare(args.a, args.b) else 0)


if __name__ == "__main__":
    main()
