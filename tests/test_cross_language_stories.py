"""Cross-language stories at import: a Chinese article and its English summary are one story
(as `articles --json` shows), other news of the same city and day in the other language stays
apart, and the user's split still wins over the evidence."""

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
# 郑州's half-year statistics in Chinese and an English summary of them a day later; an English
# report on 郑州's housing rules the same day that cites the same 6.1% growth.
FILES = ["zz-gdp-1.md", "zz-gdp-en.md", "zz-housing-en.md"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "news"
    target.mkdir()
    for name in FILES:
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


def articles_json(db: Path) -> dict[str, dict]:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "articles", "--db", str(db), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return {a["title"]: a for a in json.loads(out.stdout)}


def test_a_chinese_article_and_its_english_summary_are_one_story(desk):
    db = desk.path
    desk.close()
    articles = articles_json(db)
    chinese = articles["上半年郑州市地区生产总值增长6.1%"]
    english = articles["Zhengzhou's economy grows 6.1% in first half, outpacing Henan"]
    assert chinese["story"] == english["story"]
    assert chinese["story_size"] == english["story_size"] == 2


def test_other_news_of_the_same_city_and_day_stays_a_story_of_its_own(desk):
    db = desk.path
    desk.close()
    articles = articles_json(db)
    housing = articles["Zhengzhou scraps last home-purchase curbs for non-residents"]
    assert housing["story_size"] == 1
    assert housing["story"] != articles["上半年郑州市地区生产总值增长6.1%"]["story"]


def test_the_summary_imported_in_a_later_run_joins_the_story(tmp_path, folder):
    (folder / "zz-gdp-en.md").unlink()
    with Desk(tmp_path / "later.db") as desk:
        desk.open()
        desk.import_paths([folder], workers=0)
        shutil.copy(STORIES / "zz-gdp-en.md", folder / "zz-gdp-en.md")
        desk.import_paths([folder], workers=0)
        stories = stories_by_file(desk.path)
    assert stories["zz-gdp-en.md"] == stories["zz-gdp-1.md"] != stories["zz-housing-en.md"]


def test_a_split_of_the_summary_survives_regrouping(desk):
    english = desk.store().conn.execute(
        "SELECT a.id FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.path LIKE '%zz-gdp-en.md'"
    ).fetchone()[0]
    desk.split_story(english)
    desk.regroup_stories()
    stories = stories_by_file(desk.path)
    assert stories["zz-gdp-en.md"] != stories["zz-gdp-1.md"]


def test_a_stricter_threshold_keeps_the_languages_apart(desk):
    desk.store().stories.regroup(cross_language=100.0)
    stories = stories_by_file(desk.path)
    assert stories["zz-gdp-en.md"] != stories["zz-gdp-1.md"]
    desk.store().stories.regroup(cross_language=2.0)
    assert stories_by_file(desk.path)["zz-gdp-en.md"] == stories_by_file(desk.path)["zz-gdp-1.md"]


def test_a_batch_reads_only_the_days_near_its_articles():
    """A batch spanning years reads, for each key, only windows around its articles' days."""
    from metroviewer.store.cross_language import WINDOW_DAYS, ArticleKeys, city_key, day_ranges

    batch = [ArticleKeys("zh", day, ("成都",)) for day in (1000, 1002, 1500, 3000)]
    batch.append(ArticleKeys("en", 1001, ("成都",)))
    english, chinese = city_key("en", "成都"), city_key("zh", "成都")
    ranges = day_ranges(batch)
    assert sorted(ranges) == sorted([
        (english, 1000 - WINDOW_DAYS, 1002 + WINDOW_DAYS),  # two close days: one window
        (english, 1500 - WINDOW_DAYS, 1500 + WINDOW_DAYS),
        (english, 3000 - WINDOW_DAYS, 3000 + WINDOW_DAYS),
        (chinese, 1001 - WINDOW_DAYS, 1001 + WINDOW_DAYS),
    ])
