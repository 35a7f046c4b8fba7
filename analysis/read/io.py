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

HTML pages (``.html``, ``.htm``) are decoded here (a ``<meta charset>`` counts as declared) and
go to :func:`analysis.read.html.extract_html`.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

from analysis.errors import ArticleError
from analysis.read.html import extract_html

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
_ALLOWED_CHARS = "".join(sorted(_ALLOWED_CONTROLS | _ALLOWED_FORMAT))
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
    if _printable(sample):  # no character is junk: none is counted
        return
    junk = sum(n for ch, n in Counter(sample).items() if _is_junk(ch))  # each distinct character checked once
    if junk > 1 + MAX_CONTROL_SHARE * len(sample):
        raise ArticleError(
            f"{name}: binary or undecodable content ({junk} of {len(sample)} characters are control, "
            "unassigned or private-use characters), not a text article"
        )


def _printable(sample: str) -> bool:
    """Whether every character of ``sample`` is printable or an allowed control or format character
    (then none is junk, :func:`_is_junk`): the allowed ones removed, the rest read in one call."""
    for ch in _ALLOWED_CHARS:
        if ch in sample:
            sample = sample.replace(ch, "")
    return sample.isprintable()


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
