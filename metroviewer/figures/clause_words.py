"""The words and shapes that say whose a figure is (figures/attribution.py reads them):
list joints, year and milestone phrases, objects, comparisons and words that refer back."""

from __future__ import annotations

import re

# A semicolon joins clauses of one sentence (其中，第一产业…；第二产业…): it does not end it.
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s|$)")
_UP_TO_CLAUSE_BREAK = re.compile(r".*[,，:：;；(（)）]", re.S)
_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\s*年(?!代)"
    r"|\b(?:in|by|since|until|from|for|of|during|end of|year|through|to)\s+((?:19|20)\d{2})\b(?![.,]\d)"
    r"|(?<![\d.])((?:19|20)\d{2})(?=(?:'s)?\s+(?:gdp|population|figures?)\b)")
_MILESTONE_AFTER = re.compile(
    r"[^,，;；。]{0,12}?(?:投产|建成|开工|竣工|通车|开通|完工|运营|投用|开业|落地|落户|签约|获批|批复|印发|发布|实施|"
    r"启动|贯通|试运行)")
_MILESTONE_BEFORE = re.compile(r"\b(?:opened|completed|launched|built|approved|started|finished|commissioned)"
                               r"(?:\s+[a-z]+){0,2}\s*$")
# Separators of a list's items, as a whole gap between two items.
_LIST_GAP = re.compile(r"\s*(?:、|,\s*and\s+|,\s*|\s+and\s+|和|与|及|以及|/|&)\s*")
_YEAR_GAP = re.compile(r"\s*(?:、|,\s*and\s+|,\s*|\s+and\s+|和|与|及|以及)\s*")
_NAME_SUFFIX_GAP = re.compile(r"(?:市|都市圈|城市群|地区|省|区|县|州)?\s*(?:、|和|与|及|以及|/|&)\s*")
_CJK_NAME_GAP = re.compile(r"[\u4e00-\u9fff]{1,6}\s*(?:、|和|与|及|以及|/)\s*")
_EN_NAME_GAP = re.compile(r"([a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,4})\s*(?:,\s*and\s+|\s+and\s+|,\s*|&\s*|/\s*)")
_EN_NOT_NAME = frozenset(("gdp", "grew", "rose", "reached", "had", "has", "have", "was", "were", "is", "are",
                          "with", "of", "in", "at", "for", "by", "recorded", "posted", "its", "their", "population",
                          "output", "while", "whereas", "respectively", "total", "combined"))
_UNTAGGED_ITEM = re.compile(r"([\u4e00-\u9fff]{2,4})(?:、|和|与|及)$")
# An English list's next item the tagger does not know: Shenzhen and [Zhuhai] metropolitan areas.
_EN_UNTAGGED_AFTER = re.compile(r"[a-z][a-z'\-]*(?:\s+metropolitan areas?)?(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)"
                                r"([a-z][a-z'\-]+)")
_ITEM_LEAD = ("", "其中", "包括", "以及", "即", "而", "如")
_GOVERNOR_BEFORE = re.compile(
    r"(?:占|比|较|相当于|超过|超越|高于|低于|仅次于|落后于|赶超|对|向|往|到|至|从|由|than|compared (?:with|to)|"
    r"behind|to|like|such as|including)\s*(?:全|the\s+)?$")
_COPULA_BEFORE = re.compile(r"(?:是|为|as)\s*$")
_COMPARE_BEFORE = re.compile(r"(?:与|和|同|跟)\s*$")
_CONTAINER_AFTER = re.compile(r"(?:市|都市圈|城市群)?(?:中的|内的|之中|中|内|里|范围内|以外)")
_COMPARE_AFTER = re.compile(r"[^,，;；。]{0,8}?(?:相比|相较|比较)")
_ATTRIBUTIVE_GAP = re.compile(r"\s*的\s*")
_EN_AFTER_GAP = re.compile(r"\s*(?:yuan\s+|people\s+)?(?:in|for|at)\s+(?:the\s+)?")
_ANAPHOR = re.compile(r"其中|其|全年|该市|该区|该县|该都市圈|该城市群|全市|全区|全县|全圈|都市圈|本市|\bthe city\b|"
                      r"\bthe metropolitan area\b|\bthe area\b|\bthe region\b|\bits\b")
_AREA_ANAPHORS = frozenset(("该都市圈", "都市圈", "全圈", "the metropolitan area"))
_AREA_WORD = re.compile(r"都市圈|\bthe metropolitan area\b")
_AREAS_OF_PROVINCE = re.compile(r"省?[两二三四五六七八九十]+大?(?:都市圈|城市群)")
_BASELINE_BEFORE = re.compile(r"(?:较|比|是|为|与|同|相比)\s*$")  # 较2020年增加, 是2010年的4.5倍
_YEAR_REACH = 3  # sentences a year carries over: a summary's "began in 2019" does not date its last line
_TARGET_BEFORE = re.compile(r"(?:到|(?<!截)至|\bby|\buntil|\bthrough|\bto)\s*$")  # a plan's target year
_REPORT = re.compile(r"全年|年末|年底|全市|全区|全省")
_RESPECTIVELY = re.compile(r"respectively|分别|依次")
