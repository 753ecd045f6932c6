"""Plain-text and Markdown articles, with or without front matter; news pages and papers.

A file whose top carries an abstract or keywords marker is read as a paper (papers.py);
any other is read as a news page, whose captions, bylines and boxes are dropped
(cleaning.py) and whose `来源：` line names the source when the front matter does not.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.dates import (
    find_date_in_text,
    header_year_month,
    identifier_archive,
    identifier_date,
    labelled_date,
)
from ..core.models import ParsedArticle
from .cleaning import IMAGE_MARK, clean_news_text
from .frontmatter import FrontMatterFields, article_fields, split_front_matter
from .papers import looks_like_paper, paper_article, split_author_block, split_paper
from .summary import parse_summary

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE_LINE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MAX_TITLE = 150
# A heading that labels the page rather than titles it: a journal's column or a DOI.
_LABEL_HEADING = re.compile(r"^(?:DOI|栏目|专栏|专题|Column|Section)\s*[:：]", re.IGNORECASE)

__all__ = ["markdown_to_text", "parse_markdown", "parse_plain", "split_front_matter"]


def markdown_to_text(md: str, *, mark_images: bool = False) -> str:
    """Markdown reduced to readable text: no heading marks, images, link targets or emphasis.
    With `mark_images`, a line that held only images becomes IMAGE_MARK (the caption rule reads it)."""
    out = []
    for line in md.split("\n"):
        if mark_images and _IMAGE_LINE.match(line):
            out.append(IMAGE_MARK)
            continue
        h = _HEADING.match(line)
        if h:
            line = h.group(2)
        line = _IMAGE.sub("", line)
        line = _LINK.sub(r"\1", line)
        line = _EMPHASIS.sub(r"\2", line)
        out.append(line.rstrip())
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _title_from_headings(body: str) -> tuple[str, str]:
    """The first heading as title, joining consecutive headings with nothing between them
    (PDF conversions break long titles that way); returns (title, body without it)."""
    lines = body.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    parts: list[str] = []
    level = None
    while i < len(lines):
        h = _HEADING.match(lines[i])
        if h and not parts and _LABEL_HEADING.match(h.group(2)):
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            continue
        if h and (level is None or len(h.group(1)) == level):
            level = len(h.group(1))
            parts.append(h.group(2).strip())
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            continue
        break
    if not parts:
        return "", body
    return "".join(parts), "\n".join(lines[i:])


def _without_repeated_title(body: str, title: str) -> str:
    """The body without a first heading that repeats the front matter's title (saved pages do)."""
    heading, rest = _title_from_headings(body)
    return rest if heading and " ".join(heading.split()) == " ".join(title.split()) else body


def _title_from_first_line(text: str) -> tuple[str, str]:
    lines = text.strip().split("\n")
    first = lines[0].strip() if lines else ""
    if first and len(first) <= _MAX_TITLE:
        return first, "\n".join(lines[1:]).strip()
    return (first[:60] + "…") if first else "", text.strip()


def parse_markdown(text: str, file_name: str = "", front: tuple[dict[str, Any], str] | None = None) -> ParsedArticle:
    """`front`: split_front_matter(text) when the caller has it already (it is read once)."""
    meta, body = front if front is not None else split_front_matter(text)
    fields = article_fields(meta)
    title = fields.title
    if not title:
        title, body = _title_from_headings(body)
    else:
        body = _without_repeated_title(body, title)
    if looks_like_paper(body):
        if not title:
            title, body = _title_from_first_line(body)
        return _paper(title, body, text, fields, file_name)
    authors, body = split_author_block(body)
    body_text = markdown_to_text(body, mark_images=True)
    if not title:
        title, body_text = _title_from_first_line(body_text)
    return _news(title, body_text, fields, file_name, authors)


def parse_plain(text: str, file_name: str = "") -> ParsedArticle:
    meta, body = split_front_matter(text)
    fields = article_fields(meta)
    title = fields.title
    if not title:
        title, body = _title_from_first_line(body)
    if looks_like_paper(body):
        return _paper(title, body, text, fields, file_name)
    authors, body = split_author_block(body)
    return _news(title, body, fields, file_name, authors)


def _news(title: str, body: str, fields: FrontMatterFields, file_name: str, authors: str = "") -> ParsedArticle:
    """A page or note: dated by its front matter, else a date written near its top, else an
    archive identifier in its file name (else: file time)."""
    cleaned, source_line = clean_news_text(body)
    return ParsedArticle(
        title=title,
        body=cleaned,
        source_raw=fields.source or source_line or identifier_archive(file_name),
        # Read before cleaning: the date often shares its line with the 来源 that cleaning drops.
        published_at=fields.published or find_date_in_text(body.replace(IMAGE_MARK, "")[:300])
        or identifier_date(file_name),
        topic=fields.topic,
        summary=parse_summary(cleaned),
        url=fields.url,
        authors=authors,
    )


def _paper(title: str, body: str, whole: str, fields: FrontMatterFields, file_name: str) -> ParsedArticle:
    """A paper, dated by its front matter, else a labelled date in its text (收稿日期 …), else a
    year-month in its header, else its archive identifier in the file name (else: file time)."""
    parts = split_paper(title, body)
    article = paper_article(parts)
    article.published_at = (fields.published or labelled_date(whole) or header_year_month(parts.header)
                            or identifier_date(file_name))
    article.source_raw = fields.source or identifier_archive(file_name)
    article.topic, article.url = fields.topic, fields.url
    return article
