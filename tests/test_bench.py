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
    for key in ("bare_insert", "search", "select_region", "gui_cold_start", "gui_during_import", "store_mb"):
        assert key in result
    assert "error" not in result["gui_cold_start"] and "error" not in result["gui_during_import"]
    assert result["briefing_pdf"]["articles"] == 200 and result["briefing_pdf"]["pages"] >= 2
    assert result["search"]["p95_ms"] > 0
