"""Re-execute notebooks in place so their stored outputs are current: ``make notebooks``.

nbval compares the stored outputs of the cells marked ``# NBVAL_CHECK_OUTPUT`` with a fresh run,
so notebooks are kept executed in the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: str | Path, *, timeout: int = 600) -> None:
    """Execute the notebook at ``path`` in its own directory and save it with outputs."""
    p = Path(path)
    nb = nbformat.read(p, as_version=4)
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(p.parent)}}
    ).execute()
    nbformat.write(nb, p)


def main(argv: list[str] | None = None) -> int:
    for path in argv if argv is not None else sys.argv[1:]:
        print(f"executing {path}", file=sys.stderr)
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
