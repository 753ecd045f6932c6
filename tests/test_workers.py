"""Worker processes: a crashing one costs one file, not the import; a killed import leaves none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from metroviewer.ingest.parallel import prepare_in_workers
from metroviewer.ingest.walk import find_files
from metroviewer.regions.gazetteer import default_gazetteer

from .conftest import ROOT


def test_a_file_that_crashes_its_worker_is_reported_and_the_rest_are_read(tmp_path):
    from bench.corpus import generate

    from .crashing_reader import prepare_or_crash

    generate(tmp_path / "docs", 30, seed=5)
    (tmp_path / "docs" / "crash-me.txt").write_text("成都都市圈 news", encoding="utf-8")
    candidates = sorted(find_files([tmp_path / "docs"]), key=lambda c: c.path.name)
    prepared = list(prepare_in_workers(candidates, default_gazetteer(), workers=2, in_flight=8,
                                       prepare_fn=prepare_or_crash))
    assert [Path(p.path).name for p in prepared] == [c.path.name for c in candidates]
    failed = {Path(p.path).name: p.failure for p in prepared if p.failure}
    assert failed == {"crash-me.txt": "reading it made the import's worker process crash, twice"}
    assert all(p.articles for p in prepared if not p.failure)


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_a_killed_import_leaves_no_worker_processes(tmp_path):
    (tmp_path / "docs").mkdir()
    for i in range(600):
        (tmp_path / "docs" / f"{i:03}.txt").write_text(f"成都都市圈第{i}号简报\n\n" + "德阳、眉山、资阳同城化。" * 200,
                                                        encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "metroviewer.ingest.child", "--db", str(tmp_path / "s.db"),
                             "--workers", "2", "--", str(tmp_path / "docs")], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, stdin=subprocess.PIPE, text=True)
    helpers: set[int] = set()
    deadline = time.monotonic() + 60
    for line in proc.stdout:  # wait until the workers are busy
        helpers |= _descendants(proc.pid)
        if '"files_done": 100,' in line or time.monotonic() > deadline:
            break
    assert len(helpers) >= 3  # the fork server and two workers at least
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(p) for p in helpers):
        time.sleep(0.2)
    assert [p for p in helpers if _alive(p)] == []
