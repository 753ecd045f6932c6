"""Light and dark themes: Qt's Fusion style with a palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def apply_theme(app: QApplication, dark: bool) -> None:
    app.setStyle("Fusion")
    if not dark:
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in ((role.Window, "#1f2125"), (role.WindowText, "#e6e6e6"), (role.Base, "#17181b"),
                 (role.AlternateBase, "#23252a"), (role.ToolTipBase, "#2b2d31"), (role.ToolTipText, "#e6e6e6"),
                 (role.Text, "#e6e6e6"), (role.Button, "#2b2d31"), (role.ButtonText, "#e6e6e6"),
                 (role.Highlight, "#2f5fb3"), (role.HighlightedText, "#ffffff"), (role.Link, "#8ab4f8"),
                 (role.PlaceholderText, "#8a8a8a")):
        p.setColor(r, QColor(c))
    # Out-of-use widgets (an unticked date, a greyed action) must look it: dimmed text.
    disabled = QPalette.ColorGroup.Disabled
    for r, c in ((role.WindowText, "#7a7d84"), (role.Text, "#7a7d84"), (role.ButtonText, "#7a7d84"),
                 (role.Base, "#1f2125"), (role.Button, "#25272b")):
        p.setColor(disabled, r, QColor(c))
    app.setPalette(p)
