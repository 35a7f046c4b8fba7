"""The report and the highlighted article: escaped text, well-formed spans, charts that really render offline."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from plotly.offline import get_plotlyjs

from analysis import Article
from analysis.present import charts, plotting, render, report
from tests.conftest import long_numbers

HOSTILE = (
    "Rain & <script>alert('x')</script> fell.\n\n"
    'The mayor said: "It was </script><img src=x onerror=alert(1)> heavy."\n\n'
    "Officials met on Monday in Lima."
)


class _Checker(HTMLParser):
    """Collects start tags and checks every span is closed in order."""

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "span":
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "span":
            if not self.stack:
                self.errors.append("unmatched </span>")
            else:
                self.stack.pop()


def _parse(fragment):
    p = _Checker()
    p.feed(fragment)
    p.close()
    return p


# -- render.highlight ---------------------------------------------------------------------------
S = render.Span


@pytest.mark.parametrize(
    ("text", "spans", "visible"),
    [
        ("a <b> c", [], "a <b> c"),
        ("Ann said", [S(0, 3, "entity", "ent")], "Ann said"),
        ("abcdef", [S(0, 4, "quote", "q"), S(2, 6, "entity", "e")], "abcdef"),  # crossing spans
        ("abcdef", [S(1, 5, "entity", "e"), S(0, 6, "quote", "q")], "abcdef"),  # nested
        ("x<y", [S(1, 2, "entity", "e", 'say "<hi>"')], "x<y"),  # hostile title
        ("abc", [S(2, 9, "entity", "e"), S(1, 1, "entity", "e")], "abc"),  # out of range / empty: ignored
    ],
)
def test_highlight_keeps_text_and_is_well_formed(text, spans, visible):
    out = render.highlight(text, spans)
    checker = _parse(out)
    assert not checker.errors and not checker.stack
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == visible
    assert all(tag == "span" for tag, _ in checker.tags)  # nothing from the text became a tag


def test_highlight_nests_quote_outside_entity():
    out = render.highlight("abcd", [S(1, 3, "entity", "e"), S(0, 4, "quote", "q")])
    assert '<span class="q"><span class="e">bc</span></span>' in out


def test_render_article_escapes_text():
    art = Article.from_text(HOSTILE, layout="plain")
    out = render.render_article(art)
    tags = {tag for tag, _ in _parse(out).tags}
    assert tags <= {"style", "div", "span"}
    assert "&lt;script&gt;alert(" in out and "&lt;img src=x" in out
    body = render.render_article(art, style=False, show_legend=False)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == art.text  # every character kept, in order
    assert out._repr_html_() == str(out)


def test_render_article_marks_every_entity_and_quote(nato):
    out = render.render_article(nato)
    spans = [a for tag, a in _parse(out).tags if tag == "span"]
    ent_spans = [a for a in spans if "ent" in a.get("class", "").split()]
    quote_spans = [a for a in spans if "q" in a.get("class", "").split()]
    # fragments may split a mention, so at least one span per mention
    assert len(ent_spans) >= len(nato.entities)
    assert len(quote_spans) >= len(nato.quotes)
    for actor in nato.entities["actor"].dropna().unique():
        assert any(str(actor) in a.get("title", "") for a in ent_spans)


# -- report -------------------------------------------------------------------------------------
def test_report_escapes_article_text():
    art = Article.from_text(HOSTILE, layout="plain")
    page = report.build_report(art)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert" in page
    # every script element is ours: plotly.js, the chart specs, the render hook
    scripts = re.findall(r"<script[^>]*>", page)
    assert len(scripts) == 2 + len(charts.CHART_NAMES)
    # a chart spec cannot close its script element whatever the text says
    for spec in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, flags=re.S):
        assert "<" not in spec


def test_report_embeds_plotlyjs_once_and_has_every_section(nato):
    page = report.build_report(nato)
    assert page.count(get_plotlyjs()[:500]) == 1
    assert not re.search(r"<script[^>]+src=", page)  # nothing loaded from elsewhere
    for section in ("metadata", "summary", "charts", "quotes", "actors", "timeline", "text"):
        assert f'<section id="{section}">' in page
    assert page.count('class="plot"') == len(charts.CHART_NAMES)
    assert html.escape(nato.metadata["title"]) in page
    for text in nato.quotes["text"]:
        assert html.escape(text) in page


def test_summary_counts(nato):
    s = report.summary(nato)
    assert s["sentences"] == len(nato.story_sentences)
    assert s["quotes"] == len(nato.quotes)
    assert s["actors"] == len(nato.actors)


def test_summary_reads_the_stats_table(nato):
    s = report.summary(nato)
    for stat, value in zip(nato.stats["statistic"], nato.stats["value"]):
        label = next(k for k in s if k.split(" (")[0] == stat.replace("_", " "))
        assert s[label] == pytest.approx(value, abs=0.05)


def test_summary_lets_a_stats_error_through(monkeypatch):
    from analysis.extract import stats

    def broken(article):
        raise KeyError("statistic")

    monkeypatch.setattr(stats, "article_stats", broken)
    with pytest.raises(KeyError):
        report.summary(Article.from_text("Rain fell in Spain. It stopped.", layout="plain"))


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="no Chromium/Chrome installed")
def test_report_renders_every_chart_offline(nato, tmp_path):
    figs = plotting.article_charts(nato)
    path = report.write_report(nato, tmp_path / "report.html", figs)
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--virtual-time-budget=15000",
        "--dump-dom",
        path.resolve().as_uri(),
    ]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    body = re.search(r"<body[^>]*>", dom).group(0)
    n = len(figs)
    assert f'data-charts="{n}"' in body
    assert f'data-charts-rendered="{n}"' in body, body
    assert 'data-charts-failed="0"' in body
    plots = re.findall(r'<div class="plot[^"]*"[^>]*data-chart="[^"]*"[^>]*>', dom)
    assert len(plots) == n
    assert all('data-rendered="1"' in p and "js-plotly-plot" in p for p in plots)
    assert dom.count('class="main-svg"') >= n  # plotly drew an SVG for every chart


def test_report_tables_are_declared_article_tables(nato):
    from analysis.article import TABLES

    assert set(report.REPORT_TABLES) <= {t.name for t in TABLES}
    page = report.build_report(nato, figures={})
    for name, (columns, _, _) in report.REPORT_TABLES.items():
        section = page.split(f'<section id="{name}">')[1].split("</section>")[0]
        shown = [c for c in columns if c in getattr(nato, name).columns]
        assert re.findall(r"<th>(\w+)</th>", section) == shown, name


def test_report_numbers_are_readable(nato):
    """Statistics with at most 4 significant digits, counts with separators (the CSVs keep full precision)."""
    page = report.build_report(nato, figures={})
    assert not long_numbers(page)
    stats = re.findall(r'<div class="stat"><b>([^<]*)</b> ([^<]*)</div>', page)
    shown = dict((label, value) for value, label in stats)
    assert re.fullmatch(r"\d+(\.\d{1,2})?", shown["flesch reading ease"])
    assert shown["words"] == f"{int(nato.stats.set_index('statistic').loc['words', 'value']):,}"


def test_every_fragment_of_an_interrupted_quotation_is_marked():
    # “A,” X said. “B.”: one row; the rendered article marks both its fragments as that quote
    text = "“We won,” Dana Korvel said. “They lost.” The count ended on Monday."
    art = Article.from_text(text, layout="plain")
    assert len(art.quotes) == 1
    marked = [text[s.start : s.end] for s in render.article_spans(art, entities=False, blocks=False) if s.layer == "quote"]
    assert marked == ["We won,", "They lost."]
    assert render.render_article(art).count('title="direct quote: Dana Korvel, cue: said"') == 2
