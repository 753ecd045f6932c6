"""`--screenshot` pictures the window once the summary charts of the selection are drawn."""

from __future__ import annotations

from argparse import Namespace

from metroviewer.ui.screenshot import take_screenshot

from .conftest import make_window


def test_the_screenshot_is_taken_after_the_charts_are_drawn(qtbot, workflow_db, settings, tmp_path):
    window = make_window(qtbot, workflow_db, settings)
    seen = []
    grab = window.grab

    def grab_and_note():
        panel = window.summary
        seen.append((panel.heading.text(), panel.data is not None and panel.drawn_for is panel.data,
                     panel.months is not None and bool(panel.months.getPlotItem().items)))
        return grab()

    window.grab = grab_and_note
    out = tmp_path / "shot.png"
    args = Namespace(size="1400x860", region="成都都市圈", search=None, article=None, screenshot=str(out))
    assert take_screenshot(window, args) == 0
    assert out.stat().st_size > 0
    (heading, drawn, months_has_bars), = seen
    assert heading.startswith("成都都市圈") and drawn and months_has_bars
