"""Benchmark the window: open a report to first paint (target ≤ 300 ms), an edit to re-check and
repaint (≤ 50 ms), and a folder of 500 reports loading on the worker thread while the event loop
stays responsive (longest gap between 10 ms timer ticks). Run:
QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QStandardPaths, QTimer  # noqa: E402

from core.template import CellKey  # noqa: E402
from ui.app import create_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402

SAMPLE = next((ROOT / "resources" / "samples").glob("002_*.txt"))


def main() -> None:
    app = create_app([])
    QStandardPaths.setTestModeEnabled(True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        opens, edits = [], []
        for i in range(10):
            path = Path(tmp) / f"r{i}.txt"
            shutil.copy(SAMPLE, path)
            window = MainWindow(settings)
            window.show()
            t0 = time.perf_counter()
            window.open_paths([str(path)], wait=True)
            window.repaint()
            app.processEvents()
            opens.append(time.perf_counter() - t0)
            model = window.models["applications"]
            key = CellKey("applications", "本年新收", 0)
            for value in ("50", "51", "52"):
                t0 = time.perf_counter()
                model.setData(model.index_of(key), value)
                window.pages["applications"].view.viewport().repaint()
                edits.append(time.perf_counter() - t0)
            for s in window.stacks.values():
                s.setClean()
            window.close()
        print(f"open to first paint: median {statistics.median(opens) * 1000:.0f} ms, max {max(opens) * 1000:.0f} ms")
        print(f"edit → re-check → repaint: median {statistics.median(edits) * 1000:.1f} ms, max {max(edits) * 1000:.1f} ms")
        print("  edits (ms):", " ".join(f"{e * 1000:.0f}" for e in edits))

        folder = Path(tmp) / "folder"
        folder.mkdir()
        for i in range(500):
            shutil.copy(SAMPLE, folder / f"r{i:03d}.txt")
        window = MainWindow(settings)
        window.show()
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(10)
        t0 = time.perf_counter()
        task = window.open_paths([str(folder)])
        done = []
        task.signals.finished.connect(lambda _r: done.append(time.perf_counter()))
        while not done:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()
        timer.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        print(f"500 reports loaded in {done[0] - t0:.1f} s; event loop: {len(ticks)} ticks, "
              f"longest gap {max(gaps) * 1000:.0f} ms, median gap {statistics.median(gaps) * 1000:.0f} ms")
        for s in window.stacks.values():
            s.setClean()
        window.close()


if __name__ == "__main__":
    main()
