"""Opening the main window on a store: damaged or locked stores, first run, switching stores."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from .. import RESOURCES
from ..core.models import UserError
from ..desk import Desk
from ..regions.gazetteer import default_gazetteer
from ..store import needs_long_upgrade
from .main_window import MainWindow
from .tasks import TaskRunner

SAMPLES = RESOURCES / "samples"


def open_window(path: Path, settings: QSettings, *, offer_samples: bool = True,
                parent: QWidget | None = None, interactive: bool = True) -> MainWindow | None:
    """The main window on `path`; when the store cannot be opened, the user chooses a way forward
    (or, not `interactive`, the reason goes to standard error)."""
    while True:
        if needs_long_upgrade(path):
            upgrade_store(path, parent)
        try:
            window = MainWindow(path, default_gazetteer(), settings)
        except UserError as e:
            if not interactive:
                print(f"metroviewer: {e}", file=sys.stderr)
                return None
            choice = _ask_way_forward(parent, str(e))
            if choice == "other":
                chosen, _ = QFileDialog.getSaveFileName(parent, "Open or create a store", str(path.parent),
                                                        "MetroViewer stores (*.db)",
                                                        options=QFileDialog.Option.DontConfirmOverwrite)
                if not chosen:
                    return None
                path = Path(chosen)
            elif choice == "aside":
                move_aside(path)
            else:
                return None
            continue
        settings.setValue("store/last", str(path))
        if offer_samples:
            offer_bundled_samples(window)
        return window


def upgrade_store(path: Path, parent: QWidget | None = None) -> None:
    """Migrate a store that holds articles on the task runner, with a message meanwhile: a
    migration that rewrites the index takes about a minute per 100,000 articles. A failure is
    left for the window's own opening of the store to explain."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle("MetroViewer")
    dialog.setLabelText(dialog.tr("Updating the store for this version of MetroViewer…\n"
                                  "Large stores take a minute or more; nothing in them is lost."))
    dialog.setRange(0, 0)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    loop = QEventLoop()
    runner = TaskRunner(Desk(path))
    # Opening the store on the runner's thread applies the pending migrations there.
    handle = runner.run(lambda desk, progress, cancelled: desk.store() and None, lane="long",
                        on_success=lambda _result: loop.quit(), on_failure=lambda _e, _details: loop.quit())
    dialog.show()
    if not handle.delivered:
        loop.exec()
    dialog.close()
    runner.shutdown()


def _ask_way_forward(parent: QWidget | None, message: str) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("MetroViewer")
    box.setText(message)
    other = box.addButton(box.tr("Open another store…"), QMessageBox.ButtonRole.AcceptRole)
    aside = box.addButton(box.tr("Move it aside and start a new store"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(box.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "other" if clicked is other else "aside" if clicked is aside else "quit"


def move_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL files) so nothing in it is lost; returns the new name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            shutil.move(str(source), str(target) + suffix)
    return target


def offer_bundled_samples(window: MainWindow) -> None:
    """On an empty store, offer the bundled sample documents so the desk is not empty."""
    if not window.opened.is_empty or not SAMPLES.exists():
        return
    answer = QMessageBox.question(
        window, window.tr("Welcome to MetroViewer"),
        window.tr("Your store is empty. Import the bundled sample documents (a workflow export and three "
                  "research papers) to see how MetroViewer works?"))
    if answer == QMessageBox.StandardButton.Yes:
        import_samples(window)


def import_samples(window: MainWindow) -> None:
    window.statusBar().showMessage(window.tr("Importing the sample documents…"))
    window.tasks.run(
        lambda desk, progress, cancelled: desk.import_paths([SAMPLES], progress=progress, cancelled=cancelled),
        lane="long", on_success=window.on_import_finished, on_failure=window.show_task_error)


def reopen_window(old: MainWindow, path: Path, offer_samples: bool = True) -> MainWindow | None:
    """Switch the app to another store (or language): a new window on it, the old one closed."""
    new = open_window(path, old.settings, parent=old, offer_samples=offer_samples)
    if new is None:
        return None
    new.show()
    old.close()
    app = QApplication.instance()
    if app is not None:
        app.setProperty("main_window", new)
    return new
