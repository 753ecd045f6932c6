"""The analyst's import-time windows and the saved searches' cached counts on the desk."""

from __future__ import annotations

from metroviewer.desk import Desk
from metroviewer.desk.analyst import LAST_BRIEFING, LAST_LOOK
from metroviewer.ingest.run import ImportRun
from metroviewer.store.articles import ArticleFilter

from .conftest import PAPERS, T1, T2


def _counts(desk):
    return {s["name"]: (s["articles"], s["unread"]) for s in desk.saved_searches()}


def test_saved_search_counts_follow_reads_labels_edits_deletions_and_imports(workflow_store_path):
    with Desk(workflow_store_path) as desk:
        desk.open()
        ids = {a["title"]: a["id"] for a in desk.articles_json(desk.article_ids(ArticleFilter()))}
        desk.save_search("成都圈", regions=["成都都市圈"])
        desk.save_search("gdp", query="GDP")
        desk.save_search("关注", label="关注")
        desk.save_search("2025", since="2025-01-01", until="2025-12-31")
        first = _counts(desk)
        assert first["成都圈"] == (2, 2) and first["gdp"] == (1, 1) and first["关注"] == (0, 0)
        assert _counts(desk) == first  # nothing changed: the kept counts
        desk.set_read([ids[T2]], True)
        assert _counts(desk)["gdp"] == (1, 0) and _counts(desk)["成都圈"] == (2, 1)
        desk.set_read([ids[T2]], False)
        desk.set_read([ids[T1]], True)  # the same number unread as before, other articles
        assert _counts(desk)["gdp"] == (1, 1) and _counts(desk)["成都圈"] == (2, 1)
        desk.label([ids[T1]], "关注")
        assert _counts(desk)["关注"] == (1, 0)
        desk.label([ids[T1]], "关注", on=False)
        desk.label([ids[T2]], "关注")  # as many labels as before, on another article
        assert _counts(desk)["关注"] == (1, 1)
        before = _counts(desk)["2025"]
        desk.edit(ids[T2], date="2019-05-01")
        assert _counts(desk)["2025"][0] == before[0] - 1
        deleted = desk.delete([ids[T1]]).value
        assert _counts(desk)["成都圈"] == (1, 1)
        desk.undo_delete(deleted)
        assert _counts(desk)["成都圈"][0] == 2
        ImportRun(desk.store()).run([PAPERS])
        assert sum(n for n, _u in _counts(desk).values()) >= sum(n for n, _u in first.values())


def test_the_import_windows_start_at_the_last_look_and_the_last_briefing(workflow_store_path):
    with Desk(workflow_store_path) as desk:
        desk.open()
        newest = desk.import_marks().newest_id
        assert desk.window_start(LAST_LOOK, "region", "成都都市圈") == (None, None)  # never looked
        assert desk.window_start(LAST_BRIEFING, "all", "") == (None, None)  # no briefing yet
        assert desk.look("region", "成都都市圈").value[0] == newest  # the first look starts at itself
        desk.compose_briefing(regions=["南京都市圈"], record=True)
        ImportRun(desk.store()).run([PAPERS])
        after_look = desk.window_start(LAST_LOOK, "region", "成都都市圈")[0]
        after_briefing = desk.window_start(LAST_BRIEFING, "all", "")[0]
        assert after_look == after_briefing == newest
        new = desk.article_ids(ArticleFilter(after_id=after_briefing))
        assert new and min(new) > newest
        again = desk.look("region", "成都都市圈").value
        assert again[0] == newest  # this look's window starts where the previous look left off
        assert desk.window_start(LAST_LOOK, "region", "成都都市圈")[0] == desk.import_marks().newest_id
