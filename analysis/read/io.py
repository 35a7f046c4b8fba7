"""Read an article file from disk: checks, decoding, and HTML extraction.

Returns the decoded text (offsets of every table index into it) plus any metadata the file itself
states.  Every failure is an :class:`~analysis.errors.ArticleError` naming the file and the problem.

Decoding, in order:

* a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
* otherwise bytes that are valid UTF-8 are UTF-8;
* otherwise charset-normalizer detects the encoding.  Windows-1252 (the legacy encoding of Western
  text, where curly quotes are bytes 0x93/0x94) is preferred whenever it reads the bytes as cleanly
  as charset-normalizer's best guess, because on short texts the detector often picks a sibling
  code page (``cp1250``, ``mac_iceland``) that turns ``à`` into ``ŕ``;
* guards reject binary content: known file signatures (PDF, ZIP/DOCX, images, gzip), NUL bytes in
  a text that is not UTF-16/32, a high share of control characters.

Line ends are kept as read (``\\r\\n`` and ``\\r`` included): the layout recogniser handles them.

HTML pages (``.html``, ``.htm``) go through trafilatura: scripts, styles and page chrome are
dropped.  The page's own structured metadata wins over trafilatura's guesses: the JSON-LD article
object (``datePublished``, ``headline``, ``author``), ``article:published_time`` and similar
``<meta>`` tags, ``itemprop="datePublished"``, then the first ``<time datetime>`` outside asides,
navigation and footers; the title drops a " | Outlet" suffix.  The article text (what the offsets
index) is composed as a title line, a byline (``By ...``), a dateline (``Published: YYYY-MM-DD``),
a blank line, and the main text paragraphs separated by blank lines, so title, authors and date come
out through the normal layout path.
Markup-like words written in the article's prose (``&lt;b&gt;``) are text and stay text.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

from analysis.errors import ArticleError
from analysis.read.layout import comparable_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm"}

#: Formats people try that the workbook cannot read, with the advice given.
_UNSUPPORTED_HINTS = {
    ".docx": "Word document",
    ".doc": "Word document",
    ".odt": "OpenDocument text",
    ".rtf": "RTF document",
    ".pdf": "PDF document",
    ".epub": "e-book",
    ".xml": "XML file",
    ".json": "JSON file",
}

#: Leading bytes of common binary formats (checked before decoding, whatever the suffix says).
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (e.g. .doc)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document"),
)

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Control characters allowed in text (tab, line ends, form feed, vertical tab, file/group/record separators).
_ALLOWED_CONTROLS = set("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85")
#: Invisible format characters normal in text (soft hyphen, zero-width joiners, bidi marks, word joiner).
_ALLOWED_FORMAT = set(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e"
)
#: Above this share of control, format, unassigned or private-use characters the content is not text.
MAX_CONTROL_SHARE = 0.01
#: Above this mess ratio (charset-normalizer's measure) no decoding of the bytes reads as text.
MAX_CHAOS = 0.2
#: How much cleaner than Windows-1252 the detector's guess must read before it wins.
_CP1252_TOLERANCE = 0.02
_SAMPLE = 65536


def read_article_file(path: str | Path) -> tuple[str, dict]:
    """Return ``(text, file_metadata)`` for the article at ``path``.

    Parameters
    ----------
    path : str or Path
        A ``.txt`` (also ``.text``, ``.md`` or no suffix), ``.html`` or ``.htm`` file.

    Returns
    -------
    (str, dict)
        The decoded text (for HTML: the composed text of the main content) and the metadata the
        file states (HTML only: ``title``, ``authors``, ``published``, ``outlet``, ``description``).

    Raises
    ------
    ArticleError
        Missing or unreadable file, a directory, an unsupported format, empty or binary content,
        undecodable bytes, an HTML page without article text.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"He said \\x93yes\\x94.\\r\\n")
    >>> read_article_file(p)
    ('He said “yes”.\\r\\n', {})
    """
    if not isinstance(path, str | os.PathLike):
        raise ArticleError(f"{path!r}: expected a file path (str or Path), got {type(path).__name__}")
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"{p}: file not found")
    if p.is_dir():
        raise ArticleError(f"{p}: is a directory, not an article file")
    if not p.is_file():
        raise ArticleError(f"{p}: not a regular file")
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        what = _UNSUPPORTED_HINTS.get(suffix, "format")
        raise ArticleError(
            f"{p}: unsupported {what} '{suffix}' (expected .txt, .html or .htm; save the article as text or HTML)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{p}: cannot read file ({exc.strerror or exc})") from exc
    if not data:
        raise ArticleError(f"{p}: file is empty")
    if suffix in HTML_SUFFIXES:
        html = decode_bytes(data, p, declared=_declared_charset(data))
        if not html.strip():
            raise ArticleError(f"{p}: file is empty or holds only whitespace")
        return extract_html(html, p)
    text = decode_bytes(data, p)
    if not text.strip():
        raise ArticleError(f"{p}: file is empty or holds only whitespace")
    if not any(ch.isalnum() for ch in text):
        raise ArticleError(f"{p}: no words in the file (only punctuation or symbols), not an article")
    return text, {}


def decode_bytes(data: bytes, name: Path | str, *, declared: str | None = None) -> str:
    """Decode article bytes: BOM, then UTF-8, then the declared or detected encoding.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : Path or str
        The file name used in error messages.
    declared : str, optional
        An encoding the file declares (an HTML ``<meta charset>``), tried before detection.

    Returns
    -------
    str
        The text, without byte-order mark, line ends as read.

    Raises
    ------
    ArticleError
        Binary content or bytes that no encoding reads as text.

    Examples
    --------
    >>> decode_bytes("Café\\r\\n".encode("utf-16"), "a.txt")
    'Café\\r\\n'
    >>> decode_bytes(b"\\x93Caf\\xe9\\x94 \\x96 open", "a.txt")
    '“Café” – open'
    """
    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            raise ArticleError(f"{name}: binary content ({what}), not a text article")
    text = _decode(data, name, declared)
    _check_text(text, name)
    return text


def _decode(data: bytes, name: Path | str, declared: str | None) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    f"{name}: cannot decode text as {enc.upper()} (its byte-order mark says so): "
                    f"{exc.reason} at byte {exc.start + len(bom)}"
                ) from exc
    if b"\x00" in data:
        return _detect_utf16(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"invalid UTF-8 ({exc.reason} at byte {exc.start})"
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _detect(data, name, utf8_error)


def _detect(data: bytes, name: Path | str, utf8_error: str) -> str:
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data).best()
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None:
        chaos = mess_ratio(cp1252[:_SAMPLE], maximum_threshold=1.0)
        if chaos <= (best.chaos if best is not None else MAX_CHAOS) + _CP1252_TOLERANCE:
            return cp1252
    if best is None or best.chaos > MAX_CHAOS:
        raise ArticleError(f"{name}: cannot decode text: {utf8_error}, and no other character encoding fits")
    return str(best)


def _detect_utf16(data: bytes, name: Path | str) -> str:
    """Bytes with NULs are text only as UTF-16/32 without byte-order mark (NULs in every other byte)."""
    from charset_normalizer import from_bytes

    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 == 0 and (even == 0) != (odd == 0) and max(even, odd) > len(data) // 8:
        best = from_bytes(data).best()
        if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
            return str(best)
    raise ArticleError(f"{name}: binary content (NUL bytes), not a text article")


def _check_text(text: str, name: Path | str) -> None:
    """Reject decoded text that is really binary or mis-decoded: NULs, control or non-characters."""
    if "\x00" in text:
        raise ArticleError(f"{name}: binary content (NUL bytes), not a text article")
    sample = text[:_SAMPLE]
    junk = sum(n for ch, n in Counter(sample).items() if _is_junk(ch))  # each distinct character checked once
    if junk > 1 + MAX_CONTROL_SHARE * len(sample):
        raise ArticleError(
            f"{name}: binary or undecodable content ({junk} of {len(sample)} characters are control, "
            "unassigned or private-use characters), not a text article"
        )


def _is_junk(ch: str) -> bool:
    if ch.isprintable() or ch in _ALLOWED_CONTROLS or ch in _ALLOWED_FORMAT:
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Cn", "Co", "Cs")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """Return the Python codec of the ``<meta charset>`` an HTML page declares, or None."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        enc = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # WHATWG: pages labelled Latin-1 or ASCII are read as Windows-1252.
    return "cp1252" if enc in ("latin-1", "iso8859-1", "ascii") else enc


# --- HTML ------------------------------------------------------------------------------------
_WS = re.compile(r"\s+")
_BLOCK_TAGS = (
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "br",
    "section",
    "article",
    "header",
    "footer",
    "figcaption",
    "dd",
    "dt",
    "title",
)


def extract_html(html: str, name: Path | str = "<html>") -> tuple[str, dict]:
    """Return ``(text, metadata)`` of the article in an HTML page.

    Parameters
    ----------
    html : str
        The decoded page.
    name : Path or str
        The file name used in error messages.

    Returns
    -------
    (str, dict)
        The composed text (title line, byline, dateline, blank line, paragraphs separated by blank
        lines) and ``title``, ``authors`` (list), ``published`` (ISO), ``outlet``, ``description``
        where the page states them.

    Raises
    ------
    ArticleError
        When the page holds no article text.

    Examples
    --------
    >>> page = ("<html><head><title>Bridge opens</title><script>var x = 1;</script></head>"
    ...         "<body><p>The new bridge opened on Tuesday, the mayor said.</p></body></html>")
    >>> text, meta = extract_html(page)
    >>> print(text, end="")
    Bridge opens
    <BLANKLINE>
    The new bridge opened on Tuesday, the mayor said.
    >>> meta["title"]
    'Bridge opens'
    """
    doc = _trafilatura_document(html, name)
    meta = _html_metadata(doc)
    meta.update(_page_metadata(html, meta))
    paragraphs = [_WS.sub(" ", ln).strip() for ln in (getattr(doc, "text", None) or "").splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        fallback = _plain_html_text(html)
        paragraphs = fallback["paragraphs"]
        if not meta.get("title") and fallback["title"]:
            meta["title"] = fallback["title"]
    if not paragraphs:
        raise ArticleError(f"{name}: no article text found in the HTML page")
    title = meta.get("title")
    # The page's own <h1> usually repeats the title: keep it once, as the title line.
    while title and paragraphs and comparable_text(paragraphs[0]) == comparable_text(title):
        paragraphs.pop(0)
    if not paragraphs:
        raise ArticleError(f"{name}: no article text found in the HTML page (only a title)")
    return _compose(meta, paragraphs), meta


def _trafilatura_document(html: str, name: Path | str):
    """Trafilatura's extraction of the page (text and metadata), or None when its parser fails."""
    try:
        import trafilatura
    except ImportError as exc:  # a broken install (e.g. lxml without lxml_html_clean)
        raise ArticleError(f"{name}: cannot read HTML: trafilatura is not usable ({exc})") from exc
    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
    except Exception:  # noqa: BLE001 - a parser failure on odd markup falls back to the plain reader
        return None


def _compose(meta: dict, paragraphs: list[str]) -> str:
    """The article text: title line, byline, dateline, blank line, paragraphs between blank lines."""
    title = meta.get("title")
    header = []
    if title:
        header.append(title)
    if meta.get("authors"):
        header.append("By " + _join_names(meta["authors"]))
    if meta.get("published"):
        header.append(f"Published: {meta['published']}")
    text = "\n\n".join(paragraphs)
    if header:
        text = "\n".join(header) + "\n\n" + text
    return text + "\n"


def _html_metadata(doc) -> dict:
    if doc is None:
        return {}
    meta: dict = {}
    title = _WS.sub(" ", doc.title or "").strip()
    if title:
        meta["title"] = title
    authors = [_WS.sub(" ", a).strip() for a in re.split(r"\s*;\s*", doc.author or "")]
    authors = [a for a in authors if a]
    if authors:
        meta["authors"] = authors
    if doc.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date):
        meta["published"] = doc.date
    for key, attr in (("outlet", "sitename"), ("description", "description"), ("url", "url")):
        value = _WS.sub(" ", getattr(doc, attr, None) or "").strip()
        if value:
            meta[key] = value
    return meta


_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "report",
    "scholarlyarticle",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "pressrelease",
}
#: ``<meta>`` names/properties that state the publication date, most specific first.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish_date",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "govuk:first-published-at",
    "date",
    "dc.date",
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||::|»|·|–|—|-)\s+")
_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _iso_date(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` of a machine-readable date (ISO 8601 with optional time), or None."""
    from analysis.read.dates import parse_date

    if not value:
        return None
    value = value.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        return "-".join(m.groups()) if 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31 else None
    return parse_date(value) if len(value) <= 40 else None


def _jsonld_objects(tree) -> list[dict]:
    """Every JSON object of the page's JSON-LD blocks (``@graph`` and lists flattened)."""
    import json

    out: list[dict] = []

    def walk(node) -> None:
        if isinstance(node, list):
            for x in node:
                walk(x)
        elif isinstance(node, dict):
            out.append(node)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                if isinstance(node.get(key), (list, dict)):
                    walk(node[key])

    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(el.text_content() or "null", strict=False))
        except ValueError:
            continue
    return out


def _types(obj: dict) -> set[str]:
    t = obj.get("@type") or []
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for it in items:
        name = it.get("name") if isinstance(it, dict) else it
        if isinstance(name, str) and _WS.sub(" ", name).strip():
            names.append(_WS.sub(" ", name).strip())
    return names


def _page_metadata(html: str, found: dict) -> dict:
    """Return title, published, authors and outlet stated by the page's structured metadata.

    ``found`` is what trafilatura read; values here override it where the page states them.

    Examples
    --------
    >>> page = ('<html><head><title>Bridge opens | River Gazette</title>'
    ...         '<meta property="article:published_time" content="2023-02-01T10:00:00Z"></head>'
    ...         '<body><h1>Bridge opens</h1><p>Text.</p></body></html>')
    >>> _page_metadata(page, {"title": "Bridge opens | River Gazette"})
    {'published': '2023-02-01', 'title': 'Bridge opens'}
    """
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return {}
    out = _jsonld_fields(tree)
    metas = _meta_tags(tree)
    if "published" not in out and (iso := _published_in_markup(tree, metas)):
        out["published"] = iso
    # Title: the article's headline or <h1> when the <title>/og:title carries the outlet's name.
    h1s = [_WS.sub(" ", h.text_content()).strip() for h in tree.xpath("//h1")]
    title = out.pop("jsonld_title", None) or _WS.sub(" ", metas.get("og:title", "")).strip() or found.get("title")
    if title:
        site = metas.get("og:site_name") or found.get("outlet")
        cleaned = _clean_title(title, h1s, site)
        if cleaned != found.get("title"):
            out["title"] = cleaned
    return out


def _jsonld_fields(tree) -> dict:
    """``published``, ``authors`` and ``jsonld_title`` from the page's JSON-LD objects."""
    out: dict = {}
    objs = _jsonld_objects(tree)
    articles = [o for o in objs if _types(o) & _ARTICLE_TYPES]
    # The article object decides; a WebPage object's dates are the page's, often older or newer.
    for o in articles or [o for o in objs if "webpage" in _types(o)]:
        if (iso := _iso_date(o.get("datePublished") if isinstance(o.get("datePublished"), str) else None)) and (
            "published" not in out
        ):
            out["published"] = iso
        if articles and "authors" not in out and (names := _names(o.get("author"))):
            out["authors"] = names
        if articles and "jsonld_title" not in out and isinstance(o.get("headline"), str):
            out["jsonld_title"] = _WS.sub(" ", o["headline"]).strip()
    return out


def _meta_tags(tree) -> dict[str, str]:
    """The page's ``<meta>`` contents by lower-cased property/name/itemprop (first wins)."""
    metas: dict[str, str] = {}
    for el in tree.xpath("//meta[@content]"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and key not in metas:
            metas[key] = el.get("content") or ""
    return metas


def _published_in_markup(tree, metas: dict[str, str]) -> str | None:
    """The publication date from date ``<meta>`` tags, an ``itemprop`` or a ``<time>``, in that order."""
    for key in _DATE_META:
        if iso := _iso_date(metas.get(key)):
            return iso
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        if iso := _iso_date(el.get("content") or el.get("datetime") or el.text_content()):
            return iso
    # A <time> in the article header beats trafilatura's guess, which favours the oldest date on the page.
    chrome = "ancestor::aside or ancestor::nav or ancestor::footer or ancestor::*[contains(@class, 'related')]"
    for el in tree.xpath(f"//time[@datetime][not({chrome})]"):
        if iso := _iso_date(el.get("datetime")):
            return iso
    return None


def _clean_title(title: str, h1s: list[str], site: str | None) -> str:
    """Drop an outlet's name from a page title ("Headline | Outlet", "Outlet - Headline").

    >>> _clean_title("Bridge opens after repairs | The River Gazette", [], None)
    'Bridge opens after repairs'
    >>> _clean_title("Bridge opens - River Gazette", [], "River Gazette")
    'Bridge opens'
    >>> _clean_title("Court rules 5-4 on voting maps", [], None)
    'Court rules 5-4 on voting maps'
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    norm_h1 = {comparable_text(h) for h in h1s if h}
    for p in parts:
        if comparable_text(p) in norm_h1 and len(p.split()) >= 2:
            return p.strip()
    site_n = comparable_text(re.sub(r"^the\s+", "", site or "", flags=re.I))
    keep = [p for p in parts if not (site_n and comparable_text(re.sub(r"^the\s+", "", p, flags=re.I)) == site_n)]
    if len(keep) < len(parts) and keep:
        return " - ".join(keep).strip() if len(keep) > 1 else keep[0].strip()
    # "Headline | Outlet": strong separators only, the outlet part short and the headline longer.
    strong = re.split(r"\s+(?:\||::|»)\s+", title)
    if len(strong) == 2:
        head, tail = strong
        if len(tail.split()) <= 4 and len(head.split()) >= 3:
            return head.strip()
        if len(head.split()) <= 4 and len(tail.split()) >= 5:
            return tail.strip()
    return title


def _plain_html_text(html: str) -> dict:
    """Fallback reader for pages trafilatura finds no main text in (fragments, tiny pages)."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return {"title": None, "paragraphs": []}
    title_el = tree.find(".//title")
    title = _WS.sub(" ", title_el.text_content()).strip() if title_el is not None else ""
    for el in tree.xpath("//script|//style|//noscript|//template|//head|//nav|//svg|//iframe"):
        el.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    lines = [_WS.sub(" ", ln).strip() for ln in tree.text_content().splitlines()]
    return {"title": title or None, "paragraphs": [ln for ln in lines if ln]}


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
