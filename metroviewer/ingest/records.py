"""JSON and JSON Lines: one article per object, with the field names exports commonly use."""

from __future__ import annotations

import json
from typing import Any

from ..core.dates import parse_date
from ..core.models import ParsedArticle, Summary, SummaryGroup
from .errors import UnreadableFile
from .summary import parse_summary

TITLE_KEYS = ("title", "headline", "name", "标题")
BODY_KEYS = ("content", "body", "text", "article", "full_text", "正文", "内容", "description")
SOURCE_KEYS = ("source", "source_name", "publisher", "site", "site_name", "media", "author", "来源", "作者")
DATE_KEYS = ("published_at", "date", "published", "pubDate", "pub_date", "publish_time", "time", "created_at",
             "datetime", "发布时间", "日期")
URL_KEYS = ("url", "link", "source_url", "href")
TOPIC_KEYS = ("topic", "category", "workflow", "主题")


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        value = _pick(value, ("name", "title", "text")) or ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value if v)
    return " ".join(str(value).split()) if not isinstance(value, str) or "\n" not in value else value.strip()


def _summary(value: Any, body: str) -> Summary | None:
    if isinstance(value, dict) and ("groups" in value or "core_viewpoint" in value):
        groups = []
        for g in value.get("groups") or []:
            if isinstance(g, dict):
                groups.append(SummaryGroup(_text(g.get("heading")), [_text(p) for p in g.get("points") or []]))
        return Summary(_text(value.get("core_viewpoint")), groups)
    if isinstance(value, str) and value.strip():
        return parse_summary(value)
    return parse_summary(body)


def article_from_object(obj: Any) -> ParsedArticle | None:
    if not isinstance(obj, dict):
        return None
    body = _text(_pick(obj, BODY_KEYS))
    title = _text(_pick(obj, TITLE_KEYS))
    if not title and not body:
        return None
    if not title:
        first = body.strip().split("\n", 1)[0]
        title = first if len(first) <= 150 else first[:60] + "…"
    return ParsedArticle(
        title=title,
        body=body,
        source_raw=_text(_pick(obj, SOURCE_KEYS)),
        published_at=parse_date(_pick(obj, DATE_KEYS)),
        topic=_text(_pick(obj, TOPIC_KEYS)),
        summary=_summary(obj.get("summary"), body),
        url=_text(_pick(obj, URL_KEYS)),
    )


def _objects(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "results", "documents", "entries"):
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    return []


def parse_json(text: str) -> list[ParsedArticle]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UnreadableFile(f"the JSON is not valid (line {e.lineno}: {e.msg})") from e
    articles = [a for a in (article_from_object(o) for o in _objects(data)) if a]
    if not articles:
        raise UnreadableFile("the JSON holds no article (no object with a title or text)")
    return articles


def parse_json_lines(text: str) -> list[ParsedArticle]:
    articles = []
    bad = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            article = article_from_object(json.loads(line))
        except json.JSONDecodeError:
            bad += 1
            continue
        if article:
            articles.append(article)
    if not articles:
        raise UnreadableFile("the JSON Lines file holds no article" + (f" ({bad} lines are not JSON)" if bad else ""))
    return articles
