"""Full-text search: Chinese of any length, English words and prefixes, any typed text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metroviewer.store.articles import ArticleFilter

from .conftest import T1, T2


def titles(rows):
    return sorted(r.title for r in rows)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("资阳", [T1]),
        ("都市圈", sorted([T1, T2])),
        ("Nanjing", [T2]),
        ("nanjing", [T2]),
        ("重装之都", [T1]),
        ("1GWh", [T1]),
        ("西进", [T1]),
        ("Ma'anshan", [T2]),
        ("metropol*", [T2]),
        ("眉山 资阳", [T1]),
        ("GDP 福州", []),
        ("Nanjing 都市圈", [T2]),
    ],
)
def test_queries_find_the_right_sample_articles(sample_store, query, expected):
    rows = sample_store.search.search(query, ArticleFilter(topic="产业同城化"))
    assert titles(rows) == expected


def test_a_single_character_finds_it_anywhere_in_a_run(sample_store):
    # 冯 occurs once, inside 冯玉川; 阳 ends runs (资阳, 德阳) and starts none.
    assert titles(sample_store.search.search("冯", ArticleFilter(topic="产业同城化"))) == [T1]
    assert titles(sample_store.search.search("阳", ArticleFilter(topic="产业同城化"))) == [T1]


def test_results_are_ranked_and_snippets_highlight_the_terms(sample_store):
    rows = sample_store.search.search("成都都市圈")
    assert rows[0].title == T1
    hits = [piece for piece, hit in rows[0].snippet if hit]
    assert hits and all(h == "成都都市圈" for h in hits)


def test_search_combines_with_region_and_dates(sample_store):
    deyang = ArticleFilter(region="德阳")
    assert titles(sample_store.search.search("都市圈", deyang)) == [T1]
    assert titles(sample_store.search.search("都市圈", ArticleFilter(until="2025-10-01", topic="产业同城化"))) == [T2]
    assert titles(sample_store.search.search("都市圈", ArticleFilter(since="2025-12-22", until="2025-12-22"))) == [T1]


@pytest.mark.parametrize("query", ['"', 'AND (', "*", "NEAR(", "-", "OR", '"成都', "成都)", "^", ":", "title:x",
                                   "{a b}", "a + b", "NOT", "'", "", "   ", "\x00", "%_"])
def test_awkward_input_never_raises(sample_store, query):
    sample_store.search.search(query)
    sample_store.search.count(query)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_valid_query(prepared_store_file, text):
    from metroviewer.store import Store

    s = Store(prepared_store_file, readonly=True)
    try:
        s.search.search(text, prefix_last=True)
    finally:
        s.close()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("成都都市圈长三角 aZ9-,。\n\u3400\ufa00\ud800𠀀"), max_size=200))
def test_long_text_is_indexed_with_the_same_tokens_as_short_text(text):
    # Long texts take the array path, short ones the regular expression: the index must not tell.
    from metroviewer.core.search_text import _pairs_and_characters, _pairs_and_characters_short

    long_pairs, long_chars = _pairs_and_characters(text)
    short_pairs, short_chars = _pairs_and_characters_short(text)
    assert long_pairs.split() == short_pairs.split()
    assert long_chars == short_chars


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("國際長三角ＡＢＣ１２　‘’—Abc İΣ\ud800𠀀\n"), max_size=150))
def test_long_and_short_text_fold_alike(text):
    from metroviewer.core.text import _fold_table, _translate

    assert _translate(text) == text.translate(_fold_table())


def test_a_store_from_before_the_character_columns_is_reindexed_on_open(sample_store_path):
    import sqlite3

    from metroviewer.store import Store

    # The layout of migration m004: no character columns, a prefix index, here left empty.
    conn = sqlite3.connect(sample_store_path)
    conn.execute("DROP TABLE article_fts")
    conn.execute("CREATE VIRTUAL TABLE article_fts USING fts5(title, body, regions, content='', "
                 "tokenize='unicode61 remove_diacritics 2', prefix='1')")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm006%'")
    conn.commit()
    conn.close()
    with Store(sample_store_path) as store:
        assert T1 in titles(store.search.search("资"))
        assert titles(store.search.search("资阳")) == [T1]
        assert T2 in titles(store.search.search("Nanjing", ArticleFilter(region="南京都市圈")))


def test_a_place_is_found_by_any_of_its_names(tmp_path):
    from metroviewer.desk import Desk

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "en.md").write_text("# Chengdu opens a new metro line\n\nChengdu and Deyang are now 30 minutes apart.",
                                  encoding="utf-8")
    (folder / "zh.md").write_text("# 成都发布轨道交通规划\n\n成都与德阳之间将开通市域铁路。", encoding="utf-8")
    (folder / "nick.md").write_text("# 蓉城夜经济\n\n蓉城商圈夜间消费增长。", encoding="utf-8")
    with Desk(tmp_path / "s.db") as desk:
        desk.import_paths([folder], workers=0)
        for query in ("成都", "Chengdu", "chengdu"):
            assert sorted(r.title for r in desk.search(query)) == sorted(
                ["Chengdu opens a new metro line", "成都发布轨道交通规划", "蓉城夜经济"]), query
        # and the snippet marks the form the article uses
        [english] = [r for r in desk.search("成都") if r.title.startswith("Chengdu")]
        assert any(marked and text.lower() == "chengdu" for text, marked in english.snippet)
        alternatives = desk.query_alternatives("德阳 规划")
        assert "deyang" in alternatives["德阳"] and "规划" not in alternatives


def test_a_long_papers_snippet_shows_the_hit_not_the_start():
    from metroviewer.core.search_text import snippet

    body = "引言部分。" * 2000 + "成都都市圈的一小时通勤圈已经形成。" + "结语。" * 200
    pieces = snippet(body, ["通勤圈"])
    assert ("通勤圈", True) in pieces and pieces[0] == ("…", False)
