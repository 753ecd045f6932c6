"""The analyst's layer on the command line: saved, follow, new, note, label, notes; --saved and --label."""

from __future__ import annotations

import json

from .conftest import PAPERS, T1, T2, WORKFLOW
from .test_rollup import run_cli


def _json(*args):
    r = run_cli(*args, "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_saved_searches_follow_and_new(tmp_path):
    db = str(tmp_path / "cli.db")
    run_cli("import", str(WORKFLOW), "--db", db)
    saved = _json("saved", "add", "成都圈", "--region", "Chengdu metropolitan area", "--db", db)
    assert saved["articles"] == 2 and saved["regions"] == ["成都都市圈"]
    _json("saved", "add", "gdp", "--query", "GDP", "--region", "南京都市圈", "--since", "2025-01-01", "--db", db)
    listed = _json("saved", "list", "--db", db)
    assert [(s["name"], s["articles"], s["unread"]) for s in listed] == [("gdp", 1, 1), ("成都圈", 2, 2)]
    assert [a["title"] for a in _json("articles", "--saved", "gdp", "--db", db)] == [T2]
    assert [a["title"] for a in _json("search", "资阳", "--saved", "成都圈", "--db", db)] == [T1]
    assert _json("search", "资阳", "--saved", "gdp", "--db", db) == []
    r = run_cli("articles", "--saved", "nothing", "--db", db)
    assert r.returncode == 2 and "no saved search called 'nothing'" in r.stderr

    assert _json("follow", "成都都市圈", "--db", db)["followed"] is True
    _json("follow", "--saved", "成都圈", "--db", db)
    assert all(item["new"] == 0 for item in _json("new", "--db", db))
    run_cli("import", str(PAPERS), "--db", db)
    run_cli("import", str(WORKFLOW), "--db", db)
    new = {item["name"]: item for item in _json("new", "--db", db)}
    assert set(new) == {"成都都市圈", "成都圈"} and new["成都都市圈"]["new"] == 0
    text = run_cli("new", "--db", db).stdout
    assert "成都都市圈: 0 new" in text

    removed = _json("saved", "remove", "gdp", "--db", db)
    assert removed == {"removed": "gdp"}
    assert [s["name"] for s in _json("saved", "list", "--db", db)] == ["成都圈"]


def test_new_counts_the_articles_imported_after_following(tmp_path):
    db = str(tmp_path / "cli.db")
    run_cli("import", str(PAPERS), "--db", db)
    _json("follow", "Chengdu metropolitan area", "--db", db)
    run_cli("import", str(WORKFLOW), "--db", db)
    [item] = _json("new", "--db", db)
    assert (item["name"], item["new"], item["kind"]) == ("成都都市圈", 2, "region") and item["with_figures"] >= 1
    assert "成都都市圈: 2 new, " in run_cli("new", "--seen", "--db", db).stdout
    assert _json("new", "--db", db)[0]["new"] == 0


def test_labels_and_notes_in_articles_json(tmp_path):
    db = str(tmp_path / "cli.db")
    run_cli("import", str(WORKFLOW), "--db", db)
    ids = {a["title"]: a["id"] for a in _json("articles", "--db", db)}
    a1, a2 = ids[T1], ids[T2]
    assert _json("label", str(a1), str(a2), "关注", "--db", db)["articles"] == [a1, a2]
    _json("label", str(a2), "GDP", "--db", db)
    assert [a["id"] for a in _json("articles", "--label", "GDP", "--db", db)] == [a2]
    note = _json("note", str(a1), "资本西进的理由", "--quote", "资阳", "--db", db)
    assert note["quote"] == "资阳" and note["text"] == "资本西进的理由"
    _json("note", str(a1), "another thought", "--db", db)
    r = run_cli("note", str(a1), "x", "--quote", "不在文中的句子", "--db", db)
    assert r.returncode == 2 and "does not contain" in r.stderr
    articles = {a["id"]: a for a in _json("articles", "--db", db)}
    assert articles[a1]["labels"] == ["关注"] and articles[a2]["labels"] == ["GDP", "关注"]
    assert [(n["text"], n["quote"]) for n in articles[a1]["notes"]] == [
        ("资本西进的理由", "资阳"), ("another thought", None)]
    assert all(n["created"] for n in articles[a1]["notes"]) and articles[a2]["notes"] == []
    hits = _json("notes", "--search", "西进", "--db", db)
    assert [h["article_id"] for h in hits] == [a1]
    out = tmp_path / "notes.md"
    run_cli("notes", "--region", "成都都市圈", "--markdown", str(out), "--db", db)
    markdown = out.read_text(encoding="utf-8")
    assert T1 in markdown and "> 资阳" in markdown and "资本西进的理由" in markdown and "新浪财经" in markdown


def test_a_briefing_prints_the_notes_beside_their_articles_and_brief_takes_saved(tmp_path):
    from .test_briefing import pdf_text

    db = str(tmp_path / "cli.db")
    run_cli("import", str(WORKFLOW), "--db", db)
    ids = {a["title"]: a["id"] for a in _json("articles", "--db", db)}
    _json("note", str(ids[T1]), "资本西进值得跟踪", "--quote", "资阳", "--db", db)
    _json("saved", "add", "nanjing", "--region", "南京都市圈", "--db", db)
    pdf = tmp_path / "brief.pdf"
    out = _json("brief", "--region", "成都都市圈", "--pdf", str(pdf), "--language", "zh_CN", "--db", db)
    assert out["articles"] == 2
    text = pdf_text(pdf)
    assert "资本西进值得跟踪" in text and "摘录：“资阳”" in text
    saved_pdf = tmp_path / "saved.pdf"
    out = _json("brief", "--saved", "nanjing", "--pdf", str(saved_pdf), "--language", "en", "--db", db)
    assert out["articles"] == 1 and T2.replace(" ", "") in pdf_text(saved_pdf)
    markdown = tmp_path / "brief.md"
    _json("brief", "--region", "成都都市圈", "--markdown", str(markdown), "--language", "en", "--db", db)
    assert "Note: 资本西进值得跟踪" in markdown.read_text(encoding="utf-8")
