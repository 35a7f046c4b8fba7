"""Locate and load NLTK resources once per process.

The pipeline uses NLTK's pretrained data (Punkt parameters, the perceptron tagger, stop words,
WordNet, name lists, gazetteers).  This module is the one place that finds them: through
``NLTK_DATA`` / ``nltk.data.path`` first, otherwise through NLTK's downloader into a project-local
``.nltk_data`` directory (see :func:`ensure_nltk_data`).  Every loader is cached, so a resource is
read from disk at most once per process; :func:`analysis.reload_lexicons` clears those caches.

Importing this module changes nothing: the search path is extended by :func:`register_nltk_paths`,
which the loaders call on first use.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from importlib import resources as _ilr
from pathlib import Path

import nltk

#: NLTK package id -> resource path that proves it is installed.
NLTK_PACKAGES: dict[str, str] = {
    "punkt_tab": "tokenizers/punkt_tab/english/",
    "averaged_perceptron_tagger_eng": "taggers/averaged_perceptron_tagger_eng/",
    "stopwords": "corpora/stopwords/english",
    "wordnet": "corpora/wordnet/lexnames",
    "names": "corpora/names/male.txt",
    "gazetteers": "corpora/gazetteers/countries.txt",
}

#: Project-local download directory used when NLTK_DATA is not set.
LOCAL_NLTK_DIR = Path(__file__).resolve().parent.parent / ".nltk_data"


class MissingResourceError(RuntimeError):
    """Raised when NLTK data needed by the pipeline cannot be found or fetched."""


@functools.cache
def register_nltk_paths() -> None:
    """Put ``NLTK_DATA``'s directories first and the project's ``.nltk_data`` last on ``nltk.data.path``.

    Called by every loader (and :func:`missing_packages`) on first use rather than at import, so
    importing :mod:`analysis` leaves NLTK's global search path alone; cached, so the path is
    edited once per process (``register_nltk_paths.cache_clear()`` lets it run again).
    """
    env = os.environ.get("NLTK_DATA")
    for p in [*(env.split(os.pathsep) if env else []), str(LOCAL_NLTK_DIR)]:
        if p and p not in nltk.data.path:
            nltk.data.path.insert(0 if p != str(LOCAL_NLTK_DIR) else len(nltk.data.path), p)


def missing_packages() -> list[str]:
    """Return the NLTK package ids that cannot be found on ``nltk.data.path``."""
    register_nltk_paths()
    missing = []
    for pkg, res in NLTK_PACKAGES.items():
        try:
            nltk.data.find(res)
        except LookupError:
            missing.append(pkg)
    return missing


def ensure_nltk_data(*, download: bool = True, quiet: bool = True) -> None:
    """Make sure every NLTK package the pipeline needs is present.

    Found through ``NLTK_DATA`` / ``nltk.data.path``; otherwise fetched with NLTK's downloader
    into ``.nltk_data/`` beside the package.  Raises :class:`MissingResourceError` with one message
    naming the missing packages and the fix when neither works.
    """
    missing = missing_packages()
    if missing and download:
        LOCAL_NLTK_DIR.mkdir(parents=True, exist_ok=True)
        for pkg in missing:
            try:
                nltk.download(pkg, download_dir=str(LOCAL_NLTK_DIR), quiet=quiet, raise_on_error=True)
            except Exception:  # noqa: BLE001 - no network, server errors: reported below
                pass
        missing = missing_packages()
    if missing:
        raise MissingResourceError(
            "NLTK data missing: "
            + ", ".join(missing)
            + ". Set NLTK_DATA to a directory holding them (for example an offline copy such as "
            "../shared/nltk_data) or run `python -m nltk.downloader "
            + " ".join(missing)
            + f" -d {LOCAL_NLTK_DIR}` on a machine with network access."
        )


def loaded_once(loader):
    """Cache a loader of process-wide data (``functools.cache``) and keep it out of the collector's way.

    The garbage collector is paused while the data loads and the loaded objects are then frozen
    (``gc.freeze``): models and lexicons live as long as the process, and every full collection
    would otherwise walk their hundreds of thousands of entries again (about 0.2 s each time on
    the project's machine, several times per hundred articles).
    """

    @functools.cache
    @functools.wraps(loader)
    def load(*args):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return loader(*args)
        finally:
            if enabled:
                gc.enable()
            gc.freeze()

    return load


def _find(resource: str) -> str:
    register_nltk_paths()
    try:
        return str(nltk.data.find(resource))
    except LookupError as exc:
        pkg = next((k for k, v in NLTK_PACKAGES.items() if resource.startswith(v.rstrip("/"))), resource)
        raise MissingResourceError(
            f"NLTK data missing: {pkg}. Set NLTK_DATA or run `python -m analysis.setup_nltk`."
        ) from exc


@loaded_once
def punkt_parameters():
    """Return Punkt parameters for English (from ``punkt_tab``), loaded once."""
    from nltk.tokenize.punkt import PunktTokenizer

    _find(NLTK_PACKAGES["punkt_tab"])
    return PunktTokenizer("english")._params


@loaded_once
def pos_tagger():
    """Return NLTK's averaged perceptron tagger, loaded once."""
    from nltk.tag.perceptron import PerceptronTagger

    _find(NLTK_PACKAGES["averaged_perceptron_tagger_eng"])
    return PerceptronTagger(lang="eng")


@loaded_once
def nltk_stopwords() -> frozenset[str]:
    """Return NLTK's English stop-word list."""
    _find(NLTK_PACKAGES["stopwords"])
    from nltk.corpus import stopwords

    return frozenset(stopwords.words("english"))


class WordNetLemmatizer:
    """NLTK's ``WordNetLemmatizer.lemmatize`` over WordNet's index and exception files only.

    NLTK's lemmatiser loads the whole WordNet reader (synset offsets, satellites, and a sense-key
    mapping it rebuilds on every load), seconds of start-up for what morphy reads: whether a form
    is a lemma of a part of speech, and the exception lists.  The rules are NLTK's
    (``WordNetCorpusReader._morphy``): an exception's lemmas, else the detachment rules applied
    once; the word itself and those candidates that WordNet lists, the shortest returned.
    """

    #: NLTK's ``WordNetCorpusReader.MORPHOLOGICAL_SUBSTITUTIONS``.
    SUBSTITUTIONS = {
        "n": [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z")]
        + [("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
        "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
        "r": [],
    }
    FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

    def __init__(self) -> None:
        self.lemmas: dict[str, set[str]] = {}
        self.exceptions: dict[str, dict[str, list[str]]] = {}
        for pos, name in self.FILES.items():
            with nltk.data.find(f"corpora/wordnet/index.{name}").open() as fh:
                lines = fh.read().decode("utf-8").splitlines()
            self.lemmas[pos] = {ln.split(" ", 1)[0] for ln in lines if ln and not ln.startswith(" ")}
            with nltk.data.find(f"corpora/wordnet/{name}.exc").open() as fh:
                rows = (ln.split() for ln in fh.read().decode("utf-8").splitlines())
                self.exceptions[pos] = {r[0]: r[1:] for r in rows if r}

    def lemmatize(self, word: str, pos: str = "n") -> str:
        """Return the shortest lemma WordNet lists for ``word`` as ``pos`` (``n, v, a, r``), else ``word``.

        Examples
        --------
        >>> lem = wordnet_lemmatizer()
        >>> lem.lemmatize("allies"), lem.lemmatize("won", "v"), lem.lemmatize("us"), lem.lemmatize("xyzzy")
        ('ally', 'win', 'u', 'xyzzy')
        """
        exceptions = self.exceptions[pos]
        if word in exceptions:
            forms = exceptions[word]
        else:
            forms = [word[: -len(old)] + new for old, new in self.SUBSTITUTIONS[pos] if word.endswith(old)]
        known = [f for f in dict.fromkeys([word, *forms]) if f in self.lemmas[pos]]
        return min(known, key=len) if known else word


@loaded_once
def wordnet_lemmatizer() -> WordNetLemmatizer:
    """Return the WordNet lemmatiser (NLTK's rules, :class:`WordNetLemmatizer`), loaded once."""
    _find(NLTK_PACKAGES["wordnet"])
    return WordNetLemmatizer()


@loaded_once
def first_names() -> frozenset[str]:
    """Return given names from NLTK's ``names`` corpus (male and female lists)."""
    _find(NLTK_PACKAGES["names"])
    from nltk.corpus import names

    return frozenset(n for f in ("male.txt", "female.txt") for n in names.words(f))


@loaded_once
def gazetteer(fileid: str) -> tuple[str, ...]:
    """Return one word list from NLTK's ``gazetteers`` corpus (e.g. ``countries.txt``)."""
    _find(NLTK_PACKAGES["gazetteers"])
    from nltk.corpus import gazetteers

    return tuple(gazetteers.words(fileid))


def data_file(name: str) -> Path:
    """Return the path of a lexicon shipped inside ``analysis/data``."""
    return Path(str(_ilr.files("analysis") / "data" / name))


@functools.cache
def read_lexicon(name: str) -> tuple[tuple[str, ...], ...]:
    """Read a TSV/TXT lexicon from ``analysis/data``.

    Lines starting with ``#`` are comments (each file names its source in them); blank lines are
    skipped; each remaining line is split on tabs.
    """
    rows = []
    with data_file(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(rows)


def reload_lexicons() -> list[str]:
    """Empty every cache of lexicons, models and the tables built from them; return their names.

    Every module-level ``functools`` cache of the loaded ``analysis`` modules is cleared (the
    loaders here, :mod:`analysis.nlp.lexicons`, the gazetteer, stop lists and compiled rule tables
    built from them), so the next call reads ``analysis/data`` and the NLTK data again: edit a word
    list and see the change in a live kernel without restarting it, or start a test from a clean
    state.  Caches are found, not listed, so a new cached loader is cleared without registering it.

    Examples
    --------
    >>> from analysis.nlp import lexicons
    >>> _ = lexicons.titles()
    >>> "analysis.nlp.lexicons.titles" in reload_lexicons(), lexicons.titles.cache_info().currsize
    (True, 0)
    """
    package = __name__.split(".")[0]
    cleared = []
    for name, module in list(sys.modules.items()):
        if module is None or (name != package and not name.startswith(package + ".")):
            continue
        for attr, obj in list(vars(module).items()):
            if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", None) == name:
                obj.cache_clear()
                cleared.append(f"{name}.{attr}")
    gc.unfreeze()  # loaded_once froze the old data: let the collector reclaim it
    return sorted(cleared)
