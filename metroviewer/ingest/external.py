"""Running an import in a child process (child.py) and following it from this one.

The window's event loop shares its interpreter lock with whatever Python runs in its
process; an import there (writing batches, receiving prepared files) held it often enough
to stall the window by a tenth of a second. From a child process it cannot.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from ..core.models import ImportReport, UserError
from .run import CancelFn, ImportRun, Preview, Progress, ProgressFn, _never


class ChildImportRun:
    """The same interface as ImportRun (run, preview), with `run` in a child process."""

    def __init__(self, store_path: Path, make_local_run: Callable[[], ImportRun], *,
                 include: list[str] | None = None, exclude: list[str] | None = None, workers: int | None = None,
                 ignore: list[str] | None = None):
        self.store_path = Path(store_path)
        self.make_local_run = make_local_run  # a preview writes nothing: it runs here
        self.include, self.exclude, self.workers = include or [], exclude or [], workers
        self.ignore = ignore  # None: the default skip list (not_articles.py)

    def preview(self, paths: list[str | Path], progress: ProgressFn | None = None,
                cancelled: CancelFn = _never) -> Preview:
        return self.make_local_run().preview(paths, progress, cancelled)

    def command(self, paths: list[str | Path]) -> list[str]:
        cmd = [sys.executable, "-m", "metroviewer.ingest.child", "--db", str(self.store_path)]
        for pattern in self.include:
            cmd += ["--include", pattern]
        for pattern in self.exclude:
            cmd += ["--exclude", pattern]
        if self.ignore is not None:
            # An emptied list is sent as one empty pattern, which matches no name.
            for pattern in self.ignore or [""]:
                cmd += ["--ignore", pattern]
        if self.workers is not None:
            cmd += ["--workers", str(self.workers)]
        return [*cmd, "--", *(str(p) for p in paths)]

    def run(self, paths: list[str | Path], progress: ProgressFn | None = None,
            cancelled: CancelFn = _never) -> ImportReport:
        root = Path(__file__).resolve().parents[2]
        proc = subprocess.Popen(self.command(paths), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=root)
        assert proc.stdin and proc.stdout and proc.stderr
        lines: queue.Queue[str | None] = queue.Queue()

        def read() -> None:
            assert proc.stdout
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=read, daemon=True).start()
        errors: list[str] = []
        threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True).start()  # type: ignore[union-attr]
        report: ImportReport | None = None
        failure = ""
        asked_to_cancel = False
        while True:
            if cancelled() and not asked_to_cancel:
                asked_to_cancel = True
                try:
                    proc.stdin.write("cancel\n")
                    proc.stdin.flush()
                except OSError:
                    pass
            try:
                line = lines.get(timeout=0.1)
            except queue.Empty:
                continue
            if line is None:
                break
            message = json.loads(line)
            if "progress" in message and progress:
                progress(Progress(**message["progress"]))
            elif "report" in message:
                report = _report(message["report"])
            elif "error" in message:
                failure = message["error"]
        proc.wait()
        try:
            proc.stdin.close()
        except OSError:
            pass
        if report is not None:
            return report
        if failure:
            raise UserError(failure)
        detail = "".join(errors).strip().splitlines()
        raise RuntimeError(f"the import process ended with code {proc.returncode}"
                           + (f": {detail[-1]}" if detail else ""))


def _report(data: dict) -> ImportReport:
    return ImportReport.from_json(data)
