"""A guard against Qt binding versions that corrupt reference counts (PySide6 6.12.0 did:
None/True/False returned from model overrides were released once too often, and the app
aborted after a few hundred list refreshes or at exit)."""

from __future__ import annotations

import os
import subprocess
import sys

from ..conftest import ROOT

SCRIPT = """
from PySide6.QtWidgets import QApplication, QTableView
from metroviewer.desk import Desk
from metroviewer.ui.article_list_model import ArticleListModel
import sys
app = QApplication([])
desk = Desk(sys.argv[1])
model = ArticleListModel(lambda request, deliver: deliver(desk.page(**request)), lambda r: r)
view = QTableView()
view.setModel(model)
view.show()
for _ in range(400):
    model.reload()
    app.processEvents()
print("survived")
"""


def test_many_list_refreshes_and_exit_do_not_abort(workflow_db, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(workflow_db)], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0 and "survived" in r.stdout, r.stderr[-800:]
