"""Errors on screen: a user message for what the user can act on, copyable details for the rest."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.models import UserError


def show_error(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(box.tr("MetroViewer"))
    if isinstance(error, UserError):
        box.setText(str(error))
    else:
        box.setText(box.tr("Something went wrong: {0}").format(error))
        box.setInformativeText(box.tr("Nothing you imported was lost. The details below can be copied "
                                      "into a bug report."))
        box.setDetailedText(details or "".join(traceback.format_exception(error)))
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
