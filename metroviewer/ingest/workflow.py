"""The "workflow export" format: one saved search of a research platform, many articles.

    Workflow
    <topic>
    icon
    Search documents
    <title>
    <source>· YYYY-MM-DD HH:MM
    <summary body, one or more lines>
    <title>
    …
"""

from __future__ import annotations

import re

from ..core.dates import parse_date
from ..core.models import ParsedArticle
from .summary import parse_summary

SOURCE_LINE = re.compile(
    r"^(?P<source>[^\n]{1,80}?)\s*[·•・]\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?\s*$"
)
_CHROME = {"workflow", "icon", "search documents", "search", "documents", "share", "export"}


def is_workflow_export(text: str) -> bool:
    head = [line.strip() for line in text.lstrip().split("\n", 6)[:6]]
    if head and head[0].lower() == "workflow":
        return True
    return sum(1 for line in text.split("\n")[:400] if SOURCE_LINE.match(line.strip())) >= 1 and bool(
        re.search(r"^(icon|Search documents)$", text[:300], re.MULTILINE)
    )


def parse_workflow(text: str) -> list[ParsedArticle]:
    lines = [line.strip() for line in text.split("\n")]
    topic = ""
    start = 0
    nonblank = [(i, line) for i, line in enumerate(lines) if line]
    if nonblank and nonblank[0][1].lower() == "workflow":
        start = nonblank[0][0] + 1
        if len(nonblank) > 1 and not SOURCE_LINE.match(nonblank[1][1]):
            topic = nonblank[1][1]
            start = nonblank[1][0] + 1
    source_rows = [i for i in range(start, len(lines)) if SOURCE_LINE.match(lines[i])]
    # Each article's title is the last non-blank, non-chrome line before its source line.
    title_rows = []
    for row in source_rows:
        t = row - 1
        while t >= start and (not lines[t] or lines[t].lower() in _CHROME):
            t -= 1
        title_rows.append(t if t >= start else None)
    articles = []
    for n, row in enumerate(source_rows):
        title_row = title_rows[n]
        if title_row is None:
            continue
        end = len(lines)
        if n + 1 < len(source_rows):
            nxt = title_rows[n + 1]
            end = nxt if nxt is not None and nxt > row else source_rows[n + 1]
        body_lines = [line for line in lines[row + 1 : end] if line.lower() not in _CHROME or len(line) > 20]
        body = "\n".join(body_lines).strip()
        m = SOURCE_LINE.match(lines[row])
        assert m is not None
        when = m["date"] + (" " + m["time"] if m["time"] else "")
        articles.append(
            ParsedArticle(
                title=lines[title_row],
                body=body,
                source_raw=m["source"].strip(),
                published_at=parse_date(when),
                topic=topic,
                summary=parse_summary(body),
            )
        )
    return articles
