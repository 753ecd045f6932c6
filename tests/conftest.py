"""Shared fixtures: the sample paths, a fresh store per test, one imported store copied per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The window must not touch the store on its GUI thread: in tests such an access raises.
os.environ["METROVIEWER_STRICT_THREADS"] = "1"

from metroviewer.ingest.run import ImportRun  # noqa: E402
from metroviewer.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED_SAMPLES = ROOT.parent / "shared" / "samples"
SAMPLES = SHARED_SAMPLES if SHARED_SAMPLES.exists() else ROOT / "resources" / "samples"
WORKFLOW = SAMPLES / "workflow" / "产业同城化.txt"
PAPERS = SAMPLES / "papers"
T1 = "长三角资本“西进”为何锁定成都都市圈?"
T2 = "南京都市圈GDP突破5.4万亿,中国城市竞争释放新信号"


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "store.db")
    yield s
    s.close()


@pytest.fixture
def workflow_store_path(tmp_path: Path) -> Path:
    """A store holding only the workflow export's two articles."""
    path = tmp_path / "workflow.db"
    with Store(path) as store:
        ImportRun(store).run([WORKFLOW])
    return path


@pytest.fixture(scope="session")
def prepared_store_file(tmp_path_factory) -> Path:
    """The workflow sample and the papers imported once; tests get a copy."""
    path = tmp_path_factory.mktemp("prepared") / "samples.db"
    s = Store(path)
    ImportRun(s).run([WORKFLOW, PAPERS])
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return path


@pytest.fixture
def sample_store_path(prepared_store_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "samples.db"
    shutil.copy(prepared_store_file, target)
    return target


@pytest.fixture
def sample_store(sample_store_path: Path):
    s = Store(sample_store_path)
    yield s
    s.close()


def by_title(store: Store) -> dict:
    return {a.title: a for a in store.articles.get_many(store.articles.ids())}
