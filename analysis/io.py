"""Read an article file from disk: checks, decoding, and HTML extraction.

Returns the decoded text (offsets of every table index into it) plus any metadata the file itself
states.  Every failure is an :class:`~analysis.errors.ArticleError` naming the file and the problem.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ArticleError

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm"}


def read_article_file(path: str | Path) -> tuple[str, dict]:
    """Return ``(text, file_metadata)`` for the article at ``path``.

    Raises
    ------
    ArticleError
        Missing or unreadable file, a directory, an unsupported format, empty or binary content,
        undecodable bytes.
    """
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"{p}: file not found")
    if p.is_dir():
        raise ArticleError(f"{p}: is a directory, not an article file")
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ArticleError(f"{p}: unsupported format '{suffix}' (expected .txt, .html or .htm)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{p}: cannot read file ({exc.strerror or exc})") from exc
    text = decode_bytes(data, p)
    if not text.strip():
        raise ArticleError(f"{p}: file is empty or holds only whitespace")
    return text, {}


def decode_bytes(data: bytes, name: Path | str) -> str:
    """Decode article bytes (UTF-8 with or without BOM)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise ArticleError(f"{name}: binary content (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: cannot decode text ({exc.reason} at byte {exc.start})") from exc
