"""Stories at import: reprints grouped as one story, kept apart from other news, the user's
splits and merges surviving re-import and re-grouping; the command line's view of them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from metroviewer.desk import Desk
from metroviewer.store import Store

STORIES = Path(__file__).parent / "data" / "real" / "stories"
ROOT = Path(__file__).resolve().parent.parent
# Three versions of one story, two of another on the same day, one more apart.
CHENGYU = ["chengyu-rail-1.md", "chengyu-rail-2.md", "chengyu-rail-3.md"]
CHENGDAWAN = ["chengdawan-1.md", "chengdawan-2.md"]
OTHER = ["xian-plan-1.md"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "news"
    target.mkdir()
    for name in CHENGYU + CHENGDAWAN + OTHER:
        shutil.copy(STORIES / name, target / name)
    return target


@pytest.fixture
def desk(tmp_path: Path, folder: Path):
    with Desk(tmp_path / "store.db") as d:
        d.open()
        d.import_paths([folder], workers=0)
        yield d


def stories_by_file(path: Path) -> dict[str, int]:
    with Store(path) as store:
        return {Path(p).name: s for p, s in store.conn.execute(
            "SELECT d.path, a.story_id FROM articles a JOIN documents d ON d.id = a.document_id")}


def article_id(desk: Desk, name: str) -> int:
    row = desk.store().conn.execute(
        "SELECT a.id FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.path LIKE ?",
        ["%" + name]).fetchone()
    return int(row[0])


def test_reprints_are_one_story_and_other_news_stays_apart(desk):
    stories = stories_by_file(desk.path)
    assert len({stories[n] for n in CHENGYU}) == 1
    assert len({stories[n] for n in CHENGDAWAN}) == 1
    assert len({stories[n] for n in CHENGYU + CHENGDAWAN + OTHER}) == 3


def test_the_list_shows_each_story_once_with_its_number_of_sources(desk):
    rows = desk.page(desk.article_filter())
    assert len(rows) == 3
    by_title = {r.title: r.sources for r in rows}
    assert by_title["成渝中线高铁重庆段首座隧道贯通"] == 3  # the original is the lead
    assert sorted(by_title.values()) == [1, 2, 3]
    assert len(desk.page(desk.article_filter(), one_per_story=False)) == 6


def test_an_article_added_later_joins_its_story(desk, folder):
    shutil.copy(STORIES / "chengyu-rail-4.md", folder / "chengyu-rail-4.md")
    desk.import_paths([folder], workers=0)
    stories = stories_by_file(desk.path)
    assert stories["chengyu-rail-4.md"] == stories["chengyu-rail-1.md"]


def test_the_reader_lists_the_other_sources(desk):
    view = desk.article(article_id(desk, "chengyu-rail-1.md"))
    assert view.story is not None
    assert {v.source for v in view.story.versions} == {"新华社", "新浪财经", "澎湃新闻"}
    assert desk.article(article_id(desk, "xian-plan-1.md")).story is None


def test_reading_a_story_marks_every_version_read(desk):
    desk.set_read([article_id(desk, "chengyu-rail-1.md")])
    read = dict(desk.store().conn.execute(
        "SELECT d.path, a.is_read FROM articles a JOIN documents d ON d.id = a.document_id").fetchall())
    assert [read[p] for p in sorted(read) if "chengyu" in p] == [1, 1, 1]
    assert sum(read.values()) == 3
    assert desk.tree_counts().all_articles == (6, 3)


def test_deleting_a_story_lead_shows_its_next_version(desk):
    deleted = desk.delete([article_id(desk, "chengyu-rail-1.md")]).value
    rows = {r.title: r.sources for r in desk.page(desk.article_filter())}
    assert len(rows) == 3 and rows["重磅！成渝中线高铁迎来关键节点 重庆到成都将只需50分钟"] == 2
    desk.undo_delete(deleted)
    rows = {r.title: r.sources for r in desk.page(desk.article_filter())}
    assert len(rows) == 3 and rows["成渝中线高铁重庆段首座隧道贯通"] == 3


def test_a_changed_file_that_drops_the_lead_shows_the_next_version(desk, folder):
    (folder / "chengyu-rail-1.md").write_text("---\ntitle: 别的新闻\ndate: 2026-06-29\nsource: 新华社\n---\n\n"
                                             "另一条消息，与成渝中线高铁无关。" * 3, encoding="utf-8")
    desk.import_paths([folder], workers=0)
    rows = {r.title: r.sources for r in desk.page(desk.article_filter())}
    assert rows["重磅！成渝中线高铁迎来关键节点 重庆到成都将只需50分钟"] == 2
    assert rows["别的新闻"] == 1


def test_a_split_survives_reimport_and_regrouping(desk, folder):
    split = article_id(desk, "chengyu-rail-3.md")
    desk.split_story(split)
    assert stories_by_file(desk.path)["chengyu-rail-3.md"] != stories_by_file(desk.path)["chengyu-rail-1.md"]
    # The file changes (re-imported as a new article with the same text) and everything is grouped again.
    shutil.copy(STORIES / "chengyu-rail-4.md", folder / "chengyu-rail-4.md")
    desk.import_paths([folder], workers=0)
    desk.regroup_stories()
    stories = stories_by_file(desk.path)
    assert stories["chengyu-rail-3.md"] != stories["chengyu-rail-1.md"]
    assert stories["chengyu-rail-2.md"] == stories["chengyu-rail-1.md"] == stories["chengyu-rail-4.md"]


def test_a_merge_survives_regrouping_and_a_fresh_import_of_the_articles(desk, folder):
    desk.merge_stories([article_id(desk, "chengyu-rail-1.md"), article_id(desk, "chengdawan-1.md")])
    stories = stories_by_file(desk.path)
    assert len({stories[n] for n in CHENGYU + CHENGDAWAN}) == 1
    desk.regroup_stories()
    stories = stories_by_file(desk.path)
    assert len({stories[n] for n in CHENGYU + CHENGDAWAN}) == 1
    # Deleted and restored from the files again: the choice is kept by content hash.
    desk.delete([article_id(desk, n) for n in CHENGDAWAN])
    desk.import_paths([folder], workers=0, restore_deleted=True)
    stories = stories_by_file(desk.path)
    assert len({stories[n] for n in CHENGYU + CHENGDAWAN}) == 1
    assert stories["xian-plan-1.md"] != stories["chengyu-rail-1.md"]


def test_a_lower_threshold_is_a_setting_kept_in_the_store(desk):
    desk.regroup_stories(jaccard=0.9)
    stories = stories_by_file(desk.path)
    assert stories["chengyu-rail-2.md"] == stories["chengyu-rail-1.md"]  # near-exact copies still group
    assert desk.store().conn.execute("SELECT value FROM meta WHERE key = 'stories.jaccard'").fetchone()[0] == "0.9"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_the_command_line_lists_stories_and_story_sizes(desk):
    db = str(desk.path)
    desk.close()
    out = run_cli("articles", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    sizes = sorted(a["story_size"] for a in json.loads(out.stdout))
    assert sizes == [1, 2, 2, 3, 3, 3]
    assert all(isinstance(a["story"], int) for a in json.loads(out.stdout))
    out = run_cli("stories", "--db", db, "--json")
    data = json.loads(out.stdout)
    assert [s["size"] for s in data if s["title"] == "成渝中线高铁重庆段首座隧道贯通"] == [3]
    assert sorted(s["size"] for s in data) == [1, 2, 3]
    chengyu = next(s for s in data if s["size"] == 3)
    assert set(chengyu["sources"]) == {"新华社", "新浪财经", "澎湃新闻"}
    text = run_cli("stories", "--db", db, "--region", "重庆").stdout
    assert "(3 sources)" in text and "新浪财经" in text


def test_a_briefing_lists_a_story_once_with_all_its_sources(desk):
    from metroviewer.briefing.document import briefing_document
    from metroviewer.briefing.markdown import markdown_text

    briefing = desk.compose_briefing()
    titles = [a.title for s in briefing.sections for a in s.articles]
    assert len(titles) == 3
    assert titles.count("成渝中线高铁重庆段首座隧道贯通") == 1
    assert "重磅！成渝中线高铁迎来关键节点 重庆到成都将只需50分钟" not in titles
    assert {"新华社", "新浪财经", "澎湃新闻", "达州日报", "川观新闻"} <= dict(briefing.sources).keys()
    # Top stories rank by the number of sources that carried them.
    assert [(s.article.title, s.sources) for s in briefing.top_stories][:2] == [
        ("成渝中线高铁重庆段首座隧道贯通", 3), ("成达万高铁四川段首次架梁", 2)]
    text = markdown_text(briefing_document(briefing))
    assert text.count("成渝中线高铁重庆段首座隧道贯通") == 2, text  # in top stories and in its section
    assert "Also carried by: 新浪财经, 澎湃新闻" in text


def test_a_briefing_by_story_gives_each_story_a_section_most_covered_first(desk):
    briefing = desk.compose_briefing(group_by="story")
    sizes = [len(s.articles) for s in briefing.sections]
    assert sizes == [1, 1, 1]  # three stories, each once
    headings = [s.heading for s in briefing.sections]
    assert headings[0].endswith("(3 sources)") and headings[1].endswith("(2 sources)")
    assert "sources)" not in headings[2]
    zh = desk.compose_briefing(group_by="story", language="zh_CN")
    assert zh.sections[0].heading.endswith("（3 个来源）")


def test_a_replaced_version_leaves_no_band_rows_behind(desk, folder):
    """A band keeps only its first few articles: a removed version must free its places, or a
    later near-copy would find no candidate there."""
    (folder / "chengyu-rail-1.md").write_text("---\ntitle: 别的新闻\ndate: 2026-06-29\nsource: 新华社\n---\n\n"
                                             "另一条消息，与成渝中线高铁无关。" * 3, encoding="utf-8")
    desk.import_paths([folder], workers=0)
    conn = desk.store().conn
    orphans = conn.execute("SELECT count(*) FROM story_bands WHERE article_id NOT IN (SELECT id FROM articles)")
    assert orphans.fetchone()[0] == 0
