"""Preparing files on worker processes, in order, with a bounded number in flight.

Parsing, tagging and index text are pure Python and hold the GIL; on worker processes
they use the other cores and leave the importing process (and the GUI in it) free to
write and to respond. Workers start from a fork server, never by forking a process
that runs Qt threads.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..core.models import PreparedFile
from ..regions.gazetteer import Gazetteer
from .prepare import ArticlePreparer
from .walk import Candidate

_preparer: ArticlePreparer | None = None


def _init_worker(gazetteer: Gazetteer) -> None:
    global _preparer
    try:
        # Workers yield the CPU to the window and to the writer: the GUI must not stall.
        os.nice(10)
    except OSError:
        pass
    _preparer = ArticlePreparer(gazetteer)


def _prepare(candidate: Candidate) -> PreparedFile:
    assert _preparer is not None
    return _preparer.prepare_file(candidate)


def worker_count() -> int:
    """Worker processes to use: one per core (up to 4), or none when they cannot start
    (workers re-import the main module, so it must be a file: not `python -c` or stdin)."""
    main = sys.modules.get("__main__")
    main_file = getattr(main, "__file__", None)
    if main_file is not None and not os.path.exists(main_file):
        return 0
    return min(4, os.cpu_count() or 1)


def interactive_worker_count() -> int:
    """Workers for an import started from the window: one core stays free for it."""
    return min(worker_count(), max(1, (os.cpu_count() or 1) - 1))


def prepare_in_workers(candidates: Iterable[Candidate], gazetteer: Gazetteer, *, workers: int,
                       in_flight: int = 192) -> Iterator[PreparedFile]:
    """PreparedFiles in the order of `candidates`; closing the iterator stops the workers.

    `in_flight` files are queued ahead: enough to keep the workers busy while the importer
    commits a batch (about 1,500 articles), which with 32 left them idle half the time.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["metroviewer.ingest.prepare"])
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                   initargs=(gazetteer,))
    pending: deque[Future[PreparedFile]] = deque()
    try:
        source = iter(candidates)
        for candidate in source:
            pending.append(executor.submit(_prepare, candidate))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
