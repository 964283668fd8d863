"""Benchmark: read + extract + check. Targets (2-core machine): ≤ 5 ms per text report (median),
≤ 10 s for a batch of 1,000 reports. Run: python benchmarks/bench_core.py"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.api import analyze_file  # noqa: E402
from core.checks import run_checks  # noqa: E402
from core.extraction.normalize import fold  # noqa: E402
from tests.engine.render_text import STYLES, random_tables, render_report  # noqa: E402

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt")) or sorted((ROOT / "tests" / "engine" / "data").glob("*.txt"))


def once(path: Path) -> float:
    fold.cache_clear()  # each run starts cold, as a new file would
    t0 = time.perf_counter()
    run_checks(analyze_file(path))
    return time.perf_counter() - t0


def main() -> None:
    for path in SAMPLES:
        once(path)
        times = [once(path) for _ in range(50)]
        print(f"{path.name:32s} median {statistics.median(times) * 1000:6.2f} ms   max {max(times) * 1000:6.2f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        rng = random.Random(0)
        files = []
        for i in range(1000):
            style = STYLES[i % len(STYLES)]
            text = render_report(random_tables(rng), style, rng, agency=f"某某县第{i}镇人民政府", year=2020 + i % 5)
            p = Path(tmp) / f"r{i:04d}.txt"
            p.write_text(text, encoding="gb18030" if i % 3 == 0 else "utf-8")
            files.append(p)
        t0 = time.perf_counter()
        per = [once(p) for p in files]
        total = time.perf_counter() - t0
        print(f"batch of 1,000 reports (6 serialisations, UTF-8 and GB18030): {total:.2f} s total, "
              f"median {statistics.median(per) * 1000:.2f} ms, p95 {sorted(per)[949] * 1000:.2f} ms (one process)")
        t0 = time.perf_counter()
        with ProcessPoolExecutor(2) as pool:
            list(pool.map(once, files, chunksize=25))
        print(f"same batch on 2 processes: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
