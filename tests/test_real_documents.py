"""Reading real documents right: the evaluation set in tests/data/real/documents/, scored.

Saved news pages (front matter after blank lines or a BOM, YAML and TOML, captions, credits,
bylines, 来源 lines, QR and share boxes), papers converted from PDF (ChinaXiv CC BY preprints
and papers in their shape, with and without dates, ChinaXiv and arXiv file names), and a
folder with README/LICENSE beside articles. The expected readings are hand-checked in
tests/data/real/expected_documents.json; docs/quality.md records the score.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from metroviewer.core.search_text import snippet_markup
from metroviewer.ingest.run import ImportRun
from metroviewer.store import Store

REAL = Path(__file__).resolve().parent / "data" / "real"
DOCUMENTS = REAL / "documents"
EXPECTED = json.loads((REAL / "expected_documents.json").read_text(encoding="utf-8"))
FIELDS = ("title", "source", "date", "excerpt")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The set imported once into a fresh store: (store, report, articles by relative path)."""
    folder = tmp_path_factory.mktemp("real") / "documents"
    shutil.copytree(DOCUMENTS, folder)
    store = Store(folder.parent / "store.db")
    report = ImportRun(store).run([folder])
    by_path = {}
    for article in store.articles.get_many(store.articles.ids()):
        by_path[Path(article.document).relative_to(folder).as_posix()] = article
    yield store, report, by_path, folder
    store.close()


def _excerpt(article) -> str:
    """What the list shows under a title with no search (the start of the body), which the
    reader and the briefing lead with too (a paper's abstract, as its summary)."""
    return " ".join(article.body.split())


def _reading(article) -> dict[str, object]:
    return {
        "title": article.title,
        "source": article.source,
        "date": None if article.published_is_fallback else article.published_at,
        "excerpt": _excerpt(article),
    }


def _right(field: str, got: object, want: object) -> bool:
    if field == "date" and isinstance(got, str) and isinstance(want, str):
        return got.startswith(want) if len(want) == 10 else got == want
    if field == "excerpt":
        return isinstance(got, str) and got.startswith(str(want))
    return got == want


def score(by_path: dict) -> tuple[dict[str, float], list[str]]:
    """Accuracy per field over the set, and the wrong readings."""
    right = dict.fromkeys(FIELDS, 0)
    wrong = []
    for path, want in EXPECTED["articles"].items():
        article = by_path.get(path)
        got = _reading(article) if article else {}
        for field in FIELDS:
            if article and _right(field, got[field], want[field]):
                right[field] += 1
            else:
                wrong.append(f"{path} {field}: {got.get(field)!r} (expected {want[field]!r})")
    n = len(EXPECTED["articles"])
    return {f: right[f] / n for f in FIELDS}, wrong


def test_every_document_reads_right(imported):
    _store, report, by_path, _folder = imported
    assert report.failed == []
    assert sorted(by_path) == sorted(EXPECTED["articles"])  # one article a file, nothing else
    accuracy, wrong = score(by_path)
    assert wrong == []
    assert accuracy == dict.fromkeys(FIELDS, 1.0)


def test_the_set_is_large_enough_and_has_each_shape():
    files = [p for p in DOCUMENTS.rglob("*") if p.is_file()]
    assert len(files) >= 20
    assert any(p.name.startswith("ChinaXiv-") for p in files) and any(p.name[:4].isdigit() for p in files)


def test_readme_license_and_system_files_are_skipped_not_failed(imported):
    _store, report, by_path, folder = imported
    skipped = sorted(Path(f.path).relative_to(folder).as_posix() for f in report.skipped)
    assert skipped == sorted(EXPECTED["skipped"])
    assert {f.reason for f in report.skipped} == {"skipped (not an article)"}
    assert not any(Path(p).name.lower().startswith(("readme", "license", "changelog")) for p in by_path)
    assert "Skipped: 7" in report.as_text()


def test_a_dry_run_lists_the_skipped_files_too(tmp_path):
    with Store(tmp_path / "s.db") as store:
        preview = ImportRun(store).preview([DOCUMENTS / "folder"])
        names = sorted(Path(f.path).name for f in preview.skipped)
        assert names == [".DS_Store", "CHANGELOG.md", "LICENSE", "README.md", "Thumbs.db", "desktop.ini"]
        assert sorted(Path(r.path).name for r in preview.rows) == ["郑州都市圈.md", "青岛都市圈.txt"]
        assert preview.failed == []
        assert store.articles.count() == 0


def test_exclude_extends_the_skip_list_and_the_list_can_be_emptied(tmp_path):
    with Store(tmp_path / "s.db") as store:
        report = ImportRun(store, exclude=["青岛*"], ignore=[]).run([DOCUMENTS / "folder"])
        titles = [a.title for a in store.articles.get_many(store.articles.ids())]
        assert any("郑开" in t for t in titles) and not any("青岛" in t for t in titles)
        assert any(t.startswith("都市圈资料夹") for t in titles)  # the README, imported when asked
        assert report.skipped == []


def test_captions_credits_and_qr_text_are_not_found_by_search(imported):
    store, _report, by_path, _folder = imported
    pages = {a.id for p, a in by_path.items() if not p.startswith("papers/")}
    for phrase in EXPECTED["not_searchable"]:
        hits = {r.id for r in store.search.search(phrase, limit=100)}
        assert not hits & pages, phrase
        assert all(phrase not in by_path[p].body for p in by_path if not p.startswith("papers/")), phrase


def test_a_paper_dated_in_its_text_or_name_is_never_dated_by_file_time(imported):
    _store, _report, by_path, _folder = imported
    for path, want in EXPECTED["articles"].items():
        if path.startswith("papers/"):
            assert by_path[path].published_is_fallback is (want["date"] is None), path


def test_a_papers_summary_is_its_abstract_and_keywords_and_its_references_are_apart(imported):
    store, _report, by_path, _folder = imported
    paper = by_path["papers/都市圈通勤效率评价.md"]
    assert paper.summary.label == "Abstract"
    assert paper.body.startswith(paper.summary.core_viewpoint)
    assert paper.keywords == ["都市圈", "通勤效率", "同城化", "成都都市圈"]
    assert paper.summary.keywords == paper.keywords
    assert "钮心毅" in paper.references and "钮心毅" not in paper.body
    assert "西南交通大学" in paper.authors and "西南交通大学" not in paper.body
    for path, names in EXPECTED["papers_not_tagged_from_references_or_affiliations"].items():
        for name in names:
            assert by_path[path].id not in {r.id for r in store.search.search(name, limit=100)}, name


def test_articles_json_gives_url_and_keywords(imported):
    _store, _report, by_path, _folder = imported
    page = by_path["news/成德眉资通勤.md"].to_json()
    assert page["url"] == "https://www.scdaily.example.cn/2025/03/05/chengdu-metro.html"
    assert page["keywords"] == []
    paper = by_path["papers/ChinaXiv-202102.00041V1.md"].to_json()
    assert paper["keywords"] == ["国家中心城市", "关中平原城市群", "城市空间联系强度", "修正引力模型"]
    assert paper["url"] is None


def test_a_papers_search_snippet_starts_with_its_abstract(imported):
    store, _report, by_path, _folder = imported
    paper = by_path["papers/ChinaXiv-202102.00041V1.md"]
    rows = [r for r in store.search.search("空间联系强度", limit=50) if r.id == paper.id]
    assert rows and "李从容" not in snippet_markup(rows[0].snippet)


def test_the_reader_shows_the_address_and_folds_the_references(imported):
    from metroviewer.briefing.article_html import article_html

    _store, _report, by_path, _folder = imported
    page = article_html(by_path["news/成德眉资通勤.md"])
    assert 'href="https://www.scdaily.example.cn/2025/03/05/chengdu-metro.html"' in page
    paper = by_path["papers/ChinaXiv-202102.00041V1.md"]
    folded, shown = article_html(paper), article_html(paper, show_references=True)
    assert "references:show" in folded and "杜鹏" not in folded
    assert "杜鹏" in shown
    assert ">Abstract<" in folded and "修正引力模型" in folded  # the abstract and keywords lead
