"""The command line as product.md states it: JSON shapes, messages on stderr, exit codes."""

from __future__ import annotations

import json

from .conftest import T1, T2, WORKFLOW
from .test_rollup import run_cli


def test_import_articles_search_json_shapes(tmp_path):
    db = str(tmp_path / "cli.db")
    r = run_cli("import", str(WORKFLOW), "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert {k: report[k] for k in ("files", "added", "updated", "duplicates", "failed")} == {
        "files": 1, "added": 2, "updated": 0, "duplicates": 0, "failed": []}
    articles = json.loads(run_cli("articles", "--db", db, "--json").stdout)
    a2 = next(a for a in articles if a["title"] == T2)
    for key in ("id", "title", "source", "source_raw", "published_at", "topic", "language", "regions", "summary",
                "document"):
        assert key in a2
    assert a2["summary"]["groups"][0] == {
        "heading": "Development Planning",
        "points": a2["summary"]["groups"][0]["points"],
    } and len(a2["summary"]["groups"]) == 5
    assert a2["document"].endswith("产业同城化.txt") and a2["language"] == "en"
    hits = json.loads(run_cli("search", "资阳", "--db", db, "--json").stdout)
    assert [h["title"] for h in hits] == [T1] and "【资阳】" in hits[0]["snippet"]
    assert json.loads(run_cli("search", '" ( * -', "--db", db, "--json").stdout) == []


def test_failed_files_do_not_fail_the_run(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = run_cli("import", str(tmp_path / "bad.txt"), str(WORKFLOW), "--db", str(tmp_path / "x.db"), "--json")
    assert r.returncode == 0
    out = json.loads(r.stdout)
    assert out["added"] == 2 and out["failed"][0]["reason"] == "the file is binary, not text"


def test_a_store_that_cannot_be_opened_is_a_clear_error(tmp_path):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not a database" * 100)
    r = run_cli("articles", "--db", str(damaged), "--json")
    assert r.returncode != 0 and r.stdout == ""
    assert "damaged" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("articles", "--db", str(tmp_path / "none.db"))
    assert r.returncode != 0 and "no store" in r.stderr


def test_unknown_region_is_a_clear_error(tmp_path):
    db = str(tmp_path / "cli.db")
    run_cli("import", str(WORKFLOW), "--db", db)
    r = run_cli("articles", "--region", "Atlantis", "--db", db)
    assert r.returncode == 2 and "No region is called 'Atlantis'" in r.stderr
