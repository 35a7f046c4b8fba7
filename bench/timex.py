"""Score the timeline recogniser on TempEval-3 TimeML files against ``dateparser.search_dates``.

Usage: ``python bench/timex.py [CORPUS_DIR] [--limit N] [--errors]``; CORPUS_DIR defaults to
``../shared/benchmarks/tempeval3-tbaq`` beside the repository.  Each ``.tml`` file's ``<TEXT>`` is
stripped of tags; the document creation time comes from ``<DCT>``.  Scoring follows TempEval-3:
relaxed match = overlapping spans, strict = identical spans after trimming spaces (one-to-one);
type and value F1 = attribute accuracy over relaxed matches × relaxed F1.  The baseline is
``dateparser.search_dates`` with the creation time as relative base, run over the same sentences.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3-tbaq"
_TOKEN = re.compile(r"<(/?)(\w+)([^>]*)>|&[#\w]+;|[^<&]+")


def read_tml(path: Path) -> tuple[str, str, list[dict]]:
    """Return (text, dct, gold timexes with start/end/type/value) of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S).group(1)[:10]
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out: list[str] = []
    pos = 0
    gold: list[dict] = []
    stack: list[dict] = []
    for m in _TOKEN.finditer(body):
        tok = m.group(0)
        if m.group(2):
            if m.group(2) == "TIMEX3":
                if m.group(1):
                    g = stack.pop()
                    g["end"] = pos
                    gold.append(g)
                else:
                    attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(3)))
                    stack.append({"start": pos, "type": attrs.get("type"), "value": attrs.get("value")})
            continue
        piece = html.unescape(tok) if tok.startswith("&") else tok
        out.append(piece)
        pos += len(piece)
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"] : g["end"]]
    return text, dct, gold


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return a, b


def score(text: str, gold: list[dict], pred: list[dict], acc: dict) -> list[tuple]:
    """Accumulate TempEval-3 counts for one document; return (gold, pred) relaxed pairs."""
    pairs = []
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((ov, i, j))
    cands.sort(reverse=True)
    used_g, used_p = set(), set()
    for _ov, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    acc["gold"] += len(gold)
    acc["pred"] += len(pred)
    acc["relaxed"] += len(pairs)
    for g, p in pairs:
        acc["strict"] += _trim(text, g["start"], g["end"]) == _trim(text, p["start"], p["end"])
        acc["type"] += g["type"] == p["type"]
        acc["value"] += g["value"] == p["value"]
    return pairs


def f1(tp: float, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, acc: dict, seconds: float, n_chars: int) -> dict:
    p, r, rf = f1(acc["relaxed"], acc["pred"], acc["gold"])
    _, _, sf = f1(acc["strict"], acc["pred"], acc["gold"])
    type_acc = acc["type"] / acc["relaxed"] if acc["relaxed"] else 0.0
    val_acc = acc["value"] / acc["relaxed"] if acc["relaxed"] else 0.0
    print(
        f"{name:<22} gold={acc['gold']} pred={acc['pred']} P={p:.3f} R={r:.3f} relaxed F1={rf:.3f} "
        f"strict F1={sf:.3f} type F1={type_acc * rf:.3f} value F1={val_acc * rf:.3f} "
        f"(value acc {val_acc:.3f}) time={seconds:.2f}s ({n_chars / max(seconds, 1e-9) / 1000:.0f}k chars/s)"
    )
    return {"relaxed": rf, "value": val_acc * rf, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="read at most N files")
    ap.add_argument("--errors", action="store_true", help="print value and extent errors")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument("--repeat", type=int, default=2, help="time each system N times, keep the best (default 2)")
    args = ap.parse_args(argv)

    from analysis import Article
    from analysis.extract.timeline import extract_timeline
    from analysis.extract.timex import find_timexes
    from analysis.nlp.tokens import tokenize
    from analysis.resources import pos_tagger

    files = sorted(Path(args.corpus).rglob("*.tml"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no .tml files under {args.corpus}", file=sys.stderr)
        return 2
    docs = []
    for f in files:
        text, dct, gold = read_tml(f)
        art = Article.from_text(text, published=dct, layout="plain")
        sents = art.sentences
        docs.append((f, text, dct, gold, sents))
    empty = Article.from_text("x", layout="plain").entities.iloc[0:0]
    n_chars = sum(len(d[1]) for d in docs)
    print(f"{len(docs)} documents, {n_chars} characters, {sum(len(d[3]) for d in docs)} gold TIMEX3")

    acc = dict.fromkeys(("gold", "pred", "relaxed", "strict", "type", "value"), 0)
    # warm up both systems (model and rule loading) outside the timed runs
    warm = "The talks began on Friday, two days after the March 3, 2021 vote."
    extract_timeline(warm, Article.from_text(warm, layout="plain").sentences, published="2021-03-08", entities=empty)
    pos_tagger()  # the tagger (used for the tense of partial dates) loads once per process
    ours_t = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        preds = [extract_timeline(text, sents, published=dct, entities=empty) for _, text, dct, _, sents in docs]
        ours_t = min(ours_t, time.perf_counter() - t0)
    for (f, text, _dct, gold, _), tl in zip(docs, preds):
        pred = tl[["start", "end", "type", "value", "text", "rule"]].to_dict("records")
        pairs = score(text, gold, pred, acc)
        if args.errors:
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}
            for g, p in pairs:
                if g["value"] != p["value"] or g["type"] != p["type"]:
                    print(
                        f"VAL {f.name}: {g['text']!r} {g['type']} {g['value']} <> {p['text']!r} {p['type']} {p['value']} [{p['rule']}]"
                    )
            for g in gold:
                if id(g) not in matched_g:
                    ctx = text[max(0, g["start"] - 40) : g["end"] + 30].replace("\n", " ")
                    print(f"FN  {f.name}: {g['text']!r} {g['type']} {g['value']} | {ctx}")
            for p in pred:
                if id(p) not in matched_p:
                    ctx = text[max(0, p["start"] - 40) : p["end"] + 30].replace("\n", " ")
                    print(f"FP  {f.name}: {p['text']!r} {p['type']} {p['value']} [{p['rule']}] | {ctx}")
    ours = report("timeline (ours)", acc, ours_t, n_chars)
    # the recogniser alone (find_timexes over the same sentences, no event/actor step)
    rec_t = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _, _text, dct, _, sents in docs:
            state: dict = {}
            for s in sents["text"]:
                find_timexes(s, dct=dct, state=state)
        rec_t = min(rec_t, time.perf_counter() - t0)
    # the step as Article runs it: the POS tags the pipeline computed for entities are reused
    tagged = [tokenize(text, sents) for _, text, _, _, sents in docs]
    art_t = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for (_, text, dct, _, sents), toks in zip(docs, tagged):
            extract_timeline(text, sents, published=dct, entities=empty, tokens=toks)
        art_t = min(art_t, time.perf_counter() - t0)

    if args.no_baseline:
        return 0
    from dateparser.search import search_dates

    acc = dict.fromkeys(acc, 0)
    settings_base = {"RETURN_AS_TIMEZONE_AWARE": False}
    search_dates(warm, languages=["en"], settings=dict(settings_base, RELATIVE_BASE=dt.datetime(2021, 3, 8)))
    base_t = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        base_preds = _run_dateparser(docs, search_dates, settings_base)
        base_t = min(base_t, time.perf_counter() - t0)
    for (_, text, _, gold, _), pred in zip(docs, base_preds):
        score(text, gold, pred, acc)
    report("dateparser.search_dates", acc, base_t, n_chars)
    print(
        f"speed (best of {args.repeat} runs each): timeline step {base_t / max(ours['seconds'], 1e-9):.1f}x faster than search_dates"
    )
    print(
        f"speed: timeline step reusing the pipeline's POS tags (as Article runs it) "
        f"{base_t / max(art_t, 1e-9):.1f}x faster ({art_t:.2f}s)"
    )
    print(f"speed: recogniser alone {base_t / max(rec_t, 1e-9):.1f}x faster than search_dates ({rec_t:.2f}s)")
    return 0


def _run_dateparser(docs: list, search_dates, settings_base: dict) -> list[list[dict]]:
    base_preds = []
    for _, _text, dct, _, sents in docs:
        settings = dict(settings_base, RELATIVE_BASE=dt.datetime.fromisoformat(dct))
        pred = []
        for a, s in sents[["start", "text"]].itertuples(index=False):
            found = search_dates(s, languages=["en"], settings=settings) or []
            pos = 0
            for sub, when in found:
                i = s.find(sub, pos)
                if i < 0:
                    continue
                pos = i + len(sub)
                value = when.strftime("%Y") if re.fullmatch(r"\s*\d{4}\s*", sub) else when.date().isoformat()
                typ = "TIME" if (when.hour or when.minute) else "DATE"
                pred.append({"start": a + i, "end": a + i + len(sub), "type": typ, "value": value})
        base_preds.append(pred)
    return base_preds


if __name__ == "__main__":
    sys.exit(main())
