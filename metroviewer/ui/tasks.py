"""The one helper that runs desk work off the GUI thread and reports back on it.

A task is a plain function `fn(desk, progress, cancelled)`; it runs on a pool thread (the
desk gives each thread its own store connection, opened once and reused), and its result,
error and progress arrive as signals on the GUI thread. Three lanes, so that nothing short
waits behind something long:

- "read": reads (list pages, counts, panels, an article), two at a time;
- "write": short writes (read state, stars, edits), one at a time, in order;
- "long": long work (an import, a re-tag), one at a time.

SQLite serialises the writers themselves; a short write waits at most for one batch of an
import to commit, never for the whole import.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..desk import Desk

TaskFn = Callable[[Desk, Callable[[Any], None], Callable[[], bool]], Any]
Lane = Literal["read", "write", "long"]


class _Signals(QObject):
    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    finished = Signal()


class TaskHandle:
    """What the caller keeps of a running task: a way to cancel it."""

    def __init__(self, lane: Lane = "read") -> None:
        self._cancel = threading.Event()
        self.signals = _Signals()
        self.done = False  # the work is over (set on the pool thread)
        self.delivered = False  # its result has reached the GUI thread
        self.lane = lane

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, desk: Desk, handle: TaskHandle):
        super().__init__()
        self.fn, self.desk, self.handle = fn, desk, handle

    def run(self) -> None:
        signals = self.handle.signals
        try:
            result = self.fn(self.desk, signals.progressed.emit, self.handle.is_cancelled)
        except Exception as e:  # delivered to the GUI thread, which shows it
            self.handle.done = True  # before delivery: the receiver may already ask the runner
            signals.failed.emit(e, traceback.format_exc())
        else:
            self.handle.done = True
            signals.succeeded.emit(result)
        signals.finished.emit()


def _pool(parent: QObject, threads: int) -> QThreadPool:
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(threads)
    pool.setExpiryTimeout(-1)  # threads stay, and so do their store connections
    return pool


class TaskRunner(QObject):
    """Runs desk calls in lanes: reads two at a time, short writes and long work one at a time each."""

    def __init__(self, desk: Desk, parent: QObject | None = None):
        super().__init__(parent)
        self.desk = desk
        self._pools = {"read": _pool(self, 2), "write": _pool(self, 1), "long": _pool(self, 1)}
        self._handles: list[TaskHandle] = []
        self._closed = False

    def run(self, fn: TaskFn, *, on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[Exception, str], None] | None = None,
            on_progress: Callable[[Any], None] | None = None, lane: Lane = "read") -> TaskHandle:
        handle = TaskHandle(lane)
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
        self._pools[lane].start(_Runnable(fn, self.desk, handle))
        return handle

    def busy(self) -> bool:
        return any(not h.done for h in self._handles)

    def writing(self) -> bool:
        """Whether long work (an import, a re-tag) is under way."""
        return any(h.lane == "long" and not h.done for h in self._handles)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel what runs, wait for it, and close the desk's connections: a cancelled import
        stops at its next file."""
        if self._closed:
            return
        for h in self._handles:
            h.cancel()
        for pool in self._pools.values():
            pool.waitForDone(timeout_ms)
        self._closed = True
        self.desk.close()
