"""Benchmark: the cross-report checks (year over year, 内容雷同) over 1,000 synthetic reports
(target ≤ 10 s), and what the narrative checks (N family) add to a single-report check on the five
samples (target ≤ 2 ms a sample). Run: python benchmarks/bench_duplicates.py"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.api import (
    analyze_file,  # noqa: E402
    analyze_text,  # noqa: E402
)
from core.checks import narrative, run_checks, run_cross_checks  # noqa: E402
from core.checks.catalogue import CHECKS  # noqa: E402
from tests.engine.render_text import random_tables, render_report  # noqa: E402

PHRASES = ["坚持以人民为中心", "围绕中心工作", "加强政务公开标准化规范化建设", "完善信息发布审核机制", "推进基层公开事项清单",
           "组织干部学习条例", "回应社会关切", "提升政策解读质量", "畅通依申请公开渠道", "加强政务新媒体管理",
           "强化保密审查", "推动重点领域信息公开", "优化政府网站栏目", "开展政府开放日活动", "落实三审三校制度"]


def main() -> None:
    rng = random.Random(0)
    reports = []
    for i in range(1000):
        story = "，".join(rng.sample(PHRASES, 10)) + "。" + f"全年开展培训{rng.randint(1, 30)}次。" * 2
        if i % 50 == 2:
            story = reports[-2][1]  # every 50 reports, another agency's narrative copied
        text = render_report(random_tables(rng), "pipe_cells", rng, agency=f"某某县第{i // 2}镇人民政府", year=2023 + i % 2)
        text = text.replace("扎实推进政务公开工作。", "扎实推进政务公开工作。" + story)
        reports.append((analyze_text(text, path=f"r{i}.txt"), story))
    t0 = time.perf_counter()
    found = run_cross_checks([(r, None) for r, _ in reports])
    elapsed = time.perf_counter() - t0
    counts: dict[str, int] = {}
    for fs in found:
        for f in fs:
            counts[f.rule] = counts.get(f.rule, 0) + 1
    print(f"cross-report checks over 1,000 reports: {elapsed:.2f} s; findings by rule: {dict(sorted(counts.items()))}")



def narrative_overhead(rounds: int = 50) -> None:
    """Time run_checks with and without the N-family functions registered."""
    reports = [analyze_file(p) for p in sorted((ROOT / "tests" / "fixtures" / "samples").glob("*.txt"))]
    mine = [fn for fn in CHECKS if fn.__module__ == narrative.__name__]

    def per_report() -> float:
        t0 = time.perf_counter()
        for _ in range(rounds):
            for r in reports:
                run_checks(r)
        return (time.perf_counter() - t0) / rounds / len(reports) * 1000

    with_n = per_report()
    for fn in mine:
        CHECKS.remove(fn)
    without_n = per_report()
    CHECKS.extend(mine)
    print(f"run_checks per sample: {with_n:.2f} ms with the N checks, {without_n:.2f} ms without "
          f"(N adds {with_n - without_n:.2f} ms)")


if __name__ == "__main__":
    main()
    narrative_overhead()
