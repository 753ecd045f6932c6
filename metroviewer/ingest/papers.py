"""Research papers converted from PDF to Markdown: their parts, and their date.

A paper reads: title (a PDF conversion may break it over consecutive `#` headings), authors,
affiliations (`（某大学某学院，某市 邮编）`), 摘要/Abstract, 关键词/Key words, the body, and
参考文献/References (often followed by the English title and abstract, 作者贡献说明, and
the 收稿日期 line). Conversions glue parts together (`…研究所上海 200235摘要：…`), so the
markers are found in the text, not only at the start of lines.

What becomes what: the abstract and keywords are the article's summary; the body (what is
tagged, searched and quoted) is the abstract, then the text between the keywords and the
references; authors, affiliations and everything from the references on are kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.models import ParsedArticle, Summary

_HEAD_CHARS = 6000  # the abstract or keywords marker is this near the top in a paper
# Markers are glued to their neighbours in conversions, so they are found mid-line too, but
# then only with their bracket or colon: 核心关键词、 inside an abstract is no marker.
_ABSTRACT = re.compile(r"[\[【]\s*(?:摘\s*要|内容提要)\s*[\]】]?\s*[:：]?\s*|(?:摘\s*要|内容提要)\s*[:：]\s*|"
                       r"(?m:^)\s*(?:Abstract|ABSTRACT)\s*[:：.]?\s*")
_ABSTRACT_AT_LINE = re.compile(r"(?m)^\s*[\[【]?\s*(?:Abstract|ABSTRACT)\s*[\]】]?\s*[:：.]?\s*")
_KEYWORDS = re.compile(r"(?m:^)\s*[\[【]?\s*(?:关\s*键\s*词|Key\s*words?|KEY\s*WORDS?|Keywords?)\s*[\]】]?\s*[:：]?\s*|"
                       r"[\[【]\s*关\s*键\s*词\s*[\]】]?\s*[:：]?\s*|关\s*键\s*词\s*[:：]\s*", re.IGNORECASE)
# Labels that follow the keywords on the same line in conversions: not keywords.
_AFTER_KEYWORDS = re.compile(r"\s*(?:中图分类号|分类号|文献标识码|文献标志码|文章编号|DOI|doi)\s*[:：]?.*$")
_REFERENCES = re.compile(
    r"(?m)^[ \t]*#*[ \t]*[\[【]?(?:参考文献|References|REFERENCES|Bibliography|Literature Cited)[\]】]?"
    r"[ \t]*(?:[(（](?:参考文献|References|REFERENCES)[)）])?[ \t]*[:：]?[ \t]*(?=$|\[1\]|［1］|1[.．、])")
# A reference list without its heading: a run of numbered lines that cite (…[J].…, 2011,30(05)).
_CITATION_LINE = re.compile(
    r"^\s*(?:\[\d{1,3}\]|［\d{1,3}］|\d{1,3}(?=[\s.．、\u4e00-\u9fffA-Z]))[\s.．、]*\S.{4,}?"
    r"(?:\[(?:J|M|R|N|D|C|Z|S|P|A|EB/OL|J/OL|DB/OL)\b|(?:19|20)\d{2}\s*[,，(（:：]\s*\d)")
_CITATION_RUN = 3
_AFFILIATION = re.compile(r"大学|学院|研究所|研究院|研究中心|科学院|实验室|University|Institute|College|Academy|"
                          r"Laboratory|School of|\d{6}|^[（(]")
_HEADING = re.compile(r"^#{1,6}\s*")


@dataclass
class PaperParts:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    body: str = ""
    references: str = ""
    header: str = ""  # what came before the abstract: the place a journal writes its date


def looks_like_paper(body: str) -> bool:
    """An abstract or keywords marker near the top: a paper (or a report written like one)."""
    head = body[:_HEAD_CHARS]
    if "摘" not in head and "键词" not in head and "键 词" not in head and "bstract" not in head \
            and "BSTRACT" not in head:
        return False  # the common case, decided by substring tests alone
    return bool(re.search(r"摘\s*要\s*[:：\]】]|[\[【]\s*摘\s*要|关\s*键\s*词\s*[:：\]】]|[\[【]\s*关\s*键\s*词", head)
                or _ABSTRACT_AT_LINE.search(head))


def split_paper(title: str, body: str) -> PaperParts:
    """The parts of a paper whose title has been taken off; `body` is Markdown."""
    parts = PaperParts(title=title)
    after = _first_marker_end(body)
    refs = _REFERENCES.search(body, after)
    start = refs.start() if refs else _citation_run(body, after)
    if start is not None:
        parts.references = body[start:].strip()
        body = body[:start]
    abstract = _ABSTRACT.search(body[:_HEAD_CHARS])
    keywords = _KEYWORDS.search(body[:_HEAD_CHARS], abstract.end() if abstract else 0)
    if abstract and keywords and keywords.start() < abstract.start():
        keywords = None
    first = abstract or keywords
    if first is None:
        parts.body = body
        return parts
    parts.header = body[: first.start()]
    _authors_and_affiliations(parts, parts.header)
    if abstract:
        end = keywords.start() if keywords else _paragraph_end(body, abstract.end())
        parts.abstract = _one_paragraph(body[abstract.end() : end])
    rest_from = abstract.end() + len(parts.abstract) if abstract and not keywords else 0
    if keywords:
        line_end = body.find("\n", keywords.end())
        line_end = len(body) if line_end < 0 else line_end
        parts.keywords = _keyword_list(body[keywords.end() : line_end])
        rest_from = line_end
    else:
        rest_from = _paragraph_end(body, abstract.end()) if abstract else rest_from
    parts.body = body[rest_from:].strip()
    return parts


def _first_marker_end(body: str) -> int:
    """References are looked for after the abstract and keywords (a heading list may come first)."""
    m = _KEYWORDS.search(body[:_HEAD_CHARS]) or _ABSTRACT.search(body[:_HEAD_CHARS])
    return m.end() if m else 0


def _citation_run(body: str, after: int) -> int | None:
    """Where the first run of _CITATION_RUN citing lines (blank lines aside) starts, or None."""
    run_start, run = None, 0
    pos = after
    for line in body[after:].split("\n"):
        if line.strip():
            if _CITATION_LINE.match(line):
                run_start = pos if run == 0 else run_start
                run += 1
                if run >= _CITATION_RUN:
                    return run_start
            else:
                run = 0
        pos += len(line) + 1
    return None


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


def _one_paragraph(text: str) -> str:
    return " ".join(text.split()) if re.search(r"[A-Za-z]{3} [A-Za-z]", text) else "".join(
        line.strip() for line in text.split("\n"))


def _keyword_list(text: str) -> list[str]:
    text = _AFTER_KEYWORDS.sub("", text).strip(" ：:;；。.")
    sep = r"[；;，,、]" if re.search(r"[；;，,、]", text) else r"\s+"
    return [k.strip(" .。") for k in re.split(sep, text) if k.strip(" .。")][:20]


def _authors_and_affiliations(parts: PaperParts, header: str) -> None:
    for line in header.split("\n"):
        line = _HEADING.sub("", line).strip()
        if not line:
            continue
        (parts.affiliations if _AFFILIATION.search(line) and not _names_only(line) else parts.authors).append(line)


def _names_only(line: str) -> bool:
    return False if re.search(r"\d{6}|[（(]", line) else len(line) <= 12


def split_author_block(body: str) -> tuple[str, str]:
    """(the author block, the rest) of a text that opens with short lines naming its authors and
    ending in an affiliation with a postcode (刘宗尧 / 中共徐州市委宣传部 徐州 221000), as
    articles written like papers but without an abstract do; ("", body) when it does not."""
    lines = body.split("\n")
    block_end = None
    for i, line in enumerate(lines[:8]):
        text = _HEADING.sub("", line).strip()
        if len(text) > 40:
            break
        if re.search(r"\d{6}", text) and _AFFILIATION.search(text):
            block_end = i + 1
    if block_end is None:
        return "", body
    block = "; ".join(t for t in (_HEADING.sub("", x).strip() for x in lines[:block_end]) if t)
    return block, "\n".join(lines[block_end:]).strip()


def paper_article(parts: PaperParts, label: str = "Abstract") -> ParsedArticle:
    """The article a paper makes: its body starts with the abstract (what lists and excerpts show)."""
    body = "\n\n".join(p for p in (parts.abstract, _text(parts.body)) if p)
    summary = Summary(core_viewpoint=parts.abstract, label=label, keywords=list(parts.keywords)) \
        if parts.abstract or parts.keywords else None
    return ParsedArticle(
        title=parts.title, body=body, summary=summary, keywords=list(parts.keywords),
        authors="; ".join(parts.authors + parts.affiliations), references=_text(parts.references),
    )


def _text(md: str) -> str:
    from .plain import markdown_to_text

    return markdown_to_text(md)
