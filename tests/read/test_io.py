"""Reading article files: decoding, HTML extraction, and one clear error for every bad input."""

from __future__ import annotations

import codecs

import pytest

from analysis import ArticleError, load_article
from analysis.article import Article
from analysis.read.html import _clean_title
from analysis.read.io import decode_bytes, extract_html, read_article_file
from tests.conftest import ARTICLE, assert_offsets

BODY = (
    "The council voted on Tuesday to close the old bridge, the mayor said.\n\n"
    "“We had no choice,” she told reporters after the meeting ended late in the evening.\n"
)


# --- decoding ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain ASCII text.", "plain ASCII text."),
        ("Café “déjà vu”.".encode(), "Café “déjà vu”."),
        (codecs.BOM_UTF8 + "Café.".encode(), "Café."),
        (codecs.BOM_UTF16_LE + "Café “x”.".encode("utf-16-le"), "Café “x”."),
        (codecs.BOM_UTF16_BE + "Café “x”.".encode("utf-16-be"), "Café “x”."),
        (codecs.BOM_UTF32_LE + "Zoë.".encode("utf-32-le"), "Zoë."),
        # Windows-1252: curly quotes are bytes 0x93/0x94, apostrophe 0x92, dashes 0x96/0x97.
        (b"He said \x93we will win\x94 and left \x97 it\x92s over.", "He said “we will win” and left — it’s over."),
        (b"Le caf\xe9 \xe0 Paris \xe9tait ferm\xe9.", "Le café à Paris était fermé."),
        ("Президент заявил во вторник, что переговоры продолжатся.".encode("cp1251"), None),
        # BOM-less UTF-16 (NUL in every other byte) is text, not binary.
        ("The minister spoke on Tuesday.".encode("utf-16-le"), "The minister spoke on Tuesday."),
    ],
)
def test_decode_good_bytes(data, expected):
    text = decode_bytes(data, "x.txt")
    if expected is None:  # detection case: the Cyrillic text must come back intact
        expected = "Президент заявил во вторник, что переговоры продолжатся."
    assert text == expected


@pytest.mark.parametrize("eol", ["\r\n", "\r", "\n"])
def test_line_ends_kept_and_offsets_index_decoded_text(tmp_path, eol):
    text = "Bridge Closes After Vote" + eol + "By Jane Doe" + eol * 2 + BODY.replace("\n", eol)
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode("cp1252"))
    art = load_article(p)
    assert art.text == text
    assert art.metadata["title"] == "Bridge Closes After Vote"
    assert art.metadata["authors"] == ["Jane Doe"]
    for name, df in art.tables().items():
        if {"start", "end", "text"} <= set(df.columns):
            assert_offsets(art.text, df), name
    assert (art.blocks["kind"] == "body").sum() == 2


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"abc\x00def\x00\x01\x02binary", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08 with controls", "binary"),
        (bytes(range(128, 256)), "decode"),
        (codecs.BOM_UTF16_LE + b"H\x00i\x00!", "UTF-16"),  # odd byte count after a UTF-16 BOM
        (codecs.BOM_UTF16_LE + b"\xfd\xfc\xff\xfe" * 50, "not a text"),  # decodes only to non-characters
    ],
)
def test_decode_bad_bytes(data, problem):
    with pytest.raises(ArticleError, match="bad.txt") as info:
        decode_bytes(data, "bad.txt")
    assert problem.lower() in str(info.value).lower()


# --- errors through the public API ---------------------------------------------------------------
def _bad_inputs(tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    cases = {
        "missing": (tmp_path / "nope.txt", "not found"),
        "directory": (d, "directory"),
        "empty": (tmp_path / "empty.txt", "empty"),
        "whitespace": (tmp_path / "blank.txt", "whitespace"),
        "binary": (tmp_path / "data.txt", "binary"),
        "undecodable": (tmp_path / "junk.txt", "decode"),
        "no words": (tmp_path / "dots.txt", "no words"),
        "docx": (tmp_path / "story.docx", "unsupported"),
        "pdf": (tmp_path / "story.pdf", "unsupported"),
        "other": (tmp_path / "story.csv", "unsupported"),
        "empty html": (tmp_path / "empty.html", "empty"),
        "html without text": (tmp_path / "nothing.html", "no article text"),
    }
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n  \n")
    (tmp_path / "data.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "junk.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "dots.txt").write_text("...\n--- * ---\n!!!\n")
    (tmp_path / "story.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (tmp_path / "story.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "story.csv").write_text("a,b\n1,2\n")
    (tmp_path / "empty.html").write_text("   \n")
    (tmp_path / "nothing.html").write_text(
        "<html><head><style>p{color:red}</style><script>var a = 1;</script></head><body></body></html>"
    )
    return cases


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "directory",
        "empty",
        "whitespace",
        "binary",
        "undecodable",
        "no words",
        "docx",
        "pdf",
        "other",
        "empty html",
        "html without text",
    ],
)
def test_bad_input_raises_article_error_naming_file(tmp_path, case):
    path, problem = _bad_inputs(tmp_path)[case]
    with pytest.raises(ArticleError) as info:
        load_article(path)
    msg = str(info.value)
    assert path.name in msg
    assert problem in msg.lower()
    assert "\n" not in msg
    assert isinstance(info.value, ValueError)


def test_binary_with_text_suffix_detected_by_signature(tmp_path):
    p = tmp_path / "renamed.txt"
    p.write_bytes(b"%PDF-1.5\nsome text that follows the header\n")
    with pytest.raises(ArticleError, match="PDF"):
        read_article_file(p)


# --- good text inputs -------------------------------------------------------------------------------
def test_shipped_article_reads_as_utf8():
    text, meta = read_article_file(ARTICLE)
    assert text == ARTICLE.read_bytes().decode("utf-8")
    assert meta == {}


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_shipped_article_in_other_encodings_gives_same_tables(tmp_path, nato, encoding, bom):
    p = tmp_path / "copy.txt"
    p.write_bytes(bom + nato.text.encode(encoding))
    art = load_article(p)
    assert art.text == nato.text
    assert art.metadata["title"] == nato.metadata["title"]
    assert art.sentences["text"].tolist() == nato.sentences["text"].tolist()


def test_cp1252_article_loads_with_curly_quotes(tmp_path):
    text = "Talks Resume in Geneva\nBy Maria Lopez\nJan. 31, 2023\n\n" + BODY
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode("cp1252"))
    assert b"\x93" in p.read_bytes()
    art = load_article(p)
    assert "“We had no choice,”" in art.text
    assert art.metadata["published"] == "2023-01-31"
    quoted = art.sentences[art.sentences["text"].str.startswith("“")]
    assert len(quoted) == 1


# --- HTML ------------------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>Council Closes Old Bridge | River Gazette</title>
<meta name="author" content="Jane Doe; Omar Haddad">
<meta property="og:site_name" content="River Gazette">
<meta property="og:title" content="Council Closes Old Bridge">
<meta property="article:published_time" content="2023-02-01T10:00:00Z">
<meta name="description" content="The vote came after years of repairs.">
<style>.hidden {{ display: none }} /* STYLE_MARKER */</style>
<script>window.SCRIPT_MARKER = "never in the text";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council Closes Old Bridge</h1>
<p>The council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers, the mayor said.</p>
<p>“We had no choice,” she told reporters. “The repairs would cost more than a new crossing.”</p>
<h2>A new crossing</h2>
<p>Engineers wrote that the sign must read &lt;b&gt;CLOSED&lt;/b&gt; &amp; stay lit, which puzzled some residents.</p>
<p>The café owner near the bridge, Zoë Müller, said trade had fallen by half 🚧 since the repairs began in 2021.</p>
<script>document.write("SCRIPT_MARKER two")</script>
</article>
<footer>© 2023 River Gazette. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "bridge.html"
    p.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    return p


def test_html_metadata_and_text(page):
    art = load_article(page)
    m = art.metadata
    assert m["title"] == "Council Closes Old Bridge"
    assert m["authors"] == ["Jane Doe", "Omar Haddad"]
    assert m["published"] == "2023-02-01"
    assert m["outlet"] == "River Gazette"
    assert m["description"] == "The vote came after years of repairs."
    for marker in ("SCRIPT_MARKER", "STYLE_MARKER", "display: none", "window."):
        assert marker not in art.text
    # Markup written in the prose is text, unescaped once, and stays text.
    assert "<b>CLOSED</b> & stay lit" in art.text
    assert "Zoë Müller" in art.text and "🚧" in art.text
    kinds = art.blocks.set_index("text")["kind"]
    assert kinds["Council Closes Old Bridge"] == "title"
    assert kinds["By Jane Doe and Omar Haddad"] == "byline"
    assert kinds["A new crossing"] == "heading"
    body = art.blocks[art.blocks["kind"] == "body"]
    assert len(body) == 4
    assert art.text.count("Council Closes Old Bridge") == 1  # the <h1> repeating the title is dropped
    for name, df in art.tables().items():
        if {"start", "end", "text"} <= set(df.columns):
            assert_offsets(art.text, df), name


@pytest.mark.parametrize("suffix", [".htm", ".HTML"])
def test_html_suffixes(tmp_path, suffix):
    p = tmp_path / f"bridge{suffix}"
    p.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    assert load_article(p).metadata["title"] == "Council Closes Old Bridge"


def test_html_declared_legacy_charset(tmp_path):
    p = tmp_path / "legacy.html"
    p.write_bytes(PAGE.replace(" 🚧", "").format(charset="windows-1252").encode("cp1252"))
    art = load_article(p)
    assert "Zoë Müller" in art.text
    assert "“We had no choice,”" in art.text


@pytest.mark.parametrize(
    ("html", "expected_lines"),
    [
        # A bare fragment: the fallback reader keeps its paragraphs.
        ("<p>Short text here.</p><p>Second one.</p>", ["Short text here.", "Second one."]),
        (
            "<html><body><script>alert('x')</script><p>The council met on Tuesday.</p></body></html>",
            ["The council met on Tuesday."],
        ),
    ],
)
def test_small_html_pages(html, expected_lines):
    text, _ = extract_html(html, "page.html")
    assert [ln for ln in text.splitlines() if ln] == expected_lines
    assert "alert" not in text


def test_html_without_metadata_has_no_header(tmp_path):
    p = tmp_path / "bare.html"
    p.write_text(
        "<html><body><article><p>"
        + "The minister said on Tuesday that the talks would continue next week in the capital. " * 4
        + "</p></article></body></html>"
    )
    art = load_article(p)
    assert art.text.startswith("The minister said")
    assert art.metadata["published"] is None
    assert len(art.sentences) == 4


# --- structured page metadata ----------------------------------------------------------------------
_P = (
    "<p>The council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers,"
    " the mayor said in a statement.</p><p>Residents will have to use a ferry until a new crossing opens,"
    " which could take three years, officials said.</p>"
)


@pytest.mark.parametrize(
    ("head", "body", "title", "published"),
    [
        # Yoast-style @graph: the article's datePublished, not the older WebPage one
        (
            '<title>Council closes old bridge | River Gazette</title><script type="application/ld+json">'
            '{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2023-05-01T08:00:00+00:00"},'
            '{"@type":"NewsArticle","headline":"Council closes old bridge","datePublished":"2024-03-01T09:00:00+00:00",'
            '"author":{"@type":"Person","name":"Jane Doe"}}]}</script>',
            f"<article><h1>Council closes old bridge</h1>{_P}</article>",
            "Council closes old bridge",
            "2024-03-01",
        ),
        # a <time> in the article header, an older one in the related list
        (
            "<title>Council closes old bridge :: River Gazette</title>",
            '<header><h1>Council closes old bridge</h1><time datetime="2024-03-01T09:00">March 1, 2024</time></header>'
            f'<article>{_P}</article><aside><h3>Related</h3><ul><li>Ferry fares rise <time datetime="2023-11-02">'
            "Nov 2, 2023</time></li></ul></aside>",
            "Council closes old bridge",
            "2024-03-01",
        ),
        # og:title carrying the outlet, article:published_time with a time zone
        (
            '<meta property="og:title" content="Council closes old bridge | River Gazette">'
            '<meta property="article:published_time" content="2024-03-01T23:30:00-05:00"><title>River Gazette</title>',
            f"<article>{_P}</article>",
            "Council closes old bridge",
            "2024-03-01",
        ),
        # "Headline - Outlet" <title> with the headline as <h1>; no date anywhere
        (
            "<title>Council closes old bridge after cracks found - The River Gazette</title>",
            f"<article><h1>Council closes old bridge after cracks found</h1>{_P}</article>",
            "Council closes old bridge after cracks found",
            None,
        ),
        # Dublin Core date on a government page
        (
            '<title>Council closes old bridge</title><meta name="DC.date.issued" content="2024-03-01">',
            _P,
            "Council closes old bridge",
            "2024-03-01",
        ),
    ],
)
def test_html_structured_metadata(head, body, title, published):
    text, meta = extract_html(f"<html><head>{head}</head><body>{body}</body></html>", "page.html")
    art = Article(text, file_metadata=meta)
    assert art.metadata["title"] == title
    assert art.metadata["published"] == published
    assert (art.blocks["kind"] == "body").sum() == 2


@pytest.mark.parametrize(
    ("title", "h1s", "site", "expected"),
    [
        ("Bridge opens after repairs | The River Gazette", [], None, "Bridge opens after repairs"),
        (
            "River Gazette | Bridge opens after two years of repairs",
            [],
            None,
            "Bridge opens after two years of repairs",
        ),
        ("Bridge opens - River Gazette", [], "The River Gazette", "Bridge opens"),
        ("Bridge opens – Local News – River Gazette", ["Bridge opens"], None, "Bridge opens"),
        # a hyphen inside the headline is not a separator
        ("Court rules 5-4 on voting maps", [], None, "Court rules 5-4 on voting maps"),
        ("Talks end - and begin again", [], "River Gazette", "Talks end - and begin again"),
    ],
)
def test_clean_title(title, h1s, site, expected):
    assert _clean_title(title, h1s, site) == expected


@pytest.mark.parametrize("bad", [None, 42, b"bytes-path"])
def test_a_path_that_is_not_a_path(bad):
    with pytest.raises(ArticleError, match="expected a file path"):
        load_article(bad)
