"""HTML pages (and Markdown files whose body is HTML): the article's main text only.

trafilatura finds the main text; when it declines (short pages), a cleaning pass with
lxml keeps paragraphs and drops scripts, styles, navigation, share/QR boxes and comments.
Nothing is fetched: both work on the string they are given.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..core.dates import parse_date
from ..core.models import ParsedArticle
from .errors import UnreadableFile
from .summary import parse_summary

_BOILERPLATE = re.compile(
    r"qr|qrcode|share|social|comment|reply|nav|menu|footer|header|sidebar|advert|ad-|banner|related|recommend|"
    r"breadcrumb|copyright|editor|toolbar|subscribe|popup|modal|cookie",
    re.IGNORECASE,
)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
              "svg", "canvas", "template", "select", "input", "textarea", "object", "embed")
_EDITOR_LINE = re.compile(r"^\s*(?:[（(]?\s*(?:责任编辑|编辑|责编|校对|审核|来源)\s*[:：].{0,40}[)）]?|扫码.*|长按.*二维码.*)\s*$")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or len(re.findall(r"<(p|div|br|span|img)\b", head)) >= 2


def _clean_tree(html: str) -> etree._Element | None:
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for el in list(root.iter(etree.Comment)):
        el.getparent().remove(el) if el.getparent() is not None else None
    for tag in _DROP_TAGS:
        for el in root.iter(tag):
            el.drop_tree() if el.getparent() is not None else None
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if marker.strip() and _BOILERPLATE.search(marker) and el.tag not in ("body", "html", "article", "main"):
            el.drop_tree()
    return root


def _fallback_text(root: etree._Element) -> str:
    found = root.xpath("//article | //main")
    container = found[0] if found else root
    blocks = []
    for el in container.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td"):
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [line.strip() for line in container.text_content().split("\n") if line.strip()]
    return "\n".join(dict.fromkeys(blocks))


def _strip_editor_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _EDITOR_LINE.match(line)).strip()


def extract_html(html: str, *, title: str = "", source: str = "", published: str | None = None) -> ParsedArticle:
    """The article in an HTML page; the given title/source/date (front matter) take precedence."""
    import trafilatura

    root = _clean_tree(html)
    if root is None:
        raise UnreadableFile("the HTML cannot be parsed")
    cleaned = lxml.html.tostring(root, encoding="unicode")
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            cleaned, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, favor_precision=True, deduplicate=True,
        )
    except Exception:  # trafilatura is a heuristic: when it fails, the fallback below reads the page
        doc = None
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
    fallback = _fallback_text(root)
    if len(text) < 0.5 * len(fallback):
        text = fallback
    text = _strip_editor_lines(text)
    page_title = (title or _first_heading(root) or _meta_content(root, ("og:title",))
                  or (meta.get("title") or "").strip() or _strip_site_suffix(_tag_text(root, "title")))
    if not page_title and text:
        page_title = text.split("\n", 1)[0][:150]
    if not text and not page_title:
        raise UnreadableFile("the HTML page holds no article text")
    return ParsedArticle(
        title=page_title,
        body=text,
        source_raw=source or _meta_content(root, ("author", "article:author", "source", "og:site_name"))
        or (meta.get("sitename") or meta.get("author") or "").strip(),
        published_at=published or _meta_date(root) or parse_date(meta.get("date")),
        summary=parse_summary(text),
        url=(meta.get("url") or "") if isinstance(meta.get("url"), str) else "",
    )


def _tag_text(root: etree._Element, tag: str) -> str:
    found = root.find(f".//{tag}")
    return " ".join(found.text_content().split()) if found is not None else ""


def _meta_date(root: etree._Element) -> str | None:
    for name in ("article:published_time", "pubdate", "publishdate", "date", "og:published_time"):
        for el in root.xpath(f"//meta[@property='{name}' or @name='{name}']"):
            when = parse_date(el.get("content"))
            if when:
                return when
    return None


def _meta_content(root: etree._Element, names: tuple[str, ...]) -> str:
    for name in names:
        for el in root.xpath(f"//meta[@property='{name}' or @name='{name}']"):
            value = " ".join((el.get("content") or "").split())
            if value and not value.startswith("http"):
                return value
    return ""


def _first_heading(root: etree._Element) -> str:
    for el in root.xpath("//article//h1 | //main//h1 | //h1"):
        text = " ".join(el.text_content().split())
        if text:
            return text[:200]
    return ""


def _strip_site_suffix(title: str) -> str:
    return re.split(r"\s+[-_|–—]\s+", title)[0].strip() if title else ""
