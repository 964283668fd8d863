"""Benchmark: read + extract + check per format. Targets: HTML ≤ 30 ms, DOCX ≤ 100 ms, PDF ≤ 1 s per
report. Run: python benchmarks/bench_formats.py"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.api import analyze_file  # noqa: E402
from core.checks import run_checks  # noqa: E402
from tests.engine.render_text import random_tables  # noqa: E402
from tests.formats.render_docs import render_docx, render_html, render_pdf  # noqa: E402


def main() -> None:
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, render in ((".html", render_html), (".docx", render_docx), (".pdf", render_pdf)):
            times = []
            for i in range(10):
                path = Path(tmp) / f"r{i}{suffix}"
                path.write_bytes(render(random_tables(rng)))
                run_checks(analyze_file(path))  # warm imports
                t0 = time.perf_counter()
                run_checks(analyze_file(path))
                times.append(time.perf_counter() - t0)
            print(f"{suffix:6s} median {statistics.median(times) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
