"""Layout recognition: metadata and block kinds on the shipped article and on edge cases."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import numpy as np
import pytest

from analysis import Article, load_article
from analysis.read.layout import block_rules, boilerplate_rule, recognise, split_lines
from analysis.read.layout import rules as layout_rules
from analysis.read.layout.chrome import chrome_rules
from tests.conftest import PAGES, PKG, assert_offsets

LAYOUT_PKG = PKG / "read" / "layout"
KINDS = {"title", "subtitle", "byline", "dateline", "caption", "credit", "bio", "heading", "body", "boilerplate"}


# --- the rule table: one generated test per rule of blocks.rule -------------------------------------
@pytest.mark.parametrize(("name", "example"), block_rules().examples(), ids=[n for n, _ in block_rules().examples()])
def test_block_rule_example(name, example):
    e = example.expect
    blocks, _ = recognise(example.text, layout=e.get("layout", "auto"), title_hint=e.get("title_hint"))
    rows = blocks[blocks["text"] == e["line"]]
    assert len(rows), (name, blocks[["kind", "rule", "text"]].values.tolist())
    hit = rows[rows["rule"] == name]
    assert len(hit) and (hit["kind"] == e["kind"]).all(), (name, rows[["kind", "rule"]].values.tolist())
    assert e["rule"] == name


def test_every_block_rule_has_an_example():
    missing = [r.name for r in block_rules() if r.example is None]
    assert not missing, missing


def test_chrome_names_the_code_uses_are_in_the_lexicon():
    assert set(layout_rules.CHROME_NAMES_USED) <= set(chrome_rules().names)


def test_rule_names_are_not_string_literals_in_the_layout_modules():
    """Rules are named by the constants of ``rules.py``; other modules never spell one out."""
    names = set(block_rules().names) - KINDS
    found = []
    for path in sorted(LAYOUT_PKG.glob("*.py")):
        if path.name == "rules.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names:
                found.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert not found, found


def test_every_rule_in_the_blocks_comes_from_the_table(nato):
    assert set(nato.blocks["rule"]) <= set(block_rules().names)


def test_metadata_matches_gold(nato, gold):
    g = gold["metadata"]
    m = nato.metadata
    for key in (
        "title",
        "authors",
        "published",
        "updated",
        "outlet",
        "caption",
        "photo_credit",
        "contributors",
        "headings",
    ):
        assert m[key] == g[key], key


def test_not_body_lines_are_labelled(nato, gold):
    blocks = nato.blocks
    for item in gold["metadata"]["not_body"]:
        rows = blocks[blocks["text"].str.contains(item, regex=False)]
        assert len(rows), item
        assert not (rows["kind"] == "body").any(), (item, rows["kind"].tolist())
    kinds = dict(zip(blocks["text"], blocks["kind"]))
    assert kinds["Japan and NATO Seek ‘Peace and Stability’"] == "heading"
    assert kinds["The Associated Press contributed to this report."] == "credit"
    assert kinds["0:00"] == "boilerplate"
    assert kinds["twitter"] == "boilerplate"


def test_every_nonblank_line_in_exactly_one_block(nato):
    lines = split_lines(nato.text)
    spans = list(zip(nato.blocks["start"], nato.blocks["end"]))
    assert spans == lines
    assert_offsets(nato.text, nato.blocks)
    assert nato.blocks["rule"].str.len().gt(0).all()


def test_repeated_title_is_one_title(nato):
    titles = nato.blocks[nato.blocks["kind"] == "title"]
    assert titles["text"].nunique() == 1
    assert titles["rule"].tolist() == ["title", "repeated title"]


BODY = (
    "The council voted on Tuesday to approve the new budget after a long debate.\n\n"
    "Officials said the plan would take effect next year, pending a final review.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no title: body only
        (BODY, {"title": None, "authors": [], "published": None}),
        # byline glued to a date
        (
            "City Council Approves Budget After Long Debate\nBy Maria Lopez2/1/2023\n\n" + BODY,
            {
                "title": "City Council Approves Budget After Long Debate",
                "authors": ["Maria Lopez"],
                "published": "2023-02-01",
            },
        ),
        (
            "City Council Approves Budget\nMaria LopezFebruary 1, 2023\n" + BODY,
            {"authors": ["Maria Lopez"], "published": "2023-02-01"},
        ),
        # two datelines: published and updated
        (
            "City Council Approves Budget After Long Debate\nBy Maria Lopez and John Smith, Reuters\n"
            "Published Jan. 30, 2023\nUpdated 31 January 2023 10:15 a.m. EST\n\n" + BODY,
            {
                "authors": ["Maria Lopez", "John Smith"],
                "published": "2023-01-30",
                "updated": "2023-01-31",
                "outlet": "Reuters",
            },
        ),
        # a headline that ends with a period is still the title (Title Case, or too short for a lede)
        (
            "Council Approves Budget After Long Debate.\n\n" + BODY,
            {"title": "Council Approves Budget After Long Debate."},
        ),
        ("Budget passes at last.\n\n" + BODY, {"title": "Budget passes at last."}),
        # ISO date, CRLF line ends
        (
            "Council Approves Budget After Debate\r\n2023-02-01\r\n\r\n" + BODY.replace("\n", "\r\n"),
            {"title": "Council Approves Budget After Debate", "published": "2023-02-01"},
        ),
        # CR-only line ends and page chrome above the title
        (
            "Skip to main content\rMenu\rPress Releases\rGovernor Announces Funding for Rural Broadband\rMarch 3, 2022\r\r"
            + BODY.replace("\n", "\r"),
            {"title": "Governor Announces Funding for Rural Broadband", "published": "2022-03-03"},
        ),
    ],
)
def test_layout_edge_cases(text, expected):
    art = Article.from_text(text)
    for key, value in expected.items():
        assert art.metadata[key] == value, key
    assert_offsets(art.text, art.blocks)
    assert_offsets(art.text, art.sentences)
    body = art.sentences[art.sentences["kind"] == "body"]["text"].tolist()
    assert body[0].startswith("The council voted")
    assert len(body) == 2


def test_plain_layout_treats_paragraphs_as_body():
    art = Article.from_text("First line of a para\nwrapped here.\n\nSecond paragraph.", layout="plain")
    assert art.blocks["kind"].tolist() == ["body", "body"]
    assert art.blocks["text"].iloc[0] == "First line of a para\nwrapped here."


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("0:00", "media-player time"),
        ("12:41 / 15:02", "media-player time"),
        ("Related Topics", "related links"),
        ("Share on Facebook", "share button"),
        ("Sign up for our newsletter", "subscription prompt"),
        ("You will now receive the Harbour Weekly newsletter", "subscription prompt"),
        ("Thanks for signing up to the ferry newsletter.", "subscription prompt"),
        ("The union's newsletter called for a strike on Monday.", None),
        ("More than 100 people died in the attack on the capital on Sunday.", None),
        ("Japan won.", None),
        ("[edit]", "section edit link"),
        ("Edit this page to add sources.", None),
    ],
)
def test_boilerplate_rules(line, rule):
    assert boilerplate_rule(line) == rule


@pytest.mark.parametrize(
    ("pattern", "line", "needs"),
    [
        (r".*\b(?:harbour board|tide tables?)\b.*", "Notice: the Harbour Board has closed the quay", {"harbour board", "tide table"}),
        (r"(?:press|media) contact: .*", "MEDIA CONTACT: Dana Korvel", {" contact: "}),
        (r"\d+ min(?:ute)?s? read", "4 minutes read", {" read"}),
        (r"(?:©|\(c\)) \d{4} northwind foods", "© 2031 Northwind Foods", {" northwind foods"}),
        (r"[\W_]+", "* * *", None),
        (r"(?:sign up|\w+)", "Sign up", None),  # an alternative with no text of its own: nothing required
    ],
)
def test_required_texts(pattern, line, needs):
    """The texts a chrome pattern requires are held, folded, by a line it matches (the chrome search
    skips the lines holding none of them)."""
    import re

    from analysis.read.layout.chrome import required_texts
    from analysis.read.layout.lines import folded

    assert re.fullmatch(pattern, line, re.I)
    assert required_texts(pattern) == (None if needs is None else frozenset(needs))
    assert needs is None or any(t in folded(line) for t in needs)


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("Dana Korvel met the Harbour Board", True),
        ("The board’s “plan” — 12 berths…", True),  # quotes, dashes, ellipsis: no word characters
        ("Café Northwind", False),
        ("Berth 2³", False),  # a superscript digit is a word character
        ("Dana_Korvel", True),
    ],
)
def test_ascii_words_reads_like_the_unicode_patterns(text, ascii):
    """Where every word character is ASCII, the ASCII readings of comparable_text, the content stems
    and the shape give what the Unicode patterns give."""
    import re

    from analysis.read.layout.lines import ascii_words, comparable_text, content_words
    from analysis.read.layout.page import content_stems

    assert ascii_words(text) is ascii
    assert comparable_text(text) == re.sub(r"\W+", " ", text).strip().lower()
    assert content_stems(text) == frozenset(w[:5] for w in content_words(text))


@pytest.mark.parametrize(
    ("line", "relative"),
    [
        ("Posted 3 hours ago by Dana Korvel", True),
        ("UPDATED: JUST NOW", True),
        ("The Harbour Board met again on Tuesday in Chicago", False),  # "ago" inside words
        ("Dana Korvel, 2 days agone", False),
    ],
)
def test_relative_time_as_the_pattern_reads_it(line, relative):
    from analysis.read.layout.dates import RELATIVE_TIME, relative_time

    assert relative_time(line) is relative
    assert relative_time(line) == bool(RELATIVE_TIME.search(line))


def test_chrome_rows_require_what_their_examples_hold():
    from analysis.read.layout.chrome import _chrome_rows, required_texts
    from analysis.read.layout.lines import folded

    checked = 0
    for rx, _, _, example in _chrome_rows():
        needs = required_texts(rx.pattern)
        if example and needs is not None and rx.fullmatch(example.strip()):
            assert any(t in folded(example.strip()) for t in needs), (rx.pattern, example)
            checked += 1
    assert checked >= 10


P1 = (
    "The ministry said the talks would continue next week in the capital, officials confirmed.\n"
    "A second paragraph adds more detail about the plan and its critics today."
)
TITLE = "Nato chief warns of growing threats in Asia"


@pytest.mark.parametrize(
    ("header", "title", "authors", "published"),
    [
        # agency style: all-caps byline, only an "Updated" stamp, dateline inside the first paragraph
        (
            f"{TITLE}\nBy ZEKE MILLER and AAMER MADHANI\nUpdated 5:32 PM EST, January 25, 2023\nWASHINGTON (AP) — ",
            TITLE,
            ["ZEKE MILLER", "AAMER MADHANI"],
            "2023-01-25",
        ),
        # section label above the title, year glued to the time, "Updated 2 hours ago"
        (
            f"World\n{TITLE}\nBy Pavel Polityuk and Tom Balmforth\nJanuary 25, 20236:12 PM UTCUpdated 2 hours ago\nKYIV (Reuters) - ",
            TITLE,
            ["Pavel Polityuk", "Tom Balmforth"],
            "2023-01-25",
        ),
        # "Published" label on its own line, image-source chrome, byline after the caption
        (
            f"{TITLE}\nPublished\n25 January 2023\nShare\nIMAGE SOURCE,GETTY IMAGES\nBy Jessica Parker\n",
            TITLE,
            ["Jessica Parker"],
            "2023-01-25",
        ),
        # government readout: all-caps office line and date
        (f"{TITLE}\nREADOUT\nOFFICE OF THE SPOKESPERSON\nJANUARY 31, 2023\n", TITLE, [], "2023-01-31"),
        # repeated short navigation item must not win over the title
        (
            f"Statements and Releases\nFACT SHEET: {TITLE}\nJanuary 31, 2023\nBriefing Room\nStatements and Releases\n",
            f"FACT SHEET: {TITLE}",
            [],
            "2023-01-31",
        ),
        # age notice, standfirst, "Name in City" byline, weekday date with 24h time
        (
            f"Japan\nThis article is more than 1 year old\n{TITLE}\nThe alliance's chief says the region's security is linked to Europe's.\n"
            "Justin McCurry in Tokyo\nTue 31 Jan 2023 06.32 GMT\n",
            TITLE,
            ["Justin McCurry"],
            "2023-01-31",
        ),
        # breadcrumbs and a "From:" line on a government site
        (
            f"Home\nNews\nPress releases\n{TITLE}\nFrom: Department for Environment\nPublished\n3 March 2022\n",
            TITLE,
            [],
            "2022-03-03",
        ),
    ],
)
def test_other_outlets(header, title, authors, published):
    art = Article.from_text(header + P1)
    assert art.metadata["title"] == title
    assert art.metadata["authors"] == authors
    assert art.metadata["published"] == published
    body = art.blocks[art.blocks["kind"] == "body"]
    assert len(body) == 2
    assert body["text"].iloc[-1].startswith("A second paragraph")


# --- realistic page copies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "authors", "published", "n_body", "first_body", "last_body"),
    [
        # wire service: all-caps byline, "Updated" stamp with GMT offset, share bar, (AP Photo/...) caption
        (
            "wire_agency.txt",
            "EU ministers agree to extend grain import curbs for another year",
            ["HELENA MARSH", "TOMAS KREJCI"],
            "2024-03-04",
            4,
            "BRUSSELS (AP) —",
            "Farm groups said",
        ),
        # wire service: date glued to "Updated 3 hours ago", gallery captions with dates, "Reporting by" credit
        (
            "wire_reuters.txt",
            "Poland's central bank holds rates steady, signals no cuts before autumn",
            ["Anna Kowalska", "Mark Heller"],
            "2024-03-06",
            3,
            "WARSAW, March 6 (Reuters)",
            '"The council sees',
        ),
        # UK broadcaster: date above the byline, role line, agency credit line, related list with dates
        (
            "uk_broadcaster.txt",
            "Hospital waiting lists in Wales fall for fourth month in a row",
            ["Gwen Rhys"],
            "2024-02-04",
            4,
            "The number of people",
            "Opposition parties",
        ),
        # UK newspaper: "Name in City and Name", weekday date with 24h time and CET, "Last modified on"
        (
            "uk_newspaper.txt",
            "Ukraine says it has pushed back Russian forces near Avdiivka",
            ["Sofia Brandt", "Daniel Okafor"],
            "2024-03-02",
            3,
            "Ukraine's military said",
            "Russia's defence ministry",
        ),
        # US newspaper: ad chrome, glued "Credit..." caption, bio and a print-edition line with a later date
        (
            "us_newspaper.txt",
            "Taiwan Detains Crew of Chinese Boat After Fatal Collision Near Kinmen",
            ["Lisa Chen", "David Ortiz"],
            "2024-02-13",
            3,
            "Taiwan's coast guard",
            "Taiwanese officials",
        ),
        # Hong Kong newspaper: "Published: 8:30pm, 12 Mar 2024", author name split from "in Beijing"
        (
            "hk_newspaper.txt",
            "China and Australia agree to resume annual leaders' dialogue after four-year pause",
            ["Wei Lan"],
            "2024-03-12",
            3,
            "China and Australia have agreed",
            "Beijing lifted",
        ),
        # Singapore newspaper: "Updated" before "Published", each label on its own line
        (
            "sg_newspaper.txt",
            "Singapore to raise GST vouchers for lower-income households from April",
            ["Rei Kurohi"],
            "2024-03-14",
            3,
            "SINGAPORE - About",
            "Those living in smaller flats",
        ),
        # European broadcaster: day-first slashed dates glued by "•"
        (
            "eu_broadcaster.txt",
            "EU agrees first rules on artificial intelligence after marathon talks",
            ["Anna Müller"],
            "2024-03-14",
            3,
            "The European Parliament",
            "Companies that break",
        ),
        # French newspaper in English: "Published on <date>, at 6:32 pm (Paris), updated at 7:05 pm"
        (
            "fr_newspaper.txt",
            "French farmers to receive emergency aid after weeks of protests",
            None,
            "2024-02-01",
            3,
            "French Prime Minister",
            "The government also pledged",
        ),
        # US state press release: gov banner, breadcrumbs, contact block, "###"
        (
            "us_state_press_release.txt",
            "Governor Announces $40 Million to Expand Broadband in Rural Counties",
            [],
            "2024-02-27",
            3,
            "ALBANY, N.Y. –",
            '"Every family',
        ),
        # White House readout: section labels around the date, next/previous post links
        (
            "us_readout.txt",
            "Readout of the Vice President's Meeting with the President of Ghana",
            [],
            "2024-02-09",
            3,
            "The Vice President met",
            "The two leaders",
        ),
        # UK government: cookie banner, "From:" line, "Published"/"Last updated" footer
        (
            "uk_gov_press_release.txt",
            "New funding to help 50,000 homes install heat pumps",
            [],
            "2024-01-15",
            4,
            "Households in England will be able to claim grants",
            "The scheme is open",
        ),
        # ministry statement: zero-padded day, language switch links
        (
            "ministry_statement.txt",
            "Japan-Philippines Foreign Ministers' Telephone Talk",
            [],
            "2024-02-05",
            3,
            "On February 5, commencing",
            "The ministers also",
        ),
        # UN news: photo credit line above the caption, related stories with earlier dates
        (
            "un_news.txt",
            "Sudan: Millions face hunger as fighting blocks aid routes, UN warns",
            [],
            "2024-03-05",
            3,
            "Nearly 18 million",
            '"The world must not',
        ),
        # NGO: date above the title, "© 2024 Private" caption, donation chrome
        (
            "ngo_report.txt",
            "Myanmar: Junta Airstrikes Kill Civilians in Chin State",
            [],
            "2024-03-04",
            3,
            "(Bangkok) –",
            '"The junta',
        ),
        # think tank: "Published <date>", "Photo:" credit, two-author bio
        (
            "think_tank.txt",
            "The Red Sea Crisis and the Future of Maritime Security",
            ["Jane Roe", "Michael Petrov"],
            "2024-02-20",
            3,
            "Attacks on commercial shipping",
            "Three questions",
        ),
        # magazine: illustration credit, "March 3, 2024, 7 AM ET", "About the Author"
        (
            "magazine.txt",
            "The Quiet Collapse of Local Newspapers",
            ["Anne Marlow"],
            "2024-03-03",
            3,
            "More than 2,500",
            "The loss is hard",
        ),
        # local TV: weather alert above the title, "by:" byline, "Posted: Mar 6, 2024 / 05:42 PM CST"
        (
            "local_tv.txt",
            "School board votes to close two elementary schools",
            ["Kyle Benson"],
            "2024-03-06",
            3,
            "SPRINGFIELD, Ill. (WXYZ)",
            "The district said",
        ),
        # blog: breadcrumb repeating the title, "Posted on <date> by <name>", dated comments
        (
            "blog_post.txt",
            "Why the Fed Is in No Hurry to Cut Rates",
            ["Sam Whitfield"],
            "2024-03-02",
            3,
            "The Federal Reserve's",
            "Markets have already",
        ),
        # US broadcaster: "Name and Name, CNN", caption with an older date and a bare "Name/Reuters" credit
        (
            "us_broadcaster.txt",
            "Kenya's top court blocks deployment of police officers to Haiti",
            ["Larry Madowo", "Nimi Princewill"],
            "2024-01-26",
            3,
            "Kenya's High Court",
            "Haiti's prime minister",
        ),
        # Middle East broadcaster: "Published On 7 Mar 2024", [File: Name/Agency] caption
        (
            "mideast_broadcaster.txt",
            "Jordan hosts Arab ministers for talks on Gaza aid corridor",
            ["Ali Hassan"],
            "2024-03-07",
            3,
            "Arab foreign ministers",
            "Aid groups have urged",
        ),
        # Korean newspaper: "Published : Feb. 6, 2024 - 15:32", hyphenated given name, e-mail sign-off
        (
            "kr_newspaper.txt",
            "Seoul to expand medical school quotas by 2,000 from next year",
            ["Kim Min-ji"],
            "2024-02-06",
            3,
            "The government said Tuesday",
            "The Korea Medical Association",
        ),
        # European agency: "City, 01.02.2024 - " lead, no separate dateline above the body
        (
            "eu_agency_dotdate.txt",
            "Flood warning system to be extended to smaller rivers",
            [],
            "2024-02-01",
            4,
            "Berne, 01.02.2024 -",
            "The office said",
        ),
        # Indian newspaper: desk / site / "Updated: Jan 25, 2024, 14:05 IST" on one line, font-size chrome
        (
            "india_newspaper.txt",
            "NATO begins its largest exercise in decades with 90,000 troops",
            None,
            "2024-01-25",
            3,
            "NATO on Thursday",
            "Officials said",
        ),
        # European politics site: audio prompt, date before byline, related article with "Feb 28, 2024 10:04am"
        (
            "eu_politics_site.txt",
            "Von der Leyen launches bid for second term at party congress",
            ["Clara Jensen", "Piotr Nowak"],
            "2024-03-07",
            3,
            "BUCHAREST —",
            "The vote opens",
        ),
        # tech site: ISO date with time, "Comments (12)", "Last modified:" footer
        (
            "tech_news_iso.txt",
            "Hospital chain confirms ransomware attack disrupted patient records",
            ["Maya Lindqvist"],
            "2024-03-11",
            3,
            "A hospital chain",
            "Security researchers",
        ),
        # saved HTML: JSON-LD datePublished, "Headline | Outlet" <title>, related list with an older <time>
        (
            "jsonld_news.html",
            "Port strike ends after dockworkers accept pay deal",
            ["Ingrid Solberg"],
            "2024-03-08",
            3,
            "Dockworkers at the country",
            "“This is a fair result",
        ),
        # saved HTML: og:title and article:published_time, "Headline - Outlet" <title>, cookie banner
        (
            "opengraph_news.html",
            "Drought forces water restrictions across southern provinces",
            ["Rosa Delgado"],
            "2024-02-19",
            3,
            "Authorities in five",
            "Officials said",
        ),
        # saved HTML: government page, "Headline - GOV.UK" <title>, <time datetime> in a definition list
        (
            "gov_statement.html",
            "Minister welcomes agreement on fisheries quotas",
            None,
            "2024-01-22",
            3,
            "The Fisheries Minister",
            "Negotiations took place",
        ),
        # saved HTML: blog microdata (itemprop datePublished/author), "Headline » Blog" <title>
        (
            "blog_microdata.html",
            "Notes from the climate talks: what changed this week",
            ["Tomás Rivera"],
            "2023-12-09",
            3,
            "Negotiators spent",
            "The final session",
        ),
    ],
)
def test_page_copies(name, title, authors, published, n_body, first_body, last_body):
    art = load_article(PAGES / name)
    m = art.metadata
    assert m["title"] == title
    assert m["published"] == published
    if authors is not None:
        assert m["authors"] == authors
    body = art.blocks[art.blocks["kind"] == "body"]["text"].tolist()
    assert len(body) == n_body, body
    assert body[0].startswith(first_body)
    assert body[-1].startswith(last_body)
    assert_offsets(art.text, art.blocks)
    if name.endswith(".txt"):
        assert list(zip(art.blocks["start"], art.blocks["end"])) == split_lines(art.text)


HEAD = "City Hall Approves Budget For Next Year"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # press-release labels
        (
            f"FOR IMMEDIATE RELEASE\n{HEAD}\nRelease Date: March 6, 2024\n\n" + BODY,
            {"title": HEAD, "published": "2024-03-06"},
        ),
        (f"{HEAD}\nFor Immediate Release: March 6, 2024\n\n" + BODY, {"published": "2024-03-06"}),
        # year-first dotted date under an author line
        (
            f"News\n{HEAD}\nKim Min-ji\n2024.03.06 15:32\n\n" + BODY,
            {"authors": ["Kim Min-ji"], "published": "2024-03-06"},
        ),
        # weekday between byline and date is not an author
        (
            f"{HEAD}\nBy Jane Doe | Wednesday, March 6, 2024\n\n" + BODY,
            {"authors": ["Jane Doe"], "published": "2024-03-06"},
        ),
        # a page writing day-first slashed dates: 05/03/2024 is 5 March, not May 3
        (
            f"{HEAD}\nPublished 05/03/2024 - 10:02\nUpdated 25/03/2024\n\n" + BODY,
            {"published": "2024-03-05", "updated": "2024-03-25"},
        ),
        # an agency credit alone on its line introduces the caption below it
        (
            f"Menu\n{HEAD}\n6 March 2024\nGetty Images\nThe mayor speaks to reporters outside the city hall\n" + BODY,
            {
                "title": HEAD,
                "published": "2024-03-06",
                "caption": "The mayor speaks to reporters outside the city hall",
            },
        ),
        # dates in a related list or comments below the body are not the publication date
        (f"{HEAD}\n\n" + BODY + "Related\nBudget talks stall\nPublished\n12 January 2024\nMore\n", {"published": None}),
        (
            f"{HEAD}\nMarch 6, 2024\n\n" + BODY + "Related articles\nBudget talks stall\nFeb 28, 2024 10:04am\n",
            {"published": "2024-03-06"},
        ),
        # ... but a government footer stating one "Published" date is read when the header has none
        (f"{HEAD}\n\n" + BODY + "Share this page\nPublished 6 March 2024\n", {"published": "2024-03-06"}),
        # caption with an older date and a bare "Name/Agency" credit does not date the article
        (
            f"{HEAD}\nUpdated 6:12 AM EST, Fri March 8, 2024\n"
            "Council members meet in the chamber on July 19, 2023. Jane Doe/Reuters\n" + BODY,
            {"published": "2024-03-08", "photo_credit": "Jane Doe/Reuters"},
        ),
    ],
)
def test_dates_and_credits(text, expected):
    art = Article.from_text(text)
    for key, value in expected.items():
        assert art.metadata[key] == value, key
    body = art.blocks[art.blocks["kind"] == "body"]["text"].tolist()
    assert len(body) == 2 and body[0].startswith("The council voted")


@pytest.mark.parametrize(
    ("lead", "published"),
    [
        ("Berne, 01.02.2024 - ", "2024-02-01"),
        ("WASHINGTON (March 6, 2024) – ", "2024-03-06"),
        ("NEW YORK, March 6, 2024 /PRNewswire/ -- ", "2024-03-06"),
        # a date later in the first sentence is an event, not the dateline
        ("After the storm of March 6, 2024, ", None),
    ],
)
def test_date_opening_the_first_paragraph(lead, published):
    art = Article.from_text(f"{HEAD}\n\n{lead}" + BODY)
    assert art.metadata["published"] == published


@pytest.mark.parametrize(
    ("header", "title", "published"),
    [
        (f"Press corner\n{HEAD}\nPress release\nBrussels, 6 March 2024\n\n", HEAD, "2024-03-06"),
        (f"{HEAD}\nSource: Xinhua| 2024-03-06 15:32:10|Editor: Liu Wei\n\n", HEAD, "2024-03-06"),
        (f"{HEAD}\n\nMarch 6, 2024 | Press Release\n\n", HEAD, "2024-03-06"),
        (f"{HEAD}\nPosted On: 06 MAR 2024 3:32PM by PIB Delhi\n\n", HEAD, "2024-03-06"),
        # a headline naming a date stays the title, and the date is not the publication date
        (
            "Statement on the Attack of March 6, 2024 in the Capital\n\n",
            "Statement on the Attack of March 6, 2024 in the Capital",
            None,
        ),
        # only a relative date: no publication date rather than a wrong one
        (f"Home\n{HEAD}\nBy Jane Doe, Europe correspondent\n6 hours ago\n\n", HEAD, None),
    ],
)
def test_dated_header_lines(header, title, published):
    art = Article.from_text(header + BODY)
    assert art.metadata["title"] == title
    assert art.metadata["published"] == published
    assert (art.blocks["kind"] == "body").sum() == 2


# --- page styles of real copies: title candidates scored, chrome blocks, provenance ----------------
@pytest.mark.parametrize(
    ("name", "title", "published", "authors", "title_rule"),
    [
        # government release: cookie banner, breadcrumbs, standfirst below the headline, "From:" field
        ("uk_gov_colon_speech.txt", "Funding doubled for river clean-up projects in the North West", "2025-03-12", [], "title"),
        # translated readout: breadcrumb, "[Provisional translation]", "Date:/Source:/Summary:" fields
        ("ministry_readout.txt", "Foreign Ministers' Meeting between Norland and Estovia", "2025-02-14", [], "title"),
        # every line indented, counter and banner lines, bulleted gallery lines repeating the headline
        # with a number glued on, dateline with a section tag and a place
        ("indented_table_page.txt", "Port authority approves new ferry terminal", "2021-03-03", ["Marta Quinlan"], "title"),
        # tokenised copy: spaces before commas in the dateline
        ("tokenised_copy.txt", "Senators back trade pact after long debate", "2019-03-12", [], "title"),
        # title bar "Headline | Site", a row of social links, archive notice, release number, phone line
        ("agency_title_bar.txt", "Seagrass meadows recovering along the south coast, survey finds", "2019-03-08", [], "title bar"),
        # beta-site banner paragraphs above the page's own header, nested alert list, media-contact block
        ("beta_banner_release.txt", "Institute researchers build a clock that loses one second in 40 billion years",
         "2018-05-02", [], "title"),
        # no date stated: the related-links list and the photo archive line are not the publication date
        ("no_date_page.txt", "Volunteers plant 5,000 trees along the canal towpath", None, [], "title"),
        # no headline at all: alt texts, a section label, a media-contact block (whose name is no author)
        ("no_headline_release.txt", None, "2022-06-03", [], "none"),
        # a byline with a rank and its date on one line, a dateline with a double dash (invented page)
        ("military_release_byline_date.txt", "Paratroopers train with allies in Lithuania", "2025-05-03", ["Tonya Reeve"], "title"),
        # a headline carrying its own date, the briefer's name line, a place line and a time (invented page)
        ("dated_briefing_title.txt", "Department Press Briefing – March 3, 2025", "2025-03-03", [], "title with its date"),
        # a venue line between the headline and the time, no date stated (invented page)
        ("briefing_venue_line.txt", "Press Briefing by Press Secretary Dana Korvel", None, [], "title"),
    ],
)
def test_real_page_styles(name, title, published, authors, title_rule):
    art = load_article(PAGES / name)
    m = art.metadata
    assert (m["title"], m["published"], m["authors"]) == (title, published, authors)
    prov = m["provenance"]
    assert prov["title"]["rule"] == title_rule
    if title is None:
        assert prov["title"]["block_id"] is None and prov["title"]["reason"]
        assert not (art.blocks["kind"] == "title").any()
    else:
        line = art.blocks.loc[prov["title"]["block_id"], "text"]
        assert line == prov["title"]["line"] and title in line
    if published is None:
        assert prov["published"]["block_id"] is None and "no publication date" in prov["published"]["reason"]
    else:
        block = art.blocks.loc[prov["published"]["block_id"]]
        assert block["kind"] in ("dateline", "byline", "body", "title") and block["text"] == prov["published"]["line"]
        assert block["kind"] != "title" or prov["published"]["rule"].endswith("title with its date")
    # bullets, nested lines and contact blocks are never the title nor the body
    for text in art.blocks["text"]:
        if text.startswith("•") or text.startswith("(555)"):
            assert art.blocks.loc[art.blocks["text"] == text, "kind"].iloc[0] == "boilerplate", text
    assert_offsets(art.text, art.blocks)


def test_chrome_dates_are_not_events():
    art = load_article(PAGES / "no_date_page.txt")
    assert not art.timeline["text"].str.contains("2019|1998").any()
    assert (art.blocks.loc[art.blocks["text"].str.contains("2019"), "kind"] == "boilerplate").all()


def test_title_and_date_overrides():
    art = load_article(PAGES / "no_date_page.txt", title="Tree planting on the towpath", published="2024-11-02")
    m = art.metadata
    assert (m["title"], m["published"]) == ("Tree planting on the towpath", "2024-11-02")
    assert m["provenance"]["title"]["rule"] == m["provenance"]["published"]["rule"] == "override"
    assert art.timeline.loc[art.timeline["text"] == "the weekend", "value"].item() == "2024-W44-WE"


_SOURCES_PAGE = """Harbour reopens after storm

Monday, March 2, 2015

The harbour of Varnak reopened on Monday after a storm closed it for a week, port officials said.

Dana Korvel, the port's director, said ships were queuing outside. "We are working day and night," she said.

Sources

- "Storm shuts Varnak harbour for a week as waves hit the coast." — Coastal Daily, February 23, 2015.
- "Ships wait outside as Critics blame the ministry for slow repairs." — Harbour News, March 1, 2015.
"""


def test_end_matter_section_is_chrome():
    art = Article.from_text(_SOURCES_PAGE)
    b = art.blocks
    tail = b[b["start"] >= _SOURCES_PAGE.index("Sources")]
    assert len(tail) >= 3 and (tail["kind"] == "boilerplate").all(), tail[["kind", "rule", "text"]]
    assert tail["rule"].iloc[0] == "end matter"  # the heading: its items may also be trailing chrome
    assert not {"Coastal Daily", "Harbour News", "Critics"} & set(art.actors["actor"])
    assert not art.timeline["text"].str.contains("February 23").any()
    assert "Dana Korvel" in set(art.actors["actor"])


def test_sources_heading_followed_by_story_stays_body():
    text = _SOURCES_PAGE.replace("- \"Storm", "Sources close to the port said the storm was the worst in a decade and that repairs to the outer wall would take months of work, at a cost nobody has yet put a figure on.\n\n- \"Storm")
    art = Article.from_text(text)
    assert not (art.blocks["rule"] == "end matter").any()


def test_venue_line_is_not_the_title():
    text = (
        "Press Briefing by Press Secretary Dana Korvel\n\nEast Wing Briefing Room\n\n1:05 P.M. EDT\n\n"
        "MS. KORVEL: Good afternoon, everyone. The delegation will travel to Ohio on Thursday to talk about jobs.\n\n"
        "Q Thanks. Does the delegation support the bill that the Senate passed last week?\n"
    )
    art = Article.from_text(text)
    assert art.metadata["title"] == "Press Briefing by Press Secretary Dana Korvel"


def test_headline_carrying_its_date():
    text = (
        "Department Press Briefing – March 3, 2025\n\nDana Korvel, Department Spokesperson\n\n"
        "Washington, D.C.\n\n2:14 p.m. EST\n\n"
        "MS KORVEL: Good afternoon, everybody. The Secretary spoke this morning with the foreign minister "
        "about the elections and the situation in the region.\n\n"
        "QUESTION: Thank you. Did the Secretary raise the detention of the two journalists with him?\n"
    )
    art = Article.from_text(text)
    assert art.metadata["title"] == "Department Press Briefing – March 3, 2025"
    assert art.metadata["published"] == "2025-03-03"
    assert art.metadata["provenance"]["title"]["rule"] == "title with its date"



# --- whole-page metadata as rankings with fitted weights (issue 22) ------------------------------
from analysis.read.layout import model as layout_model  # noqa: E402
from analysis.read.layout.authors import BYLINE_FEATURES  # noqa: E402
from analysis.read.layout.fit import main as fit_main  # noqa: E402
from analysis.read.layout.headline import TITLE_FEATURES  # noqa: E402
from analysis.read.layout.published import DATE_FEATURES  # noqa: E402
from analysis.read.layout.story import STORY_FEATURES  # noqa: E402

_LEDE = "The Harbour Board opened the new ferry terminal at Varnak on Monday, two years after work began."
_MORE = (
    "Ines Marlow, who chairs the board, said the terminal would double the daily crossings to the islands.\n\n"
    "The old quay will close in the spring and become a fish market, the board said in a statement.\n"
)


def test_shipped_weights_load_with_their_provenance():
    models = layout_model.shipped_models()
    for model, names in (
        (models.title, TITLE_FEATURES),
        (models.date, DATE_FEATURES),
        (models.byline, BYLINE_FEATURES),
        (models.story, STORY_FEATURES),
    ):
        assert model is not None and model.features == names
        assert len(model.weights) == len(names) and (model.scale > 0).all()
    prov = layout_model.weights_provenance()
    assert prov["command"].startswith("python -m analysis.read.layout.fit")
    assert prov["date"][:2] == "20" and prov["data"]


def _invented_pages(folder: Path) -> None:
    """Three small invented page copies with their gold, in the benchmark's format."""
    pages = {
        "p1": ("Menu\nHome\nFerry Terminal Opens at Varnak\nBy Dana Korvel\nMarch 4, 2024\n\n", "Ferry Terminal Opens at Varnak",
               "2024-03-04", ["Dana Korvel"]),
        "p2": ("Sign in\nNight Trains Return to the Coast Line\nMay 2, 2023\nBy Ines Marlow\n\n",
               "Night Trains Return to the Coast Line", "2023-05-02", ["Ines Marlow"]),
        "p3": ("Skip to content\nCity Hall Approves Budget For Next Year\n\n", "City Hall Approves Budget For Next Year",
               None, []),
    }
    for name, (head, title, published, authors) in pages.items():
        text = head + _LEDE + "\n\n" + _MORE + "Related stories\nShare this page\n"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        gold = {"id": name, "file": f"{name}.txt", "site": f"{name}.example", "title": title, "published": published,
                "published_in_text": published is not None, "any_date_in_text": published is not None,
                "authors": authors, "authors_in_text": True,
                "story_text": _LEDE + "\n" + _MORE.replace("\n\n", "\n").strip()}
        (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_fit_script_runs_on_an_invented_sample(tmp_path):
    _invented_pages(tmp_path)
    out1, out2 = tmp_path / "w1.json", tmp_path / "w2.json"
    fit_main([str(tmp_path), "--out", str(out1)])
    fit_main([str(tmp_path), "--out", str(out2)])
    doc1, doc2 = json.loads(out1.read_text()), json.loads(out2.read_text())
    assert doc1["models"] == doc2["models"]  # deterministic: the same pages give the same weights
    assert doc1["provenance"]["pages"] == 3 and "layout.fit" in doc1["provenance"]["command"]
    how = doc1["provenance"]["title_l2"]  # the title's L2 penalty, chosen by leave-site-out accuracy
    assert how["chosen"] in {float(k) for k in how["leave_site_out_accuracy"]}
    assert how["leave_site_out_accuracy"][str(how["chosen"])] == max(how["leave_site_out_accuracy"].values())
    models = layout_model.Models.from_json(doc1["models"])
    blocks, meta = recognise((tmp_path / "p1.txt").read_text(), models=models)
    assert meta["title"] == "Ferry Terminal Opens at Varnak"
    assert_offsets((tmp_path / "p1.txt").read_text(), blocks)
    # the title's fixed priors hold in this fit and in the shipped one (digits weigh nothing)
    from analysis.read.layout.headline import TITLE_FIXED  # noqa: PLC0415

    for model in (models.title, layout_model.shipped_models().title):
        std = dict(zip(TITLE_FEATURES, model.weights))
        assert std["digit_share"] == 0.0 and TITLE_FIXED["digit_share"] == 0.0


def test_the_date_and_byline_below_a_headline_are_read_through_its_standfirst():
    from analysis.read.layout.headline import TITLE_FEATURES, candidates, title_features  # noqa: PLC0415
    from analysis.read.layout.reading import Reading  # noqa: PLC0415

    standfirst = "Commuters on the eastern shore will save forty minutes a day once the new crossing is running."
    text = (
        "Menu\nHome\nFerry Terminal Opens at Varnak After Two Years of Work\n" + standfirst + "\n"
        "By Dana Korvel\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE
    )
    page = Reading(text, layout_model.Models()).page
    cands = candidates(page)
    head = next(i for i in cands if page.lines[i].text.startswith("Ferry Terminal"))
    row = dict(zip(TITLE_FEATURES, title_features(page, [head])[0]))
    assert row["byline_below"] and row["date_below"] and row["standfirst_below"]
    # a long paragraph below is the story, not a standfirst: what follows it is not the headline's
    long_text = text.replace(standfirst, " ".join([standfirst] * 6))
    page = Reading(long_text, layout_model.Models()).page
    head = next(i for i in candidates(page) if page.lines[i].text.startswith("Ferry Terminal"))
    row = dict(zip(TITLE_FEATURES, title_features(page, [head])[0]))
    assert not row["byline_below"] and not row["date_below"]
    assert Article.from_text(text).metadata["title"] == "Ferry Terminal Opens at Varnak After Two Years of Work"


def test_title_provenance_names_the_winner_its_score_and_the_runner_up():
    text = (
        "Skip to main content\nSubscribe for full access to every story this week.\nLocal News\n"
        "Ferry Terminal Opens at Varnak After Two Years of Work\nBy Dana Korvel\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE
    )
    art = Article.from_text(text)
    prov = art.metadata["provenance"]["title"]
    assert art.metadata["title"] == "Ferry Terminal Opens at Varnak After Two Years of Work"
    assert prov["line"] == art.metadata["title"] and art.blocks.loc[prov["block_id"], "kind"] == "title"
    assert prov["score"] > prov["none_score"]
    assert prov["runner_up"]["line"] != prov["line"] and prov["runner_up"]["score"] <= prov["score"]
    # the chrome sentence above the headline does not close the header: the story starts below the title
    body = art.blocks[art.blocks["kind"] == "body"]["text"].tolist()
    assert body[0] == _LEDE


def test_a_relative_date_is_no_date_and_says_why():
    text = "Ferry Terminal Opens at Varnak\nBy Dana Korvel\n3 hours ago\n\n" + _LEDE + "\n\n" + _MORE
    meta = Article.from_text(text).metadata
    assert meta["published"] is None
    assert "relative time" in meta["provenance"]["published"]["reason"]


def test_updated_is_kept_apart_from_published():
    text = (
        "Ferry Terminal Opens at Varnak\nBy Dana Korvel\nPublished March 4, 2024 9:12 AM EST\n"
        "Updated March 6, 2024 4:30 PM EST\n\n" + _LEDE + "\n\n" + _MORE
    )
    meta = Article.from_text(text).metadata
    assert (meta["published"], meta["updated"]) == ("2024-03-04", "2024-03-06")


def test_a_glued_byline_gives_its_author_and_date():
    text = "Menu\nFerry Terminal Opens at Varnak\nBy Dana Korvel Mar 4, 2024 2:00 PMTags\nHarbours\n\n" + _LEDE + "\n\n" + _MORE
    meta = Article.from_text(text).metadata
    assert meta["authors"] == ["Dana Korvel"]
    assert meta["published"] == "2024-03-04"


def test_a_desk_byline_is_no_author():
    text = "Ferry Terminal Opens at Varnak\nBy Varnak Courier Staff\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE
    meta = Article.from_text(text).metadata
    assert meta["authors"] == []
    assert meta["byline_org"] == "Varnak Courier Staff"


def test_reader_comments_are_chrome_and_reach_no_table():
    text = (
        "Ferry Terminal Opens at Varnak\nBy Dana Korvel\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE + "\n3 Comments\n\n"
        "Tomas Ferreira says:\nMarch 5, 2024 at 9:12 am\nAbout time too, the old quay was a disgrace for years.\nReply\n\n"
        "Lena Ostrova says:\nMarch 5, 2024 at 11:40 am\nWill the night ferry stop at Kessel Point as well?\nReply\n"
    )
    art = Article.from_text(text)
    tail = art.blocks[art.blocks["start"] >= text.index("3 Comments")]
    assert (tail["kind"] == "boilerplate").all(), tail[["kind", "rule", "text"]]
    assert not {"Tomas Ferreira", "Lena Ostrova", "Kessel Point"} & set(art.actors["actor"])
    assert not art.timeline["text"].str.contains("March 5").any()
    assert art.metadata["authors"] == ["Dana Korvel"]


_LONG = (
    "Ferry crews from the three island villages have asked the board for a second berth since the winter storms "
    "closed the old quay for nine days in a row and left the morning boats tied up at the mainland pier.\n\n",
    "The board's engineers now expect the second berth to be ready before the summer timetable begins, although "
    "the contractor has warned that the delivery of the steel piles from the foundry may slip by a month.\n\n",
)


def test_a_related_list_set_inside_the_story_does_not_end_it():
    text = (
        "Ferry Terminal Opens at Varnak\nBy Dana Korvel\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE + "\n"
        "Related stories\nNight Trains Return to the Coast Line\nCity Hall Approves Budget For Next Year\n\n" + "".join(_LONG)
    )
    art = Article.from_text(text)
    body = set(art.blocks[art.blocks["kind"] == "body"]["text"])
    assert {p.strip() for p in _LONG} <= body
    assert "Night Trains Return to the Coast Line" not in body


def test_reader_comments_without_a_count_line_are_chrome():
    text = (
        "Ferry Terminal Opens at Varnak\nBy Dana Korvel\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE + "".join(_LONG)
        + "\nLeave a reply\n\nTomas Ferreira\nMarch 5, 2024 at 9:12 am\n"
        "About time too, the old quay was a disgrace for years and nobody on the council ever listened to us.\nReply\n"
    )
    art = Article.from_text(text)
    tail = art.blocks[art.blocks["start"] >= text.index("Leave a reply")]
    assert (tail["kind"] == "boilerplate").all(), tail[["kind", "rule", "text"]]
    assert "Tomas Ferreira" not in set(art.actors["actor"])


def test_prose_between_story_paragraphs_needs_strong_evidence_to_be_chrome():
    from analysis.read.layout.reading import Reading  # noqa: PLC0415
    from analysis.read.layout.story import prose_in_story  # noqa: PLC0415

    text = _LEDE + "\n\n" + _LONG[0] + "Share this\n\n" + _LONG[1] + _MORE
    page = Reading(text, layout_model.Models()).page
    idx = [i for i, ln in enumerate(page.lines) if ln.text != "Share this"][:3]  # lede, long, long
    keep = np.array([True, False, True])
    # the model doubts the middle paragraph, but not strongly: long prose between story stays story
    assert prose_in_story(page, idx, np.array([0.9, 0.2, 0.9]), keep, 0.1).tolist() == [False, True, False]
    # strong evidence (a probability below the bar) makes it chrome
    assert prose_in_story(page, idx, np.array([0.9, 0.05, 0.9]), keep, 0.1).tolist() == [False, False, False]
    # a neighbour that is not story gives no rescue
    assert not prose_in_story(page, idx, np.array([0.9, 0.2, 0.9]), np.array([True, False, False]), 0.1).any()
    # nor does a short line
    short = [idx[0], [i for i, ln in enumerate(page.lines) if ln.text == "Share this"][0], idx[2]]
    assert not prose_in_story(page, short, np.array([0.9, 0.2, 0.9]), keep, 0.1).any()


def _plain_first_line_row(text: str) -> dict:
    from analysis.read.layout.headline import candidates, title_features  # noqa: PLC0415
    from analysis.read.layout.reading import Reading  # noqa: PLC0415

    page = Reading(text, layout_model.Models()).page
    cands = candidates(page)
    assert 0 in cands  # the first line is a candidate
    return dict(zip(TITLE_FEATURES, title_features(page, cands)[cands.index(0)]))


def test_plain_article_text_keeps_a_sentence_shaped_first_line_as_its_headline():
    # plain text, no page chrome: a headline in sentence case, of more than nine words, with a full stop
    head = "Harbour Board puts off the vote on the new ferry pier once again."
    text = head + "\n\n" + _LEDE + "\n\n" + _MORE
    row = _plain_first_line_row(text)
    assert row["plain_first_line"] == 1 and row["headline_first_line"] == 0  # not Title Case, ten words
    assert Article.from_text(text).metadata["title"] == head
    numbered = "12 ferry crossings cancelled as the storm reaches the islands."
    assert _plain_first_line_row(numbered + "\n\n" + _LEDE + "\n\n" + _MORE)["plain_first_line"] == 1
    # a copy of a web page (a menu and a share line) is not plain text: the sentence shape counts there
    page_copy = text + "\nShare on Facebook\nShare on X\nHome\nNews\nSport\n"
    assert _plain_first_line_row(page_copy)["plain_first_line"] == 0


def test_a_notice_repeated_through_the_story_is_not_its_own_lede():
    from analysis.read.layout.headline import title_features  # noqa: PLC0415
    from analysis.read.layout.reading import Reading  # noqa: PLC0415

    notice = "To find this report again, open your profile and choose the saved list."
    head = "Ferry Terminal Opens at Varnak After Two Years of Work"
    text = (
        "Menu\n" + notice + "\nHarbours\nDana Korvel\nMarch 4, 2024 9:00 AM\n" + head + "\n\n"
        + notice + "\n\n" + _LEDE + "\n\n" + notice + "\n\n" + _MORE
    )
    page = Reading(text, layout_model.Models()).page
    first = next(i for i, ln in enumerate(page.lines) if ln.text == notice)
    story = next(i for i, ln in enumerate(page.lines) if ln.text == _LEDE)
    # the next paragraph is the notice's own copy: the lede is the story's first paragraph after it
    assert page.lede_stems(first, paragraphs=1) == page.stems[story]
    row = dict(zip(TITLE_FEATURES, title_features(page, [first])[0]))
    assert row["lede_echo"] < 0.5
    assert Article.from_text(text).metadata["title"] == head


def test_slashed_dates_follow_the_order_the_page_writes_its_dates_in():
    from analysis.read.layout.dates import day_first_page  # noqa: PLC0415

    head = "Menu\nHarbour Board Delays Ferry Pier Vote Again\nBy Dana Korvel\n04/03/2024\n\n" + _LEDE + "\n\n" + _MORE
    # nothing says which order: the month first, as most pages with slashed dates write them
    assert Article.from_text(head).metadata["published"] == "2024-04-03"
    # the page writes its other dates day first: so is its slashed date
    day_first = head + "\nThe consultation closed on 12 February 2024 after six weeks of hearings.\n"
    assert day_first_page(day_first)
    assert Article.from_text(day_first).metadata["published"] == "2024-03-04"
    # more dates written month first than day first keep the month first
    month_first = day_first + "\nThe next hearing is set for May 2, 2024 and the last for June 6, 2024.\n"
    assert not day_first_page(month_first)
    assert Article.from_text(month_first).metadata["published"] == "2024-04-03"
    # a slashed date no month can open (14/03/2024) settles it, and a page without a slash is not read
    assert day_first_page("Filed 14/03/2024, updated 04/03/2024") and not day_first_page("4 March 2024")


def test_a_numeric_stamp_alone_on_its_line_is_a_date():
    from analysis.read.layout.dates import line_dates  # noqa: PLC0415

    text = "Menu\nHarbour Board Delays Ferry Pier Vote Again\n10.15.15\nBy Dana Korvel\n\n" + _LEDE + "\n\n" + _MORE
    assert Article.from_text(text).metadata["published"] == "2015-10-15"
    # the order: a first number above 12 is the day, a second one the month's day; two-digit years
    # below 69 are 20xx (POSIX %y), the others 19xx
    assert line_dates("15-10-2015")[0][2] == "2015-10-15" and line_dates("10.15.98")[0][2] == "1998-10-15"
    assert line_dates("04.03.15", dayfirst=True)[0][2] == "2015-03-04"
    assert line_dates("04/03/98", dayfirst=True)[0][2] == "1998-03-04"  # a day-first slashed date too
    # inside a line, or with one-digit parts, such numbers are no date (versions, scores)
    assert line_dates("Release 10.15.15 fixes the pier map") == () and line_dates("1.2.3") == ()


def test_a_byline_in_a_list_of_other_articles_under_the_title_is_theirs():
    related = (
        "Menu\nHarbour Board Delays Ferry Pier Vote Again\nYou may also like\nPier Cafe Closes for Winter\n"
        "Ilse Maren\nToday 7:30AM\nNew Ferry Timetable Out\nOlek Varn\nYesterday 9:15AM\n"
        "Lighthouse Keeper Retires\nJon Pell\nMonday 8:00AM\nSubscribe to our newsletter\nShare\nPrint\n\n"
    )
    meta = Article.from_text(related + _LEDE + "\n\n" + _MORE).metadata
    assert meta["authors"] == []  # the list's bylines name the other articles' writers
    # the page's own byline below the list is read
    meta = Article.from_text(related + "By Dana Korvel\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE).metadata
    assert meta["authors"] == ["Dana Korvel"]


def test_a_month_inside_a_name_and_a_credential_after_it_keep_the_byline():
    from analysis.read.layout.bylines import byline_names  # noqa: PLC0415

    # a month's name as a first or middle name, the date after it cut off
    assert byline_names("by Laura June Kessel July 10, 2024").names == ("Laura June Kessel",)
    assert byline_names("By April Ortiz and Ines Marlow").names == ("April Ortiz", "Ines Marlow")
    # the month of a date stays out of the name and is no outlet
    b = byline_names("By Dana Korvel June 2024")
    assert b.names == ("Dana Korvel",) and b.org is None
    # "By" and a credential after a comma: the author, not a speaker and an office
    text = "Ferry Terminal Opens at Varnak\nBy Dana Korvel, MA\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE
    assert Article.from_text(text).metadata["authors"] == ["Dana Korvel"]


def test_a_surname_with_an_apostrophe_is_a_name():
    from analysis.read.layout.bylines import byline_names  # noqa: PLC0415

    # "O'Hara", "D’Souza": a capital after the apostrophe, straight or curly
    assert byline_names("Dana O'Hara").names == ("Dana O'Hara",)
    assert byline_names("By Ines O’Hara and Teo D’Souza").names == ("Ines O’Hara", "Teo D’Souza")
    # a bare name line under the headline, above its date, is the byline
    text = "Ferry Terminal Opens at Varnak\nDana D’Souza\nMarch 4, 2024\n\n" + _LEDE + "\n\n" + _MORE
    assert Article.from_text(text).metadata["authors"] == ["Dana D’Souza"]
    # an apostrophe that is no surname's does not make one
    assert byline_names("Dana's Kitchen") is None


def test_a_date_read_as_a_title_bar_is_no_headline():
    from analysis.read.layout.headline import is_candidate  # noqa: PLC0415
    from analysis.read.layout.lines import Line  # noqa: PLC0415

    def line(s):
        return Line(0, len(s), s)

    # a reader's comment stamp has a title bar's shape ("Head | Site") but its head is only a date
    assert not is_candidate(line("April 2, 2024 at 10:15 pm | Reply"))
    assert not is_candidate(line("Tuesday, April 2, 2024 | Report"))
    # a headline naming a date, or a real title bar, stays a candidate
    assert is_candidate(line("Harbour Board Delays Ferry Vote to April 2, 2024 | Varnak Courier"))
    assert is_candidate(line("Ferry Terminal Opens at Varnak After Two Years of Delays"))


def test_a_date_far_from_the_title_block_is_not_the_publication_date():
    # a page that states no date of its own: the dates of a figure box, far below the headline and
    # past the story's start, are not its publication date
    filler = "\n\n".join(
        f"Paragraph {k} of the report on the crossings notes that the schedule will change again in the autumn."
        for k in range(1, 8)
    )
    box = "\n".join(["Fares", "Adult", "4.50", "Child", "2.00", "Fares as of 03/04/2024"])
    text = "Ferry Terminal Opens at Varnak\nBy Dana Korvel\n\n" + _LEDE + "\n\n" + _MORE + "\n" + filler + "\n\n" + box + "\n"
    meta = Article.from_text(text).metadata
    assert meta["published"] is None
    assert "far from the title" in meta["provenance"]["published"]["reason"]
    # the same date printed under the headline is the page's date
    dated = text.replace("By Dana Korvel\n", "By Dana Korvel\nMarch 4, 2024\n")
    assert Article.from_text(dated).metadata["published"] == "2024-03-04"
    # labelled published in the lines closing the story, it is the page's date (the end matter)
    labelled = text.replace("Fares as of 03/04/2024", "Posted on March 4, 2024 by Dana Korvel")
    meta = Article.from_text(labelled).metadata
    assert meta["published"] == "2024-03-04"
    assert meta["provenance"]["published"]["rule"] == "end-matter date"


def test_an_as_of_date_is_the_figures_date_not_the_page_s():
    # a market box right under the headline: "as of" dates the figures, whatever their place
    text = "Ferry Terminal Opens at Varnak\nBy Dana Korvel\nFares as of 03/04/2024\n\n" + _LEDE + "\n\n" + _MORE
    assert Article.from_text(text).metadata["published"] is None
    assert Article.from_text(text.replace("Fares as of ", "Posted ")).metadata["published"] == "2024-03-04"


def test_an_original_label_names_the_first_publication():
    from analysis.read.layout.dates import date_line  # noqa: PLC0415

    # "Updated:" and "Original:" over their dates: the original is the publication date
    text = "Ferry Terminal Opens at Varnak\nBy Dana Korvel\nUpdated:\nMarch 9, 2024\nOriginal:\nMarch 2, 2024\n\n" + _LEDE + "\n\n" + _MORE
    meta = Article.from_text(text).metadata
    assert (meta["published"], meta["updated"]) == ("2024-03-02", "2024-03-09")
    assert date_line("Original: March 2, 2024")[1] == [("published", "2024-03-02")]
    # "original" in a line's words, without a colon, is no label
    assert date_line("The original March 2, 2024 timetable stays") is None


def test_a_place_is_no_author():
    from analysis.read.layout.bylines import byline_names  # noqa: PLC0415

    # a section menu's regions have a name's shape: a place, also after a compass initial
    assert byline_names("Costa Rica") is None
    assert byline_names("N. Ireland") is None
    # a person whose name holds a place's word, or whose initial is no compass word, stays a person
    assert byline_names("Georgia Marlow").names == ("Georgia Marlow",)
    assert byline_names("J. Jordan").names == ("J. Jordan",)
    # in a byline naming people, a place among them is left out
    assert byline_names("By Dana Korvel and Sierra Leone").names == ("Dana Korvel",)
    menu = "Home\nWorld\nS. Korea\nBusiness\n\nFerry Terminal Opens at Varnak\n\n" + _LEDE + "\n\n" + _MORE
    assert Article.from_text(menu).metadata["authors"] == []
