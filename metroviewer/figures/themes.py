"""The themes an article is about, from the words it uses (Chinese and English).

A theme counts when its words occur at least twice, or once in the title: one passing
mention of 地铁 does not make an article about transport.
"""

from __future__ import annotations

import ahocorasick_rs

THEMES: dict[str, tuple[str, ...]] = {
    "transport": ("轨道交通", "地铁", "高铁", "城际", "铁路", "市域铁路", "公路", "高速", "机场", "港口", "航运",
                  "通勤", "交通", "公交", "railway", "rail", "metro", "subway", "highway", "airport", "port",
                  "commute", "commuting", "transport", "transit"),
    "industry": ("产业", "制造", "制造业", "产业链", "园区", "工业", "企业", "产能", "供应链", "集群", "industry",
                 "industrial", "manufacturing", "supply chain", "factory", "cluster"),
    "public services": ("公共服务", "医疗", "教育", "医保", "社保", "养老", "就业", "住房", "学校", "医院",
                        "public services", "healthcare", "hospital", "education", "school", "pension", "housing"),
    "innovation": ("科创", "创新", "研发", "科技", "人才", "高校", "实验室", "数字经济", "人工智能",
                   "innovation", "research", "r&d", "technology", "talent", "laboratory", "digital"),
    "ecology": ("生态", "环保", "绿色", "低碳", "碳", "污染", "水环境", "长江保护", "湿地", "新能源",
                "ecology", "ecological", "environment", "green", "low-carbon", "carbon", "pollution", "emission"),
    "planning and policy": ("规划", "政策", "一体化", "同城化", "协同", "批复", "方案", "改革", "体制机制",
                            "planning", "policy", "integration", "plan", "reform", "coordination"),
    "trade and finance": ("投资", "金融", "贸易", "进出口", "开放", "消费", "资本", "融资", "外资",
                          "investment", "finance", "financial", "trade", "export", "consumption", "capital"),
}

_WORDS = [w for words in THEMES.values() for w in words]
_THEME_OF = [theme for theme, words in THEMES.items() for _ in words]
_ASCII = [w.isascii() for w in _WORDS]
# One scan for every word; the longest match wins, so 轨道交通 is read before 交通.
_AUTOMATON = ahocorasick_rs.AhoCorasick(_WORDS, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()


def _themes_in(text: str) -> list[str]:
    found = []
    for index, start, end in _AUTOMATON.find_matches_as_indexes(text):
        # English words count whole only: "port" is not in "support".
        if _ASCII[index] and (_word_char(text, start - 1) or _word_char(text, end)):
            continue
        found.append(_THEME_OF[index])
    return found


def article_themes(folded_title: str, folded_body: str) -> dict[str, int]:
    """Theme → words found, for the themes the article is about (texts folded: lower case)."""
    hits: dict[str, int] = {}
    for theme in _themes_in(folded_body):
        hits[theme] = hits.get(theme, 0) + 1
    for theme in dict.fromkeys(_themes_in(folded_title)):  # each once, in a fixed order (not a set's)
        hits[theme] = hits.get(theme, 0) + 2
    return {theme: n for theme, n in hits.items() if n >= 2}
