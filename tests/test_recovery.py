"""A damaged store: a recovery copy holds every article that can still be read, searchable, and
the damaged file is never changed."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from metroviewer.cli import main as cli_main
from metroviewer.desk import Desk
from metroviewer.desk.recovery import recover_store
from metroviewer.store import Store

PAGE_SIZE = 4096


def damage_leaf(path, table: str) -> None:
    """Overwrite the cells of one leaf page of `table` (its middle one), as a bad disk would."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            leaves = [r[0] for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table])]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find a table's pages")
        if not leaves:
            leaves = [conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]]
    conn.close()
    page = leaves[len(leaves) // 2]
    data = bytearray(path.read_bytes())
    start = (page - 1) * PAGE_SIZE
    data[start + 8:start + PAGE_SIZE] = b"\x5a" * (PAGE_SIZE - 8)
    path.write_bytes(bytes(data))


def readable_titles(path) -> set[str]:
    """The titles SQLite still returns from the damaged file, each looked up on its own."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    titles = set()
    for rowid in range(1, 100):
        try:
            row = conn.execute("SELECT title FROM articles WHERE rowid = ?", [rowid]).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row:
            titles.add(row[0])
    conn.close()
    return titles


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_copy_holds_every_readable_article_searchable_and_the_damaged_store_is_unchanged(sample_store_path):
    with Store(sample_store_path) as store:
        all_titles = {a.title for a in store.articles.get_many(store.articles.ids())}
    damage_leaf(sample_store_path, "articles")
    readable = readable_titles(sample_store_path)
    assert 0 < len(readable) < len(all_titles)  # the damage cost some articles, not all
    before = digest(sample_store_path)

    report = recover_store(sample_store_path)

    assert digest(sample_store_path) == before
    assert sorted(p.name for p in sample_store_path.parent.iterdir() if p.name.startswith("samples.db")) == \
        ["samples.db"]  # nothing left beside the damaged store
    assert report.target.name.startswith("samples.recovered-") and report.target.suffix == ".db"
    assert (report.articles, report.articles_counted, report.articles_lost) == \
        (len(readable), len(all_titles), len(all_titles) - len(readable))
    assert f"Recovered {len(readable)} of {len(all_titles)} articles" in report.as_text()
    with Store(report.target) as copy:
        assert copy.integrity_ok()
        assert {a.title for a in copy.articles.get_many(copy.articles.ids())} == readable
        for title in readable:
            found = [r.title for r in copy.search.search(title[:4])]
            assert title in found
    with Desk(report.target) as desk:
        assert desk.open().counts.all_articles[0] == len(readable)
        assert desk.read_only is None  # the copy is a good store: it can be written


def test_lost_region_tags_ask_for_a_retag_of_the_copy_which_brings_them_back(sample_store_path):
    with Desk(sample_store_path) as desk:
        regions_before = desk.stats()["regions"]
    damage_leaf(sample_store_path, "article_regions")
    report = recover_store(sample_store_path)
    assert report.articles == 5 and report.retag_needed
    assert "re-tag the copy" in report.as_text()
    with Desk(report.target) as desk:
        assert desk.open().retag_needed
        desk.retag()
        assert desk.stats()["regions"] == regions_before and not desk.stats()["retag_needed"]


def test_recover_on_the_command_line(sample_store_path, tmp_path, capsys):
    damage_leaf(sample_store_path, "articles")
    copy = tmp_path / "rescued.db"
    assert cli_main(["recover", "--db", str(sample_store_path), "--to", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Recovered" in out and "The damaged store was not changed." in out and str(copy) in out
    assert cli_main(["articles", "--db", str(copy)]) == 0
    listed = capsys.readouterr().out
    assert all(title in listed for title in readable_titles(sample_store_path))
    # a second recovery does not overwrite the first copy
    assert cli_main(["recover", "--db", str(sample_store_path), "--to", str(copy)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_a_file_with_nothing_readable_is_said_plainly(tmp_path, capsys):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"garbage" * 2000)
    assert cli_main(["recover", "--db", str(garbage)]) == 2
    err = capsys.readouterr().err
    assert "Nothing can be recovered" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["garbage.db"]
