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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..core.models import PreparedFile
from ..regions.gazetteer import Gazetteer
from .prepare import ArticlePreparer
from .walk import Candidate, display_path

_preparer: ArticlePreparer | None = None


def _exit_when_gone(importer_pid: int) -> None:
    """End this worker when the importing process ends, however it ends (SIGKILL included).

    A worker's parent is the fork server, not the importer, and the fork server waits for its
    children (they hold its "alive" pipe), while they wait on a queue whose write end they hold
    themselves: without this, a killed import left all of them running. A pidfd of the importer
    becomes readable when it exits; a daemon thread waits for that."""
    import select
    import threading

    try:
        pidfd = os.pidfd_open(importer_pid)
    except (AttributeError, OSError):  # not Linux 5.3+, or the importer is already gone
        if not _running(importer_pid):
            os._exit(1)
        return

    def wait() -> None:
        select.select([pidfd], [], [])
        os._exit(1)

    threading.Thread(target=wait, name="exit-with-importer", daemon=True).start()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _init_worker(gazetteer: Gazetteer, importer_pid: int) -> None:
    global _preparer
    _exit_when_gone(importer_pid)
    try:
        # Workers yield the CPU to the window and to the writer: the GUI must not stall.
        os.nice(10)
    except OSError:
        pass
    _preparer = ArticlePreparer(gazetteer)


def _prepare(candidate: Candidate) -> PreparedFile:
    assert _preparer is not None
    return _preparer.prepare_file(candidate)


def _prepare_chunk(prepare_fn: Callable[[Candidate], PreparedFile], chunk: list[Candidate]) -> list[PreparedFile]:
    return [prepare_fn(c) for c in chunk]


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


# Files sent to a worker at a time: a task's round trip through the pool costs the importing
# process about 0.2 ms, as much as receiving a prepared article; in chunks of 8 a folder of one
# article a file pays it once for eight.
CHUNK_FILES = 8


# Articles queued ahead of the importer: more than a batch (ingest/run.py BATCH_ARTICLES), so
# that the workers stay busy while the importer writes one. Counted in files, by the articles
# a file has held so far: 192 files of one article each kept them busy for a fifth of a batch
# write, and a 100,000-file import used 1.2 of the 2 cores; 192 exports of 20 articles are plenty.
IN_FLIGHT_ARTICLES = 2_000


def prepare_in_workers(candidates: Iterable[Candidate], gazetteer: Gazetteer, *, workers: int,
                       in_flight: int = 192, chunk_files: int = CHUNK_FILES,
                       prepare_fn: Callable[[Candidate], PreparedFile] = _prepare,
                       in_flight_articles: int = IN_FLIGHT_ARTICLES) -> Iterator[PreparedFile]:
    """PreparedFiles in the order of `candidates`; closing the iterator stops the workers.

    At least `in_flight` files are queued ahead (in chunks of `chunk_files`), and more while
    the files seen so far hold few articles, up to about `in_flight_articles`: enough to keep
    the workers busy while the importer commits a batch. A worker that dies (a reader crashing the interpreter, the out-of-memory
    killer) breaks the pool: each file of the chunk under way is tried once more on its own
    (reported as a failure if it breaks the pool again), and a new pool takes the chunks still
    queued; the import goes on.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["metroviewer.ingest.prepare"])

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                   initargs=(gazetteer, os.getpid()))

    executor = new_pool()
    pending: deque[tuple[list[Candidate], Future[list[PreparedFile]]]] = deque()

    def restart_pool() -> None:
        nonlocal executor
        executor.shutdown(wait=True, cancel_futures=True)
        executor = new_pool()

    def submit(chunk: list[Candidate]) -> None:
        pending.append((chunk, executor.submit(_prepare_chunk, prepare_fn, chunk)))

    def alone(candidate: Candidate) -> PreparedFile:
        try:
            return executor.submit(_prepare_chunk, prepare_fn, [candidate]).result()[0]
        except BrokenProcessPool:  # it broke the pool again: it is the cause
            restart_pool()
            return PreparedFile(path=display_path(candidate.path),
                                failure="reading it made the import's worker process crash, twice")

    def results_of_first() -> list[PreparedFile]:
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            # Some worker died. Try this chunk's files alone, then give the queued ones to a new pool.
            restart_pool()
            prepared = [alone(c) for c in chunk]
            for i, (queued, _broken) in enumerate(list(pending)):
                pending[i] = (queued, executor.submit(_prepare_chunk, prepare_fn, queued))
            return prepared

    files_seen = articles_seen = 0
    ahead = in_flight  # files queued ahead, from the articles a file has held so far

    def first_results() -> Iterator[PreparedFile]:
        nonlocal files_seen, articles_seen, ahead
        prepared = results_of_first()
        files_seen += len(prepared)
        articles_seen += sum(len(p.articles) for p in prepared)
        ahead = max(in_flight, in_flight_articles * files_seen // max(articles_seen, files_seen))
        yield from prepared

    try:
        chunk: list[Candidate] = []
        for candidate in candidates:
            chunk.append(candidate)
            if len(chunk) < chunk_files:
                continue
            submit(chunk)
            chunk = []
            if len(pending) * chunk_files >= ahead:
                yield from first_results()
        if chunk:
            submit(chunk)
        while pending:
            yield from first_results()
    finally:
        for _chunk, future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
