"""The monthly roll-up (store/rollups.py) equals a direct count of the articles and stories per
month after imports, a re-import of a changed file, deletes and their undo, a date edit, a
re-grouping of stories and a re-tag; the panels' monthly chart reads it."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.corpus import generate
from metroviewer.desk import Desk
from metroviewer.desk.retag import retag_all
from metroviewer.ingest.run import ImportRun
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store, rollups
from metroviewer.store.articles import ArticleFilter
from metroviewer.store.counts import recount
from metroviewer.store.schema import ALL_ARTICLES, TOPIC_PREFIX
from metroviewer.store.stories import regroup_all


def direct_months(store: Store) -> dict[tuple[str, str], tuple[int, int]]:
    """(key, month) → (articles, stories) counted from the articles and their scope rows."""
    counted: Counter[tuple[str, str, str]] = Counter()
    rows = store.db.execute("SELECT id, published_at, topic, story_lead FROM articles").fetchall()
    article = {aid: (when, topic, lead) for aid, when, topic, lead in rows}
    for region_id, when, aid in store.db.execute("SELECT region_id, published_at, article_id FROM article_scope"):
        if when:
            counted[(region_id, when[:7], "a")] += 1
            counted[(region_id, when[:7], "s")] += article[aid][2]
    for when, topic, lead in article.values():
        if when:
            for key in [ALL_ARTICLES, *([TOPIC_PREFIX + topic] if topic else [])]:
                counted[(key, when[:7], "a")] += 1
                counted[(key, when[:7], "s")] += lead
    keys = {(k, m) for k, m, _ in counted}
    return {(k, m): (counted[(k, m, "a")], counted[(k, m, "s")]) for k, m in keys if counted[(k, m, "a")]}


def stored_months(store: Store) -> dict[tuple[str, str], tuple[int, int]]:
    return {(k, m): (a, s) for k, m, a, s in store.db.execute(
        "SELECT region_id, month, articles, stories FROM region_months") if a or s}


def assert_rollup_exact(store: Store) -> None:
    stored, direct = stored_months(store), direct_months(store)
    wrong = {k: (stored.get(k), direct.get(k)) for k in set(stored) | set(direct) if stored.get(k) != direct.get(k)}
    assert not wrong, f"{len(wrong)} cells differ, e.g. {sorted(wrong.items())[:5]}"


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    folder = tmp_path_factory.mktemp("months")
    generate(folder / "first", 300, seed=21)
    generate(folder / "second", 200, seed=22)
    return folder


@pytest.fixture
def imported(corpora, tmp_path):
    path = tmp_path / "months.db"
    with Store(path) as store:
        ImportRun(store).run([corpora / "first"])
    return path


def test_imports_keep_the_rollup_exact_and_the_panels_read_it(imported, corpora):
    with Store(imported) as store:
        assert_rollup_exact(store)
        assert stored_months(store), "the import counted months"
        ImportRun(store).run([corpora / "second"])  # stories join versions across the two imports
        assert_rollup_exact(store)
        for f in (ArticleFilter(), ArticleFilter(region="长三角"), ArticleFilter(one_per_story=True)):
            direct = store.panels.months(ArticleFilter(region=f.region, one_per_story=f.one_per_story,
                                                       since="1900-01-01"))  # a date window: counted directly
            assert store.panels.months(f) == direct and sum(n for _m, n in direct) > 0
        stories = sum(n for _m, n in store.panels.months(ArticleFilter(one_per_story=True)))
        assert stories == store.panels.count(ArticleFilter(one_per_story=True)) < store.articles.totals()[0]


def test_reimporting_a_changed_file_keeps_the_rollup_exact(tmp_path, corpora):
    folder = tmp_path / "inbox"
    corpus = generate(folder, 60, seed=23)
    export = sorted(folder.rglob("export*.txt"))[0]
    path = tmp_path / "changed.db"
    with Store(path) as store:
        ImportRun(store).run([folder])
        lines = export.read_text(encoding="utf-8").splitlines()
        # The first article moves to 2018 with a new text (same title: replaced); the last goes.
        source = lines[5].split("·")[0]
        lines[5], lines[6] = f"{source}· 2018-03-04 10:00", lines[6] + " 另据消息，德阳规划同步调整。"
        last = max(i for i, line in enumerate(lines) if line in {a.title for a in corpus.articles})
        export.write_text("\n".join(lines[:last]) + "\n", encoding="utf-8")
        report = ImportRun(store).run([folder])
        assert report.updated == 1 and report.removed == 1
        assert_rollup_exact(store)
        assert ("2018-03", 1) in store.panels.months(ArticleFilter())


def test_deletes_undo_and_date_edits_keep_the_rollup_exact(imported):
    with Desk(imported) as desk:
        desk.open()
        ids = desk.article_ids(ArticleFilter(region="成都都市圈"), limit=15)
        assert len(ids) == 15
        outcome = desk.delete(ids[:10])
        with Store(imported) as store:
            assert_rollup_exact(store)
        desk.undo_delete(outcome.value)
        with Store(imported) as store:
            assert_rollup_exact(store)
        desk.edit(ids[12], date="2017-06-01")
        with Store(imported) as store:
            assert_rollup_exact(store)
            assert ("2017-06", 1) in store.panels.months(ArticleFilter(region="成都都市圈"))


def test_regrouping_and_retagging_keep_the_rollup_exact(imported):
    with Store(imported) as store:
        regroup_all(store.db.conn)
        store.db.conn.commit()
        assert_rollup_exact(store)
        # Tags of an older gazetteer: 成都 was not tagged; the counts were kept for those tags.
        with store.db.conn:
            store.db.execute("DELETE FROM article_scope WHERE region_id = '成都'")
            recount(store.db.conn)
            rollups.rebuild(store.db.conn)
        assert store.panels.months(ArticleFilter(region="成都")) == []
        retag_all(store.regions, default_gazetteer())
        assert_rollup_exact(store)
        assert store.panels.months(ArticleFilter(region="成都"))
