"""Errors on screen: a user message for what the user can act on, copyable details for the rest."""

from __future__ import annotations

import sqlite3
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.models import UserError


def show_error(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(box.tr("MetroViewer"))
    if isinstance(error, UserError):
        box.setText(str(error))
    elif isinstance(error, sqlite3.DatabaseError):  # said as a sentence; the details stay copyable
        box.setText(box.tr("The store could not be read or written ({0}). Nothing you imported was lost.")
                    .format(error))
        box.setDetailedText(details or "".join(traceback.format_exception(error)))
    else:
        box.setText(box.tr("Something went wrong: {0}").format(error))
        box.setInformativeText(box.tr("Nothing you imported was lost. The details below can be copied "
                                      "into a bug report."))
        box.setDetailedText(details or "".join(traceback.format_exception(error)))
    if parent is not None and any(other is not box and other.isVisible() and other.text() == box.text()
                                  for other in parent.findChildren(QMessageBox)):
        box.deleteLater()  # the same error again (several reads failing at once): one dialog says it
        return
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.exec() if not QApplication.platformName() == "offscreen" else box.open()


def install_excepthook() -> None:
    """Unexpected errors in slots open a dialog instead of vanishing on stderr."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(details)
        if QApplication.instance() is not None and not issubclass(kind, KeyboardInterrupt):
            show_error(QApplication.activeWindow(), value, details)
        else:
            previous(kind, value, tb)

    sys.excepthook = hook
