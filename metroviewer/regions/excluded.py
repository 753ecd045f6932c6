"""The parts of a paper that name places without being about them: author lines and
affiliations, fund and date lines, the reference list. The tagger gives no tag from them."""

from __future__ import annotations

import re

# Parts of a paper that name places without being about them (folded text: ASCII punctuation).
_REFERENCES = re.compile(
    r"(?m)^[ \t#*>]*(?:[0-9]+[.、]?\s*|[一二三四五六七八九十]+[、.]\s*)?"
    r"(?:参考文献|参考资料|引用文献|主要参考文献|references|bibliography|works cited|literature cited)"
    r"[ \t*]*:?[ \t]*(?:$|\[1\]|1\.)")
_INSTITUTION = r"(?:大学|学院|研究院|研究所|研究中心|科学院|社会科学院|党校|university|institute|college|academy|school of)"
_POSTCODE = r"(?<![0-9.])[0-9]{6}(?![0-9.万亿元年%])"
_AFFILIATION = re.compile(
    rf"\([^()\n]{{0,160}}?{_INSTITUTION}[^()\n]{{0,160}}?{_POSTCODE}[^()\n]{{0,60}}\)"
    rf"|^[^\n]{{0,200}}?{_INSTITUTION}[^\n]{{0,200}}?{_POSTCODE}[^\n]*$", re.MULTILINE)
_META_LINE = re.compile(
    r"(?m)^[ \t*]*(?:作者单位|作者简介|作者|通讯作者|通信作者|基金项目|资助项目|收稿日期|修回日期|中图分类号|"
    r"文献标识码|文章编号|author affiliations?|affiliations?|authors?|corresponding author|about the authors?|"
    r"funding|received)[ \t]*[:][^\n]*$")
_REFERENCE_ENTRY = re.compile(
    r"(?m)^[ \t]*\[[0-9]{1,3}\][^\n]*(?:\[(?:j|m|c|d|n|r|z|s|p|a|eb/ol|j/ol|m/ol)\]|et al\.|doi:|"
    r"出版社|学报|(?:19|20)[0-9]{2}[,.:;]\s*[0-9]+)[^\n]*$")
# Words whose presence means a text may hold the parts above (found by the same scan as the names).
TRIGGERS = ("参考文献", "参考资料", "引用文献", "references", "bibliography", "works cited", "literature cited",
            "[1]", "作者", "基金", "资助", "收稿", "修回", "分类号", "标识码", "文章编号", "affiliation", "author",
            "funding", "received", "大学", "学院", "研究院", "研究所", "研究中心", "科学院", "党校", "university",
            "institute", "college", "academy", "school of")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` (folded) that name places without being about them: affiliations
    (`(某大学某学院, 某市 邮编)`), author and fund lines, and the reference list."""
    spans = [(m.start(), m.end()) for m in _AFFILIATION.finditer(text)]
    spans += [(m.start(), m.end()) for m in _META_LINE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _REFERENCE_ENTRY.finditer(text)]
    references = _REFERENCES.search(text)
    if references:
        spans.append((references.start(), len(text)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
