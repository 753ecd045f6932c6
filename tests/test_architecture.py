"""The layers stay where architecture.md puts them: Qt only in ui/, SQL only in store/."""

from __future__ import annotations

import re

from .conftest import ROOT

PACKAGE = ROOT / "metroviewer"


def sources(exclude: tuple[str, ...]) -> list:
    return [p for p in PACKAGE.rglob("*.py") if not any(str(p.relative_to(PACKAGE)).startswith(e) for e in exclude)]


def test_qt_is_imported_only_in_ui_and_app():
    qt = re.compile(r"^\s*(from|import)\s+(PySide6|pyqtgraph)", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for p in sources(("ui/", "app.py")) if qt.search(p.read_text())]
    assert offenders == []


def test_sql_statements_live_in_store():
    sql = re.compile(r"\b(SELECT\s+\S+.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b")
    offenders = [str(p.relative_to(ROOT)) for p in sources(("store/",)) if sql.search(p.read_text())]
    assert offenders == []
