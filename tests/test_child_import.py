"""The window's imports run in a child process: same results, cancel, and errors said plainly."""

from __future__ import annotations

import pytest

from metroviewer.core.models import UserError
from metroviewer.ingest.external import ChildImportRun
from metroviewer.ingest.run import ImportRun
from metroviewer.store import Store

from .conftest import PAPERS, T1, T2, WORKFLOW, by_title


def child_run(store: Store, **options) -> ChildImportRun:
    return ChildImportRun(store.path, lambda: ImportRun(store), **options)


def test_a_child_import_stores_what_an_import_here_would(tmp_path):
    progress = []
    with Store(tmp_path / "s.db") as store:
        report = child_run(store, workers=0).run([WORKFLOW, PAPERS], progress.append)
        assert (report.files, report.added, report.failed, report.cancelled) == (4, 5, [], False)
        assert {T1, T2} <= set(by_title(store))
    assert progress[-1].files_done == progress[-1].files_total == 4
    again = child_run(Store(tmp_path / "s.db")).run([WORKFLOW])
    assert (again.added, again.duplicates) == (0, 2)


def test_options_reach_the_child(tmp_path):
    with Store(tmp_path / "s.db") as store:
        report = child_run(store, include=["*201810*"], workers=0).run([PAPERS])
        assert report.files == 1 and report.added == 1  # only the file the pattern names


def test_cancelling_stops_the_child_and_keeps_the_store_whole(tmp_path):
    with Store(tmp_path / "s.db") as store:
        report = child_run(store, workers=0).run([WORKFLOW, PAPERS], cancelled=lambda: True)
        assert report.cancelled
        assert store.integrity_ok()
        assert store.articles.count() == report.added


def test_a_store_that_cannot_be_opened_is_a_plain_error(tmp_path):
    bad = tmp_path / "not-a-store.db"
    bad.write_bytes(b"garbage" * 1000)
    run = ChildImportRun(bad, lambda: None, workers=0)  # type: ignore[arg-type, return-value]
    with pytest.raises(UserError, match="cannot be opened|not a MetroViewer store|not a database"):
        run.run([WORKFLOW])
