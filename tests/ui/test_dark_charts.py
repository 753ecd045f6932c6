"""The summary charts follow the theme: dark on a switch to the dark theme, light again on the
way back, without reopening the window; briefings' charts stay light (paper)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from metroviewer.briefing.document import BriefingDocument, Chart
from metroviewer.ui.theme import apply_theme

from .test_summary_panel import shown_for


def drawn_charts(window, qtbot):
    panel = shown_for(window, qtbot, ("region", "成都都市圈"))
    qtbot.waitUntil(lambda: panel.drawn_for is panel.data, timeout=20000)
    return [panel.months, panel.sources, panel.regions, panel.themes]


def background(chart) -> int:
    """The lightness of what the chart shows in its top left corner (its background)."""
    return chart.grab().toImage().pixelColor(3, 3).lightness()


def test_charts_turn_dark_and_light_with_the_theme_switch(window, qtbot):
    charts = drawn_charts(window, qtbot)
    dark_action = window.actions_by_name["dark"]
    try:
        assert all(background(c) > 200 for c in charts)
        dark_action.setChecked(True)
        qtbot.waitUntil(lambda: all(background(c) < 60 for c in charts), timeout=5000)
        for chart in charts:
            assert chart.backgroundBrush().color().lightness() < 60
            assert chart.getAxis("left").textPen().color().lightness() > 180  # light labels on dark
        months = charts[0]
        bars = next(i for i in months.getPlotItem().items if hasattr(i, "opts") and "brush" in i.opts)
        assert bars.opts["brush"].lightness() > 150  # the lighter bars of the dark theme, drawn again
        dark_action.setChecked(False)
        qtbot.waitUntil(lambda: all(background(c) > 200 for c in charts), timeout=5000)
        assert charts[1].getAxis("left").textPen().color().lightness() < 80
    finally:
        apply_theme(QApplication.instance(), dark=False)


def test_briefing_charts_stay_light_in_the_dark_theme(qtbot):
    from metroviewer.ui.briefing_charts import chart_images

    doc = BriefingDocument("Briefing", "成都都市圈", "2025-03-01", "en", blocks=[
        Chart("months", "Articles per month", 300, 150, "months", [("2025-01", 3), ("2025-02", 5)]),
        Chart("sources", "Top sources", 300, 120, "bars", [("新华社", 4), ("人民日报", 2)])])
    apply_theme(QApplication.instance(), dark=True)
    try:
        images = chart_images(doc)
        assert set(images) == {"months", "sources"}
        for image in images.values():
            assert image.pixelColor(6, 6).lightness() > 240  # white paper
            text = [image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height())]
            assert min(text) < 120  # with dark labels and bars on it
    finally:
        apply_theme(QApplication.instance(), dark=False)
