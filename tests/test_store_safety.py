"""Stores that must not be written: another program's database, a newer store, a damaged one;
two writers at once; an interrupted re-tag; command-line input that is not what it says."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
import threading

import pytest

from metroviewer.cli import main as cli_main
from metroviewer.core.models import UserError
from metroviewer.desk import Desk
from metroviewer.store import Store

from .conftest import PAPERS, WORKFLOW


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_programs_database_is_refused_and_left_untouched(tmp_path, capsys):
    places = tmp_path / "places.sqlite"
    conn = sqlite3.connect(places)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = digest(places)
    for command in (["stats"], ["import", str(WORKFLOW)]):
        assert cli_main([*command, "--db", str(places)]) == 2
        assert "is not a MetroViewer store" in capsys.readouterr().err
    assert digest(places) == before
    assert not (tmp_path / "places.sqlite-wal").exists()
    conn = sqlite3.connect(places)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["moz_places"]


def mark_as_newer(path) -> None:
    """As a newer MetroViewer leaves a store: a migration this version does not know."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('metroviewer', 'm999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()


def files_beside(path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_a_store_made_by_a_newer_version_is_read_but_never_written(sample_store_path, tmp_path, capsys):
    mark_as_newer(sample_store_path)
    before, mtime = digest(sample_store_path), sample_store_path.stat().st_mtime_ns
    for command in (["stats"], ["articles"], ["search", "成都"], ["regions"], ["stories"],
                    ["brief", "--pdf", str(tmp_path / "brief.pdf")]):
        assert cli_main([*command, "--db", str(sample_store_path)]) == 0, command
        assert capsys.readouterr().out.strip()
    assert (tmp_path / "brief.pdf").stat().st_size > 0
    for command in (["import", str(PAPERS)], ["retag"], ["edit", "1", "--title", "x"], ["note", "1", "a note"],
                    ["label", "1", "mine"], ["delete", "1"], ["saved", "add", "s", "--query", "成都"]):
        assert cli_main([*command, "--db", str(sample_store_path)]) == 2, command
        err = capsys.readouterr().err
        assert "was made by a newer MetroViewer" in err and "it is open read-only" in err, command
        assert "Traceback" not in err
    assert digest(sample_store_path) == before and sample_store_path.stat().st_mtime_ns == mtime
    assert files_beside(sample_store_path) == ["samples.db"]  # no -wal or -shm left


def as_another_user(path, mode: int, folder_mode: int):
    """The user that runs the command cannot write `path` (mode) or its folder (folder_mode).
    Root writes any file, so under root the command runs as `nobody` (setpriv), who owns the
    folder; returns the command's prefix."""
    import os

    os.chmod(path, mode)
    os.chmod(path.parent, folder_mode)
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: every file is writable")
    for p in (path.parent, path):
        os.chown(p, 65534, 65534)
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    import subprocess
    import sys

    from .conftest import ROOT

    probe = subprocess.run([*prefix, sys.executable, "-c", f"open({str(ROOT / 'main.py')!r}).close()"],
                           capture_output=True, timeout=60)
    if probe.returncode != 0:  # a checkout in a private folder (mktemp -d is 0700)
        pytest.skip("running as root, and `nobody` cannot read this checkout: every file is writable to root")
    return prefix


@pytest.mark.parametrize("file_mode, folder_mode", [(0o444, 0o755), (0o644, 0o555)],
                         ids=["read-only file", "read-only folder"])
def test_a_write_on_a_store_that_cannot_be_written_ends_in_a_sentence_and_leaves_no_files(
        prepared_store_file, tmp_path, file_mode, folder_mode):
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    from .conftest import ROOT

    # Not under tmp_path: pytest keeps its own folders closed to other users.
    sample_store_path = Path(tempfile.mkdtemp(prefix="metroviewer-read-only-")) / "samples.db"
    shutil.copy(prepared_store_file, sample_store_path)
    user = as_another_user(sample_store_path, file_mode, folder_mode)
    before = digest(sample_store_path)
    env = dict(os.environ, HOME=str(tmp_path))

    def run(*args):
        return subprocess.run([*user, sys.executable, "main.py", *args, "--db", str(sample_store_path)], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=120)

    try:
        for command in (["import", str(PAPERS)], ["retag"], ["note", "1", "a note"]):
            r = run(*command)
            assert r.returncode == 2, r.stderr
            assert "it is open read-only" in r.stderr and "Traceback" not in r.stderr
        r = run("stats")
        assert r.returncode == 0 and "Articles: 5" in r.stdout, r.stderr
        assert files_beside(sample_store_path) == ["samples.db"]
        assert digest(sample_store_path) == before
    finally:
        os.chmod(sample_store_path.parent, 0o755)
        shutil.rmtree(sample_store_path.parent)


def test_new_stores_carry_metroviewers_application_id(tmp_path):
    with Store(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == 0x4D565752


def test_a_store_damaged_inside_a_table_is_refused_for_writing(sample_store_path, capsys):
    page_size = 4096
    with sqlite3.connect(sample_store_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'article_regions'").fetchone()[0]
    data = bytearray(sample_store_path.read_bytes())
    start = (page - 1) * page_size
    data[start + 8:start + page_size] = b"\x5a" * (page_size - 8)  # the page's cells overwritten
    sample_store_path.write_bytes(bytes(data))
    before = digest(sample_store_path)
    assert cli_main(["import", str(WORKFLOW), "--db", str(sample_store_path)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "Traceback" not in err
    assert digest(sample_store_path) == before


def test_two_imports_on_one_store_both_finish(tmp_path):
    from bench.corpus import generate

    for name, seed in (("a", 1), ("b", 2)):
        generate(tmp_path / name, 120, seed=seed)
    path = tmp_path / "store.db"
    Desk(path).open()
    errors: list[BaseException] = []
    reports = {}

    def run(name: str) -> None:
        try:
            with Desk(path) as desk:
                reports[name] = desk.import_paths([tmp_path / name], workers=0).value
        except BaseException as e:  # noqa: BLE001 (the test reports any)
            errors.append(e)

    threads = [threading.Thread(target=run, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with Store(path) as store:
        assert store.articles.count() == reports["a"].added + reports["b"].added > 0
        assert store.integrity_ok()


def test_an_interrupted_retag_is_marked_and_a_full_one_clears_the_mark(sample_store_path):
    with Desk(sample_store_path) as desk:
        assert desk.open().retag_needed is False
        desk.retag(cancelled=lambda: True)  # stops before its first batch is written
        assert desk.stats()["retag_needed"] is True
    with Desk(sample_store_path) as desk:
        assert desk.open().retag_needed is True
        assert desk.retag().value == 5
        assert desk.stats()["retag_needed"] is False


def test_a_changed_region_list_asks_for_a_retag(sample_store_path):
    with sqlite3.connect(sample_store_path) as conn:
        conn.execute("UPDATE meta SET value = 'an older list' WHERE key IN ('gazetteer_version', 'tags_version')")
    with Desk(sample_store_path) as desk:
        assert desk.open().retag_needed is True
        desk.retag()
        assert desk.stats()["retag_needed"] is False


@pytest.mark.parametrize("args, message", [
    (["articles", "--since", "notadate"], "is not a date"),
    (["search", "成都", "--limit", "-1"], "is not a count"),
])
def test_the_command_line_refuses_arguments_that_are_not_what_they_say(args, message, capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        cli_main([*args, "--db", str(tmp_path / "x.db")])
    assert exit_info.value.code == 2 and message in capsys.readouterr().err


def test_a_closed_pipe_ends_the_listing_quietly(sample_store_path, monkeypatch, capsys):
    import io
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader (`| head`) has gone
    closed = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", closed)
    assert cli_main(["articles", "--db", str(sample_store_path)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_store_is_explained_not_created(tmp_path):
    with pytest.raises(UserError, match="There is no store"):
        Desk(tmp_path / "absent.db").open(create=False)
    assert not (tmp_path / "absent.db").exists()
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_a_screenshot_of_a_damaged_store_says_why_instead_of_waiting_on_a_dialog(tmp_path):
    import os
    import subprocess

    from .conftest import ROOT

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"garbage" * 2000)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "main.py", "--db", str(damaged), "--screenshot", str(tmp_path / "s.png")],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "is damaged or is not a MetroViewer store" in r.stderr
    assert "Traceback" not in r.stderr and damaged.read_bytes() == b"garbage" * 2000


def test_a_huge_query_is_read_only_up_to_the_stated_limit(sample_store, capsys, sample_store_path):
    from metroviewer.core.limits import MAX_QUERY_CHARS, MAX_QUERY_TERMS
    from metroviewer.core.search_text import fts_query, query_terms

    pasted = "成都都市圈 资阳 " * 20000  # a pasted page, 100,000+ characters
    match = fts_query(pasted)
    assert match.count(" AND ") + 1 <= MAX_QUERY_TERMS and len(match) < 20 * MAX_QUERY_CHARS
    assert len(query_terms(pasted)) <= MAX_QUERY_TERMS
    assert [r.title for r in sample_store.search.search(pasted)] == ["长三角资本“西进”为何锁定成都都市圈?"]
    assert cli_main(["search", pasted, "--db", str(sample_store_path)]) == 0
    assert f"its first {MAX_QUERY_CHARS} characters are searched" in capsys.readouterr().err


def test_a_large_store_is_checked_before_its_first_import(sample_store_path, monkeypatch):
    from metroviewer.desk import desk as desk_module

    monkeypatch.setattr(desk_module, "QUICK_CHECK_MAX_BYTES", 0)  # every store counts as large
    with Desk(sample_store_path) as desk:
        desk.open()
        assert not desk.checked
        desk.import_paths([WORKFLOW], workers=0)
        assert desk.checked
