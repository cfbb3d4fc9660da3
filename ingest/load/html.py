"""HTML accounts: the article's main text, without the page around it.

Navigation, site headers and footers, sidebars, scripts, forms and comment
sections are dropped; the main container is ``<article>``, else ``<main>``,
else the element holding the most paragraph text. Each block (paragraph,
heading, list item, quotation) becomes one paragraph, separated from the next
by a blank line. That text, not the HTML, is what offsets refer to; the store
keeps it with the account.
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import InputError
from ingest.load.base import LoadedText, read_bytes
from ingest.load.dates import iso_date
from ingest.load.decode import looks_binary

__all__ = ["load_html", "html_to_text"]

_DROP_TAGS = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "canvas", "button", "select", "input", "textarea", "menu", "dialog",
]
# Class or id words of page furniture rather than the article.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|respond|reply|replies|disqus|nav|navbar|navigation|menu|"
    r"breadcrumbs?|sidebar|widget|footer|header|masthead|share|sharing|social|related|"
    r"cookie|consent|banner|advert|ads|newsletter|subscribe|pagination|skip-link)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCKS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dt", "dd", "td"]
_BLOCK_SET = set(_BLOCKS)
_SPACE = re.compile(r"\s+")


def _soup(markup: bytes, path: Path):
    from bs4 import BeautifulSoup

    if looks_binary(markup):
        raise InputError("binary content, not HTML", where=str(path))
    try:
        return BeautifulSoup(markup, "lxml")
    except Exception as exc:  # the parser's own error types vary by version
        raise InputError(f"unreadable HTML: {exc}", where=str(path)) from None


def _is_furniture(tag) -> bool:
    if tag.attrs is None:
        return False
    words = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    role = (tag.get("role") or "").lower()
    return bool(words and _FURNITURE.search(words)) or role in {"navigation", "banner", "contentinfo", "complementary"}


def _main_container(body):
    for finder in (lambda: body.find("article"), lambda: body.find("main"), lambda: body.find(attrs={"role": "main"})):
        found = finder()
        if found is not None and found.get_text(strip=True):
            return found
    # The element whose direct paragraphs hold the most text is the article body.
    scores: dict[int, tuple[int, object]] = {}
    for paragraph in body.find_all("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        length = len(paragraph.get_text(" ", strip=True))
        previous = scores.get(id(parent), (0, parent))[0]
        scores[id(parent)] = (previous + length, parent)
    if not scores:
        return body
    return max(scores.values(), key=lambda item: item[0])[1]


def _block_text(tag) -> str:
    """The block's words with white space folded as a browser does; ``<br>`` breaks the line."""
    pieces: list[str] = []
    for piece in tag.descendants:
        if getattr(piece, "name", None) == "br":
            pieces.append("\n")
        elif isinstance(piece, str) and type(piece).__name__ in ("NavigableString", "CData"):
            pieces.append(_SPACE.sub(" ", str(piece)))
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(container) -> str:
    """Blocks of the container, one paragraph each; nested blocks are not repeated."""
    blocks: list[str] = []
    for tag in container.find_all(_BLOCKS):
        if any(parent.name in _BLOCK_SET for parent in tag.parents if parent is not container):
            continue  # already part of an enclosing block
        text = _block_text(tag)
        if text:
            blocks.append(text)
    if not blocks:
        text = _block_text(container)
        blocks = [t for t in re.split(r"\n{2,}", text) if t.strip()]
    return "\n\n".join(blocks) + "\n"


def _meta(soup, *names: str) -> str:
    for name in names:
        tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
        if tag is not None and (tag.get("content") or "").strip():
            return " ".join(tag["content"].split())
    return ""


def load_html(path: Path) -> LoadedText:
    soup = _soup(read_bytes(path), path)
    title = _meta(soup, "og:title", "twitter:title", "dc.title", "DC.title")
    h1 = soup.find("h1")
    if not title and h1 is not None:
        title = " ".join(h1.get_text(" ").split())
    if not title and soup.title is not None and soup.title.string:
        title = " ".join(soup.title.string.split())
    properties: dict[str, str] = {
        "author": _meta(soup, "author", "article:author", "dc.creator", "DC.creator", "byl"),
        "source": _meta(soup, "og:url") or (soup.find("link", rel="canonical") or {}).get("href", ""),
    }
    published = _meta(soup, "article:published_time", "date", "dc.date", "DC.date", "pubdate", "publish-date")
    if not published:
        time_tag = soup.find("time", attrs={"datetime": True})
        published = (time_tag.get("datetime") or "").strip() if time_tag is not None else ""
    if published:
        properties["published"] = iso_date(published) or published
    body = soup.body or soup
    for tag in body.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in [t for t in body.find_all(True) if _is_furniture(t)]:
        if not getattr(tag, "decomposed", False):
            tag.decompose()
    text = html_to_text(_main_container(body))
    if not text.strip():
        raise InputError("unreadable HTML: no article text found in the page", where=str(path))
    return LoadedText(text=text, title=title, properties={k: v for k, v in properties.items() if v})
