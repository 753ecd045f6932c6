"""The bundled CJK font: registered at start-up so Chinese never shows as boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import RESOURCES

# The bundled Noto Sans CJK SC subset, renamed so that a system copy of Noto (whose larger
# character map sends some glyphs to radicals in PDF text) never stands in for it.
CJK_FAMILY = "MetroViewer CJK"


def register_fonts(app: QApplication) -> list[str]:
    """Register resources/fonts/*.otf and make the CJK face the fallback of the app font."""
    families: list[str] = []
    for path in sorted((RESOURCES / "fonts").glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QFont(app.font())
    base = font.family()
    font.setFamilies([base, CJK_FAMILY] if base != CJK_FAMILY else [CJK_FAMILY])
    app.setFont(font)
    return sorted(set(families))


def ensure_fonts() -> None:
    """Register the bundled fonts unless they are (printing needs the CJK face even where the
    app was started without them, as in tests)."""
    if CJK_FAMILY not in QFontDatabase.families():
        app = QApplication.instance()
        if app is not None:
            register_fonts(app)
