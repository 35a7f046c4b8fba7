"""Score the entity extractor on CoNLL-2003 (English dev split) against NLTK's ``pos_tag`` + ``ne_chunk``.

Usage::

    NLTK_DATA=../shared/nltk_data python bench/entities.py [CORPUS_DIR] [--limit N]

``CORPUS_DIR`` defaults to ``../shared/benchmarks/conll2003-dev`` (the folder beside the repository).
Each sentence is rebuilt as its tokens joined by single spaces; the sentences of one document are
joined by newlines and run through the same ``tokenize`` + ``extract_entities`` code that
:class:`analysis.Article` uses (one sentence per line, so sentence splitting is not measured).
Scoring is exact match on (start, end, type) per sentence, with the project's actor types mapped
to CoNLL's: person→PER, org→ORG, country/place→LOC, demonyms/events/other→MISC.  Pronoun and
nominal mentions ("he", "the alliance") have no CoNLL counterpart and are left out.  The NLTK
baseline is scored untyped (its binary chunker only finds spans).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "conll2003-dev"
TYPES = ("PER", "ORG", "LOC", "MISC")


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Return documents → sentences → (token, IOB1 tag) pairs."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent:
                docs[-1].append(sent) if docs else docs.append([sent])
                sent = []
            continue
        if parts[0] == "-DOCSTART-":
            if sent:
                docs[-1].append(sent)
                sent = []
            docs.append([])
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def gold_spans(sent: list[tuple[str, str]], offsets: list[int]) -> set[tuple[int, int, str]]:
    """Return (start, end, type) character spans of the IOB1-tagged sentence."""
    spans, cur = set(), None
    for i, (tok, tag) in enumerate(sent):
        a, b = offsets[i], offsets[i] + len(tok)
        if tag == "O":
            if cur:
                spans.add(tuple(cur))
            cur = None
            continue
        kind, typ = tag.split("-", 1)
        if cur and cur[2] == typ and kind == "I":
            cur[1] = b
        else:
            if cur:
                spans.add(tuple(cur))
            cur = [a, b, typ]
    if cur:
        spans.add(tuple(cur))
    return spans


def build_docs(docs):
    """Return per document: text, sentence frame, gold spans (doc offsets), token lists."""
    out = []
    for doc in docs:
        lines, rows, gold, toks, pos = [], [], set(), [], 0
        for sid, sent in enumerate(doc):
            words = [w for w, _ in sent]
            offs, p = [], pos
            for w in words:
                offs.append(p)
                p += len(w) + 1
            line = " ".join(words)
            rows.append((sid, 0, "body", pos, pos + len(line), line))
            gold |= {(a, b, t) for a, b, t in gold_spans(sent, offs)}
            toks.append(words)
            lines.append(line)
            pos += len(line) + 1
        text = "\n".join(lines)
        sents = pd.DataFrame(rows, columns=["sentence_id", "block_id", "kind", "start", "end", "text"])
        out.append((text, sents, gold, toks))
    return out


def conll_type(actor_type: str, how: str) -> str | None:
    """Map a project entity row to a CoNLL type (None: not a CoNLL mention)."""
    if how in ("pronoun", "nominal", "title", "nested"):  # CoNLL tags names only, never nested ones
        return None
    if how == "demonym":
        return "MISC"
    return {"person": "PER", "org": "ORG", "country": "LOC", "place": "LOC"}.get(actor_type, "MISC")


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_ours(built):
    from analysis.extract.entities import extract_entities
    from analysis.nlp.tokens import tokenize

    preds, ntok, rules = [], 0, []
    t0 = time.perf_counter()
    for text, sents, _, _ in built:
        toks = tokenize(text, sents)
        ntok += len(toks)
        ents = extract_entities(text, sents, toks)
        spans, rule = set(), {}
        for a, b, at, how, r in ents[["start", "end", "actor_type", "how", "rule"]].itertuples(index=False):
            t = conll_type(at, how)
            if t:
                spans.add((int(a), int(b), t))
                rule[int(a), int(b)] = r
        preds.append(spans)
        rules.append(rule)
    return preds, ntok, time.perf_counter() - t0, rules


def confusions(built, preds, rules, top: int) -> None:
    """Print gold type × predicted type on spans both found, then the commonest errors by rule."""
    table, by_rule, examples = Counter(), Counter(), {}
    for (text, _, gold, _), pred, rule in zip(built, preds, rules):
        g = {(a, b): t for a, b, t in gold}
        for a, b, t in pred:
            gt = g.get((a, b), "-")  # "-": not a gold entity (a false positive span)
            table[gt, t] += 1
            if gt != t:
                key = (gt, t, rule.get((a, b), ""))
                by_rule[key] += 1
                examples.setdefault(key, text[a:b])
        for (a, b), t in g.items():
            if not any((a, b, u) in pred for u in TYPES):
                table[t, "-"] += 1  # "-": the span was missed (or found with other boundaries)
    cols = [*TYPES, "-"]
    print("confusions (rows gold, columns ours; '-' = no entity on that exact span)")
    print("gold\\ours " + " ".join(f"{c:>6}" for c in cols))
    for r in cols:
        print(f"{r:<9} " + " ".join(f"{table[r, c]:>6}" for c in cols))
    print(f"commonest errors by rule (gold → ours, rule, count, example), top {top}:")
    for (gt, t, r), n in by_rule.most_common(top):
        print(f"  {gt:>4} → {t:<4} {r:<26} {n:>4}  {examples[gt, t, r]!r}")


def run_nltk(built):
    import nltk

    from analysis.resources import pos_tagger

    chunker = nltk.chunk.ne_chunker(fmt="binary")
    tagger = pos_tagger()
    preds, ntok = [], 0
    t0 = time.perf_counter()
    for _text, _, _, toks in built:
        spans, pos = set(), 0
        for words in toks:
            ntok += len(words)
            offs, p = [], pos
            for w in words:
                offs.append(p)
                p += len(w) + 1
            tree = chunker.parse(tagger.tag(words))
            i = 0
            for node in tree:
                if isinstance(node, nltk.Tree):
                    n = len(node)
                    spans.add((offs[i], offs[i + n - 1] + len(words[i + n - 1]), "NE"))
                    i += n
                else:
                    i += 1
            pos = p
        preds.append(spans)
    return preds, ntok, time.perf_counter() - t0


def score(built, preds, typed: bool):
    tp = npred = ngold = 0
    per_type = Counter()
    for (_, _, gold, _), pred in zip(built, preds):
        if typed:
            g, p = gold, pred
            for t in TYPES:
                gt = {x for x in g if x[2] == t}
                pt = {x for x in p if x[2] == t}
                per_type[t, "tp"] += len(gt & pt)
                per_type[t, "pred"] += len(pt)
                per_type[t, "gold"] += len(gt)
        else:
            g = {(a, b) for a, b, _ in gold}
            p = {(a, b) for a, b, _ in pred}
        tp += len(g & p)
        npred += len(p)
        ngold += len(g)
    return prf(tp, npred, ngold), per_type


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--errors", type=int, default=0, help="print N example errors per type")
    ap.add_argument("--no-nltk", action="store_true", help="skip the NLTK baseline")
    ap.add_argument(
        "--confusions",
        type=int,
        default=0,
        metavar="N",
        help="print the type confusions (gold → ours on the same span) and the N commonest by rule",
    )
    args = ap.parse_args(argv)
    path = Path(args.corpus) / "valid.txt"
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 2
    docs = read_conll(path)
    if args.limit:
        docs = docs[: args.limit]
    built = build_docs(docs)
    from analysis.resources import pos_tagger

    pos_tagger()  # load outside the timed runs
    from analysis.extract import entities as _e
    from analysis.nlp.tokens import tokenize

    # Load the lexicons and WordNet's name list outside the timed run (as the NLTK chunker is built
    # before its timed run).
    warm = "Ann Lee said Paris won."
    warm_sents = pd.DataFrame({"sentence_id": [0], "start": [0], "end": [len(warm)]})
    _e.extract_entities(warm, warm_sents, tokenize(warm, warm_sents))
    preds, ntok, secs, rules = run_ours(built)
    (p, r, f), per_type = score(built, preds, typed=True)
    (up, ur, uf), _ = score(built, preds, typed=False)
    ngold = sum(len(g) for _, _, g, _ in built)
    print(f"conll2003-dev: {len(built)} documents, {ntok} tokens (ours), {ngold} gold entities")
    print(f"ours   typed   P={p:.3f} R={r:.3f} F1={f:.3f}")
    for t in TYPES:
        tp_, pp, gg = per_type[t, "tp"], per_type[t, "pred"], per_type[t, "gold"]
        tp2, tr2, tf2 = prf(tp_, pp, gg)
        print(f"ours   {t:<7} P={tp2:.3f} R={tr2:.3f} F1={tf2:.3f} (gold {gg}, predicted {pp})")
    print(f"ours   untyped P={up:.3f} R={ur:.3f} F1={uf:.3f}")
    print(f"ours   throughput {ntok / secs:,.0f} tokens/s ({secs:.1f} s, tokenize + POS + entities)")
    if not args.no_nltk:
        npreds, nntok, nsecs = run_nltk(built)
        (np_, nr, nf), _ = score(built, npreds, typed=False)
        print(f"nltk   untyped P={np_:.3f} R={nr:.3f} F1={nf:.3f} (pos_tag + binary ne_chunk)")
        print(f"nltk   throughput {nntok / nsecs:,.0f} tokens/s ({nsecs:.1f} s)")
    if args.confusions:
        confusions(built, preds, rules, args.confusions)
    if args.errors:
        for (text, _, gold, _), pred in zip(built, preds):
            for a, b, t in sorted(gold - pred)[: args.errors]:
                print("MISS", t, repr(text[a:b]), [(text[x:y], u) for x, y, u in pred if x < b and a < y])
            for a, b, t in sorted(pred - gold)[: args.errors]:
                print("FP  ", t, repr(text[a:b]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
