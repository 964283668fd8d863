"""Benchmark: ``main.py check --json`` as a user runs it, over generated batches of 1k / 3k / 10k
reports in three corpora (``corpus.py``: distinct texts, one template with the agencies renamed,
identical copies). For each: wall time and CPU time (the process and its workers), the marginal
milliseconds per report of each (the batch minus one report alone, over the reports added; on a
machine shared with other work the CPU figure is the one that does not depend on the load), and peak
memory (the resident sets of the whole process tree, sampled). Batches under 10,000 reports are run three
times and the medians taken (the peak: the largest), as one report alone always was.

Targets (issue 17): ≤ 5 ms marginal per text report on one process; ≤ 200 MB for 10,000 reports;
10,000 near-duplicate reports (the template corpus) ≤ 60 s for the whole check with the default jobs.
A fixed pure-Python loop is timed before and after (``reference_ms``): the machine's speed, beside which
the milliseconds are to be read. ``--verify`` also checks, on the smallest batches (1k), that 内容雷同 (X05) finds what comparing every pair
exactly finds. Run: python benchmarks/bench_scale.py [--sizes 1000,3000,10000] [--verify]"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import KINDS, write_corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
ROW = "| {} | {:,} | {} | {:.1f} | {:.2f} | {:.1f} | {:.2f} | {:.0f} |"
# a batch smaller than this is timed three times and the medians taken: the shorter the batch, the more one
# noisy run of a shared machine moves its marginal figure (one report alone is always timed three times)
REPEAT_BELOW, REPEATS = 10_000, 3


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            pass
        todo += children.get(pid, [])
    return total


def run_check(files: list[Path], jobs: int | None, out: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process and its workers, peak resident bytes of the process
    tree) of one ``check --json`` call."""
    cmd = [sys.executable, str(ROOT / "main.py"), "check", *map(str, files), "--json"]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    peak, done = [0], threading.Event()
    with open(out, "w", encoding="utf-8") as sink:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL)

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # the rusage counts the workers it has reaped
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {' '.join(cmd[:4])} …")
    return wall, usage.ru_utime + usage.ru_stime, peak[0]


def reference_ms() -> float:
    """CPU milliseconds of a fixed pure-Python loop (best of five): how fast this machine runs Python
    right now. Shared machines of the same kind have differed by more than 2× from one day to the
    next, so milliseconds per report are only comparable beside this figure."""
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        sum(i * i for i in range(1_000_000))
        best = min(best, time.process_time() - t0)
    return best * 1000


def verify(files: list[Path], output: Path) -> str:
    """X05 against an exact comparison of every pair (Python sets of 5-gram strings): the same reports
    flagged, the same count of copies, and every copy shown a real copy with its similarity."""
    from itertools import combinations

    from core.api import analyze_file
    from core.checks import CheckContext
    from core.checks.cross_state import NARRATIVE_PARTS, part_text
    from core.checks.similarity import _DIGIT, _NOISE, SHINGLE, THRESHOLD
    from core.extraction.agency import same_agency

    reports = [analyze_file(f) for f in files]
    sets = []
    for r in reports:
        body = _DIGIT.sub("0", _NOISE.sub("", part_text(CheckContext(r), NARRATIVE_PARTS)))
        sets.append({body[i:i + SHINGLE] for i in range(max(len(body) - SHINGLE + 1, 0))})
    names = [f"{r.agency or r.source.path} {r.year or ''}年度报告".strip() for r in reports]
    copies: dict[int, dict[int, float]] = {}
    for i, j in combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        if len(a) < 40 or len(b) < 40 or same_agency(reports[i].agency, reports[j].agency)[0]:
            continue
        sim = len(a & b) / len(a | b)
        if sim >= THRESHOLD:
            copies.setdefault(i, {})[j] = sim
            copies.setdefault(j, {})[i] = sim
    data = json.loads(output.read_text(encoding="utf-8"))
    exact = same_count = shown_ok = 0
    for i, item in enumerate(data):
        x05 = [f["message"] for f in item["findings"] if f["rule"] == "X05"]
        assert bool(x05) == (i in copies), f"report {i}: X05 {bool(x05)}, exact {i in copies}"
        if not x05:
            continue
        found = copies[i]
        more = re.search(r"等 (\d+) 份报告", x05[0])
        same_count += (int(more.group(1)) if more else len(re.findall(r"（\d\.\d\d）", x05[0]))) == len(found)
        best = sorted(found.items(), key=lambda m: (-m[1], m[0]))[:3]
        closest = "、".join(f"{names[j]}（{sim:.2f}）" for j, sim in best)
        exact += x05[0].startswith(f"正文与其他机关的报告高度雷同：{closest}")
        by_name: dict[str, set[str]] = {}
        for j, sim in found.items():
            by_name.setdefault(names[j], set()).add(f"{sim:.2f}")
        listed = re.findall(r"(?:：|、)([^（、]+)（(\d\.\d\d)）", x05[0].split("等 ")[0])
        shown_ok += all(sim in by_name.get(name, ()) for name, sim in listed)
    flagged = len(copies)
    return (f"X05 on {flagged} reports, as the exact comparison; count of copies right on {same_count}/{flagged}; "
            f"every copy shown a real copy with its exact similarity on {shown_ok}/{flagged}; "
            f"message identical to the exact one (the same three closest) on {exact}/{flagged}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,3000,10000")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--verify", action="store_true", help="compare X05 with every pair compared exactly")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    notes = [f"reference loop before the runs: {reference_ms():.0f} ms"]
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
        for kind in args.kinds.split(","):
            files = write_corpus(kind, max(sizes), Path(tmp) / kind)
            out = Path(tmp) / f"{kind}.json"
            alone = [statistics.median(x) for x in zip(*(run_check(files[:1], 1, out)[:2] for _ in range(3)))]
            for n in sizes:
                for jobs in (1, None):
                    runs = [run_check(files[:n], jobs, out) for _ in range(REPEATS if n < REPEAT_BELOW else 1)]
                    wall, cpu = (statistics.median(r[k] for r in runs) for k in (0, 1))
                    peak = max(r[2] for r in runs)
                    rows.append((kind, n, "1" if jobs == 1 else f"all ({os.cpu_count()})", wall,
                                 (wall - alone[0]) / (n - 1) * 1000, cpu, (cpu - alone[1]) / (n - 1) * 1000,
                                 peak / 2 ** 20))
                    print(ROW.format(*rows[-1]), flush=True)
                    if args.verify and n == sizes[0] and jobs == 1:
                        notes.append(f"{kind}, {n:,}: {verify(files[:n], out)}")
                        print(notes[-1], flush=True)
    print("\n| corpus | reports | jobs | wall s | marginal ms/report (wall) | CPU s | marginal ms/report (CPU) "
          "| peak MB |\n|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(ROW.format(*row))
    notes.append(f"reference loop after the runs: {reference_ms():.0f} ms")
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
