"""The user's control over the store: delete (and undo), re-import keeps deleted articles
away unless asked, edits survive re-import; from the command line and the desk."""

from __future__ import annotations

import json
import shutil

from metroviewer.cli import main as cli_main
from metroviewer.desk import Desk
from metroviewer.store import Store

from .conftest import T1, T2, WORKFLOW


def titles(path) -> list[str]:
    with Store(path) as store:
        return sorted(a.title for a in store.articles.get_many(store.articles.ids()))


def ids_by_title(path) -> dict[str, int]:
    with Store(path) as store:
        return {a.title: a.id for a in store.articles.get_many(store.articles.ids())}


def run(capsys, *args) -> tuple[int, str]:
    code = cli_main(list(args))
    return code, capsys.readouterr().out


def imported_inbox(tmp_path, capsys):
    """A folder holding the workflow export, imported into a new store: (folder, db)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(WORKFLOW, folder / "export.txt")
    db = str(tmp_path / "s.db")
    run(capsys, "import", str(folder), "--db", db)
    return folder, db


def test_delete_then_reimport_then_restore_from_the_command_line(tmp_path, capsys):
    folder, db = imported_inbox(tmp_path, capsys)
    target = ids_by_title(db)[T1]
    code, out = run(capsys, "delete", str(target), "--db", db)
    assert code == 0 and "Deleted 1 articles" in out
    assert titles(db) == [T2]
    _, out = run(capsys, "search", "资阳", "--db", db)
    assert "Nothing matches" in out
    # the file changed (a new article in it) so it is read again: the deleted one stays away
    (folder / "export.txt").write_text(WORKFLOW.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run(capsys, "import", str(folder), "--db", db)
    assert titles(db) == [T2]
    _, out = run(capsys, "import", str(folder), "--db", db, "--restore-deleted")
    assert titles(db) == sorted([T1, T2])
    _, out = run(capsys, "search", "资阳", "--db", db)
    assert T1 in out
    with Store(db) as store:
        assert store.articles.totals() == (2, 2) and store.integrity_ok()


def test_deleting_a_whole_document_and_counts_follow(sample_store_path, capsys):
    db = str(sample_store_path)
    before = ids_by_title(db)
    code, out = run(capsys, "delete", str(before[T2]), "--document", "--db", db, "--json")
    assert code == 0 and sorted(json.loads(out)["deleted"]) == sorted([before[T1], before[T2]])
    remaining = titles(db)
    assert T1 not in remaining and T2 not in remaining and len(remaining) == 3  # the papers stay
    with Store(db) as store:
        counts = {rid: n for rid, n in store.regions.counts().items() if n[0]}
        store.regions.recount()  # counted again from scratch: the same numbers
        assert {rid: n for rid, n in store.regions.counts().items() if n[0]} == counts
        assert "德阳" not in counts and store.articles.totals()[0] == 3


def test_undo_puts_the_article_back_as_it_was(sample_store_path):
    with Desk(sample_store_path) as desk:
        desk.open()
        target = next(r.id for r in desk.page(desk.article_filter()) if r.title == T1)
        desk.set_starred([target], True)
        before = desk.store().regions.counts()
        outcome = desk.delete([target])
        assert outcome.changes.rows and outcome.changes.counts and "成都都市圈" in outcome.changes.regions
        assert desk.article(target) is None
        desk.undo_delete(outcome.value)
        view = desk.article(target)
        assert view.article.title == T1 and view.article.is_starred
        assert desk.store().regions.counts() == before
        assert [r.id for r in desk.search("重装之都")] == [target]
        assert desk.store().integrity_ok()


def test_an_edited_title_source_and_date_survive_reimport(tmp_path, capsys):
    folder, db = imported_inbox(tmp_path, capsys)
    target = ids_by_title(db)[T1]
    code, out = run(capsys, "edit", str(target), "--title", "资本西进成都都市圈", "--source", "新浪",
                    "--date", "2025-12-20", "--db", db, "--json")
    edited = json.loads(out)
    assert code == 0 and edited["title"] == "资本西进成都都市圈" and edited["source"] == "新浪"
    assert edited["published_at"].startswith("2025-12-20")
    run(capsys, "import", str(folder), "--db", db)
    assert "资本西进成都都市圈" in titles(db)
    _, out = run(capsys, "search", "西进", "--db", db)
    assert "资本西进成都都市圈" in out
    _, out = run(capsys, "articles", "--since", "2025-12-20", "--until", "2025-12-20", "--db", db)
    assert "资本西进成都都市圈" in out


def test_bad_edits_and_unknown_ids_are_refused_plainly(sample_store_path, capsys):
    db = str(sample_store_path)
    assert cli_main(["edit", "1", "--date", "someday", "--db", db]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert cli_main(["edit", "99999", "--title", "x", "--db", db]) == 2
    assert "There is no article 99999" in capsys.readouterr().err
    assert cli_main(["delete", "99999", "--db", db]) == 2
    assert "No article 99999" in capsys.readouterr().out


def test_an_id_is_never_given_twice_after_the_newest_article_is_deleted(tmp_path, capsys):
    """"Imported after article N" (since I last looked) and undo rely on ids only growing."""
    folder, db = imported_inbox(tmp_path, capsys)
    before = ids_by_title(db)
    newest = max(before.values())
    assert run(capsys, "delete", str(newest), "--db", db)[0] == 0
    (folder / "later.md").write_text("# 成都都市圈通勤圈建设提速\n\n成都与德阳之间的市域铁路开工。\n", encoding="utf-8")
    run(capsys, "import", str(folder), "--db", db)
    added = {t: i for t, i in ids_by_title(db).items() if t not in before}
    assert list(added) == ["成都都市圈通勤圈建设提速"]
    assert added["成都都市圈通勤圈建设提速"] > newest
