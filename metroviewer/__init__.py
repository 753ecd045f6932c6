"""MetroViewer: a desktop briefing viewer for China's metropolitan-area policy news."""

from pathlib import Path

__version__ = "0.1.0"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
