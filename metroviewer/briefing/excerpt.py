"""The two or three sentences a briefing gives an article: its core viewpoint, a paper's abstract,
or the lead of its text — never author lines, affiliations, captions or boilerplate."""

from __future__ import annotations

import re

from ..core.models import Article

SENTENCES = 3
MAX_CHARS = 320  # a long first sentence is cut here, at a clause when one ends near it

# A sentence ends at 。！？ or at . ! ? followed by a space (not inside 5.4 or U.S.).
_SENTENCE = re.compile(r"[^。！？!?]*?(?:[。！？]+[”」』）)]*|[.!?]+[\"')\]]*(?=\s|$)|$)", re.S)
_ABSTRACT_MARKER = re.compile(r"\[(?:目的|方法|结果|结论|意义|局限)[^\]]{0,8}\]|【(?:目的|方法|结果|结论|意义)[^】]{0,8}】")
_CITATION = re.compile(r"\s*(?:\[\d+\])+")
# Lines that are not the article's own words: bylines, photo captions, editors, calls to follow.
_NOT_TEXT = re.compile(
    r"^(?:图[\d一二三四五六七八九十]*[:：\s]|图片|图为|来源[:：]|作者[:：]|记者|编辑|责编|责任编辑|审核|校对|原标题|"
    r"本文|点击|扫码|关注|转载|版权|声明|免责|photo|image|source:|by |editor)|"
    r"(?:摄|供图|图片来源[^。]*|现场[。.]?|视觉中国|新华社发)$|扫码|二维码|关注公众号|阅读原文", re.IGNORECASE)
_AFFILIATION = re.compile(r"(大学|学院|研究所|研究院|研究中心|university|institute)", re.IGNORECASE)
HEADING_LEAD = re.compile(r"^[\u4e00-\u9fff]{2,14}\s+(?=\S)")  # Chinese only: "Tangshan and …" is a sentence


def sentences(text: str) -> list[str]:
    """The sentences of `text`, trimmed, empty ones dropped."""
    return [s.strip() for s in _SENTENCE.findall(" ".join(text.split())) if s.strip()]


def excerpt(article: Article, count: int = SENTENCES) -> str:
    """The briefing's text for `article` (see the module's doc)."""
    summary = article.summary
    if summary and summary.core_viewpoint:
        text = _ABSTRACT_MARKER.sub("", summary.core_viewpoint)  # a paper's [目的/意义] labels
        return _limited(sentences(_CITATION.sub("", text)), count)
    return _limited(_lead(article), count)


def _lead(article: Article) -> list[str]:
    out: list[str] = []
    for line in article.body.split("\n"):
        line = line.strip()
        if not line or line == article.title or _is_not_text(line, article):
            continue
        line = HEADING_LEAD.sub("", line)  # a subheading run into its paragraph: "战略布局与市场选择 清陶…"
        for s in sentences(line):
            if s != article.title and not _is_not_text(s, article) and len(s) >= 8:
                out.append(s)
        if len(out) >= SENTENCES:
            break
    return out


def _is_not_text(line: str, article: Article) -> bool:
    if _NOT_TEXT.search(line):
        return True
    if article.authors and (line in article.authors or article.authors.startswith(line[:20])):
        return True
    # An affiliation line: a short line naming an institution, without a sentence's ending.
    return len(line) < 60 and bool(_AFFILIATION.search(line)) and not line.endswith(("。", "."))


def _limited(found: list[str], count: int) -> str:
    text = ""
    for s in found[:count]:
        joined = (text + ("" if _cjk_end(text) or not text else " ") + s) if text else s
        if len(joined) > MAX_CHARS and text:
            break
        text = joined
    if len(text) > MAX_CHARS:
        cut = max(text.rfind(mark, 0, MAX_CHARS) for mark in "，,；;")
        text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS].rstrip("，,；; ") + "…"
    return text


def _cjk_end(text: str) -> bool:
    return bool(text) and text[-1] in "。！？”」』）"
