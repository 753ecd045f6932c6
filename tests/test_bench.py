"""The benchmark keeps working (at a tiny size; its figures are not asserted: no timed tests)."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT


def test_the_benchmark_runs_at_a_tiny_size(tmp_path):
    out = tmp_path / "bench.json"
    r = subprocess.run([sys.executable, "-m", "bench", "--articles", "300", "--work", str(tmp_path / "work"),
                        "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(out.read_text())
    assert result["import"]["added"] == 300
    for key in ("bare_insert", "minimal_reference", "search", "select_region", "gui_cold_start",
                "gui_during_import", "store_mb"):
        assert key in result
    listing = result["stories_vs_articles"]["median_ms_by_region"]["all articles"]
    assert listing["stories"] > 0 and listing["articles"] > 0
    assert "error" not in result["gui_cold_start"] and "error" not in result["gui_during_import"]
    assert result["briefing_pdf"]["articles"] == 200 and result["briefing_pdf"]["pages"] >= 2
    assert result["search"]["p95_ms"] > 0


def test_the_benchmark_runs_on_one_article_a_file_against_both_references(tmp_path):
    out = tmp_path / "bench.json"
    r = subprocess.run([sys.executable, "-m", "bench", "--articles", "120", "--shape", "single", "--skip-gui",
                        "--work", str(tmp_path / "work"), "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(out.read_text())
    assert result["shape"] == "single"
    assert result["corpus"]["files"] == result["import"]["added"] == 120
    for key in ("bare_insert", "minimal_reference"):
        assert result[key]["articles_per_s"] > 0 and result[key]["import_ratio"] > 0


def test_the_recoll_comparison_runs_or_says_why_not(tmp_path):
    r = subprocess.run([sys.executable, "-m", "bench.recoll", "--articles", "30", "--work", str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    if r.stdout.startswith("skipped"):
        assert "recollindex is not installed" in r.stdout
        return
    result = json.loads(r.stdout)
    assert result["articles"] == 30
    # Every article holding a Chinese query as a substring is found by MetroViewer's search.
    chinese = {q: v for q, v in result["metroviewer"]["recall"].items() if not q.isascii()}
    assert any(v is not None for v in chinese.values()) and all(v in (None, 1.0) for v in chinese.values())
    assert result["recoll"]["store_mb"] > 0 and result["metroviewer"]["files_per_s"] > 0
