"""Benchmark: PDFs as agencies publish them. Targets: an office-printed PDF ≤ 300 ms per report (read +
extract + check); a scanned page ≤ 2 s (A4, 150 dpi gray) and ≤ 1 GB resident for the whole read.

The samples are laid out as Word templates and printed by LibreOffice (``tests/formats/office.py``),
then rasterised and wrapped as scans; each scan is read in a fresh process so its peak memory is its
own. Wall time depends on what else the machine runs; CPU time is shown beside it.
Run: python benchmarks/bench_ocr.py [SCAN.pdf ...]"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from core.api import analyze_file
from core.checks import run_checks
from core.reading.progress import PageProgress
marks = []
progress = PageProgress(report=lambda done, total: marks.append((time.perf_counter(), time.process_time())))
t0, c0 = time.perf_counter(), time.process_time()
report = analyze_file(sys.argv[1], progress)
run_checks(report)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
pages = [b[0] - a[0] for a, b in zip(marks, marks[1:])]
cpus = [b[1] - a[1] for a, b in zip(marks, marks[1:])]
print(json.dumps({{"pages": len(report.source.pages), "wall": wall, "cpu": cpu, "page_wall": pages, "page_cpu": cpus,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _measure(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT)), str(path)], capture_output=True,
                          text=True, timeout=1800)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def office(cache: Path) -> None:
    from core.api import analyze_file
    from core.checks import run_checks
    from tests.formats.office import office_pdfs

    printed = office_pdfs(cache, ["000", "001", "002", "003", "004"], ["official", "narrow", "compact"])
    for path in printed.values():
        run_checks(analyze_file(path))  # warm imports and caches
    times, cpus = [], []
    for path in printed.values():
        t0, c0 = time.perf_counter(), time.process_time()
        run_checks(analyze_file(path))
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    print(f"office PDF ({len(times)} reports): median {statistics.median(times) * 1000:.0f} ms, max "
          f"{max(times) * 1000:.0f} ms wall; median {statistics.median(cpus) * 1000:.0f} ms CPU")


def main(argv: list[str]) -> None:
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        if argv:
            scans = [Path(a) for a in argv]
        else:
            from tests.formats.office import scanned_pdfs

            office(Path(tmp))
            scans = list(scanned_pdfs(Path(tmp), ["002", "004"], "official").values())
        for path in scans:
            m = _measure(path)
            per_page = statistics.median(m["page_wall"]) if m["page_wall"] else m["wall"] / max(m["pages"], 1)
            per_cpu = statistics.median(m["page_cpu"]) if m["page_cpu"] else m["cpu"] / max(m["pages"], 1)
            print(f"scan {path.name}: {m['pages']} pages, {m['wall']:.1f} s ({per_page:.2f} s/page median wall, "
                  f"{per_cpu:.2f} s/page CPU), peak {m['rss_mb']:.0f} MB resident")


if __name__ == "__main__":
    main(sys.argv[1:])
