"""The import-time windows and note changes on the command line: `--since last-look`,
`--since last-briefing`, `note --edit` and `note --delete`."""

from __future__ import annotations

import json

from .conftest import PAPERS, T1, T2, WORKFLOW
from .test_rollup import run_cli


def _json(*args):
    r = run_cli(*args, "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _titles(*args):
    return sorted(a["title"] for a in _json(*args))


def test_brief_since_last_briefing_holds_only_what_was_imported_after_it(tmp_path):
    db = str(tmp_path / "cli.db")
    run_cli("import", str(WORKFLOW), "--db", db)
    first = _json("brief", "--since", "last-briefing", "--markdown", str(tmp_path / "first.md"), "--db", db)
    assert first["articles"] == 2  # no briefing before: every article
    run_cli("import", str(PAPERS), "--db", db)
    papers = [t for t in _titles("articles", "--db", db) if t not in (T1, T2)]
    assert papers
    second = _json("brief", "--since", "last-briefing", "--markdown", str(tmp_path / "second.md"), "--db", db)
    text = (tmp_path / "second.md").read_text(encoding="utf-8")
    assert second["articles"] == len(papers)
    assert T1 not in text and T2 not in text and all(title in text for title in papers)
    assert "Imported since" in text  # the briefing says which window it covers
    third = _json("brief", "--since", "last-briefing", "--markdown", str(tmp_path / "third.md"), "--db", db)
    assert third["articles"] == 0
    # the last briefing is the latest of any scope: the list says the same
    assert _json("articles", "--since", "last-briefing", "--db", db) == []
    run_cli("import", str(PAPERS / "ChinaXiv-201810.00116V1.md"), "--db", db)  # already in: nothing new
    assert _json("articles", "--since", "last-briefing", "--db", db) == []


def test_articles_since_last_look_lists_what_arrived_since_the_previous_look(tmp_path):
    db = str(tmp_path / "cli.db")
    run_cli("import", str(WORKFLOW), "--db", db)
    # never looked at: everything; that listing is a look
    assert _titles("articles", "--region", "成都都市圈", "--since", "last-look", "--db", db) == sorted([T1, T2])
    assert _titles("articles", "--region", "成都都市圈", "--since", "last-look", "--db", db) == []
    run_cli("import", str(PAPERS), "--db", db)
    new = _titles("articles", "--since", "last-look", "--db", db)  # all articles: never looked at
    assert T1 in new and len(new) > 2
    assert _json("search", "成都", "--since", "last-look", "--db", db) == []
    # a plain listing is not a look
    assert _titles("articles", "--region", "成都都市圈", "--db", db) == sorted([T1, T2])
    r = run_cli("articles", "--since", "last-week", "--db", db)
    assert r.returncode == 2 and "not a date" in r.stderr
    help_text = run_cli("articles", "--help").stdout
    assert "last-look" in help_text and "last-briefing" in help_text and "import" in help_text


def test_note_edit_and_delete(tmp_path):
    db = str(tmp_path / "cli.db")
    run_cli("import", str(WORKFLOW), "--db", db)
    a1 = next(a["id"] for a in _json("articles", "--db", db) if a["title"] == T1)
    highlight = _json("note", str(a1), "first thought", "--quote", "资阳", "--db", db)
    plain = _json("note", str(a1), "to delete", "--db", db)
    [listed, _] = next(a for a in _json("articles", "--db", db) if a["id"] == a1)["notes"]
    assert listed["id"] == highlight["id"]
    changed = _json("note", "--edit", str(highlight["id"]), "second thought", "--db", db)
    assert (changed["text"], changed["quote"]) == ("second thought", "资阳")
    assert _json("note", "--delete", str(plain["id"]), "--db", db) == {"deleted": plain["id"]}
    notes = next(a for a in _json("articles", "--db", db) if a["id"] == a1)["notes"]
    assert [(n["id"], n["text"]) for n in notes] == [(highlight["id"], "second thought")]
    assert [n["id"] for n in _json("notes", "--search", "second", "--db", db)] == [highlight["id"]]
    assert _json("notes", "--search", "first", "--db", db) == []
    r = run_cli("note", "--delete", str(plain["id"]), "--db", db)
    assert r.returncode == 2 and f"no note {plain['id']}" in r.stderr
