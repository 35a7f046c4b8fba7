"""The article in a saved web page: its main text composed as a page copy, and the metadata the page states.

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

import re
from pathlib import Path

from analysis.errors import ArticleError
from analysis.read.layout import comparable_text

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
