"""Reading articles: plain text, Markdown with YAML front matter, or saved HTML pages.

Offsets everywhere in geomap are into `Article.body`, the text after any front matter
(for HTML, the extracted text), so that `body[start:end]` is what was matched.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ArticleError, Problem
from .yamlio import safe_load

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_ARTICLE_BYTES = 10_000_000
"""Larger files are skipped: a news article is kilobytes; megabytes mean a wrong file (a dump, a log)."""
FRONT_MATTER_FIELDS = ("source", "date", "url", "title")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Article:
    """One article: where it came from, when, and its text."""

    id: str  # the file name, unique within a build
    source: str
    date: dt.date | None
    url: str
    title: str
    body: str


def read_articles(folder: str | Path) -> tuple[list[Article], list[Problem], list[Problem]]:
    """All articles in `folder`, sorted by file name, with (warnings, errors).

    An article that cannot be used is left out and reported as an error; the rest load.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ArticleError.at(folder, None, "not a folder of articles")
    paths = sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and p.stem.upper() != "README"
    )
    if not paths:
        raise ArticleError.at(folder, None, f"no articles ({', '.join(ARTICLE_SUFFIXES)}) in this folder")
    articles, warnings, errors = [], [], []
    for path in paths:
        try:
            article, found = load_article(path)
        except ArticleError as exc:
            errors.extend(exc.problems)
            continue
        articles.append(article)
        warnings.extend(found)
    return articles, warnings, errors


def load_article(path: str | Path) -> tuple[Article, list[Problem]]:
    """One article and the warnings about its metadata; raises ArticleError if unusable."""
    path = Path(path)
    warnings: list[Problem] = []
    text = _decode(path, warnings)
    if path.suffix.lower() in (".html", ".htm"):
        meta, body = _from_html(text)
        line_of = {}
    else:
        meta, body, line_of = _split_front_matter(path, text, warnings)
    if not body.strip():
        raise ArticleError.at(path, None, "empty article: no text after the front matter")
    return _article(path, meta, line_of, body, warnings), warnings


def _decode(path: Path, warnings: list[Problem]) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError.at(path, None, f"{size / 1e6:.0f} MB is more than an article's {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError.at(path, None, f"cannot read: {exc.strerror}") from None
    if not data.strip():
        raise ArticleError.at(path, None, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError.at(path, None, "starts like UTF-16 text but is not valid UTF-16") from None
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise ArticleError.at(path, None, "binary file, not text") from None
            text = data.decode("latin-1")
            warnings.append(Problem(str(path), None, "not UTF-8; read as Latin-1"))
    if "\x00" in text:
        raise ArticleError.at(path, None, "binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(path: Path, text: str, warnings: list[Problem]):
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, {}
    body = text[match.end():]
    try:
        meta = safe_load(match.group(1))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark else 1
        raise ArticleError.at(path, line, f"invalid front matter: {exc.problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError.at(path, 2, "front matter must be a mapping of fields such as source: and date:")
    line_of = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        key = line.split(":", 1)[0].strip()
        line_of.setdefault(key, number)
    for key in meta:
        if key not in FRONT_MATTER_FIELDS:
            warnings.append(Problem(str(path), line_of.get(str(key)), f"unknown front matter field {key!r} ignored"))
    return meta, body, line_of


def _from_html(text: str) -> tuple[dict, str]:
    """Metadata and readable text of a saved web page (selectolax: fast, tolerant HTML5 parser)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)

    def meta_content(*names: str) -> str:
        for name in names:
            node = tree.css_first(f'meta[property="{name}"]') or tree.css_first(f'meta[name="{name}"]')
            if node and node.attributes.get("content"):
                return node.attributes["content"].strip()
        return ""

    meta = {
        "source": meta_content("og:site_name", "application-name"),
        "date": meta_content("article:published_time", "date", "pubdate")[:10],
        "url": meta_content("og:url"),
        "title": meta_content("og:title") or (tree.css_first("title").text(strip=True) if tree.css_first("title") else ""),
    }
    for node in tree.css("script, style, noscript, nav, header, footer, aside, form"):
        node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    blocks = [n.text(separator=" ", strip=True) for n in root.css("h1, h2, h3, p, li, figcaption, blockquote")]
    blocks = [re.sub(r"\s+", " ", b) for b in blocks if b.strip()]
    body = "\n\n".join(blocks) if blocks else re.sub(r"[ \t]+", " ", root.text(separator="\n"))
    return {k: v for k, v in meta.items() if v}, body


def _article(path: Path, meta: dict, line_of: dict, body: str, warnings: list[Problem]) -> Article:
    def warn(key: str, message: str) -> None:
        warnings.append(Problem(str(path), line_of.get(key), message))

    source = meta.get("source")
    if not isinstance(source, str) or not source.strip():
        source = path.stem
        warn("source", f"no source in front matter; using the file name {source!r}")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        title = next((line.strip() for line in body.splitlines() if line.strip()), path.stem)[:120]
        warn("title", "no title in front matter; using the first line of the text")
    url = meta.get("url") or ""
    if not isinstance(url, str):
        warn("url", "url must be text; ignored")
        url = ""
    elif url and not re.match(r"https?://", url):
        warn("url", f"url {url!r} is not an http(s) address; ignored")
        url = ""
    return Article(
        id=path.name,
        source=source.strip(),
        date=_date(meta.get("date"), warn),
        url=url,
        title=title.strip(),
        body=body,
    )


def _date(value, warn) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value in (None, ""):
        warn("date", "no date in front matter; its claims will carry no date")
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        warn("date", f"date {value!r} is not a date (YYYY-MM-DD); ignored")
        return None
