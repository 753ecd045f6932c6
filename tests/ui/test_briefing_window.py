"""Briefings from the window: the save dialog's proposed name and folder, the Word copy, and
recipes saved, listed and run from the compose dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog

from metroviewer.ui.briefing_actions import LAST_FOLDER, save_briefing
from metroviewer.ui.briefing_dialog import open_briefing_dialog
from metroviewer.ui.i18n import SETTING

from .conftest import select, stored


def test_the_save_dialog_proposes_scope_and_date_in_the_last_folder(window, qtbot, tmp_path, monkeypatch):
    window.settings.setValue(SETTING, "zh_CN")
    folder = tmp_path / "briefings"
    folder.mkdir()
    window.settings.setValue(LAST_FOLDER, str(folder))
    asked = []

    def dialog(_parent, _title, proposed, _filter):
        asked.append(proposed)
        return str(tmp_path / "elsewhere.docx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    select(window, ("region", "成都都市圈"), qtbot)
    with qtbot.waitSignal(window.briefing_saved, timeout=30000):
        save_briefing(window, kind="docx")
    today = dt.date.today().isoformat()
    assert asked == [str(folder / f"成都都市圈-简报-{today}.docx")]
    assert window.settings.value(LAST_FOLDER) == str(tmp_path)  # the folder chosen is the next proposal
    from docx import Document

    headings = [p.text for p in Document(str(tmp_path / "elsewhere.docx")).paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "内容提要"


def test_recipes_are_saved_listed_and_run_from_the_compose_dialog(window, qtbot, tmp_path):
    select(window, ("region", "成都都市圈"), qtbot)
    dialog = open_briefing_dialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.recipes.property("loaded") is True)
    dialog.page_size.setCurrentText("Letter")
    assert window.settings.value("briefing/page_size") == "Letter"  # remembered for the next briefing
    dialog.save_recipe("成都周报")
    qtbot.waitUntil(lambda: dialog.recipe_names() == ["成都周报"], timeout=10000)
    with stored(window) as store:
        saved = store.recipes.get("成都周报")
    assert saved.options["regions"] == ["成都都市圈"] and saved.options["page_size"] == "Letter"
    dialog.page_size.setCurrentText("A4")  # the recipe keeps its own paper
    target = tmp_path / "weekly.pdf"
    with qtbot.waitSignal(window.briefing_saved, timeout=30000) as saved_signal:
        dialog.run_recipe("成都周报", str(target))
    assert saved_signal.args[0] == str(target) and target.exists()
    with stored(window) as store:
        assert store.recipes.get("成都周报").last_run_at
    from pypdf import PdfReader

    width = float(PdfReader(str(target)).pages[0].mediabox.width)
    assert abs(width - 612) < 2  # Letter, 8.5 in
