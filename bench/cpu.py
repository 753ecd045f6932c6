"""CPU time of this process's descendants (the import's worker processes), read from /proc.

The workers are children of multiprocessing's fork server, not of this process, so their time
never reaches os.times(); a thread samples every descendant's counters while the import runs
and keeps the last figure each reached. On a shared machine CPU seconds compare runs better
than wall-clock seconds. Linux only: elsewhere the total is None.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime


class DescendantsCPU:
    """`with DescendantsCPU() as cpu: ...`, then `cpu.seconds` (None where /proc is missing)."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.by_pid: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="descendants-cpu", daemon=True)

    def _sample(self) -> None:
        for pid in _descendants(os.getpid()):
            seconds = _cpu_seconds(pid)
            if seconds is not None:
                self.by_pid[pid] = max(seconds, self.by_pid.get(pid, 0.0))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> DescendantsCPU:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def seconds(self) -> float | None:
        return round(sum(self.by_pid.values()), 1) if Path("/proc/self/stat").exists() else None
