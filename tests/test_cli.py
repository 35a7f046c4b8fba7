"""The main job: ``python -m analysis ARTICLE... --out DIR`` writes tables, figures and the report."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.article import TABLES as DECLARED
from analysis.cli import main
from analysis.present import charts
from analysis.present.export import find_browser
from tests.conftest import ARTICLE

TABLES = tuple(t.name for t in DECLARED)
README = Path(__file__).resolve().parent.parent / "README.md"
SLUG = ARTICLE.stem


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_writes_tables_figures_and_report(tmp_path, capsys):
    assert main([str(ARTICLE), "--out", str(tmp_path)]) == 0
    dest = tmp_path / SLUG
    for t in TABLES:
        assert (dest / "tables" / f"{t}.csv").stat().st_size > 0
        assert (dest / "tables" / f"{t}.parquet").stat().st_size > 0
    assert sorted(p.stem for p in (dest / "tables").glob("*.csv")) == sorted(TABLES)  # the declared ones, no more
    static = ("png", "svg") if find_browser() else ()
    for name in charts.CHART_NAMES:
        for ext in ("html", "csv", *static):
            assert (dest / "figures" / f"{name}.{ext}").exists(), f"{name}.{ext}"
    page = (dest / "report.html").read_text(encoding="utf-8")
    assert page.count('class="plot"') == len(charts.CHART_NAMES)
    err = capsys.readouterr().err
    assert f"[1/1] {ARTICLE}" in err


def test_rerun_is_idempotent(tmp_path):
    args = [str(ARTICLE), "--out", str(tmp_path), "--formats", "html"]
    assert main(args) == 0
    first = {p: (tmp_path / p).read_bytes() for p in _files(tmp_path)}
    assert main(args) == 0
    second = {p: (tmp_path / p).read_bytes() for p in _files(tmp_path)}
    assert first.keys() == second.keys()
    changed = [p for p in first if first[p] != second[p] and not p.endswith(".parquet")]
    assert changed == []


def test_bad_inputs_one_line_each_and_batch_continues(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    code = main([str(missing), str(empty), str(ARTICLE), "--out", str(out), "--formats", "", "--no-report"])
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    errors = [line for line in err if line.startswith("error:")]
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "empty.txt" in errors[1]
    assert "2 of 3 article(s) failed" in err
    assert (out / SLUG / "tables" / "quotes.csv").exists()  # the good article was still processed
    assert not (out / SLUG / "figures").exists() and not (out / SLUG / "report.html").exists()


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main([str(ARTICLE), "--out", str(tmp_path), "--formats", "html,gif"])
    assert exc.value.code == 2
    assert "gif" in capsys.readouterr().err


def test_no_browser_one_message_html_still_written(tmp_path, capsys, monkeypatch):
    import analysis.present.export as export

    monkeypatch.setattr(export, "find_browser", lambda: None)
    assert main([str(ARTICLE), str(ARTICLE), "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err.count("PNG/SVG export skipped") == 1
    figures = tmp_path / SLUG / "figures"
    assert (figures / "timeline.html").exists() and not (figures / "timeline.png").exists()


def test_module_entry_point(tmp_path):
    res = subprocess.run(
        [sys.executable, "-m", "analysis", str(tmp_path / "nope.html"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert lines[0].startswith("error:") and "nope.html" in lines[0]
    assert "Traceback" not in res.stderr


def test_readme_lists_the_declared_tables_in_order():
    row = next(ln for ln in README.read_text(encoding="utf-8").splitlines() if ln.startswith("| `tables/<table>.csv`"))
    listed = re.search(r"every table: ([\w, ]+)", row).group(1).strip().split(", ")
    assert listed == list(TABLES)


def test_each_declared_table_is_a_property_calling_its_stage():
    import inspect
    from functools import cached_property

    from analysis.article import Article

    for t in DECLARED:
        src = inspect.getsource(Article.__dict__[t.name].func)
        for private in re.findall(r"self\.(_\w+)", src):  # intermediates such as _layout, _quotes_linked
            if isinstance(Article.__dict__.get(private), cached_property):
                src += inspect.getsource(Article.__dict__[private].func)
        assert f"{t.stage.__name__}(" in src, t.name
        assert t.doc.endswith("."), t.name
