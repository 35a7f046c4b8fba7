"""Set-up: pinned requirements, conda environment in step with pip, NLTK data checks."""

from __future__ import annotations

import re
from pathlib import Path

import nltk
import pandas as pd
import pytest

from analysis import resources

ROOT = Path(__file__).resolve().parent.parent


def _requirements() -> list[str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def test_requirements_are_pinned_exactly():
    for req in _requirements():
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", req), req


def test_environment_yml_reads_the_same_requirements():
    env = (ROOT / "environment.yml").read_text()
    assert "-r requirements.txt" in env
    # nothing pinned twice: conda's own list holds python and pip only
    deps = re.findall(r"^\s*-\s+([A-Za-z][\w.-]*)", env, re.M)
    assert set(deps) <= {"python", "pip", "conda-forge"}, deps


def test_every_declared_dependency_is_pinned():
    text = (ROOT / "pyproject.toml").read_text()
    declared = re.findall(r'^\s*"([A-Za-z][\w-]*)', text.split("dependencies = [")[1].split("]")[0], re.M)
    pinned = {r.split("==")[0].lower() for r in _requirements()}
    assert {d.lower() for d in declared} <= pinned


def test_all_nltk_packages_present():
    assert resources.missing_packages() == []


def test_missing_nltk_data_gives_one_clear_message(monkeypatch):
    resources.register_nltk_paths()  # once per process: it must not refill the emptied path below
    monkeypatch.setattr(nltk.data, "path", [])
    with pytest.raises(resources.MissingResourceError) as err:
        resources.ensure_nltk_data(download=False)
    msg = str(err.value)
    for pkg in resources.NLTK_PACKAGES:
        assert pkg in msg
    assert "NLTK_DATA" in msg


def test_every_required_nltk_package_is_read_by_a_loader():
    # a package the pipeline never reads must not be required (set-up would fetch it for nothing)
    source = Path(resources.__file__).read_text()
    for pkg in resources.NLTK_PACKAGES:
        assert source.count(f'NLTK_PACKAGES["{pkg}"]') >= 1, pkg


def test_importing_analysis_leaves_nltk_search_path_alone():
    import subprocess
    import sys

    code = (
        "import nltk; before = list(nltk.data.path); import analysis, analysis.present.charts, analysis.resources; "
        "import plotly.io as pio; assert nltk.data.path == before, 'path edited'; "
        "assert 'workbook' not in pio.templates, 'template registered'; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "ok", out.stderr


def test_reload_lexicons_empties_every_cache_and_reloads_the_same_data():
    import functools

    import analysis
    from analysis import Article
    from analysis.nlp import lexicons

    text = "Prime Minister Ann Lee said on Monday that rain fell in Spain. “It stopped,” she said."
    before = Article.from_text(text, layout="plain").tables()
    tagger, titles = resources.pos_tagger(), lexicons.titles()
    caches = [
        obj
        for module in (resources, lexicons)
        for obj in vars(module).values()
        if isinstance(obj, functools._lru_cache_wrapper) and obj.__module__ == module.__name__
    ]
    assert any(c.cache_info().currsize for c in caches)
    cleared = analysis.reload_lexicons()
    assert "analysis.resources.pos_tagger" in cleared and "analysis.nlp.lexicons.titles" in cleared
    assert [c.cache_info().currsize for c in caches] == [0] * len(caches)
    assert resources.pos_tagger() is not tagger  # read again, not kept elsewhere
    assert lexicons.titles() == titles
    after = Article.from_text(text, layout="plain").tables()
    assert list(after) == list(before)
    for name in before:
        pd.testing.assert_frame_equal(after[name], before[name], obj=name)
