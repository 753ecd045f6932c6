"""Parsing structured summaries: a core viewpoint, then numbered groups of points.

English form, all on one line in the exports:
    Core Viewpoint - … [1][3]. Group 1: Heading - point [3]. - point Group 2: …
Chinese forms start with 核心观点 or 文章核心观点 and number groups 分组1 / 要点1 / 第1组.
Citation markers stay at the end of the point they belong to.
"""

from __future__ import annotations

import re

from ..core.models import Summary, SummaryGroup

_CORE = re.compile(r"^\s*(?:Core\s+Viewpoint|文章核心观点|核心观点)\s*[-–—:：]?\s*", re.IGNORECASE)
_GROUP = re.compile(r"(?:^|\s)(?:Group\s*(\d+)|分组\s*(\d+)|要点\s*(\d+)|第\s*(\d+)\s*组)\s*[:：]\s*", re.IGNORECASE)
# A point starts after " - " (or a dash at the start of a line); hyphens inside words stay.
_POINT_SPLIT = re.compile(r"(?:\s+[-–—•]\s+|\n\s*[-–—•]\s*)")


def looks_structured(text: str) -> bool:
    return bool(_CORE.match(text)) or len(_GROUP.findall(text)) >= 2


def parse_summary(text: str) -> Summary | None:
    """The structured summary in `text`, or None when `text` is not one."""
    if not looks_structured(text):
        return None
    body = _CORE.sub("", text, count=1).strip()
    matches = list(_GROUP.finditer(body))
    core = body[: matches[0].start()] if matches else body
    summary = Summary(core_viewpoint=_clean(core))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        chunk = body[m.end() : end]
        parts = [_clean(p) for p in _POINT_SPLIT.split(chunk)]
        parts = [p for p in parts if p]
        if not parts:
            continue
        summary.groups.append(SummaryGroup(heading=parts[0], points=parts[1:]))
    return summary


def _clean(s: str) -> str:
    return " ".join(s.split()).strip(" -–—•")
