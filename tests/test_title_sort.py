"""Sorting by title in pinyin order: the keys (core/sort_keys.py), the stored column and its
paging (store/articles.py), title edits and the m016 migration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from metroviewer.core.sort_keys import title_sort_key
from metroviewer.ingest.run import ImportRun
from metroviewer.store import Store

# In pinyin order: anhui, beijing, changsha, chengdu (a Latin title among the Chinese ones),
# chongqing. In code-point order 北 < 安 < 重 < 长 and every Latin title comes first.
PINYIN_ORDER = ["安徽推进皖北振兴", "北京发布通州规划", "长沙建设湘江新区", "Chengdu opens a metro line",
                "重庆扩大成渝合作"]


# Bodies unlike each other, so that no two articles are grouped as versions of one story.
BODIES = ["港口吞吐量增长，物流企业新增航线三条，冷链仓库投入使用。", "高校与园区签约共建实验室，首批项目聚焦新材料。",
          "地铁新线开通试运营，沿线十二个站点同步启用换乘。", "农业合作社扩大茶叶种植面积，电商销售额翻番。",
          "医院联合体实现检查结果互认，患者跨城就医更方便。", "文旅部门推出夜游线路，古镇客流创下新高。"]


def write_articles(folder: Path, titles: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, title in enumerate(titles):
        body = f"{title}。{BODIES[n % len(BODIES)]}"
        (folder / f"article{n}.md").write_text(
            f'---\ntitle: "{title}"\ndate: 2025-03-{n + 1:02d}\nsource: 新华社\n---\n\n{body}\n', encoding="utf-8")
    return folder


def store_with(tmp_path: Path, titles: list[str]) -> Store:
    store = Store(tmp_path / "titles.db")
    ImportRun(store).run([write_articles(tmp_path / "docs", titles)])
    return store


def titles_by_title(store: Store, descending: bool = False, limit: int = 200) -> list[str]:
    """Every title, page by page as the list reads them (keyset: after the last row's key and id)."""
    titles, after = [], None
    while True:
        rows = store.articles.page(sort="title", descending=descending, limit=limit, after=after)
        titles += [r.title for r in rows]
        if len(rows) < limit:
            return titles
        after = (rows[-1].sort_value, rows[-1].id)


def test_keys_order_chinese_titles_by_pinyin_with_latin_titles_among_them():
    shuffled = [PINYIN_ORDER[i] for i in (4, 2, 0, 3, 1)]
    assert sorted(shuffled, key=title_sort_key) == PINYIN_ORDER


def test_polyphonic_characters_take_the_reading_of_their_phrase():
    # 重 alone is zhong and 长 in 增长 is zhang; in 重庆 and 长沙 they are chong and chang.
    assert title_sort_key("重庆").startswith("chongqing")
    assert title_sort_key("长沙").startswith("changsha")
    assert title_sort_key("经济增长").startswith("jingjizengzhang")
    assert title_sort_key("长治").startswith("changzhi")  # 长 alone: the place names' cháng


def test_latin_titles_compare_without_case_accents_spaces_or_punctuation():
    assert sorted(["beta", "Alpha", "ÄLPHA two", "alpha-one"], key=title_sort_key) == [
        "Alpha", "alpha-one", "ÄLPHA two", "beta"]
    # a Latin title sorts with the Chinese title that reads the same, toneless before toned
    assert sorted(["背景", "北京", "Beijing"], key=title_sort_key) == ["Beijing", "北京", "背景"]


def test_numbers_compare_by_value_and_before_letters():
    assert sorted(["10月数据", "9月数据", "安徽", "2025年计划"], key=title_sort_key) == [
        "9月数据", "10月数据", "2025年计划", "安徽"]


def test_full_width_letters_and_quotes_sort_as_plain_ones():
    assert title_sort_key("《ＡＢＣ》") == title_sort_key("abc")


def test_the_store_lists_titles_in_pinyin_order_both_ways_and_across_pages(tmp_path):
    store = store_with(tmp_path, PINYIN_ORDER[::-1])
    assert titles_by_title(store) == PINYIN_ORDER
    assert titles_by_title(store, limit=2) == PINYIN_ORDER
    assert titles_by_title(store, descending=True, limit=2) == PINYIN_ORDER[::-1]
    store.close()


def test_an_edited_title_moves_to_its_new_place(tmp_path):
    store = store_with(tmp_path, PINYIN_ORDER)
    chongqing = next(r.id for r in store.articles.page(sort="title") if r.title.startswith("重庆"))
    store.edits.edit(chongqing, title="阿坝州发布重庆合作清单")
    assert titles_by_title(store)[:2] == ["阿坝州发布重庆合作清单", "安徽推进皖北振兴"]
    store.close()


def test_an_article_deleted_before_the_keys_existed_is_restored_in_its_place(tmp_path):
    store = store_with(tmp_path, PINYIN_ORDER)
    beijing = next(r for r in store.articles.page(sort="title") if r.title.startswith("北京"))
    gone = store.edits.delete([beijing.id])
    assert "北京发布通州规划" not in titles_by_title(store)
    # Its tombstone as a version before m016 saved it: the article's row without a key.
    (saved,) = store.conn.execute("SELECT saved FROM deleted_articles").fetchone()
    old = json.loads(saved)
    del old["article"]["title_key"]
    store.conn.execute("UPDATE deleted_articles SET saved = ?", [json.dumps(old, ensure_ascii=False)])
    store.edits.restore(list(gone.content_hashes))
    assert titles_by_title(store) == PINYIN_ORDER
    store.close()


def test_the_migration_writes_keys_for_the_articles_already_stored(tmp_path):
    store = store_with(tmp_path, PINYIN_ORDER[::-1])
    path = store.path
    store.close()
    # As a store from before m016 left it: no key column, no index, the migration not applied.
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX articles_by_title_key")
    conn.execute("ALTER TABLE articles DROP COLUMN title_key")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm016_title_sort_keys'")
    conn.commit()
    conn.close()
    with Store(path) as upgraded:
        assert titles_by_title(upgraded, limit=2) == PINYIN_ORDER
        plan = " ".join(str(r[-1]) for r in upgraded.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles a ORDER BY a.title_key, a.id LIMIT 200"))
        assert "articles_by_title_key" in plan and "TEMP B-TREE" not in plan
