"""Layout recognition: metadata and block kinds on the shipped article and on edge cases."""

from __future__ import annotations

import pytest

from analysis import Article
from analysis.layout import boilerplate_rule, split_lines
from tests.conftest import assert_offsets


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
        ("Council Approves Budget After Long Debate.\n\n" + BODY, {"title": "Council Approves Budget After Long Debate."}),
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
        ("More than 100 people died in the attack on the capital on Sunday.", None),
        ("Japan won.", None),
    ],
)
def test_boilerplate_rules(line, rule):
    assert boilerplate_rule(line) == rule


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
