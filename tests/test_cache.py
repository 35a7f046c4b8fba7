"""The on-disk cache of tables derived from NLTK data (``resources.derived_json``): written once,
read back, rebuilt when stale, and never needed (a folder that cannot be written only costs time)."""

from __future__ import annotations

import json

import pytest

from analysis import resources
from analysis.extract import entities

STOPWORDS = "corpora/stopwords/english"


def _stopword_count() -> dict:
    return {"n": len(resources.nltk_stopwords())}


def _fails() -> dict:
    raise AssertionError("rebuilt although the cache holds the data")


def test_derived_json_is_written_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    first = resources.derived_json("stopword_count", [STOPWORDS], _stopword_count)
    assert first == _stopword_count() and first["n"] > 100
    [path] = tmp_path.glob("stopword_count-*.json")
    assert json.loads(path.read_text(encoding="utf-8"))["data"] == first
    assert resources.derived_json("stopword_count", [STOPWORDS], _fails) == first


def test_derived_json_rebuilds_a_stale_or_broken_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    resources.derived_json("stopword_count", [STOPWORDS], _stopword_count)
    [path] = tmp_path.glob("stopword_count-*.json")
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["key"][1][2] -= 1  # the resource file's modification time no longer matches
    stored["data"] = {"n": -1}
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert resources.derived_json("stopword_count", [STOPWORDS], _stopword_count) == _stopword_count()
    path.write_text("{not json", encoding="utf-8")
    assert resources.derived_json("stopword_count", [STOPWORDS], _stopword_count) == _stopword_count()


def test_derived_json_works_when_the_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file
    assert resources.derived_json("stopword_count", [STOPWORDS], _stopword_count) == _stopword_count()
    assert not (blocker / "cache").exists()


def test_missing_resource_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    with pytest.raises(resources.MissingResourceError, match="wordnet"):
        resources.derived_json("nothing", ["corpora/wordnet/no-such-file"], _stopword_count)


def test_wordnet_names_from_the_cache_equal_a_fresh_read(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    entities.wordnet_names.cache_clear()
    try:
        cold, warm = entities.wordnet_names(), None
        entities.wordnet_names.cache_clear()
        warm = entities.wordnet_names()  # read from the file the first call wrote
    finally:
        entities.wordnet_names.cache_clear()
    assert list(tmp_path.glob("wordnet_names-*.json"))
    fresh = entities.read_wordnet_names()
    assert warm.types == cold.types == {tuple(k.split("_")): v for k, v in fresh["types"].items()}
    assert warm.common == cold.common == frozenset(fresh["common"])
    assert len(warm.types) > 10_000 and len(warm.common) > 10_000


def test_tagger_matrix_holds_nltks_weights_exactly():
    model, nltk_tagger = resources.tagger_model(), resources.pos_tagger()
    assert model["tagdict"] == nltk_tagger.tagdict and set(model["labels"]) == nltk_tagger.classes
    assert model["labels"] == sorted(model["labels"], reverse=True)
    weights, matrix, labels = nltk_tagger.model.weights, model["matrix"], model["labels"]
    assert model["features"] == list(weights) and matrix.shape == (len(weights) + 1, len(labels))
    assert not matrix[0].any()  # the row of a feature without weights
    for row, feature in enumerate(model["features"], 1):
        nonzero = {labels[k]: matrix[row, k] for k in matrix[row].nonzero()[0]}
        assert nonzero == {label: w for label, w in weights[feature].items() if w}, feature


def test_derived_matrix_is_written_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    first = resources.derived_matrix("stopword_matrix", [STOPWORDS], _stopword_matrix)
    assert len(list(tmp_path.glob("stopword_matrix-*.npy"))) == 1
    again = resources.derived_matrix("stopword_matrix", [STOPWORDS], _fails)  # read back, not built
    assert again[0] == first[0] and (again[1] == first[1]).all()
    (tmp_path / next(tmp_path.glob("stopword_matrix-*.npy")).name).unlink()
    rebuilt = resources.derived_matrix("stopword_matrix", [STOPWORDS], _stopword_matrix)  # its matrix lost
    assert (rebuilt[1] == first[1]).all() and len(list(tmp_path.glob("stopword_matrix-*.npy"))) == 1


def _stopword_matrix():
    import numpy as np

    count = _stopword_count()["n"]
    return {"count": count}, np.arange(6, dtype=float).reshape(2, 3) * count


def test_punkt_parameters_from_the_cache_equal_nltks():
    from nltk.tokenize.punkt import PunktTokenizer

    ours, theirs = resources.punkt_parameters(), PunktTokenizer("english")._params
    assert vars(ours).keys() == vars(theirs).keys()
    for name in ("abbrev_types", "collocations", "sent_starters", "ortho_context"):
        assert getattr(ours, name) == getattr(theirs, name), name
        assert type(getattr(ours, name)) is type(getattr(theirs, name)), name
    assert ours.ortho_context["no-such-word"] == 0  # a defaultdict, as NLTK's


def test_derived_json_works_without_a_home_folder(monkeypatch):
    monkeypatch.delenv("ANALYSIS_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory")

    monkeypatch.setattr(resources.Path, "home", staticmethod(no_home))
    assert resources.derived_json("stopword_count", [STOPWORDS], _stopword_count) == _stopword_count()
