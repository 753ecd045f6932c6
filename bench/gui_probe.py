"""GUI measurements in a process of their own: cold start to the first painted frame, memory,
and the longest stall of the event loop while an import runs in the background.

    python -m bench.gui_probe coldstart STORE
    python -m bench.gui_probe stall STORE FOLDER
Writes one JSON object to the file named by BENCH_RESULT. With BENCH_STALL_STACKS=1 the stall
probe also says what the GUI thread was doing while it was late (`stall_stacks`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _memory_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process, from /proc."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


SETTLE_MS = 3000  # after the first paint, before the import starts


def main() -> None:
    started = float(os.environ.get("BENCH_T0", time.time()))
    mode, store = sys.argv[1], sys.argv[2]
    from pathlib import Path

    if mode == "brief":
        Path(os.environ["BENCH_RESULT"]).write_text(json.dumps(measure_briefing(Path(store))))
        return

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from metroviewer.app import configure_runtime, settle_after_start
    from metroviewer.regions.gazetteer import default_gazetteer
    from metroviewer.ui.fonts import register_fonts
    from metroviewer.ui.main_window import MainWindow

    configure_runtime()
    app = QApplication([])
    register_fonts(app)
    settings = QSettings(str(Path(store).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(Path(store), default_gazetteer(), settings)
    settle_after_start()  # as the app does once its window is up
    result: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and "cold_start_s" not in result:
                result["cold_start_s"] = time.time() - started
                QTimer.singleShot(0, after_paint)
            return False

    def after_paint() -> None:
        result["rss_mb_after_start"] = _memory_mb("VmRSS")
        if mode == "coldstart":
            # Select the biggest region and open the first article, as a user would.
            window.select_region("长三角")
            if window.list_model.rowCount():
                window.table.setCurrentIndex(window.list_model.index(0, 2))
            app.processEvents()
            result["rss_mb"] = _memory_mb("VmRSS")
            result["peak_rss_mb"] = _memory_mb("VmHWM")
            window.tasks.shutdown()
            finish()
        else:
            # A user starts an import from a window that is up: the window's first panels and
            # charts are drawn in the first seconds, and their stalls are recorded apart.
            settle_gaps: list[float] = []
            last = [time.perf_counter()]

            def settle_tick() -> None:
                now = time.perf_counter()
                settle_gaps.append(now - last[0])
                last[0] = now

            settle = QTimer(window)
            settle.setInterval(10)
            settle.timeout.connect(settle_tick)
            settle.start()
            settle_watchdog = StallWatchdog(last) if os.environ.get("BENCH_STALL_STACKS") == "1" else None

            def settled() -> None:
                settle.stop()
                result["settle_max_stall_ms"] = max(settle_gaps, default=0.0) * 1000
                if settle_watchdog is not None:
                    result["settle_stacks"] = settle_watchdog.stop()
                start_stall_probe()

            QTimer.singleShot(SETTLE_MS, settled)

    def start_stall_probe() -> None:
        from metroviewer.ingest.parallel import interactive_worker_count

        folder = sys.argv[3]
        gaps: list[float] = []
        last = [time.perf_counter()]

        ends: list[float] = []

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            ends.append(now)
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        t0 = time.perf_counter()
        # Sampling takes the interpreter lock too: only when asked (BENCH_STALL_STACKS=1).
        watchdog = StallWatchdog(last) if os.environ.get("BENCH_STALL_STACKS") == "1" else None

        def done(outcome: object) -> None:
            report = getattr(outcome, "value", None)
            timer.stop()
            result["import_s"] = time.perf_counter() - t0
            result["articles"] = getattr(report, "added", 0)
            result["max_event_loop_stall_ms"] = max(gaps) * 1000 if gaps else 0.0
            result["p99_event_loop_gap_ms"] = sorted(gaps)[int(len(gaps) * 0.99)] * 1000 if gaps else 0.0
            result["peak_rss_mb"] = _memory_mb("VmHWM")
            # When the longest stalls ended, in seconds after the import started (to find them).
            worst = sorted(range(len(gaps)), key=lambda i: -gaps[i])[:5]
            result["worst_stalls"] = [(round(gaps[i] * 1000), round(ends[i] - t0, 2)) for i in worst]
            if watchdog is not None:
                result["stall_stacks"] = watchdog.stop()
            window.tasks.shutdown()
            finish()

        # As the import wizard runs it: in a child process (ingest/external.py).
        def run_import(desk, p, c):
            return desk.import_paths([folder], progress=p, cancelled=c, separate_process=True,
                                     workers=interactive_worker_count())

        window.tasks.run(run_import, lane="long",
                         on_success=done, on_progress=lambda _p: None)
        # The user keeps working: every 200 ms the list is reloaded and the tree recounted.
        busy = QTimer(window)
        busy.setInterval(200)
        slowest = {"reload_list_ms": 0.0, "refresh_counts_ms": 0.0}

        def work_as_a_user() -> None:
            for name, call in (("reload_list_ms", window.reload_list), ("refresh_counts_ms", window.refresh_counts)):
                t = time.perf_counter()
                call()
                slowest[name] = max(slowest[name], (time.perf_counter() - t) * 1000)
            result.update(slowest)

        busy.timeout.connect(work_as_a_user)
        busy.start()

    def finish() -> None:
        # Write and leave at once: tearing Qt down is not what is being measured.
        Path(os.environ["BENCH_RESULT"]).write_text(json.dumps(result))
        os._exit(0)

    window.installEventFilter(FirstPaint(window))
    window.show()
    app.exec()


class StallWatchdog:
    """What the GUI thread is doing while its event loop is late: a thread samples the GUI thread's
    Python stack every few milliseconds once the last timer tick is more than LATE seconds old,
    and counts the stacks (innermost frames first). A stack ending in `exec` means the thread was
    in Qt's C++ code (painting, layout) or waiting for the interpreter lock, not in Python."""

    LATE = 0.030
    EVERY = 0.005
    FRAMES = 7

    def __init__(self, last_tick: list[float]):
        import threading
        from collections import Counter

        self.last_tick = last_tick
        self.gui = threading.get_ident()
        self.samples: Counter[str] = Counter()
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        import traceback

        while self.running:
            time.sleep(self.EVERY)
            if time.perf_counter() - self.last_tick[0] < self.LATE:
                continue
            frame = sys._current_frames().get(self.gui)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)[-self.FRAMES:]
            self.samples[" < ".join(f"{Path(s.filename).name}:{s.lineno} {s.name}" for s in reversed(stack))] += 1

    def stop(self) -> list[tuple[str, int]]:
        """The most sampled stacks, with how many samples (each about EVERY seconds of stall)."""
        self.running = False
        self.thread.join()
        return self.samples.most_common(12)


def measure_briefing(store_path: object) -> dict[str, float]:
    """A 200-article briefing (the newest 200), composed and written as PDF."""
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from metroviewer.briefing.compose import compose_briefing
    from metroviewer.briefing.document import briefing_document
    from metroviewer.regions.gazetteer import default_gazetteer
    from metroviewer.store import Store
    from metroviewer.ui.briefing_charts import chart_images
    from metroviewer.ui.briefing_printer import write_pdf
    from metroviewer.ui.fonts import register_fonts

    app = QApplication([])
    register_fonts(app)
    with Store(Path(str(store_path)), readonly=True) as store:
        ids = store.stories.one_per_story(store.articles.ids(limit=400))[:200]  # 200 different stories
        t = time.perf_counter()
        briefing = compose_briefing(store, default_gazetteer(), article_ids=ids)
    with tempfile.TemporaryDirectory() as tmp:
        doc = briefing_document(briefing)
        images = chart_images(doc)
        pages = write_pdf(doc, Path(tmp) / "brief.pdf", images)
        seconds = time.perf_counter() - t
        size = (Path(tmp) / "brief.pdf").stat().st_size
    return {"articles": briefing.article_count, "pages": pages, "seconds": round(seconds, 2),
            "pdf_kb": size // 1024, "charts": len(images), "key_figures_listed": len(briefing.key_figures)}


if __name__ == "__main__":
    main()
