"""The whole map and what is not a mention (issue 11): coverage, provinces, blockers by kind,
support for weak names, affiliations and reference lists, and "about" versus "mentions".

Sentences are written for each kind of trap; none of them is copied into the data files."""

from __future__ import annotations

import pytest

from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.regions.tagger import RegionTagger


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.fixture(scope="module")
def tagger(gazetteer):
    return RegionTagger(gazetteer)


def tags(tagger, *texts):
    return {m.region_id for m in tagger.tag(*texts)}


# -- the whole map ------------------------------------------------------------------------

def test_every_prefecture_and_county_is_on_the_map(gazetteer):
    prefectures = gazetteer.prefectures()
    assert len(prefectures) == 333
    kinds = {gazetteer.regions[p].aliases[0][-2:] if gazetteer.regions[p].aliases else "市" for p in prefectures}
    assert {"治州", "地区", "安盟"} & kinds
    assert len(gazetteer.counties()) >= 2800
    for city in ("徐州", "柳州", "桂林", "赣州", "拉萨", "三亚", "大同", "延安", "十堰", "连云港", "宿迁", "韶关", "河源",
                 "云浮", "凉山", "海南州", "大兴安岭", "锡林郭勒"):
        assert gazetteer.regions[city].kind == "city", city
    for municipality in ("北京", "天津", "上海", "重庆"):
        districts = [c for c in gazetteer.children[municipality] if gazetteer.regions[c].kind == "district"]
        assert len(districts) >= 10, municipality
    assert gazetteer.regions["香港"].level == "sar" and gazetteer.regions["澳门"].level == "sar"


def test_provinces_are_a_second_way_in(gazetteer):
    assert len(gazetteer.provinces) == 33  # 27 provinces and regions, 4 municipalities, 2 SARs
    assert gazetteer.province_of["徐州"] == "江苏省"
    assert gazetteer.province_of["西宁/大通回族土族自治县"] == "青海省"
    assert gazetteer.province_of["海南州"] == "青海省" and gazetteer.province_of["海口"] == "海南省"
    assert gazetteer.province_of["北京"] == "北京"
    # Counted once under the province, however many of its cities an article names.
    assert gazetteer.scope(["徐州", "连云港", "徐州/铜山区"]) >= {"江苏省", "徐州", "连云港", "徐州都市圈"}
    assert gazetteer.resolve("江苏") == "江苏省" and gazetteer.resolve("Jiangsu") == "江苏省"
    assert gazetteer.resolve("吉林") == "吉林"  # the city keeps its name; the province is 吉林省


def test_provincial_metropolitan_areas_carry_their_plan(gazetteer):
    xuzhou = gazetteer.regions["徐州都市圈"]
    assert not xuzhou.national and "徐州" in xuzhou.plan
    members = set(gazetteer.children["徐州都市圈"])
    assert {gazetteer.province_of[m] for m in members} >= {"江苏省", "安徽省", "河南省", "山东省"}
    for name in ("广州都市圈", "深圳都市圈", "珠西都市圈", "汕潮揭都市圈", "湛茂都市圈"):
        assert "广东省都市圈国土空间规划协调指引" in gazetteer.regions[name].plan, name
    assert gazetteer.resolve("珠江口西岸都市圈") == "珠西都市圈"
    assert all(gazetteer.regions[m].plan for m in gazetteer.regions if gazetteer.regions[m].kind == "metro")


def test_short_forms_former_names_and_merged_units(tagger):
    assert "西宁/大通回族土族自治县" in tags(tagger, "大通县今年新增就业岗位两千个。")
    assert "海南州" in tags(tagger, "海南州共和县的光伏园区继续扩容。")
    assert "海南省" not in tags(tagger, "海南州共和县的光伏园区继续扩容。")
    assert "凉山" in tags(tagger, "凉山州的脱贫成果持续巩固。")
    assert "伊犁" in tags(tagger, "伊犁州的旅游人数创新高。")
    assert "济南" in tags(tagger, "原莱芜市的钢铁企业如今都算在济南的账上。")
    assert "襄阳" in tags(tagger, "当年的襄樊已改名多年。")
    assert "合肥/巢湖市" in tags(tagger, "巢湖市的环湖大道通车。")
    assert "日喀则" in tags(tagger, "日喀则地区撤地设市后发展加快。")
    assert "徐州" in tags(tagger, "徐州市与连云港共建港口物流通道。")


# -- what is not a mention ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "not_tagged"), [
    # idioms and set phrases
    ("只有社会长治久安，经济才能持续发展。", "长治"),
    ("他做事一向四平八稳。", "四平"),
    ("两种方案大同小异。", "大同"),
    # common words that contain a name
    ("国际白银价格本周上涨了3%。", "白银"),
    ("新能源是典型的朝阳产业。", "朝阳"),
    ("该指数创下最大连续涨幅。", "大连"),
    ("展厅地面铺的是进口大理石。", "大理"),
    ("早餐是一份三明治和一杯普洱茶。", "三明"),
    ("宾客们陆续入场，来宾代表致辞。", "来宾"),
    # institutions, companies and products named after a place
    ("中山大学的研究团队发布报告。", "中山"),
    ("他穿着一身中山装出席活动。", "中山"),
    ("青岛啤酒发布半年报。", "青岛"),
    ("宁德时代在匈牙利建厂。", "宁德"),
    ("浙江大学的一项研究显示。", "浙江省"),
    ("会议定于北京时间晚八点开始。", "北京"),
    ("阿里巴巴发布财报。", "阿里"),
    # foreign regions
    ("苏格兰中部地区遭遇暴雨。", "中部"),
    ("美国东北海岸迎来寒潮。", "东北"),
    ("日本中部的制造业集群。", "中部"),
    ("美国德州的油田复产。", "德州"),
    ("硅谷以旧金山为核心。", "上海/金山区"),
    # a direction or a feature's side, not a region
    ("四川东北部的山区公路改造。", "东北"),
    ("洞庭湖北岸的湿地保护区。", "湖北省"),
    ("黄河南岸的滩区迁建。", "河南省"),
    # province / prefecture clash
    ("青海省海南州推进生态保护。", "海南省"),
])
def test_blockers_by_kind(tagger, text, not_tagged):
    assert not_tagged not in tags(tagger, text)


@pytest.mark.parametrize(("text", "tagged"), [
    ("甘肃白银市委召开全会。", "白银"),
    ("兰州、白银、定西三地共建兰西城市群。", "白银"),
    ("辽宁朝阳加快承接京津产业。", "朝阳"),
    ("珠海、中山、江门共建珠江口西岸都市圈。", "中山"),
    ("广西来宾的糖业转型升级。", "来宾"),
    ("大连续签了三个重大项目。", "大连"),
    ("湖北部分地区出现强降雨。", "湖北省"),
    ("长治市的煤化工项目投产。", "长治"),
    ("西藏阿里地区的光伏电站并网。", "阿里"),
])
def test_the_same_names_count_where_they_are_places(tagger, text, tagged):
    assert tagged in tags(tagger, text)


def test_weak_county_names_need_support(tagger):
    assert "西宁/大通回族土族自治县" not in tags(tagger, "大通的客户经理说。")
    assert "西宁/大通回族土族自治县" in tags(tagger, "西宁大通的牦牛产业。")
    assert not any(r.startswith("桂林/") for r in tags(tagger, "桂林的旅游资源十分丰富。"))
    # two counties of one city side by side support each other
    found = tags(tagger, "仁寿县、青神两地联合招商。")
    assert {"眉山/仁寿县", "眉山/青神县"} <= found
    # a district name found in several cities goes to the one named near it
    assert "长春/朝阳区" in tags(tagger, "长春市朝阳区推进老旧小区改造。")
    assert not any(r.endswith("朝阳区") for r in tags(tagger, "朝阳区的一位居民说。"))


def test_broad_regions_need_their_region_sense(tagger):
    assert "东北" in tags(tagger, "东北振兴迎来新机遇，东北地区装备制造业回暖。")
    assert "中部" in tags(tagger, "中部地区崛起势头强劲。")
    assert "中部" not in tags(tagger, "车身中部有一道划痕。")
    assert "西部" not in tags(tagger, "城市西部新建了一座公园。")


# -- where tags may come from ---------------------------------------------------------------

PAPER = """成渝地区双城经济圈产业协同的测度
张三1，李四2
（1. 山西大学 经济与管理学院，山西 太原 030006；2. 浙江工业大学 经济学院，浙江 杭州 310023）
摘要：本文以成渝地区双城经济圈为对象，测度成都与重庆的产业协同水平。
关键词：产业协同；成渝
基金项目：河南省哲学社会科学规划项目（2021BJJ001）
作者简介：张三（1985—），男，辽宁大连人，博士。
1 引言
成渝地区双城经济圈建设是国家战略，成都和重庆两个中心城市的带动作用明显。
参考文献
[1] 王五. 长三角一体化的经验[J]. 经济地理, 2019, 39(2): 1-10.
[2] 赵六. 京津冀协同发展研究[M]. 北京: 科学出版社, 2018.
[3] Smith J. Urban networks in the Pearl River Delta[J]. Urban Studies, 2020, 57(3): 1-20.
"""


def test_affiliations_fund_lines_and_reference_lists_give_no_tags(tagger):
    found = tags(tagger, PAPER)
    assert {"成渝", "成都", "重庆"} <= found
    for elsewhere in ("太原", "山西省", "杭州", "浙江省", "河南省", "大连", "长三角", "京津冀", "北京", "珠三角"):
        assert elsewhere not in found, elsewhere


def test_an_english_affiliation_and_references_give_no_tags(tagger):
    text = ("Commuting in the Chengdu metropolitan area\n"
            "Li Wei (School of Geography, Nanjing University, Nanjing 210023, China)\n"
            "Chengdu and Deyang are linked by a suburban railway.\n"
            "References\n"
            "[1] Wang X, et al. Growth of Shenzhen. Cities, 2021, 110: 1-9.\n")
    found = tags(tagger, text)
    assert {"成都都市圈", "成都", "德阳"} <= found
    assert not {"南京", "深圳"} & found


def test_a_news_article_with_numbers_is_not_cut(tagger):
    text = "杭州市2024年新增就业123456人。\n记者从杭州获悉，全市研究院所新增30家。"
    assert "杭州" in tags(tagger, text)


# -- about versus mentions ----------------------------------------------------------------

def test_about_marks_title_frequent_and_lead_regions(tagger):
    title = "徐州都市圈协同发展提速"
    body = ("徐州与连云港、宿迁签署合作协议。会上，来自淮北的代表介绍了经验。"
            "徐州将牵头建设淮海经济区中心城市，徐州的物流枢纽地位不断提升。另据了解，南京也在推进类似工作。")
    about = {m.region_id: m.about for m in tagger.tag(title, body)}
    assert about["徐州都市圈"]  # in the title
    assert about["徐州"]  # first in the lead, and often
    assert not about["南京"] and not about["淮北"] and not about["宿迁"]


def test_mentions_keep_their_counts_and_positions_with_about(tagger):
    found = {m.region_id: m for m in tagger.tag("德阳是重装之都。德阳、眉山两地签约。")}
    assert found["德阳"].mentions == 3 and found["德阳"].about
    assert found["眉山"].mentions == 1 and not found["眉山"].about
