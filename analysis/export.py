"""Write an article's tables to disk as CSV and Parquet."""

from __future__ import annotations

from pathlib import Path


def write_tables(article, out_dir: str | Path) -> list[Path]:
    """Write every table of ``article`` as ``<name>.csv`` and ``<name>.parquet`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in article.tables().items():
        csv = out / f"{name}.csv"
        df.to_csv(csv, index=False)
        pq = out / f"{name}.parquet"
        df.to_parquet(pq, index=False)
        written += [csv, pq]
    return written
