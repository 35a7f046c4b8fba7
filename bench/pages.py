"""Score the whole workbook on pages-dev: real page copies with hand-made gold (DEVELOPMENT data).

Usage::

    python bench/pages.py [CORPUS_DIR] [--errors]

``CORPUS_DIR`` defaults to ``../shared/benchmarks/pages-dev`` beside the repository.  Scoring
follows the corpus README ("Suggested scoring"):

* title exact after collapsing whitespace and straightening quotes (gold null: prediction empty);
  published exact ISO date; authors exact (the same names, in any order);
* dates: a gold expression is *found* when a predicted timeline row overlaps it by one character,
  *right* when an overlapping row has the same value (upper-cased); both over all gold dates;
* quotes: overlap >= half the gold span, one-to-one, greedy by overlap; an unmatched borderline
  gold quote is no miss; precision next to recall over all rows and per kind (precision: rows of
  that kind matched; recall: gold quotes of that kind found); speaker accuracy on the matched pairs
  (same person after stripping titles: token containment, same surname or a listed alternative);
  speakers that are no mention of the shared layer (listed with ``--errors``);
* actors: the gold top 5 (ties at the fifth count may fill the remaining places) found among the
  predicted top 8 by mentions (name, alias, containment or same surname); the share of the
  predicted top 8 that stand for a gold actor (other_entities neither credited nor penalised);
  gold actors matched by two or more predicted actors (split); named speakers that are actors of
  ``art.actors``; mention counts within +-1 for the found top-5 actors.

Columns added later by the identity work (``actors.aliases``, ``quotes.speaker_ids``,
``art.quote_speakers``) are used when present.  ``--errors`` prints the misses per article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis import load_article  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "pages-dev"
TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "he", "h.e", "president", "minister", "secretary",
    "general", "senator", "sen", "rep", "representative", "administrator", "director", "chief",
    "mayor", "governor", "prime", "vice", "the", "of", "u.s", "us", "jr", "sr",
}
PRONOUNS = {"he", "she", "him", "her", "his", "it", "its", "they", "them", "their"}


# ---------------------------------------------------------------- names

def norm_text(s: str | None) -> str:
    s = (s or "").replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return " ".join(s.split())


def name_tokens(name: str, *, strip_titles: bool = True) -> list[str]:
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"['’]s\b", "", s)
    toks = [t.strip(".,;:()'\"") for t in re.split(r"[\s\-–]+", s)]
    toks = [t for t in toks if t]
    if strip_titles:
        kept = [t for t in toks if t not in TITLES]
        toks = kept or toks
    return toks


def same_name(a: str, b: str, *, person: bool = True, wider: bool = True) -> bool:
    """Normalised equality, token containment, or (persons) the same surname.

    ``wider=False``: ``a`` may not hold more tokens than ``b`` (a company named after a country is not the country).
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or set(ta) <= set(tb) or (wider and set(tb) <= set(ta)):
        return True
    return person and ta[-1] == tb[-1]


def gold_aliases(actor: dict) -> list[str]:
    forms = [re.sub(r"\s*\(x\d+\)\s*$", "", a) for a in actor.get("aliases", [])]
    return [f for f in forms if f.lower() not in PRONOUNS and f[:1].isupper()]


def match_score(pred_names: list[str], gold: dict) -> int:
    """3 exact name/alias, 2 token containment or same surname, 0 no match."""
    person = gold["type"] == "person"
    wider = gold["type"] not in ("country", "place")
    exact = {tuple(name_tokens(n, strip_titles=False)) for n in [gold["name"], *gold_aliases(gold)]}
    if any(tuple(name_tokens(p, strip_titles=False)) in exact for p in pred_names):
        return 3
    if any(same_name(p, gold["name"], person=person, wider=wider) for p in pred_names):
        return 2
    if any(same_name(p, g, person=False, wider=wider) for p in pred_names for g in gold_aliases(gold)):
        return 2
    return 0


# ---------------------------------------------------------------- per-field scores

def score_dates(art, gold: list[dict]) -> dict:
    tl = art.timeline
    rows = list(zip(tl["start"], tl["end"], tl["value"].astype(str).str.upper()))
    found = right = 0
    misses = []
    for g in gold:
        over = [v for a, b, v in rows if a < g["end"] and b > g["start"]]
        ok = str(g["value"]).upper() in over
        found += bool(over)
        right += ok
        if not ok:
            misses.append(f"{g['text']!r} gold {g['value']} got {over or '-'}")
    return {"dates": len(gold), "dates_found": found, "dates_right": right, "date_misses": misses}


def match_quotes(preds: list[tuple[int, int]], gold: list[dict]) -> dict[int, int]:
    cands = []
    for gi, g in enumerate(gold):
        need = (g["end"] - g["start"]) / 2
        for pi, (a, b) in enumerate(preds):
            ov = min(b, g["end"]) - max(a, g["start"])
            if ov > 0 and ov >= need:
                cands.append((ov, -pi, gi, pi))
    pairs: dict[int, int] = {}
    for _, _, gi, pi in sorted(cands, reverse=True):
        if gi not in pairs and pi not in pairs.values():
            pairs[gi] = pi
    return pairs


def speaker_ok(pred, gold: dict) -> bool:
    if not isinstance(pred, str) or not pred.strip():
        return False
    golds = [gold["speaker"], *gold.get("speaker_alternatives", [])]
    parts = [p for p in pred.split(";") if p.strip()]
    return any(same_name(p, g) for p in parts for g in golds if g)


def row_spans(q) -> tuple[list[tuple[int, int]], list[int]]:
    """Where each row is matched, and the row of each span: its span, or, for a row holding the
    fragments of an interrupted quotation ("“A,” X said. “B.”": one attribution, for which the gold
    gives one entry per fragment), each fragment."""
    spans, owner = [], []
    for pi, (a, b, frags) in enumerate(zip(q["start"], q["end"], q["fragments"])):
        parts = [(int(x), int(y)) for x, y in frags] if frags is not None and len(frags) > 1 else []
        if not parts or all(a <= x and y <= b for x, y in parts):  # a paragraph-joined quotation: its span
            parts = [(a, b)]
        spans += parts
        owner += [pi] * len(parts)
    return spans, owner


def score_quotes(art, gold: list[dict]) -> dict:
    q = art.quotes
    spans, owner = row_spans(q)
    kinds = q["kind"].tolist()
    pairs = {gi: owner[si] for gi, si in match_quotes(spans, gold).items()}
    out = Counter()
    misses = []
    for gi, g in enumerate(gold):
        hit = gi in pairs
        if g.get("borderline") and not hit:
            continue
        out["quotes"] += 1
        out["quotes_found"] += hit
        out[f"gold_{g['kind']}"] += 1
        out[f"gold_{g['kind']}_found"] += hit
        if g["kind"] == "indirect":
            out["indirect"] += 1
            out["indirect_found"] += hit
        if not hit:
            misses.append(f"miss {g['kind']}: {g['text'][:70]!r} ({g['speaker']})")
            continue
        row = q.iloc[pairs[gi]]
        out["kind_right"] += row["kind"] == g["kind"]
        if g.get("speaker"):
            out["speakers"] += 1
            good = speaker_ok(row["speaker"], g)
            out["speakers_right"] += good
            if not good:
                misses.append(f"speaker {row['speaker']!r} for {g['speaker']!r}: {g['text'][:50]!r}")
    matched = set(pairs.values())
    for pi, kind in enumerate(kinds):
        out[f"pred_{kind}"] += 1
        out[f"pred_{kind}_matched"] += pi in matched
        if pi not in matched:
            misses.append(f"unmatched {kind}: {q.iloc[pi]['text'][:70]!r} ({q.iloc[pi]['speaker']})")
    out["predicted"] = len(kinds)
    out["predicted_unmatched"] = len(kinds) - len(matched)
    bad = speakers_not_mentions(art)
    out["speakers_not_mentions"] = len(bad)
    misses += [f"speaker not a mention: {s!r}" for s in bad]
    return {**out, "quote_misses": misses}


def speakers_not_mentions(art) -> list[str]:
    """Speaker strings that are no mention of the shared layer.

    A speaker is a mention when it names actors (``speaker_ids``, each an actor of ``art.actors``),
    is the transcript questioner, or is a noun phrase headed by a noun that can speak (a person,
    group, organisation or document noun: "officials", "the statement"; the pipeline's own test,
    :func:`analysis.extract.quotes.objects.speaking_noun`).
    """
    from analysis.extract.quotes.objects import speaking_noun

    q, actors = art.quotes, set(art.actors["actor_id"])
    bad = []
    for speaker, ids in zip(q["speaker"], q["speaker_ids"] if "speaker_ids" in q.columns else [None] * len(q)):
        if not isinstance(speaker, str) or not speaker:
            continue
        if ids is not None and len(ids) and set(ids) <= actors:
            continue
        head = re.sub(r"[’']s$", "", speaker.split()[-1].lower())
        if speaker == "(questioner)" or speaking_noun(head):
            continue
        bad.append(speaker)
    return bad


def predicted_names(actors, i: int) -> list[str]:
    """The display name of predicted actor ``i`` and its surface forms (``aliases`` or ``names``)."""
    row = actors.iloc[i]
    names = [row["actor"]]
    for col in ("aliases", "names"):
        forms = row[col] if col in actors.columns else None
        if forms is not None and not isinstance(forms, str) and hasattr(forms, "__iter__"):
            names += [str(n) for n in forms]
    return [n for n in names if n and n.lower() not in PRONOUNS]


def assign(actors, gold: list[dict]) -> list[int | None]:
    """For each predicted actor, the index of the gold actor it stands for (best score, first)."""
    out = []
    for i in range(len(actors)):
        names = predicted_names(actors, i)
        scores = [match_score(names, g) for g in gold]
        best = max(scores, default=0)
        out.append(scores.index(best) if best else None)
    return out


def gold_top5(gold: list[dict]) -> tuple[list[int], list[int], int]:
    """Indices that must be found, indices tied at the fifth count, and places left for the tied."""
    if len(gold) <= 5:
        return list(range(len(gold))), [], 0
    fifth = gold[4]["mentions"]
    must = [i for i, g in enumerate(gold) if g["mentions"] > fifth]
    tied = [i for i, g in enumerate(gold) if g["mentions"] == fifth]
    return must, tied, 5 - len(must)


def score_actors(art, gold: list[dict], others: list[dict]) -> dict:
    actors = art.actors.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)
    owner = assign(actors, gold)
    other_owner = assign(actors, others) if others else [None] * len(actors)
    top = list(range(min(8, len(actors))))
    top_gold = {owner[i]: i for i in reversed(top) if owner[i] is not None}
    must, tied, places = gold_top5(gold)
    found_must = [gi for gi in must if gi in top_gold]
    found_tied = [gi for gi in tied if gi in top_gold][:places]
    found = found_must + found_tied
    counts_ok = sum(
        abs(int(actors.iloc[top_gold[gi]]["mentions"]) - gold[gi]["mentions"]) <= 1 for gi in found
    )
    judged = [i for i in top if owner[i] is not None or other_owner[i] is None]
    owners = Counter(o for o in owner if o is not None)
    split = {
        gold[gi]["name"]: [actors.iloc[i]["actor"] for i, o in enumerate(owner) if o == gi]
        for gi, n in owners.items()
        if n > 1
    }
    misses = [f"top-5 missing: {gold[gi]['name']}" for gi in must + tied if gi not in found][
        : len(must) + places - len(found)
    ]
    misses += [f"top-8 not gold: {actors.iloc[i]['actor']}" for i in judged if owner[i] is None]
    misses += [f"split: {n} <- {preds}" for n, preds in split.items()]
    misses += [
        f"count {gold[gi]['name']}: {int(actors.iloc[top_gold[gi]]['mentions'])} vs {gold[gi]['mentions']}"
        for gi in found
        if abs(int(actors.iloc[top_gold[gi]]["mentions"]) - gold[gi]["mentions"]) > 1
    ]
    return {
        "top5": len(must) + places, "top5_found": len(found), "counts_ok": counts_ok,
        "top8": len(judged), "top8_gold": sum(owner[i] is not None for i in judged),
        "gold_actors": len(gold), "split": len(split), "actor_misses": misses,
    }


def named_speakers(art) -> tuple[int, int]:
    """(named speakers, of which actors of ``art.actors``); a name starts with a capital letter."""
    q, actors = art.quotes, art.actors
    known = {norm_text(a) for a in actors["actor"]}
    ids = set(actors["actor_id"]) if "actor_id" in actors.columns else None
    named = are_actors = 0
    for i in range(len(q)):
        speaker = q.iloc[i]["speaker"]
        if not isinstance(speaker, str) or not speaker.strip():
            continue
        if "speaker_ids" in q.columns and ids is not None:
            sids = q.iloc[i]["speaker_ids"]
            if sids is None or len(sids) == 0:
                continue
        for name in (p.strip() for p in speaker.split(";")):
            if not name[:1].isupper() or name.split()[0].lower() in {"the", "a", "an"}:
                continue
            named += 1
            are_actors += norm_text(name) in known
    return named, are_actors


# ---------------------------------------------------------------- driver

def score_article(txt: Path) -> dict:
    gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
    art = load_article(txt)
    meta = art.metadata
    row = {
        "id": txt.stem.replace("article_", ""),
        "title_ok": norm_text(meta.get("title")) == norm_text(gold["title"]),
        "title": meta.get("title"), "gold_title": gold["title"],
        "published_ok": meta.get("published") == gold["published"],
        "published": meta.get("published"), "gold_published": gold["published"],
        "authors_ok": sorted(map(norm_text, meta.get("authors") or [])) == sorted(map(norm_text, gold["authors"])),
        "authors": meta.get("authors"), "gold_authors": gold["authors"],
    }
    row.update(score_dates(art, gold["dates"]))
    row.update(score_quotes(art, gold["quotes"]))
    row.update(score_actors(art, gold["actors"], gold.get("other_entities", [])))
    row["named_speakers"], row["speakers_actors"] = named_speakers(art)
    return row


def ratio(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "-"


def print_article(r: dict, errors: bool) -> None:
    print(
        f"{r['id']}  title {'ok ' if r['title_ok'] else 'NO '} date {'ok ' if r['published_ok'] else 'NO '}"
        f" dates {r['dates_found']}/{r['dates_right']}/{r['dates']}"
        f"  quotes {r.get('quotes_found', 0)}/{r.get('quotes', 0)}"
        f" ind {r.get('indirect_found', 0)}/{r.get('indirect', 0)} pred {r.get('predicted', 0)}"
        f" spk {r.get('speakers_right', 0)}/{r.get('speakers', 0)}"
        f"  top5 {r['top5_found']}/{r['top5']} top8 {r['top8_gold']}/{r['top8']} split {r['split']}"
        f" named {r['speakers_actors']}/{r['named_speakers']} counts {r['counts_ok']}/{r['top5_found']}"
    )
    if not errors:
        return
    if not r["title_ok"]:
        print(f"    title {r['title']!r} gold {r['gold_title']!r}")
    if not r["published_ok"]:
        print(f"    published {r['published']} gold {r['gold_published']}")
    if not r["authors_ok"]:
        print(f"    authors {r['authors']} gold {r['gold_authors']}")
    for m in r["date_misses"] + r["quote_misses"] + r["actor_misses"]:
        print(f"    {m}")


def print_overall(rows: list[dict]) -> None:
    t = Counter()
    for r in rows:
        t.update({k: int(v) for k, v in r.items() if isinstance(v, (bool, int))})
    n = len(rows)
    print(f"\noverall ({n} articles, development data)")
    lines = [
        ("title exact", f"{t['title_ok']}/{n}"),
        ("published exact", f"{t['published_ok']}/{n}"),
        ("authors exact", f"{t['authors_ok']}/{n}"),
        ("dates found", ratio(t["dates_found"], t["dates"])),
        ("dates right value", ratio(t["dates_right"], t["dates"])),
        ("quote precision (all)", ratio(t["predicted"] - t["predicted_unmatched"], t["predicted"])),
        ("quote recall (all)", ratio(t["quotes_found"], t["quotes"])),
        *(
            (f"  {kind}: precision | recall", f"{ratio(t[f'pred_{kind}_matched'], t[f'pred_{kind}'])} | "
             f"{ratio(t[f'gold_{kind}_found'], t[f'gold_{kind}'])}")
            for kind in ("direct", "partial", "indirect")
        ),
        ("quote kind accuracy", ratio(t["kind_right"], t["quotes_found"])),
        ("speaker accuracy", ratio(t["speakers_right"], t["speakers"])),
        ("gold top-5 in predicted top 8", ratio(t["top5_found"], t["top5"])),
        ("predicted top 8 that are gold", ratio(t["top8_gold"], t["top8"])),
        ("gold actors split", f"{t['split']}/{t['gold_actors']}"),
        ("named speakers that are actors", ratio(t["speakers_actors"], t["named_speakers"])),
        ("speakers that are no mention", f"{t['speakers_not_mentions']}"),
        ("mention counts within +-1", ratio(t["counts_ok"], t["top5_found"])),
    ]
    for name, value in lines:
        print(f"  {name:<32} {value}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--errors", action="store_true", help="print the misses of each article")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("article_*.txt"))
    if not files:
        print(f"no article_*.txt in {args.corpus}", file=sys.stderr)
        return 1
    rows = []
    for txt in files:
        rows.append(score_article(txt))
        print_article(rows[-1], args.errors)
    print_overall(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
