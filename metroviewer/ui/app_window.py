"""Opening the main window on a store: damaged or locked stores, first run, switching stores."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from .. import RESOURCES
from ..core.models import UserError
from ..desk import Desk
from ..regions.gazetteer import default_gazetteer
from ..store import needs_long_upgrade
from ..store.identity import DamagedStoreError
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
            choice = _ask_way_forward(parent, str(e), damaged=isinstance(e, DamagedStoreError))
            if choice == "recover":
                path = recover_in_window(path, parent) or path  # the copy opens; else the question again
            elif choice == "other":
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
            offer_samples_once_shown(window)
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


def _ask_way_forward(parent: QWidget | None, message: str, damaged: bool = False) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("MetroViewer")
    box.setText(message)
    recover = box.addButton(box.tr("Recover what can be read"), QMessageBox.ButtonRole.ActionRole) if damaged else None
    other = box.addButton(box.tr("Open another store…"), QMessageBox.ButtonRole.AcceptRole)
    aside = box.addButton(box.tr("Move it aside and start a new store"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(box.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    choices = {id(recover): "recover", id(other): "other", id(aside): "aside"}
    return choices.get(id(clicked), "quit")


def recover_in_window(path: Path, parent: QWidget | None = None) -> Path | None:
    """Copy what can be read of the damaged store at `path` into a new store beside it, on the
    task runner with progress, and say what was recovered; returns the copy (None: it failed or
    was cancelled, which is said too). The damaged store is only read."""
    from ..desk.recovery import RecoveryReport, recover_store
    from .error_dialog import show_error

    dialog = QProgressDialog(parent)
    dialog.setWindowTitle("MetroViewer")
    dialog.setLabelText(dialog.tr("Recovering what can be read of {0}…").format(path.name))
    dialog.setRange(0, 0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    loop = QEventLoop()
    outcome: list[RecoveryReport | BaseException] = []
    runner = TaskRunner(Desk(path))  # the task reads the damaged file itself; the desk stays closed

    def finish(result: RecoveryReport | BaseException) -> None:
        outcome.append(result)
        loop.quit()

    handle = runner.run(
        lambda _desk, progress, cancelled: recover_store(path, progress=progress, cancelled=cancelled),
        lane="long", on_success=finish, on_failure=lambda e, _details: finish(e),
        on_progress=lambda table: dialog.setLabelText(
            dialog.tr("Recovering what can be read of {0}…\nCopying {1}").format(path.name, table)))
    dialog.canceled.connect(handle.cancel)
    dialog.show()
    if not handle.delivered:
        loop.exec()
    dialog.close()
    runner.shutdown()
    result = outcome[0] if outcome else None
    if not isinstance(result, RecoveryReport):
        if result is not None:
            show_error(parent, result)
        return None
    QMessageBox.information(parent, "MetroViewer", dialog.tr("The recovered copy opens now.") + "\n\n"
                            + result.as_text())
    return result.target


def move_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL files) so nothing in it is lost; returns the new name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            shutil.move(str(source), str(target) + suffix)
    return target


class _AskWhenShown(QObject):
    """Runs `ask` once, after the window's first show: from a zero-timer, so that the window is
    on screen (laid out and painted) before the question appears over it."""

    def __init__(self, window: MainWindow, ask: Callable[[], None]):
        super().__init__(window)
        self.window, self.ask = window, ask

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.window, self._ask_if_shown)
        return False

    def _ask_if_shown(self) -> None:
        if self.window.isVisible():  # not closed meanwhile
            self.ask()
        self.deleteLater()


def offer_samples_once_shown(window: MainWindow) -> None:
    """Offer the samples when the window is on screen: a first-start question before any window
    looked like a stray dialog, and it belongs to the window (it is its parent)."""
    asker = _AskWhenShown(window, lambda: offer_bundled_samples(window))
    if window.isVisible():
        QTimer.singleShot(0, window, asker._ask_if_shown)
    else:
        window.installEventFilter(asker)


def offer_bundled_samples(window: MainWindow) -> None:
    """On an empty store, offer the bundled sample documents so the desk is not empty."""
    if not window.opened.is_empty or window.desk.read_only or not SAMPLES.exists():
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
