"""The roll-up counts of stories stay exact: after imports, reading, a split, a merge, a delete
and its undo, a changed file and a regrouping, `region_counts` equals a count made directly from
the articles (a story counted once per region, where its lead version is)."""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bench.corpus import generate
from metroviewer.desk import Desk

STORIES = Path(__file__).parent / "data" / "real" / "stories"
COLUMNS = ("total", "unread", "about", "stories", "stories_unread", "stories_about")


def direct_counts(desk: Desk) -> dict[str, tuple[int, ...]]:
    """Per region (and "@all", "@topic:…"): the six columns counted from the articles, each
    story's lead found independently as its earliest version (by date, then id)."""
    conn = desk.store().conn
    articles = {aid: (story, published, is_read, topic) for aid, story, published, is_read, topic in conn.execute(
        "SELECT id, story_id, published_at, is_read, topic FROM articles")}
    earliest: dict[object, tuple[bool, str, int]] = {}
    for aid, (story, published, _read, _topic) in articles.items():
        key = (published is None, published or "", aid)
        group = story if story is not None else ("alone", aid)
        earliest[group] = min(earliest.get(group, key), key)
    leads = {key[2] for key in earliest.values()}
    scope: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for aid, rid, about in conn.execute("SELECT article_id, region_id, about FROM article_scope"):
        scope[aid].append((rid, about))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for aid, (_story, _published, is_read, topic) in articles.items():
        rows = [*scope[aid], ("@all", 0), *([("@topic:" + topic, 0)] if topic else [])]
        lead = aid in leads
        for rid, about in rows:
            c = counts[rid]
            c["total"] += 1
            c["unread"] += not is_read
            c["about"] += bool(about)
            c["stories"] += lead
            c["stories_unread"] += lead and not is_read
            c["stories_about"] += lead and bool(about)
    return {rid: tuple(c[k] for k in COLUMNS) for rid, c in counts.items()}


def rolled_up(desk: Desk) -> dict[str, tuple[int, ...]]:
    rows = desk.store().conn.execute(f"SELECT region_id, {', '.join(COLUMNS)} FROM region_counts").fetchall()
    return {r[0]: tuple(r[1:]) for r in rows if any(r[1:])}


def assert_exact(desk: Desk) -> None:
    want, have = direct_counts(desk), rolled_up(desk)
    wrong = {rid: (have.get(rid), want.get(rid)) for rid in set(want) | set(have) if have.get(rid) != want.get(rid)}
    assert wrong == {}
    leads = desk.store().conn.execute(
        "SELECT count(*) FROM (SELECT story_id FROM articles GROUP BY story_id HAVING sum(story_lead) != 1)")
    assert leads.fetchone()[0] == 0  # every story has exactly one lead


def article_of(desk: Desk, name: str) -> int:
    return int(desk.store().conn.execute(
        "SELECT a.id FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.path LIKE ?",
        ["%/" + name]).fetchone()[0])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("counts")
    news = root / "news"
    shutil.copytree(STORIES, news, ignore=shutil.ignore_patterns("*.json", "README.md"))
    generate(root / "news" / "generated", 400, seed=5)  # written from few clauses: many near-copies
    return news


def test_story_counts_stay_exact_through_every_change(tmp_path, folder):
    with Desk(tmp_path / "store.db") as desk:
        desk.open()
        desk.import_paths([folder], workers=0)
        assert_exact(desk)
        stories, articles = desk.tree_counts(stories=True), desk.tree_counts()
        assert stories.all_stories[0] < articles.all_articles[0]  # reprints count once

        desk.set_read([article_of(desk, "chengyu-rail-2.md"), article_of(desk, "xian-plan-1.md")])
        desk.store().articles.set_read(article_of(desk, "chengyu-rail-3.md"), False)  # one version unread again
        assert_exact(desk)

        desk.split_story(article_of(desk, "chengyu-rail-1.md"))  # the lead leaves: the next version leads
        desk.split_story(article_of(desk, "hz-metro-3.md"))
        assert_exact(desk)

        desk.merge_stories([article_of(desk, "zz-gdp-1.md"), article_of(desk, "ly-gdp-1.md")])
        assert_exact(desk)

        deleted = desk.delete([article_of(desk, "guangfo-metro-1.md"), article_of(desk, "xian-plan-2.md")]).value
        assert_exact(desk)
        desk.undo_delete(deleted)
        assert_exact(desk)

        (folder / "fz-port-1.md").write_text(
            "---\ntitle: 别的新闻\ndate: 2026-06-29\nsource: 新华社\n---\n\n" + "福州另一条消息，与港口无关。" * 4,
            encoding="utf-8")
        desk.import_paths([folder], workers=0)  # the changed file's old article (a lead) goes
        assert_exact(desk)

        desk.regroup_stories(jaccard=0.4)
        assert_exact(desk)
        desk.regroup_stories(jaccard=0.5)
        assert_exact(desk)


def test_a_recount_from_scratch_gives_the_counts_kept_by_the_import(tmp_path, folder):
    """What a re-tag and the m017 migration do (a full recount) agrees with the counts the
    import kept by deltas."""
    from metroviewer.store.counts import recount

    with Desk(tmp_path / "recount.db") as desk:
        desk.open()
        desk.import_paths([folder / "generated"], workers=0)
        kept = rolled_up(desk)
        conn = desk.store().conn
        recount(conn)
        conn.commit()
        assert rolled_up(desk) == kept
        assert_exact(desk)


def test_the_regions_command_counts_stories_when_asked(tmp_path):
    from .test_stories import run_cli

    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("chengyu-rail-1.md", "chengyu-rail-2.md", "chengyu-rail-3.md", "xian-plan-1.md"):
        shutil.copy(STORIES / name, folder / name)
    db = str(tmp_path / "cli.db")
    with Desk(tmp_path / "cli.db") as desk:
        desk.open()
        desk.import_paths([folder], workers=0)
    articles = run_cli("regions", "--db", db)
    stories = run_cli("regions", "--db", db, "--stories")
    assert articles.returncode == stories.returncode == 0, stories.stderr
    assert "重庆 (Chongqing): 3" in articles.stdout  # three reprints: three articles, one story
    assert "重庆 (Chongqing): 1" in stories.stdout
