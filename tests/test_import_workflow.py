"""Importing the workflow export and the papers: the acceptance of product.md on the samples."""

from __future__ import annotations

import os
import shutil

from metroviewer.ingest.run import ImportRun

from .conftest import PAPERS, T1, T2, WORKFLOW, by_title

HEADINGS = ["Development Planning", "Urban Integration and Collaboration", "Key Focus Areas for New Planning",
            "Policy and Market Dynamics", "Lessons from Existing Metropolitan Areas"]


def test_the_sample_export_gives_exactly_its_two_articles(store):
    report = ImportRun(store).run([WORKFLOW])
    assert (report.files, report.added, report.failed) == (1, 2, [])
    articles = by_title(store)
    assert sorted(articles) == sorted([T1, T2])
    a1, a2 = articles[T1], articles[T2]
    assert (a1.source, a1.source_raw) == ("新浪财经", "Xin Lang Cai Jing")
    assert (a2.source, a2.source_raw) == ("21世纪经济报道", "21世纪经济报道")
    assert a1.published_at == "2025-12-22T18:17:00" and not a1.published_is_fallback
    assert a2.published_at == "2025-09-29T15:19:00"
    assert a1.topic == a2.topic == "产业同城化"
    assert a1.summary is None and a1.body.startswith("战略布局与市场选择") and a1.body.endswith("...")
    assert a1.document.endswith("产业同城化.txt")


def test_the_second_article_summary_has_a_core_viewpoint_and_five_headed_groups(store):
    ImportRun(store).run([WORKFLOW])
    summary = by_title(store)[T2].summary
    assert summary.core_viewpoint.startswith("The Nanjing metropolitan area is entering a new phase")
    assert summary.core_viewpoint.endswith("[1][3].")
    assert [g.heading for g in summary.groups] == HEADINGS
    assert [len(g.points) for g in summary.groups] == [3, 3, 3, 3, 3]
    # Citation markers stay on their point; hyphenated words are not split.
    assert summary.groups[0].points[1].endswith("[3][4].")
    assert "one-hour commute" in summary.groups[2].points[0]


def test_importing_the_same_file_again_adds_nothing(store):
    ImportRun(store).run([WORKFLOW])
    again = ImportRun(store).run([WORKFLOW])
    assert (again.added, again.updated, again.duplicates) == (0, 0, 2)
    assert store.articles.count() == 2


def test_other_encodings_and_line_endings_import_to_the_same_articles(store, tmp_path):
    text = WORKFLOW.read_text(encoding="utf-8")
    variants = {
        "gb18030.txt": text.encode("gb18030"),
        "utf16.txt": text.encode("utf-16"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
    }
    for name, data in variants.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / name).write_bytes(data)
    reference = ImportRun(store).run([WORKFLOW])
    expected = {(a.title, a.source, a.published_at, a.body) for a in by_title(store).values()}
    for name in variants:
        report = ImportRun(store).run([tmp_path / name])
        assert report.failed == [] and report.added == 0 and report.duplicates == 2, name
    assert reference.added == 2
    assert {(a.title, a.source, a.published_at, a.body) for a in by_title(store).values()} == expected


def test_each_paper_imports_as_one_article_with_its_title(store):
    report = ImportRun(store).run([PAPERS])
    assert (report.files, report.added) == (3, 3)
    assert sorted(by_title(store)) == sorted([
        "粤港澳大湾区城市群建设的历史逻辑、理论逻辑和实践逻辑",
        "天山北坡城市群可持续发展战略思路与空间布局",
        "世界级科技创新城市群：长三角一体化与上海科创中心的共同抉择",
    ])
    # Dated by their text (修回日期 of the first), else by the ChinaXiv identifier in the file name.
    dates = {a.title[:4]: (a.published_at, a.published_is_fallback) for a in by_title(store).values()}
    assert dates == {"世界级科": ("2018-08-09T00:00:00", False), "天山北坡": ("2019-01-01T00:00:00", False),
                     "粤港澳大": ("2021-10-01T00:00:00", False)}


def test_unreadable_files_are_listed_with_reasons_and_the_rest_imports(store, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(WORKFLOW, folder / "good.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_bytes(b"")
    os.symlink(folder / "missing.txt", folder / "broken.txt")
    os.mkfifo(folder / "pipe.txt")
    report = ImportRun(store).run([folder])
    reasons = {os.path.basename(f.path): f.reason for f in report.failed}
    assert reasons == {
        "binary.txt": "the file is binary, not text",
        "empty.txt": "the file is empty",
        "broken.txt": "a broken symbolic link (its target does not exist)",
        "pipe.txt": "a named pipe, not a file",
    }
    assert report.added == 2
    failed_rows = store.db.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0]
    assert failed_rows == 4  # each failure is recorded with its reason


def test_a_changed_file_updates_its_own_articles_and_leaves_others_alone(store, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(WORKFLOW, folder / "export.txt")
    (folder / "note.md").write_text("# 成都都市圈通勤\n\n成德眉资同城化加快推进。", encoding="utf-8")
    ImportRun(store).run([folder])
    first = by_title(store)
    store.articles.set_starred(first[T1].id, True)
    changed = WORKFLOW.read_text(encoding="utf-8").replace("立体化矩阵", "立体化组合")
    (folder / "export.txt").write_text(changed, encoding="utf-8")
    report = ImportRun(store).run([folder])
    assert (report.added, report.updated, report.duplicates) == (0, 1, 2)
    after = by_title(store)
    assert "立体化组合" in after[T1].body and after[T1].id == first[T1].id and after[T1].is_starred
    assert after["成都都市圈通勤"].id == first["成都都市圈通勤"].id
    assert [r.title for r in store.search.search("立体化组合")] == [T1]
    assert store.search.search("立体化矩阵") == []


def test_a_changed_file_is_read_and_hashed_once(tmp_path, monkeypatch):
    import shutil

    from metroviewer.ingest import prepare, run
    from metroviewer.ingest.run import ImportRun
    from metroviewer.store import Store

    from .conftest import WORKFLOW

    doc = tmp_path / "export.txt"
    shutil.copy(WORKFLOW, doc)
    with Store(tmp_path / "s.db") as store:
        ImportRun(store, workers=0).run([doc])
        doc.write_text(WORKFLOW.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        reads = []
        real = prepare.read_bytes

        def counted(path):
            reads.append(path)
            return real(path)

        monkeypatch.setattr(prepare, "read_bytes", counted)
        monkeypatch.setattr(run, "read_bytes", counted)
        report = ImportRun(store, workers=0).run([doc])
    assert reads == [doc] and report.duplicates == 2 and not report.failed
