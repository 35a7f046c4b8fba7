"""Set-up: pinned requirements, conda environment in step with pip, NLTK data checks."""

from __future__ import annotations

import re
from pathlib import Path

import nltk
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
    monkeypatch.setattr(nltk.data, "path", [])
    with pytest.raises(resources.MissingResourceError) as err:
        resources.ensure_nltk_data(download=False)
    msg = str(err.value)
    for pkg in resources.NLTK_PACKAGES:
        assert pkg in msg
    assert "NLTK_DATA" in msg
