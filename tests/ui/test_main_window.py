"""The main window as an analyst uses it: tree, list, search, reader, keys, stars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from metroviewer.ui.article_list_model import STAR, TITLE

from ..conftest import T1, T2
from .conftest import list_titles, make_window, open_row, select, stored


def tree_numbers(window, key):
    index = window.tree_model.index_of(key)
    node = index.internalPointer()
    return node.total, node.unread


def test_selecting_regions_filters_the_list_and_counts_match_the_store(window, qtbot):
    select(window, ("region", "德阳"), qtbot)
    assert list_titles(window) == [T1]
    select(window, ("region", "成都都市圈"), qtbot)
    assert list_titles(window) == sorted([T1, T2])
    with stored(window) as store:
        counts = store.regions.counts()
    for rid in ("成都都市圈", "德阳", "南京都市圈", "长三角", "成渝"):
        assert tree_numbers(window, ("region", rid)) == counts[rid]
    assert tree_numbers(window, ("all",)) == (2, 2)
    assert window.tree_model.index_of(("topic", "产业同城化")).isValid()


def test_typing_a_search_shows_matches_and_clearing_restores_the_region(window, qtbot):
    select(window, ("region", "成都都市圈"))
    window.search_bar.query_edit.insert("资阳")  # QTest cannot type non-ASCII keys
    qtbot.waitUntil(lambda: list_titles(window) == [T1])
    assert not window.table.isColumnHidden(5)  # the Match column shows the snippet
    window.search_bar.query_edit.clear()
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2]))


def test_opening_article_2_lays_out_its_summary_and_marks_it_read(window, qtbot):
    select(window, ("region", "南京都市圈"), qtbot)
    before = tree_numbers(window, ("region", "南京都市圈"))
    open_row(window, qtbot, 0)
    qtbot.waitUntil(lambda: tree_numbers(window, ("region", "南京都市圈"))[1] == before[1] - 1)
    headings = []
    block = window.reader.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 3:
            headings.append(block.text())
        block = block.next()
    assert headings == ["Core viewpoint", "1. Development Planning", "2. Urban Integration and Collaboration",
                        "3. Key Focus Areas for New Planning", "4. Policy and Market Dynamics",
                        "5. Lessons from Existing Metropolitan Areas"]
    assert "[1][3]" in window.reader.toPlainText()
    with stored(window) as store:
        assert store.articles.get(window.list_model.row_at(0).id).is_read
    assert not window.list_model.data(window.list_model.index(0, TITLE), Qt.ItemDataRole.FontRole)


def test_region_chips_select_the_region(window, qtbot):
    select(window, ("all",), qtbot)
    row = next(i for i in range(2) if window.list_model.row_at(i).title == T1)
    open_row(window, qtbot, row)
    html = window.reader.toHtml()
    assert "region:%E5%BE%B7%E9%98%B3" in html or "region:德阳" in html
    window.reader.region_clicked.emit("德阳")
    qtbot.waitUntil(lambda: list_titles(window) == [T1])


def test_j_and_k_move_through_the_list(window, qtbot):
    select(window, ("all",), qtbot)
    window.table.setFocus()
    window.table.setCurrentIndex(window.list_model.index(0, TITLE))
    first = window.current_row().id
    qtbot.keyClick(window.table, Qt.Key.Key_J)
    assert window.current_row().id != first
    qtbot.keyClick(window.table, Qt.Key.Key_K)
    assert window.current_row().id == first


def test_the_star_toggles_and_survives_a_restart(qtbot, workflow_db, settings):
    window = make_window(qtbot, workflow_db, settings)
    select(window, ("all",), qtbot)
    open_row(window, qtbot, 0)
    article_id = window.current_row().id
    qtbot.keyClick(window.table, Qt.Key.Key_S)
    assert window.list_model.data(window.list_model.index(0, STAR)) == "★"
    qtbot.waitUntil(lambda: tree_numbers(window, ("starred",))[0] == 1)
    window.close()
    again = make_window(qtbot, workflow_db, settings)
    select(again, ("starred",), qtbot)
    assert [again.list_model.row_at(i).id for i in range(again.list_model.rowCount())] == [article_id]
    again.close()


def test_layout_is_remembered(qtbot, workflow_db, settings):
    window = make_window(qtbot, workflow_db, settings)
    window.main_splitter.setSizes([211, 989])
    sizes = window.main_splitter.sizes()
    window.close()
    again = make_window(qtbot, workflow_db, settings)
    restored = again.main_splitter.sizes()
    # The offscreen platform may give the window another size; the split keeps its proportion.
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.02
    assert restored != [300, 900]
    again.close()


def test_the_models_pass_qtmodeltester(window, qtmodeltester, qtbot):
    qtmodeltester.check(window.tree_model)
    select(window, ("all",), qtbot)
    qtmodeltester.check(window.list_model)


def test_the_list_pages_from_the_store(qtbot, tmp_path, settings):
    from bench.corpus import generate
    from metroviewer.ingest.run import ImportRun
    from metroviewer.store import Store

    generate(tmp_path / "docs", 700, seed=3)
    with Store(tmp_path / "big.db") as store:
        ImportRun(store).run([tmp_path / "docs"])
    window = make_window(qtbot, tmp_path / "big.db", settings)
    select(window, ("all",), qtbot)
    model = window.list_model
    assert model.rowCount() == 200 and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(window.list_settled)  # each page is read off the GUI thread
    dates = [model.row_at(i).published_at for i in range(model.rowCount())]
    # One row per story (the synthetic corpus repeats itself: some articles are near-copies).
    with Store(tmp_path / "big.db") as store:
        stories = store.conn.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
    assert 200 < stories <= 700
    assert model.rowCount() == stories and dates == sorted(dates, reverse=True)
    assert len({model.row_at(i).id for i in range(stories)}) == stories
    window.close()


def test_search_text_is_highlighted_in_the_reader(window, qtbot):
    window.search_bar.query_edit.insert("重装之都")
    qtbot.waitUntil(lambda: list_titles(window) == [T1])
    open_row(window, qtbot, 0)
    cursor = window.reader.document().find("重装之都")
    assert not cursor.isNull()
    inside = QTextCursor(window.reader.document())
    inside.setPosition(cursor.selectionStart() + 1)
    assert inside.charFormat().background().color().name() == "#ffe58f"


def test_save_briefing_as_pdf_from_the_window(window, qtbot, tmp_path):
    from pypdf import PdfReader

    from metroviewer.ui.window_actions import save_briefing_pdf

    select(window, ("region", "成都都市圈"), qtbot)
    target = tmp_path / "from-window.pdf"
    with qtbot.waitSignal(window.briefing_saved, timeout=30000) as saved:
        save_briefing_pdf(window, str(target))
    assert saved.args[0] == str(target) and saved.args[1] >= 2
    text = "".join("".join(p.extract_text() for p in PdfReader(str(target)).pages).split())
    assert "成都都市圈" in text and "DevelopmentPlanning" in text


def test_provinces_are_a_second_way_in(window, qtbot):
    provinces = window.tree_model.index_of(("provinces",))
    assert provinces.isValid()
    names = [window.tree_model.index(r, 0, provinces).data() for r in range(window.tree_model.rowCount(provinces))]
    assert "四川省" in names and "江苏省" in names
    select(window, ("region", "福建省"), qtbot)  # article 2 names 福州都市圈
    assert list_titles(window) == [T2]
    window.tree.setCurrentIndex(provinces)  # the heading itself selects nothing new
    assert list_titles(window) == [T2]


def test_articles_mainly_about_a_region_apart_from_mere_mentions(window, qtbot):
    index = window.tree_model.index_of(("region", "成都都市圈"))
    assert window.tree_model.index(index.row(), 2, index.parent()).data() == "1 / 2"
    select(window, ("region", "成都都市圈"), qtbot)
    assert list_titles(window) == sorted([T1, T2])
    window.actions_by_name["about_only"].trigger()
    qtbot.waitUntil(window.list_settled)
    assert list_titles(window) == [T1]  # its title names 成都都市圈; article 2 only mentions it
    window.actions_by_name["about_only"].trigger()
    qtbot.waitUntil(lambda: list_titles(window) == sorted([T1, T2]))
