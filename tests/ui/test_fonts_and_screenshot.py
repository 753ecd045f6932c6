"""Chinese renders with the bundled font; --screenshot saves the window."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QFont, QFontInfo, QRawFont
from PySide6.QtWidgets import QApplication

from metroviewer.ui.fonts import CJK_FAMILY, register_fonts

from ..conftest import ROOT


def test_the_bundled_font_is_registered_and_has_chinese_glyphs(qapp):
    families = register_fonts(QApplication.instance())
    assert CJK_FAMILY in families
    font = QFont(CJK_FAMILY)
    assert QFontInfo(font).family() == CJK_FAMILY
    raw = QRawFont.fromFont(font)
    assert all(raw.supportsCharacter(ch) for ch in "成都都市圈長三角臺资阳德阳")


def test_screenshot_option_writes_a_picture_of_the_window(workflow_db, tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "main.py", "--db", str(workflow_db), "--screenshot", str(out),
                        "--region", "成都都市圈", "--article", "2"], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 600
