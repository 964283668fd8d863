"""``export INPUT... --out DIR``: one audit workbook per agency plus 汇总.xlsx; keeps going past
unreadable files and lists them at the end. Exit status as for ``check``."""
from __future__ import annotations

import sys
from collections.abc import Sequence

from core.batch import export_paths


class ProgressBar:
    """A one-line bar on stderr, only when stderr is a terminal (logs stay clean)."""

    def __init__(self, stream=sys.stderr, width: int = 30) -> None:
        self.stream, self.width = stream, width
        self.enabled = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled or total <= 0:
            return
        filled = self.width * done // total
        name = label[-28:]
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {name:<28}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def run(inputs: Sequence[str], out_dir: str, reviewer: str = "", jobs: int | None = None) -> int:
    result = export_paths(inputs, out_dir, reviewer=reviewer, progress=ProgressBar(), jobs=jobs)
    written = [w for w in result.workbooks if w.path]
    reports = sum(len(w.reports) for w in result.workbooks)
    print(f"已读取 {reports} 份报告，生成 {len(written)} 个审阅底稿，汇总：{result.summary}")
    for w in result.workbooks:
        if w.error:
            print(f"未能写出 {w.reports[0].agency or w.reports[0].file}：{w.error}", file=sys.stderr)
    if result.unreadable:
        print(f"以下 {len(result.unreadable)} 个文件无法读取：", file=sys.stderr)
        for e in result.unreadable:
            print(f"  {e.path}：{e.error}", file=sys.stderr)
    return result.exit_status
