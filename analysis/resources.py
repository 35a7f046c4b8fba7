"""Locate and load NLTK resources once per process.

The pipeline uses NLTK's pretrained data (Punkt parameters, the perceptron tagger, stop words,
WordNet, name lists, gazetteers).  This module is the one place that finds them: through
``NLTK_DATA`` / ``nltk.data.path`` first, otherwise through NLTK's downloader into a project-local
``.nltk_data`` directory (see :func:`ensure_nltk_data`).  Every loader is cached, so a resource is
read from disk at most once per process; :func:`analysis.reload_lexicons` clears those caches.
Tables derived from the NLTK data (WordNet's name and lemma lists, Punkt's English parameters, the
tagger's model as a matrix) are also kept on disk between processes, as JSON in :func:`cache_dir`
(:func:`derived_json`; a matrix as a NumPy file beside it, :func:`derived_matrix`), and rebuilt
whenever the data or the code deriving them changes.

Importing this module changes nothing: the search path is extended by :func:`register_nltk_paths`,
which the loaders call on first use.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from importlib import resources as _ilr
from pathlib import Path
from typing import Any

import nltk
import numpy as np

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
    return str(_pointer(resource))


def _pointer(resource: str):
    """NLTK's path pointer (a file or a zip entry) to ``resource``, or :class:`MissingResourceError`."""
    register_nltk_paths()
    try:
        return nltk.data.find(resource)
    except LookupError as exc:
        pkg = next((k for k, v in NLTK_PACKAGES.items() if resource.startswith(v.rstrip("/"))), resource)
        raise MissingResourceError(
            f"NLTK data missing: {pkg}. Set NLTK_DATA or run `python -m analysis.setup_nltk`."
        ) from exc


def cache_dir() -> Path:
    """Return the folder of derived JSON tables: ``ANALYSIS_CACHE_DIR``, else ``<user cache>/analysis``
    (``XDG_CACHE_HOME`` or ``~/.cache``).  Deleting it is always safe."""
    if os.environ.get("ANALYSIS_CACHE_DIR"):
        return Path(os.environ["ANALYSIS_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "analysis"


def _file_of(resource: str) -> str:
    """The file on disk that holds NLTK ``resource`` (the zip archive for a zipped package)."""
    pointer = _pointer(resource)
    return pointer.zipfile.filename if hasattr(pointer, "zipfile") else pointer.path


def derived_json(name: str, resources: list[str], build: Callable[[], Any]) -> Any:
    """Return ``build()`` (JSON data derived from NLTK ``resources``), kept on disk between processes.

    The file ``cache_dir()/<name>-<id>.json`` stores the result with its key: the path, size and
    modification time of every resource file and of the module that defines ``build``, so editing
    either rebuilds it.  A missing, stale or unreadable file is rebuilt; when the folder cannot be
    written (or there is no home folder) the result is simply not kept.  JSON only: a cache file is
    data, never code.
    """
    path, key = _cache_entry(name, resources, build)
    if path is None:
        return build()
    stored = _read_entry(path, key)
    if stored is not None:
        return stored["data"]
    data = build()
    _write_json(path, {"key": key, "data": data})
    return data


def derived_matrix(
    name: str, resources: list[str], build: Callable[[], tuple[Any, np.ndarray]]
) -> tuple[Any, np.ndarray]:
    """Return ``build()``'s JSON data and float matrix, kept on disk between processes.

    The data is kept as :func:`derived_json` keeps it, the matrix beside it as a NumPy ``.npy``
    file (numbers only, read without pickle) that is mapped into memory rather than read: a
    process touches only the rows it uses, and processes share them.  The JSON file names the
    ``.npy`` file written with it, so the two always match.
    """
    path, key = _cache_entry(name, resources, build)
    if path is None:
        return build()
    stored = _read_entry(path, key)
    if stored is not None:
        try:
            return stored["data"], np.asarray(np.load(path.with_name(stored["matrix"]), mmap_mode="r"))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or unreadable: rebuilt below
    data, matrix = build()
    npy = path.with_name(f"{path.stem}-{hashlib.sha256(json.dumps(key).encode()).hexdigest()[:16]}.npy")
    for old in path.parent.glob(f"{path.stem}-*.npy"):  # a stale matrix (its key changed)
        old.unlink(missing_ok=True)
    if _write_atomic(npy, lambda fh: np.save(fh, matrix, allow_pickle=False), binary=True):
        _write_json(path, {"key": key, "data": data, "matrix": npy.name})
    return data, matrix


def _cache_entry(name: str, resources: list[str], build: Callable) -> tuple[Path | None, list]:
    """The cache file of a derived table (None without a home folder) and the key it must hold."""
    files = [_file_of(r) for r in resources] + [sys.modules[build.__module__].__file__]
    key = [name, *([f, os.stat(f).st_size, os.stat(f).st_mtime_ns] for f in files)]
    try:
        folder = cache_dir()
    except RuntimeError:  # no home folder to hold a cache
        return None, key
    return folder / f"{name}-{hashlib.sha256(json.dumps([name, *files]).encode()).hexdigest()[:16]}.json", key


def _read_entry(path: Path, key: list) -> dict | None:
    """The stored entry at ``path`` when it holds ``key``; None when missing, stale or unreadable."""
    try:
        with path.open(encoding="utf-8") as fh:
            stored = json.load(fh)
        return stored if stored["key"] == key else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_json(path: Path, content: Any) -> None:
    """Write ``content`` to ``path`` atomically (a reader sees the old file or the new one); a folder
    that cannot be written leaves no file and no error."""
    _write_atomic(path, lambda fh: json.dump(content, fh))


def _write_atomic(path: Path, write: Callable[[Any], None], *, binary: bool = False) -> bool:
    """Write a file with ``write(fh)`` atomically; False (and no file) when the folder cannot be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode, encoding = ("wb", None) if binary else ("w", "utf-8")
        with tempfile.NamedTemporaryFile(mode, encoding=encoding, dir=path.parent, delete=False) as fh:
            tmp = fh.name
            write(fh)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


#: Punkt's English parameter files.
PUNKT_FILES = [
    NLTK_PACKAGES["punkt_tab"] + name
    for name in ("collocations.tab", "sent_starters.txt", "abbrev_types.txt", "ortho_context.tab")
]


@loaded_once
def punkt_parameters():
    """Return Punkt parameters for English (from ``punkt_tab``), loaded once (through the JSON
    cache of :func:`derived_json`, several times faster than NLTK's line-by-line reader)."""
    from nltk.tokenize.punkt import PunktParameters

    data = derived_json("punkt_english", PUNKT_FILES, _punkt_json)
    params = PunktParameters()
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.abbrev_types = set(data["abbrev_types"])
    params.ortho_context = defaultdict(int, data["ortho_context"])
    return params


def _punkt_json() -> dict:
    from nltk.tokenize.punkt import PunktTokenizer

    loaded = PunktTokenizer("english")._params
    return {
        "collocations": sorted(loaded.collocations),
        "sent_starters": sorted(loaded.sent_starters),
        "abbrev_types": sorted(loaded.abbrev_types),
        "ortho_context": dict(loaded.ortho_context),
    }


@loaded_once
def pos_tagger():
    """Return NLTK's averaged perceptron tagger, loaded once."""
    from nltk.tag.perceptron import PerceptronTagger

    folder = _pointer(NLTK_PACKAGES["averaged_perceptron_tagger_eng"])
    tagger = PerceptronTagger(load=False)
    # NLTK's own loader walks the parsed JSON again to reject NaN and infinities (as long again as
    # parsing it); json's parse_constant rejects them while parsing.
    tagger.decode_json_params(
        json.loads(folder.join(name).open().read(), parse_constant=_reject_constant)
        for name in tagger.param_files("eng")
    )
    return tagger


def _reject_constant(name: str):
    raise ValueError(f"tagger model: non-finite number {name}")


#: The tagger's model files (weights, tag dictionary, labels).
TAGGER_FILES = [
    f"{NLTK_PACKAGES['averaged_perceptron_tagger_eng']}averaged_perceptron_tagger_eng.{part}.json"
    for part in ("weights", "tagdict", "classes")
]


@loaded_once
def tagger_model() -> dict:
    """Return the perceptron tagger's model: ``tagdict``, ``labels`` (greatest first), ``features``
    and ``matrix``, the weights of feature ``features[k]`` over the labels in row ``k + 1`` (row 0,
    all zeros, is that of a feature without weights).

    Derived from NLTK's model files once, then read from the cache (:func:`derived_matrix`): the
    matrix is mapped into memory, not parsed, so no weight is read twice or converted at run time.
    """
    data, matrix = derived_matrix("tagger_model", TAGGER_FILES, _tagger_matrix)
    return {**data, "matrix": matrix}


def _tagger_matrix() -> tuple[dict, np.ndarray]:
    tagger = pos_tagger()
    labels = sorted(tagger.classes, reverse=True)
    column = {label: i for i, label in enumerate(labels)}
    features = list(tagger.model.weights)
    matrix = np.zeros((len(features) + 1, len(labels)))
    for row, feature in enumerate(features, 1):
        for label, weight in tagger.model.weights[feature].items():
            matrix[row, column[label]] = weight
    return {"tagdict": tagger.tagdict, "labels": labels, "features": features}, matrix


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
        files = [f"corpora/wordnet/{f}" for name in self.FILES.values() for f in (f"index.{name}", f"{name}.exc")]
        data = derived_json("wordnet_lemmas", files, WordNetLemmatizer.read)
        self.lemmas: dict[str, set[str]] = {pos: set(words) for pos, words in data["lemmas"].items()}
        self.exceptions: dict[str, dict[str, list[str]]] = data["exceptions"]

    @classmethod
    def read(cls) -> dict:
        """Read the lemmas (``{pos: [lemma, ...]}``) and exceptions (``{pos: {form: [lemma, ...]}}``)."""
        lemmas, exceptions = {}, {}
        for pos, name in cls.FILES.items():
            with nltk.data.find(f"corpora/wordnet/index.{name}").open() as fh:
                lines = fh.read().decode("utf-8").splitlines()
            lemmas[pos] = sorted({ln.split(" ", 1)[0] for ln in lines if ln and not ln.startswith(" ")})
            with nltk.data.find(f"corpora/wordnet/{name}.exc").open() as fh:
                rows = (ln.split() for ln in fh.read().decode("utf-8").splitlines())
                exceptions[pos] = {r[0]: r[1:] for r in rows if r}
        return {"lemmas": lemmas, "exceptions": exceptions}

    def lemmatize(self, word: str, pos: str = "n") -> str:
        """Return the shortest lemma WordNet lists for ``word`` as ``pos`` (``n, v, a, r``), else ``word``.

        Examples
        --------
        >>> lem = wordnet_lemmatizer()
        >>> lem.lemmatize("allies"), lem.lemmatize("won", "v"), lem.lemmatize("us"), lem.lemmatize("xyzzy")
        ('ally', 'win', 'u', 'xyzzy')
        """
        known = self.morphy(word, pos)
        return min(known, key=len) if known else word

    def morphy(self, word: str, pos: str = "n") -> list[str]:
        """Return the lemmas WordNet lists for ``word`` as ``pos``, in NLTK's order (``_morphy``): the
        word itself, then its exception lemmas or the forms the detachment rules give.

        >>> wordnet_lemmatizer().morphy("glasses")
        ['glasses', 'glass']
        """
        exceptions = self.exceptions[pos]
        if word in exceptions:
            forms = exceptions[word]
        else:
            forms = [word[: -len(old)] + new for old, new in self.SUBSTITUTIONS[pos] if word.endswith(old)]
        return [f for f in dict.fromkeys([word, *forms]) if f in self.lemmas[pos]]


@loaded_once
def wordnet_lemmatizer() -> WordNetLemmatizer:
    """Return the WordNet lemmatiser (NLTK's rules, :class:`WordNetLemmatizer`), loaded once."""
    _find(NLTK_PACKAGES["wordnet"])
    return WordNetLemmatizer()


#: How many of a noun's senses :func:`wordnet_noun_classes` keeps (WordNet's most frequent first).
NOUN_SENSES_KEPT = 3


@loaded_once
def wordnet_noun_classes() -> tuple[list[str], dict[str, list[int]]]:
    """Return WordNet's lexicographer classes and, for each one-word noun lemma, the classes of its
    first :data:`NOUN_SENSES_KEPT` senses in WordNet's order (indices into the first list).

    What ``wordnet.synsets(lemma, "n")[i].lexname()`` answers, from ``index.noun`` and ``data.noun``
    through the derived-data cache, without loading NLTK's WordNet reader (seconds of start-up).

    Examples
    --------
    >>> names, senses = wordnet_noun_classes()
    >>> names[senses["teacher"][0]]
    'noun.person'
    """
    _find(NLTK_PACKAGES["wordnet"])
    files = ["corpora/wordnet/lexnames", "corpora/wordnet/index.noun", "corpora/wordnet/data.noun"]
    data = derived_json("wordnet_noun_classes", files, _read_noun_classes)
    return data["names"], data["senses"]


def _read_noun_classes() -> dict:
    """Read :func:`wordnet_noun_classes` from WordNet's files as JSON data."""
    with nltk.data.find("corpora/wordnet/lexnames").open() as fh:
        names = [ln.split()[1] for ln in fh.read().decode("utf-8").splitlines() if ln.strip()]
    lexfile: dict[str, int] = {}
    with nltk.data.find("corpora/wordnet/data.noun").open() as fh:
        for line in fh:
            if line[:1] != b" ":
                offset, num = line.split(b" ", 2)[:2]
                lexfile[offset.decode()] = int(num)
    senses: dict[str, list[int]] = {}
    with nltk.data.find("corpora/wordnet/index.noun").open() as fh:
        for line in fh:
            if line[:1] == b" " or b"_" in line.split(b" ", 1)[0]:
                continue
            parts = line.decode("utf-8").split()
            count = int(parts[2])
            senses[parts[0]] = [lexfile[o] for o in parts[len(parts) - count :][:NOUN_SENSES_KEPT]]
    return {"names": names, "senses": senses}


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
