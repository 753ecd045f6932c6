"""Cleaning a news page's text: the lines around an article that are not the article.

Saved pages carry, between and after the paragraphs, lines that a reader skips and that
must not be searched, tagged or quoted. Each kind has one rule below; every rule looks at a
whole line, only at short lines (a real paragraph is long and ends in 。), and only at the
marker words of its kind, so that a sentence such as 记者从成都市交通运输局获悉… stays.

- caption / credit: a short line naming a picture's source or photographer (图源：…,
  图片来源, 供图, 摄影：…, 新华社记者 张三 摄, 视觉中国, 图虫创意) or starting with a caption
  mark (▲ △ ↑); also the short line right under an image (IMAGE_MARK, put there by the
  Markdown reader) when it has no sentence punctuation;
- byline: a short line naming reporters or authors (记者|王晓, 本报记者 张三 李四, 文/记者 …,
  通讯员 …, 作者：…, 撰文 …);
- editor: 责任编辑, 编辑, 责编, 校对, 审核, 监制, 主编, 美编 … lines;
- source: a `来源：…` line (also 本文来源, 文章来源, 来源丨…, and after a date: `2022-03-01
  10:20 来源：陕西日报`); dropped, and its name is given back to be used as the article's
  source when nothing better says it;
- dateline: a short line that is only a date and time (2023年6月8日 08:15, 发布时间：…): the
  reader already read the date from it;
- share / QR / ad box: 扫码…, 长按识别二维码, 分享到…, 点击关注, 阅读原文, 下载客户端,
  广告, 推广 lines;
- notice: 声明：…, 版权声明, 免责声明, 未经授权禁止转载 (up to NOTICE_MAX characters).
"""

from __future__ import annotations

import re

SHORT_LINE = 60  # a caption, byline or box line is shorter; a paragraph is longer or ends in 。
NOTICE_MAX = 200
IMAGE_MARK = "\x00image\x00"

_OPEN = r"^[\s□■◆●（(【\[「]*"
_CLOSE = r"[)）】\]」]?\s*$"
_CAPTION = re.compile(
    r"图源|图片来源|图片由|图片\s*[:：]|供图|图据|图\s*[/|丨｜]|摄影\s*[:：|丨｜/]|摄\s*[:：]|\s摄\s*[)）]?$|"
    r"资料图|视觉中国|图虫创意|东方IC|IC\s*photo|(?:^|\s)Photo\s*[:：]|^\s*[▲△↑]")
_BYLINE = re.compile(
    _OPEN + r"(?:文\s*[/|丨｜]\s*|撰文\s*[:：|丨｜/ ]\s*)?[\u4e00-\u9fff]{0,8}?"
    r"(?:见习记者|特约记者|记者|通讯员|实习生|作者|撰文|文字)\s*[:：|丨｜/ 　]")
_EDITOR = re.compile(
    _OPEN + r"(?:责任编辑|值班编辑|编辑|责编|校对|审核|审校|编审|监制|主编|美编|制图|统筹)\s*[:：|丨｜/ 　]")
_SOURCE = re.compile(_OPEN + r"(?:本文|文章|信息|新闻)?来源(?:于)?\s*[:：|丨｜]\s*(.{1,50}?)" + _CLOSE)
_BOX = re.compile(
    r"扫码|扫描.{0,6}二维码|长按.{0,8}(?:识别|二维码)|二维码|分享到|分享至|点击.{0,4}关注|关注我们|"
    r"阅读原文|下载.{0,6}客户端|打开.{0,4}APP|^\s*[（(【\[]?\s*(?:广告|推广|赞助)\s*[)）】\]]?\s*$", re.IGNORECASE)
_NOTICE = re.compile(r"^\s*[（(【\[]?\s*(?:声明|版权声明|免责声明|特别声明)\s*[:：]|未经.{0,6}授权.{0,6}(?:禁止|不得)转载")
_DATELINE = re.compile(r"^[\s(（]*(?:发布时间|发布日期|时间|日期)?\s*[:：]?\s*\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*"
                       r"\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?[\s)）]*")
_CAPTION_WORDS = ("图源", "图片", "供图", "图据", "资料图", "图/", "图|", "图丨", "图｜", "图：", "图:", "摄", "视觉中国",
                  "图虫", "东方IC", "hoto", "▲", "△", "↑")
_BOX_WORDS = ("扫", "二维码", "分享", "关注", "阅读原文", "客户端", "APP", "app", "广告", "推广", "赞助")
_CAPTION_GATE = re.compile("|".join(map(re.escape, _CAPTION_WORDS)))
_BOX_GATE = re.compile("|".join(map(re.escape, _BOX_WORDS)))
_SENTENCE_END = re.compile(r"[。！？!?]\s*$|[，。；]")
# Quick test: a line with none of the first characters of the marker words needs no rule
# (a character class is one fast scan; the rules' alternations are not).
_ANY_MARK = re.compile(r"[图摄视东Pp▲△↑记通实作撰文编校审监制统来扫二分关阅客Aa广推赞声转]")
_SOURCE_TAIL = re.compile(r"\s+(?:作者|编辑|记者|责编|责任编辑|原标题)\s*[:：].*$|[（(]\s*ID\s*[:：].*$")


def clean_news_text(text: str) -> tuple[str, str]:
    """(the text without captions, credits, bylines, editor, source, share/QR/ad and notice
    lines; the source named by the first `来源：` line, or "")."""
    out: list[str] = []
    source = ""
    after_image = False
    for line in text.split("\n"):
        if line == IMAGE_MARK:
            after_image = True
            continue
        stripped = line.strip()
        if not stripped:
            out.append(line)
            continue
        if after_image:
            after_image = False
            if len(stripped) <= SHORT_LINE // 2 and not _SENTENCE_END.search(stripped):
                continue  # the caption under a picture
        dateline = _DATELINE.match(stripped) if len(stripped) <= SHORT_LINE and stripped[:1].isdigit() or \
            stripped.startswith(("发布", "时间", "日期")) else None
        if dateline:
            stripped = stripped[dateline.end():].strip()
            if not stripped:
                continue
        if not _ANY_MARK.search(stripped):
            out.append(line)
            continue
        kind, value = _kind(stripped)
        if kind is None:
            out.append(line)
            continue
        if kind == "source" and not source:
            source = value
    cleaned = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip(), source


def source_line(text: str) -> str:
    """The source named by the first `来源：` line among `text`'s short lines, or ""."""
    for line in text.split("\n"):
        line = line.strip()
        if "来源" in line and len(line) <= SHORT_LINE:
            dateline = _DATELINE.match(line)
            kind, value = _kind(line[dateline.end():].strip() if dateline else line)
            if kind == "source" and value:
                return value
    return ""


def _kind(line: str) -> tuple[str | None, str]:
    if len(line) <= NOTICE_MAX and ("声明" in line or "转载" in line) and _NOTICE.search(line):
        return "notice", ""
    if len(line) > SHORT_LINE:
        return None, ""
    m = _SOURCE.match(line) if "来源" in line else None
    if m:
        return "source", _SOURCE_TAIL.sub("", m.group(1)).strip(" ：:|丨｜·-—")
    if _EDITOR.match(line) and "。" not in line:
        return "editor", ""
    if _BYLINE.match(line) and not re.search(r"[，。？！]", line):
        return "byline", ""
    # Substring gates first: the alternations below cost more than the rules' words do.
    if _CAPTION_GATE.search(line) and _CAPTION.search(line):
        return "caption", ""
    if _BOX_GATE.search(line) and _BOX.search(line) and not line.endswith("。"):
        return "box", ""
    return None, ""
