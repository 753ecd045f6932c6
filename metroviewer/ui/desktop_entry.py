"""`metroviewer-gui --install-desktop-entry`: a launcher in the desktop's application menu
(a freedesktop.org .desktop file and its icon, in the user's own folders)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .. import RESOURCES

ENTRY = """[Desktop Entry]
Type=Application
Name=MetroViewer
Name[zh_CN]=都市圈简报台
Comment=A briefing desk for China's metropolitan-area policy news
Comment[zh_CN]=都市圈与区域一体化政策资讯简报工具
Exec={exec}
Icon=metroviewer
Terminal=false
Categories=Office;News;
"""


def install_desktop_entry(home: Path | None = None) -> list[Path]:
    """Write the launcher and the icon under ~/.local/share; returns the files written."""
    share = (home or Path.home()) / ".local" / "share"
    command = shutil.which("metroviewer-gui") or f"{sys.executable} -m metroviewer"
    entry = share / "applications" / "metroviewer.desktop"
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / "metroviewer.svg"
    for folder in (entry.parent, icon.parent):
        folder.mkdir(parents=True, exist_ok=True)
    entry.write_text(ENTRY.format(exec=command), encoding="utf-8")
    shutil.copyfile(RESOURCES / "desktop" / "metroviewer.svg", icon)
    return [entry, icon]
