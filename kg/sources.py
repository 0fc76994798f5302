"""Reading source articles: discovery, decoding, the ``date YYYY-MM-DD`` line.

An article is a UTF-8 text file whose first line is `` date YYYY-MM-DD``
followed by the text (in the seed the text starts on that same line).  A
missing or malformed date line is not an error: the article is read with its
date unknown and a warning is recorded.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md")
_DATE_LINE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\S+)[ \t]*\n?", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@dataclass
class Article:
    """One source document: its text, where the body starts, its date."""

    path: Path
    doc_id: str
    text: str                     # the whole decoded file
    body_start: int               # offset of the article body in ``text``
    date: dt.date | None
    content_hash: str
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The article text after the date line."""
        return self.text[self.body_start:]


def doc_id_for(path: Path) -> str:
    """A document id from its file name: the stem, made IRI-safe."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", path.stem) or "document"


def find_articles(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders (searched recursively for *.txt and *.md) into article paths."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not inside:
                raise InputError(f"no articles (*.txt, *.md) in folder: {path}")
            found.extend(inside)
        else:
            found.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique


def parse_article(path: Path, data: bytes | None = None) -> Article:
    """Read and decode one article; raise InputError for empty, binary or non-UTF-8 files."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if not data.strip():
        raise InputError(f"empty file: {path}")
    if b"\x00" in data:
        raise InputError(f"binary file, not an article: {path}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start}): {path}") from None
    warnings: list[str] = []
    date = None
    body_start = 0
    match = _DATE_LINE.match(text)
    if match:
        body_start = match.end()
        value = match.group(1)
        if _ISO_DATE.match(value):
            try:
                date = dt.date.fromisoformat(value)
            except ValueError:
                warnings.append(f"{path.name}: invalid date {value!r} in date line; date unknown")
        else:
            warnings.append(f"{path.name}: malformed date line {value!r}; date unknown")
    else:
        warnings.append(f"{path.name}: no ' date YYYY-MM-DD' line; date unknown")
    if not text[body_start:].strip():
        raise InputError(f"no article text after the date line: {path}")
    return Article(path=path, doc_id=doc_id_for(path), text=text, body_start=body_start, date=date,
                   content_hash=hashlib.sha256(data).hexdigest(), warnings=warnings)
