"""A briefing's words in its language (en, zh_CN), with dates written the way each reads them.

The briefing content has no Qt, so it cannot use the interface's Qt translators: its few
labels live here, one table per language.
"""

from __future__ import annotations

import locale
import os

LANGUAGES = ("en", "zh_CN")

_ZH: dict[str, str] = {
    # the reader's page (article_html.py)
    "Core viewpoint": "核心观点",
    "{0} ({1} sources)": "{0}（{1} 个来源）",
    "Abstract": "摘要",
    "Keywords:": "关键词：",
    "Original address:": "原文地址：",
    "Original file:": "原始文件：",
    "References and back matter": "参考文献及附录",
    "({0} lines)": "（{0} 行）",
    "Also carried by {0} other source(s):": "另有 {0} 个来源刊载：",
    "Also carried by: {0}": "另见：{0}",
    "{0} paragraph(s) added": "多 {0} 段",
    "{0} paragraph(s) fewer": "少 {0} 段",
    "Briefing": "简报",
    "Briefing: {0}": "{0}简报",
    "briefing": "简报",  # in a file name
    "Regions: {0}": "地区：{0}",
    "Search: {0}": "检索：{0}",
    "{0} selected articles": "精选文章{0}篇",
    "Imported since {0}": "{0}以来导入",
    "All articles": "全部文章",
    "Search results": "检索结果",
    "Articles": "文章",
    "Date range": "时间范围",
    "Sources": "来源",
    "Compiled": "编制时间",
    "Scope": "范围",
    "Executive summary": "内容提要",
    "What is new since the previous briefing ({0})": "自上次简报（{0}）以来的新情况",
    "{0} new articles; newest: {1}": "新增文章{0}篇，最新：{1}",
    "No new articles.": "没有新文章。",
    "Key figures": "关键数据",
    "Region": "地区",
    "Measure": "指标",
    "Latest": "最新值",
    "Year": "年份",
    "Source": "来源",
    "Top stories": "要闻",
    "{0} sources": "{0}个来源",
    "Milestones": "重要节点",
    "Date": "时间",
    "Event": "事项",
    "Overview in charts": "图表概览",
    "Articles per month": "每月文章数",
    "Top sources": "主要来源",
    "Regions mentioned": "同时提及的地区",
    "Theme mix": "主题分布",
    "Contents": "目录",
    "Appendix: sources": "附录：来源",
    "Covers: {0}": "涉及：{0}",
    "Figures: {0}": "数据：{0}",
    "Note: {0}": "批注：{0}",
    "Highlight: “{0}”": "摘录：“{0}”",
    "Page {0} of {1}": "第{0}页，共{1}页",
    "(no date)": "（日期不详）",
    "Only the first articles of each section are included; narrow the dates or the search for a "
    "complete briefing.": "每节只收录了最前面的文章；缩小时间范围或检索条件可得到完整简报。",
    "Articles by theme": "按主题分列",
    "Other articles": "其他文章",
    # themes (figures/themes.py)
    "transport": "交通",
    "industry": "产业",
    "public services": "公共服务",
    "innovation": "科技创新",
    "ecology": "生态环保",
    "planning and policy": "规划政策",
    "trade and finance": "投资贸易",
    "housing and land": "住房土地",
    "culture and tourism": "文化旅游",
    # measures (figures/measures.py)
    "GDP": "GDP",
    "population": "人口",
    "registered population": "户籍人口",
    "area": "面积",
    "per-capita GDP": "人均GDP",
    "per-capita income": "人均收入",
    "passenger trips": "客流",
    "investment": "投资",
    "fixed-asset investment": "固定资产投资",
    "retail sales": "社会消费品零售总额",
    "foreign trade": "进出口",
    "fiscal revenue": "财政收入",
    "R&D spending": "研发投入",
    "urbanisation rate": "城镇化率",
    "commute": "通勤",
    "growth": "增长",
    "share": "占比",
    "capacity": "产能",
}

# Milestone verbs as the articles write them (Chinese), in English.
_VERBS_EN = {
    "建成": "completed", "竣工": "completed", "完工": "completed", "开工": "construction started",
    "动工": "construction started", "投产": "production started", "通车": "opened to traffic", "开通": "opened",
    "运营": "in operation", "批复": "approved", "获批": "approved", "印发": "issued", "发布": "issued",
    "出台": "issued", "签约": "signed", "签署": "signed", "落户": "settled", "启动": "launched",
    "实施": "in force", "挂牌": "inaugurated", "完成": "completed", "投用": "in use", "启用": "in use",
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def system_language() -> str:
    """zh_CN when the system's locale is Chinese, else en (the command line's default)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh_CN" if code.lower().startswith("zh") else "en"


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown briefing language {language!r}; use one of {', '.join(LANGUAGES)}")
    return language


class Labels:
    """`t("Key figures")` in the briefing's language; unknown words are left as they are."""

    def __init__(self, language: str = "en"):
        self.language = check_language(language)
        self.zh = language == "zh_CN"

    def __call__(self, text: str, *args: object) -> str:
        template = _ZH.get(text, text) if self.zh else text
        return template.format(*args) if args else template

    def join(self, items: list[str]) -> str:
        return ("、" if self.zh else ", ").join(items)

    def verb(self, verb: str) -> str:
        """A milestone's verb (written in Chinese) in the briefing's language."""
        return verb if self.zh else _VERBS_EN.get(verb, verb)

    def date(self, iso: str | None) -> str:
        """2025-12-22 as 2025年12月22日 or 22 Dec 2025; a year or year-month as far as it goes."""
        if not iso:
            return self("(no date)")
        parts = iso[:10].split("-")
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            return iso[:10]
        if self.zh:
            return "".join(f"{n}{unit}" for n, unit in zip(numbers, "年月日", strict=False))
        if len(numbers) == 1:
            return str(numbers[0])
        month = _MONTHS_EN[numbers[1] - 1] if 1 <= numbers[1] <= 12 else str(numbers[1])
        return f"{numbers[2]} {month} {numbers[0]}" if len(numbers) == 3 else f"{month} {numbers[0]}"

    def month(self, month: str) -> str:
        """A chart's month tick, 2025-09: 2025年9月 or Sep 2025."""
        return self.date(month[:7])

    def date_time(self, iso: str | None) -> str:
        if not iso:
            return self("(no date)")
        time = iso[11:16] if len(iso) >= 16 else ""
        return f"{self.date(iso)} {time}".strip()
