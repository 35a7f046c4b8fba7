"""Run the terms stage over a news corpus: function-word leakage into top terms, and speed.

Usage: ``python bench/bench_terms.py [CORPUS_DIR] [--top 10]`` (default ``../shared/benchmarks/polnear-dev``).

Each ``CORPUS_DIR/text/*.txt`` is read as a plain article (every paragraph is body); its
``term_tokens``, computed once, go through ``term_table``, ``ngrams`` (bigrams, trigrams),
``keyness``, ``term_dispersion`` and ``kwic`` of its top term.  There is no gold standard for
"terms", so the script measures what must not happen:

- leakage: the share of the articles' top-N terms that are among the 200 most frequent English
  words of wordfreq (function words and light verbs that a stop list should remove), with the
  words that leak most;
- consistency: every ``kwic`` row count equals the term's ``count``, every dispersion sums to it;
- speed: tokens per second of the terms functions (tagging excluded), and the same on the whole
  corpus joined into one text, to show the cost stays linear.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "polnear-dev"


def run_terms(art) -> tuple[float, object, bool]:
    """Time the terms functions on one article; return seconds, its term table and consistency."""
    from analysis.extract import terms as T

    t0 = time.perf_counter()
    tt = T.term_tokens(art.tokens)  # once, shared by every function (as Article does)
    table = T.term_table(tt)
    T.ngrams(tt, 2, text=art.text)
    T.ngrams(tt, 3, text=art.text)
    T.keyness(table)
    disp = T.term_dispersion(tt, table, top=5)
    ok = True
    if len(table):
        top = table.iloc[0]
        ok = len(T.kwic(art.text, tt, top["term"])) == top["count"]
    ok = ok and all(disp.groupby("term")["count"].sum()[t] == c for t, c in zip(table["term"][:5], table["count"][:5]))
    return time.perf_counter() - t0, table, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    from wordfreq import top_n_list

    from analysis import Article

    files = sorted((args.corpus / "text").glob("*.txt"))
    if not files:
        print(f"bench_terms: no texts in {args.corpus / 'text'}", file=sys.stderr)
        return 2
    common = set(top_n_list("en", 200))
    leaked: Counter[str] = Counter()
    n_top = n_tok = 0
    seconds = 0.0
    consistent = 0
    texts = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        texts.append(text)
        art = Article.from_text(text, layout="plain")
        n_tok += len(art.tokens)
        secs, table, ok = run_terms(art)
        seconds += secs
        consistent += ok
        top = table["term"].head(args.top).tolist()
        n_top += len(top)
        leaked.update(t for t in top if t in common)
    big = Article.from_text("\n\n".join(texts), layout="plain")
    big_tokens = len(big.tokens)
    big_secs, _, big_ok = run_terms(big)
    print(f"corpus: {args.corpus} ({len(files)} texts, {n_tok} tokens)")
    print(
        f"top-{args.top} terms among wordfreq's 200 most common English words: {sum(leaked.values())}/{n_top} "
        f"({sum(leaked.values()) / n_top:.1%}); most leaked: {', '.join(f'{w} ({c})' for w, c in leaked.most_common(8))}"
    )
    print(
        f"kwic count == term count and dispersion sums == count: {consistent}/{len(files)} articles"
        f" (+ joined corpus: {big_ok})"
    )
    print(f"speed per article: {n_tok / seconds:,.0f} tokens/s ({seconds:.2f} s in all)")
    print(f"speed on the joined corpus ({big_tokens} tokens): {big_tokens / big_secs:,.0f} tokens/s ({big_secs:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
