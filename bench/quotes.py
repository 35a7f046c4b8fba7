"""Score the quote extractor on PolNeAR (development split) and time it against ``load_article``.

Usage::

    python bench/quotes.py [CORPUS_DIR] [--annotator first|all] [--limit N] [--errors N] [--fp N]
                           [--speaker-errors N]

``CORPUS_DIR`` defaults to ``../shared/benchmarks/polnear-dev`` beside the repository.  Scoring
follows the corpus README: a predicted quote matches a gold Content when their overlap covers at
least half of the gold span (discontinuous spans count their fragments), one-to-one, greedy by
overlap; precision, recall and F1 over all contents and over contents with quotation marks; speaker
accuracy is the share of matched quotes whose ``speaker_start/end`` overlaps the gold Source.

The headline figures score every row of the quotes table as a predicted quote, literally as the
corpus README says.  PolNeAR annotates the whole reported content, so a ``partial`` row is placed by
its reported clause (``clause_start``/``clause_end``) where it has one; precision is printed next to
recall for all rows and per kind (precision of the direct, partial and indirect rows; recall of the
gold contents with and without quote marks).  A secondary score treats rows sharing a ``quotation_id`` as the fragments of one
interrupted quotation ("“A,” X said. “B.”", "A, X said, B"), which PolNeAR annotates as one
discontinuous content: they count as one predicted quote whose overlap is the sum of its fragments'
overlaps (rows are contiguous spans and never include the cue).  PolNeAR annotations
are univocal (a token belongs to at most one attribution), so a partial
quote nested in its indirect clause can never match and counts against precision; a secondary score
over the outermost rows only (rows not lying inside another row) is printed after the headline.
Articles annotated by several annotators are scored against the first annotator in sorted order
unless ``--annotator all`` is given (then each annotation counts as one document).

``--speaker-errors N`` prints up to N mismatched speakers for each ``speaker_rule | rule`` class and
``--fp N`` up to N unmatched rows per extraction rule (for error analysis).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "polnear-dev"
QUOTE_MARK_RE = re.compile(r"[“”\"«»]|''")


@dataclass
class Gold:
    """One gold Content with its Source (fragments are half-open spans)."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    quoted: bool

    @property
    def length(self) -> int:
        return sum(b - a for a, b in self.content)


def _frags(spec: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (f.split() for f in spec.split(";"))]


def read_ann(path: Path, text: str) -> list[Gold]:
    """Read the Content/Source pairs of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, _ = line.split("\t", 2)
            typ, rest = mid.split(" ", 1)
            spans[tid] = (typ, _frags(rest))
        elif line.startswith("E"):
            _, rest = line.split("\t", 1)
            events.append(dict(p.split(":", 1) for p in rest.split()))
    out = []
    seen = set()
    for ev in events:
        cid = ev.get("Content")
        if not cid or cid not in spans or cid in seen:
            continue
        seen.add(cid)
        content = spans[cid][1]
        source = spans[ev["Source"]][1] if ev.get("Source") in spans else []
        quoted = any(QUOTE_MARK_RE.search(text[a:b]) for a, b in content)
        out.append(Gold(content, source, quoted))
    return out


def _overlap(a: int, b: int, frags: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in frags)


def match(preds: list, gold: list[Gold]) -> list[tuple[int, int]]:
    """Return ``(pred_index, gold_index)`` pairs: overlap ≥ half the gold span, one-to-one, greedy.

    A prediction is a ``(start, end)`` span or a list of such fragments (one quotation).
    """
    cands = []
    frag_preds = [p if isinstance(p, list) else [p] for p in preds]
    for gi, g in enumerate(gold):
        need = g.length / 2
        for pi, frags in enumerate(frag_preds):
            ov = sum(_overlap(a, b, g.content) for a, b in frags)
            if ov > 0 and ov >= need:
                cands.append((ov, -pi, gi, pi))
    cands.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, _, gi, pi in cands:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs


def pred_spans(df) -> list:
    """Where each row is scored: its reported clause for a partial row that has one, else its
    ``fragments`` (a quotation running over several paragraphs), else its span."""
    starts, ends = df["start"].tolist(), df["end"].tolist()
    if "clause_start" not in df.columns:
        return list(zip(starts, ends))
    cs = df["clause_start"].astype("float").tolist()
    ce = df["clause_end"].astype("float").tolist()
    kinds, frags = df["kind"].tolist(), df["fragments"].tolist()
    out: list = []
    for a, b, c, e, k, f in zip(starts, ends, cs, ce, kinds, frags):
        if k == "partial" and c == c and e == e:
            out.append((int(c), int(e)))
        elif f is not None and len(f) > 1:
            out.append([(int(x), int(y)) for x, y in f])
        else:
            out.append((a, b))
    return out


def _span_of(pred) -> tuple[int, int]:
    """The first and last offset of a span or a list of fragments."""
    return (pred[0][0], pred[-1][1]) if isinstance(pred, list) else pred


def outermost(df):
    """Rows not lying inside another row (the quotes PolNeAR's univocal annotation can hold)."""
    spans = sorted(((*_span_of(p), i) for p, i in zip(pred_spans(df), df.index)), key=lambda r: (r[0], -r[1]))
    keep, reach = [], -1
    for _a, b, i in spans:
        if b <= reach:
            continue
        keep.append(i)
        reach = max(reach, b)
    return df.loc[sorted(keep)]


def quotations(df):
    """Group rows into quotations: rows sharing a ``quotation_id`` are fragments of one quotation.

    Returns one row per quotation (the first fragment's row, with its speaker mention) and the list
    of ``(start, end)`` fragments of each.
    """
    if "quotation_id" not in df.columns:
        return df, [[(a, b)] for a, b in zip(df["start"], df["end"])]
    frags: dict[int, list[tuple[int, int]]] = {}
    first: dict[int, int] = {}
    spk = df["speaker_start"].notna().tolist()
    for i, (q, p) in enumerate(zip(df["quotation_id"], pred_spans(df))):
        frags.setdefault(q, []).extend(p if isinstance(p, list) else [p])
        if q not in first or (not spk[first[q]] and spk[i]):
            first[q] = i
    order = sorted(frags)
    return df.iloc[[first[q] for q in order]], [frags[q] for q in order]


ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data" / "articles" / "nato-chief-condemns-china-bullying.txt"
SHIPPED_GOLD = ROOT / "tests" / "gold" / "nato-chief-condemns-china-bullying.gold.json"


def shipped_attributions(gold: dict) -> list[dict]:
    """The shipped article's gold attributions: each gold quote, except that an indirect clause
    holding a partial quote of the same cue and speaker is that partial's clause (one attribution)."""
    quotes = gold["quotes"]

    def holds(o: dict, g: dict) -> bool:
        same = (o["cue"], o["speaker"], o["kind"], g["kind"]) == (g["cue"], g["speaker"], "indirect", "partial")
        return same and o["span"][0] <= g["span"][0] and g["span"][1] <= o["span"][1]

    return [g for g in quotes if not any(holds(g, p) for p in quotes)]


def score_shipped() -> str:
    """Rows of the shipped article against its gold attributions: precision, recall, exact speakers
    (or a listed alternative) and the main speaker's ``actors.quotes`` against his attributions."""
    import json

    from analysis import load_article

    art = load_article(SHIPPED)
    q, gold = art.quotes, shipped_attributions(json.loads(SHIPPED_GOLD.read_text(encoding="utf-8")))
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        a, b = g["span"]
        for i in range(len(q)):
            ov = min(b, int(q["end"].iloc[i])) - max(a, int(q["start"].iloc[i]))
            if i not in pairs.values() and q["kind"].iloc[i] == g["kind"] and ov >= (b - a) / 2:
                pairs[gi] = i
                break
    ok = sum(q["speaker"].iloc[i] in {gold[g]["speaker"], *gold[g].get("speaker_alternatives", [])} for g, i in pairs.items())
    main = max({g["speaker"] for g in gold}, key=lambda s: sum(g["speaker"] == s for g in gold))
    own = sum(g["speaker"] == main for g in gold)
    counted = int(art.actors.set_index("actor")["quotes"].get(main, 0))
    return (
        f"shipped article: rows {len(q)}, gold attributions {len(gold)}: precision {len(pairs) / max(1, len(q)):.3f}"
        f"  recall {len(pairs) / max(1, len(gold)):.3f}  speakers {ok}/{len(pairs)}; main speaker: actors.quotes "
        f"{counted}, gold attributions {own} (+ joint ones the gold also accepts)"
    )


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--annotator", choices=("first", "all"), default="first")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N missed gold contents")
    ap.add_argument("--speaker-errors", type=int, default=0, help="print N wrong speakers per speaker_rule")
    ap.add_argument("--fp", type=int, default=0, help="print N unmatched predicted rows per rule")
    args = ap.parse_args(argv)

    from analysis import load_article
    from analysis.extract.quotes import extract_quotes

    by_article: dict[str, list[Path]] = collections.defaultdict(list)
    for ann in sorted((args.corpus / "attributions").glob("*.ann")):
        by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
    names = sorted(by_article)[: args.limit or None]

    totals = collections.Counter()
    t_load = t_quotes = 0.0
    crashes: list[str] = []
    missed: list[str] = []
    spk_err: dict[str, list[str]] = collections.defaultdict(list)
    spk_rule_n: collections.Counter = collections.Counter()
    fps: dict[str, list[str]] = collections.defaultdict(list)
    for name in names:
        path = args.corpus / "text" / f"{name}.txt"
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        t0 = time.perf_counter()
        try:
            art = load_article(path)
            sents, ents, toks = art.story_sentences, art.entities, art.tokens
        except Exception as exc:  # noqa: BLE001 - the loader is not what is measured here
            crashes.append(f"{name}: load: {exc!r}")
            continue
        t1 = time.perf_counter()
        try:
            quotes = extract_quotes(art.text, sents, ents, toks)
        except Exception as exc:  # noqa: BLE001 - a crash is a figure to report
            crashes.append(f"{name}: {exc!r}")
            continue
        t2 = time.perf_counter()
        t_load += t1 - t0
        t_quotes += t2 - t1
        if art.text != text:
            crashes.append(f"{name}: text differs from the corpus file")
            continue
        anns = by_article[name] if args.annotator == "all" else by_article[name][:1]
        for ann in anns:
            gold = read_ann(ann, text)
            grouped, frags = quotations(quotes)
            for label, df, preds in (
                ("quotations", grouped, frags),
                ("all", quotes, pred_spans(quotes)),
                ("outer", (o := outermost(quotes)), pred_spans(o)),
            ):
                pairs = match(preds, gold)
                kinds = df["kind"].tolist()
                totals[f"{label}_pred"] += len(preds)
                totals[f"{label}_tp"] += len(pairs)
                totals[f"{label}_pred_quoted"] += sum(k != "indirect" for k in kinds)
                totals[f"{label}_tp_quoted_pred"] += sum(kinds[p] != "indirect" for p, _ in pairs)
                totals[f"{label}_tp_quoted_gold"] += sum(gold[g].quoted for _, g in pairs)
                for kind in ("direct", "partial", "indirect"):
                    totals[f"{label}_pred_{kind}"] += sum(k == kind for k in kinds)
                    totals[f"{label}_tp_{kind}"] += sum(kinds[p] == kind for p, _ in pairs)
                s_start = df["speaker_start"].astype("float").fillna(-1).astype(int).tolist()
                s_end = df["speaker_end"].astype("float").fillna(-1).astype(int).tolist()
                for p, g in pairs:
                    if not gold[g].source:
                        continue
                    totals[f"{label}_spk_n"] += 1
                    a, b = s_start[p], s_end[p]
                    ok = a >= 0 and _overlap(a, b, gold[g].source)
                    if ok:
                        totals[f"{label}_spk_ok"] += 1
                    if label == "all":
                        rule = str(df["speaker_rule"].iloc[p]) + " | " + str(df["rule"].iloc[p])
                        spk_rule_n[rule] += 1
                        if not ok and args.speaker_errors and len(spk_err[rule]) < args.speaker_errors:
                            src = " … ".join(text[x:y] for x, y in gold[g].source)
                            got = text[a:b] if a >= 0 else None
                            ctx = text[
                                min(a if a >= 0 else 10**9, gold[g].source[0][0], _span_of(preds[p])[0]) : _span_of(preds[p])[0]
                                + 60
                            ]
                            spk_err[rule].append(f"{name[:25]}: gold {src!r} got {got!r} :: {ctx[-300:]!r}")
                if label == "all" and args.fp:
                    hitp = {p for p, _ in pairs}
                    rules = df["rule"].tolist()
                    for p, (a, b) in enumerate(map(_span_of, preds)):
                        if p not in hitp and len(fps[rules[p]]) < args.fp:
                            fps[rules[p]].append(f"{name[:25]}: {kinds[p]} {text[a:b][:150]!r}")
                if label == "all" and len(missed) < args.errors:
                    hit = {g for _, g in pairs}
                    for gi, g in enumerate(gold):
                        if gi not in hit and len(missed) < args.errors:
                            missed.append(f"{name}: {' … '.join(text[a:b] for a, b in g.content)[:160]!r}")
            totals["gold"] += len(gold)
            totals["gold_quoted"] += sum(g.quoted for g in gold)
        totals["articles"] += 1

    print(score_shipped())
    print(f"PolNeAR quotes benchmark: {args.corpus}")
    print(f"articles scored: {totals['articles']}, annotator: {args.annotator}, crashes: {len(crashes)}")
    for c in crashes:
        print("  crash:", c)
    print(f"gold contents: {totals['gold']} ({totals['gold_quoted']} with quote marks)")
    for label, title in (
        ("all", "README scoring, every row a predicted quote (headline)"),
        ("quotations", "secondary: fragments sharing a quotation_id count as one quotation"),
        ("outer", "secondary: outermost rows only"),
    ):
        p, r, f = prf(totals[f"{label}_tp"], totals[f"{label}_pred"], totals["gold"])
        qp = totals[f"{label}_tp_quoted_pred"] / totals[f"{label}_pred_quoted"] if totals[f"{label}_pred_quoted"] else 0
        qr = totals[f"{label}_tp_quoted_gold"] / totals["gold_quoted"] if totals["gold_quoted"] else 0
        acc = totals[f"{label}_spk_ok"] / totals[f"{label}_spk_n"] if totals[f"{label}_spk_n"] else 0
        print(f"{title}: predicted {totals[f'{label}_pred']}, matched {totals[f'{label}_tp']}")
        print(f"  content precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
        print(f"  quoted contents: recall {qr:.3f}  (precision of direct/partial rows {qp:.3f})")
        ur = (totals[f"{label}_tp"] - totals[f"{label}_tp_quoted_gold"]) / max(1, totals["gold"] - totals["gold_quoted"])
        print(f"  contents without marks: recall {ur:.3f}")
        per_kind = "  ".join(
            f"{kind} {totals[f'{label}_tp_{kind}'] / max(1, totals[f'{label}_pred_{kind}']):.3f}"
            f" ({totals[f'{label}_tp_{kind}']}/{totals[f'{label}_pred_{kind}']})"
            for kind in ("direct", "partial", "indirect")
        )
        print(f"  precision per kind: {per_kind}")
        print(
            f"  speaker accuracy {acc:.3f} ({totals[f'{label}_spk_ok']}/{totals[f'{label}_spk_n']} matched with a source)"
        )
    share = t_quotes / t_load if t_load else 0.0
    print(
        f"time: load_article + sentences + tokens + entities {t_load:.2f}s, extract_quotes {t_quotes:.2f}s "
        f"({share:.1%} of load)"
    )
    for m in missed:
        print("  missed:", m)
    for rule, errs in sorted(spk_err.items(), key=lambda kv: -len(kv[1])):
        print(f"speaker errors, rule {rule!r} ({spk_rule_n[rule]} matched):")
        for e in errs:
            print("   ", e)
    for rule, errs in fps.items():
        print(f"unmatched rows, rule {rule!r}:")
        for e in errs:
            print("   ", e)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
