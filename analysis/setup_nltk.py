"""Make sure the NLTK data the pipeline needs is present: ``python -m analysis.setup_nltk``.

Looks on ``NLTK_DATA`` / ``nltk.data.path`` first, otherwise downloads into ``.nltk_data/``.
Exits 1 with one message naming the missing packages and the fix when neither works.
"""

import sys

from analysis.resources import MissingResourceError, ensure_nltk_data


def main() -> int:
    try:
        ensure_nltk_data()
    except MissingResourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("NLTK data: all packages found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
