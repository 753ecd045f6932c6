"""Comparing regions from the window: two regions checked, their key figures side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt

from metroviewer.ui.compare_dialog import REGION_ROLE

from .conftest import make_window, select


def test_two_regions_compared_show_the_same_table_as_the_command_line(qtbot, sample_store_path, settings):
    window = make_window(qtbot, sample_store_path, settings)
    select(window, ("region", "南京都市圈"), qtbot)
    window.actions_by_name["compare"].trigger()
    dialog = window.compare_dialog
    qtbot.addWidget(dialog)
    assert dialog.checked_regions() == ["南京都市圈"] and not dialog.compare_button.isEnabled()
    chengdu = next(dialog.regions.item(i) for i in range(dialog.regions.count())
                   if dialog.regions.item(i).data(REGION_ROLE) == "成都都市圈")
    chengdu.setCheckState(Qt.CheckState.Checked)
    assert dialog.compare_button.isEnabled()
    with qtbot.waitSignal(dialog.compared, timeout=20000):
        dialog.compare_button.click()
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert headers[1:] == sorted(["南京都市圈", "成都都市圈"], key=lambda n: headers.index(n))
    rows = {row[0]: row[1:] for row in dialog.table_rows()}
    nanjing = headers.index("南京都市圈") - 1
    assert rows["GDP"][nanjing] == "> 5.4 trillion yuan (2024) · 21世纪经济报道"
    assert rows["GDP"][1 - nanjing] == "—"
    assert dialog.themes.rowCount() > 0 and dialog.chart is not None
    assert "21世纪经济报道" in dialog.comparison_html()
    dialog.close()
    window.close()
