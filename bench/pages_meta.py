"""Score title, dates, authors and story extent on pages-meta: fitted, unseen, and cross-validated.

Usage::

    python bench/pages_meta.py [--bench ../shared/benchmarks] [--no-cv]

Prints, side by side, the figures of the shipped weights on ``pages-meta/tune`` (the pages they were
fitted on, with ``pages-dev``), on ``pages-meta/check`` (never fitted on, never looked at: only these
aggregate figures are printed for it) and the leave-site-out cross-validation on ``tune``: for each
site, the models are refitted on the other sites' pages plus ``pages-dev`` and score the held-out
site's pages.  The gap between the tune and cross-validated columns is how much of the tune figure
is memory.  The figures are those of the benchmark's ``score.py`` and ``score_story.py``:

* title accuracy (normalised exact, a trailing " | Site" stripped from either side; a page whose
  gold has no headline, as one in ``pages-dev``, is right when no title is read) and token F1;
* published accuracy over pages whose gold date is written in the copy; null-ok over pages whose
  copy shows no gold date (prediction None or the gold date);
* authors recall and precision (micro, over pages whose gold names all appear in the copy);
* story precision, recall and F1 (bags of words of the ``body`` and ``heading`` blocks against the
  gold story, means over the pages with story gold);
* ``null_ok_cut``: null-ok on many more pages than the benchmark's few undated ones — every page whose
  date is written, with the lines stating that date cut out: the page then states no date of its
  own, and the right answer is None (not a related story's, a comment's or an updated date).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.read.layout import recognise  # noqa: E402
from analysis.read.layout.dates import day_first_page, line_dates  # noqa: E402
from analysis.read.layout.fit import (  # noqa: E402
    AnnotatedPage,
    fit_models,
    load_annotated,
    name_key,
    norm,
    story_words,
    strip_site,
    title_match,
)
from analysis.read.layout.model import Models  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "benchmarks"
STORY_KINDS = ("body", "heading")


def predict(page: AnnotatedPage, models: Models | None = None) -> dict:
    """Title, published, authors and story lines of a page, as the project reads it."""
    blocks, meta = recognise(page.text, models=models)
    story = blocks[blocks["kind"].isin(STORY_KINDS)]["text"].tolist()
    return {"title": meta["title"], "published": meta["published"], "authors": meta["authors"], "story": story}


def cut_date(page: AnnotatedPage) -> AnnotatedPage | None:
    """The page without the lines that state its gold date (None when its date is not written, or
    no line states it as the project reads dates)."""
    g = page.gold
    if not g.get("published_in_text"):
        return None
    dayfirst = day_first_page(page.text)
    lines = page.text.split("\n")
    keep = [ln for ln in lines if all(iso != g["published"] for *_, iso in line_dates(ln, dayfirst=dayfirst))]
    if len(keep) == len(lines):
        return None
    return AnnotatedPage(f"{page.name} (date cut)", page.site, "\n".join(keep), g)


def _token_f1(pred: str | None, gold: str) -> float:
    import re

    def toks(s):
        return re.findall(r"\w+", norm(s))

    best = 0.0
    p = Counter(toks(pred))
    n = norm(gold).strip(" .")
    for g_text in {n, strip_site(n), strip_site(strip_site(n))} - {""}:
        g = Counter(toks(g_text))
        common = sum((p & g).values())
        if common:
            prec, rec = common / sum(p.values()), common / sum(g.values())
            best = max(best, 2 * prec * rec / (prec + rec))
    return best


def _title_right(pred: str | None, gold: str | None) -> bool:
    """The benchmark's title match; a page whose gold says it has no headline (``null``, as in
    ``pages-dev``) is right when no title is read."""
    return pred is None if gold is None else title_match(pred, gold)


def score(pages: list[AnnotatedPage], preds: list[dict], cut: list[dict | None] | None = None) -> dict:
    """The benchmark's figures for these predictions (``cut``: the predictions on each page with its
    date lines cut, None where it has none)."""
    t = {"title": 0, "f1": 0.0, "pub_ok": 0, "pub_n": 0, "null_ok": 0, "null_n": 0}
    a = {"hit": 0, "gold": 0, "ok": 0, "pred": 0}
    story = []
    for page, r in zip(pages, preds):
        g = page.gold
        t["title"] += _title_right(r["title"], g["title"])
        t["f1"] += 1.0 if g["title"] is None and r["title"] is None else _token_f1(r["title"], g["title"])
        if g.get("published_in_text"):
            t["pub_n"] += 1
            t["pub_ok"] += r["published"] == g["published"]
        elif g.get("published") or not g.get("any_date_in_text", True):
            t["null_n"] += 1
            t["null_ok"] += r["published"] in (None, g["published"])
        if g.get("authors_in_text") and g.get("authors"):
            pk = {name_key(x) for x in r["authors"]}
            gk = [name_key(x) for x in g["authors"]]
            a["gold"] += len(gk)
            a["hit"] += sum(k in pk for k in gk)
            a["pred"] += len(pk)
            a["ok"] += sum(k in set(gk) for k in pk)
        if g.get("story_text"):
            story.append(_story_prf(r["story"], g["story_text"]))
    n = len(pages)
    cut_pub = [r["published"] for r in cut or [] if r is not None]

    def ratio(x, y):
        return x / y if y else float("nan")

    return {
        "title": ratio(t["title"], n),
        "title_f1": ratio(t["f1"], n),
        "published": ratio(t["pub_ok"], t["pub_n"]),
        "null_ok": ratio(t["null_ok"], t["null_n"]),
        "null_ok_cut": ratio(sum(x is None for x in cut_pub), len(cut_pub)),
        "authors_R": ratio(a["hit"], a["gold"]),
        "authors_P": ratio(a["ok"], a["pred"]),
        "story_P": ratio(sum(s[0] for s in story), len(story)),
        "story_R": ratio(sum(s[1] for s in story), len(story)),
        "story_F1": ratio(sum(s[2] for s in story), len(story)),
        "pages": n,
    }


def _story_prf(lines: list[str], gold: str) -> tuple[float, float, float]:
    pred = Counter(w for ln in lines for w in story_words(ln))
    ref = Counter(story_words(gold))
    common = sum((pred & ref).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(pred.values()), common / sum(ref.values())
    return p, r, 2 * p * r / (p + r)


def predict_cut(pages: list[AnnotatedPage], models: Models | None = None) -> list[dict | None]:
    """The predictions on each page with its date lines cut (None for a page without)."""
    return [predict(c, models) if (c := cut_date(p)) is not None else None for p in pages]


def cross_validate(tune: list[AnnotatedPage], extra: list[AnnotatedPage]) -> tuple[list[dict], list[dict | None]]:
    """Leave-site-out predictions for the tune pages, and for them with their date lines cut (refit
    on the other sites plus ``extra``)."""
    preds: dict[str, tuple[dict, dict | None]] = {}
    for site in sorted({p.site for p in tune}):
        held = [p for p in tune if p.site == site]
        models = fit_models([p for p in tune if p.site != site] + extra)
        for p, c in zip(held, predict_cut(held, models)):
            preds[p.name] = predict(p, models), c
    return [preds[p.name][0] for p in tune], [preds[p.name][1] for p in tune]


def _show(pages: list[AnnotatedPage], preds: list[dict]) -> None:
    """Print what the cross-validated models get wrong on each tune page (never used on check/)."""
    for page, r in zip(pages, preds):
        g, wrong = page.gold, []
        if not _title_right(r["title"], g["title"]):
            wrong.append(f"title {r['title']!r:.70} (gold {g['title']!r:.50})")
        if g.get("published_in_text") and r["published"] != g["published"]:
            wrong.append(f"published {r['published']} (gold {g['published']})")
        if g.get("authors_in_text") and {name_key(x) for x in r["authors"]} != {name_key(x) for x in g["authors"]}:
            wrong.append(f"authors {r['authors']} (gold {g['authors']})")
        if g.get("story_text"):
            p, rec, f1 = _story_prf(r["story"], g["story_text"])
            if f1 < 0.9 or rec < 0.9:
                wrong.append(f"story P {p:.2f} R {rec:.2f}")
        if wrong:
            print(f"{page.name} {page.site}: " + "; ".join(wrong))


ROWS = ("title", "title_f1", "published", "null_ok", "null_ok_cut", "authors_R", "authors_P", "story_P", "story_R", "story_F1")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the shared benchmarks folder")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation (a few minutes)")
    ap.add_argument("--no-check", action="store_true", help="leave check/ out (while developing: it stays unseen)")
    ap.add_argument("--show", action="store_true", help="list the tune pages the cross-validation gets wrong (tune only)")
    a = ap.parse_args(argv)
    tune = load_annotated(a.bench / "pages-meta" / "tune")
    check = load_annotated(a.bench / "pages-meta" / "check")
    dev = load_annotated(a.bench / "pages-dev")
    t0 = time.perf_counter()
    columns = {"tune": score(tune, [predict(p) for p in tune], predict_cut(tune))}
    if not a.no_check:
        columns["check"] = score(check, [predict(p) for p in check], predict_cut(check))
    columns["dev"] = score(dev, [predict(p) for p in dev], predict_cut(dev))
    if not a.no_cv:
        cv, cv_cut = cross_validate(tune, dev)
        columns["tune CV"] = score(tune, cv, cv_cut)
        if a.show:
            _show(tune, cv)
    print(f"{'':12}" + "".join(f"{c:>10}" for c in columns))
    for row in ROWS:
        print(f"{row:12}" + "".join(f"{col[row]:>10.3f}" for col in columns.values()))
    print(f"{'pages':12}" + "".join(f"{col['pages']:>10}" for col in columns.values()))
    print(f"({time.perf_counter() - t0:.0f} s; check/ is scored in aggregate only; dev = pages-dev)")


if __name__ == "__main__":
    main()
