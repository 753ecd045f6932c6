"""Plain-text and Markdown articles (Markdown with or without YAML front matter)."""

from __future__ import annotations

import re

import yaml

from ..core.dates import find_date_in_text, parse_date
from ..core.models import ParsedArticle
from .summary import parse_summary

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SOURCE_LINE = re.compile(r"^(?:来源|来源于|出处|Source)\s*[:：]\s*(.{1,60})$", re.IGNORECASE | re.MULTILINE)
_MAX_TITLE = 150


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter as a dict, the rest); an unreadable front matter is left in the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text[m.end() :]


def _first_text(meta: dict, *keys: str) -> str:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, ""):
            return " ".join(str(value).split())
    return ""


def markdown_to_text(md: str) -> str:
    """Markdown reduced to readable text: no heading marks, images, link targets or emphasis."""
    out = []
    for line in md.split("\n"):
        h = _HEADING.match(line)
        if h:
            line = h.group(2)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
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
    parts = []
    level = None
    while i < len(lines):
        h = _HEADING.match(lines[i])
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


def parse_markdown(text: str) -> ParsedArticle:
    meta, body = split_front_matter(text)
    title = _first_text(meta, "title", "标题")
    if not title:
        title, body = _title_from_headings(body)
    body_text = markdown_to_text(body)
    if not title:
        title, body_text = _title_from_first_line(body_text)
    source = _first_text(meta, "source", "author", "publisher", "site", "来源", "作者")
    published = parse_date(meta.get("date") or meta.get("published") or meta.get("published_at"))
    if not source:
        m = _SOURCE_LINE.search(body_text[:1500])
        source = m.group(1).strip() if m else ""
    return ParsedArticle(
        title=title,
        body=body_text,
        source_raw=source,
        published_at=published or find_date_in_text(body_text[:300]),
        topic=_first_text(meta, "topic", "category", "categories", "tags"),
        summary=parse_summary(body_text),
        url=_first_text(meta, "url", "link", "source_url"),
    )


def _title_from_first_line(text: str) -> tuple[str, str]:
    lines = text.strip().split("\n")
    first = lines[0].strip() if lines else ""
    if first and len(first) <= _MAX_TITLE:
        return first, "\n".join(lines[1:]).strip()
    return (first[:60] + "…") if first else "", text.strip()


def parse_plain(text: str) -> ParsedArticle:
    title, body = _title_from_first_line(text)
    m = _SOURCE_LINE.search(body[:1500])
    return ParsedArticle(
        title=title,
        body=body,
        source_raw=m.group(1).strip() if m else "",
        published_at=find_date_in_text(body[:300]),
        summary=parse_summary(body),
    )
