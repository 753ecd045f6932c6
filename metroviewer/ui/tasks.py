"""The one helper that runs long work off the GUI thread and reports back on it.

A task is a plain function `fn(store, progress, cancelled)`; it runs on a pool thread
with a store connection of its own (SQLite connections belong to one thread), and its
result, error and progress arrive as signals on the GUI thread. Writes go through a
one-thread pool, so the app has one writer at a time.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..store import Store

TaskFn = Callable[[Store, Callable[[Any], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    finished = Signal()


class TaskHandle:
    """What the caller keeps of a running task: a way to cancel it."""

    def __init__(self, writes: bool = False) -> None:
        self._cancel = threading.Event()
        self.signals = _Signals()
        self.done = False  # the work is over (set on the pool thread)
        self.delivered = False  # its result has reached the GUI thread
        self.writes = writes

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, store_path: Path, handle: TaskHandle):
        super().__init__()
        self.fn, self.store_path, self.handle = fn, store_path, handle

    def run(self) -> None:
        signals = self.handle.signals
        store = None
        try:
            store = Store(self.store_path)
            result = self.fn(store, signals.progressed.emit, self.handle.is_cancelled)
        except Exception as e:  # delivered to the GUI thread, which shows it
            self._finish(store)
            signals.failed.emit(e, traceback.format_exc())
        else:
            self._finish(store)
            signals.succeeded.emit(result)
        signals.finished.emit()

    def _finish(self, store: Store | None) -> None:
        # Done before the result is delivered: the receiver may already ask the runner.
        if store is not None:
            store.close()
        self.handle.done = True


class TaskRunner(QObject):
    """Runs tasks against one store file: reads on a small pool, writes one at a time."""

    def __init__(self, store_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.store_path = store_path
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._handles: list[TaskHandle] = []
        self._closed = False

    def run(self, fn: TaskFn, *, on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[Exception, str], None] | None = None,
            on_progress: Callable[[Any], None] | None = None, writes: bool = False) -> TaskHandle:
        handle = TaskHandle(writes)
        # After shutdown the owner is gone: results still queued for it are dropped.
        if on_success:
            handle.signals.succeeded.connect(lambda r: None if self._closed else on_success(r))
        if on_failure:
            handle.signals.failed.connect(lambda e, d: None if self._closed else on_failure(e, d))
        if on_progress:
            handle.signals.progressed.connect(lambda p: None if self._closed else on_progress(p))
        handle.signals.finished.connect(lambda: setattr(handle, "delivered", True))
        # Keep each handle (and its signals object) until its result has been delivered.
        self._handles = [h for h in self._handles if not h.delivered] + [handle]
        (self._writer if writes else self._readers).start(_Runnable(fn, self.store_path, handle))
        return handle

    def busy(self) -> bool:
        return any(not h.done for h in self._handles)

    def writing(self) -> bool:
        """Whether a write (an import, a re-tag) is under way."""
        return any(h.writes and not h.done for h in self._handles)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel what runs and wait for it: a cancelled import stops at its next file."""
        for h in self._handles:
            h.cancel()
        self._readers.waitForDone(timeout_ms)
        self._writer.waitForDone(timeout_ms)
        self._closed = True
