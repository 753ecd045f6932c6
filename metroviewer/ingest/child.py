"""An import in a process of its own: `python -m metroviewer.ingest.child --db STORE -- PATH...`

The window runs its imports here (see external.py): the writing, the bookkeeping and the
receiving of prepared files then hold no lock in the window's process, whose event loop
otherwise waited for them. Standard output carries one JSON object a line: {"progress": …}
per file, then {"report": …} or {"error": "…"}. A line "cancel" on standard input (or its
end: the window went away) stops the run at the next batch boundary, like Cancel does.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core.models import UserError

if TYPE_CHECKING:
    from .run import Progress


def _watch_stdin(cancel: threading.Event) -> None:
    for line in sys.stdin:
        if line.strip() == "cancel":
            break
    cancel.set()


def _emit(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


# Progress lines at most this often (and always the last file's): a folder of one article a
# file otherwise wrote, and the window read, a line for each of thousands of files a second.
PROGRESS_EVERY_S = 0.05


def _progress_emitter() -> Callable[[Progress], None]:
    last = [0.0]

    def emit(progress: Progress) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_S or progress.files_done >= progress.files_total:
            last[0] = now
            _emit({"progress": dataclasses.asdict(progress)})

    return emit


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="metroviewer.ingest.child")
    p.add_argument("--db", required=True)
    p.add_argument("--include", action="append", default=[])
    p.add_argument("--exclude", action="append", default=[])
    p.add_argument("--ignore", action="append", default=None, help="the skip list (default: not_articles.py's)")
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("paths", nargs="*")
    args = p.parse_args(argv)
    cancel = threading.Event()
    threading.Thread(target=_watch_stdin, args=(cancel,), daemon=True).start()
    try:
        from ..regions.gazetteer import default_gazetteer
        from ..store import Store
        from .run import ImportRun

        with Store(args.db) as store:
            run = ImportRun(store, default_gazetteer(), include=args.include or None,
                            exclude=args.exclude or None, workers=args.workers, ignore=args.ignore)
            report = run.run(args.paths, _progress_emitter(), cancel.is_set)
        _emit({"report": report.to_json()})
        return 0
    except UserError as e:
        _emit({"error": str(e)})
        return 2
    except OSError as e:  # a vanished folder, say: said plainly, nothing half-written
        _emit({"error": f"{e.strerror or e}" + (f": {e.filename}" if e.filename else "")})
        return 2
    except sqlite3.DatabaseError as e:  # a full disk, a store locked too long: the batch under way is undone
        _emit({"error": f"The store could not be written ({e}). The batches written before are kept."})
        return 2


if __name__ == "__main__":
    sys.exit(main())
