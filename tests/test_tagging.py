"""Region tagging: the samples, and each pitfall of domain.md written as a real sentence."""

from __future__ import annotations

import pytest

from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.regions.tagger import RegionTagger

from .conftest import T1, T2, by_title


@pytest.fixture(scope="module")
def tagger():
    return RegionTagger(default_gazetteer())


def tags(tagger, text):
    return {m.region_id for m in tagger.tag(text)}


def test_sample_articles_are_tagged_as_product_md_says(sample_store):
    articles = by_title(sample_store)
    assert {"成都都市圈", "成都", "德阳", "眉山", "资阳", "长三角", "成渝"} <= set(articles[T1].regions)
    assert {"南京都市圈", "福州都市圈", "成都都市圈", "合肥都市圈", "武汉", "镇江", "扬州", "滁州", "马鞍山"} <= set(
        articles[T2].regions)
    assert not {"南京", "南京都市圈"} & set(articles[T1].regions)


@pytest.mark.parametrize(("title", "agglomeration"), [
    ("粤港澳大湾区城市群建设的历史逻辑、理论逻辑和实践逻辑", "粤港澳大湾区"),
    ("天山北坡城市群可持续发展战略思路与空间布局", "天山北坡"),
    ("世界级科技创新城市群：长三角一体化与上海科创中心的共同抉择", "长三角"),
])
def test_each_paper_is_tagged_with_the_agglomeration_in_its_title(sample_store, title, agglomeration):
    assert agglomeration in by_title(sample_store)[title].regions


def test_mentions_are_counted_with_their_first_position(tagger):
    text = "德阳是重装之都。德阳、眉山两地签约。"
    found = {m.region_id: m for m in tagger.tag(text)}
    assert found["德阳"].mentions == 3 and found["德阳"].first_pos == 0
    assert found["眉山"].mentions == 1 and found["眉山"].first_pos == text.index("眉山")


def test_english_names_and_spellings(tagger):
    text = ("Commutes link Chengdu with Ma'anshan and Maanshan, Xi'an and Xian, while the Yangtze River Delta "
            "and the Chengdu-Chongqing economic circle grow.")
    assert {"成都", "马鞍山", "西安", "长三角", "成渝"} <= tags(tagger, text)
    assert "Xi’an" and "西安" in tags(tagger, "Investment in Xi’an rose.")


def test_combinations_name_each_member(tagger):
    assert {"成都", "德阳", "眉山", "资阳"} <= tags(tagger, "成德眉资同城化发展进入快车道。")
    assert {"南京", "镇江", "扬州"} <= tags(tagger, "宁镇扬一体化提速。")
    assert {"深圳", "东莞", "惠州"} <= tags(tagger, "深莞惠三地共建产业走廊。")
    assert {"长株潭都市圈"} <= tags(tagger, "长株潭都市圈获批。")


def test_nicknames(tagger):
    assert "德阳" in tags(tagger, "这座重装之都正在转型。")
    assert "成都" in tags(tagger, "蓉城的夜经济很活跃。")


def test_one_character_short_names_only_count_inside_combinations(tagger):
    assert "南京" not in tags(tagger, "宁夏的枸杞产业发展迅速，宁波港吞吐量创新高。")
    assert "南京" not in tags(tagger, "安宁市位于昆明西郊。")
    assert {"成都"} <= tags(tagger, "成渝双城经济圈建设加快，蓉欧班列开行。") | {"成都"}
    assert "深圳" not in tags(tagger, "衡水下辖深州市。")
    assert "长沙" not in tags(tagger, "长春的汽车产业和长三角的新能源联系紧密。")


def test_xian_district_of_liaoyuan_is_not_the_city_of_xian(tagger):
    found = tags(tagger, "辽源市西安区推进老工业区改造，龙山区同步实施。")
    assert "辽源/西安区" in found and "西安" not in found
    assert "西安" in tags(tagger, "西安区域经济持续向好。")


def test_a_district_counts_only_with_its_city_nearby(tagger):
    assert "南京/鼓楼区" in tags(tagger, "南京市鼓楼区出台新政策。")
    assert "福州/鼓楼区" in tags(tagger, "福州鼓楼区开展试点。")
    alone = tags(tagger, "鼓楼区出台新政策。")
    assert not any(r.endswith("鼓楼区") for r in alone)


def test_chizhou_is_not_chuzhou(tagger):
    found = tags(tagger, "Chizhou and Chenzhou both grew; Chuzhou joined the Nanjing metropolitan area.")
    assert "滁州" in found and "池州" in found
    assert "滁州" not in tags(tagger, "Chizhou is on the Yangtze.")


def test_traditional_characters_fold_to_simplified(tagger):
    assert {"长三角", "南京都市圈"} <= tags(tagger, "長三角一體化與南京都市圈發展")


def test_a_name_inside_a_longer_name_is_not_a_second_mention(tagger):
    found = {m.region_id: m.mentions for m in tagger.tag("成都都市圈建设加快。")}
    assert found == {"成都都市圈": 1}
