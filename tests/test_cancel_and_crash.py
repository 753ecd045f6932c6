"""Cancelling (or killing) an import leaves whole files only; running it again finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from bench.corpus import generate
from metroviewer.ingest.readers import read_document
from metroviewer.ingest.run import ImportRun
from metroviewer.store import Store

from .conftest import ROOT


def articles_per_file(store: Store) -> dict[str, int]:
    return dict(store.db.execute(
        "SELECT d.path, count(a.id) FROM documents d LEFT JOIN articles a ON a.document_id = d.id "
        "WHERE d.status = 'ok' GROUP BY d.id").fetchall())


def assert_only_whole_files(store: Store) -> None:
    from pathlib import Path

    assert store.integrity_ok()
    for path, count in articles_per_file(store).items():
        assert count == len(read_document(Path(path), Path(path).read_bytes()).articles), path


def test_cancel_midway_keeps_whole_files_and_a_rerun_adds_the_rest(tmp_path):
    corpus = generate(tmp_path / "docs", 4000, seed=5)
    store = Store(tmp_path / "c.db")
    seen = []

    def cancel_after_some() -> bool:
        return len(seen) >= 150  # past the first batch (BATCH_ARTICLES), before the end

    first = ImportRun(store).run([tmp_path / "docs"], progress=seen.append, cancelled=cancel_after_some)
    assert first.cancelled and 0 < first.added < 4000
    assert store.articles.count() == first.added
    assert_only_whole_files(store)
    second = ImportRun(store).run([tmp_path / "docs"])
    assert second.added == 4000 - first.added
    assert store.articles.count() == len(corpus.articles) == 4000
    assert_only_whole_files(store)
    store.close()


def test_a_killed_import_leaves_a_consistent_store(tmp_path):
    generate(tmp_path / "docs", 6000, seed=9)
    db = tmp_path / "k.db"
    proc = subprocess.Popen([sys.executable, "main.py", "import", str(tmp_path / "docs"), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        if db.exists():
            try:
                with Store(db, readonly=True) as s:
                    if s.articles.count() > 0:
                        break
            except Exception:  # the store is being created
                pass
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = Store(db)
    partial = store.articles.count()
    assert 0 < partial < 6000
    assert_only_whole_files(store)
    ImportRun(store).run([tmp_path / "docs"])
    assert store.articles.count() == 6000
    assert store.integrity_ok()
    store.close()
