"""The interface language: English, or 简体中文 (resources/translations), chosen from the
system locale unless the user picked one (View → Language)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from .. import RESOURCES

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SETTING = "view/language"  # "" follows the system


def chosen_language(settings: QSettings) -> str:
    """The language to show: the user's choice, else the system's when we have it, else English."""
    chosen = str(settings.value(SETTING, "") or "")
    if chosen in LANGUAGES:
        return chosen
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, language: str) -> bool:
    """Replace the app's translators with those for `language`; False if none could be loaded."""
    for old in app.property("metroviewer_translators") or []:
        app.removeTranslator(old)
    loaded: list[QTranslator] = []
    if language != "en":
        qt_own = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, file dialogs)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            loaded.append(qt_own)
        ours = QTranslator(app)
        if ours.load(f"metroviewer_{language}", str(RESOURCES / "translations")):
            loaded.append(ours)
        for translator in loaded:  # ours last: the last installed is asked first
            app.installTranslator(translator)
    app.setProperty("metroviewer_translators", loaded)
    app.setProperty("metroviewer_language", language if language == "en" or loaded else "en")
    return language == "en" or bool(loaded)


def interface_language() -> str:
    """The language the interface is shown in (en or zh_CN): what Qt-free text (the reader's
    page, figure values) is written in too."""
    app = QApplication.instance()
    language = app.property("metroviewer_language") if app is not None else None
    return language if language in LANGUAGES else "en"
