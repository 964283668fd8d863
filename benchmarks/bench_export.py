"""Benchmark: workbook writing. Targets: ≤ 30 ms per workbook (the median of ten saves of each sample;
wall clock, with the CPU time beside it, as other work on the machine inflates the wall clock);
1,000 reports → workbooks + 汇总.xlsx ≤ 40 s on 2 cores (reading and checking included).
Run: python benchmarks/bench_export.py"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.batch import export_paths  # noqa: E402
from core.export.workbook import save_workbook  # noqa: E402
from core.review.session import load_entry  # noqa: E402
from tests.engine.render_text import STYLES, random_tables, render_report  # noqa: E402

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for path in SAMPLES:
            review = load_entry(str(path)).review
            save_workbook([review], out / "warm.xlsx", force=True)
            wall, cpu = [], []
            for i in range(10):
                t0, c0 = time.perf_counter(), time.process_time()
                save_workbook([review], out / f"w{i}.xlsx", force=True)
                wall.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            print(f"{path.name:32s} workbook median {statistics.median(wall) * 1000:6.1f} ms "
                  f"(CPU {statistics.median(cpu) * 1000:5.1f} ms)")
        rng = random.Random(1)
        batch = out / "batch"
        batch.mkdir()
        for i in range(1000):
            style = STYLES[i % (len(STYLES) - 1)]  # the glued style is benchmarked in bench_core
            text = render_report(random_tables(rng), style, rng, agency=f"某某县第{i // 2}镇人民政府", year=2023 + i % 2)
            (batch / f"r{i:04d}.txt").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        result = export_paths([str(batch)], out / "export", jobs=2)
        total = time.perf_counter() - t0
        print(f"1,000 reports → {len(result.workbooks)} workbooks + 汇总.xlsx on 2 processes: {total:.1f} s")


if __name__ == "__main__":
    main()
