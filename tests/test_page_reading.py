"""Front matter, news-page cleaning and paper dates: each rule on the shapes real pages have."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metroviewer.core.dates import header_year_month, identifier_date, labelled_date
from metroviewer.ingest.cleaning import clean_news_text
from metroviewer.ingest.errors import UnreadableFile
from metroviewer.ingest.frontmatter import MAX_FRONT_MATTER, article_fields, split_front_matter
from metroviewer.ingest.not_articles import default_ignore_patterns, matching_pattern
from metroviewer.ingest.run import ImportRun


@pytest.mark.parametrize("lead", ["", "\n", "\n\n  \n", "\ufeff", "\ufeff\n\n", "  \t\n"])
def test_front_matter_after_a_bom_blank_lines_or_whitespace(lead):
    meta, body = split_front_matter(lead + "---\ntitle: 标题\nauthor: 新华日报\n---\n\n正文第一段。")
    assert meta == {"title": "标题", "author": "新华日报"} and body == "正文第一段。"


def test_toml_front_matter_and_its_keys():
    meta, body = split_front_matter('+++\ntitle = "成都都市圈"\ndate = 2024-05-28T01:30:00Z\n'
                                    'publisher = "四川日报"\ntags = ["交通"]\nlink = "https://example.cn/a"\n+++\n正文')
    fields = article_fields(meta)
    assert (fields.title, fields.source, fields.published, fields.topic, fields.url) == (
        "成都都市圈", "四川日报", "2024-05-28T09:30:00", "交通", "https://example.cn/a")
    assert body == "正文"


def test_rfc_2822_gmt_dates_become_beijing_time():
    meta, _ = split_front_matter('---\ndate: "Tue, 14 May 2024 23:30:00 GMT"\n---\nx')
    assert article_fields(meta).published == "2024-05-15T07:30:00"


def test_a_markdown_rule_at_the_top_is_not_front_matter():
    text = "---\n\n一段正文，不是键值。\n\n---\n\n下一段。"
    assert split_front_matter(text) == ({}, text)


def test_yaml_aliases_are_refused():
    laughs = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8)) + "title: x\n---\nbody"
    with pytest.raises(UnreadableFile, match="anchors or aliases"):  # "billion laughs": refused, never expanded
        split_front_matter(laughs)


def test_an_oversized_front_matter_fails_the_file_with_a_reason(tmp_path, store):
    big = tmp_path / "big.md"
    big.write_text("---\ntitle: x\n" + "k: v\n" * (MAX_FRONT_MATTER // 4) + "---\n正文", encoding="utf-8")
    alias = tmp_path / "alias.md"
    alias.write_text("---\ntitle: &t 标题\nx: *t\n---\n正文", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("\n---\ntitle: 好文章\n---\n成都都市圈建设提速。", encoding="utf-8")
    report = ImportRun(store).run([tmp_path])
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in report.failed}
    assert reasons == {"big.md": "the front matter is larger than 64 KB",
                       "alias.md": "the front matter uses YAML anchors or aliases, which MetroViewer refuses "
                                   "(they can expand without limit)"}
    assert report.added == 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), st.sampled_from(["---", "+++", "title: x", "a = 1", "&a", "*a",
                                                                  "- [", "{", "..."])), max_size=12).map("\n".join))
def test_front_matter_never_raises_anything_but_a_reason(text):
    try:
        meta, body = split_front_matter(text)
    except UnreadableFile as e:
        assert e.reason
        return
    assert isinstance(meta, dict) and body in text


# -- news pages: each cleaning rule, on lines as pages write them --------------------------

KEEP = "记者从成都市交通运输局获悉，成都都市圈市域铁路建设进入快车道。"


@pytest.mark.parametrize("line", [
    "广州夜景 图源：图虫创意", "图源：视觉中国", "（图片来源：东方IC）", "新华社记者 王鹏 摄", "▲西咸新区沣东新城 资料图",
    "光谷科创大走廊核心区 鄂州市委宣传部供图", "重庆来福士 摄影：张三",
    "记者|王晓燕 张磊", "记者｜宋敏", "本报记者 张三 李四", "记者 陈洁 通讯员 孙伟", "文/记者 王晓",
    "（责任编辑：刘洋）", "编辑 | 黄敏", "责编：陈丽", "编辑：陈敏 校对：王红",
    "扫码关注“川观新闻”客户端，获取更多资讯", "长按识别二维码，关注成都发布", "分享到：微信 微博 QQ空间", "点击关注 重庆日报",
    "声明：本文版权归新华日报所有，未经授权禁止转载。", "2023年6月8日 08:15",
])
def test_a_non_article_line_is_dropped_and_the_paragraphs_stay(line):
    text, _ = clean_news_text(f"{KEEP}\n{line}\n两地实现乘车二维码互通互认。")
    assert text == f"{KEEP}\n两地实现乘车二维码互通互认。"


@pytest.mark.parametrize(("line", "source"), [
    ("来源：南方日报", "南方日报"), ("（来源：湖南日报）", "湖南日报"), ("本文来源：湖北日报 作者：李伟", "湖北日报"),
    ("来源丨21世纪经济报道", "21世纪经济报道"), ("2022-03-01 10:20　来源：陕西日报", "陕西日报"),
    ("来源：南方日报（ID：nfrb）", "南方日报"),
])
def test_a_source_line_is_dropped_and_names_the_source(line, source):
    assert clean_news_text(f"{line}\n{KEEP}") == (KEEP, source)


# -- papers' dates ---------------------------------------------------------------------------

def test_paper_dates_from_labelled_lines_the_header_and_identifiers():
    assert labelled_date("Key words: x 收稿日期：2018-03-21 修回日期：2018-04-23 本文责任编辑") == "2018-04-23T00:00:00"
    assert labelled_date("收稿日期：2022年3月21日") == "2022-03-21T00:00:00"
    assert labelled_date("Received 3 May 2020; Accepted: June 5, 2020") == "2020-06-05T00:00:00"
    assert labelled_date("[1] 李万．集聚培育战略科技人才势在必行[N]．学习时报，2018-07-25(6).") is None
    assert header_year_month("城市规划学刊 2023年5月 第3期") == "2023-05-01T00:00:00"
    assert header_year_month("Mayor 2019") is None
    assert identifier_date("ChinaXiv-202102.00041V1.md") == "2021-02-01T00:00:00"
    assert identifier_date("2103.04567v2.md") == "2021-03-01T00:00:00"
    assert identifier_date("成都都市圈2025.md") is None


def test_the_skip_list_is_data_matched_case_insensitively():
    patterns = default_ignore_patterns()
    for name in ("README.md", "readme.TXT", "License", "LICENSE.txt", "CHANGELOG.md", "Contributing.rst",
                 ".DS_Store", "Thumbs.db", "desktop.ini"):
        assert matching_pattern(name, patterns), name
    for name in ("成都都市圈.md", "readmeeting-notes.md", "licensed-products.md"):
        assert matching_pattern(name, patterns) is None, name
    patterns.append("draft*")  # a copy: editing it leaves the default alone
    assert "draft*" not in default_ignore_patterns()
