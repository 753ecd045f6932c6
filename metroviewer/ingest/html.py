"""HTML pages (and Markdown files whose body is HTML): the article's main text only.

trafilatura finds the main text; when it declines (short pages), a cleaning pass with
lxml keeps paragraphs and drops scripts, styles, navigation, share/QR boxes and comments.
Nothing is fetched: both work on the string they are given.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..core.dates import find_date_in_text, parse_date
from ..core.models import ParsedArticle
from .cleaning import SHORT_LINE, clean_news_text, source_line
from .errors import UnreadableFile
from .summary import parse_summary

_BOILERPLATE = re.compile(
    r"qr|qrcode|share|social|comment|reply|nav|menu|footer|header|sidebar|advert|ad-|banner|related|recommend|"
    r"breadcrumb|copyright|editor|toolbar|subscribe|popup|modal|cookie",
    re.IGNORECASE,
)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
              "svg", "canvas", "template", "select", "input", "textarea", "object", "embed")
# Picture captions by their markup: <figcaption>, and classes pages give the caption's box.
_CAPTION_CLASS = re.compile(r"caption|pic-?info|pic-?txt|img-?desc|image-?desc|photo-?desc|img-?note|"
                            r"image-?note|img-?title|pic-?title", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？!?]\s*$")
_NUMBERED = re.compile(r"^[一二三四五六七八九十\d]+[、.．]")  # a numbered subheading, not a caption


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
    _drop_captions(root)
    return root


def _short_text(el: etree._Element) -> str | None:
    """The element's text when it is short enough to be a caption and is no sentence, else None."""
    text = " ".join(el.text_content().split())
    if len(text) > SHORT_LINE // 2 or _SENTENCE_END.search(text) or _NUMBERED.match(text):
        return None
    return text


def _drop_captions(root: etree._Element) -> None:
    """Captions: a <figcaption> or a caption-classed box; the short text beside an image in the
    same block; the short block right after a block that holds only an image."""
    for el in list(root.iter("figcaption")):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el.tag in ("body", "html", "article", "main"):
            continue
        if _CAPTION_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            el.drop_tree()
    for img in list(root.iter("img")):
        block = img.getparent()
        while block is not None and block.tag not in ("p", "div", "figure", "section", "td", "li", "center"):
            block = block.getparent()
        if block is None or block.getparent() is None or block.tag in ("body", "article", "main"):
            continue
        text = " ".join(block.text_content().split())
        if text and _short_text(block) is not None:
            block.drop_tree()  # the image and its caption together
            continue
        if not text:
            following = block.getnext()
            if following is not None and isinstance(following.tag, str) and following.tag in ("p", "div", "span") \
                    and following.find(".//img") is None and _short_text(following):
                following.drop_tree()


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
    text_date = find_date_in_text(text[:300])  # before cleaning: it may share the 来源 line
    text, source_in_text = clean_news_text(text)
    page_title = (title or _first_heading(root) or _meta_content(root, ("og:title",))
                  or (meta.get("title") or "").strip() or _strip_site_suffix(_tag_text(root, "title")))
    if not page_title and text:
        page_title = text.split("\n", 1)[0][:150]
    if not text and not page_title:
        raise UnreadableFile("the HTML page holds no article text")
    return ParsedArticle(
        title=page_title,
        body=text,
        # A 来源 line names the outlet a page reprints; page metadata often names the reprinting site.
        source_raw=source or source_in_text or _page_source_line(root) or _meta_content(root, ("author", "article:author", "source", "og:site_name"))
        or (meta.get("sitename") or meta.get("author") or "").strip(),
        published_at=published or _meta_date(root) or parse_date(meta.get("date")) or text_date,
        summary=parse_summary(text),
        url=(meta.get("url") or "") if isinstance(meta.get("url"), str) else "",
    )


def _page_source_line(root: etree._Element) -> str:
    """A `来源：` line outside the main text (pages put it in the dateline above the article)."""
    short = (" ".join(el.text_content().split()) for el in root.iter("div", "p", "span", "li", "td"))
    return source_line("\n".join(t for t in short if "来源" in t and len(t) <= SHORT_LINE))


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
