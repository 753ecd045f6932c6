"""Starting the window (composition root of the GUI)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="metroviewer", description="Start the MetroViewer window.")
    p.add_argument("--db", metavar="PATH", help="the store to open (default: the one in your data folder)")
    p.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window and exit (no display needed)")
    p.add_argument("--size", metavar="WxH", default="1400x860", help="the window's size for --screenshot")
    p.add_argument("--region", metavar="NAME", help="select this region (Chinese or English name)")
    p.add_argument("--search", metavar="TEXT", help="search for this text")
    p.add_argument("--article", metavar="ID", type=int, help="open this article")
    p.add_argument("--dark", action="store_true", help="use the dark theme")
    p.add_argument("--language", choices=["en", "zh_CN"], help="interface language (default: as chosen in the "
                   "View menu, else the system's)")
    p.add_argument("--no-samples", action="store_true", help="do not offer the sample documents on an empty store")
    p.add_argument("--install-desktop-entry", action="store_true",
                   help="add MetroViewer to the desktop's application menu (~/.local/share) and exit")
    return p


def configure_runtime() -> None:
    """Interpreter settings for a responsive window: background threads (the import's writer)
    hand the GIL back to the GUI thread after 0.5 ms instead of 5 ms, so a query on the GUI
    thread is not held up once per row it reads; and the cycle collector runs a hundred times
    less often. An import makes millions of short-lived objects (freed by reference counting
    anyway), and each full collection they triggered held every thread, the GUI's included,
    for 80-90 ms."""
    sys.setswitchinterval(0.0005)
    gc.set_threshold(100_000, 50, 100)


def settle_after_start() -> None:
    """What the window built at start-up stays for the session: the collector stops scanning it."""
    gc.collect()
    gc.freeze()


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.install_desktop_entry:
        from .ui.desktop_entry import install_desktop_entry

        for path in install_desktop_entry():
            print(f"wrote {path}")
        return 0
    configure_runtime()
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if args.screenshot and not has_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif not has_display and not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        # Qt would abort with a message about "xcb"; say what is missing instead.
        print("metroviewer: the window needs a display (no DISPLAY or WAYLAND_DISPLAY is set). Run it in a "
              "desktop session, under Xvfb (xvfb-run make run), or use the command line: "
              "python main.py --help", file=sys.stderr)
        return 1
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .store import default_store_path
    from .ui.app_window import open_window
    from .ui.error_dialog import install_excepthook
    from .ui.fonts import register_fonts
    from .ui.i18n import chosen_language, install_translators
    from .ui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("MetroViewer")
    app.setApplicationName("MetroViewer")
    register_fonts(app)
    from PySide6.QtGui import QIcon

    from . import RESOURCES

    app.setWindowIcon(QIcon(str(RESOURCES / "desktop" / "metroviewer.svg")))
    settings = QSettings()
    install_translators(app, args.language or chosen_language(settings))
    dark = args.dark or settings.value("view/dark", False, type=bool)
    apply_theme(app, dark=dark)
    install_excepthook()
    path = Path(args.db).expanduser() if args.db else default_store_path()
    window = open_window(path, settings, offer_samples=not (args.screenshot or args.no_samples),
                         interactive=not args.screenshot)
    if window is None:
        return 1
    if args.dark:
        window.reader.dark = True
    if args.screenshot:
        from .ui.screenshot import take_screenshot

        return take_screenshot(window, args)
    window.show()
    settle_after_start()
    app.setProperty("main_window", window)
    return app.exec()
