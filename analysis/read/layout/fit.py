"""Fit the layout's weights on annotated page copies and write ``data/layout_weights.json``.

Run as a module from the project's root::

    python -m analysis.read.layout.fit ../shared/benchmarks/pages-meta/tune ../shared/benchmarks/pages-dev

Each folder holds page copies with a ``*.gold.json`` beside each (``file``, ``title``, ``published``,
``published_in_text``, ``authors``, optionally ``site``, ``any_date_in_text``, ``authors_in_text``,
``story_text``).  The models are fitted in the order the page is read: the title ranking first (its
features need no other decision), then, on pages laid out with that title, the date ranking, the
byline ranking and the story model (the lines the body pass keeps, labelled story when the gold
story holds them).  Labels use the benchmark's normalisation (case, quote marks and dashes, a
trailing " | Site"; bags of words for the story).  The title's L2 penalty is chosen by
leave-site-out cross-validation of the title ranking over :data:`TITLE_L2_GRID`.  The fit is
deterministic (see :mod:`.optimise`); the weights file records the data, the date, the command and
the penalty chosen.  Reads the
folders given; writes the weights file.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from analysis.read.layout.authors import BYLINE_FEATURES, BYLINE_SIGNS, author_candidates, byline_features
from analysis.read.layout.headline import TITLE_FEATURES, TITLE_FIXED, TITLE_SIGNS, candidates, title_features
from analysis.read.layout.model import WEIGHTS_FILE, LinearModel, Models, weights_provenance
from analysis.read.layout.optimise import Group, fit_binary, fit_ranking, signs_of
from analysis.read.layout.published import DATE_FEATURES, DATE_SIGNS, date_candidates, date_features
from analysis.read.layout.reading import Reading
from analysis.read.layout.story import STORY_FEATURES, STORY_SIGNS, story_features, story_lines
from analysis.read.layout.title import title_text
from analysis.resources import data_file

_TRANS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\u00ad": "",
    }
)  # fmt: skip
#: What losing a story word costs against keeping a word of page chrome: a word lost is lost to
#: every table, chrome kept is only noise.  A block is story when its probability is above
#: 1 / (1 + cost), the threshold at which keeping it costs less than losing it.
STORY_LOSS_COST = 3.0
#: How much a page made from a dated page by taking its date away counts in the date fit (see
#: :func:`date_groups`).
ABSENT_WEIGHT = 0.5
#: The L2 penalties of the rankings and of the story model (on standardised weights).
RANKING_L2, STORY_L2 = 3.0, 1.0
#: The L2 penalties the title ranking is tried with: the fit script keeps the one whose leave-site-out
#: cross-validated accuracy is highest (the strongest on a tie) and records it with the weights.
TITLE_L2_GRID = (1.0, 2.0, 3.0, 5.0, 8.0)


def norm(s: str | None) -> str:
    """NFKC, quote marks and dashes unified, white space collapsed, case folded."""
    s = unicodedata.normalize("NFKC", s or "").translate(_TRANS)
    return re.sub(r"\s+", " ", s).strip().casefold()


def strip_site(t: str) -> str:
    """Drop one trailing " | Site" / " - Site" part (at most six words, shorter than the rest)."""
    parts = re.split(r"\s+(?:\||-|::|/)\s+", t)
    if len(parts) > 1:
        tail, head = parts[-1], t[: len(t) - len(parts[-1])]
        head = re.sub(r"\s+(?:\||-|::|/)\s+$", "", head)
        if head and len(tail.split()) <= 6 and len(tail) < len(head):
            return head
    return t


def title_match(pred: str | None, gold: str | None) -> bool:
    """Normalised exact match, a trailing site name stripped from either side."""

    def variants(t: str | None) -> set[str]:
        n = norm(t).strip(" .")
        once = strip_site(n)
        return {n, once, strip_site(once)} - {""}

    return bool(variants(pred) & variants(gold))


def name_key(s: str) -> str:
    """A name compared without "By", punctuation or case."""
    return re.sub(r"[^\w ]", "", re.sub(r"^by\s+", "", norm(s))).strip()


def story_words(s: str | None) -> list[str]:
    """The words of a text as the story score bags them."""
    s = unicodedata.normalize("NFKC", s or "").translate(_TRANS).casefold()
    return re.findall(r"\w+", re.sub(r"(?<=\w)'(?=\w)", "", s))


@dataclass
class AnnotatedPage:
    """A page copy with its gold: what the fit learns from and the bench scores."""

    name: str
    site: str
    text: str
    gold: dict
    reading: Reading | None = field(default=None, repr=False, compare=False)
    title_group: Group | None = field(default=None, repr=False, compare=False)

    @property
    def date_known(self) -> bool:
        """Whether the page says something about the date: it is written, or it is not and none is."""
        g = self.gold
        return bool(g.get("published_in_text")) or bool(g.get("published")) or not g.get("any_date_in_text", True)


def load_annotated(folder: Path) -> list[AnnotatedPage]:
    """Every ``*.gold.json`` of ``folder`` with its page text (sorted by file name)."""
    out = []
    for path in sorted(Path(folder).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["file"]).read_text(encoding="utf-8")
        site = gold.get("site") or f"{Path(folder).name}:{gold.get('outlet') or gold['id']}"
        out.append(AnnotatedPage(gold.get("id", path.stem), site, text, gold))
    return out


def base_reading(page: AnnotatedPage) -> Reading:
    """The page after the line pass, read once per page (a fit reads each page in several stages)."""
    if page.reading is None:
        page.reading = Reading(page.text, Models())
    return page.reading


def title_group(page: AnnotatedPage) -> Group:
    """The title candidates of a page, the right ones those matching the gold title."""
    if page.title_group is not None:
        return page.title_group
    reading = base_reading(page)
    cands = candidates(reading.page)
    gold = page.gold.get("title")
    right = np.array([bool(gold) and title_match(title_text(reading.lines[i])[0], gold) for i in cands], dtype=bool)
    page.title_group = Group(title_features(reading.page, cands), right, not gold)
    return page.title_group


def laid_out(page: AnnotatedPage, title: LinearModel) -> Reading:
    """The page read up to its labels with the title model (the other decisions' input)."""
    reading = base_reading(page).fresh(Models(title=title))
    reading.lay_out(*reading.choose_title())
    return reading


def date_groups(reading: Reading, page: AnnotatedPage) -> list[Group]:
    """The date candidates, right when they state the gold date (none when the gold says nothing usable).

    A page whose date is written also gives a second group, weighted :data:`ABSENT_WEIGHT`: the same
    page without the lines stating its date, where "no date" is right.  Pages that write no date
    of their own while they show other dates (of related articles, comments, events) are few in any
    sample; without them "no date" would never be learnt to beat a date that is not the article's.
    """
    g = page.gold
    if not page.date_known:
        return []
    cands = date_candidates(reading.page, reading.frame, dayfirst=reading.dayfirst)
    written = bool(g.get("published_in_text"))
    right = np.array([written and c.iso == g.get("published") for c in cands], dtype=bool)
    groups = [Group(date_features(reading.page, cands, reading.frame), right, not written)]
    dated_lines = {c.line for c, r in zip(cands, right) if r}
    rest = [c for c in cands if c.line not in dated_lines]
    if right.any() and rest and ABSENT_WEIGHT > 0:
        X = date_features(reading.page, rest, reading.frame)
        groups.append(Group(X, np.zeros(len(rest), dtype=bool), True, ABSENT_WEIGHT))
    return groups


def byline_group(reading: Reading, page: AnnotatedPage) -> Group | None:
    """The byline candidates, right when they name a gold author; "none" right for a page without authors."""
    gold = {name_key(a) for a in page.gold.get("authors") or []}
    if gold and page.gold.get("authors_in_text") is False:
        return None
    cands = author_candidates(reading.page, reading.frame)
    right = np.array([bool(gold & {name_key(n) for n in c.byline.names}) for c in cands], dtype=bool)
    return Group(byline_features(reading.page, cands, reading.frame), right, not gold)


def story_rows(reading: Reading, page: AnnotatedPage) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Features, story labels and fitting weights (words, each page summing to one) of the judged
    lines (None without story gold)."""
    story = page.gold.get("story_text")
    if not story:
        return None
    gold_lines = {" ".join(story_words(x)) for x in story.split("\n")}
    joined = " " + " ".join(story_words(story)) + " "
    idx = story_lines(reading.lines, reading.frame.story_start)
    if not idx:
        return None
    y, w = [], []
    for i in idx:
        words = story_words(reading.lines[i].text)
        key = " ".join(words)
        y.append(key in gold_lines or (len(words) >= 4 and f" {key} " in joined))
        w.append(len(words))
    w_arr = np.asarray(w, dtype=float)
    X = story_features(reading.page, idx, reading.frame)
    return X, np.asarray(y, dtype=float), w_arr / max(w_arr.sum(), 1.0)


def _fit_story(rows: list) -> LinearModel:
    X = np.vstack([r[0] for r in rows])
    y = np.concatenate([r[1] for r in rows])
    w = np.concatenate([r[2] for r in rows])
    return fit_binary(X, y, STORY_FEATURES, weight=w, l2=STORY_L2, signs=signs_of(STORY_FEATURES, STORY_SIGNS))


def _ranking(
    groups: list[Group],
    names: tuple[str, ...],
    signs: dict[str, int],
    fixed: dict[str, float] | None = None,
    l2: float = RANKING_L2,
) -> LinearModel:
    prior = signs_of(names, fixed) if fixed else None
    held = np.array([n in (fixed or {}) for n in names])
    return fit_ranking(groups, names, l2=l2, signs=signs_of(names, signs), prior=prior, fixed=held)


def fit_title(pages: Sequence[AnnotatedPage], l2: float) -> LinearModel:
    """The title ranking fitted on ``pages`` with the L2 penalty ``l2``."""
    return _ranking([title_group(p) for p in pages], TITLE_FEATURES, TITLE_SIGNS, TITLE_FIXED, l2)


def title_right(model: LinearModel, group: Group) -> bool:
    """Whether the title ranking picks a right candidate (or "none" where none is right)."""
    scores = model.scores(group.X)
    best = int(np.argmax(scores)) if len(scores) else -1
    if best < 0 or scores[best] <= model.bias:
        return group.none_right
    return bool(group.right[best])


def choose_title_l2(pages: Sequence[AnnotatedPage], grid: Sequence[float] = TITLE_L2_GRID) -> tuple[float, dict]:
    """The title's L2 penalty of ``grid`` with the best leave-site-out accuracy (the strongest on a tie).

    Each site's pages are scored by the ranking fitted on the other sites' pages.  Returns the
    penalty and the accuracy of each one tried (the provenance of the choice).
    """
    sites = sorted({p.site for p in pages})
    accuracy = {}
    for l2 in grid:
        right = 0
        for site in sites:
            model = fit_title([p for p in pages if p.site != site], l2)
            right += sum(title_right(model, title_group(p)) for p in pages if p.site == site)
        accuracy[l2] = right / len(pages)
    best = max(accuracy.values())
    return max(l2 for l2, acc in accuracy.items() if acc == best), {str(k): round(v, 4) for k, v in accuracy.items()}


def shipped_title_l2() -> float:
    """The title's L2 penalty the shipped weights were fitted with (:data:`RANKING_L2` when not recorded)."""
    return float(weights_provenance().get("title_l2", {}).get("chosen", RANKING_L2))


def fit_models(pages: Sequence[AnnotatedPage], title_l2: float | None = None) -> Models:
    """Fit the four models on ``pages``, in the order the page is read (the title with ``title_l2``;
    by default the penalty recorded with the shipped weights)."""
    title = fit_title(pages, shipped_title_l2() if title_l2 is None else title_l2)
    readings = [laid_out(p, title) for p in pages]
    dates = [g for r, p in zip(readings, pages) for g in date_groups(r, p)]
    bylines = [g for r, p in zip(readings, pages) if (g := byline_group(r, p)) is not None]
    story = [s for r, p in zip(readings, pages) if (s := story_rows(r, p)) is not None]
    models = Models(title, _ranking(dates, DATE_FEATURES, DATE_SIGNS), _ranking(bylines, BYLINE_FEATURES, BYLINE_SIGNS))
    if not story:
        return models
    threshold = 1.0 / (1.0 + STORY_LOSS_COST)
    return dataclasses.replace(models, story=dataclasses.replace(_fit_story(story), threshold=threshold))


def write_weights(
    models: Models, data: dict[Path, list[AnnotatedPage]], out: Path, title_l2: dict | None = None
) -> None:
    """Write the models with their provenance: which data, which date, which command (and how the
    title's L2 penalty was chosen)."""
    pages = [p for ps in data.values() for p in ps]
    provenance = {
        "data": [f"{f.name}/ ({len(ps)} pages, {len({p.site for p in ps})} sites)" for f, ps in data.items()],
        "date": datetime.date.today().isoformat(),
        "command": "python -m analysis.read.layout.fit " + " ".join(str(f) for f in data),
        "pages": len(pages),
        "method": "conditional logit (title, date, byline) and weighted logistic regression (story), "
        "numpy, full-batch Adam from zero (analysis/read/layout/optimise.py)",
    }
    if title_l2 is not None:
        provenance["title_l2"] = title_l2
    doc = {"provenance": provenance, "models": models.to_json()}
    out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Fit on the given folders and write the weights file."""
    ap = argparse.ArgumentParser(description="Fit the layout's weights on annotated page copies.")
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--out", type=Path, default=data_file(WEIGHTS_FILE))
    a = ap.parse_args(argv)
    data = {f: load_annotated(f) for f in a.folders}
    pages = [p for ps in data.values() for p in ps]
    if not pages:
        sys.exit(f"no *.gold.json pages in {', '.join(map(str, a.folders))}")
    l2, tried = choose_title_l2(pages)
    models = fit_models(pages, l2)
    how = {"chosen": l2, "leave_site_out_accuracy": tried}
    write_weights(models, data, a.out, how)
    print(f"title L2 {l2} (leave-site-out accuracy by L2: {tried}); fitted on {len(pages)} pages; wrote {a.out}")


if __name__ == "__main__":
    main()
