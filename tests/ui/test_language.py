"""The interface in 简体中文: complete, chosen from the system or the View menu, switchable."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from metroviewer import RESOURCES
from metroviewer.ui import i18n
from metroviewer.ui.article_list_model import TITLE
from metroviewer.ui.summary_panel import THEME_NAMES

from .conftest import make_window

TS = RESOURCES / "translations" / "metroviewer_zh_CN.ts"


def menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_every_text_of_the_interface_has_a_chinese_translation():
    unfinished = [m.findtext("source") for m in ET.parse(TS).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []
    # the compiled file the app loads says what the .ts says, for every text
    translator = QTranslator()
    assert translator.load(str(RESOURCES / "translations" / "metroviewer_zh_CN.qm"))
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source, expected = message.findtext("source"), message.findtext("translation")
            assert translator.translate(context.findtext("name"), source) == expected, source
    from metroviewer.figures.themes import THEMES

    assert set(THEME_NAMES) == set(THEMES)  # every theme has a translatable name


def test_the_window_in_chinese_and_back(qtbot, workflow_db, settings):
    app = QApplication.instance()
    try:
        assert i18n.install_translators(app, "zh_CN")
        window = make_window(qtbot, workflow_db, settings)
        assert menu_titles(window) == ["文件(&F)", "视图(&V)", "文章(&A)", "分析(&N)", "帮助(&H)"]
        root = window.tree_model.index(0, 0)
        assert root.data() == "全部文章"
        assert window.table.model().headerData(TITLE, Qt.Orientation.Horizontal) == "标题"

        # View → Language → English: the window is built again, in English, on the same store
        english = window.actions_by_name["language_en"]
        english.trigger()
        new = app.property("main_window")
        qtbot.addWidget(new)
        assert new is not window and new.store_path == window.store_path
        assert menu_titles(new) == ["&File", "&View", "&Article", "A&nalyst", "&Help"]
        assert settings.value(i18n.SETTING) == "en"
        new.tasks.shutdown()
    finally:
        i18n.install_translators(app, "en")


def test_the_system_locale_chooses_unless_the_user_did(settings, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.chosen_language(settings) == "zh_CN"
    settings.setValue(i18n.SETTING, "en")
    assert i18n.chosen_language(settings) == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    settings.setValue(i18n.SETTING, "")
    assert i18n.chosen_language(settings) == "en"
